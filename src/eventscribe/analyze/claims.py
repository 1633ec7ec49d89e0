"""A side's claim that another side attacked or seized is an accusation.

"Guyana says Venezuelan soldiers fired on a patrol boat" tells two things: what Guyana said, and
an attack the outlet reports on Guyana's word. A coder records Guyana accusing Venezuela, whatever
they make of the attack. A source that tells what happened is no accuser ('police said gunmen
killed five villagers', 'witnesses said soldiers fired'), nor is a side telling its own acts
('the navy said its gunboats shelled pirate skiffs'). Reads the parse of one sentence.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..model import Participant
from .participants import participants_for
from .sides import one_side
from .syntax import children, lemma_of
from .words import words

_CLAIMING_VERBS = words("claiming_speech_verbs")
_NEUTRAL_SOURCES = words("neutral_sources")
# Acts a side is accused of when another side says it did them (arrests an official tells are
# mostly his own state's: no accusation).
CLAIMED_TYPES = frozenset({"ASSAULT"})
_ACCUSER_KINDS = frozenset({"GPE", "ORG", "PERSON", "NORP"})


def claimant(trigger: Token) -> tuple[Token, Token, Token] | None:
    """The speech verb whose reported clause the act's verb heads, its subject, and the clause's
    verb: 'Guyana says [Venezuelan soldiers fired …]' -> (says, Guyana, fired)."""
    verb = trigger
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head   # 'fired on the boat and seized its crew'
    if verb.pos_ != "VERB" or verb.dep_ != "ccomp" or lemma_of(verb.head) not in _CLAIMING_VERBS:
        return None
    subjects = children(verb.head, "nsubj")
    return (verb.head, subjects[0], verb) if subjects else None


def accusers(subject: Token, refer) -> list[Participant]:
    """Who the claim's speaker stands for, when a side and not a source telling what it saw."""
    if lemma_of(subject) in _NEUTRAL_SOURCES or subject.lower_ in _NEUTRAL_SOURCES:
        return []
    found = participants_for(subject, "actor", refer)
    return [p for p in found if p.kind in _ACCUSER_KINDS and p.name.split()[-1].lower() not in _NEUTRAL_SOURCES]


def accused(doers: list[Participant], speakers: list[Participant]) -> list[Participant]:
    """The doers a claim accuses: any named side that is not the speaker's own ('Guyanese
    soldiers', not 'soldiers', who may be the speaker's own)."""
    return [d for d in doers if not any(one_side(d, s) for s in speakers)
            and (d.kind != "GROUP" or any(w[:1].isupper() for w in d.name.split()))]
