"""Run the cross-document stage on a store: actors, then events, incrementally.

Document events not yet in a merged event (new reports, or ones whose merged event was undone
because a report changed) are 'dirty'. Only the blocks they touch, closed over shared blocks,
are clustered again; the rest of the store is left as it is. One transaction: an interrupted
run leaves the store as it was, and the next run does the work.
"""
from __future__ import annotations

import contextlib
import gc
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from ..errors import FileLineError
from ..model import DATE_BASIS_RANK
from ..store import resolution as rows
from .dictionary import Code, Entry, read_dictionary
from .known_actors import known_actors
from .actors import Actor, NameStats, build_actors, state_office
from .copies import find_copies, long_runs, shingles
from .events import DocEvent, cluster, cluster_id, components
from .stories import resolve_stories
from .sides import (offices_of, people_counted, standing_of, without_bare_sides, without_casualties, without_own_sides,
                    without_states_beside_bodies)

_MODE_RANK = {"visit": 0, "phone": 1, "multilateral": 2, "meet": 3}


def _name_stats(counted) -> dict[str, NameStats]:
    """Spellings with their counts, titles (first and last seen) and affiliations, from rows
    already counted per (name, kind, title, affiliation)."""
    stats: dict[str, NameStats] = {}
    for row in counted:
        entry = stats.setdefault(row["name"], NameStats(row["name"], row["kind"] or "GROUP"))
        entry.count += row["count"]
        if row["title"]:
            entry.titles[row["title"]] += row["count"]
            if row["first"]:
                first, last = entry.title_dates.get(row["title"], (row["first"], row["last"]))
                entry.title_dates[row["title"]] = (min(first, row["first"]), max(last, row["last"]))
        if row["affiliation"]:
            entry.affiliations[row["affiliation"]] += row["count"]
    return stats


def _doc_events(connection, index: dict[str, str], facts: dict[str, tuple[str, tuple]]) -> tuple[list[DocEvent], dict, dict]:
    """Every document event with its resolved sides; the merged event each was in; the
    spellings each names."""
    events, previous, spellings = [], {}, {}
    for row, listed in rows.doc_event_rows(connection):
        listed = [(name, kind, role) for name, kind, role in listed if name in index]
        actors = {index[name]: facts[index[name]][0] if index[name] in facts else kind for name, kind, _ in listed}
        roles = {index[name]: role for name, _, role in reversed(listed)}
        events.append(DocEvent(
            event_id=row["event_id"], doc_id=row["doc_id"], type=row["type"], mode=row["mode"],
            date=row["date"], date_basis=row["date_basis"], place=row["location_name"],
            country=row["location_country"], place_guessed=bool(row["place_guessed"]), published=row["published"],
            story=row["story_id"],
            actors=actors, roles=roles, counts={index[name]: n for name, kind, _ in listed if (n := people_counted(name, kind))},
            standing={actor: facts[actor][1] for actor in actors if actor in facts},
            offices={actor: facts[actor][2] for actor in actors if actor in facts and facts[actor][2]}))
        previous[row["event_id"]] = row["cluster_id"]
        spellings[row["event_id"]] = tuple(name for name, _, _ in listed)
    events.sort(key=lambda e: e.event_id)   # (read in the table's order)
    return events, previous, spellings


def doc_events(store) -> list[DocEvent]:
    """Every document event of a store with its sides resolved as `resolve` resolves them (for
    fitting the merge weights: `python -m eventscribe.learn.merge`)."""
    actors, index = _actors(store.connection)
    return _doc_events(store.connection, index, _facts(actors))[0]


def _facts(actors: list[Actor]) -> dict[str, tuple[str, tuple, frozenset]]:
    """What merging reads of each actor: its kind, how it stands for a state, the offices it holds."""
    return {a.actor_id: (a.kind, standing_of(a), offices_of(a)) for a in actors}


def _stored_actors(connection) -> list[Actor]:
    """The actors as the last run resolved them (their kind, country, sector and titles)."""
    actor_rows, title_rows = rows.stored_actor_rows(connection)
    titles: dict[str, dict] = defaultdict(dict)
    for row in title_rows:
        titles[row["actor_id"]][row["title"]] = (row["first_seen"], row["last_seen"], row["count"])
    return [Actor(row["actor_id"], row["name"], row["kind"] or "GROUP", Counter(), titles[row["actor_id"]],
                  row["country"], row["sector"]) for row in actor_rows]


def _actors(connection, overrides: list | None = None) -> tuple[list[Actor], dict[str, str]]:
    """The store's actors, resolved, and the actor id of each spelling."""
    stats = _name_stats(rows.name_stat_rows(connection))
    return build_actors(sorted(stats.values(), key=lambda s: s.name), rows.overrides(connection) + list(overrides or []),
                        stored_dictionary(connection), known_actors())


def stored_dictionary(connection) -> list[Entry]:
    return [Entry(row["name"], json.loads(row["aliases"]), [Code(**code) for code in json.loads(row["codes"])],
                  row["kb_id"]) for row in rows.dictionary_rows(connection)]


def import_dictionary(store, path) -> int:
    """Keep a user's actor dictionary in the store (replacing an earlier import of the same
    file) and resolve everything again with it. Returns the number of entries."""
    entries = read_dictionary(path)
    rows.add_dictionary(store.connection, [
        {"name": e.name, "aliases": e.aliases, "kb_id": e.kb_id, "codes": [vars(c) for c in e.codes]}
        for e in entries], source=str(Path(path).name))
    resolve(store, full=True)
    return len(entries)


OVERRIDE_ACTIONS = ("merge", "apart", "rename", "country", "sector")
_EXAMPLE = '{"merge": ["A", "B"]}, {"apart": ["A", "B"]}, {"rename": ["A", "New name"]}, {"country": ["A", "SYR"]}, {"sector": ["A", "GOV"]}'


def load_overrides(path) -> list[tuple[str, str, str | None]]:
    """An analyst's overrides file: JSON Lines of {"merge": [A, B]}, {"apart": [A, B]},
    {"rename": [A, "New name"]}, {"country": [A, "SYR"]}, {"sector": [A, "GOV"]}. A line that
    is none of these is an error naming file:line (E105), before anything is changed."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()     # an editor's BOM is no JSON
    except (OSError, UnicodeDecodeError) as err:
        raise FileLineError("E104", path, None, f"the overrides file cannot be read ({err.__class__.__name__})",
                            "check the path, and save the file as UTF-8 text") from err
    found = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found.append(_override(path, number, line))
    return found


def _override(path, number: int, line: str) -> tuple[str, str, str]:
    def bad(problem: str) -> FileLineError:
        return FileLineError("E105", path, number, problem, f"write one object per line: {_EXAMPLE}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise bad(f"not JSON ({err.msg} at column {err.colno})") from err
    if not isinstance(record, dict) or len(record) != 1:
        raise bad("expected an object with one key")
    [(action, values)] = record.items()
    if action not in OVERRIDE_ACTIONS:
        raise bad(f"{action!r} is not one of {', '.join(OVERRIDE_ACTIONS)}")
    if not (isinstance(values, list) and len(values) == 2 and all(isinstance(v, str) and v.strip() for v in values)):
        raise bad(f"{action} takes a list of two names or values")
    if action in ("country", "sector") and not re.fullmatch(r"[A-Z]{3}", values[1]):
        raise bad(f"{action} {values[1]!r} is not three capital letters (ISO3 such as SYR, a sector such as GOV)")
    return action, values[0], values[1]


@contextlib.contextmanager
def _no_cyclic_gc():
    """Millions of long-lived event objects make every cyclic-GC pass walk them all, so the
    time grows faster than the input (24% of the run at 400k). The stage makes no reference
    cycles worth collecting: reference counting frees its garbage."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


_BATCH = 5000   # document events whose stored rows are read and written together


def resolve(store, full: bool = False, overrides: list | None = None,
            on_progress: Callable[[int, int], None] | None = None, clusterer=None) -> dict[str, int]:
    """Resolve actors and merge events; returns counts of what was done. `overrides` (from a
    file) come after those stored by `merge-actors`. Events are re-clustered unit by unit
    (`components`), each unit read, clustered and written in batches. `clusterer(units, wording)`
    clusters the units of a batch where an engine chooses (default: here, one after another)."""
    connection = store.connection
    with connection, _no_cyclic_gc():
        storied, retold = resolve_stories(connection, every=full)
        actors, index = _actors(connection, overrides)
        old_map, old_facts = rows.stored_alias_map(connection), _facts(_stored_actors(connection))
        rows.write_actors(connection, actors)
        facts = _facts(actors)
        events, previous, spellings = _doc_events(connection, index, facts)
        changed = {name for name, actor in index.items() if old_map.get(name) != actor}
        # (an actor whose kind or standing changed — a person's title first told, a spelling's
        # kind outnumbered — is other evidence for every merge it is in)
        recast = {actor for actor, known in facts.items() if old_facts.get(actor, known) != known}
        # (events of a story that gained or lost a report: the story is evidence of their merges)
        dirty = {e.event_id for e in events if full or previous[e.event_id] is None or e.story in retold
                 or any(name in changed for name in spellings[e.event_id]) or not recast.isdisjoint(e.actors)}
        del spellings
        counts = {"actors": len(actors), "reports storied": storied, "events resolved": 0, "merged events": 0,
                  "multi-report events": 0}
        if not dirty:
            return counts
        units = [unit for unit in components(events, previous) if any(e.event_id in dirty for e in unit)]
        del events
        by_id = {a.actor_id: a for a in actors}
        total = sum(len(unit) for unit in units)
        for batch in _batches(units, _BATCH):
            merged = _resolve_batch(connection, batch, previous, index, by_id, clusterer or cluster_units)
            counts["events resolved"] += sum(len(unit) for unit in batch)
            counts["merged events"] += len(merged)
            counts["multi-report events"] += sum(1 for m in merged if m["source_count"] + m["copies"] > 1)
            if on_progress:
                on_progress(counts["events resolved"], total)
    return counts


def _batches(units: list[list[DocEvent]], size: int):
    batch, held = [], 0
    for unit in units:
        batch.append(unit)
        held += len(unit)
        if held >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def cluster_units(units: list[list[DocEvent]], wording) -> list:
    """Each unit clustered on its own, one after another (the local engine)."""
    return [found for unit in units for found in cluster(unit, wording)]


def _resolve_batch(connection, batch: list[list[DocEvent]], previous: dict, index: dict[str, str],
                   by_id: dict[str, Actor], clusterer) -> list[dict]:
    """Cluster the units of one batch and replace their merged events. Units hold every member
    of the merged events they had, so replacing them touches nothing outside the batch."""
    ids = sorted(e.event_id for unit in batch for e in unit)
    details = rows.doc_event_details(connection, ids)
    actor_rows = rows.doc_event_actor_rows(connection, ids)
    texts = _Texts(connection)
    clusters = clusterer(batch, texts)
    # One read for the texts of every report in a multi-report event (their copies are checked).
    texts.fetch(m.doc_id for members, _ in clusters if len({m.doc_id for m in members}) > 1 for m in members)
    merged = [_merged_record(members, reasons, details, actor_rows, index, by_id, texts)
              for members, reasons in clusters]
    rows.set_copies(connection, {doc: copy for record in merged for doc, copy in record["copy_of"].items()})
    rows.replace_events(connection, {previous[i] for i in ids if previous[i]}, merged)
    return merged


class _Texts:
    """Report texts of one batch, read once, with their word runs and shingles memoised (the
    `Wording` that `cluster` asks about undated events)."""

    def __init__(self, connection):
        self.connection, self.texts, self.runs, self.grams = connection, {}, {}, {}

    def fetch(self, doc_ids) -> None:
        missing = {doc for doc in doc_ids if doc not in self.texts}
        if missing:
            self.texts.update(rows.document_texts(self.connection, missing))

    def runs_of(self, doc: str) -> frozenset[int]:
        if doc not in self.runs:
            self.fetch((doc,))
            self.runs[doc] = long_runs(self.texts.get(doc, ""))
        return self.runs[doc]

    def reports(self, first: str, second: str) -> bool:
        """Do two reports share a run of RUN_WORDS words (the same sentence, little reworded)?"""
        return bool(self.runs_of(first) & self.runs_of(second))

    def shingles(self, doc: str) -> frozenset:
        if doc not in self.grams:
            self.fetch((doc,))
            self.grams[doc] = shingles(self.texts.get(doc, ""))
        return self.grams[doc]


def _best_date(details: list) -> object:
    def rank(row):
        basis = row["date_basis"] or "unknown"
        precision = {"day": 0, "month": 1, "year": 2}.get(row["date_precision"] or "", 3)
        return (DATE_BASIS_RANK.get(basis, 5) if row["date"] else 9, precision, row["event_id"])
    return min(details, key=rank)


def _own_sides(rows_: list, index: dict[str, str], by_id: dict[str, Actor]) -> list:
    """One report's sides of its event, less a state or body one of its own people there stands
    for (sides.without_own_sides): read report by report, so that a merged record keeps the
    state one report names beside the leader another names for it ('Japan' and Prime Minister
    Kishida), as each report told it."""
    known = [row for row in rows_ if row["name"] in index]
    keyed = [(index[row["name"]], by_id[index[row["name"]]].name if index[row["name"]] in by_id else row["name"], row["role"],
              row["title"], row["affiliation"], row["kind"]) for row in known]
    kept = {(key[0], key[2]) for key in without_own_sides(keyed, by_id)}
    return [row for row in known if (index[row["name"]], row["role"]) in kept]


def _merged_record(members: list[DocEvent], reasons: list[dict], details: dict, actor_rows: dict,
                   index: dict[str, str], by_id: dict[str, Actor], texts: _Texts) -> dict:
    ids = sorted(m.event_id for m in members)
    member_details = [details[event_id] for event_id in ids]
    merged_actors, seen, counted = [], set(), {}
    for event_id in ids:
        for row in _own_sides(actor_rows.get(event_id, []), index, by_id):
            actor_id = index[row["name"]]
            if actor_id in seen:
                continue
            # people another report told by the same count in the same role ('nine people',
            # 'nine participants') are named once; one report's 'nine men and nine women' twice
            count = people_counted(row["name"], row["kind"])
            if count is not None and counted.setdefault((count, row["role"]), event_id) != event_id:
                continue
            seen.add(actor_id)
            actor = by_id.get(actor_id)
            # 'the Chilean foreign minister' named as Chile keeps the office as the title
            title = row["title"] or (state_office(row["name"]) if actor and actor.name != row["name"] else None)
            merged_actors.append((actor_id, actor.name if actor else row["name"], row["role"], title,
                                  row["affiliation"], row["kind"]))
    merged_actors = without_bare_sides(without_casualties(merged_actors))
    merged_actors = without_states_beside_bodies(merged_actors, by_id, members[0].type)
    dated = _best_date(member_details)
    # a place a report's words give (found on the map or not) before one a report guessed (its
    # dateline, its scene)
    guessed = {m.event_id: m.place_guessed for m in members}
    located = next((d for d in sorted(member_details, key=lambda d: (guessed[d["event_id"]], d["lat"] is None, d["event_id"]))
                    if d["location_name"]), None)
    docs = sorted({m.doc_id for m in members})
    copies = find_copies(docs, {doc: texts.shingles(doc) for doc in docs}) if len(docs) > 1 else {}
    sources = len(docs) - len(copies)
    mode = min((d["mode"] for d in member_details), key=lambda m: _MODE_RANK.get(m, 4))
    own_reasons = [json.loads(d["merge_reason"]) for d in member_details if d["merge_reason"]]
    reason_list = reasons + [{"rule": "reprint", "doc_id": doc, "copy_of": original, "similarity": score}
                             for doc, (original, score) in sorted(copies.items())] + own_reasons
    base = max(d["confidence"] or 0 for d in member_details)
    joined = {r["event"]: r for r in reasons if r.get("event")}
    return {
        "event_id": cluster_id(members), "type": members[0].type, "mode": mode,
        "date": dated["date"], "date_precision": dated["date_precision"],
        "date_expression": dated["date_expression"], "date_basis": dated["date_basis"],
        "location_name": located["location_name"] if located else None,
        "location_country": located["location_country"] if located else None,
        "lat": located["lat"] if located else None, "lon": located["lon"] if located else None,
        "confidence": round(min(0.99, base + 0.15 * (sources - 1)), 2),
        "mention_count": sum(d["mention_count"] or 1 for d in member_details), "source_count": sources,
        "copies": len(copies), "copy_of": copies,
        "merge_reason": reason_list or None, "actors": merged_actors,
        "members": [(event_id, joined.get(event_id)) for event_id in ids],
    }
