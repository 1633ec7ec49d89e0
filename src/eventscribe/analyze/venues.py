"""Where and when a decision was taken when its own sentence does not say: where and when the
meeting that took it was held.

"Leaders of the bloc met in Accra on Sunday. They imposed sanctions on the junta and demanded
the president's release." The sanctions and the demand were decided at the Accra meeting; their
sentences name no place. A reader gives them the meeting's place when the same report tells of a
meeting held by some of the same sides (or named in its own sentence: "agreed ... during the
summit") on a compatible day, and the meeting's day when its own words give none. Acts done elsewhere (attacks,
arrests, protests, deployments) are not decided at a table and keep no place from it.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import BASIS_MEETING, BASIS_TEXT, PLACE_MEETING, EventMention, Participant
from ..timeparse import compatible_dates, days_between
from .group import same_body
from .places import capital_of, country_name, person_country, side_country

# Types a meeting decides or declares.
DECIDED_AT_MEETINGS = frozenset({"AGREE", "SANCTION", "THREATEN", "REQUEST", "SUPPORT", "ACCUSE", "REJECT",
                                 "AID", "COOPERATE", "CONCEDE", "RETREAT"})


# Types that are made at a meeting of their sides, whoever the report says met.
MADE_AT_MEETINGS = frozenset({"AGREE"})
_TALKS_DAYS = 14


def _same_sides(meeting: EventMention, mention: EventMention) -> bool:
    return any(same_body(p.name, q.name) or _named_alike(p.name, q.name) or _leader_and_state(p, q)
               for p in meeting.participants for q in mention.participants)


def _leader_and_state(first: Participant, second: Participant) -> bool:
    """'Japanese Prime Minister Ana Sato' met; 'Japan' agreed: a person titled by a state and
    the state, either way round."""
    def state(p: Participant) -> str | None:
        return side_country(p.name) if p.kind in ("GPE", "NORP") else None

    def leader(p: Participant) -> str | None:
        return person_country(p) if p.kind == "PERSON" else None
    return any(a is not None and a == b for a, b in ((state(first), leader(second)), (leader(first), state(second))))


def _named_alike(first: str, second: str) -> bool:
    """'Central African leaders' and 'the Economic Community of Central African States': two or more
    capitalised words of one name are in the other's."""
    def capitalised(name: str) -> set[str]:
        return {w.lower() for w in name.split() if w[:1].isupper() and w.lower() not in ("the", "of")}
    return len(capitalised(first) & capitalised(second)) >= 2


def _same_day(meeting: EventMention, mention: EventMention) -> bool:
    """Days that may be one: equal, or one of them a month or year that holds the other, or unknown."""
    return compatible_dates(meeting.date.value if meeting.date else None, mention.date.value if mention.date else None)


def _within_talks(meeting: EventMention, mention: EventMention) -> bool:
    """Talks last days or weeks: an agreement a fortnight after the day they began is theirs."""
    apart = days_between(meeting.date.value if meeting.date else None, mention.date.value if mention.date else None)
    return apart is None or apart <= _TALKS_DAYS


def _dated_by_text(mention: EventMention) -> bool:
    return mention.date is not None and mention.date.value is not None and mention.date.basis == BASIS_TEXT


def settings_from_meetings(mentions: list[EventMention]) -> None:
    """Give each decision without a place, or without a date of its own words, the place and
    day of the nearest meeting of its sides (or in its sentence) that may be the same day; an
    agreement in a report of talks held in one place takes that place (not their day: talks
    last days)."""
    meetings = [m for m in mentions if m.type == "CONSULT" and m.modality == "asserted"]
    venues = {m.place.name for m in meetings if m.place is not None and m.place.lat is not None}
    for mention in mentions:
        if mention.type not in DECIDED_AT_MEETINGS:
            continue
        held = [m for m in meetings if (m.sentence == mention.sentence or _same_sides(m, mention))
                and _same_day(m, mention)]
        venue = [m for m in meetings if m not in held and _within_talks(m, mention)] \
            if mention.type in MADE_AT_MEETINGS and len(venues) == 1 else []
        # a meeting of its sides that day may be placed by country alone ("in Monaco")
        placed = [m for m in held if m.place is not None] + \
            [m for m in venue if m.place is not None and m.place.lat is not None]
        if mention.place is None and placed:
            # a city before a country, then the nearest
            meeting = min(placed, key=lambda m: (m.place.lat is None, abs(m.sentence - mention.sentence)))
            mention.place = replace(meeting.place, expression=PLACE_MEETING + meeting.place.expression)
        dated = [m for m in held if _dated_by_text(m)]
        if not _dated_by_text(mention) and dated:
            meeting = min(dated, key=lambda m: abs(m.sentence - mention.sentence))
            mention.date = replace(meeting.date, basis=BASIS_MEETING)


def hosts_from_destinations(mentions: list[EventMention], text: str = "") -> None:
    """A visit told with its visitor alone ('the Kenyan president arrived in Kampala on a visit')
    was hosted by the state whose capital it went to: that state is its other side, read from
    the capital's name in the sentence (`text`: the report, for the words' offsets). A meeting
    in a capital names no host ('met the delegation in Kampala'), nor does a trip to a land."""
    for mention in mentions:
        if mention.type != "CONSULT" or mention.mode != "visit" or mention.modality != "asserted" or mention.place is None:
            continue
        sides = [p for p in mention.participants if p.kind != "GPE" or not same_body(p.name, mention.place.name)]
        place = mention.place
        host = capital_of(place)   # a trip 'to Japan' may be to anyone there; 'to Tokyo' is to its government
        name = country_name(host) if host else None
        if len(sides) != 1 or name is None or side_country(sides[0].name, " ".join(filter(None, [sides[0].affiliation, sides[0].title]))) == host:
            continue
        found = text.find(place.expression, mention.sentence_start, mention.sentence_end) if text and place.expression else -1
        start, end = (found, found + len(place.expression)) if found >= 0 else (None, None)
        mention.participants = sides + [Participant(name=name, role="participant", kind="GPE", surface=place.expression,
                                                    start=start, end=end)]

