"""A report's fingerprint: the words that tell its story from others of the same kind.

Two reports of one earthquake share its place, its magnitude, its day and the names in it;
two earthquakes share only the words of earthquakes. So each word counts by how rare it is in
the language at large (wordfreq's frequency lists, shipped in its wheel: the same weight for
every corpus, whatever else was ingested, so a report's fingerprint depends on its text alone),
names and numbers count three times, and a time expression ('on Tuesday', 'March 3') counts
as one rare term. The TERMS heaviest terms are kept, scaled to length 1, so that the cosine of
two fingerprints is their dot product.
"""
from __future__ import annotations

import functools
import math
import re

from .timeparse import find_expressions

TERMS = 64                 # terms kept per report (a story's names and numbers fit easily)
TIME_WEIGHT = 4.0          # a time expression weighs as a word seen once in ten million
NAME_FACTOR = 3            # a capitalised word or a number, against a common word
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+")
_COMMON = 7.0              # zipf frequency at which a word weighs nothing ('the' is 7.7)


@functools.lru_cache(maxsize=4)
def _frequencies(language: str) -> tuple[dict[str, float], float]:
    import wordfreq   # (loaded once per process, on the first report)
    table = wordfreq.get_frequency_dict(language, wordlist="large")
    return table, min(table.values()) / 10


def rarity(word: str, language: str = "en") -> float:
    """How rare a lower-case word is: 7 less its zipf frequency (log10 per billion words),
    never below 0. A word the list does not know weighs as one rarer than all it knows."""
    table, unseen = _frequencies(language)
    return max(0.0, -math.log10(table.get(word, unseen)) - (9.0 - _COMMON))


def fingerprint(text: str, language: str = "en") -> dict[str, float]:
    """term -> weight, at most TERMS of them, of unit length; {} for a text without words."""
    counts: dict[str, int] = {}
    for word in _WORD.findall(text):
        lower = word.lower()
        if len(lower) > 1:
            counts[lower] = counts.get(lower, 0) + (NAME_FACTOR if word[0].isupper() or word.isdigit() else 1)
    weights = {term: (1 + math.log(n)) * rarity(term, language) for term, n in counts.items()}
    times: dict[str, int] = {}
    for _, _, expression in find_expressions(text):
        times["time:" + expression.lower()] = times.get("time:" + expression.lower(), 0) + NAME_FACTOR
    weights.update({term: (1 + math.log(n)) * TIME_WEIGHT for term, n in times.items()})
    kept = sorted(((term, w) for term, w in weights.items() if w > 0), key=lambda item: (-item[1], item[0]))[:TERMS]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    return {term: round(w / norm, 6) for term, w in kept}


def similarity(first: dict[str, float], second: dict[str, float]) -> float:
    """The cosine of two fingerprints."""
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(term, 0.0) for term, weight in first.items())
