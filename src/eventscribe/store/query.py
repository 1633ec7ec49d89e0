"""One query library over the merged events: the filters every surface passes — the CLI
(`events`, `export`), the Python API (`Store.query_events`, `iter_records`, `events_frame`) and
the web pages with their JSON twins — validated once here and reaching SQL only as bound
parameters, so that one filter means one thing everywhere.

Records stream a page at a time, with a bounded number of queries per page (the events, their
actors, those actors' spellings, their mentions), never one query per event.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from enum import Enum

from ..errors import EventscribeError
from ..model import CONSULT_MODES, EVENT_TYPES
from ..timeparse import is_iso_date
from .dialects import SQLITE, Dialect, like_pattern
from .lookup import rows_for_ids

BAD_FILTER = "Q001"
AMBIGUOUS_ID = "Q002"
PAGE_SIZE = 500                 # events read per page of a streamed query
MAX_SEARCH_TERMS = 32           # words in the evidence search: each is one more term to match
SHORT_ID = 8                    # characters of an id shown in tables (git's habit); prefixes of 4+ are accepted
_HEX_PREFIX = re.compile(r"[0-9a-f]{4,16}")   # an id's first characters: 4 or more
_ISO3 = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")   # ASCII digits: \d takes other scripts'
_SEARCH_TERM = re.compile(r"\w+")


class Sort(str, Enum):
    NEWEST = "newest"           # by event date, latest first; undated events last
    OLDEST = "oldest"
    SOURCES = "sources"         # most independent reports first
    CONFIDENCE = "confidence"   # surest first
    TYPE = "type"               # by PLOVER type, A to Z
    PLACE = "place"             # by place name, A to Z; unplaced last


# Each order ends with the newest-first one, so that ties come out the same on every backend.
_ORDERS = {
    Sort.NEWEST: "e.date DESC NULLS LAST, e.event_id DESC",
    Sort.OLDEST: "e.date ASC NULLS LAST, e.event_id ASC",
    Sort.SOURCES: "e.source_count DESC NULLS LAST, e.date DESC NULLS LAST, e.event_id DESC",
    Sort.CONFIDENCE: "e.confidence DESC NULLS LAST, e.date DESC NULLS LAST, e.event_id DESC",
    Sort.TYPE: "e.type ASC, e.date DESC NULLS LAST, e.event_id DESC",
    Sort.PLACE: "e.location_name ASC NULLS LAST, e.date DESC NULLS LAST, e.event_id DESC",
}


class BadFilter(EventscribeError):
    """A filter value the store cannot use; `reason` names the filter first ('type: …')."""

    def __init__(self, name: str, problem: str, fix: str):
        super().__init__(BAD_FILTER, f"{name}: {problem}", fix)
        self.name = name
        self.reason = f"{name}: {problem}"


class AmbiguousId(EventscribeError):
    """A short id that begins more than one stored id."""


@dataclass(frozen=True)
class EventQuery:
    """Which events, in which order. Every filter is optional; given ones must all hold.

    type           PLOVER type, e.g. ASSAULT (any case)
    mode           CONSULT mode: meet, visit, phone, multilateral
    actor          an actor's id (or its first 8 characters) or words of any of its spellings
    actor_country  ISO3 of an actor's country (any actor of the event)
    place          words of the event's place name
    place_country  ISO3 of the event's place
    since, until   YYYY, YYYY-MM or YYYY-MM-DD; `until` takes in the whole month or year it names
    q              words in the evidence sentences (all of them)
    outlet         words of the outlet of any report telling the event
    sort           newest (default), oldest, sources, confidence, type or place
    """
    type: str | None = None
    mode: str | None = None
    actor: str | None = None
    actor_country: str | None = None
    place: str | None = None
    place_country: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    outlet: str | None = None
    sort: Sort = Sort.NEWEST

    @classmethod
    def of(cls, **filters) -> EventQuery:
        """From keyword filters (blank values count as not given); raises BadFilter naming the
        filter, the problem and the values it takes."""
        unknown = sorted(set(filters) - set(FILTERS) - {"sort"})
        if unknown:
            raise BadFilter(unknown[0], "no such filter", f"use {', '.join(FILTERS)} or sort")
        value = {name: _blank_to_none(raw) for name, raw in filters.items()}
        if value.get("type"):
            value["type"] = _one_of("type", value["type"].upper(), EVENT_TYPES)
        if value.get("mode"):
            value["mode"] = _one_of("mode", value["mode"].lower(), CONSULT_MODES)
        for name in ("actor_country", "place_country"):
            if value.get(name):
                value[name] = _iso3(name, value[name])
        for name in ("since", "until"):
            if value.get(name):
                _check_date(name, value[name])
        if value.get("q"):
            _check_search(value["q"])
        value["sort"] = Sort(_one_of("sort", (value.get("sort") or Sort.NEWEST.value).lower(), [s.value for s in Sort]))
        return cls(**value)

    def params(self) -> dict:
        """The filters given (and a sort other than the default), as plain values."""
        return {k: (v.value if isinstance(v, Sort) else v) for k, v in asdict(self).items()
                if v is not None and not (k == "sort" and v is Sort.NEWEST)}


FILTERS = tuple(f.name for f in fields(EventQuery) if f.name != "sort")


def _blank_to_none(raw):
    if raw is None:
        return None
    text = str(raw.value if isinstance(raw, Enum) else raw).strip()
    return text or None


def _one_of(name: str, value: str, allowed) -> str:
    if value not in allowed:
        raise BadFilter(name, f"{value!r} is not a valid value", f"use one of {', '.join(allowed)}")
    return value


def _iso3(name: str, value: str) -> str:
    if not _ISO3.fullmatch(value.upper()):
        raise BadFilter(name, f"{value!r} is not an ISO 3166 alpha-3 code", "give three letters such as SYR or USA")
    return value.upper()


def _check_date(name: str, text: str) -> None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a day, month or year that exists (not 2018-02-30)."""
    if not _DATE.fullmatch(text):
        raise BadFilter(name, f"{text!r} is not a date", "write YYYY, YYYY-MM or YYYY-MM-DD")
    if not is_iso_date(text, times=False):
        raise BadFilter(name, f"{text!r} is not a real date (no such day, month or year)", "check the day and month")


def _check_search(words: str) -> None:
    count = len(_SEARCH_TERM.findall(words))
    if not count:
        raise BadFilter("q", f"{words!r} has no word to search for", "give words of letters or digits")
    if count > MAX_SEARCH_TERMS:
        raise BadFilter("q", f"{count} search terms, more than the {MAX_SEARCH_TERMS} allowed", "search for fewer words")


def search_terms(words: str, dialect: Dialect = SQLITE) -> str:
    """User words as a query of plain terms, all required: no operator or syntax error can come
    in (quoted for SQLite's FTS5; PostgreSQL's plainto_tsquery takes the words as they are)."""
    terms = _SEARCH_TERM.findall(words)
    return " ".join(terms) if dialect.name == "postgresql" else " ".join('"' + term + '"' for term in terms)


def where(query: EventQuery, dialect: Dialect = SQLITE) -> tuple[str, list]:
    """' WHERE …' over `events e` (or '' when nothing is filtered) and its parameters."""
    clauses, params = [], []

    def add(clause: str, *values) -> None:
        clauses.append(clause)
        params.extend(values)
    if query.type:
        add("e.type = ?", query.type)
    if query.mode:
        add("e.mode = ?", query.mode)
    if query.actor:
        add(_actor_clause(query.actor, dialect), *_actor_params(query.actor))
    if query.actor_country:
        add("e.event_id IN (SELECT ea.event_id FROM event_actors ea JOIN actors ac ON ac.actor_id = ea.actor_id"
            " WHERE ac.country = ?)", query.actor_country)
    if query.place:
        add(dialect.contains("e.location_name"), like_pattern(query.place))
    if query.place_country:
        add("e.location_country = ?", query.place_country)
    if query.since:
        add("e.date >= ?", query.since)
    if query.until:
        add("substr(e.date, 1, length(CAST(? AS TEXT))) <= ?", query.until, query.until)
    if query.q and search_terms(query.q, dialect):
        add(f"e.event_id IN ({dialect.search_events})", search_terms(query.q, dialect))
    if query.outlet:
        # the outlet's reports first, then their events through the report index
        add("e.event_id IN (SELECT de.cluster_id FROM doc_events de WHERE de.doc_id IN"
            f" (SELECT d.doc_id FROM documents d WHERE {dialect.contains('d.outlet')}))", like_pattern(query.outlet))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _actor_clause(actor: str, dialect: Dialect) -> str:
    """An actor of the event is `actor` by id or id prefix, or has it in a spelling: its
    canonical name or an alias (the aliases hold every name a report gave it). The actors are
    found first, then their events through the actor index."""
    actors = (f"SELECT actor_id FROM actor_aliases WHERE {dialect.contains('alias')}"
              f" UNION SELECT actor_id FROM actors WHERE {dialect.contains('name')} OR actor_id = ? OR actor_id LIKE ?")
    return f"e.event_id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({actors}))"


def _actor_params(actor: str) -> list:
    words = like_pattern(actor)
    # an id prefix only when it looks like a shown one (8+ hex characters with a digit):
    # 'Abba' or 'Deccan' is a spelling, not the start of an id
    key = actor.lower()
    prefix = key + "%" if len(key) >= SHORT_ID and _HEX_PREFIX.fullmatch(key) and any(c.isdigit() for c in key) else ""
    return [words, words, actor, prefix]


def order_by(query: EventQuery) -> str:
    return " ORDER BY " + _ORDERS[query.sort]


def count(connection, query: EventQuery) -> int:
    clause, params = where(query, connection.dialect)
    return connection.execute("SELECT COUNT(*) FROM events e" + clause, params).fetchone()[0]


def iter_records(connection, query: EventQuery, limit: int | None = None) -> Iterator[dict]:
    """The export records (DESIGN.md) of the query's events in its order, a page at a time."""
    clause, params = where(query, connection.dialect)
    sql = "SELECT e.* FROM events e" + clause + order_by(query)
    if limit is not None:
        sql += " LIMIT ?"
        params = params + [limit]
    cursor = connection.stream(sql, params)
    try:
        while rows := cursor.fetchmany(PAGE_SIZE):
            yield from records(connection, rows)
    finally:
        cursor.close()


def records(connection, rows) -> list[dict]:
    """Export records for event rows: three more queries for any number of rows (in chunks)."""
    ids = [row["event_id"] for row in rows]
    actors = _grouped(rows_for_ids(
        connection, "SELECT ea.*, ac.name AS canonical, ac.country, ac.sector, ac.kb_id FROM event_actors ea"
        " LEFT JOIN actors ac ON ac.actor_id = ea.actor_id WHERE ea.event_id IN ({ids})"
        " ORDER BY ea.event_id, ea.position", ids), "event_id")
    actor_ids = sorted({a["actor_id"] for group in actors.values() for a in group})
    aliases = {actor_id: [r["alias"] for r in group] for actor_id, group in _grouped(rows_for_ids(
        connection, "SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN ({ids})"
        " ORDER BY actor_id, count DESC, alias", actor_ids), "actor_id").items()}
    mentions = _grouped(rows_for_ids(
        connection, "SELECT de.cluster_id, m.*, d.url, d.outlet, d.published, d.copy_of, d.story_id FROM doc_events de"
        " JOIN mentions m ON m.event_id = de.event_id JOIN documents d ON d.doc_id = m.doc_id"
        " WHERE de.cluster_id IN ({ids}) ORDER BY de.cluster_id, m.doc_id, m.start, m.trigger_start NULLS FIRST", ids),
        "cluster_id")   # (NULLS FIRST: SQLite's own order, which PostgreSQL reverses)
    return [_record(row, actors.get(row["event_id"], []), aliases, mentions.get(row["event_id"], [])) for row in rows]


def _grouped(rows, key: str) -> dict[str, list]:
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    return groups


def _record(row, actor_rows: list, aliases: dict[str, list[str]], mention_rows: list) -> dict:
    """The export record of DESIGN.md for one event row."""
    actors = [{"name": a["canonical"] or a["name"], "role": a["role"], "actor_id": a["actor_id"],
               "aliases": aliases.get(a["actor_id"]) or [a["name"]],
               "title": a["title"], "affiliation": a["affiliation"], "country": a["country"],
               "sector": a["sector"], "kb_id": a["kb_id"]} for a in actor_rows]
    mentions = [{"doc_id": m["doc_id"], "url": m["url"], "outlet": m["outlet"], "published": m["published"],
                 "sentence": m["sentence"], "start": m["start"], "end": m["end"], "modality": m["modality"],
                 "trigger": m["trigger"], "trigger_start": m["trigger_start"], "trigger_end": m["trigger_end"],
                 "date_expression": m["date_expression"], "date_basis": m["date_basis"],
                 "p_event": m["p_event"], "copy_of": m["copy_of"], "story_id": m["story_id"]} for m in mention_rows]
    location = None
    if row["location_name"]:
        location = {"name": row["location_name"], "country": row["location_country"], "lat": row["lat"], "lon": row["lon"]}
    return {"event_id": row["event_id"], "type": row["type"], "mode": row["mode"], "actors": actors,
            "date": row["date"], "date_precision": row["date_precision"],
            "date_expression": row["date_expression"], "date_basis": row["date_basis"],
            "location": location, "confidence": row["confidence"], "source_count": row["source_count"],
            "merge_reason": json.loads(row["merge_reason"]) if row["merge_reason"] else None,
            "mentions": mentions}


def full_id(connection, table: str, column: str, key: str) -> str | None:
    """The stored id `key` names: itself, or the one id it begins (4+ hex characters, as git
    takes short commit ids); None when none; AmbiguousId when several begin with it."""
    if connection.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", (key,)).fetchone():
        return key
    prefix = key.lower()
    if not _HEX_PREFIX.fullmatch(prefix):
        return None
    found = [row[0] for row in connection.execute(
        f"SELECT {column} FROM {table} WHERE {column} LIKE ? ORDER BY {column} LIMIT 3", (prefix + "%",))]
    if len(found) > 1:
        shown = ", ".join(found[:2]) + (", …" if len(found) > 2 else "")
        raise AmbiguousId(AMBIGUOUS_ID, f"{key!r} begins several stored ids ({shown})", "give more of the id")
    return found[0] if found else None
