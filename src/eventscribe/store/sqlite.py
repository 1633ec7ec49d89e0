"""The embedded store: one SQLite file (WAL), written one document per transaction.

A document is stored whole or not at all, so a killed ingest leaves no half document, and
re-running it stores each document once. Ids derive from content, never from order or clock.
"""
from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from ..analyze.group import summarize
from ..model import Article, DocumentAnalysis, EventMention, short_id
from .events import confidence_of, is_reportable
from . import query
from .dialects import SQLITE, like_pattern
from .resolution import add_terms
from .schema import migrate

DEFAULT_DB = "eventscribe.db"


def actor_id(name: str) -> str:
    return short_id("actor", " ".join(name.lower().split()))


class SQLiteConnection(sqlite3.Connection):
    dialect = SQLITE

    def stream(self, sql: str, params=()):
        """Rows a batch at a time: SQLite's cursor steps through them as they are fetched."""
        return self.execute(sql, params)


def is_server_url(path: str | Path) -> bool:
    return str(path).startswith(("postgresql://", "postgres://"))


def store_exists(path: str | Path) -> bool:
    """Whether there is a store to read: a database URL (the server says), or a SQLite file."""
    return is_server_url(path) or Path(path).is_file()


def connect(path: str | Path, read_only: bool = False):
    """A connection to a store: a SQLite file, or a PostgreSQL database by URL."""
    if is_server_url(path):
        from .postgres import PostgresConnection
        return PostgresConnection(str(path))
    target = f"file:{path}?mode=ro" if read_only else str(path)
    connection = sqlite3.connect(target, timeout=30, uri=read_only, factory=SQLiteConnection)
    connection.row_factory = sqlite3.Row
    if not read_only:
        connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA synchronous=NORMAL")
    # Resolution rewrites rows all over a large store (merged events by hashed id): with SQLite's
    # 2 MB default page cache a million mentions' store is read and written page by page from
    # the OS (resolve_bench: 329 s against 308 s with this). The cache only grows as it is used.
    connection.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
    return connection


_CACHE_KIB = 256 * 1024


class Store:
    """Documents, mentions and events in a SQLite file or a PostgreSQL database (`path` is
    then its URL, postgresql://user@host/db): one schema, the same code for both."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        self.connection = connect(path, read_only)
        if not read_only:
            migrate(self.connection)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- writing -------------------------------------------------------------------
    def status_of(self, article: Article) -> str:
        """'new', 'unchanged', 'changed' (same id, new text) or 'copy:<doc_id>' (same text)."""
        row = self.connection.execute("SELECT content_hash FROM documents WHERE doc_id = ?",
                                      (article.doc_id,)).fetchone()
        if row is not None:
            return "unchanged" if row["content_hash"] == article.content_hash else "changed"
        other = self.connection.execute("SELECT doc_id FROM documents WHERE content_hash = ?",
                                        (article.content_hash,)).fetchone()
        return f"copy:{other['doc_id']}" if other else "new"

    def add(self, article: Article, analysis: DocumentAnalysis, commit: bool = True) -> str:
        """Store one report whole, in its own transaction. With `commit=False` the writes join
        the open transaction instead and the caller commits: a changed report forgets the merged
        events it was part of, so ingest lets `resolve` commit the new analysis together with
        the merged events that replace them, and readers never see those events missing."""
        status = self.status_of(article)
        if status == "unchanged" or status.startswith("copy:"):
            return status
        with self.connection if commit else contextlib.nullcontext():
            if status == "changed":     # a new report has nothing to forget (and scans nothing)
                self._forget_document(article.doc_id)
            self._insert_document(article, analysis)
            self._insert_mentions(article, analysis)
        return status

    def provenance(self, doc_id: str) -> dict:
        """A stored report's publication date with how it was found, the input it came from, and
        how many stored reports hold its text."""
        row = self.connection.execute(
            "SELECT published, published_basis, source_path, (SELECT COUNT(*) FROM documents o"
            " WHERE o.content_hash = d.content_hash) FROM documents d WHERE doc_id = ?", (doc_id,)).fetchone()
        return dict(zip(("published", "published_basis", "source_path", "holders"), row)) if row else {}

    def remove(self, doc_id: str) -> None:
        """Remove a stored report and its analysis, in the open transaction (the caller commits:
        ingest, when another report takes the text it held)."""
        self._forget_document(doc_id)

    def rollback(self) -> None:
        """Drop writes not yet committed (those of `add(..., commit=False)`)."""
        self.connection.rollback()

    def _forget_document(self, doc_id: str) -> None:
        """Remove a report's old analysis; the merged events it was part of are resolved again."""
        clusters = [row[0] for row in self.connection.execute(
            "SELECT DISTINCT cluster_id FROM doc_events WHERE doc_id = ? AND cluster_id IS NOT NULL", (doc_id,))]
        for cluster in clusters:
            self.connection.execute("UPDATE doc_events SET cluster_id = NULL WHERE cluster_id = ?", (cluster,))
            self.connection.execute("DELETE FROM events WHERE event_id = ?", (cluster,))
        self.connection.execute("DELETE FROM doc_events WHERE doc_id = ?", (doc_id,))
        # the report's story is drawn again without (or with the new) report, and so is every
        # story of a report it could have linked (it may have joined two sets into one): whole
        # stories, so that every report of a story that loses one is drawn, and its events
        # weighed, again (resolve_stories: a story is evidence)
        self.connection.execute("UPDATE documents SET story_id = NULL WHERE story_id IN (SELECT d.story_id FROM doc_terms t"
                                " JOIN doc_terms o ON o.term = t.term AND o.search = 1 JOIN documents d ON d.doc_id = o.doc_id"
                                " WHERE t.doc_id = ? AND t.search = 1 UNION SELECT story_id FROM documents WHERE doc_id = ?)",
                                (doc_id, doc_id))
        self.connection.execute("UPDATE documents SET copy_of = NULL WHERE copy_of = ?", (doc_id,))
        self.connection.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def _insert_document(self, article: Article, analysis: DocumentAnalysis) -> None:
        self.connection.execute(
            "INSERT INTO documents (doc_id, content_hash, url, outlet, title, published, published_basis,"
            " source_path, language, text, stats) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (article.doc_id, article.content_hash, article.url, article.outlet, article.title,
             analysis.published, analysis.published_basis, article.source_path, analysis.language,
             analysis.text, json.dumps(analysis.stats)))
        self.connection.executemany(
            'INSERT INTO entities VALUES (?,?,?,?,?,?)',
            [(article.doc_id, e.start, e.end, e.label, e.text, e.sentence) for e in analysis.entities])
        add_terms(self.connection, {article.doc_id: (analysis.fingerprint, analysis.story_keys)})

    def _insert_mentions(self, article: Article, analysis: DocumentAnalysis) -> None:
        event_ids: dict[int, str | None] = {}
        for group in analysis.events(include_unasserted=True):
            first = group[0]
            summary = summarize(group)
            reportable = first.modality == "asserted" and is_reportable(first.type, summary)
            event_id = short_id(article.doc_id, first.type, first.trigger_start)
            if event_id in event_ids.values():
                # one trigger, several events ('calls with A and B'): the later ones keyed by their order
                event_id = short_id(article.doc_id, first.type, first.trigger_start, first.event_key)
            event_ids[first.event_key] = event_id if reportable else None
            if reportable:
                self._insert_event(event_id, article.doc_id, group, summary)
        mention_ids: dict[str, int] = {}
        for mention in analysis.mentions:
            self._insert_mention(article.doc_id, analysis.text, mention, event_ids.get(mention.event_key), mention_ids)

    def _insert_event(self, event_id: str, doc_id: str, group: list[EventMention], summary: dict) -> None:
        date, place = summary["date"], summary["place"]
        reason = {"rule": "same document", "mentions": len(group),
                  "why": "repeated mention of the same type, participants, date and place"} if len(group) > 1 else None
        self.connection.execute(
            "INSERT INTO doc_events (event_id, type, mode, date, date_precision, date_expression, date_basis,"
            " location_name, location_country, lat, lon, confidence, mention_count, source_count, merge_reason,"
            " doc_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (event_id, group[0].type, summary["mode"],
             date.value if date else None, date.precision if date else None,
             date.expression if date else None, date.basis if date else None,
             place.name if place else None, place.country if place else None,
             place.lat if place else None, place.lon if place else None,
             confidence_of(group, summary, sources=1), len(group), 1,
             json.dumps(reason) if reason else None, doc_id))
        self.connection.executemany(
            "INSERT INTO doc_event_actors VALUES (?,?,?,?,?,?,?,?)",
            [(event_id, i, actor_id(p.name), p.name, p.role, p.title, p.affiliation, p.kind)
             for i, p in enumerate(summary["participants"])])

    def _insert_mention(self, doc_id: str, text: str, m: EventMention, event_id: str | None,
                        taken: dict[str, int]) -> None:
        mention_id = short_id(doc_id, m.type, m.trigger_start, m.trigger_end)
        if taken.setdefault(mention_id, m.event_key) != m.event_key:
            # the same words read as mentions of two events ('calls with A and B')
            mention_id = short_id(doc_id, m.type, m.trigger_start, m.trigger_end, m.event_key)
        date, place = m.date, m.place
        self.connection.execute(
            self.connection.dialect.insert_ignore.format(table="mentions", values=",".join("?" * 23)),
            (mention_id, doc_id, event_id, m.type, m.mode, m.modality, m.trigger, m.trigger_start,
             m.trigger_end, m.sentence, m.sentence_start, m.sentence_end,
             text[m.sentence_start:m.sentence_end],
             date.value if date else None, date.precision if date else None,
             date.expression if date else None, date.basis if date else None,
             place.name if place else None, place.country if place else None,
             place.lat if place else None, place.lon if place else None,
             place.expression if place else None, m.p_event))
        self.connection.executemany(
            "INSERT INTO mention_participants VALUES (?,?,?,?,?,?,?,?,?)",
            [(mention_id, i, p.name, p.role, p.title, p.affiliation, p.kind, p.start, p.end)
             for i, p in enumerate(m.participants)])

    # ---- reading -------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows of the main tables, and the merged events told by more than one report."""
        tables = ("documents", "mentions", "doc_events", "events", "actors")
        found = {t: self.connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
        found["multi-report events"] = self.connection.execute(
            "SELECT COUNT(*) FROM events WHERE source_count > 1").fetchone()[0]
        return found

    def query_events(self, *, limit: int | None = None, **filters) -> list[dict]:
        """Export records of the events the filters select (store/query.py: type, mode, actor,
        actor_country, place, place_country, since, until, q, outlet; sort), newest first."""
        return list(self.iter_records(limit=limit, **filters))

    def iter_records(self, *, limit: int | None = None, **filters) -> Iterator[dict]:
        """The same records streamed a page at a time: a whole store never sits in memory. The
        filters are checked here, before the first record is asked for (BadFilter)."""
        selected = query.EventQuery.of(**filters)
        return query.iter_records(self.connection, selected, limit)

    def count_events(self, **filters) -> int:
        return query.count(self.connection, query.EventQuery.of(**filters))

    def event_id(self, key: str) -> str | None:
        """The id of the event `key` names: a whole id or its first characters (4 or more)."""
        return query.full_id(self.connection, "events", "event_id", key)

    def event(self, key: str) -> dict | None:
        """One event's export record, by its id or the id's first characters."""
        event_id = self.event_id(key)
        row = self.connection.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone() if event_id else None
        return query.records(self.connection, [row])[0] if row else None

    def actors(self, search: str | None = None, limit: int | None = None) -> list[dict]:
        """Canonical actors, most mentioned first; `search` matches any spelling."""
        sql = "SELECT * FROM actors"
        params: list = []
        if search:
            sql += f" WHERE actor_id IN (SELECT actor_id FROM actor_aliases WHERE {self.connection.dialect.contains('alias')})"
            params.append(like_pattern(search))
        sql += " ORDER BY mention_count DESC, name"
        if limit:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [dict(row) | {"aliases": self._aliases(row["actor_id"])}
                for row in self.connection.execute(sql, params)]

    def actor(self, name: str) -> dict | None:
        """One actor by id or any spelling: aliases with counts, titles over time, events and
        counterparts ranked by shared events."""
        row = self.connection.execute(
            "SELECT * FROM actors WHERE actor_id = ? OR actor_id IN (SELECT actor_id FROM actor_aliases WHERE alias = ?)"
            " OR name = ? ORDER BY mention_count DESC LIMIT 1", (name, name, name)).fetchone()
        if row is None and any(c.isdigit() for c in name):    # a short id ('3f2a9c0d'), not a word ('cafe')
            actor_id = query.full_id(self.connection, "actors", "actor_id", name)
            row = self.connection.execute("SELECT * FROM actors WHERE actor_id = ?", (actor_id,)).fetchone() if actor_id else None
        if row is None:
            return None
        actor_id = row["actor_id"]
        aliases = [dict(r) for r in self.connection.execute(
            "SELECT alias, count FROM actor_aliases WHERE actor_id = ? ORDER BY count DESC, alias", (actor_id,))]
        titles = [dict(r) for r in self.connection.execute(
            "SELECT title, first_seen, last_seen, count FROM actor_titles WHERE actor_id = ? ORDER BY count DESC, title",
            (actor_id,))]
        events = [dict(r) for r in self.connection.execute(
            "SELECT e.event_id, e.type, e.mode, e.date, e.location_name, e.source_count FROM events e"
            " WHERE e.event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)"
            " ORDER BY e.date DESC NULLS LAST, e.event_id DESC", (actor_id,))]
        counterparts = [dict(r) for r in self.connection.execute(
            "SELECT ea.actor_id, MAX(COALESCE(ac.name, ea.name)) AS name, COUNT(DISTINCT ea.event_id) AS events"
            " FROM event_actors ea LEFT JOIN actors ac USING (actor_id)"
            " WHERE ea.event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ?) AND ea.actor_id != ?"
            " GROUP BY ea.actor_id ORDER BY events DESC, name", (actor_id, actor_id))]
        return dict(row) | {"aliases": aliases, "titles": titles, "events": events, "counterparts": counterparts}

    def _aliases(self, actor_id: str) -> list[str]:
        return [row[0] for row in self.connection.execute(
            "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY count DESC, alias", (actor_id,))]

    def events_frame(self, **filters) -> pd.DataFrame:
        """Events as a DataFrame, one row per event (the filters of `query_events`); actors and
        reports joined by '; '."""
        columns = ["event_id", "type", "mode", "date", "date_precision", "actors", "actor_ids", "location", "country",
                   "confidence", "source_count", "mentions", "documents"]
        rows = [{"event_id": r["event_id"], "type": r["type"], "mode": r["mode"], "date": r["date"],
                 "date_precision": r["date_precision"], "actors": "; ".join(a["name"] for a in r["actors"]),
                 "actor_ids": "; ".join(a["actor_id"] for a in r["actors"]),
                 "location": (r["location"] or {}).get("name"), "country": (r["location"] or {}).get("country"),
                 "confidence": r["confidence"], "source_count": r["source_count"], "mentions": len(r["mentions"]),
                 "documents": "; ".join(sorted({m["doc_id"] for m in r["mentions"]}))}
                for r in self.iter_records(**filters)]
        return pd.DataFrame(rows, columns=columns)
