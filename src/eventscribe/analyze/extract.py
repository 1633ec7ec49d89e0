"""Event mentions in one parsed sentence: triggers, their participants, modality and place."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import Participant
from .lexicon import LIGHT_VERBS, NOUNS, VERBS, Trigger
from .modality import modality_of
from .participants import GROUP_NOUNS, TITLE_NOUNS, entity_of, participants_for

_NOT_PEOPLE = frozenset(
    "need needs demand demands target targets deadline standard criteria expectation requirement "
    "obligation challenge challenges threat goal aid support call letter message praise criticism "
    "condemnation approval award prize funding funds money information report reports news "
    "request requests invitation visa visas treatment care attention backing".split()
)
_AID_OBJECTS = frozenset("aid assistance weapon weapons arms support help supply supplies fund "
                         "funds funding money loan loans vaccine vaccines food equipment ammunition "
                         "tank tanks missile missiles artillery relief package".split())
_CONCESSION_OBJECTS = frozenset("prisoner prisoners hostage hostages detainee detainees captive "
                                "captives sanction sanctions restriction restrictions blockade "
                                "ban curfew border crossing".split())
_FORCES = frozenset("troop troops force forces soldier soldiers army military unit units "
                    "personnel battalion brigade warship warships".split())
_SANCTION_OBJECTS = frozenset("sanction sanctions diplomat diplomats ambassador envoy visa visas "
                              "tie ties relation relations membership aid embargo staff asset "
                              "assets account accounts official officials".split())
_PROTEST_CONTEXT = frozenset("thousands hundreds protesters demonstrators crowd crowds people "
                             "workers students supporters".split())
# Prepositions that introduce the other side of an interaction.
_COUNTERPART_PREPS = frozenset({"with", "between", "among", "by", "to", "against", "on", "of"})


@dataclass
class Found:
    """One trigger's reading, before it becomes an EventMention."""

    trigger: Token
    type: str
    mode: str | None
    modality: str
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    place_tokens: list[Token] = field(default_factory=list)
    anaphoric: bool = False   # "the meeting", "the talks": refers to an event already named


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, preps=_COUNTERPART_PREPS) -> list[Token]:
    objects = []
    for prep in _children(token, "prep", "agent"):
        if prep.lower_ in preps or prep.dep_ == "agent":
            objects.extend(_children(prep, "pobj"))
    return objects


def _subject_of(verb: Token) -> tuple[list[Token], bool]:
    """The subject tokens of a verb (climbing through xcomp/conj/advcl), and whether passive."""
    current = verb
    for _ in range(4):
        subjects = _children(current, "nsubj", "nsubjpass", "csubj")
        if subjects:
            return subjects, any(s.dep_ == "nsubjpass" for s in subjects)
        if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "ccomp") and current.head != current:
            if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN"):
                return [current.head], False
            current = current.head
            continue
        break
    return [], False


def _is_person_like(token: Token) -> bool:
    ent = entity_of(token)
    if ent is not None:
        return ent.label_ in ("PERSON", "ORG", "NORP", "GPE")
    return _lemma(token) in TITLE_NOUNS or _lemma(token) in GROUP_NOUNS or token.lower_ in ("him", "her", "them")


def _object_lemmas(token: Token) -> set[str]:
    lemmas = set()
    for obj in _children(token, "dobj", "nsubjpass", "attr", "oprd") + _prep_objects(token, {"on", "to", "of", "against", "from"}):
        lemmas.add(_lemma(obj))
        lemmas.update(_lemma(c) for c in obj.children if c.dep_ in ("compound", "amod"))
    return lemmas


def _passes_needs(token: Token, trigger: Trigger) -> bool:
    needs = trigger.needs
    if needs is None:
        return True
    objects = _children(token, "dobj") + _children(token, "nsubjpass")
    if needs == "person_object":
        return any(_is_person_like(o) for o in objects) and not any(_lemma(o) in _NOT_PEOPLE for o in objects)
    if needs == "counterpart":
        with_objects = _prep_objects(token, {"with"})
        subjects, _ = _subject_of(token)
        plural = any(c.dep_ == "conj" for s in subjects for c in s.children) or \
            any(_lemma(s) in ("side", "leader", "president", "minister", "delegation") and s.tag_ == "NNS" for s in subjects)
        return bool(with_objects) or plural
    if needs == "plural_subject":
        subjects, _ = _subject_of(token)
        return any(s.tag_ in ("NNS", "NNPS") or _lemma(s) in GROUP_NOUNS or entity_of(s) is not None for s in subjects)
    if needs == "aid_object":
        return bool(_object_lemmas(token) & _AID_OBJECTS)
    if needs == "concession":
        return bool(_object_lemmas(token) & _CONCESSION_OBJECTS)
    if needs == "forces":
        lemmas = _object_lemmas(token) | {_lemma(s) for s in _subject_of(token)[0]}
        return bool(lemmas & _FORCES)
    if needs == "sanction_object":
        return bool(_object_lemmas(token) & _SANCTION_OBJECTS) or _lemma(token) in ("sanction", "blacklist", "embargo")
    if needs == "org_object":
        return any(entity_of(o) is not None and entity_of(o).label_ == "ORG" for o in objects)
    return True


def _noun_passes(token: Token, trigger: Trigger) -> bool:
    needs = trigger.needs
    head = token.head
    if needs == "phone_call":
        words = {_lemma(c) for c in token.children} | {_lemma(head)}
        return bool(words & {"phone", "telephone", "video", "call", "hold", "have", "make", "receive"}) and \
            (_lemma(token) != "call" or bool(words & {"phone", "telephone", "video"}))
    if needs == "signed":
        return _lemma(head) in ("sign", "reach", "conclude", "agree", "strike", "seal", "adopt", "approve",
                                 "announce", "ink", "issue", "endorse", "broker") and token.dep_ in ("dobj", "nsubjpass")
    if needs == "imposed":
        return _lemma(head) in ("impose", "announce", "slap", "expand", "extend", "level", "tighten", "add")
    if needs == "agent_or_target":
        preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
        return bool(preps & {"by", "on", "against", "in", "at"}) or token.dep_ in ("nsubj", "dobj") and \
            _lemma(head) in ("carry", "launch", "kill", "conduct", "stage", "occur", "take", "leave", "happen", "claim")
    if needs == "protest_noun":
        return any(_lemma(c) in _PROTEST_CONTEXT for c in token.subtree) or _lemma(head) in ("stage", "hold", "organize")
    if needs == "aid_noun":
        return _lemma(head) in ("send", "provide", "deliver", "give", "pledge", "announce", "approve", "donate", "offer")
    if needs == "issued":
        return _lemma(head) in ("issue", "make", "level", "deliver", "file", "send", "lodge", "voice", "express")
    return True


def find_triggers(doc: Doc) -> list[tuple[Token, Trigger]]:
    found = []
    for token in doc:
        lemma = _lemma(token)
        if token.pos_ in ("VERB",) or (token.pos_ == "AUX" and lemma == "have" and False):
            trigger = VERBS.get(lemma)
            if trigger and _passes_needs(token, trigger):
                found.append((token, trigger))
        elif token.pos_ in ("NOUN", "PROPN") and token.tag_ not in ("NNP",) or (token.pos_ == "PROPN" and lemma in ("summit",)):
            trigger = NOUNS.get(lemma)
            if trigger and _noun_passes(token, trigger):
                found.append((token, trigger))
    return found


def _light_verb(noun: Token) -> Token | None:
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and _lemma(head) in LIGHT_VERBS:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "at", "for") and \
            _lemma(head.head) in ("participate", "take", "join", "arrive", "land", "come", "travel"):
        return head.head
    return None


def _governing_verb(noun: Token) -> Token | None:
    """'said during his meeting with X': the verb whose subject the meeting belongs to."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("during", "at", "in", "after", "on", "following", "before"):
        return head.head if head.head.pos_ in ("VERB", "AUX") else None
    if noun.dep_ == "pcomp":
        return head.head if head.head.pos_ in ("VERB", "AUX") else None
    return None


def read_trigger(token: Token, trigger: Trigger, resolve_pronoun) -> Found:
    found = Found(token, trigger.type, trigger.mode, modality_of(token))
    directed = trigger.type != "CONSULT"
    actor_role, recipient_role = ("actor", "recipient") if directed else ("participant", "participant")
    if token.pos_ == "VERB":
        subjects, passive = _subject_of(token)
        objects = _children(token, "dobj") + _prep_objects(token)
        if passive:
            subjects, objects = objects, subjects
        for s in subjects:
            found.actors.extend(participants_for(s, actor_role, resolve_pronoun))
        for o in objects:
            found.recipients.extend(participants_for(o, recipient_role, resolve_pronoun))
        found.place_tokens.extend(_prep_objects(token, {"in", "at"}))
    else:
        for poss in _children(token, "poss"):
            found.actors.extend(participants_for(poss, actor_role, resolve_pronoun))
        for c in _children(token, "compound", "amod"):
            if entity_of(c) is not None and entity_of(c).label_ in ("PERSON", "ORG", "GPE"):
                found.actors.extend(participants_for(c, actor_role, resolve_pronoun))
        for obj in _prep_objects(token):
            found.recipients.extend(participants_for(obj, recipient_role, resolve_pronoun))
        carrier = _light_verb(token) or _governing_verb(token)
        if carrier is not None:
            subjects, passive = _subject_of(carrier)
            for s in ([] if passive else subjects):
                found.actors.extend(participants_for(s, actor_role, resolve_pronoun))
            for obj in _prep_objects(carrier, {"with", "between", "by"}):
                found.recipients.extend(participants_for(obj, recipient_role, resolve_pronoun))
            found.place_tokens.extend(_prep_objects(carrier, {"in", "at"}))
            if carrier.head != carrier and modality_of(carrier) != "asserted":
                found.modality = modality_of(carrier)
        if token.dep_ in ("nsubj", "nsubjpass"):
            verb = token.head
            # "The meeting was attended by X": attendees are participants.
            if _lemma(verb) in ("attend", "include", "bring", "gather", "join"):
                for obj in _prep_objects(verb, {"by"}) + _children(verb, "dobj"):
                    found.recipients.extend(participants_for(obj, recipient_role, resolve_pronoun))
            found.place_tokens.extend(_prep_objects(verb, {"in", "at"}))
        found.place_tokens.extend(_prep_objects(token, {"in", "at"}))
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        found.anaphoric = bool(determiners & {"the", "this", "that"}) and not found.actors and \
            len(found.recipients) <= 1 if trigger.type == "CONSULT" else False
    found.actors = _unique(found.actors)
    found.recipients = [r for r in _unique(found.recipients) if r.name not in {a.name for a in found.actors}]
    return found


def _unique(participants: list[Participant]) -> list[Participant]:
    seen, kept = set(), []
    for p in participants:
        if p.name.lower() not in seen:
            seen.add(p.name.lower())
            kept.append(p)
    return kept
