"""One record per real-world event: document events from different reports are merged when
they are the same type, name the same sides after actor resolution, and have compatible dates
and places. Blocks are (type, actor); clusters are complete-link and built in a fixed order, so
the result is the same whatever order the reports came in.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import Protocol

from ..timeparse import days_between, parse_iso_date
from .docevent import (ACTS_THROUGH_ORGANS, BODY, OFFICIAL, STATE, DocEvent, places_compatible, roles_agree,
                       stands_in)
from .evidence import TOLD_APART, evidence, weigh
from .linking import linked_groups

# Two fits whose evidence differs by less than this (log-odds: a factor of e in the odds) are
# equally good: the event joins neither. A rule's fit is not weighed: beside a weighed fit or a
# fit by the same rule, a tie; a report's own words found again beat a shared story.
_TIE = 1.0
WORDING_RULE = "undated: same sides, same place, near-identical wording"
STORY_RULE = "undated: one story, sides alike, nothing told differently"
_RULE_RANK = {STORY_RULE: 1}   # any other rule's fit: 2
_NEAR_DAYS = 7      # an undated report may be about an event up to this many days before it (a week's round-up)
_EARLY_DAYS = 1     # or a day after it was published (its time zone, or a late update)


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
            if a.roles.get(x) == b.roles.get(y) and stands_in(kinds, a.type) and lands_a.get(x) \
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
    if a.firm_date and b.firm_date:
        # two events their words date: the evidence weighed (evidence.py)
        ok, why = weigh(a, b, lambda: bool(wording and wording.reports(a.doc_id, b.doc_id)))
        return ok, {**reason, "shared_actors": sorted(shared), **why}
    told_together = same_story(a, b)
    needed = min(2, len(a.actors), len(b.actors))
    # a state one report names stands for its official or body another names in the same place
    # ('Peru', 'the National Police'; 'the United States', President Biden), beside a side both
    # name (so that the two meet in a block: see _block_keys), or in two reports of one story
    # (which meet in the story's block)
    stood_in = _stand_ins(a, b) + _same_counts(a, b) if 0 < len(shared) < needed or told_together else 0
    by_story = told_together and len(shared) + stood_in >= _story_needs(a, b, shared)
    too_few = {"rule": "too few shared actors", "shared": len(shared)}
    enough = len(shared) + (stood_in if shared else 0) >= needed   # (the older rules' count)
    if needed == 0 or not (by_story or enough):
        return False, too_few
    if (a.people - set(b.actors)) and (b.people - set(a.actors)):
        return False, {"rule": "each names a person the other does not"}
    if not roles_agree(a, b):
        return False, {"rule": "who did it to whom differs"}
    if not places_compatible(a, b):
        return False, {"rule": "places differ", "places": [a.place, b.place]}
    reason.update(shared_actors=sorted(shared))
    ok, why = _same_words(a, b, wording, reason) if enough else (False, {**reason, **too_few})
    if by_story and not ok:
        return _one_story(a, b, reason)
    return ok, why


def _published_far(a: DocEvent, b: DocEvent) -> bool:
    """Whether, of two events one of which is dated, the undated one's report was published too
    far from the dated one to tell of it (see _published_near)."""
    dated = a.firm_date or b.firm_date
    undated_side = b if a.firm_date else a
    return bool(dated and undated_side.published and not _published_near(dated, undated_side.published))


def _same_words(a: DocEvent, b: DocEvent, wording: Wording | None, reason: dict) -> tuple[bool, dict]:
    """Undated on one side: only strong evidence merges (same sides, same place, same wording,
    close publication dates where they are known)."""
    reason = dict(reason)
    apart = days_between(a.published, b.published)
    if _published_far(a, b):
        return False, {"rule": "undated report published far from the dated event"}
    subset = set(a.actors) <= set(b.actors) or set(b.actors) <= set(a.actors)
    same_place = a.place is not None and b.place is not None
    near_identical = bool(wording and subset and same_place and wording.reports(a.doc_id, b.doc_id))
    strong = near_identical and (apart is None or apart <= _NEAR_DAYS)
    reason.update(rule=WORDING_RULE if strong
                  else "undated: evidence too weak", shared_wording=near_identical, days_apart=apart,
                  places=[a.place, b.place])
    return strong, reason


def same_story(a: DocEvent, b: DocEvent) -> bool:
    """Whether two events come from reports of one story (resolve/stories.py) whose undated
    events' reports were published on a known day: the story then holds them within its window
    of days of the other report (or of each other). A report with no publication date joins a
    story by its words alone, and one pair's meetings months apart are told in the same words."""
    return a.story is not None and a.story == b.story and all(e.published for e in (a, b) if not e.firm_date)


# Sides named alike that single out one event of a story: a person or a named organisation, not a
# state, a state's body or a description (every act of a Peruvian strike's story may name Peru or
# its police; of a war's, 'the army').
_SINGLING_KINDS = frozenset({"PERSON", "PROPN", "ORG"})


def _story_needs(a: DocEvent, b: DocEvent, shared: set[str]) -> int:
    """How many sides two events of one story must name alike (or as a state and its official
    or body): one, if it is a person or a named organisation that is no state nor a state's body;
    else two."""
    singling = any(all(e.actors.get(x) in _SINGLING_KINDS and e.standing.get(x, (None, None))[0] not in (STATE, BODY)
                       for e in (a, b)) for x in shared)
    return 1 if singling else 2


def _one_story(a: DocEvent, b: DocEvent, reason: dict) -> tuple[bool, dict]:
    """Two events, one of them undated, from reports of one story, naming a side alike (or a
    state and its official or body), with no person, role or place told differently: one event,
    unless the sides only one names cannot be one ('Israel struck Gaza', 'Israel struck
    Lebanon') or the undated report was published too far from the dated event. A report that
    fits two events of its story as well joins neither (events._best_cluster)."""
    if evidence(a, b, False)["unmatched"] == TOLD_APART:
        return False, {**reason, "rule": "undated: one story, but sides told apart"}
    if _published_far(a, b):
        return False, {**reason, "rule": "undated report published far from the dated event"}
    return True, {**reason, "rule": STORY_RULE, "story": a.story}


def _attachable(undated: DocEvent, member: DocEvent) -> bool:
    """Relaxed test for an undated event against a dated one: same type, one side's actors
    within the other's (two at least, or all of a one-actor event; a state within its official's
    or body's place), and a publication date (when known) close to the event. (What rules the
    two apart, _clashes, _attach_undated asks of every member of the merged event.)"""
    if undated.type != member.type or undated.doc_id == member.doc_id:
        return False
    small, large = sorted((set(undated.actors), set(member.actors)), key=len)
    # a state on one side and its official or body on the other count as one side (_stand_ins)
    stood_in = _stand_ins(undated, member) + _same_counts(undated, member)
    if len(small & large) + stood_in < min(2, len(small)) or len(small - large) > stood_in:
        return False
    return not undated.published or _published_near(member.firm_date, undated.published)


def _clashes(undated: DocEvent, member: DocEvent) -> bool:
    """Evidence that an undated event is not the one a member of a merged event tells: each
    names a person the other does not, who did it to whom differs, the places differ, or each
    names a side the other does not and those cannot be one (evidence.veto)."""
    if (undated.people - set(member.actors)) and (member.people - set(undated.actors)) \
            or not roles_agree(undated, member) or not places_compatible(undated, member):
        return True
    return evidence(undated, member, False)["unmatched"] == TOLD_APART


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
        # the real event its reports tell together: the sides one report names and another not
        # (a leader here, a state there) are all the event's, so one member it fits is enough,
        # if it clashes with none
        fitting = [i for i in near if any(_attachable(event, m) for m in clusters[i] if m.firm_date)
                   and not any(_clashes(event, m) for m in clusters[i])]
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


def _lands(event: DocEvent, type_: str, lands: dict[str, str] | None = None) -> dict[str, str]:
    """The lands of an event's sides (`lands`: lands_of its standing, when already read) that may
    stand in for their state in an act of this type (see docevent.stands_in), as block keys ('land:PER')."""
    kinds = (STATE, OFFICIAL, BODY) if type_ in ACTS_THROUGH_ORGANS else (STATE, OFFICIAL)
    return {actor: f"land:{land}" for actor, land in (lands if lands is not None else event.lands).items()
            if event.standing[actor][0] in kinds}


def _block_keys(event: DocEvent, singles: set[tuple[str, str]]) -> list[tuple]:
    keys = []
    actors = sorted(event.actors)
    for index, first in enumerate(actors):
        if (event.type, first) in singles:
            keys.append((event.type, first))
        keys.extend((event.type, first, second) for second in actors[index + 1:])
    lands = event.lands
    # a state and its official or body meet too: (type, the other side, the land they stand for)
    for actor, land in _lands(event, event.type, lands).items():
        keys.extend((event.type, *sorted((other, land))) for other in actors if other != actor)
    # and people told by their count: (type, the other side, the count)
    for actor, count in event.counts.items():
        keys.extend((event.type, other, f"count:{count}") for other in actors if other != actor)
    # and events of one day naming one side alike, or a state and its official or body, whose
    # other evidence is weighed (evidence.py): (type, the side or the land, the day) — one report's
    # 'the United States' and 'India', another's Biden and Modi
    day = event.firm_date if event.firm_date and len(event.firm_date) >= 10 else None
    sides = sorted(set(actors) | {f"land:{land}" for land in lands.values()}) if day or event.story else []
    if day:
        keys.extend((event.type, side, day) for side in sides)
    # and the events of one type told in one story (the reports of one happening: stories.py)
    # naming one side alike, or a state and its official or body (not every event of a story:
    # a war's story holds thousands, and an undated event's story fit needs a side in common)
    if event.story:
        keys.extend((event.type, f"story:{event.story}", side) for side in sides)
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


def _weakest_link(event: DocEvent, members: list[DocEvent], wording: Wording | None) -> tuple[bool, dict]:
    """Complete link: the verdict of the member the event fits least (a refusal before any
    weighed fit; a rule's fit counts as sure)."""
    verdicts = [same_event(member, event, wording) for member in members]
    return min(verdicts, key=lambda v: (v[0], _strength(v[1])))


def _strength(reason: dict) -> tuple[int, float]:
    """How strongly a fit holds: (0, its evidence's log-odds), or for a rule's fit, not weighed,
    (the rule's rank, without bound)."""
    if "log_odds" in reason:
        return 0, reason["log_odds"]
    return _RULE_RANK.get(reason.get("rule"), 2), math.inf


def _tied(best: dict, runner_up: dict) -> bool:
    """Whether the runner-up fits as well as the best fit (see _TIE)."""
    (rank, odds), (other_rank, other_odds) = _strength(best), _strength(runner_up)
    if rank == 0 and other_rank == 0:
        return other_odds >= odds - _TIE
    return other_rank == 0 or other_rank == rank


def _best_cluster(event: DocEvent, near: list[tuple[int, list[DocEvent]]],
                  wording: Wording | None) -> tuple[int | None, dict | None]:
    """The merged event an event joins — of those it fits every member of, the one it fits best
    (ties: the earliest) — with the reason, which names the runner-up it beat."""
    judged = sorted(((index, *_weakest_link(event, members, wording)) for index, members in near),
                    key=lambda v: (not v[1], tuple(-x for x in _strength(v[2])), v[0]))
    if not judged or not judged[0][1]:
        return None, None
    index, _, why = judged[0]
    if len(judged) > 1 and judged[1][1] and _tied(why, judged[1][2]):
        return None, None   # it fits two events as well: which one it tells, the evidence does not say
    if len(judged) > 1:
        other, fits, reason = judged[1]
        why = {**why, "runner_up": {"event": cluster_id(dict(near)[other]), "fits": fits,
                                    "score": reason.get("score"), "log_odds": reason.get("log_odds"),
                                    "rule": reason.get("rule")}}
    return index, why


def cluster(events: list[DocEvent], wording: Wording | None = None) -> list[tuple[list[DocEvent], list[dict]]]:
    """Clusters of document events, each with the merge reasons of its later members."""
    candidates = _candidates(events)
    clusters: list[list[DocEvent]] = []
    reasons: list[list[dict]] = []
    home: dict[str, int] = {}
    for event in sorted(events, key=_sort_key):
        near = sorted({home[e] for e in candidates[event.event_id] if e in home})
        chosen, why = _best_cluster(event, [(index, clusters[index]) for index in near], wording)
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
