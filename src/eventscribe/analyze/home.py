"""Whose police: an unnamed state side ('the police', 'security forces', 'the authorities') or
crowd ('protesters') is of the country the report's events take place in, when they take place
in one. A reader of a report from Harare knows whose riot police beat whose strikers; a
sentence does not say.

The report's country is the one its country names and demonyms name most, three times at least
and twice as often as any other: 'Zimbabwe', 'Harare's', 'Zimbabwean' in a report that also
names South Africa once; not either of two countries whose border clash the report tells. The
side keeps the words it was read from (`surface`) and is named with the country's demonym
('Zimbabwean riot police'), which is also its affiliation.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from ..countrywords import country_words
from ..model import EventMention, Participant
from .entities import singular
from .places import side_country
from .words import words

_UNNAMED_SIDES = words("generic_state_nouns") | {singular(w) for w in words("crowd_nouns")}
_DOMINANCE = 2   # the report's country is named at least twice as often as any other
# Words that leave a side the state's own ('the security forces', 'the riot police').
_STATE_MODIFIERS = words("state_side_modifiers")


def home_country(names: list[str]) -> str | None:
    """ISO3 of the country the report's country names and demonyms name most: three times at
    least and twice as often as any other; else None."""
    named = Counter(code for name in names if (code := side_country(name)) is not None).most_common(2)
    if not named:
        return None
    code, count = named[0]
    second = named[1][1] if len(named) > 1 else 0
    return code if count >= 3 and count >= _DOMINANCE * second else None


@cache
def _demonym(code: str) -> str | None:
    """The shortest demonym the country words give a country ('Iranian', 'Peruvian')."""
    found = [w for w, c in country_words("demonym").items() if c == code and " " not in w]
    return min(found, key=lambda w: (len(w), w)).capitalize() if found else None


def _is_unnamed_side(p: Participant) -> bool:
    """'security forces', 'the riot police', 'protesters'; not 'international forces', 'regional
    forces' or 'rebel fighters', which need not be the country's own."""
    words_ = p.name.lower().split()
    # only generic words, whatever their case ('Security forces' opening a sentence)
    return p.kind == "GROUP" and p.affiliation is None and bool(words_) \
        and singular(words_[-1]) in _UNNAMED_SIDES and all(w in _STATE_MODIFIERS for w in words_[:-1])


def claim_unnamed_sides(mentions: list[EventMention], names: list[str]) -> None:
    """Name each unnamed state side or crowd of a one-country report (`names`: the place and
    nationality names it holds) as that country's."""
    code = home_country(names)
    demonym = _demonym(code) if code else None
    if demonym is None:
        return
    for mention in mentions:
        for p in mention.participants:
            if _is_unnamed_side(p):
                p.surface = p.surface or p.name
                p.name = f"{demonym} {p.name[:1].lower()}{p.name[1:]}"   # 'Security forces' opened a sentence
                p.affiliation = demonym   # what resolution reads a country from
