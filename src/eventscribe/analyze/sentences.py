"""Split cleaned text into sentences with exact character offsets.

A rule splitter rather than the parser: it runs on every sentence of every document, so it
must be cheap, and its offsets must slice the cleaned text exactly.
"""
from __future__ import annotations

import re

from ..letters import latin
from ..model import Sentence
from .words import words

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
    "gov", "sen", "rep", "rev", "st", "sr", "jr", "h.e", "hon", "pres", "amb", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx",
}
# A sentence end: the stop, closing quotes, space, an opening capital; or a stop glued to the
# next sentence's first word, as pages joined from paragraphs have it ('the statement ends.The
# heads of state…'): after a lower-case word, before a capitalised one.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9•])"
                       r"|(?<=[a-z]{2}[.!?])[\"”’')\]]*(?=[A-Z][a-z])")
_BULLET = re.compile(r"^\s*[•▪◦*\-–]\s+")


_LAST_WORD = re.compile(r"(\S+)\.[\"”’')\]]*$")
_TAIL = 100


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends with an abbreviation. Only the chunk's tail is searched (a
    line with many abbreviations would otherwise be searched again from its start at each)."""
    tail_start = max(start, end - _TAIL)
    match = _LAST_WORD.search(text, tail_start, end)
    if match and match.start() == tail_start and tail_start > start and not text[tail_start - 1].isspace():
        match = _LAST_WORD.search(text, start, end)   # the last word is longer than the tail
    if not match:
        return False
    word = match.group(1).lower().lstrip("(\"“")
    # Single capitals ("J. Smith") and dotted initialisms ("U.S.") are not sentence ends.
    return word in _ABBREVIATIONS or len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word))


# "OSLO, (ST)_", "(Harbour News Agency, 4 June 2019) ~", "NAIROBI, June 4 (Xinhua) --":
# a dateline before the first sentence is a segment of its own, so the parser sees a clean sentence
# ('ASUNCIÓN —' too: accented capitals count).
_DATELINE_PREFIX = re.compile(latin(
    r"^\s*(?:[A-Z][A-Za-z .,'/\[\]]{1,60}?,\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,?\s*\d{4})?\s*(?:\([^()]{1,30}\))?\s*(?::|--|[–—]|-(?=\s))|"
    r"[A-Z][A-Za-z .,'/]{1,60}?\s*\([^()]{1,60}\)\s*(?:--|[~_–—-])|\([^()]{3,80}\)\s*[~–—-]|"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?\s+[–—]\s|[A-Z][A-Z .'/]{2,40},?\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2},?\s*)?(?:\([^()]{1,30}\))?\s*(?:--|[–—]|-(?=\s))|"
    # "JAYAPURA, Indonesia - …", "LAGOS, Nigeria (Agency) — …": a capitals city and its country
    r"[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+){0,2},\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\s*(?:\([^()]{1,30}\))?\s*(?:--|[–—]|-(?=\s)))\s*"))


# "16:45 - Police say …", "14:20 GMT – Soldiers …", "3 May 2025 - Rebels …": a live page's or a
# monitor's entry stamp is no part of the sentence it opens (the parser would read "GMT - Soldiers"
# as one name); as a segment of its own it still dates the entry (see analyze.pipeline).
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_STAMP_PREFIX = re.compile(
    r"^\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}(?:[+-]\d{1,2})?)?"
    rf"|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
    r"\s*(?:--|[–—-]|:)\s+(?=\S)")


_CLOCK_STAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}(?:[+-]\d{1,2})?)?\s*(?:--|[–—-]|:)\s*$")


def is_clock_stamp(segment: str) -> bool:
    """'16:05 GMT -', '9.40am -': an entry stamp of a time of day and no day."""
    return bool(_CLOCK_STAMP.match(segment))


# "Kavumbo: At about 23:40, shells hit …", "3 May - Tabora, Kazima market: …", "Banjul /
# Brikama: The mission …": a monitor's note opens with where it happened. Split from its
# sentence, the parser does not read the town as the sentence's subject, and the entry keeps it
# as its place (entry_place). Words of the label are capitalised or nouns of places.
_LABEL_WORD = r"(?:[A-Z][\w'’.\-]*|%s)" % "|".join(sorted(words("place_label_nouns")))
_LABEL_NAME = rf"[A-Z][\w'’.\-]*(?:[ \-]{_LABEL_WORD}){{0,4}}"
# a part of the town named after it may be numbered ('Tabora, Ward 4', 'Goma, Sector 2'); the
# first name may not, which would take 'Resolution 2334:' for a place
_NUMBERED_LABEL_NAME = rf"{_LABEL_NAME}(?:\s\d{{1,3}}[A-Za-z]?)?"
_LABEL_SEPARATOR_TEXT = r"\s*[/,&]\s*|\s+and\s+"   # 'Banjul / Brikama', 'Wakamas and Chumbitza'
# ('Mityana (Busunju junction):': a site of the town in brackets, its last word a place's noun;
# not a speaker's party, 'Bobi Wine (NUP):')
_BRACKETED_SITE = rf"\s*\((?:[^()\n]{{0,30}}\s)?(?:{'|'.join(sorted(words('place_label_nouns')))})\)"
_LABEL_PLACES = rf"(?P<place>{_LABEL_NAME}(?:(?:{_LABEL_SEPARATOR_TEXT}){_NUMBERED_LABEL_NAME}){{0,3}})(?:{_BRACKETED_SITE})?\s*:"
_PLACE_LABEL = re.compile(_LABEL_PLACES + r"\s+(?=[\"“A-Z0-9])")
_LABEL_ALONE = re.compile(_LABEL_PLACES + r"\s*$")
_LABEL_SEPARATOR = re.compile(_LABEL_SEPARATOR_TEXT)


def line_prefix(line: str) -> int:
    """The length of what opens a line before its first sentence: a dateline, or an entry
    stamp and the place label after it; 0 when nothing does."""
    found = _DATELINE_PREFIX.match(line) or _STAMP_PREFIX.match(line)
    end = found.end() if found else 0
    label = _PLACE_LABEL.match(line, end)
    return label.end() if label else end


def entry_place(prefix: str) -> list[str]:
    """The places an entry's opening names ('3 May - Wakamas and Chumbitza:' -> both), first
    named first; none when it names none."""
    found = _STAMP_PREFIX.match(prefix + " ")   # the segment ends at its stamp's dash
    label = _LABEL_ALONE.match(prefix, found.end() if found else 0)
    if label is None:
        return []
    return [name.strip() for name in _LABEL_SEPARATOR.split(label.group("place"))
            if name.strip() and name.strip().lower() not in _SECTION_LABELS]


# 'Background: …', 'AID: …', 'Context: …': a section of the report, not where it happened.
_SECTION_LABELS = words("section_labels")


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        prefix = line_prefix(line.group(0))
        if prefix and prefix < len(line.group(0)) - 20:
            _append(sentences, text, start, start + prefix)
            start += prefix
        chunk_start = start
        for boundary in _BOUNDARY.finditer(text, start, line.end()):
            end = boundary.start()
            if _ends_with_abbreviation(text, chunk_start, end):
                continue
            _append(sentences, text, chunk_start, end)
            chunk_start = boundary.end()
        _append(sentences, text, chunk_start, line.end())
    return sentences


# No sentence is longer than this: a run of text without sentence ends (a line of lower-case
# text, a table dumped as one line) is cut at spaces into pieces the parser handles.
MAX_SENTENCE_CHARS = 5000


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        _append(sentences, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))


def is_bullet(sentence: Sentence) -> bool:
    return bool(_BULLET.match(sentence.text))
