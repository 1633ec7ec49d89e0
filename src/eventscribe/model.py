"""The records that flow between stages: Article -> DocumentAnalysis -> stored events.

Plain dataclasses so that every stage (and a distributed engine) can pickle and compare them.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
CONSULT_MODES = ("meet", "visit", "phone", "multilateral")
# Only ASSERTED mentions become events; the others are kept as mentions. REPORTED: what a
# speaker claims ("accused the army of shelling the town": the shelling), not the outlet.
MODALITIES = ("asserted", "future", "hypothetical", "negated", "generic", "unresolved", "reported")


def content_hash(text: str) -> str:
    """Stable digest of a text, used to recognise the same article ingested again."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_id(*parts: object) -> str:
    """A stable 16-hex id derived from its parts (no randomness, no clock)."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None          # ISO date, or None when unknown
    published_basis: str | None = None    # how the publication date was found
    source_path: str | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class EntityMention:
    text: str
    label: str      # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC
    start: int
    end: int
    sentence: int


# Where a mention's date came from (ResolvedDate.basis), strongest first; other bases are
# "publication month: ..." and "unknown: ...".
BASIS_TEXT = "text"                                        # the event's own words
BASIS_MEETING = "text: the date of the meeting it was decided at"
BASIS_NARRATIVE = "text: the date of the sentence before"
BASIS_RELATIVE = "text: a day counted from the event told before"   # 'the next day', 'the same day'
BASIS_LIVE_ENTRY = "publication day: a live page's entry stamped with its time of day"   # '16:05 GMT - …'
BASIS_DAY_HEADING = "text: the day heading a live page's entries"   # 'Wednesday, 8 May' above '22:10 - …'
# How firmly a date's basis ties it to the event's own words (lower is firmer): which mention's
# date an event takes, in a report and across reports. Publication-based and unknown: 5.
DATE_BASIS_RANK = {BASIS_TEXT: 0, BASIS_MEETING: 1, BASIS_RELATIVE: 2, BASIS_NARRATIVE: 2}


@dataclass
class ResolvedDate:
    value: str | None          # YYYY-MM-DD, YYYY-MM or YYYY; None when not determined
    precision: str | None      # day, month, year
    expression: str | None     # the words it came from
    basis: str                 # e.g. "text: relative to publication", "publication month"
    start: int | None = None
    end: int | None = None


# Where a place not told in the event's own words came from: the prefix of its expression
# ('dateline: NAIROBI', 'entry: Kavumbo'); a place the words tell has the words alone.
PLACE_DATELINE = "dateline: "    # where the report was filed, taken for where recent acts were
PLACE_ENTRY = "entry: "          # the label opening a monitor's note
PLACE_SCENE = "scene: "          # where the paragraph's last act on the ground was (analyze/scene.py)
PLACE_HEADLINE = "headline: "    # where the headline puts the story (analyze/scene.py)
PLACE_MEETING = "meeting: "      # where the meeting it was decided or said at was (analyze/venues.py)
# Places that are a reader's guess, not the event's words: they yield to the words
PLACE_GUESSES = (PLACE_DATELINE, PLACE_SCENE, PLACE_HEADLINE)


@dataclass
class Place:
    name: str
    country: str | None        # ISO3
    lat: float | None
    lon: float | None
    expression: str            # the words it came from, after one of the PLACE_ prefixes when not the event's own
    geonameid: int | None = None


@dataclass
class Participant:
    name: str
    role: str                  # actor / recipient / participant
    title: str | None = None
    affiliation: str | None = None
    kind: str | None = None    # PERSON, ORG, GPE, NORP, GROUP
    start: int | None = None
    end: int | None = None
    surface: str | None = None # the words at start:end when the name was completed ("Haddad")


@dataclass
class EventMention:
    type: str
    mode: str | None
    modality: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: int
    sentence_start: int
    sentence_end: int
    participants: list[Participant] = field(default_factory=list)
    date: ResolvedDate | None = None
    place: Place | None = None
    event_key: int = 0          # mentions of one document with the same key are one event
    p_event: float | None = None  # the detector's calibrated P(the trigger names an event); None: no score
    depth: int | None = None      # how many words the trigger hangs below its sentence's main verb (0: it is the main verb)

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.participants]


@dataclass
class DocumentAnalysis:
    doc_id: str
    content_hash: str
    text: str
    title: str | None
    published: str | None
    published_basis: str | None
    language: str
    sentences: list[Sentence]
    entities: list[EntityMention]
    mentions: list[EventMention]
    stats: dict[str, int] = field(default_factory=dict)
    fingerprint: dict[str, float] = field(default_factory=dict)   # fingerprint.py: the report's story words
    story_keys: list[str] = field(default_factory=list)   # those its story is searched by (fingerprint.search_terms)

    def events(self, include_unasserted: bool = False) -> list[list[EventMention]]:
        """Mentions grouped into this document's events (asserted ones by default)."""
        groups: dict[int, list[EventMention]] = {}
        for mention in self.mentions:
            if include_unasserted or mention.modality == "asserted":
                groups.setdefault(mention.event_key, []).append(mention)
        return list(groups.values())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def sides_of(actors: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
    """An export record's actors as (doers, targets, others): the `actor` role, the `recipient`
    role, and the rest (a meeting's participants). Every surface that says who did what to
    whom — the CLI's table, the web's rows, the export layouts, the network — splits them so."""
    doers = [a for a in actors if a["role"] == "actor"]
    targets = [a for a in actors if a["role"] == "recipient"]
    return doers, targets, [a for a in actors if a["role"] not in ("actor", "recipient")]
