"""Within one document: mentions of the same event become one event (shared event_key).

"The meeting was attended by ..." refers back to the meeting just named; a later sentence
that names the same pair on a compatible date is the same meeting again. Two meetings of one
leader with different visitors stay apart.
"""
from __future__ import annotations

import re

from ..model import EventMention

_HONORIFICS = re.compile(r"^(?:h\.?e\.?|mr|mrs|ms|dr|president|prime|minister|king|prince|sheikh|emir)\b\.?\s*", re.I)


def surname_key(name: str) -> str:
    """'President Bashar Al-Assad' -> 'assad': enough to say two mentions name one person."""
    words = re.findall(r"[^\W\d_]+", _HONORIFICS.sub("", name).lower())
    words = [w for w in words if w not in ("al", "el", "bin", "ibn", "de", "the")]
    return words[-1] if words else name.lower()


def _keys(mention: EventMention) -> set[str]:
    return {surname_key(p.name) for p in mention.participants}


def _firm_date(mention: EventMention) -> str | None:
    date = mention.date
    if date is None or date.value is None or date.basis.startswith("publication"):
        return None
    return date.value


def _dates_agree(a: EventMention, b: EventMention) -> bool:
    first, second = _firm_date(a), _firm_date(b)
    if first is None or second is None:
        return True
    return first.startswith(second) or second.startswith(first)


def _places_agree(a: EventMention, b: EventMention) -> bool:
    if a.place is None or b.place is None:
        return True
    return a.place.name == b.place.name or a.place.country == b.place.country and (a.place.lat is None or b.place.lat is None)


def same_event(a: EventMention, b: EventMention) -> bool:
    if a.type != b.type or not _dates_agree(a, b) or not _places_agree(a, b):
        return False
    keys_a, keys_b = _keys(a), _keys(b)
    shared = keys_a & keys_b
    needed = min(2, len(keys_a), len(keys_b))
    return needed > 0 and len(shared) >= needed


def assign_event_keys(mentions: list[EventMention], anaphoric: list[bool]) -> None:
    """Give each mention the key of the first earlier mention it repeats, else its own."""
    groups: list[EventMention] = []   # first mention of each event, by key
    for index, mention in enumerate(mentions):
        target = None
        if anaphoric[index]:
            target = next((g for g in reversed(groups) if g.type == mention.type
                           and g.modality == mention.modality), None)
        if target is None:
            target = next((g for g in groups if g.modality == mention.modality and same_event(g, mention)), None)
        if target is None:
            mention.event_key = len(groups)
            groups.append(mention)
            continue
        mention.event_key = target.event_key


_DATE_STRENGTH = {"text": 0, "text: the date of the sentence before": 1}
_MODE_STRENGTH = {"visit": 0, "phone": 1, "multilateral": 2, "meet": 3, None: 4}


def _date_rank(mention: EventMention) -> tuple[int, int]:
    date = mention.date
    if date is None or date.value is None:
        return (9, 0)
    precision = {"day": 0, "month": 1, "year": 2}.get(date.precision or "", 3)
    return (_DATE_STRENGTH.get(date.basis, 5), precision)


def summarize(mentions: list[EventMention]) -> dict:
    """An event's participants, date, place and mode from all its mentions (first wins ties)."""
    participants, known = [], set()
    for mention in mentions:
        for participant in mention.participants:
            key = surname_key(participant.name)
            if key not in known:
                known.add(key)
                participants.append(participant)
    dated = min(mentions, key=_date_rank)
    place = next((m.place for m in mentions if m.place is not None), None)
    mode = min((m.mode for m in mentions), key=lambda m: _MODE_STRENGTH.get(m, 4))
    return {"participants": participants, "date": dated.date, "place": place, "mode": mode}
