"""Run the cross-document stage on a store: actors, then events, incrementally.

Document events not yet in a merged event (new reports, or ones whose merged event was undone
because a report changed) are 'dirty'. Only the blocks they touch, closed over shared blocks,
are clustered again; the rest of the store is left as it is. One transaction: an interrupted
run leaves the store as it was, and the next run does the work.
"""
from __future__ import annotations

import json
from collections import defaultdict

from pathlib import Path

from ..store import resolution as rows
from .dictionary import Code, Entry, read_dictionary
from .actors import NameStats, build_actors
from .copies import find_copies, long_runs, shingles
from .events import DocEvent, blocks_of, cluster, cluster_id

_DATE_RANK = {"text": 0, "text: the date of the sentence before": 1}
_MODE_RANK = {"visit": 0, "phone": 1, "multilateral": 2, "meet": 3}


def _name_stats(participants) -> dict[str, NameStats]:
    stats: dict[str, NameStats] = {}
    for row in participants:
        entry = stats.setdefault(row["name"], NameStats(row["name"], row["kind"] or "GROUP"))
        entry.count += 1
        seen = row["date"] if row["date"] and len(row["date"]) >= 4 else row["published"]
        if row["title"]:
            entry.titles[row["title"]] += 1
            if seen:
                first, last = entry.title_dates.get(row["title"], (seen, seen))
                entry.title_dates[row["title"]] = (min(first, seen), max(last, seen))
        if row["affiliation"]:
            entry.affiliations[row["affiliation"]] += 1
    return stats


def _doc_events(connection, names: dict, index: dict[str, str], kinds: dict[str, str]) -> tuple[list[DocEvent], dict]:
    events, previous = [], {}
    for row in rows.doc_event_rows(connection):
        listed = [(name, kind, role) for name, kind, role in names.get(row["event_id"], []) if name in index]
        actors = {index[name]: kinds.get(index[name], kind) for name, kind, _ in listed}
        roles = {index[name]: role for name, _, role in reversed(listed)}
        events.append(DocEvent(
            event_id=row["event_id"], doc_id=row["doc_id"], type=row["type"], mode=row["mode"],
            date=row["date"], date_basis=row["date_basis"], place=row["location_name"],
            country=row["location_country"], published=row["published"], actors=actors, roles=roles))
        previous[row["event_id"]] = row["cluster_id"]
    return events, previous


def _affected(events: list[DocEvent], dirty: set[str]) -> list[DocEvent]:
    """The dirty events and everything that shares a block with them, transitively."""
    blocks = blocks_of(events)
    by_event: dict[str, list[tuple]] = defaultdict(list)
    for key, members in blocks.items():
        for member in members:
            by_event[member.event_id].append(key)
    by_id = {e.event_id: e for e in events}
    seen, queue, opened = set(dirty), list(dirty), set()
    while queue:
        current = queue.pop()
        for key in by_event.get(current, []):
            if key in opened:
                continue
            opened.add(key)
            for member in blocks[key]:
                if member.event_id not in seen:
                    seen.add(member.event_id)
                    queue.append(member.event_id)
    return [by_id[e] for e in sorted(seen) if e in by_id]


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


def load_overrides(path) -> list[tuple[str, str, str | None]]:
    """An analyst's overrides file: JSON Lines of {"merge": [A, B]}, {"apart": [A, B]},
    {"rename": [A, "New name"]}, {"country": [A, "SYR"]}, {"sector": [A, "GOV"]}."""
    found = []
    for number, line in enumerate(open(path, encoding="utf-8"), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        record = json.loads(line)
        [(action, values)] = record.items()
        if action not in ("merge", "apart", "rename", "country", "sector") or len(values) != 2:
            raise ValueError(f"{path}:{number}: expected one of merge/apart/rename/country/sector with two values")
        found.append((action, values[0], values[1]))
    return found


def resolve(store, full: bool = False, overrides: list | None = None) -> dict[str, int]:
    """Resolve actors and merge events; returns counts of what was done. `overrides` (from a
    file) come after those stored by `merge-actors`."""
    connection = store.connection
    with connection:
        stats = _name_stats(rows.participant_rows(connection))
        actors, index = build_actors(sorted(stats.values(), key=lambda s: s.name),
                                     rows.overrides(connection) + list(overrides or []),
                                     stored_dictionary(connection))
        old_map = rows.stored_alias_map(connection)
        rows.write_actors(connection, actors)
        kinds = {a.actor_id: a.kind for a in actors}
        names = rows.doc_event_actor_names(connection)
        events, previous = _doc_events(connection, names, index, kinds)
        changed = {name for name, actor in index.items() if old_map.get(name) != actor}
        dirty = {e.event_id for e in events if full or previous[e.event_id] is None
                 or any(name in changed for name, _, _ in names.get(e.event_id, []))}
        if not dirty:
            return {"actors": len(actors), "events resolved": 0, "merged events": 0}
        affected = _affected(events, dirty)
        old_clusters = {previous[e.event_id] for e in affected if previous[e.event_id]}
        merged = [_merged_record(connection, members, reasons, index, actors)
                  for members, reasons in cluster(affected, _shared_run_checker(connection))]
        rows.replace_events(connection, old_clusters, merged)
    return {"actors": len(actors), "events resolved": len(affected), "merged events": len(merged),
            "multi-report events": sum(1 for m in merged if len({d for d, _ in m["members"]}) > 1)}


def _shared_run_checker(connection):
    """A memoised test: do two reports share a run of RUN_WORDS words?"""
    runs: dict[str, frozenset[int]] = {}

    def shared(first: str, second: str) -> bool:
        missing = [doc for doc in (first, second) if doc not in runs]
        if missing:
            for doc, text in rows.document_texts(connection, missing).items():
                runs[doc] = long_runs(text)
        return bool(runs.get(first, frozenset()) & runs.get(second, frozenset()))
    return shared


def _best_date(details: list) -> object:
    def rank(row):
        basis = row["date_basis"] or "unknown"
        precision = {"day": 0, "month": 1, "year": 2}.get(row["date_precision"] or "", 3)
        return (_DATE_RANK.get(basis, 5) if row["date"] else 9, precision, row["event_id"])
    return min(details, key=rank)


def _merged_record(connection, members: list[DocEvent], reasons: list[dict], index: dict[str, str],
                   actors: list) -> dict:
    ids = sorted(m.event_id for m in members)
    details = list(rows.doc_event_details(connection, ids).values())
    actor_rows = rows.doc_event_actor_rows(connection, ids)
    names = {a.actor_id: a.name for a in actors}
    merged_actors, seen = [], set()
    for event_id in ids:
        for row in actor_rows.get(event_id, []):
            actor_id = index.get(row["name"])
            if actor_id is None or actor_id in seen:
                continue
            seen.add(actor_id)
            merged_actors.append((actor_id, names.get(actor_id, row["name"]), row["role"], row["title"],
                                  row["affiliation"], row["kind"]))
    dated = _best_date(details)
    located = next((d for d in sorted(details, key=lambda d: (d["lat"] is None, d["event_id"])) if d["location_name"]), None)
    docs = sorted({m.doc_id for m in members})
    copies = {}
    if len(docs) > 1:
        texts = rows.document_texts(connection, docs)
        copies = find_copies(docs, {doc: shingles(texts.get(doc, "")) for doc in docs})
        rows.set_copies(connection, copies)
    sources = len(docs) - len(copies)
    mode = min((d["mode"] for d in details), key=lambda m: _MODE_RANK.get(m, 4))
    own_reasons = [json.loads(d["merge_reason"]) for d in details if d["merge_reason"]]
    reason_list = reasons + [{"rule": "reprint", "doc_id": doc, "copy_of": original, "similarity": score}
                             for doc, (original, score) in sorted(copies.items())] + own_reasons
    base = max(d["confidence"] or 0 for d in details)
    return {
        "event_id": cluster_id(members), "type": members[0].type, "mode": mode,
        "date": dated["date"], "date_precision": dated["date_precision"],
        "date_expression": dated["date_expression"], "date_basis": dated["date_basis"],
        "location_name": located["location_name"] if located else None,
        "location_country": located["location_country"] if located else None,
        "lat": located["lat"] if located else None, "lon": located["lon"] if located else None,
        "confidence": round(min(0.99, base + 0.15 * (sources - 1)), 2),
        "mention_count": sum(d["mention_count"] or 1 for d in details), "source_count": sources,
        "merge_reason": reason_list or None, "actors": merged_actors,
        "members": [(event_id, next((r for r in reasons if r.get("event") == event_id), None)) for event_id in ids],
    }
