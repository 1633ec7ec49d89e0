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
    # a passive's agent; the parser's "passive" participle ('a truck overturned and exploded'
    # read as 'a truck [that was] overturned') has none, and its noun is the cause
    causes = (agent_objects(trigger) or subjects) if passive else subjects
    # the parser may take 'A truck overturned and exploded' for a noun phrase: its head is the cause
    causes = causes or [a for a in trigger.ancestors if a.pos_ == "NOUN" and a.dep_ == "ROOT"]
    for cause in causes:
        if _set_by_people(cause):
            return False
        lemma = lemma_of(cause)
        if lemma in _HAZARDS or cause.lower_ in _HAZARDS:
            return True
        if any(lemma_of(c) in _ACCIDENT_MODIFIERS for c in cause.children if c.dep_ in ("compound", "amod")):
            return True
        if lemma in _FAILING_THINGS and not _weaponised(cause) and \
                any(lemma_of(v) in _ACCIDENT_VERBS for v in _what_it_did(cause, trigger)):
            return True
    return False


def _what_it_did(cause: Token, trigger: Token) -> list[Token]:
    """The verbs told of the failing thing: its own verb and those joined to it ('overturned and
    exploded'), and the verbs the trigger hangs on ('…, killing seven')."""
    verbs = [cause.head] + [a for a in trigger.ancestors if a.pos_ == "VERB"]
    return [v for verb in verbs for v in (verb, *children(verb, "conj"))]


def _set_by_people(cause: Token) -> bool:
    """'a fire set by the militia', 'the rebels' fire', 'police fire', 'Rwandan shelling': people
    behind the hazard (NER's persons among its modifiers are not: 'Flash floods')."""
    for token in (t for t in cause.subtree if t.i != cause.i):
        if token.dep_ in ("agent", "poss") or lemma_of(token) in _SIDES:
            return True
        if token.ent_type_ in _PEOPLE_LABELS - {"PERSON"} and token.dep_ in ("compound", "amod", "nmod"):
            return True
    return False


def _weaponised(vehicle: Token) -> bool:
    """'a booby-trapped car', 'an explosives-laden truck': a vehicle made a bomb."""
    before = " ".join(t.lower_ for t in vehicle.subtree if t.i < vehicle.i)
    return any(marker in before for marker in _WEAPONISED)
