"""A report's fingerprint: the words that tell its story from others of the same kind.

Two reports of one earthquake share its place, its magnitude, its day and the names in it;
two earthquakes share only the words of earthquakes. So each word counts by how rare it is in
the language at large (wordfreq's frequency lists, shipped in its wheel: the same weight for
every corpus, whatever else was ingested, so a report's fingerprint depends on its text alone),
each use of a name or a number counts as three of a common word (the weight grows with the
log of the count), and a time expression ('on Tuesday', 'March 3') counts
as one rare term. The TERMS heaviest terms are kept, scaled to length 1, so that the cosine of
two fingerprints is their dot product.
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable

from .timeparse import find_expressions

TERMS = 64                 # terms kept per report (a story's names and numbers fit easily)
TIME_WEIGHT = 4.0          # a time expression weighs as a word seen once in a million
SEARCH_RARITY = 2.5        # zipf 4.5 and rarer: seen at most once in 30,000 words
NAME_FACTOR = 3            # a capitalised word or a number, against a common word
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+")
_COMMON = 7.0              # zipf frequency at which a word weighs nothing ('the' is 7.7)


@functools.lru_cache(maxsize=4)
def _frequencies(language: str) -> tuple[dict[str, float], float]:
    import wordfreq   # (loaded once per process, on the first report)
    table = wordfreq.get_frequency_dict(language, wordlist="large")
    return table, min(table.values()) / 10


@functools.lru_cache(maxsize=1 << 18)
def rarity(word: str, language: str = "en") -> float:
    """How rare a lower-case word is: 7 less its zipf frequency (log10 per billion words),
    never below 0. A word the list does not know weighs as one rarer than all it knows."""
    if any(character.isdigit() for character in word):
        return _number_rarity(word, language)
    table, unseen = _frequencies(language)
    return max(0.0, -math.log10(table.get(word, unseen)) - (9.0 - _COMMON))


def _number_rarity(word: str, language: str) -> float:
    # wordfreq's lists hold numbers by their shape ('0000'); it spreads a shape's frequency over
    # the numbers of that shape, years the most ('2021' is as common as 'ukraine', '12000' rare)
    import wordfreq
    return max(0.0, _COMMON - wordfreq.zipf_frequency(word, language))


def fingerprint(text: str, language: str = "en", sentences: Iterable[str] | None = None) -> dict[str, float]:
    """term -> weight, at most TERMS of them, of unit length; {} for a text without words.
    Given the text's `sentences`, time expressions are looked for sentence by sentence, which
    the per-document stage's own search for each sentence's dates then finds cached."""
    counts: dict[str, int] = {}
    for word in _WORD.findall(text):
        lower = word.lower()
        if len(lower) > 1:
            counts[lower] = counts.get(lower, 0) + (NAME_FACTOR if word[0].isupper() or word.isdigit() else 1)
    weights = {term: (1 + math.log(n)) * rarity(term, language) for term, n in counts.items()}
    times: dict[str, int] = {}
    for _, _, expression in (found for piece in ([text] if sentences is None else sentences)
                             for found in find_expressions(piece)):
        term = "time:" + expression.lower()
        times[term] = times.get(term, 0) + NAME_FACTOR
    weights.update({term: (1 + math.log(n)) * TIME_WEIGHT for term, n in times.items()})
    kept = sorted(((term, w) for term, w in weights.items() if w > 0), key=lambda item: (-item[1], item[0]))[:TERMS]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    return {term: round(w / norm, 6) for term, w in kept}


def similarity(first: dict[str, float], second: dict[str, float]) -> float:
    """The cosine of two fingerprints, summed in term order (so that it is the same to the last
    bit however the terms were read: from memory, or from a store in any row order)."""
    return sum(first[term] * second[term] for term in sorted(first.keys() & second.keys()))


def search_terms(terms: dict[str, float], language: str = "en") -> list[str]:
    """The terms of a fingerprint by which reports of its story are looked for: words rarer than
    SEARCH_RARITY ('police', 'president', a year or 'on Tuesday' are in many stories'
    fingerprints and would bring back thousands of reports that share nothing else; they still
    count in the cosine). Decided by the word alone, never by how
    many reports hold it, so that which reports meet does not depend on what else was stored."""
    return sorted(term for term in terms if not term.startswith("time:") and rarity(term, language) >= SEARCH_RARITY)
