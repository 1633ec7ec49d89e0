"""A report's fingerprint as the per-document stage makes it, and as those that make it from a
stored or training text make it too (resolve's fill-in for reports stored before fingerprints,
`learn.stories`): time expressions looked for sentence by sentence, as the stage's dating does."""
from __future__ import annotations

from ..fingerprint import fingerprint, search_terms
from ..model import Sentence
from .sentences import split_sentences


def story_fingerprint(cleaned: str, sentences: list[Sentence] | None = None) -> tuple[dict[str, float], list[str]]:
    """(fingerprint, search terms) of a cleaned English text, given its sentences or not."""
    sentences = split_sentences(cleaned) if sentences is None else sentences
    found = fingerprint(cleaned, sentences=[sentence.text for sentence in sentences])
    return found, search_terms(found)
