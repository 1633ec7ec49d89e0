"""One record per real-world event: document events from different reports are merged when
they are the same type, name the same sides after actor resolution, and have compatible dates
and places. Blocks are (type, actor); clusters are complete-link and built in a fixed order, so
the result is the same whatever order the reports came in.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..analyze.places import fold
from ..timeparse import compatible_dates

_WEAK_BASES = ("publication", "unknown")


@dataclass
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
    actors: dict[str, str] = field(default_factory=dict)      # actor_id -> kind
    roles: dict[str, str] = field(default_factory=dict)       # actor_id -> actor / recipient / participant

    @property
    def firm_date(self) -> str | None:
        if self.date is None or (self.date_basis or "").startswith(_WEAK_BASES):
            return None
        return self.date

    @property
    def people(self) -> set[str]:
        return {a for a, kind in self.actors.items() if kind == "PERSON"}


def _roles_agree(a: DocEvent, b: DocEvent) -> bool:
    """In a directed event the attacker of one report is not the attacked of another."""
    for actor in set(a.actors) & set(b.actors):
        first, second = a.roles.get(actor), b.roles.get(actor)
        if {first, second} == {"actor", "recipient"}:
            return False
    return True


def _dates_compatible(a: DocEvent, b: DocEvent) -> bool:
    return compatible_dates(a.firm_date, b.firm_date)


def _places_compatible(a: DocEvent, b: DocEvent) -> bool:
    if a.place is None or b.place is None:
        return True
    return fold(a.place) == fold(b.place) or (a.country is not None and a.country == b.country
                                               and (a.place == a.country or b.place == b.country))


def _days_apart(a: str | None, b: str | None) -> int | None:
    import datetime as dt
    if not a or not b:
        return None
    try:
        return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def same_event(a: DocEvent, b: DocEvent, shared_run=None) -> tuple[bool, dict]:
    """Whether two document events are one real event, and the reason either way.

    `shared_run(doc_a, doc_b)` says whether two reports share a long run of words (the same
    sentence reworded little); it is asked only for undated events."""
    reason: dict = {"type": a.type}
    if a.type != b.type or a.doc_id == b.doc_id:
        return False, {"rule": "different type or same report"}
    shared = set(a.actors) & set(b.actors)
    needed = min(2, len(a.actors), len(b.actors))
    if needed == 0 or len(shared) < needed:
        return False, {"rule": "too few shared actors", "shared": len(shared)}
    if (a.people - set(b.actors)) and (b.people - set(a.actors)):
        return False, {"rule": "each names a person the other does not"}
    if not _roles_agree(a, b):
        return False, {"rule": "who did it to whom differs"}
    if not _dates_compatible(a, b):
        return False, {"rule": "dates differ", "dates": [a.firm_date, b.firm_date]}
    if not _places_compatible(a, b):
        return False, {"rule": "places differ", "places": [a.place, b.place]}
    reason.update(shared_actors=sorted(shared))
    if a.firm_date and b.firm_date:
        reason.update(rule="same type, shared actors, compatible dates and places",
                      dates=[a.firm_date, b.firm_date], places=[a.place, b.place])
        return True, reason
    # Undated on one side: only strong evidence merges (same sides, same place, same wording,
    # close publication dates where they are known).
    apart = _days_apart(a.published, b.published)
    dated = a.firm_date or b.firm_date
    undated_side = b if a.firm_date else a
    if dated and undated_side.published and _days_apart(dated, undated_side.published) not in (None, 0, 1, 2, 3):
        return False, {"rule": "undated report published far from the dated event"}
    subset = set(a.actors) <= set(b.actors) or set(b.actors) <= set(a.actors)
    same_place = a.place is not None and b.place is not None
    near_identical = bool(shared_run and subset and same_place and shared_run(a.doc_id, b.doc_id))
    strong = subset and same_place and near_identical and (apart is None or apart <= 3)
    reason.update(rule="undated: same sides, same place, near-identical wording" if strong
                  else "undated: evidence too weak", shared_wording=near_identical, days_apart=apart,
                  places=[a.place, b.place])
    return strong, reason


def _attachable(undated: DocEvent, member: DocEvent) -> bool:
    """Relaxed test for an undated event against a dated one: same type, one side's actors
    within the other's (two at least, or all of a one-actor event), no other person, compatible
    place, and a publication date (when known) close to the event."""
    if undated.type != member.type or undated.doc_id == member.doc_id:
        return False
    small, large = sorted((set(undated.actors), set(member.actors)), key=len)
    if len(small & large) < min(2, len(small)) or not small <= large:
        return False
    if (undated.people - set(member.actors)) and (member.people - set(undated.actors)):
        return False
    if not _places_compatible(undated, member) or not _roles_agree(undated, member):
        return False
    apart = _days_apart(member.firm_date, undated.published)
    return apart is None or apart <= 3


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


def blocks_of(events: list[DocEvent]) -> dict[tuple, list[DocEvent]]:
    """Blocks of events that may be one event. Two events with two or more actors each can
    only merge if they share two, so they meet in (type, pair of actors) blocks, which stay
    small even for actors in thousands of events; a one-actor event meets the others in a
    (type, actor) block, which other events join only where such an event exists."""
    blocks: dict[tuple, list[DocEvent]] = defaultdict(list)
    singles = {(e.type, actor) for e in events if len(e.actors) == 1 for actor in e.actors}
    for event in events:
        actors = sorted(event.actors)
        for index, first in enumerate(actors):
            if (event.type, first) in singles:
                blocks[(event.type, first)].append(event)
            for second in actors[index + 1:]:
                blocks[(event.type, first, second)].append(event)
    return blocks


def cluster(events: list[DocEvent], shared_run=None) -> list[tuple[list[DocEvent], list[dict]]]:
    """Clusters of document events, each with the merge reasons of its later members."""
    candidates: dict[str, set[str]] = defaultdict(set)
    for members in blocks_of(events).values():
        for event in members:
            candidates[event.event_id].update(m.event_id for m in members if m.event_id != event.event_id)
    clusters: list[list[DocEvent]] = []
    reasons: list[list[dict]] = []
    home: dict[str, int] = {}
    for event in sorted(events, key=_sort_key):
        chosen, why = None, None
        near = sorted({home[e] for e in candidates[event.event_id] if e in home})
        for index in near:
            verdicts = [same_event(member, event, shared_run) for member in clusters[index]]
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
