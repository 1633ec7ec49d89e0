"""Event mentions in one parsed sentence: triggers, their participants, modality and place."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import Participant
from .lexicon import LIGHT_VERBS, NOUNS, VERBS, Trigger
from .modality import modality_of
from .places import is_city
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
                                "ban curfew border crossing territory land control body bodies remains "
                                "power amnesty concession".split())
_FORCES = frozenset("troop troops force forces soldier soldiers army military unit units "
                    "personnel battalion brigade warship warships".split())
_SANCTION_OBJECTS = frozenset("sanction sanctions diplomat diplomats ambassador envoy visa visas "
                              "tie ties relation relations membership aid embargo staff asset "
                              "assets account accounts official officials".split())
_PROTEST_CONTEXT = frozenset("thousands hundreds protesters demonstrators crowd crowds people "
                             "workers students supporters".split())
# Prepositions that introduce the other side of an interaction.
_COUNTERPART_PREPS = frozenset({"with", "between", "among", "amongst", "by", "to", "against", "on", "of"})


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


_LONG_SPANS = frozenset("months years decades weeks rounds cycles".split())
_GENERIC_QUANTIFIERS = frozenset("several many numerous multiple previous past earlier regular frequent "
                                 "countless various repeated failed prior".split())
def _gerund_before(token: Token) -> Token | None:
    """The gerund right before a name: 'after meeting | Saudi Crown Prince Mohammed bin Salman'."""
    ent = entity_of(token)
    start = ent.start if ent is not None else token.left_edge.i
    while start > 0 and token.doc[start - 1].dep_ == "compound":
        start -= 1
    previous = token.doc[start - 1] if start > 0 else None
    return previous if previous is not None and previous.tag_ == "VBG" else None


def _fronted_gerund_repair(subject: Token) -> Token:
    """'After meeting X, envoy Y held talks': the parser often makes X the subject and Y its
    apposition. Two different people cannot be in apposition; the later one is the subject."""
    if _gerund_before(subject) is None:
        return subject
    for child in subject.children:
        ent = entity_of(child)
        if child.dep_ == "appos" and ent is not None and ent.label_ == "PERSON" and ent != entity_of(subject):
            return child
    return subject


def _gerund_object(gerund: Token) -> list[Token]:
    """The object the parser took away from a fronted gerund (see _fronted_gerund_repair)."""
    following = gerund.doc[gerund.i + 1] if gerund.i + 1 < len(gerund.doc) else None
    if following is None or gerund.tag_ != "VBG" or _children(gerund, "dobj"):
        return []
    head = following
    while head.dep_ == "compound" and head.head != head:
        head = head.head
    return [head] if head.dep_ == "nsubj" and _fronted_gerund_repair(head) != head else []


_COMMUNICATIVE = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT", "AGREE", "SUPPORT"})


def _complement_objects(verb: Token, type_: str) -> list[Token]:
    """'decided to open negotiations with Ukraine' / 'warned that the United States will ...'."""
    found = []
    for comp in _children(verb, "xcomp", "ccomp"):
        if comp.dep_ == "ccomp" and type_ in _COMMUNICATIVE:
            found.extend(s for s in _children(comp, "nsubj", "nsubjpass") if entity_of(s) is not None)
        if comp.dep_ == "xcomp":
            for obj in _children(comp, "dobj"):
                found.extend(_prep_objects(obj, {"with", "between", "to", "on", "against"}))
            found.extend(_prep_objects(comp, {"with", "to", "on", "against"}))
    return found


def _subject_of(verb: Token) -> tuple[list[Token], bool]:
    """The subject tokens of a verb (climbing through xcomp/conj/advcl), and whether passive."""
    current = verb
    for _ in range(4):
        subjects = _children(current, "nsubj", "nsubjpass", "csubj")
        if subjects and all(s.lower_ in ("they", "we") for s in subjects) and current.dep_ == "ccomp":
            # "States X, Y and Z said they are leaving": they = the speakers.
            speakers = _children(current.head, "nsubj")
            if speakers:
                return speakers, False
        if subjects:
            return [_fronted_gerund_repair(s) for s in subjects], any(s.dep_ == "nsubjpass" for s in subjects)
        if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "ccomp", "prep") and current.head != current:
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
        return bool(preps & {"by", "on", "against", "in", "at", "with", "between"}) or token.dep_ in ("nsubj", "dobj") and \
            _lemma(head) in ("carry", "launch", "kill", "conduct", "stage", "occur", "take", "leave", "happen", "claim")
    if needs == "protest_noun":
        return any(_lemma(c) in _PROTEST_CONTEXT for c in token.subtree) or _lemma(head) in ("stage", "hold", "organize")
    if needs == "aid_noun":
        return _lemma(head) in ("send", "provide", "deliver", "give", "pledge", "announce", "approve", "donate", "offer")
    if needs == "launched":
        return _lemma(head) in ("launch", "open", "begin", "start", "order", "announce", "impose", "carry",
                                 "conduct", "make", "declare", "file")
    if needs == "issued":
        return _lemma(head) in ("issue", "make", "level", "deliver", "file", "send", "lodge", "voice", "express")
    return True


# "A and B stressed / affirmed / discussed ...": two named people speaking jointly met.
_JOINT_VERBS = frozenset("stress affirm emphasize emphasise underline reaffirm discuss review exchange "
                         "express agree tackle underscore confirm".split())
_JOINT_MEETING = Trigger("CONSULT", "meet")
_EXPULSION = Trigger("SANCTION")
# "signed in the presence of A and B": both were there.
_PRESENCE = Trigger("CONSULT", "meet")


def _present_people(token: Token) -> int:
    objects = _prep_objects(token, {"of"})
    return sum(1 for o in objects for m in [o, *[c for c in o.subtree if c.dep_ == "conj"]]
               if entity_of(m) is not None and entity_of(m).label_ == "PERSON")


def _joint_subject(token: Token) -> bool:
    subjects = _children(token, "nsubj")
    people = set()
    for subject in subjects:
        for member in [subject, *[c for c in subject.subtree if c.dep_ == "conj"]]:
            ent = entity_of(member)
            if ent is not None and ent.label_ == "PERSON" or _lemma(member) in TITLE_NOUNS and member.dep_ in ("conj", "nsubj"):
                people.add(member.i if ent is None else ent.start)
    return len(people) >= 2 and any(c.dep_ == "conj" for s in subjects for c in s.children)


def find_triggers(doc: Doc) -> list[tuple[Token, Trigger]]:
    found = []
    for token in doc:
        if token.pos_ == "VERB" and _lemma(token) in _JOINT_VERBS and _joint_subject(token):
            found.append((token, _JOINT_MEETING))
        if _lemma(token) == "presence" and _present_people(token) >= 2:
            found.append((token, _PRESENCE))
        if token.pos_ == "VERB" and _lemma(token) in ("declare", "name") and "persona non grata" in \
                token.doc[token.i: min(len(token.doc), token.i + 12)].text.lower():
            found.append((token, _EXPULSION))
        lemma = _lemma(token)
        if token.pos_ in ("VERB",) or (token.pos_ == "AUX" and lemma == "have" and False):
            trigger = VERBS.get(lemma)
            if trigger and _passes_needs(token, trigger):
                found.append((token, trigger))
        elif token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.dep_ != "compound"):
            if token.dep_ == "compound" and (NOUNS.get(_lemma(token.head)) or NOUNS.get(token.head.lower_)):
                continue   # "phone call", "peace talks": the head noun is the trigger
            trigger = NOUNS.get(lemma) or NOUNS.get(token.lower_)
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


def _is_destination(obj: Token) -> bool:
    """'a visit to Japan', 'talks in Cairo': a place, not a party to the meeting."""
    ent = entity_of(obj)
    return obj.head.lower_ in ("to", "in", "at") and (
        (ent is not None and ent.label_ in ("GPE", "FAC", "LOC")) or obj.ent_type_ in ("GPE", "FAC", "LOC"))


def read_trigger(token: Token, trigger: Trigger, resolve_pronoun) -> Found:
    found = Found(token, trigger.type, trigger.mode, modality_of(token))
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _LONG_SPANS:
        found.modality = "generic"   # "months of talks": a process, not one meeting
    if token.pos_ == "NOUN" and token.tag_ == "NNS" and any(
            c.lower_ in _GENERIC_QUANTIFIERS for c in token.children if c.dep_ in ("amod", "det", "nummod")):
        found.modality = "generic"   # "has hosted several meetings before": no one event
    directed = trigger.type != "CONSULT"
    actor_role, recipient_role = ("actor", "recipient") if directed else ("participant", "participant")
    if token.pos_ == "VERB":
        subjects, passive = _subject_of(token)
        objects = _children(token, "dobj") + _prep_objects(token) + _complement_objects(token, trigger.type) \
            + _gerund_object(token)
        if passive:
            subjects, objects = [o for o in objects if o.dep_ == "pobj" and o.head.dep_ == "agent"], \
                subjects + [o for o in objects if not (o.dep_ == "pobj" and o.head.dep_ == "agent")]
        for s in subjects:
            found.actors.extend(participants_for(s, actor_role, resolve_pronoun))
        for o in objects:
            if not directed and _is_destination(o):
                found.place_tokens.append(o)
                continue
            found.recipients.extend(participants_for(o, recipient_role, resolve_pronoun))
        found.place_tokens.extend(_prep_objects(token, {"in", "at"}))
    else:
        for poss in _children(token, "poss"):
            found.actors.extend(participants_for(poss, actor_role, resolve_pronoun))
        for c in _children(token, "compound", "amod"):
            ent = entity_of(c)
            if ent is not None and ent.label_ in ("GPE", "FAC", "LOC") and is_city(ent.text):
                found.place_tokens.append(c)   # "the Vilnius summit", "Astana talks"
            elif ent is not None and ent.label_ in ("PERSON", "ORG", "GPE"):
                found.actors.extend(participants_for(c, actor_role, resolve_pronoun))
        if token.dep_ == "compound" and trigger.mode == "multilateral":
            # "a summit gathering leaders of the 27 EU countries" parsed as one noun phrase
            head = token.head
            while head.dep_ == "compound" and head.head != head:
                head = head.head
            found.recipients.extend(participants_for(head, recipient_role, resolve_pronoun))
        for clause in _children(token, "acl"):
            # "a summit gathering leaders of the 27 EU countries"
            if _lemma(clause) in ("gather", "bring", "involve", "include", "unite", "assemble"):
                for obj in _children(clause, "dobj"):
                    found.recipients.extend(participants_for(obj, recipient_role, resolve_pronoun))
        for obj in _prep_objects(token):
            if not directed and _is_destination(obj):
                found.place_tokens.append(obj)
                continue
            found.recipients.extend(participants_for(obj, recipient_role, resolve_pronoun))
        light = _light_verb(token)
        carrier = light or _governing_verb(token)
        if carrier is not None:
            subjects, passive = _subject_of(carrier)
            for s in ([] if passive else subjects):
                found.actors.extend(participants_for(s, actor_role, resolve_pronoun))
            if passive:
                for s in subjects:
                    found.recipients.extend(participants_for(s, recipient_role, resolve_pronoun))
            preps = {"with", "between", "by"} if not directed else {"with", "between", "by", "on", "against", "to"}
            for obj in _prep_objects(carrier, preps):
                found.recipients.extend(participants_for(obj, recipient_role, resolve_pronoun))
            found.place_tokens.extend(_prep_objects(carrier, {"in", "at"}))
            if light is not None and modality_of(light) != "asserted":
                found.modality = modality_of(light)   # "will hold talks", "did not pay a visit"
        for clause in _children(token, "relcl", "acl"):
            # "The meeting, which was attended by X, ..."
            if _lemma(clause) in ("attend", "join"):
                for obj in _prep_objects(clause, {"by"}) + _children(clause, "dobj"):
                    found.recipients.extend(participants_for(obj, recipient_role, resolve_pronoun))
        if token.dep_ in ("nsubj", "nsubjpass"):
            verb = token.head
            # "The meeting was attended by X": attendees are participants.
            if _lemma(verb) in ("attend", "include", "bring", "gather", "join"):
                for obj in _prep_objects(verb, {"by"}) + _children(verb, "dobj"):
                    found.recipients.extend(participants_for(obj, recipient_role, resolve_pronoun))
            found.place_tokens.extend(_prep_objects(verb, {"in", "at"}))
        found.place_tokens.extend(_prep_objects(token, {"in", "at"}))
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
        definite = bool(determiners & {"the", "this", "that"})
        named_people = any(p.kind == "PERSON" for p in found.actors + found.recipients)
        # "The meeting was attended by ...", "Talks during the meeting ...": the meeting just named.
        attended = (token.dep_ in ("nsubj", "nsubjpass") and _lemma(token.head) in ("attend", "include", "join")) \
            or any(_lemma(c) in ("attend", "join") for c in _children(token, "relcl", "acl"))
        found.anaphoric = trigger.type == "CONSULT" and not named and (
            (definite and (attended or not named_people)) or not (found.actors or found.recipients))
    if trigger is _EXPULSION:
        # "declared 15 UAE diplomats persona non grata": who is expelled stands before "persona".
        doc = token.doc
        end = next((t.i for t in doc[token.i:] if t.lower_ == "persona"), token.i)
        for ent in doc[token.i + 1:end].ents:
            if ent.label_ in ("GPE", "ORG", "NORP", "PERSON"):
                found.recipients.extend(participants_for(ent.root, recipient_role, resolve_pronoun))
    if trigger.type == "CONSULT" and token.pos_ == "VERB" and not found.recipients and trigger is not _JOINT_MEETING and \
            (any(_is_person_like(o) for o in _children(token, "dobj")) or _prep_objects(token, {"with"})):
        found.modality = "unresolved"   # "greeted them": the other side is not named
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
