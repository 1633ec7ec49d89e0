"""An event's date from its own words, resolved against the publication date.

Order of evidence: a time expression in the trigger's clause; else one elsewhere in the
sentence; else the time the narrative is at (an explicit date in the sentence just before:
"On May 23, 2018, the president said ... During the meeting ..."); else, for a report with a
publication date, the publication month (the event happened, the text does not say which
day); else unknown.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from ..model import BASIS_NARRATIVE, BASIS_TEXT, ResolvedDate
from ..timeparse import find_expressions, resolve
from .syntax import text_of

# An expression after these words bounds a period; it is not when the event happened.
_NOT_EVENT_TIME = ("since", "until", "till", "by", "from", "through", "for", "before", "after", "ahead of", "of")


# Clauses that tell of something else: a date inside one is that thing's ('where the talks began
# on …'); not a participle's ('a delegation led by X … yesterday': the parser hangs the meeting's
# day on 'led').
_SUBORDINATE = frozenset({"relcl"})


def _clause_verb(token: Token) -> Token:
    while token.dep_ not in ("ROOT",) and token.pos_ not in ("VERB", "AUX"):
        if token.head == token:
            break
        token = token.head
    return token


_BYLINE = re.compile(r"(?:^|\s)(?:By|BY)\s+(?:[A-Z][\w.'’&-]*,?\s+){1,5}$")


def in_byline(text: str, start: int) -> bool:
    """'... By Press Association December 14 2023': the page's date, not an event's."""
    return bool(_BYLINE.search(text[max(0, start - 80):start]))


def sentence_expressions(doc: Doc, anchor: dt.date | None, tense: str | None = None):
    """(start, end, words, TimeValue) of calendar expressions in a parsed sentence."""
    found = []
    text = text_of(doc)
    for start, end, words in find_expressions(text):
        before = text[max(0, start - 12):start].lower().rstrip()
        possessive = text[end:end + 2] in ("'s", "’s")   # "after Thursday's summit": the summit's day
        if not possessive and any(before == word or before.endswith(" " + word) for word in _NOT_EVENT_TIME):
            continue
        if in_byline(text, start):
            continue
        value = resolve(words, anchor, tense)
        if value is None or value.calendar is None:
            continue
        found.append((start, end, words, value))
    return found


def date_for_trigger(trigger: Token, expressions, offset: int) -> ResolvedDate | None:
    if not expressions:
        return None
    doc = trigger.doc
    clause = _clause_verb(trigger)
    enclosing = {clause, *clause.ancestors}

    def rank(item):
        start, end, _words, _value = item
        span = doc.char_span(start, end, alignment_mode="expand")
        attached = span is not None and any(_clause_verb(t) == clause for t in span)
        return (0 if attached else 1, abs(start - trigger.idx))

    def own(item) -> bool:
        # the trigger's clause or one that holds it ("On Monday, X said it had agreed"); not
        # another clause's ("shelled the market, the army said in Goma, where the offensive began on 3 March")
        span = doc.char_span(item[0], item[1], alignment_mode="expand")
        return span is None or any(_clause_verb(t) in enclosing or _clause_verb(t).dep_ not in _SUBORDINATE for t in span)

    owned = [item for item in expressions if own(item)]
    if not owned:
        return None
    start, end, words, value = min(owned, key=rank)
    return ResolvedDate(value.calendar, value.precision, words, BASIS_TEXT, offset + start, offset + end)


def date_from_narrative(previous: ResolvedDate | None) -> ResolvedDate | None:
    if previous is None or previous.value is None:
        return None
    return ResolvedDate(previous.value, previous.precision, previous.expression,
                        BASIS_NARRATIVE, previous.start, previous.end)


def date_from_publication(published: dt.date | None) -> ResolvedDate:
    if published is None:
        return ResolvedDate(None, None, None, "unknown: no date in the text and no publication date")
    return ResolvedDate(f"{published.year:04d}-{published.month:02d}", "month", None,
                        "publication month: the text gives no date")
