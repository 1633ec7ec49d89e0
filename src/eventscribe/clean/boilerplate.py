"""Remove page furniture from plain text: related-headline blocks, share widgets, tag junk,
disclaimers and sign-offs. Works on lines so that what remains is verbatim article text.
"""
from __future__ import annotations

import re

# A line that opens a block of links to other stories: everything after it that looks like
# headlines goes too.
_BLOCK_OPENERS = re.compile(
    r"^\s*(you (might|may) also like|latest news|read (also|more)|also read|check also|related"
    r"( (news|articles|posts|stories|content))?|more (news|stories)|recommended( for you)?"
    r"|most (read|popular)|trending( now)?|top stories|see also|popular posts|more from)\s*:?\s*$",
    re.IGNORECASE,
)
# Single lines that are furniture wherever they stand.
_FURNITURE_LINE = re.compile(
    r"^\s*(share( this( article| story)?)?( on)?\s*:?|tweet|print|email|whatsapp|facebook|twitter"
    r"|telegram|linkedin|advertisement|sponsored|subscribe( now)?|sign up.*newsletter.*"
    r"|%d bloggers like this:?|like this:?|loading\.\.\.|tags?\s*:.*|filed under\s*:.*"
    r"|follow us( on)?.*|click here.*|photo\s*:.*|image\s*:.*|source\s*:\s*\S*|©.*|copyright.*"
    r"|all rights reserved.*|submitted by .*|re-?publications are welcome.*"
    r"|\(?file(?: photo)?\)?\s*[:\-–]?\s.*\(photo.*|\(file\).*|file photo[:\s].*)\s*$",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^\s*(note|disclaimer)\s*:.*(responsib|opinion|views?|point of view|endorse)", re.IGNORECASE
)
_JUNK = re.compile(r"^[\s,;|•·*\-–—_/]*$")
_TRUNCATION = re.compile(r"(\.\.\.|…)")


def _is_headline_like(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    if len(_TRUNCATION.findall(stripped)) >= 2:
        return True
    # Short lines without closing punctuation are titles of other stories.
    return len(stripped) < 160 and not stripped.endswith((".", "”", '"', "’"))


def remove_boilerplate(text: str) -> tuple[str, int]:
    """Return (cleaned text, number of lines removed)."""
    kept: list[str] = []
    removed = 0
    in_block = False
    for line in text.split("\n"):
        if _BLOCK_OPENERS.match(line):
            in_block, removed = True, removed + 1
            continue
        if in_block:
            if _is_headline_like(line):
                removed += 1
                continue
            in_block = False
        if _FURNITURE_LINE.match(line) or _DISCLAIMER.match(line) or (line.strip() and _JUNK.match(line)):
            removed += 1
            continue
        kept.append(line.rstrip())
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return cleaned, removed
