"""What the web pages show, as plain data: every page's JSON twin is this data, and its HTML
is rendered from the same. Filters are validated here and reach SQL only as bound parameters.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from ..model import CONSULT_MODES, EVENT_TYPES, sides_of
from ..resolve.evidence import explain_merge
from ..store.lookup import rows_for_ids
from ..store.resolution import merge_context
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
_SNIPPET = 160         # characters of evidence shown in a list row
_FACET_SIZE = 12       # actors and countries counted on the overview
_OUTLIERS_SHOWN = 20   # events off a timeline's axis listed under it
_ACTOR_EVENTS = 50     # events listed on an actor's page (all of them: the events page filtered)


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
        # an unknown name is an error, not a filter silently left out (an old '?country=SYR')
        unknown = sorted(set(params.keys()) - {*FILTERS, "sort", "page", "per_page"})
        if unknown:
            raise BadFilter(f"{unknown[0][:40]}: no such filter; the filters are {', '.join(FILTERS)}, sort, page, per_page")
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


def _evidence(connection, event_ids: list[str]) -> dict[str, str]:
    """One evidence sentence per event (its first report's first), cut to one line."""
    found: dict[str, str] = {}
    for row in rows_for_ids(
            connection, "SELECT de.cluster_id, m.sentence FROM doc_events de JOIN mentions m ON m.event_id = de.event_id"
            " WHERE de.cluster_id IN ({ids}) ORDER BY de.cluster_id, m.doc_id, m.start", event_ids):
        if row["cluster_id"] not in found:
            sentence = " ".join(row["sentence"].split())
            found[row["cluster_id"]] = sentence if len(sentence) <= _SNIPPET else sentence[:_SNIPPET - 1].rstrip() + "…"
    return found


def events_page(connection: sqlite3.Connection, selection: EventFilter) -> dict:
    total = count_events(connection, selection)
    pages = max(1, -(-total // selection.per_page))
    rows = event_rows(connection, selection)
    snippets = _evidence(connection, [row["event_id"] for row in rows])
    for row in rows:
        row["evidence"] = snippets.get(row["event_id"])
        row["sides"] = sides(row["actors"])
    return {"filter": selection.params(), "total": total, "page": selection.page, "pages": pages,
            "per_page": selection.per_page, "events": rows, "overview": overview(connection, selection),
            **_choices()}


def sides(actors: list[dict]) -> dict:
    """Who did it and to whom: {'doers': [...], 'targets': [...], 'others': [...]}; a symmetric
    event (a meeting) has only 'others'."""
    return dict(zip(("doers", "targets", "others"), sides_of(actors)))


def overview(connection, selection: EventFilter) -> dict:
    """Counts of the whole selection (not only the page): by type, by actor, by the place's
    country, and over time; each entry carries the filter that narrows the list to it. Each is
    one GROUP BY in the database, never the selection's rows read into Python."""
    clause, params = where(selection.query, connection.dialect)
    by_type = [{"value": row[0], "events": row[1], "filter": {"type": row[0]}} for row in connection.execute(
        "SELECT e.type, COUNT(*) FROM events e" + clause + " GROUP BY e.type ORDER BY COUNT(*) DESC, e.type", params)]
    by_country = [{"value": row[0], "events": row[1], "filter": {"place_country": row[0]}} for row in connection.execute(
        "SELECT e.location_country, COUNT(*) FROM events e" + _and(clause, "e.location_country IS NOT NULL") +
        " GROUP BY e.location_country ORDER BY COUNT(*) DESC, e.location_country LIMIT ?", params + [_FACET_SIZE])]
    # an actor is written once per event (resolve), so COUNT(*) counts its events; unfiltered,
    # the count reads the actor index alone
    chosen = (" WHERE ea.event_id IN (SELECT e.event_id FROM events e" + clause + ")") if clause else ""
    counted = connection.execute("SELECT ea.actor_id, COUNT(*) FROM event_actors ea" + chosen +
                                 " GROUP BY ea.actor_id ORDER BY COUNT(*) DESC, ea.actor_id LIMIT ?",
                                 params + [_FACET_SIZE]).fetchall()
    names = {row[0]: row[1] for row in rows_for_ids(
        connection, "SELECT actor_id, name FROM actors WHERE actor_id IN ({ids})", [row[0] for row in counted])}
    by_actor = [{"value": names.get(row[0], row[0]), "actor_id": row[0], "events": row[1], "filter": {"actor": row[0]}}
                for row in counted]
    periods = [(row[0], row[1]) for row in connection.execute(
        "SELECT substr(e.date, 1, 7), COUNT(*) FROM events e" + _and(clause, "e.date IS NOT NULL") + " GROUP BY 1 ORDER BY 1",
        params)]
    return {"by_type": by_type, "by_actor": by_actor, "by_country": by_country, "over_time": over_time(periods)}


def _and(clause: str, condition: str) -> str:
    return clause + (" AND " if clause else " WHERE ") + condition


def _year(period: str) -> float:
    return int(period[:4]) + ((int(period[5:7]) - 1) / 12 if len(period) >= 7 else 0)


def bulk(periods: list[tuple[str, int]]) -> tuple[str, str]:
    """(first, last) year of the span where the events are, from (period, events) pairs in
    order ('2023-09', 'YYYY' for a year-only date): a period is left out when it lies further
    from the median than five median absolute deviations, and three years — a '1962' among
    reports of 2023, however few the events — unless that would leave out a quarter of them
    (two clusters of events are both kept); spread-out events keep their whole span."""
    def weighted_median(values: list[tuple[float, int]]) -> float:
        total, seen = sum(n for _, n in values), 0
        for value, n in sorted(values):
            seen += n
            if 2 * seen >= total:
                return value
        return values[-1][0]
    median = weighted_median([(_year(p), n) for p, n in periods])
    spread = weighted_median([(abs(_year(p) - median), n) for p, n in periods])
    reach = max(3.0, 5 * spread)
    inside = [p for p, _ in periods if abs(_year(p) - median) <= reach]
    left_out = sum(n for p, n in periods if abs(_year(p) - median) > reach)
    if left_out * 4 > sum(n for _, n in periods):
        inside = [p for p, _ in periods]     # a quarter of the events or more: two clusters, no stray dates
    return inside[0][:4], inside[-1][:4]


def over_time(periods: list[tuple[str, int]]) -> dict:
    """Events per month (per year when the bulk of them spans more than six years), within the
    bulk of the dates; those outside it, and those dated to a year only on a month chart, are
    counted in a note instead of stretching the axis."""
    if not periods:
        return {"unit": "month", "bars": [], "note": None}
    first, last = bulk(periods)
    # by year over long spans, or when no event is dated to a month
    unit = "year" if int(last) - int(first) > 6 or all(len(p) < 7 for p, _ in periods) else "month"
    width = 4 if unit == "year" else 7
    counts: dict[str, int] = {}
    left_out = imprecise = 0
    for period, n in periods:
        if not first <= period[:4] <= last:
            left_out += n
        elif len(period) < width:
            imprecise += n
        else:
            counts[period[:width]] = counts.get(period[:width], 0) + n
    bars = [{"period": period, "events": counts.get(period, 0), "filter": {"since": period, "until": period}}
            for period in _periods(min(counts, default=first), max(counts, default=first), unit)] if counts else []
    notes = []
    if left_out:
        notes.append(f"{left_out} event(s) dated outside {first} – {last} are left off the chart"
                     f" (earliest {periods[0][0]}, latest {periods[-1][0]})")
    if imprecise:
        notes.append(f"{imprecise} event(s) dated to a year only are not on this month chart")
    return {"unit": unit, "bars": bars, "note": "; ".join(notes) or None}


def _periods(first: str, last: str, unit: str) -> list[str]:
    """Every year or month from first to last, gaps included."""
    if unit == "year":
        return [f"{year:04d}" for year in range(int(first), int(last) + 1)]
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def sample(rows: list[dict], cap: int = GRAPH_CAP) -> tuple[list[dict], str | None]:
    """At most `cap` rows spread evenly over the list, and a note saying so when cut."""
    if len(rows) <= cap:
        return rows, None
    step = len(rows) / cap
    kept = [rows[int(i * step)] for i in range(cap)]
    return kept, f"showing {cap} of {len(rows)} events, sampled evenly; narrow the filters to see all"


def timeline(connection: sqlite3.Connection, selection: EventFilter) -> dict:
    """Dated events of the selection in date order, on an axis spanning where they are (see
    `bulk`): those far outside it are listed apart instead of stretching the axis; above
    GRAPH_CAP, an even sample of the rest."""
    clause, params = where(selection.query, connection.dialect)
    dated = _and(clause, "e.date IS NOT NULL")
    years = connection.execute("SELECT substr(e.date, 1, 4), COUNT(*) FROM events e" + dated + " GROUP BY 1 ORDER BY 1",
                               params).fetchall()
    if not years:
        return {"filter": selection.params(), "total": 0, "events": [], "outliers": [], "domain": None, "note": None,
                **_choices()}
    first, last = bulk([(row[0], row[1]) for row in years])
    span = (first, f"{int(last) + 1:04d}")     # dates from the first year up to, not into, the year after the last
    # Ids only (the (date, event_id) index holds both), then the details of the sampled few.
    inside = connection.execute("SELECT e.event_id FROM events e" + _and(dated, "e.date >= ? AND e.date < ?") +
                                " ORDER BY e.date, e.event_id", params + list(span)).fetchall()
    outside = connection.execute("SELECT e.event_id FROM events e" + _and(dated, "(e.date < ? OR e.date >= ?)") +
                                 " ORDER BY e.date, e.event_id LIMIT ?", params + list(span) + [_OUTLIERS_SHOWN]).fetchall()
    total = sum(row[1] for row in years)
    kept, note = sample([{"event_id": row[0]} for row in inside])
    ids = [row["event_id"] for row in kept] + [row[0] for row in outside]
    details = {row["event_id"]: dict(row) for row in rows_for_ids(
        connection, "SELECT event_id, type, date, date_precision, source_count FROM events WHERE event_id IN ({ids})", ids)}
    names = _actor_names(connection, ids)
    rows = [details[event_id] | {"actors": [a["name"] for a in names.get(event_id, [])]} for event_id in ids]
    if total > len(inside):
        told = f"{total - len(inside)} event(s) dated outside {first} – {last} are listed below the axis, not drawn on it"
        note = f"{note}; {told}" if note else told
    return {"filter": selection.params(), "total": total, "events": rows[:len(kept)], "outliers": rows[len(kept):],
            "domain": [f"{first}-01-01", f"{last}-12-31"], "note": note, **_choices()}


def places(connection: sqlite3.Connection, selection: EventFilter) -> dict:
    """Places of the selection with their event counts (one marker per place)."""
    clause, params = where(selection.query, connection.dialect)
    located = _and(clause, "e.lat IS NOT NULL")
    rows = [dict(row) for row in connection.execute(
        "SELECT e.location_name AS name, MAX(e.location_country) AS country, e.lat, e.lon, COUNT(*) AS events,"
        " MIN(e.event_id) AS event_id FROM events e" + located +
        " GROUP BY e.location_name, e.lat, e.lon ORDER BY events DESC, name LIMIT 5000", params)]
    for row in rows:     # a place of one event links to that event, else to the list of its events
        if row["events"] > 1:
            row["event_id"] = None
    countries = {row[0]: row[1] for row in connection.execute(
        "SELECT e.location_country, COUNT(*) FROM events e" + _and(clause, "e.location_country IS NOT NULL")
        + " GROUP BY e.location_country", params)}
    return {"filter": selection.params(), "places": rows, "countries": countries, **_choices()}


def _choices() -> dict:
    """The values the type and mode filters take, for the filter form."""
    return {"types": list(EVENT_TYPES), "modes": list(CONSULT_MODES)}


def actor_page(store, key: str) -> dict | None:
    """An actor with its aliases, titles, events over time, counterparts and who-met-whom network."""
    actor = store.actor(key)
    if actor is None:
        return None
    connection = store.connection
    actor["event_count"] = len(actor["events"])
    # the latest events as rows of the list (newest first, as the store gives them), with sides
    recent = [dict(e) for e in actor["events"][:_ACTOR_EVENTS]]
    names = _actor_names(connection, [e["event_id"] for e in recent])
    for event in recent:
        event["sides"] = sides(names.get(event["event_id"], []))
    actor["recent_events"] = recent
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
    spans = _participant_spans(store.connection, record["event_id"])    # the whole id: event_id may be short
    for mention in record["mentions"]:
        marks = [(mention["trigger_start"], mention["trigger_end"], "trigger")] if mention["trigger_start"] is not None else []
        marks += spans.get((mention["doc_id"], mention["start"]), [])
        mention["pieces"] = highlight(mention["sentence"], mention["start"], marks)
    reasons = record.get("merge_reason") or []
    reasons = reasons if isinstance(reasons, list) else [reasons]
    reports, names = merge_context(store.connection, reasons)
    record["merge_explained"] = [explain_merge(r, reports, names) for r in reasons]
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
