"""What the cross-document stage reads from the store and writes back, as plain rows.

The resolve package decides; this module only moves rows, in SQL that SQLite and PostgreSQL
both run (the few phrases that differ come from `connection.dialect`).
"""
from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator

from ..model import PLACE_GUESSES
from .lookup import rows_for_ids


def name_stat_rows(connection: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """Every spelling the reports use for a participant (of a mention, or of a document event:
    its fullest spelling), counted per kind, title and affiliation, with the first and last
    date it was seen (the event's date when it has a year, else the report's). Aggregated by
    the database, so memory holds distinct spellings, not mentions."""
    return connection.execute(
        "SELECT name, kind, title, affiliation, COUNT(*) AS count, MIN(seen) AS first, MAX(seen) AS last FROM ("
        " SELECT mp.name, mp.kind, mp.title, mp.affiliation,"
        "  CASE WHEN length(m.date) >= 4 THEN m.date ELSE d.published END AS seen"
        " FROM mention_participants mp JOIN mentions m USING (mention_id) JOIN documents d ON d.doc_id = m.doc_id"
        " UNION ALL SELECT dea.name, dea.kind, dea.title, dea.affiliation,"
        "  CASE WHEN length(de.date) >= 4 THEN de.date ELSE d.published END"
        " FROM doc_event_actors dea JOIN doc_events de USING (event_id) JOIN documents d ON d.doc_id = de.doc_id) AS seen_rows"
        " GROUP BY name, kind, title, affiliation"
        " ORDER BY name, kind NULLS FIRST, title NULLS FIRST, affiliation NULLS FIRST")


# A document event's place is a guess when no mention at that place was placed by its words.
_TOLD_HERE = " AND ".join(f"m.place_expression NOT LIKE '{prefix}%'" for prefix in PLACE_GUESSES)
_PLACE_GUESSED = ("NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = de.event_id"
                  f" AND m.place_name = de.location_name AND (m.place_expression IS NULL OR ({_TOLD_HERE})))")


def doc_event_rows(connection: sqlite3.Connection) -> Iterator[tuple[sqlite3.Row, list[tuple[str, str, str]]]]:
    """Every document event with its participants [(name, kind, role)], in the order the
    table holds them (read in id order, a large store is read page by page at random: 9 s
    against 2 s for a million)."""
    sides: dict[str, list[tuple]] = {}
    # (held for every event at once: a spelling, kind or role read a million times is kept once)
    for row in connection.execute("SELECT event_id, position, name, kind, role FROM doc_event_actors"):
        sides.setdefault(row[0], []).append((row[1], *(sys.intern(v) if v else v for v in row[2:5])))
    events = connection.execute(
        "SELECT de.event_id, de.doc_id, de.type, de.mode, de.date, de.date_basis, de.location_name,"
        f" de.location_country, {_PLACE_GUESSED} AS place_guessed, de.cluster_id, d.published, d.story_id"
        " FROM doc_events de JOIN documents d USING (doc_id)")
    for row in events:
        yield row, [(name, kind, role) for _, name, kind, role in sorted(sides.pop(row["event_id"], ()))]


def document_texts(connection: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, str]:
    return {row[0]: row[1] for row in rows_for_ids(
        connection, "SELECT doc_id, text FROM documents WHERE doc_id IN ({ids})", sorted(set(doc_ids)))}


def stored_actor_rows(connection: sqlite3.Connection) -> tuple[list[sqlite3.Row], list[sqlite3.Row]]:
    """The actors the last run resolved, and their titles."""
    return (connection.execute("SELECT actor_id, name, kind, country, sector FROM actors").fetchall(),
            connection.execute("SELECT actor_id, title, first_seen, last_seen, count FROM actor_titles").fetchall())


def stored_alias_map(connection: sqlite3.Connection) -> dict[str, str]:
    return {row[0]: row[1] for row in connection.execute("SELECT alias, actor_id FROM actor_aliases")}


def overrides(connection: sqlite3.Connection) -> list[tuple[str, str, str | None]]:
    return [(r[0], r[1], r[2]) for r in connection.execute(
        "SELECT action, first, second FROM actor_overrides ORDER BY position")]


def add_override(connection: sqlite3.Connection, action: str, first: str, second: str | None) -> None:
    with connection:
        connection.execute("INSERT INTO actor_overrides (action, first, second) VALUES (?,?,?)", (action, first, second))


def write_actors(connection: sqlite3.Connection, actors: list) -> None:
    connection.execute("DELETE FROM actor_titles")
    connection.execute("DELETE FROM actor_aliases")
    connection.execute("DELETE FROM actors")
    connection.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?)",
                           [(a.actor_id, a.name, a.country, a.sector, a.kb_id, a.kind, a.mention_count) for a in actors])
    connection.executemany("INSERT INTO actor_aliases VALUES (?,?,?)",
                           [(a.actor_id, alias, count) for a in actors for alias, count in a.aliases.items()])
    connection.executemany("INSERT INTO actor_titles VALUES (?,?,?,?,?)",
                           [(a.actor_id, title, first, last, count)
                            for a in actors for title, (first, last, count) in a.titles.items()])


def replace_events(connection: sqlite3.Connection, removed: Iterable[str], events: list[dict]) -> None:
    """Drop the merged events that were re-resolved and write their successors."""
    gone = sorted(set(removed) | {event["event_id"] for event in events})
    connection.executemany("DELETE FROM events WHERE event_id = ?", [(event_id,) for event_id in gone])
    connection.executemany("DELETE FROM event_actors WHERE event_id = ?", [(event_id,) for event_id in gone])
    connection.executemany(
        "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(event["event_id"], event["type"], event["mode"], event["date"], event["date_precision"],
          event["date_expression"], event["date_basis"], event["location_name"], event["location_country"],
          event["lat"], event["lon"], event["confidence"], event["mention_count"], event["source_count"],
          json.dumps(event["merge_reason"]) if event["merge_reason"] else None) for event in events])
    connection.executemany("INSERT INTO event_actors VALUES (?,?,?,?,?,?,?,?)",
                           [(event["event_id"], i, *actor) for event in events for i, actor in enumerate(event["actors"])])
    connection.executemany("UPDATE doc_events SET cluster_id = ?, merge_reason_in_cluster = ? WHERE event_id = ?",
                           [(event["event_id"], json.dumps(reason) if reason else None, member)
                            for event in events for member, reason in event["members"]])
    connection.executemany(connection.dialect.index_event, [(event["event_id"],) for event in events])


def doc_event_details(connection: sqlite3.Connection, event_ids: list[str]) -> dict[str, sqlite3.Row]:
    return {row["event_id"]: row for row in rows_for_ids(
        connection, "SELECT * FROM doc_events WHERE event_id IN ({ids})", event_ids)}


def doc_event_actor_rows(connection: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[sqlite3.Row]]:
    found: dict[str, list[sqlite3.Row]] = {}
    for row in rows_for_ids(connection, "SELECT * FROM doc_event_actors WHERE event_id IN ({ids})"
                                        " ORDER BY event_id, position", event_ids):
        found.setdefault(row["event_id"], []).append(row)
    return found


def set_copies(connection: sqlite3.Connection, copies: dict[str, tuple[str, float]]) -> None:
    connection.executemany("UPDATE documents SET copy_of = ? WHERE doc_id = ?",
                           [(original, doc) for doc, (original, _) in copies.items()])


def dictionary_rows(connection: sqlite3.Connection) -> list[sqlite3.Row]:
    return connection.execute("SELECT * FROM dictionary_entries ORDER BY position").fetchall()


def add_dictionary(connection: sqlite3.Connection, entries: list[dict], source: str) -> None:
    with connection:
        connection.execute("DELETE FROM dictionary_entries WHERE source = ?", (source,))
        connection.executemany(
            "INSERT INTO dictionary_entries (name, aliases, codes, kb_id, source) VALUES (?,?,?,?,?)",
            [(e["name"], json.dumps(e["aliases"]), json.dumps(e["codes"]), e["kb_id"], source) for e in entries])


def unstoried_documents(connection: sqlite3.Connection, every: bool = False) -> list[str]:
    """Reports not yet in a story (new, or their story was undone); with `every`, all."""
    where = "" if every else " WHERE story_id IS NULL"
    return [row[0] for row in connection.execute(f"SELECT doc_id FROM documents{where} ORDER BY doc_id")]


def untermed_documents(connection: sqlite3.Connection, doc_ids: list[str]) -> dict[str, str]:
    """The texts of those reports in English that have no fingerprint terms (stored before there
    were any)."""
    return {row[0]: row[1] for row in rows_for_ids(
        connection, "SELECT doc_id, text FROM documents d WHERE doc_id IN ({ids}) AND language = 'en'"
                    " AND NOT EXISTS (SELECT 1 FROM doc_terms t WHERE t.doc_id = d.doc_id)", doc_ids)}


def add_terms(connection: sqlite3.Connection, fingerprints: dict[str, tuple[dict[str, float], list[str]]]) -> None:
    """Store reports' (fingerprint, search terms)."""
    connection.executemany("INSERT INTO doc_terms (doc_id, term, weight, search) VALUES (?,?,?,?)",
                           [(doc, term, weight, int(term in keys)) for doc, (terms, keys) in fingerprints.items()
                            for term, weight in terms.items()])


def story_keys(connection: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, tuple[str | None, list[str]]]:
    """doc_id -> (publication date, the terms it is searched by, in order)."""
    found: dict[str, tuple[str | None, list[str]]] = {}
    for row in rows_for_ids(connection, "SELECT d.doc_id, d.published, t.term FROM documents d LEFT JOIN doc_terms t"
                                        " ON t.doc_id = d.doc_id AND t.search = 1 WHERE d.doc_id IN ({ids})",
                            sorted(set(doc_ids))):
        keys = found.setdefault(row[0], (row[1], []))[1]
        if row[2] is not None:
            keys.append(row[2])
    for _, keys in found.values():
        keys.sort()
    return found


def fingerprints(connection: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, dict[str, float]]:
    """doc_id -> {term: weight} (reports without terms are left out)."""
    found: dict[str, dict[str, float]] = {}
    for row in rows_for_ids(connection, "SELECT doc_id, term, weight FROM doc_terms WHERE doc_id IN ({ids})",
                            sorted(set(doc_ids))):
        found.setdefault(row[0], {})[row[1]] = row[2]
    return found


def postings(connection: sqlite3.Connection, terms: Iterable[str]) -> dict[str, list[tuple[str, str | None]]]:
    """term -> the reports that are searched by it, with their publication dates."""
    found: dict[str, list[tuple[str, str | None]]] = {}
    for row in rows_for_ids(connection, "SELECT t.term, t.doc_id, d.published FROM doc_terms t JOIN documents d"
                                        " ON d.doc_id = t.doc_id WHERE t.term IN ({ids}) AND t.search = 1", sorted(set(terms))):
        found.setdefault(row[0], []).append((row[1], row[2]))
    return found


def set_stories(connection: sqlite3.Connection, stories: dict[str, str]) -> set[str]:
    """Store reports' stories, writing only those that changed; returns the stories, old and
    new, that gained or lost a report."""
    stored = {row[0]: row[1] for row in rows_for_ids(
        connection, "SELECT doc_id, story_id FROM documents WHERE doc_id IN ({ids})", sorted(stories))}
    changed = sorted((doc, story) for doc, story in stories.items() if stored.get(doc) != story)
    connection.executemany("UPDATE documents SET story_id = ? WHERE doc_id = ?", [(story, doc) for doc, story in changed])
    return {story for doc, new in changed for story in (new, stored.get(doc)) if story is not None}


def merge_context(connection, reasons: list[dict]) -> tuple[dict[str, str], dict[str, str]]:
    """For telling merge reasons in words: the report of each per-report event they name, and
    the name of each actor they share."""
    events = {r.get(key) for r in reasons for key in ("event", "joined") if r.get(key)}
    events |= {r["runner_up"]["event"] for r in reasons if (r.get("runner_up") or {}).get("event")}
    reports = {row[0]: row[1] for row in rows_for_ids(
        connection, "SELECT event_id, doc_id FROM doc_events WHERE event_id IN ({ids})", sorted(events))}
    actors = sorted({a for r in reasons for a in r.get("shared_actors") or []})
    names = {row[0]: row[1] for row in rows_for_ids(
        connection, "SELECT actor_id, name FROM actors WHERE actor_id IN ({ids})", actors)}
    return reports, names
