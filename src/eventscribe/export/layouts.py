"""Flat column layouts of an event record, one row per event, each column described for the
codebook written beside a CSV: eventscribe's own, and the column names of POLECAT's and ICEWS's
public event files, so that scripts written for those load eventscribe's output unchanged.

The mapping (README "Exports"): the doer is the event's `actor` side (a symmetric event's first
participant), the target its `recipient` side (else its second participant); several names on
one side are joined with '; '. What eventscribe does not code is left empty (ICEWS's intensity,
POLECAT's contexts and district/province).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from .. import __version__
from ..analyze.places import country_name
from ..model import sides_of

# PLOVER's four quad classes, in the order PLOVER lists its types.
QUADS = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
         "COOPERATE": 2, "AID": 2, "RETREAT": 2,
         "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
         "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# The CAMEO root each PLOVER type mostly descends from: an approximation for ICEWS-style files,
# which carry a CAMEO code where eventscribe codes a PLOVER type.
CAMEO_ROOTS = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "CONCEDE": "08", "COOPERATE": "06", "AID": "07",
               "RETREAT": "08", "REQUEST": "02", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
               "SANCTION": "16", "MOBILIZE": "15", "COERCE": "17", "ASSAULT": "18"}


class Layout(str, Enum):
    EVENTSCRIBE = "eventscribe"
    POLECAT = "polecat"
    ICEWS = "icews"


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    value: Callable[[dict], object]


def _sides(record: dict) -> tuple[list[dict], list[dict]]:
    """(doers, targets): the actor and recipient roles, else the first and the other participants."""
    doers, targets, others = sides_of(record["actors"])
    return (doers, targets) if doers or targets else (others[:1], others[1:])


def _joined(actors: list[dict], key: str) -> str | None:
    values = [str(a[key]) for a in actors if a.get(key)]
    return "; ".join(dict.fromkeys(values)) or None


def _place(record: dict, key: str):
    return (record["location"] or {}).get(key)


def _country_name(iso3: str | None) -> str | None:
    return country_name(iso3) if iso3 else None


def _city(record: dict) -> str | None:
    name = _place(record, "name")
    return None if name and name == _country_name(_place(record, "country")) else name


def _outlets(record: dict) -> str | None:
    return "; ".join(dict.fromkeys(m["outlet"] for m in record["mentions"] if m.get("outlet"))) or None


def _first_published(record: dict) -> str | None:
    return min((m["published"] for m in record["mentions"] if m.get("published")), default=None)


def _side(index: int, key: str) -> Callable[[dict], object]:
    """A field of the doers (0) or the targets (1), '; '-joined."""
    return lambda r: _joined(_sides(r)[index], key)


def _doer(key: str) -> Callable[[dict], object]:
    return _side(0, key)


def _target(key: str) -> Callable[[dict], object]:
    return _side(1, key)


def _raw_names(actors: list[dict]) -> str | None:
    """The spellings the reports used ('President Assad'), beside the canonical names."""
    return "; ".join(dict.fromkeys(alias for a in actors for alias in a.get("aliases") or [])) or None


def _polecat_side(word: str, who: str, index: int) -> list[Column]:
    """POLECAT's six columns of one side: 'Actor …' for the doer, 'Recipient …' for the target."""
    return [
        Column(f"{word} Name", f"the {who}'s canonical name(s)", _side(index, "name")),
        Column(f"{word} Country", f"the {who}'s ISO3 country", _side(index, "country")),
        Column(f"Primary {word} Sector", f"the {who}'s sector (GOV, MIL, REB, …)", _side(index, "sector")),
        Column(f"{word} Title", f"the {who}'s title as the reports give it", _side(index, "title")),
        Column(f"{word} Name Raw", f"the {who}'s spellings in the reports", lambda r: _raw_names(_sides(r)[index])),
        Column(f"Wikipedia {word} ID", f"the {who}'s knowledge-base id, when a dictionary gave one", _side(index, "kb_id")),
    ]


EVENTSCRIBE = [
    Column("event_id", "eventscribe's id of the merged event (16 hex characters)", lambda r: r["event_id"]),
    Column("type", "PLOVER event type", lambda r: r["type"]),
    Column("mode", "CONSULT mode: meet, visit, phone, multilateral (empty for other types)", lambda r: r["mode"]),
    Column("date", "the date the text gives for the event: YYYY-MM-DD, YYYY-MM or YYYY (empty: unknown)", lambda r: r["date"]),
    Column("date_precision", "day, month or year", lambda r: r["date_precision"]),
    Column("actors", "every side's canonical name, '; '-joined, in the record's order", lambda r: _joined(r["actors"], "name")),
    Column("actor_ids", "their actor ids, in the same order", lambda r: "; ".join(a["actor_id"] for a in r["actors"]) or None),
    Column("location", "the place's name (empty: unknown)", lambda r: _place(r, "name")),
    Column("country", "the place's ISO 3166 alpha-3 code", lambda r: _place(r, "country")),
    Column("lat", "the place's latitude (WGS84)", lambda r: _place(r, "lat")),
    Column("lon", "the place's longitude (WGS84)", lambda r: _place(r, "lon")),
    Column("confidence", "how sure eventscribe is that the event happened as recorded, 0 to 1", lambda r: r["confidence"]),
    Column("source_count", "independent reports telling the event (reprints counted once)", lambda r: r.get("source_count")),
    Column("doc_ids", "the reports telling it, '; '-joined", lambda r: "; ".join(sorted({m["doc_id"] for m in r["mentions"]}))),
    Column("evidence", "the sentences that tell it, ' | '-joined", lambda r: " | ".join(m["sentence"] for m in r["mentions"])),
    Column("record", "the whole export record as JSON (README, DESIGN.md)", lambda r: json.dumps(r, ensure_ascii=False)),
]

POLECAT = [
    Column("Event ID", "eventscribe's event id", lambda r: r["event_id"]),
    Column("Event Date", "the date the text gives (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known)", lambda r: r["date"]),
    Column("Event Type", "PLOVER type, lower case as POLECAT writes it", lambda r: r["type"].lower()),
    Column("Event Mode", "CONSULT mode (other types: empty)", lambda r: r["mode"]),
    Column("Event Intensity", "not coded by eventscribe: empty", lambda r: None),
    Column("Quad Code", "PLOVER quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
           lambda r: QUADS.get(r["type"])),
    Column("Contexts", "not coded by eventscribe: empty", lambda r: None),
    *_polecat_side("Actor", "doer", 0),
    *_polecat_side("Recipient", "target", 1),
    Column("Placename", "the place's name", lambda r: _place(r, "name")),
    Column("Country", "the place's ISO3 country", lambda r: _place(r, "country")),
    Column("Latitude", "the place's latitude", lambda r: _place(r, "lat")),
    Column("Longitude", "the place's longitude", lambda r: _place(r, "lon")),
    Column("Source", "the outlets that told the event, '; '-joined", _outlets),
    Column("Publication Date", "the earliest publication date of its reports", _first_published),
    Column("Story ID", "the reports telling it, '; '-joined", lambda r: "; ".join(sorted({m["doc_id"] for m in r["mentions"]}))),
    Column("Language", "the reports' language", lambda r: "en"),
    Column("Version", "the eventscribe version that wrote the file", lambda r: f"eventscribe {__version__}"),
]

ICEWS = [
    Column("Event ID", "eventscribe's event id", lambda r: r["event_id"]),
    Column("Event Date", "the date the text gives (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known)", lambda r: r["date"]),
    Column("Source Name", "the doer's canonical name(s)", _doer("name")),
    Column("Source Sectors", "the doer's sector", _doer("sector")),
    Column("Source Country", "the doer's country, by name", lambda r: _country_name(_joined(_sides(r)[0][:1], "country"))),
    Column("Event Text", "the PLOVER type (ICEWS writes the CAMEO event's name here)", lambda r: r["type"]),
    Column("CAMEO Code", "the CAMEO root the PLOVER type mostly descends from (an approximation)",
           lambda r: CAMEO_ROOTS.get(r["type"])),
    Column("Intensity", "not coded by eventscribe: empty", lambda r: None),
    Column("Target Name", "the target's canonical name(s)", _target("name")),
    Column("Target Sectors", "the target's sector", _target("sector")),
    Column("Target Country", "the target's country, by name", lambda r: _country_name(_joined(_sides(r)[1][:1], "country"))),
    Column("Story ID", "the first report telling it", lambda r: min((m["doc_id"] for m in r["mentions"]), default=None)),
    Column("Sentence Number", "not kept: the record gives each sentence's character offsets instead", lambda r: None),
    Column("Publisher", "the outlets that told the event, '; '-joined", _outlets),
    Column("City", "the place's name, unless the place is a whole country", lambda r: _city(r)),
    Column("District", "not coded by eventscribe: empty", lambda r: None),
    Column("Province", "not coded by eventscribe: empty", lambda r: None),
    Column("Country", "the place's country, by name", lambda r: _country_name(_place(r, "country"))),
    Column("Latitude", "the place's latitude", lambda r: _place(r, "lat")),
    Column("Longitude", "the place's longitude", lambda r: _place(r, "lon")),
]

LAYOUTS = {Layout.EVENTSCRIBE: EVENTSCRIBE, Layout.POLECAT: POLECAT, Layout.ICEWS: ICEWS}


def row(record: dict, layout: Layout = Layout.EVENTSCRIBE) -> dict:
    return {column.name: column.value(record) for column in LAYOUTS[layout]}


def codebook(layout: Layout = Layout.EVENTSCRIBE) -> list[dict]:
    return [{"column": c.name, "meaning": c.meaning} for c in LAYOUTS[layout]]
