"""An event's date from its own words, resolved against the publication date.

Order of evidence: a time expression in the trigger's clause; else one elsewhere in the
sentence; else the time the narrative is at (an explicit date in the sentence just before:
"On March 9, 2016, the president said ... During the meeting ..."); else, for a report with a
publication date, the publication month (the event happened, the text does not say which
day); else unknown.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from spacy.tokens import Doc, Token

from ..model import BASIS_NARRATIVE, BASIS_RELATIVE, BASIS_TEXT, ResolvedDate
from ..timeparse import find_expressions, number_of, resolve
from .syntax import lemma_of, text_of
from .words import words

# An expression after these words bounds a period; it is not when the event happened.
# 'on the night of 11 May', 'in the small hours of Tuesday': the time itself, not a bound or an owner
_PART_OF_DAY = r"\b(?:night|morning|evening|afternoon|hours|dawn)\s+of\s+$"
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
    """'... By Harbour Wire Service March 3 2021': the page's date, not an event's."""
    return bool(_BYLINE.search(text[max(0, start - 80):start]))


_ONGOING_STATES = words("ongoing_states")
_SINCE = re.compile(r"((?:\b[a-z-]+\s+){1,3})since\s+$")


def _began_then(text: str, start: int) -> bool:
    """'jailed awaiting trial since 9 October', 'on strike since 3 May': a state told with
    the day it began, which is the day of the act that began it (the arrest, the walk-out)."""
    found = _SINCE.search(text[max(0, start - 40):start].lower())
    return found is not None and any(word in _ONGOING_STATES for word in found.group(1).split())


def sentence_expressions(doc: Doc, anchor: dt.date | None, tense: str | None = None):
    """(start, end, words, TimeValue) of calendar expressions in a parsed sentence."""
    found = []
    text = text_of(doc)
    for start, end, expression in find_expressions(text):
        before = text[max(0, start - 12):start].lower().rstrip()
        possessive = text[end:end + 2] in ("'s", "’s")   # "after Thursday's summit": the summit's day
        part_of_day = re.search(_PART_OF_DAY, text[max(0, start - 30):start].lower()) is not None
        if not possessive and not part_of_day and not _began_then(text, start) \
                and any(before == word or before.endswith(" " + word) for word in _NOT_EVENT_TIME):
            continue
        if in_byline(text, start) or _speakers_day(text, start, expression):
            continue
        value = resolve(expression, anchor, tense)
        if value is None or value.calendar is None:
            continue
        found.append((start, end, expression, value))
    return found


# Words counted from the day they are said: in a quotation, the speaker's day, which the
# publication date need not be ("the agreement signed today", quoted two days later).
_DEICTIC_DAYS = words("deictic_day_words")


def _speakers_day(text: str, start: int, expression: str) -> bool:
    """Whether an expression is a day counted from the speaker's day inside a quotation."""
    if expression.lower() not in _DEICTIC_DAYS:
        return False
    before, after = text[:start], text[start:]
    # a quotation opened in this sentence, or in one before it (the sentence splitter cuts a
    # long quotation): then this one closes it
    opened = before.count('"') % 2 == 1 or before.count('"') == 0 and after.count('"') % 2 == 1
    curly = re.search(r"[“”]", after)
    return opened or before.rfind("“") > before.rfind("”") or curly is not None and curly.group() == "”"


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
        return span is None or any(_clause_verb(t) in enclosing or _clause_verb(t).dep_ not in _SUBORDINATE
                                   and not _bounding(_clause_verb(t)) and not _act_told_of(_clause_verb(t), trigger)
                                   or _tells_its_time(_clause_verb(t), trigger)
                                   for t in span)

    owned = [item for item in expressions if own(item)]
    if _is_topic(trigger):
        # "said on Monday, in a briefing on the border talks": the day of the telling, not theirs
        owned = [item for item in owned if _within(item[0], trigger)]
    if not owned:
        return None
    best = min(owned, key=rank)
    if rank(best)[0] and relative_day(trigger) is not None:
        return None   # 'detained on 3 May; the court freed them two days later': counted, not 3 May
    start, end, expression, value = best
    calendar, precision = value.calendar, value.precision
    if precision == "day" and _day_of_telling(doc, start, end, clause):
        # "have reached an agreement, the mediators said Saturday": done by the day it was told
        calendar, precision = calendar[:7], "month"
    scope, days = earlier_scope(trigger)
    if scope is not None and precision == "day" and not _within(start, scope) and days != SAME_DAY:
        # "agreed on Friday, 24 hours after the rebels seized the port": the day told
        # outside the words that set this event earlier, less the interval; without one
        # ("after talks in Mombasa", "more than a week after"), only its month is known
        calendar, precision = (_shifted(calendar, days), "day") if days else (calendar[:7], "month")
    return ResolvedDate(calendar, precision, expression, BASIS_TEXT, offset + start, offset + end)


_HAPPENING_VERBS = words("happening_verbs")


def _act_told_of(verb: Token, trigger: Token) -> bool:
    """'accused the rebels of burning the market in March', 'criticised the army for closing the
    base last year': the time of the act an accusation or a verdict is for is that act's."""
    return verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for") and trigger.is_ancestor(verb)


def _tells_its_time(verb: Token, trigger: Token) -> bool:
    """'the offensive, which began on Monday', 'the talks, which were held in March': a clause on
    the event's own noun that says when it happened tells the event's time."""
    return verb.dep_ == "relcl" and verb.head == trigger and lemma_of(verb) in _HAPPENING_VERBS


_SPEECH_VERBS = words("speech_verbs")


def _day_of_telling(doc: Doc, start: int, end: int, clause: Token) -> bool:
    """Whether the day belongs to a speech verb that reports the trigger's clause, and that
    clause tells a finished act ('have reached', 'had seized'): the telling's day, not the act's."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    teller = _clause_verb(span.root)
    if lemma_of(teller) not in _SPEECH_VERBS or not teller.is_ancestor(clause):
        return False
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in clause.children)
    return perfect and clause.tag_ == "VBN"


def _bounding(verb: Token) -> bool:
    """A clause that only bounds a period ('since taking office nine months ago', 'until he
    resigned in May'): its time is not another event's."""
    return verb.dep_ == "pcomp" and verb.head.lower_ in _BOUNDING or \
        any(c.dep_ == "mark" and c.lower_ in _BOUNDING for c in verb.children)


_BOUNDING = frozenset({"since", "until", "till"})


def earlier_scope(trigger: Token) -> tuple[Token | None, int]:
    """The words that tell an event as before or after the clause it hangs on ('after talks in
    Mombasa', '24 hours after the rebels seized …', 'two days before the vote'), and the days
    it is set off by: -1 for '24 hours after', +2 for 'two days before', 0 when not told in
    whole days ('hours after', 'more than a week after'). (None, 0) for an event not so told."""
    clause = _clause_verb(trigger)
    if trigger.dep_ == "pobj" and trigger.head.lower_ in _INTERVAL_LINKS:
        link = trigger.head
        # "hours after a missile launch" (the amount on the link), "a day after clashes" (the
        # link on the amount)
        amount = next((c for c in link.children if c.dep_ == "npadvmod"),
                      link.head if link.head.dep_ == "npadvmod" else None)
        scope = link
    elif clause.dep_ == "advcl" and (link := next((c for c in clause.children if c.dep_ == "mark"
                                                   and c.lower_ in _INTERVAL_LINKS), None)) is not None:
        # ('24 hours after the army launched …': the amount on the clause, or on its 'after')
        amount = next((c for c in [*clause.children, *link.children] if c.dep_ == "npadvmod"), None)
        scope = clause
    else:
        return None, 0
    if any(c.lower_ in _SOON for c in link.children) or (amount is not None and amount.lower_ in _SOON):
        return scope, SAME_DAY   # "shortly before the envoy's departure", "soon after"
    unit = _UNIT_HOURS.get(amount.lemma_.lower()) if amount is not None else None
    if unit is None:
        return scope, 0
    counts = [c for c in amount.children if c.dep_ in ("nummod", "det")]
    count = number_of(counts[0].text) if counts else None
    hours = count * unit if count is not None else 0
    if unit == 1 and hours < 20:
        return scope, SAME_DAY   # "hours after a missile launch", "six hours before the vote"
    if 4 < hours % 24 < 20 or any(c.lower_ == "more" for c in amount.subtree):
        return scope, 0
    days = round(hours / 24)
    return scope, (-days if link.lower_ in ("after", "following") else days)


def _is_topic(trigger: Token) -> bool:
    """Whether an event noun is only what something said is about: 'a briefing on the border
    talks', 'a statement about the attack'."""
    head = trigger.head
    return trigger.dep_ == "pobj" and head.lower_ in _ABOUT and lemma_of(head.head) in _TELLING


_ABOUT = frozenset({"on", "about", "regarding", "concerning"})
_TELLING = words("telling_words")


def _within(start: int, scope: Token) -> bool:
    return scope.left_edge.idx <= start < scope.right_edge.idx + len(scope.right_edge)


_INTERVAL_LINKS = ("after", "before", "following")
# An event told within hours of another happened on its day.
SAME_DAY = 99999
_SOON = frozenset({"shortly", "soon", "moments", "immediately"})
_UNIT_HOURS = {"minute": 1, "hour": 1, "day": 24, "week": 24 * 7}


def _shifted(calendar: str, days: int) -> str:
    if not days:
        return calendar
    return (dt.date.fromisoformat(calendar[:10]) + dt.timedelta(days=days)).isoformat()


def date_from_narrative(previous: ResolvedDate | None) -> ResolvedDate | None:
    if previous is None or previous.value is None:
        return None
    return ResolvedDate(previous.value, previous.precision, previous.expression,
                        BASIS_NARRATIVE, previous.start, previous.end)


# 'the next day', 'that night', 'two days later': a day counted from the day told before.
_RELATIVE_DAY = re.compile(
    r"\b(?:(?P<same>the same|that) (?:day|night|morning|afternoon|evening)"
    r"|the (?P<next>next|following) (?:day|night|morning|afternoon|evening)"
    r"|the (?P<previous>previous|preceding) (?:day|night|evening)"
    # 'the day before' alone; 'the day before the election' counts from the election
    r"|the day (?P<after>after|before)(?!\s+(?:the|a|an|his|her|its|their|this|that|[A-Z]\w*)\b)"
    r"|(?P<count>a|\w+|\d+) days? (?P<way>later|earlier|afterwards))\b", re.IGNORECASE)


class RelativeDay(NamedTuple):
    days: int        # from the day told before: 'the next day' +1, 'two days earlier' -2
    start: int       # the words, in the sentence
    end: int
    words: str


_RELATIVE_KEY = "eventscribe_relative_days"


def _relative_day_phrases(doc: Doc) -> list:
    """The sentence's 'the next day'-like phrases with their spans, found once for all its triggers."""
    found = doc.user_data.get(_RELATIVE_KEY)
    if found is None:
        found = doc.user_data[_RELATIVE_KEY] = [
            (match, span) for match in _RELATIVE_DAY.finditer(text_of(doc))
            if (span := doc.char_span(match.start(), match.end(), alignment_mode="expand")) is not None]
    return found


def relative_day(trigger: Token) -> RelativeDay | None:
    """The day the trigger's clause counts from the day told before ('the next day', 'the same
    day', 'ten days later'); None when it counts none."""
    clause = _clause_verb(trigger)
    for match, span in _relative_day_phrases(trigger.doc):
        if not any(_clause_verb(t) in (clause, *clause.ancestors) for t in span):
            continue
        if match["same"]:
            days = 0
        elif match["next"] or (match["after"] or "").lower() == "after":
            days = 1
        elif match["previous"] or (match["after"] or "").lower() == "before":
            days = -1
        else:
            count = 1 if match["count"].lower() == "a" else number_of(match["count"])
            if count is None:
                continue
            days = count if match["way"].lower() in ("later", "afterwards") else -count
        return RelativeDay(days, match.start(), match.end(), match.group(0))
    return None


def date_counted_from(base: ResolvedDate | None, counted: RelativeDay, offset: int) -> ResolvedDate | None:
    """The day counted from the day told before; its evidence is the words that count it."""
    if base is None or base.value is None or base.precision != "day":
        return None
    return ResolvedDate(_shifted(base.value, counted.days), "day", counted.words, BASIS_RELATIVE,
                        offset + counted.start, offset + counted.end)


# Acts done by saying so: told in the present tense, the telling is the act.
_STATED_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN"})


def told_as_now(trigger: Token, event_type: str) -> bool:
    """'The Forum condemns the attack', 'We urge the EU to act': a statement told in the simple
    present as the sentence's own is made the day the report is (not 'has condemned', nor 'who
    condemn'; and not 'EU agrees to open talks', a headline's present for a recent act)."""
    return event_type in _STATED_TYPES and trigger.tag_ in ("VBZ", "VBP") and trigger.dep_ == "ROOT"


def date_of_telling(published: dt.date) -> ResolvedDate:
    return ResolvedDate(published.isoformat(), "day", None, "publication day: told in the present tense")


_LONG_AGO = re.compile(r"\b(?:years|decades|months) (?:earlier|before|ago)\b|\b(?:long|many years) (?:ago|before)\b", re.I)


def told_as_background(trigger: Token) -> bool:
    """Whether an act is told as background, before the report's time, with no time of its own:
    in the past perfect, not as someone's words ('the rebels had seized the town', but not 'the
    army said the rebels had seized it', which tells of the days just past), or 'years earlier'."""
    clause = _clause_verb(trigger)
    doc = trigger.doc
    for match in _LONG_AGO.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and _clause_verb(span[-1]) == clause:   # its own clause's, not 'since he was sworn in years ago'
            return True
    pluperfect = clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)
    told = any(lemma_of(a) in _SPEECH_VERBS for a in clause.ancestors)
    return pluperfect and not told and clause.dep_ not in ("advcl", "relcl")


def date_for_background() -> ResolvedDate:
    return ResolvedDate(None, None, None, "unknown: told as background, before the report's time")


def date_from_publication(published: dt.date | None) -> ResolvedDate:
    if published is None:
        return ResolvedDate(None, None, None, "unknown: no date in the text and no publication date")
    return ResolvedDate(f"{published.year:04d}-{published.month:02d}", "month", None,
                        "publication month: the text gives no date")
