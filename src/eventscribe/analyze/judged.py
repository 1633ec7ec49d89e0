"""Whom a judgement is about: the side that did the act judged.

"Ghana condemned the arrest of Kofi Mensah by Togolese police" accuses the police, and "the
bloc welcomed the truce between the army and the Front" supports both; the act judged is an
event of its own, read beside the judgement, whose doers are the judgement's other side. When
the act's doers are not in its own words ("condemned the detention of the president"), the
report's other mention of that act with the same sufferer names them ("the president, held by
the guard since Wednesday"). A judgement that already has its other side keeps it.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..model import EventMention, Participant
from .group import same_body, same_name
from .participants import names_a_thing
from .sides import ANY_ACT, DOER_FROM_CONTEXT, doers_of, last_addressed_to, same_act_elsewhere
from .words import words

# Types whose other side is whoever did the act they are about.
JUDGING_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


def judged_act(judgement: Token, act: Token) -> bool:
    """Whether the act's trigger is what the judgement's trigger is about: its object, or one
    joined to its object ('condemned the killings and the arrests')."""
    while act.dep_ == "conj" and act.head is not act:
        act = act.head
    if act.head == judgement and act.dep_ in _OBJECT_DEPS:
        return True
    # "condemned what it described as an attack by X", "what it called the shelling of Y"
    namer = act.head.head if act.dep_ == "pobj" and act.head.lower_ == "as" else act.head if act.dep_ in ("oprd", "attr") else None
    return namer is not None and namer.dep_ == "ccomp" and namer.head == judgement and names_a_thing(namer)


def sole_doers(act: EventMention, mentions: list[EventMention]) -> list[Participant]:
    """The doers of the report's acts of this type, when they are one side: 'the coup' judged
    in a report whose only arrests were made by the presidential guard is the guard's."""
    told = [doers_of(m) for m in mentions if m is not act and m.type == act.type and m.modality == "asserted"]
    sides = [side for doers in told for side in doers]
    if not sides or any(not same_body(sides[0].name, side.name) for side in sides[1:]):
        return []
    return [sides[0]]


# What a refusal's object names, by the type of the act it answers ('rejected the charges': an accusation).
_ANSWERED_BY_WORD = {word: type_ for type_, set_name in (("REQUEST", "refused_calls"), ("ACCUSE", "refused_charges"),
                                                         ("THREATEN", "refused_threats"), ("SANCTION", "refused_sanctions"))
                     for word in words(set_name)} | dict.fromkeys(words("refused_any"), ANY_ACT)


def refused_kind(trigger: Token) -> str | None:
    """The type of act a refusal may answer: by the noun it refuses ('rejected the calls' a
    request, 'dismissed the allegations' an accusation); any act when it refuses no thing
    ('Uganda refused', 'refused to resign'); None when it refuses a thing of its own ('rejected
    a proposal for joint monitoring', 'threw out the petition'), which answers no one's act; any
    act when the noun names whatever was done ('rejected the move')."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return ANY_ACT
    return _ANSWERED_BY_WORD.get(objects[0].lemma_.lower())


def _answered(judgement: EventMention, act: EventMention, mentions: list[EventMention]) -> EventMention | None:
    """'Kenya asked Uganda to hand over the suspects. Uganda turned down the request.': an act
    told bare (no side in its own words) that a judgement answers is the report's latest act of
    its type told before it and addressed to the judge (by any name: 'Belgrade' answers for Serbia)."""
    judges = doers_of(judgement)
    if act.participants or not judges:
        return None
    return last_addressed_to(judges, mentions, judgement.sentence,
                             lambda m: m is not act and m is not judgement and m.type == act.type)


def fill_judged_sides(links: list[tuple[EventMention, EventMention]], mentions: list[EventMention]) -> None:
    """Each judgement with no other side takes the doers of the act it judges; an act told with
    neither doer nor sufferer ('condemned the coup') takes them from the report's other acts of
    its type, when one side did them all."""
    for judgement, act in links:
        if judgement.type not in JUDGING_TYPES or any(p.role == "recipient" for p in judgement.participants):
            continue
        if not act.participants and act.type in DOER_FROM_CONTEXT:
            act.participants.extend(replace(p, role="actor") for p in sole_doers(act, mentions))
        answered = _answered(judgement, act, mentions)
        if answered is not None:
            # the bare act is that one: it takes its sides, and so becomes one event with it
            act.participants.extend(replace(p) for p in answered.participants)
        doers = doers_of(act) or doers_of(same_act_elsewhere(act, mentions))
        own = [p.name for p in judgement.participants]
        judgement.participants.extend(replace(p, role="recipient") for p in doers
                                      if not any(same_name(p.name, name) for name in own))
        if judgement.modality == "unresolved" and doers:
            judgement.modality = "asserted"   # 'called the arrests an outrage': whose they were is now known
