"""A report's fingerprint as the per-document stage makes it, for those that make it from a
stored or training text (resolve's fill-in for reports stored before fingerprints, and
`learn.stories`): time expressions looked for sentence by sentence, as the stage does."""
from __future__ import annotations

from ..fingerprint import fingerprint, search_terms
from .sentences import split_sentences


def story_fingerprint(cleaned: str) -> tuple[dict[str, float], list[str]]:
    """(fingerprint, search terms) of a cleaned English text."""
    found = fingerprint(cleaned, sentences=[sentence.text for sentence in split_sentences(cleaned)])
    return found, search_terms(found)
