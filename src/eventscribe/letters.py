"""Letter classes for regular expressions over news text, accented letters included.

A dateline is written in capitals in any Latin alphabet: 'ASUNCIÓN —', 'BOGOTÁ, May 3', 'İSTANBUL
(Agency) -'. An expression written with [A-Z] misses them; `latin` widens its ranges.
"""
from __future__ import annotations

# The capitals and small letters of Latin-1 and Latin Extended-A and -B
_LATIN = [chr(code) for code in range(0xC0, 0x250)]
CAPITALS = "A-Z" + "".join(c for c in _LATIN if c.isupper())
SMALL = "a-z" + "".join(c for c in _LATIN if c.islower())


def latin(pattern: str) -> str:
    """The pattern with every 'A-Z' and 'a-z' range widened to the accented letters."""
    return pattern.replace("A-Z", CAPITALS).replace("a-z", SMALL)
