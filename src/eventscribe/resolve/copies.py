"""Reprints: the same wire story on several sites counts as one source.

Two reports are copies when their word 5-gram sets overlap by at least COPY_JACCARD. Only
reports that already share an event are compared, so the cost follows the events, not the
square of the archive.
"""
from __future__ import annotations

import re
import zlib

COPY_JACCARD = 0.5
_SHINGLE = 5


def shingles(text: str) -> frozenset[int]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < _SHINGLE:
        return frozenset({zlib.crc32(" ".join(words).encode())}) if words else frozenset()
    return frozenset(zlib.crc32(" ".join(words[i:i + _SHINGLE]).encode()) for i in range(len(words) - _SHINGLE + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def find_copies(doc_ids: list[str], shingle_sets: dict[str, frozenset[int]]) -> dict[str, tuple[str, float]]:
    """doc_id -> (the earlier report it copies, similarity), earliest id first as the original."""
    copies: dict[str, tuple[str, float]] = {}
    ordered = sorted(doc_ids)
    for index, doc in enumerate(ordered):
        for earlier in ordered[:index]:
            if earlier in copies:
                continue
            similarity = jaccard(shingle_sets[doc], shingle_sets[earlier])
            if similarity >= COPY_JACCARD:
                copies[doc] = (earlier, round(similarity, 3))
                break
    return copies


RUN_WORDS = 8


def long_runs(text: str, length: int = RUN_WORDS) -> frozenset[int]:
    """Hashes of every run of `length` words: two reports sharing one wrote a sentence alike."""
    words = re.findall(r"\w+", text.lower())
    return frozenset(zlib.crc32(" ".join(words[i:i + length]).encode()) for i in range(len(words) - length + 1))
