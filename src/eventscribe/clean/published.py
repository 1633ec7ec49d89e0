"""Find the publication date in the text when the metadata has none.

Only places where pages print their own date count: a line that is just a date
("Tuesday, 4 June 2019"), a parenthesised source line ("(Harbour News Agency,
9 March 2016)"), or a dateline ("NAIROBI, June 4, 2019 (Xinhua) --"). A date inside a
sentence ("On March 9, 2016, the president ...") is an event's date, not the page's.
"""
from __future__ import annotations

import re

from ..letters import latin
from ..timeparse import find_expressions, resolve

_HEAD_CHARS = 800
_DATELINE = re.compile(latin(r"^[A-Z][A-Z .'/-]{2,40},\s*$"))


def _line_of(text: str, start: int, end: int) -> tuple[str, str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[line_start:start], text[start:end], text[end:line_end]


def _is_page_date(before: str, after: str) -> str | None:
    before_stripped, after_stripped = before.strip(), after.strip()
    if not before_stripped.strip("|-–—•") and not after_stripped.strip("|-–—•"):
        return "a line of its own"
    if before_stripped.endswith("(") or re.search(r"\([^()]{0,80},\s*$", before):
        return "a parenthesised source line"
    if _DATELINE.match(before) or before_stripped.lower() in ("published", "published:", "posted", "posted on", "updated", "updated:", "date:"):
        return "a dateline"
    return None


# How a date found in the text is told: 'text: …' (what a reader gave is told otherwise).
TEXT_DATE_BASIS = "text:"


def find_published(text: str, title: str | None = None) -> tuple[str | None, str | None]:
    """Return (ISO date, how it was found) or (None, None)."""
    head = text[:_HEAD_CHARS]
    for start, end, words in find_expressions(head):
        value = resolve(words, None)
        if value is None or value.precision != "day":
            continue
        before, _, after = _line_of(text, start, end)
        where = _is_page_date(before, after)
        if where:
            return value.value, f"{TEXT_DATE_BASIS} '{words}' on {where} near the top"
    return None, None
