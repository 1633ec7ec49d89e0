"""A report's event as the cross-document stage sees it (its type, date, place and resolved
sides, with how each side stands for a state), and the plain tests of agreement between two:
who did it to whom, where, and which state each side stands for. `events` merges with them and
`evidence` weighs them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..analyze.places import fold, side_country

_WEAK_BASES = ("publication", "unknown")


@dataclass(slots=True)
class DocEvent:
    event_id: str
    doc_id: str
    type: str
    mode: str | None
    date: str | None
    date_basis: str | None
    place: str | None
    country: str | None
    published: str | None
    place_guessed: bool = False   # the place is the report's dateline, scene or headline, not the event's words
    story: str | None = None      # the report's story (stories.py): the reports that tell of one happening
    counts: dict[str, int] = field(default_factory=dict)     # actor_id -> people counted ('nine people')
    actors: dict[str, str] = field(default_factory=dict)      # actor_id -> kind
    roles: dict[str, str] = field(default_factory=dict)       # actor_id -> actor / recipient / participant
    # actor_id -> (STATE, BODY, OFFICIAL or None, ISO3 country or None): a state, a body or official of a state
    # ('National Police', 'the interior ministry'), or anyone else, with the country resolution gave
    standing: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    offices: dict[str, frozenset[str]] = field(default_factory=dict)   # actor_id -> offices one person holds (sides.offices_of)
    _lands: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def lands(self) -> dict[str, str]:
        """lands_of its standing, read once (every pair and block key asks)."""
        if self._lands is None:
            self._lands = lands_of(self.standing)
        return self._lands

    @property
    def firm_date(self) -> str | None:
        if self.date is None or (self.date_basis or "").startswith(_WEAK_BASES):
            return None
        return self.date

    @property
    def people(self) -> set[str]:
        return {a for a, kind in self.actors.items() if kind == "PERSON"}


# How a side stands for a state: the state itself, one of its bodies (police, army, courts,
# ministries) or one of its officials (a president, a minister, an envoy)
STATE, BODY, OFFICIAL = "STATE", "BODY", "OFFICIAL"
# Acts a state does through its organs (its police arrest, its army shells, its ministry
# sanctions): the state one report names and the organ another names are one side. Not meetings
# or statements, where another organ of the state is another meeting or another statement.
ACTS_THROUGH_ORGANS = frozenset({"COERCE", "ASSAULT", "MOBILIZE", "SANCTION", "RETREAT"})


def stands_in(kinds: set, type_: str) -> bool:
    """Whether two sides of these standings may be one side of an act of this type: a state
    and one of its officials, for any act (one report's 'the United States' is another's
    President Biden); a state and one of its bodies, for acts done through its organs."""
    return kinds == {STATE, OFFICIAL} or kinds == {STATE, BODY} and type_ in ACTS_THROUGH_ORGANS


def lands_of(standing: dict[str, tuple[str | None, str | None]]) -> dict[str, str]:
    """The country (ISO3) each state, state body or official among these sides stands for: a
    state's or an official's own, a body's own, else the one country of the sides that are not
    states or bodies ('the National Police' beside a Peruvian president is Peru's)."""
    others = {country for kind, country in standing.values() if kind in (None, OFFICIAL) and country}
    fallback = next(iter(others)) if len(others) == 1 else None
    lands = {}
    for actor, (kind, country) in standing.items():
        land = country if kind in (STATE, OFFICIAL) else (country or fallback) if kind == BODY else None
        if land:
            lands[actor] = land
    return lands


def roles_agree(a: DocEvent, b: DocEvent) -> bool:
    """In a directed event the attacker of one report is not the attacked of another; a fight
    one report tells without direction ('the clash between India and China', all its sides in
    one role) agrees with either direction."""
    if undirected(a) or undirected(b):
        return True
    for actor in set(a.actors) & set(b.actors):
        first, second = a.roles.get(actor), b.roles.get(actor)
        if {first, second} == {"actor", "recipient"}:
            return False
    return True


def undirected(event: DocEvent) -> bool:
    """Two sides or more, all in one role."""
    return len(event.roles) >= 2 and len(set(event.roles.values())) == 1


def places_compatible(a: DocEvent, b: DocEvent) -> bool:
    """Where two reports place an event may be one place: the same name, a country and a town
    of it, or a town the gazetteer does not know (no country) beside one it knows, which may lie
    in or by it (a village one outlet names, the city another files from). Two unknown towns of
    different names are two places. A guessed place (a dateline, a paragraph's scene) counts as
    any other: for an undated event it is the only evidence there is. (Between two dated events,
    evidence._place_level lets a guess yield to the place another report's words give.)"""
    if a.place is None or b.place is None:
        return True
    if fold(a.place) == fold(b.place):
        return True
    if (a.country is None) != (b.country is None):
        return True
    # a country and a town of it ('Niger', 'Niamey')
    return a.country is not None and a.country == b.country and (side_country(a.place) == a.country
                                                                 or side_country(b.place) == b.country)
