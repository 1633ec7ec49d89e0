"""What did the harm: people, or a hazard or an accident.

"Floods swept away the houses, killing four", "a bus plunged into a ravine, killing 20", "the
district was struck by a sandstorm": the words of an attack, but nobody attacked. An ASSAULT
trigger whose cause is a natural hazard, an accident, or a vehicle, cylinder or building that
failed is not an event (PLOVER codes what actors do to each other). The cause is the clause's
subject, the agent of a passive, or — for a participle tacked on ("…, killing four") — the
subject of the verb it hangs on (a noun trigger, "the attack", is not judged here). The word sets are data (lang/<language>/wordsets.tsv).
"""
from __future__ import annotations

from spacy.tokens import Token

from .syntax import agent_objects, children, lemma_of, subject_of
from .words import words

_HAZARDS = words("hazard_nouns")                 # flood, earthquake, typhoon, stampede, fire…
_ACCIDENT_MODIFIERS = words("accident_modifiers")  # gas (explosion), traffic (accident)…
_ACCIDENT_VERBS = words("accident_verbs")        # overturned, capsized, collapsed, exploded…
_FAILING_THINGS = words("accident_sources")      # bus, tanker, cylinder, bridge…
_WEAPONISED = words("weaponised_modifiers")      # a booby-trapped car, a car bomb
_SIDES = words("side_nouns")
_PEOPLE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def caused_by_hazard(trigger: Token) -> bool:
    """Whether the harm a verb trigger reports was done by a hazard or an accident, not by people."""
    if trigger.pos_ != "VERB":
        return False
    subjects, passive = subject_of(trigger)   # climbs from "…, killing four" to what did it
    for cause in (agent_objects(trigger) if passive else subjects):
        if _set_by_people(cause):
            return False
        lemma = lemma_of(cause)
        if lemma in _HAZARDS or cause.lower_ in _HAZARDS:
            return True
        if any(lemma_of(c) in _ACCIDENT_MODIFIERS for c in cause.children if c.dep_ in ("compound", "amod")):
            return True
        failed = [cause.head, *children(cause.head, "conj")]   # "overturned and exploded"
        if lemma in _FAILING_THINGS and not _weaponised(cause) and any(lemma_of(v) in _ACCIDENT_VERBS for v in failed):
            return True
    return False


def _set_by_people(cause: Token) -> bool:
    """'a fire set by the militia', 'the rebels' fire', 'police fire': people behind the hazard."""
    return any(t.ent_type_ in _PEOPLE_LABELS or t.dep_ in ("agent", "poss") or lemma_of(t) in _SIDES
               for t in cause.subtree if t is not cause)


def _weaponised(vehicle: Token) -> bool:
    """'a booby-trapped car', 'an explosives-laden truck': a vehicle made a bomb."""
    before = " ".join(t.lower_ for t in vehicle.subtree if t.i < vehicle.i)
    return any(marker in before for marker in _WEAPONISED)
