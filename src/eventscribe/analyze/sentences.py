"""Split cleaned text into sentences with exact character offsets.

A rule splitter rather than the parser: it runs on every sentence of every document, so it
must be cheap, and its offsets must slice the cleaned text exactly.
"""
from __future__ import annotations

import re

from ..model import Sentence

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
    "gov", "sen", "rep", "rev", "st", "sr", "jr", "h.e", "hon", "pres", "amb", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx",
}
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9•])")
_BULLET = re.compile(r"^\s*[•▪◦*\-–]\s+")


def _ends_with_abbreviation(chunk: str) -> bool:
    match = re.search(r"(\S+)\.[\"”’')\]]*$", chunk)
    if not match:
        return False
    word = match.group(1).lower().lstrip("(\"“")
    # Single capitals ("J. Smith") and dotted initialisms ("U.S.") are not sentence ends.
    return word in _ABBREVIATIONS or len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word))


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        chunk_start = start
        for boundary in _BOUNDARY.finditer(line.group(0)):
            end = start + boundary.start()
            if _ends_with_abbreviation(text[chunk_start:end]):
                continue
            _append(sentences, text, chunk_start, end)
            chunk_start = start + boundary.end()
        _append(sentences, text, chunk_start, line.end())
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))


def is_bullet(sentence: Sentence) -> bool:
    return bool(_BULLET.match(sentence.text))
