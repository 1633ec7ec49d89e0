"""A language's word sets for the modules beneath the frames (participants, modality): read
straight from lang/<code>/wordsets.tsv, so that they need not load the frames and their checks,
which themselves read participants.

    from eventscribe.analyze.words import words
    words("side_nouns")      # frozenset of lemmas: 'force', 'police', 'rebel', ...
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from .frames import UNKNOWN_WORDSET, WORDSETS_FILE, FrameError, load_wordsets

LANG_DIR = Path(__file__).parent / "lang"
DEFAULT_LANGUAGE = "en"


@cache
def _wordsets(language: str) -> dict[str, frozenset[str]]:
    return load_wordsets(LANG_DIR / language / WORDSETS_FILE)


def words(name: str, language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """The word set `name` of the language; FrameError (F006) naming the file if there is none."""
    sets = _wordsets(language)
    if name not in sets:
        raise FrameError(UNKNOWN_WORDSET, f"{language}/{WORDSETS_FILE}", f"no word set {name!r}")
    return sets[name]
