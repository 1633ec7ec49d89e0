"""One record per real-world event: document events from different reports are merged when
they are the same type, name the same sides after actor resolution, and have compatible dates
and places. Blocks are (type, actor); clusters are complete-link and built in a fixed order, so
the result is the same whatever order the reports came in.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from ..analyze.places import fold
from ..timeparse import compatible_dates, days_between, parse_iso_date
from .linking import linked_groups

_WEAK_BASES = ("publication", "unknown")
_NEAR_DAYS = 7      # an undated report may be about an event up to this many days before it (a week's round-up)
_EARLY_DAYS = 1     # or a day after it was published (its time zone, or a late update)


@dataclass(slots=True)
class DocEvent:
    event_id: str
    doc_id: str
    type: str
    mode: str | None
    date: str | None
    date_basis: str | None
    place: str | None
    country: str | None
    published: str | None
    place_guessed: bool = False   # the place is the report's dateline, scene or headline, not the event's words
    counts: dict[str, int] = field(default_factory=dict)     # actor_id -> people counted ('nine people')
    actors: dict[str, str] = field(default_factory=dict)      # actor_id -> kind
    roles: dict[str, str] = field(default_factory=dict)       # actor_id -> actor / recipient / participant
    # actor_id -> (STATE, BODY, OFFICIAL or None, ISO3 country or None): a state, a body or official of a state
    # ('National Police', 'the interior ministry'), or anyone else, with the country resolution gave
    standing: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    @property
    def firm_date(self) -> str | None:
        if self.date is None or (self.date_basis or "").startswith(_WEAK_BASES):
            return None
        return self.date

    @property
    def people(self) -> set[str]:
        return {a for a, kind in self.actors.items() if kind == "PERSON"}


def _roles_agree(a: DocEvent, b: DocEvent) -> bool:
    """In a directed event the attacker of one report is not the attacked of another; a fight
    one report tells without direction ('the clash between India and China', all its sides in
    one role) agrees with either direction."""
    if _undirected(a) or _undirected(b):
        return True
    for actor in set(a.actors) & set(b.actors):
        first, second = a.roles.get(actor), b.roles.get(actor)
        if {first, second} == {"actor", "recipient"}:
            return False
    return True


# How a side stands for a state: the state itself, one of its bodies (police, army, courts,
# ministries) or one of its officials (a president, a minister, an envoy)
STATE, BODY, OFFICIAL = "STATE", "BODY", "OFFICIAL"
# Acts a state does through its organs (its police arrest, its army shells, its ministry
# sanctions): the state one report names and the organ another names are one side. Not meetings
# or statements, where another organ of the state is another meeting or another statement.
ACTS_THROUGH_ORGANS = frozenset({"COERCE", "ASSAULT", "MOBILIZE", "SANCTION", "RETREAT"})


def _stand_in(kinds: set, type_: str) -> bool:
    """Whether two sides of these standings may be one side of an act of this type: a state
    and one of its officials, for any act (one report's 'the United States' is another's
    President Biden); a state and one of its bodies, for acts done through its organs."""
    return kinds == {STATE, OFFICIAL} or kinds == {STATE, BODY} and type_ in ACTS_THROUGH_ORGANS


def _stand_ins(a: DocEvent, b: DocEvent) -> int:
    """How many sides only one report names are a state whose place the other report gives,
    in the same role, to one of its officials or bodies (see _stand_in): 'Peru' (said where a
    report gives no doer) and 'the National Police' arresting the same man; 'the United States'
    and President Biden meeting the same guest. Each side counts once. The land each stands for
    is read as the blocks read it (`_lands`), so that a pair this accepts beside a side both
    reports name meets in a block (same_event asks for one)."""
    lands_a, lands_b = _lands(a, a.type), _lands(b, b.type)
    used, found = set(), 0
    for x in set(a.actors) - set(b.actors):
        for y in set(b.actors) - set(a.actors) - used:
            kinds = {a.standing.get(x, (None, None))[0], b.standing.get(y, (None, None))[0]}
            if a.roles.get(x) == b.roles.get(y) and _stand_in(kinds, a.type) and lands_a.get(x) \
                    and lands_a.get(x) == lands_b.get(y):
                used.add(y)
                found += 1
                break
    return found


def _same_counts(a: DocEvent, b: DocEvent) -> int:
    """1 when the people one act was done to are told in both reports by the same count, in the
    same role ('nine people' and 'nine participants' detained): one side, counted once; else 0."""
    return int(any(a.counts[x] == b.counts[y] and a.roles.get(x) == b.roles.get(y)
                   for x in set(a.counts) - set(b.actors) for y in set(b.counts) - set(a.actors)))


def _undirected(event: DocEvent) -> bool:
    """Two sides or more, all in one role."""
    return len(event.roles) >= 2 and len(set(event.roles.values())) == 1


def _dates_compatible(a: DocEvent, b: DocEvent) -> bool:
    return compatible_dates(a.firm_date, b.firm_date)


def _places_compatible(a: DocEvent, b: DocEvent, guesses_count: bool = True) -> bool:
    """Where two reports place an event may be one place: the same name, a country and a town
    of it, or a town the gazetteer does not know (no country) beside one it knows, which may lie
    in or by it (a village one outlet names, the city another files from). Two unknown towns of
    different names are two places. Between two dated events a guessed place (a dateline, a
    paragraph's scene) yields to the place another report's words give (`guesses_count` False);
    two guesses still tell two places apart (two datelines of one day's attacks), and for an
    undated event the guess is the only evidence there is."""
    if a.place is None or b.place is None or not guesses_count and a.place_guessed != b.place_guessed:
        return True
    if fold(a.place) == fold(b.place):
        return True
    if (a.country is None) != (b.country is None):
        return True
    return a.country is not None and a.country == b.country and (a.place == a.country or b.place == b.country)


class Wording(Protocol):
    """Evidence from the texts, read only for undated events."""

    def reports(self, first_doc: str, second_doc: str) -> bool:
        """Do two reports share a long run of words?"""


def same_event(a: DocEvent, b: DocEvent, wording: Wording | None = None) -> tuple[bool, dict]:
    """Whether two document events are one real event, and the reason either way.

    `wording` says whether two reports share a long run of words (the same sentence reworded
    little); it is asked only for undated events."""
    reason: dict = {"type": a.type}
    if a.type != b.type or a.doc_id == b.doc_id:
        return False, {"rule": "different type or same report"}
    shared = set(a.actors) & set(b.actors)
    needed = min(2, len(a.actors), len(b.actors))
    # a state one report names stands for its official or body another names in the same place
    # ('Peru', 'the National Police'; 'the United States', President Biden), beside a side both
    # name (so that the two meet in a block: see _block_keys)
    weighed = len(shared) + (_stand_ins(a, b) + _same_counts(a, b) if 0 < len(shared) < needed else 0)
    if needed == 0 or weighed < needed:
        return False, {"rule": "too few shared actors", "shared": len(shared)}
    if (a.people - set(b.actors)) and (b.people - set(a.actors)):
        return False, {"rule": "each names a person the other does not"}
    if not _roles_agree(a, b):
        return False, {"rule": "who did it to whom differs"}
    if not _dates_compatible(a, b):
        return False, {"rule": "dates differ", "dates": [a.firm_date, b.firm_date]}
    if not _places_compatible(a, b, guesses_count=not (a.firm_date and b.firm_date)):
        return False, {"rule": "places differ", "places": [a.place, b.place]}
    reason.update(shared_actors=sorted(shared))
    if a.firm_date and b.firm_date:
        reason.update(rule="same type, shared actors, compatible dates and places",
                      dates=[a.firm_date, b.firm_date], places=[a.place, b.place])
        return True, reason
    # Undated on one side: only strong evidence merges (same sides, same place, same wording,
    # close publication dates where they are known).
    apart = days_between(a.published, b.published)
    dated = a.firm_date or b.firm_date
    undated_side = b if a.firm_date else a
    if dated and undated_side.published and not _published_near(dated, undated_side.published):
        return False, {"rule": "undated report published far from the dated event"}
    subset = set(a.actors) <= set(b.actors) or set(b.actors) <= set(a.actors)
    same_place = a.place is not None and b.place is not None
    near_identical = bool(wording and subset and same_place and wording.reports(a.doc_id, b.doc_id))
    strong = near_identical and (apart is None or apart <= _NEAR_DAYS)
    reason.update(rule="undated: same sides, same place, near-identical wording" if strong
                  else "undated: evidence too weak", shared_wording=near_identical, days_apart=apart,
                  places=[a.place, b.place])
    return strong, reason


def _attachable(undated: DocEvent, member: DocEvent) -> bool:
    """Relaxed test for an undated event against a dated one: same type, one side's actors
    within the other's (two at least, or all of a one-actor event; a state within its official's
    or body's place), no other person, compatible place, and a publication date (when known)
    close to the event."""
    if undated.type != member.type or undated.doc_id == member.doc_id:
        return False
    small, large = sorted((set(undated.actors), set(member.actors)), key=len)
    # a state on one side and its official or body on the other count as one side (_stand_ins)
    stood_in = _stand_ins(undated, member) + _same_counts(undated, member)
    if len(small & large) + stood_in < min(2, len(small)) or len(small - large) > stood_in:
        return False
    if (undated.people - set(member.actors)) and (member.people - set(undated.actors)):
        return False
    if not _places_compatible(undated, member) or not _roles_agree(undated, member):
        return False
    return not undated.published or _published_near(member.firm_date, undated.published)


def _published_near(event_date: str | None, published: str) -> bool:
    """Whether a report published then may tell, undated, of an event on that date: up to a week
    after it, not days before it happened."""
    apart = days_between(event_date, published)
    if apart is None:
        return True
    return apart <= (_NEAR_DAYS if published[:10] >= (event_date or "")[:10] else _EARLY_DAYS)


def _attach_undated(clusters: list[list[DocEvent]], reasons: list[list[dict]],
                    candidates: dict[str, set[str]], home: dict[str, int]) -> None:
    """An undated report joins the one dated event of its block it fits; if it fits several,
    or none, it stays on its own (GDELT-style guessing is what this avoids)."""
    for index in range(len(clusters)):
        members = clusters[index]
        if len(members) != 1 or members[0].firm_date:
            continue
        event = members[0]
        near = sorted({home[e] for e in candidates[event.event_id] if e in home} - {index})
        fitting = [i for i in near if clusters[i] and any(m.firm_date for m in clusters[i])
                   and all(_attachable(event, m) for m in clusters[i])]
        if len(fitting) != 1:
            continue
        target = fitting[0]
        clusters[target].append(event)
        reasons[target].append({"event": event.event_id, "doc_id": event.doc_id, "joined": clusters[target][0].event_id,
                                "rule": "undated: the only dated event of its block with the same sides",
                                "shared_actors": sorted(set(event.actors) & set(clusters[target][0].actors))})
        clusters[index] = []
        home[event.event_id] = target


def _sort_key(event: DocEvent) -> tuple:
    return (event.firm_date or "9999", event.event_id)


def _singles(events: list[DocEvent]) -> set[tuple[str, str]]:
    return {(e.type, actor) for e in events if len(e.actors) == 1 for actor in e.actors}


def lands_of(standing: dict[str, tuple[str | None, str | None]]) -> dict[str, str]:
    """The country (ISO3) each state, state body or official among these sides stands for: a
    state's or an official's own, a body's own, else the one country of the sides that are not
    states or bodies ('the National Police' beside a Peruvian president is Peru's)."""
    others = {country for kind, country in standing.values() if kind in (None, OFFICIAL) and country}
    fallback = next(iter(others)) if len(others) == 1 else None
    lands = {}
    for actor, (kind, country) in standing.items():
        land = country if kind in (STATE, OFFICIAL) else (country or fallback) if kind == BODY else None
        if land:
            lands[actor] = land
    return lands


def _lands(event: DocEvent, type_: str) -> dict[str, str]:
    """The lands of an event's sides that may stand in for their state in an act of this type
    (see _stand_in), as block keys ('land:PER')."""
    kinds = (STATE, OFFICIAL, BODY) if type_ in ACTS_THROUGH_ORGANS else (STATE, OFFICIAL)
    return {actor: f"land:{land}" for actor, land in lands_of(event.standing).items()
            if event.standing[actor][0] in kinds}


def _block_keys(event: DocEvent, singles: set[tuple[str, str]]) -> list[tuple]:
    keys = []
    actors = sorted(event.actors)
    for index, first in enumerate(actors):
        if (event.type, first) in singles:
            keys.append((event.type, first))
        keys.extend((event.type, first, second) for second in actors[index + 1:])
    # a state and its official or body meet too: (type, the other side, the land they stand for)
    for actor, land in _lands(event, event.type).items():
        keys.extend((event.type, *sorted((other, land))) for other in actors if other != actor)
    # and people told by their count: (type, the other side, the count)
    for actor, count in event.counts.items():
        keys.extend((event.type, other, f"count:{count}") for other in actors if other != actor)
    return keys


def blocks_of(events: list[DocEvent]) -> dict[tuple, list[DocEvent]]:
    """Blocks of events that may be one event. Two events with two or more actors each can
    only merge if they share two, so they meet in (type, pair of actors) blocks, which stay
    small even for actors in thousands of events; a one-actor event meets the others in a
    (type, actor) block, which other events join only where such an event exists."""
    blocks: dict[tuple, list[DocEvent]] = defaultdict(list)
    singles = _singles(events)
    for event in events:
        for key in _block_keys(event, singles):
            blocks[key].append(event)
    return blocks


def components(events: list[DocEvent], previous: dict[str, str | None]) -> list[list[DocEvent]]:
    """Independent units of work: events joined by a shared block or by a merged event they
    were in before. Each unit is clustered on its own and replaces only its own old events,
    so units can run in any order or in parallel, and memory holds one unit at a time."""
    singles = _singles(events)
    roots = linked_groups(([("was", previous[e.event_id])] if previous.get(e.event_id) else []) + _block_keys(e, singles)
                          for e in events)
    units: dict[int, list[DocEvent]] = defaultdict(list)
    for event, root in zip(events, roots):
        units[root].append(event)
    return sorted(units.values(), key=lambda unit: min(e.event_id for e in unit))


_SMALL_BLOCK = 16   # below this, every pair in a block is a candidate; above, pairs close in time


def _time_index(members: list[DocEvent]) -> tuple[dict, dict, dict, list]:
    exact: dict[str, list[DocEvent]] = defaultdict(list)
    by_prefix: dict[str, list[DocEvent]] = defaultdict(list)
    undated_on: dict[dt.date, list[DocEvent]] = defaultdict(list)
    undated_unknown: list[DocEvent] = []
    for event in members:
        date = event.firm_date
        if date:
            exact[date].append(event)
            for length in range(min(4, len(date)), len(date) + 1):
                by_prefix[date[:length]].append(event)
        elif parse_iso_date(event.published):
            undated_on[parse_iso_date(event.published)].append(event)
        else:
            undated_unknown.append(event)
    return exact, by_prefix, undated_on, undated_unknown


def _time_pairs(members: list[DocEvent]):
    """Pairs of a block that `same_event` could accept, found through an index on dates
    instead of trying every pair: firm dates where one holds the other; an undated report and
    a dated event or another undated report published within three days (or either unknown)."""
    exact, by_prefix, undated_on, undated_unknown = _time_index(members)
    every_undated = [e for events in undated_on.values() for e in events] + undated_unknown
    for event in members:
        date = event.firm_date
        found: list[DocEvent] = []
        if date:
            for length in range(min(4, len(date)), len(date) + 1):
                found.extend(exact.get(date[:length], ()))
            found.extend(by_prefix.get(date, ()))
            day = parse_iso_date(date)
        else:
            day = parse_iso_date(event.published)
        if day is None:
            found.extend(every_undated)
        else:
            for shift in range(-_NEAR_DAYS, _NEAR_DAYS + 1):
                found.extend(undated_on.get(day + dt.timedelta(days=shift), ()))
            found.extend(undated_unknown)
        for other in found:
            if other is not event:
                yield event, other


def _candidates(events: list[DocEvent]) -> dict[str, set[str]]:
    candidates: dict[str, set[str]] = defaultdict(set)
    for members in blocks_of(events).values():
        if len(members) < _SMALL_BLOCK:
            pairs = ((a, b) for a in members for b in members if a is not b)
        else:
            pairs = _time_pairs(members)
        for first, second in pairs:
            candidates[first.event_id].add(second.event_id)
            candidates[second.event_id].add(first.event_id)
    return candidates


def cluster(events: list[DocEvent], wording: Wording | None = None) -> list[tuple[list[DocEvent], list[dict]]]:
    """Clusters of document events, each with the merge reasons of its later members."""
    candidates = _candidates(events)
    clusters: list[list[DocEvent]] = []
    reasons: list[list[dict]] = []
    home: dict[str, int] = {}
    for event in sorted(events, key=_sort_key):
        chosen, why = None, None
        near = sorted({home[e] for e in candidates[event.event_id] if e in home})
        for index in near:
            verdicts = [same_event(member, event, wording) for member in clusters[index]]
            if all(ok for ok, _ in verdicts):
                chosen, why = index, verdicts[0][1]
                break
        if chosen is None:
            home[event.event_id] = len(clusters)
            clusters.append([event])
            reasons.append([])
        else:
            home[event.event_id] = chosen
            clusters[chosen].append(event)
            reasons[chosen].append({"event": event.event_id, "doc_id": event.doc_id,
                                    "joined": clusters[chosen][0].event_id, **why})
    _attach_undated(clusters, reasons, candidates, home)
    return [(members, why) for members, why in zip(clusters, reasons) if members]


def cluster_id(members: list[DocEvent]) -> str:
    """Stable and order-free: the smallest member id (a lone event keeps its own)."""
    return min(m.event_id for m in members)
