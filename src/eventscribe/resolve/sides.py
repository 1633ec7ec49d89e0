"""An event's sides, each listed once: a state, body or group named beside one of its own
people on the same side is that person's side, not one more participant.

"Chile and Peru held a summit" told with "Ruiz met Salas" is a meeting of Ruiz and Salas, who
carry their countries; "Hamas delegation" beside "Khalil Haddad, a senior Hamas official" is
Haddad's delegation; "the House Speaker" beside "Speaker Ann Holt of the House" is Holt. A
person acts for a side when a person is named; the body stays when none of its people is
(the convention of the gold sets and of ICEWS-style records: the actor is who acted, with
their country and sector). Rows are the record's (actor_id, name, role, title, affiliation,
kind).
"""
from __future__ import annotations

import functools
import re

from ..analyze.participants import names_people_acted_on
from ..analyze.places import side_country
from ..analyze.words import words
from ..timeparse import number_of
from .actors import Actor
from .countries import is_state_name
from .docevent import ACTS_THROUGH_ORGANS, BODY, OFFICIAL, STATE, lands_of

# Words that say what kind of people or body a name is, not whose: 'delegation', 'officials',
# 'government', 'forces' ('the Hamas delegation' is Hamas's, 'Egyptian officials' Egypt's).
_GENERIC = words("group_nouns") | words("body_member_words") | frozenset({"the", "of", "and", "s"})
_PEOPLE_KINDS = frozenset({"PERSON", "PROPN"})
# The last word of a body's own name ('Liberation Front', 'Security Council'): NER may call
# such a name a person's, and it stands for no one beside it.
_BODY_HEADS = words("institution_nouns") | words("armed_group_heads") | words("bloc_heads") | \
    words("body_name_heads")


def _named_with_titles(actor: Actor) -> bool:
    """A name the texts give titles of its own that is not a state's: a person's, whatever NER called it."""
    return bool(actor.titles) and not is_state_name(actor.name)


def _is_person(actor: Actor | None, row: tuple) -> bool:
    """NER may call a person's name an ORG in one report: a titled name that is not a state's
    is a person's; and it may call a body's name a person's ('… Liberation Front')."""
    person = row[5] in _PEOPLE_KINDS or (actor is not None and (actor.kind in _PEOPLE_KINDS or _named_with_titles(actor)))
    return person and not (_words(row[1].split()[-1]) & _BODY_HEADS)


def _is_official(actor: Actor | None) -> bool:
    """A person (see _is_person) in government with a known country."""
    return actor is not None and actor.sector == "GOV" and bool(actor.country)


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", (text or "").lower().replace("’", "'").replace("'s", "")))


def _own_words(name: str) -> set[str]:
    """The words of a body's name that say whose it is ('hamas' of 'the Hamas delegation'):
    names, not common nouns ('herders' are a side of their own, whoever speaks for them)."""
    return _words(" ".join(w for w in name.split() if w[:1].isupper())) - _GENERIC


# 'envoy to Yemen', 'minister for Gulf affairs', 'adviser on Syria': what follows is whom or
# what the office deals with, not whose it is.
_DEALT_WITH = re.compile(r"\b(?:to|for|on|in|with|towards?)\b.*", re.IGNORECASE)


def _titles_words(row: tuple, actor: Actor | None) -> set[str]:
    """The words of the person's titles and affiliation, in this event and wherever seen,
    up to any words that say what the office deals with."""
    seen = _words(row[4])
    for title in [row[3], *(actor.titles if actor is not None else ())]:
        seen |= _words(_DEALT_WITH.sub("", title or ""))
    return seen


def _same_side(body_role: str, person_role: str) -> bool:
    # a body among a meeting's participants is any side's
    return body_role == person_role or body_role == "participant"


def _official_of(body: Actor, person: Actor | None) -> bool:
    """A state beside its own official ('Chile' and Chile's foreign minister)."""
    return (person is not None and _is_official(person) and is_state_name(body.name)
            and person.country == body.country)


def _member_of(body_row: tuple, body: Actor | None, person_row: tuple, person: Actor | None) -> bool:
    """A body, nationality group or bare office whose own words the person's titles all hold
    ('Hamas delegation' ~ 'senior Hamas official'; 'Egyptian officials' ~ 'Egyptian
    intelligence chief'; 'US House Speaker' ~ 'US House of Representatives Speaker'), and no
    other country than the person's."""
    own = _own_words(body_row[1])
    if not own or not own <= _titles_words(person_row, person):
        return False
    countries = {body.country if body else None, person.country if person else None} - {None}
    return len(countries) <= 1


def without_own_sides(event_actors: list[tuple], by_id: dict[str, Actor]) -> list[tuple]:
    """The record's actors less each state, body or group that one of its own people on the
    same side already stands for."""
    persons = [_is_person(by_id.get(row[0]), row) for row in event_actors]
    people = [(row, by_id.get(row[0])) for row, person in zip(event_actors, persons) if person]
    if not people:
        return event_actors

    def stands_beside_own_person(row: tuple) -> bool:
        body = by_id.get(row[0])
        return any(_same_side(row[2], person_row[2]) and (
                   (body is not None and _official_of(body, person)) or _member_of(row, body, person_row, person))
                   for person_row, person in people)
    return [row for row, person in zip(event_actors, persons) if person or not stands_beside_own_person(row)]


# Sectors of a state's own bodies: police, army, courts, ministries.
_STATE_SECTORS = frozenset({"COP", "MIL", "JUD", "GOV"})


# Words of a title that make its holder one of a state's officials: its leaders, ministers and
# envoys (not a 'student leader' or a 'department head' of a university)
_OFFICES = words("state_office_words")
# Words of an armed group's own name that no state's army bears ('National Liberation Army'):
# such a group is no state's body, unless its name names a state ('Chinese People's Liberation Army').
_INSURGENT_WORDS = words("insurgent_name_words")
# The last words of a body's own name: a name ending so is a body's, whatever titles it was seen with
_BODY_ENDS = _BODY_HEADS | frozenset({"police", "force", "forces", "army", "ministry", "department", "office"})


def _titled_person(actor: Actor) -> bool:
    """A titled name that is no state's or body's is a person's, whatever NER called it
    ('Gustavo Petro' told as an organisation; not 'Uganda Police Force')."""
    return actor.kind != "GPE" and _named_with_titles(actor) and not _words(actor.name.split()[-1]) & _BODY_ENDS


_ONE_PERSON_OFFICES = words("one_person_offices")


def offices_of(actor: Actor) -> frozenset[str]:
    """The offices one person holds that an actor is told with: a person's titles ('Bishop'),
    or a description that is one such office ('UN Secretary-General', 'the Interior Minister');
    none for anyone else."""
    last = re.sub(r"[- ]general$", "", actor.name.lower()).split()[-1:]   # ('UN Secretary General')
    titles = list(actor.titles) + ([actor.name] if actor.kind not in ("PERSON", "PROPN") and _office_words(" ".join(last)) else [])
    return frozenset(w for title in titles for w in _office_words(title))


def _office_words(text: str) -> set[str]:
    """The offices a title names, each by one word for all its spellings ('Secretary General' and
    'secretary-general', 'spokesperson' and 'spokesman', 'premier' and 'prime minister')."""
    return {_SAME_OFFICE.get(w, w) for w in _words(text) & _ONE_PERSON_OFFICES}   # ('general' is none)


# Words of one office ('the US envoy' to the UN is its ambassador; a premier a prime minister).
_SAME_OFFICE = {"spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman",
                "chairperson": "chairman", "premier": "minister", "ambassador": "envoy", "consul": "envoy",
                "archbishop": "bishop", "queen": "king", "sultan": "king", "emir": "king"}


def standing_of(actor: Actor) -> tuple[str | None, str | None]:
    """A state, one of its bodies (police, army, courts, ministries), one of its officials (a
    person of a known country holding one of its offices), or anyone else; with its country."""
    person = actor.kind == "PERSON" or _titled_person(actor)
    # (an actor named by a country's own name is the state, whatever label its spellings had:
    # 'Uzbekistan' gathered from "Uzbekistan's ambassador" and 'Uzbek officials')
    if (actor.kind == "GPE" or is_state_name(actor.name)) and actor.country and not person:
        return STATE, actor.country
    if person:
        office = any(_words(title) & _OFFICES for title in actor.titles)
        return (OFFICIAL if office and actor.country else None), actor.country
    insurgent = _words(actor.name) & _INSURGENT_WORDS and side_country(actor.name) is None
    if actor.kind in ("ORG", "GROUP") and actor.sector in _STATE_SECTORS and not insurgent:
        return BODY, actor.country
    return None, actor.country


def without_states_beside_bodies(event_actors: list[tuple], by_id: dict[str, Actor], type_: str) -> list[tuple]:
    """The record's actors less a state beside one of its own bodies on the same side, for acts a
    state does through its organs: one report gave the arrest to 'Peru' where another names 'the
    National Police'. A body whose country resolution did not find is of the one country the
    record's other sides have; a bare side's noun ('Soldiers') leaves the state named beside it:
    the state is then all that says whose the side is."""
    if type_ not in ACTS_THROUGH_ORGANS:
        return event_actors
    standing = {row[0]: standing_of(by_id[row[0]]) if row[0] in by_id else (None, None) for row in event_actors}
    lands = lands_of(standing)
    bodies = {(row[2], lands.get(row[0])) for row in event_actors
              if standing[row[0]][0] == BODY and not _bare_side(row[1].lower())}
    return [row for row in event_actors
            if not (standing[row[0]][0] == STATE and (row[2], lands.get(row[0])) in bodies)]


@functools.lru_cache(maxsize=1 << 16)   # (read for every side of every event; the names repeat)
def people_counted(name: str, kind: str | None) -> int | None:
    """How many people a side acted on is told as ('nine people', '9 protesters', 'three young
    men'): two reports' nine people held on one day are one side, whatever each calls them."""
    first = name.split()[0] if name.split() else ""
    count = number_of(first) if first.lower() not in ("a", "an") else None
    return count if count and count > 1 and names_people_acted_on(name, kind) else None


_SIDE_NOUNS = words("side_nouns")


def _bare_side(name: str) -> bool:
    """'soldiers', 'the troops': a side's noun alone, saying neither whose nor who."""
    words_ = re.sub(r"^the\s+", "", name.strip(), flags=re.I).split()
    return len(words_) == 1 and words_[0].islower() and words_[0].rstrip("s") in _SIDE_NOUNS


def without_bare_sides(event_actors: list[tuple]) -> list[tuple]:
    """The record's actors less a bare side acted on ('soldiers') when another actor names the
    side acted on: one report's 'the soldiers were killed' is the side another names ('India').
    Who acted keeps every word: 'soldiers' beside 'the elite guard' may be the plotters."""
    named = any(row[2] == "recipient" and not _bare_side(row[1]) for row in event_actors)
    return [row for row in event_actors if not (named and row[2] == "recipient" and _bare_side(row[1]))]


def without_casualties(event_actors: list[tuple]) -> list[tuple]:
    """The record's actors less the people told only by what they are ('civilians', 'people')
    when it names a side acted on: one report's 'killed 27 people' is the casualties of the
    attack another report says was on the town's defenders."""
    others = [row for row in event_actors if row[2] == "recipient" and not names_people_acted_on(row[1], row[5])]
    if not others:
        return event_actors
    return [row for row in event_actors if not (row[2] == "recipient" and names_people_acted_on(row[1], row[5]))]

