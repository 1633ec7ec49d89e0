"""What the web pages show, as plain data: every page's JSON twin is this data, and its HTML
is rendered from the same. Filters are validated here and reach SQL only as bound parameters.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import asdict, dataclass

from ..model import EVENT_TYPES
from ..resolve.evidence import explain_merge
from ..store.dialects import SQLITE, like_pattern
from ..store.lookup import rows_for_ids
from ..timeparse import is_iso_date

# ASCII digits only: \d and str.isdigit() also take digits of other scripts, which int() or
# the stored ISO dates do not read the same way.
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_WHOLE_NUMBER = re.compile(r"[0-9]{1,10}")
_MODE = re.compile(r"^[a-z_-]{1,30}$")
_SEARCH_TERM = re.compile(r"\w+")
MAX_PER_PAGE = 500
# Bounds on what one request may ask, so that no query keeps the server busy for long: a
# search of thousands of terms took seconds. Real filters are a few words.
MAX_VALUE_LENGTH = 200      # characters in any one query value
MAX_QUERY_LENGTH = 2000     # characters in the whole query string
MAX_SEARCH_TERMS = 32       # words in the evidence search
GRAPH_CAP = 300        # timeline points shown at most; beyond, an even sample
_NETWORK_CAP = 40      # counterparts drawn in an actor's network


class BadFilter(ValueError):
    """A filter value the pages cannot use; the message says which and why."""


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None
    mode: str | None = None
    actor: str | None = None       # actor id, or words of any spelling
    country: str | None = None     # ISO3 of the event's place
    place: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None           # words in the evidence sentences
    page: int = 1
    per_page: int = 50

    @classmethod
    def from_params(cls, params) -> EventFilter:
        """From URL parameters; raises BadFilter naming the parameter and the reason."""
        check_sizes(params)
        value = {key: (params.get(key) or "").strip() or None for key in
                 ("type", "mode", "actor", "country", "place", "since", "until", "q")}
        if value["type"]:
            value["type"] = value["type"].upper()
            if value["type"] not in EVENT_TYPES:
                raise BadFilter(f"type: {value['type']!r} is not a PLOVER event type ({', '.join(EVENT_TYPES)})")
        if value["mode"] and not _MODE.match(value["mode"]):
            raise BadFilter(f"mode: {value['mode']!r} is not a PLOVER mode (lower-case words such as meet, visit)")
        if value["country"]:
            value["country"] = value["country"].upper()
            if not re.fullmatch(r"[A-Z]{3}", value["country"]):
                raise BadFilter(f"country: {value['country']!r} is not an ISO 3166 alpha-3 code such as SYR")
        for key in ("since", "until"):
            if value[key]:
                _check_date(key, value[key])
        if value["q"]:
            _check_search(value["q"])
        page = _positive(params.get("page"), "page", 1, 10**9)
        per_page = _positive(params.get("per_page"), "per_page", 50, MAX_PER_PAGE)
        return cls(**value, page=page, per_page=per_page)

    def params(self, **changes) -> dict:
        """The filter as URL parameters (defaults left out), with some values changed."""
        values = asdict(self) | changes
        defaults = asdict(EventFilter())
        return {k: v for k, v in values.items() if v is not None and v != defaults[k]}


def check_sizes(params) -> None:
    """Every query value, known or not, within MAX_VALUE_LENGTH, and the whole query string
    within MAX_QUERY_LENGTH; raises BadFilter naming the parameter."""
    if len(str(params)) > MAX_QUERY_LENGTH:
        raise BadFilter(f"query: {len(str(params))} characters, more than the {MAX_QUERY_LENGTH} allowed")
    for key, raw in params.multi_items():
        if len(raw) > MAX_VALUE_LENGTH:
            raise BadFilter(f"{key[:40]}: {len(raw)} characters, more than the {MAX_VALUE_LENGTH} allowed")


def _check_date(name: str, text: str) -> None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a day, month or year that exists (not 2018-02-30)."""
    if not _DATE.fullmatch(text):
        raise BadFilter(f"{name}: {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if not is_iso_date(text, times=False):
        raise BadFilter(f"{name}: {text!r} is not a real date (no such day, month or year)")


def _check_search(words: str) -> None:
    """At most MAX_SEARCH_TERMS words: each is one more term the full-text index must match."""
    count = len(_SEARCH_TERM.findall(words))
    if count > MAX_SEARCH_TERMS:
        raise BadFilter(f"q: {count} search terms, more than the {MAX_SEARCH_TERMS} allowed; search for fewer words")


def _positive(raw, name: str, default: int, largest: int) -> int:
    if raw in (None, ""):
        return default
    if not _WHOLE_NUMBER.fullmatch(str(raw)) or not 1 <= int(raw) <= largest:
        raise BadFilter(f"{name}: {raw!r} is not a whole number from 1 to {largest}")
    return int(raw)


def _search_query(words: str, dialect: str = "sqlite") -> str:
    """User words as a query of plain terms, all required: no operator or syntax error can come
    in (quoted for SQLite's FTS5; PostgreSQL's plainto_tsquery takes the words as they are)."""
    terms = _SEARCH_TERM.findall(words)
    return " ".join(terms) if dialect == "postgresql" else " ".join('"' + term + '"' for term in terms)


def _where(selection: EventFilter, dialect=SQLITE) -> tuple[str, list]:
    clauses, params = [], []
    if selection.type:
        clauses.append("e.type = ?")
        params.append(selection.type)
    if selection.mode:
        clauses.append("e.mode = ?")
        params.append(selection.mode)
    if selection.actor:
        clauses.append("e.event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ? OR actor_id IN"
                       f" (SELECT actor_id FROM actor_aliases WHERE {dialect.contains('alias')}))")
        params.extend([selection.actor, like_pattern(selection.actor)])
    if selection.country:
        clauses.append("e.location_country = ?")
        params.append(selection.country)
    if selection.place:
        clauses.append(dialect.contains("e.location_name"))
        params.append(like_pattern(selection.place))
    if selection.since:
        clauses.append("e.date >= ?")
        params.append(selection.since)
    if selection.until:
        clauses.append("substr(e.date, 1, length(CAST(? AS TEXT))) <= ?")
        params.extend([selection.until, selection.until])
    if selection.q and _search_query(selection.q):
        clauses.append(f"e.event_id IN ({dialect.search_events})")
        params.append(_search_query(selection.q, dialect.name))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _actor_names(connection: sqlite3.Connection, event_ids: list[str]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for row in rows_for_ids(
            connection, "SELECT ea.event_id, ea.actor_id, COALESCE(ac.name, ea.name) AS name, ea.role FROM event_actors ea"
            " LEFT JOIN actors ac USING (actor_id) WHERE ea.event_id IN ({ids}) ORDER BY ea.event_id, ea.position",
            event_ids):
        found.setdefault(row["event_id"], []).append({"actor_id": row["actor_id"], "name": row["name"], "role": row["role"]})
    return found


def event_rows(connection: sqlite3.Connection, selection: EventFilter, paged: bool = True) -> list[dict]:
    """Events of the selection, newest first, each with its actors (names and ids)."""
    where, params = _where(selection, connection.dialect)
    sql = ("SELECT e.event_id, e.type, e.mode, e.date, e.date_precision, e.location_name, e.location_country,"
           " e.lat, e.lon, e.confidence, e.source_count, e.mention_count FROM events e" + where +
           " ORDER BY e.date DESC NULLS LAST, e.event_id DESC")   # the (date, event_id) index, backwards
    if paged:
        sql += " LIMIT ? OFFSET ?"
        params = params + [selection.per_page, (selection.page - 1) * selection.per_page]
    rows = [dict(row) for row in connection.execute(sql, params)]
    names = _actor_names(connection, [row["event_id"] for row in rows])
    for row in rows:
        row["actors"] = names.get(row["event_id"], [])
    return rows


def count_events(connection: sqlite3.Connection, selection: EventFilter) -> int:
    where, params = _where(selection, connection.dialect)
    return connection.execute("SELECT COUNT(*) FROM events e" + where, params).fetchone()[0]


def events_page(connection: sqlite3.Connection, selection: EventFilter) -> dict:
    total = count_events(connection, selection)
    pages = max(1, -(-total // selection.per_page))
    return {"filter": selection.params(), "total": total, "page": selection.page, "pages": pages,
            "per_page": selection.per_page, "events": event_rows(connection, selection),
            "types": list(EVENT_TYPES)}


def sample(rows: list[dict], cap: int = GRAPH_CAP) -> tuple[list[dict], str | None]:
    """At most `cap` rows spread evenly over the list, and a note saying so when cut."""
    if len(rows) <= cap:
        return rows, None
    step = len(rows) / cap
    kept = [rows[int(i * step)] for i in range(cap)]
    return kept, f"showing {cap} of {len(rows)} events, sampled evenly; narrow the filters to see all"


def timeline(connection: sqlite3.Connection, selection: EventFilter) -> dict:
    """Dated events of the selection in date order; above GRAPH_CAP, an even sample of them."""
    where, params = _where(selection, connection.dialect)
    dated = where + (" AND " if where else " WHERE ") + "e.date IS NOT NULL"
    # Ids and dates only (an index holds both), then the details of the sampled few.
    order = connection.execute("SELECT e.event_id FROM events e" + dated + " ORDER BY e.date, e.event_id",
                               params).fetchall()
    kept, note = sample([{"event_id": row[0]} for row in order])
    ids = [row["event_id"] for row in kept]
    details = {row["event_id"]: dict(row) for row in rows_for_ids(
        connection, "SELECT event_id, type, date, date_precision, source_count FROM events WHERE event_id IN ({ids})", ids)}
    names = _actor_names(connection, ids)
    rows = [details[event_id] | {"actors": [a["name"] for a in names.get(event_id, [])]} for event_id in ids]
    return {"filter": selection.params(), "total": len(order), "events": rows, "note": note}


def places(connection: sqlite3.Connection, selection: EventFilter) -> dict:
    """Places of the selection with their event counts (one marker per place)."""
    where, params = _where(selection, connection.dialect)
    located = where + (" AND " if where else " WHERE ") + "e.lat IS NOT NULL"
    rows = [dict(row) for row in connection.execute(
        "SELECT e.location_name AS name, MAX(e.location_country) AS country, e.lat, e.lon, COUNT(*) AS events"
        " FROM events e" + located + " GROUP BY e.location_name, e.lat, e.lon ORDER BY events DESC, name LIMIT 5000",
        params)]
    return {"filter": selection.params(), "places": rows}


def actor_page(store, key: str) -> dict | None:
    """An actor with its aliases, titles, events over time, counterparts and who-met-whom network."""
    actor = store.actor(key)
    if actor is None:
        return None
    connection = store.connection
    actor["events"], actor["events_note"] = sample(actor["events"], 2000)
    counterparts = actor["counterparts"]
    actor["counterparts"] = counterparts[:100]
    actor["network"] = network(connection, actor["actor_id"], [c["actor_id"] for c in counterparts[:_NETWORK_CAP]])
    actor["network_note"] = (f"showing the {_NETWORK_CAP} counterparts with most shared events of {len(counterparts)}"
                             if len(counterparts) > _NETWORK_CAP else None)
    return actor


def network(connection: sqlite3.Connection, centre: str, others: list[str]) -> dict:
    """Nodes: the actor and its main counterparts; links: how many events each pair shares."""
    ids = [centre] + [other for other in others if other != centre]
    marks = ",".join("?" * len(ids))
    nodes = [dict(row) for row in connection.execute(
        f"SELECT actor_id, name, kind, country FROM actors WHERE actor_id IN ({marks})", ids)]
    links = [dict(row) for row in connection.execute(
        "SELECT a.actor_id AS source, b.actor_id AS target, COUNT(DISTINCT a.event_id) AS events"
        " FROM event_actors a JOIN event_actors b ON a.event_id = b.event_id AND a.actor_id < b.actor_id"
        f" WHERE a.actor_id IN ({marks}) AND b.actor_id IN ({marks}) GROUP BY a.actor_id, b.actor_id",
        ids + ids)]
    return {"centre": centre, "nodes": nodes, "links": links}


def event_page(store, event_id: str) -> dict | None:
    """The export record of one event, with each evidence sentence cut into plain and
    highlighted pieces from the stored offsets (the trigger and the participants' names)."""
    record = store.event(event_id)
    if record is None:
        return None
    spans = _participant_spans(store.connection, event_id)
    for mention in record["mentions"]:
        marks = [(mention["trigger_start"], mention["trigger_end"], "trigger")] if mention["trigger_start"] is not None else []
        marks += spans.get((mention["doc_id"], mention["start"]), [])
        mention["pieces"] = highlight(mention["sentence"], mention["start"], marks)
    reasons = record.get("merge_reason") or []
    record["merge_explained"] = [explain_merge(r) for r in (reasons if isinstance(reasons, list) else [reasons])]
    return record


def _participant_spans(connection: sqlite3.Connection, event_id: str) -> dict[tuple, list[tuple]]:
    spans: dict[tuple, list[tuple]] = {}
    for row in connection.execute(
            "SELECT m.doc_id, m.start AS sentence_start, p.start, p.\"end\" FROM mention_participants p"
            " JOIN mentions m USING (mention_id) JOIN doc_events de ON de.event_id = m.event_id"
            " WHERE de.cluster_id = ? AND p.start IS NOT NULL", (event_id,)):
        spans.setdefault((row["doc_id"], row["sentence_start"]), []).append((row["start"], row["end"], "actor"))
    return spans


def highlight(sentence: str, offset: int, marks: list[tuple[int, int, str]]) -> list[dict]:
    """[{text, mark}] covering the sentence; marks are document offsets, kept where they fall
    inside the sentence and do not overlap an earlier one."""
    pieces, position = [], 0
    for start, end, kind in sorted(marks):
        start, end = start - offset, end - offset
        if start < position or end > len(sentence) or start >= end:
            continue
        if start > position:
            pieces.append({"text": sentence[position:start], "mark": None})
        pieces.append({"text": sentence[start:end], "mark": kind})
        position = end
    if position < len(sentence):
        pieces.append({"text": sentence[position:], "mark": None})
    return pieces
