"""What the web pages show, as plain data: every page's JSON twin is this data, and its HTML
is rendered from the same. Filters are validated here and reach SQL only as bound parameters.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from ..model import CONSULT_MODES, EVENT_TYPES
from ..resolve.evidence import explain_merge
from ..store.lookup import rows_for_ids
from ..store.query import FILTERS, EventQuery, count, order_by, where
from ..store.query import BadFilter as StoreBadFilter

MAX_PER_PAGE = 500
# Bounds on what one request may ask, so that no query keeps the server busy for long: a
# search of thousands of terms took seconds. Real filters are a few words.
MAX_VALUE_LENGTH = 200      # characters in any one query value
MAX_QUERY_LENGTH = 2000     # characters in the whole query string
GRAPH_CAP = 300        # timeline points shown at most; beyond, an even sample
_NETWORK_CAP = 40      # counterparts drawn in an actor's network
_WHOLE_NUMBER = re.compile(r"[0-9]{1,10}")


class BadFilter(ValueError):
    """A request the pages cannot answer; the message names the parameter first."""


@dataclass(frozen=True)
class EventFilter:
    """The store's query (store/query.py: the same filters as the CLI and the Python API) and
    the page of it shown."""
    query: EventQuery = EventQuery()
    page: int = 1
    per_page: int = 50

    @classmethod
    def from_params(cls, params) -> EventFilter:
        """From URL parameters; raises BadFilter naming the parameter and the reason."""
        check_sizes(params)
        try:
            query = EventQuery.of(**{name: params.get(name) for name in (*FILTERS, "sort")})
        except StoreBadFilter as problem:
            raise BadFilter(problem.reason) from problem
        page = _positive(params.get("page"), "page", 1, 10**9)
        per_page = _positive(params.get("per_page"), "per_page", 50, MAX_PER_PAGE)
        return cls(query, page=page, per_page=per_page)

    def params(self, **changes) -> dict:
        """The filter as URL parameters (defaults left out), with some values changed."""
        values = self.query.params() | {"page": self.page, "per_page": self.per_page} | changes
        defaults = {"page": 1, "per_page": 50}
        return {k: v for k, v in values.items() if v is not None and v != defaults.get(k)}


def check_sizes(params) -> None:
    """Every query value, known or not, within MAX_VALUE_LENGTH, and the whole query string
    within MAX_QUERY_LENGTH; raises BadFilter naming the parameter."""
    if len(str(params)) > MAX_QUERY_LENGTH:
        raise BadFilter(f"query: {len(str(params))} characters, more than the {MAX_QUERY_LENGTH} allowed")
    for key, raw in params.multi_items():
        if len(raw) > MAX_VALUE_LENGTH:
            raise BadFilter(f"{key[:40]}: {len(raw)} characters, more than the {MAX_VALUE_LENGTH} allowed")


def _positive(raw, name: str, default: int, largest: int) -> int:
    if raw in (None, ""):
        return default
    if not _WHOLE_NUMBER.fullmatch(str(raw)) or not 1 <= int(raw) <= largest:
        raise BadFilter(f"{name}: {raw!r} is not a whole number from 1 to {largest}")
    return int(raw)


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
    clause, params = where(selection.query, connection.dialect)
    sql = ("SELECT e.event_id, e.type, e.mode, e.date, e.date_precision, e.location_name, e.location_country,"
           " e.lat, e.lon, e.confidence, e.source_count, e.mention_count FROM events e" + clause +
           order_by(selection.query))   # the (date, event_id) index, either way
    if paged:
        sql += " LIMIT ? OFFSET ?"
        params = params + [selection.per_page, (selection.page - 1) * selection.per_page]
    rows = [dict(row) for row in connection.execute(sql, params)]
    names = _actor_names(connection, [row["event_id"] for row in rows])
    for row in rows:
        row["actors"] = names.get(row["event_id"], [])
    return rows


def count_events(connection: sqlite3.Connection, selection: EventFilter) -> int:
    return count(connection, selection.query)


def events_page(connection: sqlite3.Connection, selection: EventFilter) -> dict:
    total = count_events(connection, selection)
    pages = max(1, -(-total // selection.per_page))
    return {"filter": selection.params(), "total": total, "page": selection.page, "pages": pages,
            "per_page": selection.per_page, "events": event_rows(connection, selection),
            **_choices()}


def sample(rows: list[dict], cap: int = GRAPH_CAP) -> tuple[list[dict], str | None]:
    """At most `cap` rows spread evenly over the list, and a note saying so when cut."""
    if len(rows) <= cap:
        return rows, None
    step = len(rows) / cap
    kept = [rows[int(i * step)] for i in range(cap)]
    return kept, f"showing {cap} of {len(rows)} events, sampled evenly; narrow the filters to see all"


def timeline(connection: sqlite3.Connection, selection: EventFilter) -> dict:
    """Dated events of the selection in date order; above GRAPH_CAP, an even sample of them."""
    clause, params = where(selection.query, connection.dialect)
    dated = clause + (" AND " if clause else " WHERE ") + "e.date IS NOT NULL"
    # Ids and dates only (an index holds both), then the details of the sampled few.
    order = connection.execute("SELECT e.event_id FROM events e" + dated + " ORDER BY e.date, e.event_id",
                               params).fetchall()
    kept, note = sample([{"event_id": row[0]} for row in order])
    ids = [row["event_id"] for row in kept]
    details = {row["event_id"]: dict(row) for row in rows_for_ids(
        connection, "SELECT event_id, type, date, date_precision, source_count FROM events WHERE event_id IN ({ids})", ids)}
    names = _actor_names(connection, ids)
    rows = [details[event_id] | {"actors": [a["name"] for a in names.get(event_id, [])]} for event_id in ids]
    return {"filter": selection.params(), "total": len(order), "events": rows, "note": note, **_choices()}


def places(connection: sqlite3.Connection, selection: EventFilter) -> dict:
    """Places of the selection with their event counts (one marker per place)."""
    clause, params = where(selection.query, connection.dialect)
    located = clause + (" AND " if clause else " WHERE ") + "e.lat IS NOT NULL"
    rows = [dict(row) for row in connection.execute(
        "SELECT e.location_name AS name, MAX(e.location_country) AS country, e.lat, e.lon, COUNT(*) AS events"
        " FROM events e" + located + " GROUP BY e.location_name, e.lat, e.lon ORDER BY events DESC, name LIMIT 5000",
        params)]
    return {"filter": selection.params(), "places": rows, **_choices()}


def _choices() -> dict:
    """The values the type and mode filters take, for the filter form."""
    return {"types": list(EVENT_TYPES), "modes": list(CONSULT_MODES)}


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
