"""Event mentions in one parsed sentence: triggers, their participants, modality and place."""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.symbols import ADJ as ADJ_POS, AUX as AUX_POS, NOUN as NOUN_POS, PROPN as PROPN_POS, VERB as VERB_POS
from spacy.tokens import Doc, Span, Token

from ..model import Participant
from ..timeparse import MONTHS
from .detector import load_detector
from .frames import Frame
from .group import same_body
from .lang.en import english
from .modality import modality_of
from .places import country_name, is_city, is_country, side_country
from .sides import belligerents_mark
from .stances import (CONDITIONAL_THREAT, REFUSAL, RESERVED_RIGHT, ULTIMATUM, WILL_AUX, condition_subjects, conditional_threat,
                      is_cowed, refusal_negation, reserved_act, reserver_tokens, stance_triggers, ultimatum_addressees,
                      ultimatum_giver)
from .participants import (PRONOUNS, SIDE_NOUNS, TITLE_NOUNS, entity_of, is_crowd, is_people_acted_on, participants_for, proposer_of,
                           protesting_crowd,
                           what_it_called)
from .causes import caused_by_hazard
from .entities import singular
from .syntax import (LEMMA_FIXES, MEANS_PREPS, agent_objects, children, fronted_gerund_repair, is_person_like, left_objects,
                     lemma_of, named_by, names_a_side, phrasal_lemma, prep_objects, string_ids, subject_of, text_of)


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
    reciprocal: bool = False  # "accused each other", "traded accusations": each side did it to the other


_LIGHT_VERBS = english.wordset("light_verbs")
_LONG_SPANS = english.wordset("long_spans")
_PART_NOUNS = english.wordset("part_nouns")
_GENERIC_QUANTIFIERS = english.wordset("generic_quantifiers")
_JOINT_VERBS = english.wordset("joint_verbs")


def _gerund_object(gerund: Token) -> list[Token]:
    """The object the parser took away from a fronted gerund (see syntax.fronted_gerund_repair)."""
    following = gerund.doc[gerund.i + 1] if gerund.i + 1 < len(gerund.doc) else None
    if following is None or gerund.tag_ != "VBG" or children(gerund, "dobj"):
        return []
    head = _phrase_head(following)
    return [head] if head.dep_ == "nsubj" and fronted_gerund_repair(head) != head else []


_COMMUNICATIVE = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT", "AGREE", "SUPPORT"})


def _complement_objects(verb: Token, type_: str) -> list[Token]:
    """'decided to open negotiations with Chile' / 'warned that Lorania will ...'."""
    found = []
    for comp in children(verb, "xcomp", "ccomp"):
        if comp.dep_ == "ccomp" and type_ in _COMMUNICATIVE:
            # "demanded that the rebel authorities disarm": a named or an unnamed side
            subjects = children(comp, "nsubj", "nsubjpass")
            found.extend(s for s in subjects if entity_of(s) is not None or s.lemma_.lower() in SIDE_NOUNS)
            if type_ in _DEMANDING_TYPES and any(s.lower_ in _ADDRESSED_PRONOUNS for s in subjects):
                found.extend(_addressees(verb))   # "an ultimatum to the rebels, demanding they leave the port"
        # "decided to open talks with Chile", and a threat of the speakers' own act: "warned
        # that they would close the border with Russia": whom the act is with or against
        own_threat = comp.dep_ == "ccomp" and type_ == "THREATEN" and all(s.lower_ in PRONOUNS for s in children(comp, "nsubj"))
        if comp.dep_ == "xcomp" or own_threat:
            for obj in children(comp, "dobj"):
                found.extend(prep_objects(obj, {"with", "between", "to", "on", "against"}))
            found.extend(prep_objects(comp, {"with", "to", "on", "against"}))
    if type_ in _DEMANDING_TYPES:
        # "called for sanctions against Lorania": whom the act asked for is against
        found.extend(o for act in prep_objects(verb, {"for"}) for o in prep_objects(act, {"against", "on"}))
    return found


_ADDRESSED_PRONOUNS = frozenset({"they", "it"})


def _addressees(verb: Token) -> list[Token]:
    """Whom the act a demand goes with is addressed to: 'issued an ultimatum to the junta,
    demanding …', 'wrote to the generals, demanding …'."""
    act = verb.head if verb.dep_ in ("advcl", "xcomp", "conj") else verb
    return prep_objects(act, {"to"}) + children(act, "dative") + \
        [o for obj in children(act, "dobj") for o in prep_objects(obj, {"to"})]


# Frames that constructions found in code stand for, not single trigger words.
# "A and B stressed / affirmed / discussed ...": two named people speaking jointly met.
_JOINT_MEETING = Frame("(joint subject)", "verb", "CONSULT", "meet")
# "gave the envoy two days to leave", "ordered the attache to leave", "was told to leave
# within a week": an order to leave is an expulsion by whoever gave it.
_ORDERED_OUT = Frame("(ordered to leave)", "verb", "SANCTION")
_ORDERING_VERBS = english.wordset("ordering_verbs")
# "declared four attaches persona non grata"
_EXPULSION = Frame("(persona non grata)", "verb", "SANCTION")
# 'used stun grenades and batons', 'deployed water cannon against students': force on a crowd
_FORCE_USED = Frame("(crowd-control weapon used)", "verb", "COERCE")
# "signed in the presence of A and B": both were there.
_PRESENCE = Frame("(in the presence of)", "noun", "CONSULT", "meet")


# "The ministry will not lift the tariffs": a stated refusal is the speaker's REJECT; the act
# refused stays a negated mention of its own type. Its trigger is the negation (stances.py).
_STANCES = (REFUSAL, CONDITIONAL_THREAT, ULTIMATUM, RESERVED_RIGHT)


# "X offered to extradite the suspects", "Y is ready to send troops", "Z vowed to retaliate":
# a stated intent is the speaker's own act (PLOVER: AGREE covers offers and promises to
# cooperate; THREATEN, intents of force); the act intended stays a future mention of its own.
_INTENT_TO_COOPERATE = Frame("(intent to cooperate)", "verb", "AGREE")
_INTENT_OF_FORCE = Frame("(intent of force)", "verb", "THREATEN")
_INTENDED_ACT = Frame("(intended act)", "verb", "AGREE")   # reads the act's sides, any directed type
_INTENT_GOVERNORS = english.wordset("intent_governors")
_FORCEFUL_TYPES = english.wordset("forceful_types")


def _intent(act: Token, act_type: str) -> tuple[Token, Frame] | None:
    """The governor of 'offered / promised / is willing to <act>' ('ready to call a strike': the
    act is the light verb's noun) and the frame it is read with."""
    if act.dep_ == "dobj" and act.head.dep_ == "xcomp":
        act = act.head
    governor = act.head
    if act.dep_ != "xcomp" or governor.lemma_.lower() not in _INTENT_GOVERNORS:
        return None
    if governor.dep_ == "acomp" and _demand(governor.head) is not None:
        return None   # 'said Y must be ready to talk': a demand on Y, not Y's offer
    if act_type in _FORCEFUL_TYPES and any(c.dep_ == "neg" for c in act.children):
        return None   # 'vowed not to shell the city': a promise to refrain, no threat
    return governor, (_INTENT_OF_FORCE if act_type in _FORCEFUL_TYPES else _INTENT_TO_COOPERATE)


# "Kenya said Somalia must hand back the boats": the speaker demands (REQUEST) what another
# side must do; "the union said it would blockade the port": the speaker threatens its own
# force. The trigger is the modal; the act stays a mention of its own that has not happened.
_DEMAND = Frame("(must)", "verb", "REQUEST")
_STATED_THREAT = Frame("(will, by force)", "verb", "THREATEN")
_SPEECH_VERBS = english.wordset("speech_verbs")
_OBLIGATION_AUX = english.wordset("obligation_auxiliaries")
_STATED = (_INTENT_TO_COOPERATE, _INTENT_OF_FORCE, _DEMAND, _STATED_THREAT)
# What a side says it will do for another is a promise (PLOVER: AGREE); a visit it says it will
# pay is a plan, not a promise (an unhappened CONSULT).
_PROMISED_TYPES = english.wordset("promised_types")


def _stated_act(act: Token, act_type: str) -> tuple[Token, Frame] | None:
    """The modal of '<speaker> said <other> must <act>' (a demand), '<speaker> said it would
    <act of force>' (a threat) or '<speaker> said it will <act for another>' (a promise), with
    the frame it is read with."""
    verb = act.head if act.dep_ == "dobj" and act.head.pos_ == "VERB" else act
    if verb.dep_ != "ccomp" or lemma_of(verb.head) not in _SPEECH_VERBS:
        return None
    speakers, subjects = children(verb.head, "nsubj"), children(verb, "nsubj", "nsubjpass")
    if not speakers or not subjects or any(c.dep_ == "neg" for c in verb.children):
        return None
    own = all(s.lower_ in PRONOUNS or s.text == speakers[0].text for s in subjects)
    for aux in children(verb, "aux"):
        if aux.lower_ in _OBLIGATION_AUX and not own and act_type == _DEMAND.type:
            return aux, _DEMAND
        if aux.lower_ in WILL_AUX and own and act_type in _FORCEFUL_TYPES:
            return aux, _STATED_THREAT
        if aux.lower_ in WILL_AUX and own and act_type in _PROMISED_TYPES:
            return aux, _INTENT_TO_COOPERATE   # "Hungary said it will back the resolution": a promise
    return None


def _readiness(be: Token) -> Token | None:
    """The adjective of 'must be ready / willing / prepared to <act>', when `be` holds one."""
    if lemma_of(be) != "be":
        return None
    return next((a for a in children(be, "acomp") if a.lemma_.lower() in _INTENT_GOVERNORS), None)


def _demand(verb: Token) -> tuple[Token, Frame] | None:
    """'<speaker> said <side> must <do anything>': a demand whatever the act is; not 'A and B
    must cooperate', a call for joint action that mostly counts the speaker's own side in."""
    subjects = children(verb, "nsubj", "nsubjpass")
    if not any(names_a_side(s) for s in subjects) or \
            any(c.dep_ == "conj" for s in subjects for c in s.children):
        return None
    return _stated_act(verb, _DEMAND.type)


def _act_verb(act: Token) -> Token:
    """The verb an act's word is told with: its own, or the light verb whose object it is
    ('will extend the strike')."""
    return act.head if act.dep_ == "dobj" and act.pos_ != "VERB" else act


def _conditional(act: Token, act_type: str) -> tuple[Token, Frame] | None:
    """'would storm the barracks if the garrison does not surrender': an act of force a side
    will take on a condition is its threat now (the light verb carries it: 'will extend the strike')."""
    if act_type not in _FORCEFUL_TYPES or act_type == "THREATEN":
        return None
    modal = conditional_threat(_act_verb(act))
    return (modal, CONDITIONAL_THREAT) if modal is not None else None


def _refused(act: Token, act_type: str) -> tuple[Token, Frame] | None:
    """'will not lift the tariffs' / 'will not call off the boycott' (the light verb carries the refusal)."""
    if act_type == REFUSAL.type:
        return None
    verb = _act_verb(act)
    negation = refusal_negation(verb) if verb.pos_ == "VERB" else None
    return (negation, REFUSAL) if negation is not None else None


def _with_speech_acts(found: list[Trigger], scores: _DetectorScores) -> list[Trigger]:
    """Add the speaker's refusal, intent, demand or threat for each act they govern (an intent
    governor that is a trigger of its own is retyped: "pledged to send aid" is no SUPPORT). A
    refusal's trigger is its negation, whose own score says nothing; it takes the act's."""
    at = {trigger.token.i: n for n, trigger in enumerate(found)}
    for token, frame, p_event in list(found):
        if frame in _STATED or frame in _STANCES:
            continue
        refusal = _refused(token, frame.type)
        if refusal is not None and refusal[0].i not in at:
            at[refusal[0].i] = len(found)
            found.append(Trigger(*refusal, p_event))   # the detector's view of the act refused
        stated = _intent(token, frame.type) or _stated_act(token, frame.type) or _conditional(token, frame.type)
        if stated is None:
            continue
        governor, stated_frame = stated
        if governor.i in at:
            found[at[governor.i]] = found[at[governor.i]]._replace(frame=stated_frame)
        else:
            at[governor.i] = len(found)
            found.append(Trigger(governor, stated_frame, scores.p_event_at(governor.idx)))
    return found


def _present_people(token: Token) -> int:
    objects = prep_objects(token, {"of"})
    return sum(1 for o in objects for m in [o, *[c for c in o.subtree if c.dep_ == "conj"]]
               if entity_of(m) is not None and entity_of(m).label_ == "PERSON")


def _joint_subject(token: Token) -> bool:
    subjects = children(token, "nsubj")
    people = set()
    for subject in subjects:
        for member in [subject, *[c for c in subject.subtree if c.dep_ == "conj"]]:
            ent = entity_of(member)
            if ent is not None and ent.label_ == "PERSON" or lemma_of(member) in TITLE_NOUNS and member.dep_ in ("conj", "nsubj"):
                people.add(member.i if ent is None else ent.start)
    return len(people) >= 2 and any(c.dep_ == "conj" for s in subjects for c in s.children)


def _noun_frame(token: Token) -> Frame | None:
    """A noun's frame, by lemma or else by its own spelling ("talks")."""
    frames = english.frames
    lemma = lemma_of(token)
    joined = _hyphen_joined(token, lemma)
    if joined is not None and frames.family(joined, "noun"):
        return frames.first_passing(token, joined, "noun")   # 'a cease-fire' is a ceasefire
    if frames.family(lemma, "noun"):
        return frames.first_passing(token, lemma, "noun")
    return frames.first_passing(token, token.lower_, "noun")


def _hyphen_joined(token: Token, lemma: str) -> str | None:
    """The word a hyphenated spelling writes ('cease-fire' -> 'ceasefire'), read at its last part."""
    if token.i < 2 or token.doc[token.i - 1].text not in ("-", "‐") or token.doc[token.i - 1].whitespace_ \
            or token.doc[token.i - 2].whitespace_:
        return None
    spelled = f"{token.doc[token.i - 2].lower_}-{token.lower_}"
    return token.doc[token.i - 2].lower_ + lemma if spelled in _HYPHEN_SPELLINGS else None


# The learned detector (analyze/detector.py) decides with the frames: a frame's trigger the
# detector finds very unlikely to name an event is dropped, one it is sure of takes the
# detector's type unless the frame's own argument check passed (that check is the narrower
# evidence: a missile fired at nothing is a show of force, whatever "fired" usually means); a verb or noun no frame knows becomes a trigger of the detector's type when
# it is likely enough. Thresholds from the detector's cross-validation on the training text
# (token precision ~0.89 at 0.7); 0.5 and 0.7 were both tried on the dev sets.
DETECT_P_EVENT = 0.7
DROP_P_EVENT = 0.02
# A frame whose argument check found its arguments is dropped only below this: the lowest of
# 0.002, 0.005, 0.01, 0.02 that kept the seeds' events on the rebuilt detector of December's
# sixth session without lowering any other figure.
CHECKED_DROP_P_EVENT = 0.005
RETYPE_P_EVENT = 0.7
_DETECTABLE_POS = frozenset({"VERB", "NOUN"})
DETECTED = "detector"    # Frame.where of a frame the detector made (vocabulary frames: file:line)


class Trigger(NamedTuple):
    """A word that reports an event, the frame it is read with, and the detector's calibrated
    P(the word names an event), kept on the mention (None where the detector has no word there)."""

    token: Token
    frame: Frame
    p_event: float | None


def _month_of_a_date(token: Token) -> bool:
    """'going ahead on 14 March': a month's name in a date, not a march."""
    return token.lower_ in MONTHS and token.text[:1].isupper() and (
        token.ent_type_ in ("DATE", "TIME") or any(t.like_num for t in token.doc[max(token.i - 1, 0): token.i + 2]))


def find_triggers(doc: Doc) -> list[Trigger]:
    scores = _DetectorScores(text_of(doc))
    found = []
    framed, excluded = _frame_triggers(doc)
    for token, frame in framed:
        if _month_of_a_date(token):
            continue
        score = scores.at(token.idx)
        if score is not None and frame.where not in ("", DETECTED):   # a vocabulary frame
            p_event, best_type = score
            # a frame whose argument check found its arguments ('a crime by the group') has
            # evidence of its own: only a near-certain "no event" drops it
            checked = frame.check is not None and not frame.excludes
            if p_event < (CHECKED_DROP_P_EVENT if checked else DROP_P_EVENT):
                continue
            if p_event >= RETYPE_P_EVENT and best_type != frame.type and frame.check is None:
                frame = _detected_frame(token, best_type)
        found.append(Trigger(token, frame, scores.p_event_at(token.idx)))
    known = {trigger.token.i for trigger in found} | excluded
    for token in doc:
        score = scores.at(token.idx)
        if score is None or score[0] < DETECT_P_EVENT or token.pos_ not in _DETECTABLE_POS or token.dep_ == "amod" \
                or _month_of_a_date(token):
            continue
        last = scores.last_part(token)
        if last is not token:
            # 're-arrested', 'counter-offensive': the word's last part says what happened (and
            # is the trigger, however the tagger took it: 'offensive' may come out an adjective)
            if last.i in known:
                continue
            token = last
        head = _phrase_head(token)    # "drone strike", "air strikes": the head noun reports it
        if head.i != token.i and token.tag_ in ("NN", "VBG") and not _names_an_event(head, scores):
            # "bombing suspects", "protest leaders": the modifier says who, not what happened (a
            # plural is more often a headline's verb the parser took for one: "Norway sanctions …")
            continue
        if head.i not in known:
            known.add(head.i)
            found.append(Trigger(head, _detected_frame(head, score[1]), scores.p_event_at(token.idx)))
    # "approved a motion of censure", "approved aid": a light verb whose own frame (vocabulary)
    # would make it an event yields to the event it carries
    carried = {t.token.head.i for t in found if t.token.dep_ == "dobj" and lemma_of(t.token.head) in _LIGHT_VERBS}
    # "dropped bombs", "lobbed mortar rounds": the verb is the attack's, whatever else it may
    # mean, and the weapon names the attack
    dropped = {w.i: t for t in found for w in children(t.token, "dobj") if _drops_weapon(t.token, w)}
    known = {t.token.i for t in found}
    found += [Trigger(doc[i], _detected_frame(doc[i], "ASSAULT"), t.p_event) for i, t in dropped.items() if i not in known]
    dropping = {t.token.i for t in dropped.values()}
    # "established diplomatic ties", "violated the ceasefire": an object the verb's frame is
    # read by is that event's, not one of its own
    reading = [t for t in found if t.frame.check in _OBJECT_READING_CHECKS]
    read_by_verb = {o.i for t in reading for o in children(t.token, "dobj")} | \
        {o.i for t in found if t.frame.check == "left_a_pact" for o in left_objects(t.token)}   # 'pulled out of the talks'
    carried -= {t.token.i for t in reading}
    # "called the arrests an assault on democracy": the label says what the named act was, and is
    # no act of its own
    labels = {o.i for t in found for o in children(t.token, "oprd") if children(t.token, "dobj")}
    # "fired water cannon", "used tear gas": the weapon is the firing's, which is an event already
    triggered = {t.token.i for t in found}
    wielded = {t.token.i for t in found if (user := force_user(t.token)) is not None and user.i in triggered}
    found = [t for t in found if (t.token.i not in carried or t.frame.where in ("", DETECTED)) and t.token.i not in read_by_verb
             and t.token.i not in dropping and t.token.i not in labels and t.token.i not in wielded
             and not _names_itself(t.token)
             and not (t.frame.type == "ASSAULT" and caused_by_hazard(t.token))]   # floods, crashes
    return sorted(_with_speech_acts(found, scores), key=lambda trigger: trigger.token.i)


def _names_itself(verb: Token) -> bool:
    """'soldiers who call themselves the Council': a name taken, no act."""
    return any(c.dep_ == "dobj" and c.lower_ in ("themselves", "itself", "himself", "herself") for c in verb.children) \
        and any(c.dep_ in ("oprd", "attr", "ccomp") for c in verb.children)


def _names_an_event(noun: Token, scores: "_DetectorScores") -> bool:
    """Whether a noun may report an event itself: the vocabulary has frames for it, or the
    detector would not veto it (P(event) at least DROP_P_EVENT)."""
    if english.frames.family(lemma_of(noun), "noun") or english.frames.family(noun.lower_, "noun"):
        return True
    score = scores.at(noun.idx)
    return score is not None and score[0] >= DROP_P_EVENT


class _DetectorScores:
    """The detector's (P(event), best type) for the word holding a character offset. The
    detector's words and spaCy's tokens differ ("counter-attack" is one word, three tokens):
    a token takes the score of the word it lies in."""

    def __init__(self, text: str):
        scored = _scored(text)
        self.starts = [start for start, _, _, _ in scored]
        self.scored = scored

    def _word_at(self, offset: int) -> int | None:
        """The index of the detector's word holding the offset; None between words."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index if index >= 0 and offset < self.scored[index][1] else None

    def at(self, offset: int) -> tuple[float, str] | None:
        index = self._word_at(offset)
        return None if index is None else self.scored[index][2:]

    def last_part(self, token: Token) -> Token:
        """The last word-like token of the detector's word holding this one ('re-took' -> 'took');
        the token itself when it is the last."""
        index = self._word_at(token.idx)
        if index is None:
            return token
        end = self.scored[index][1]
        last = token
        for later in token.doc[token.i + 1:]:
            if later.idx >= end:
                break
            if later.is_alpha:
                last = later
        return last

    def p_event_at(self, offset: int) -> float | None:
        """P(event) of the word holding the offset, as kept on a mention (4 decimals)."""
        score = self.at(offset)
        return None if score is None else round(score[0], 4)


@functools.lru_cache(maxsize=1024)
def _scored(text: str) -> list[tuple[int, int, float, str]]:
    # The filter scores a sentence before it is parsed, the reader again after: once is enough.
    return load_detector().event_scores_with_ends(text)


def worth_parsing(text: str, trigger_words: list[tuple[int, bool]]) -> bool:
    """Whether parsing a sentence can yield a mention: some word the detector is sure enough of
    to make a trigger, or a vocabulary word it would not veto (find_triggers drops frame
    triggers under DROP_P_EVENT), or a word a construction looks for."""
    scores = _DetectorScores(text)
    if any(p_event >= DETECT_P_EVENT for _, _, p_event, _ in scores.scored):
        return True
    for offset, construction in trigger_words:
        score = scores.at(offset)
        if construction or score is None or score[0] >= DROP_P_EVENT:
            return True
    return False


def _detected_frame(token: Token, type_: str) -> Frame:
    return Frame(lemma=lemma_of(token), pos="verb" if token.pos_ == "VERB" else "noun", type=type_,
                 mode="meet" if type_ == "CONSULT" else None, where=DETECTED)


def _phrase_head(token: Token) -> Token:
    while token.dep_ == "compound" and token.head != token:
        token = token.head
    return token


def _ordered_out(verb: Token) -> list[Token]:
    """Who an order sends away: the person or body it is given to ('gave the envoy two
    days', 'ordered the attache'), or the subject of its passive ('the envoy was given')."""
    _, passive = subject_of(verb)
    told = children(verb, "nsubjpass") if passive else children(verb, "dobj", "dative")
    # a person or an envoy: troops or residents told to leave are withdrawn or evacuated
    return [t for t in told if (entity_of(t) is not None and entity_of(t).label_ in ("PERSON", "NORP", "GPE", "ORG"))
            or lemma_of(t) in TITLE_NOUNS]


def _country_left(verb: Token) -> list[Token]:
    """The country an order tells its addressee to leave ('to leave Mali'), if it names one."""
    return [o for t in verb.subtree if t.pos_ == "VERB" and lemma_of(t) == "leave" for o in children(t, "dobj")
            if is_country(o.text)]


def _told_to_leave(verb: Token) -> bool:
    """'ordered X to leave', 'gave X two days to leave': a 'leave' the order governs, directly
    or through the time given, and someone sent away."""
    leaving = [t for t in verb.subtree if t.pos_ == "VERB" and lemma_of(t) == "leave"
               and (t.head == verb or t.head.head == verb)]
    return bool(leaving) and bool(_ordered_out(verb))


def _frame_triggers(doc: Doc) -> tuple[list[tuple[Token, Frame]], set[int]]:
    """Triggers the frames (vocabulary data) and the built-in constructions find, and the
    tokens an exclusion check says report no event (the detector may not take them)."""
    frames = english.frames
    found, excluded = [], set()
    for token in _candidate_tokens(doc):
        if token.pos_ == "VERB" and lemma_of(token) in _JOINT_VERBS and _joint_subject(token):
            found.append((token, _JOINT_MEETING))
        if lemma_of(token) == "presence" and _present_people(token) >= 2:
            found.append((token, _PRESENCE))
        if token.pos_ == "VERB" and lemma_of(token) in ("declare", "name") and "persona non grata" in \
                token.doc[token.i: min(len(token.doc), token.i + 20)].text.lower():
            found.append((token, _EXPULSION))
        if token.pos_ == "VERB" and lemma_of(token) in _ORDERING_VERBS and _told_to_leave(token):
            found.append((token, _ORDERED_OUT))
        if token.dep_ == "ccomp" and (token.pos_ == "VERB" or _readiness(token) is not None):
            demand = _demand(token)
            if demand is not None:
                found.append(demand)
        if token.pos_ == "VERB" and token.dep_ == "amod" and token.tag_ in ("VBG", "VBN"):
            # "the striking teachers", "the ruling party", "coordinated attacks", "the detained
            # editor": what they are, no event of their own
            excluded.add(token.i)
        elif token.pos_ == "VERB" and _uses_crowd_weapon(token):
            found.append((token, _FORCE_USED))
        elif token.pos_ == "VERB":
            frame = frames.first_passing(token, lemma_of(token), "verb")
            if frame is None and frames.excludes(lemma_of(token), "verb"):
                excluded.add(token.i)
            if frame is not None:
                found.append((token, frame))
        elif token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.dep_ != "compound") or _noun_after_hyphen(token):
            if token.dep_ == "compound" and (frames.family(lemma_of(token.head), "noun")
                                             or frames.family(token.head.lower_, "noun")):
                continue   # "phone call", "peace talks": the head noun is the trigger
            frame = _noun_frame(token)
            if frame is None and frames.excludes(lemma_of(token), "noun"):
                excluded.add(token.i)   # 'parliament held an emergency session': its own sitting
            if frame is not None:
                found.append((token, frame))
    return found + stance_triggers(doc), excluded


# Where a noun stands: an adjective there after a hyphen is the noun the tagger missed
# ('launched a counter-offensive': 'offensive' tagged ADJ).
_NOUN_SLOTS = ("dobj", "nsubj", "nsubjpass", "pobj")


def _noun_after_hyphen(token: Token) -> bool:
    return token.pos_ == "ADJ" and token.dep_ in _NOUN_SLOTS and token.i > 0 and token.doc[token.i - 1].text == "-" \
        and token.doc[token.i - 1].idx + 1 == token.idx


def _candidate_tokens(doc: Doc) -> list[Token]:
    """The tokens a frame or a construction may start from, found on the doc's arrays (making a
    Token for every word costs more than the tests): verbs and nouns whose lemma or form a frame
    or construction names, verbs heading a reported clause, participles modifying a noun."""
    strings = doc.vocab.strings
    nouns, verbs = string_ids(strings, _CANDIDATE_NOUNS), string_ids(strings, _CANDIDATE_VERBS)
    ccomp, amod, be = strings.as_int("ccomp"), strings.as_int("amod"), strings.add("be")
    noun_slots = {strings.add(dep) for dep in _NOUN_SLOTS}
    participles = {strings.as_int("VBG"), strings.as_int("VBN")}
    found = []
    for i, (pos, lemma, lower, dep, tag) in enumerate(doc.to_array(_CANDIDATE_ATTRS).tolist()):
        if pos == VERB_POS:
            if lemma in verbs or lower in verbs or dep == ccomp or (dep == amod and tag in participles):
                found.append(doc[i])
        elif (pos == NOUN_POS or pos == PROPN_POS or pos == ADJ_POS and dep in noun_slots) and (lemma in nouns or lower in nouns):
            found.append(doc[i])
        elif pos == AUX_POS and dep == ccomp and lemma == be:
            found.append(doc[i])   # 'said Y must be ready to <act>' (a demand)
    return found


def _with_fixed_forms(lemmas: set[str]) -> frozenset[str]:
    """The lemmas and the forms the parser's lemma fixes map to them."""
    return frozenset(lemmas | {form for form, lemma in LEMMA_FIXES.items() if lemma in lemmas})


# The noun and verb words a frame or construction can start from.
# (and the last part of a noun the vocabulary knows written with a hyphen: 'fire' of 'cease-fire')
_HYPHEN_SPELLINGS = english.wordset("hyphen_spellings")
_HYPHEN_ENDS = {spelling.rpartition("-")[2] for spelling in _HYPHEN_SPELLINGS}
_CANDIDATE_NOUNS = _with_fixed_forms(set(english.frames.lemmas("noun")) | {"presence"} | _HYPHEN_ENDS)
_CANDIDATE_VERBS = _with_fixed_forms(set(english.frames.lemmas("verb")) | _JOINT_VERBS | _ORDERING_VERBS | {"declare", "name"}
                                     | english.wordset("force_using_verbs"))
_CANDIDATE_ATTRS = [POS, LEMMA, LOWER, DEP, TAG]


def _light_verb(noun: Token) -> Token | None:
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and lemma_of(head.head) in _PART_NOUNS:
        return _light_verb(head.head)   # "held a second round of talks": the round is held
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and lemma_of(head) in _LIGHT_VERBS:
        return head
    if _drops_weapon(head, noun):
        return head   # "warplanes dropped bombs on the village": the bombing is the warplanes'
    if (user := force_user(noun)) is not None:
        return user   # "riot police used batons and tear gas against supporters": the police's
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "at", "for") and \
            lemma_of(head.head) in ("participate", "take", "join", "arrive", "land", "come", "travel"):
        return head.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "with" and lemma_of(head.head) in _ANSWERING_VERBS:
        return head.head   # "the army retaliated with air strikes": the strikes are the army's
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in MEANS_PREPS and lemma_of(noun) in _CALL_MEDIA \
            and head.head.pos_ == "VERB":
        return head.head   # "spoke by telephone with X": the call is the speaking's, with its sides
    return None


# Parts of an act's time that stand for the act ('at the end of a visit'): the clause's subject took part in it.
_SPAN_NOUNS = english.wordset("span_nouns")
_CALL_MEDIA = english.wordset("call_media")
# Verbs whose 'with' object is the act they answer with.
_ANSWERING_VERBS = english.wordset("answering_verbs")


def _governing_verb(noun: Token) -> Token | None:
    """'said during his meeting with X': the verb whose subject the meeting belongs to."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and lemma_of(head.head) in _SPAN_NOUNS and head.head.dep_ == "pobj":
        return _governing_verb(head.head)   # 'left at the end of a visit', 'on the last day of talks'
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("during", "at", "in", "after", "on", "following", "before"):
        return head.head if head.head.pos_ in ("VERB", "AUX") else None
    if noun.dep_ == "pcomp":
        return head.head if head.head.pos_ in ("VERB", "AUX") else None
    # "the senate voted for her impeachment", "voted in favour of the suspension": the voters' act
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("favour", "favor"):
        head = head.head.head
    if noun.dep_ == "pobj" and head.lower_ in ("for", "in") and lemma_of(head.head) == "vote":
        return head.head
    return None


def _is_destination(obj: Token) -> bool:
    """'a visit to Japan', 'talks in Cairo': a place, not a party to the meeting."""
    ent = entity_of(obj)
    return obj.head.lower_ in ("to", "in", "at") and (
        (ent is not None and ent.label_ in ("GPE", "FAC", "LOC")) or obj.ent_type_ in ("GPE", "FAC", "LOC"))


_HOSTED_VISITS = english.wordset("hosted_visit_modifiers")


def _state_visited(frame: Frame, visit: Token, obj: Token) -> bool:
    """'a state visit to Angola', 'an official visit to Peru': the state was host, a party to it
    (a trip 'to Angola' alone may be to anyone there)."""
    return frame.mode == "visit" and obj.head.lower_ == "to" and is_country(obj.text) \
        and any(c.lower_ in _HOSTED_VISITS for c in visit.children if c.dep_ in ("amod", "compound"))


_BLOCKING_ACTS = english.wordset("blocking_acts")


def _protest_destination(frame: Frame, obj: Token) -> bool:
    """'marched to Congress', 'the march on the ministry': where a protest went, not a side; so
    is what a protest blocks ('blocked Route 9', 'a blockade of the port')."""
    if frame.type != "PROTEST":
        return False
    act = obj.head.head if obj.head.lower_ == "of" else obj.head if obj.dep_ == "dobj" else None
    return obj.head.lower_ in ("to", "on") or act is not None and lemma_of(act) in _BLOCKING_ACTS


def _protesters_of(frame: Frame, obj: Token) -> bool:
    """'a rally of nurses', 'a march of Kurdish students': who protested (not 'a blockade of the highway')."""
    return frame.type == "PROTEST" and obj.head.lower_ == "of" and (lemma_of(obj) in SIDE_NOUNS or obj.ent_type_ == "NORP")


def _verb_tagged_noun(token: Token) -> bool:
    """'WACSM calls on the authorities to …': a verb the tagger took for a plural noun, which
    the parser still gives a subject of its own (a noun's subject hangs on its copula)."""
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and bool(children(token, "nsubj"))


def read_trigger(token: Token, frame: Frame, refer) -> Found:
    """A trigger's reading: its type and mode, modality, sides and the words that may name its place."""
    if frame in (_DEMAND, _STATED_THREAT, _INTENT_TO_COOPERATE, _INTENT_OF_FORCE) or frame in _STANCES:
        stated = _read_speech_act(token, frame, refer)
        if stated is not None:
            return stated
    found = Found(token, frame.type, frame.mode, modality_of(token))
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _LONG_SPANS:
        found.modality = "generic"   # "months of talks": a process, not one meeting
    if token.pos_ == "NOUN" and token.tag_ == "NNS" and any(
            c.lower_ in _GENERIC_QUANTIFIERS for c in token.children if c.dep_ in ("amod", "det", "nummod")):
        found.modality = "generic"   # "has held several summits before": no one event
    sides = _Sides(frame.type != "CONSULT", refer)
    if token.pos_ == "VERB" or _verb_tagged_noun(token):
        _read_verb(found, token, frame, sides)
    else:
        _read_noun(found, token, frame, sides)
    if frame.type == "AGREE" and found.modality == "negated" and _failed(token):
        # "failed to reach agreement on the treaty": the sides turned each other down
        found.type, found.modality = "REJECT", "asserted"
    if frame is _EXPULSION:
        # "declared four Loranian attaches persona non grata": who is expelled stands before "persona".
        doc = token.doc
        end = next((t.i for t in doc[token.i:] if t.lower_ == "persona"), token.i)
        for ent in doc[token.i + 1:end].ents:
            # ('of the embassy of Peru in Santiago': the town the embassy is in is no one expelled,
            # whatever NER calls it)
            if ent.label_ in ("GPE", "ORG", "NORP", "PERSON") and not (ent.label_ in ("GPE", "ORG") and is_city(ent.text)
                                                                       and not is_country(ent.text)):
                found.recipients.extend(sides.other(ent.root))
    if frame is _ORDERED_OUT:
        found.recipients = [p for t in _ordered_out(token) for p in sides.other(t)]
        if not found.actors:
            # "the consul was told to leave Lithuania within five days": the country left sends away
            found.actors = [p for t in _country_left(token) for p in sides.acting(t)]
    if frame.type == "CONSULT" and token.pos_ == "VERB" and not found.recipients and frame is not _JOINT_MEETING and \
            (any(is_person_like(o) for o in children(token, "dobj")) or any(p.lower_ == "with" for p in children(token, "prep"))):
        found.modality = "unresolved"   # "greeted them": the other side is not named
    _read_by_type(found, token, frame, sides)
    found.actors = _unique(found.actors)
    # "suspended trade between SADC member states and Lesotho": the actor is no recipient
    found.recipients = [r for r in _unique(found.recipients) if not any(same_body(r.name, a.name) for a in found.actors)]
    if found.type not in _DONE_TO_PEOPLE or not found.actors or not all(map(is_people_acted_on, found.recipients)):
        # "attacked an army post, killing two soldiers and a civilian": the side attacked is the
        # army; people told only by what they are are its casualties, not a side of their own
        # (nor are 'women and children' whose protection a truce promises); and 'nine people
        # were killed', told without who killed them, says no side: the report's other words do
        found.recipients = [r for r in found.recipients if not is_people_acted_on(r)]
    return found


def _read_by_type(found: Found, token: Token, frame: Frame, sides: _Sides) -> None:
    """What a type or a frame's check adds to the reading, in this order: lands attacked, what
    is named a wrong, a force sent abroad, two states sharing a border, penalties agreed on, a
    body forced out, a crowd that protests."""
    if frame.type == "ASSAULT" and not found.recipients:
        # "launched an offensive in eastern Ukraine", "strikes in Syria", "a raid into Lebanon":
        # a land, not a town, is attacked
        invaded = _objects_with_carrier(token, {"into"}) if token.pos_ == "NOUN" else prep_objects(token, {"into"})
        found.recipients.extend(p for t in found.place_tokens + invaded if _is_land(t) for p in sides.other(t))
    if frame.check == "named_wrong":
        found.recipients.extend(p for t in _named_wrong(token) for p in sides.other(t))
        if not found.recipients:
            found.modality = "unresolved"   # 'the message, described as a coup': whose, the words do not say
    if frame.check == "called_in":
        # 'the ambassador was called to the Russian foreign ministry': the ministry summoned him
        summoners = [p for t in prep_objects(token, {"to"}) for p in sides.other(t)]
        found.recipients = [r for r in found.recipients if not any(same_body(r.name, s.name) for s in summoners)]
        found.actors.extend(replace(s, role="actor") for s in summoners)
    if frame.type == "MOBILIZE":
        _read_force_sent(found, token, sides)
    if frame.type == "AID" and token.pos_ == "VERB":
        _read_aid_given(found, token, sides)
    if frame.type == "ASSAULT" and len(found.actors) + len(found.recipients) < 2:
        # "the clash on the Kyrgyz–Tajik border", "fighting on the India-China frontier": the two
        # states whose border it is
        pair = _border_states(token)
        if pair:
            found.actors, found.recipients = pair[:1], pair[1:]
    if frame.type == "AGREE" and token.pos_ == "VERB":
        punitive = [m for m in children(token, "dobj") + prep_objects(token, {"on", "to", "upon"})
                    if lemma_of(m) in _PUNITIVE_MEASURES]
        if punitive:
            # "EU ministers agreed on new penalties against Iran": the bloc imposing them, as
            # "imposed" would say; its members agreeing among themselves is no second side
            found.type = "SANCTION"
            found.recipients.extend(p for m in punitive for o in prep_objects(m, {"against", "on"}) for p in sides.other(o))
    if frame.type == "COERCE" and _forced_out(token) and found.recipients and all(map(_is_a_body, found.recipients)):
        found.type = "SANCTION"   # 'forced the aid agency out of the country': an expulsion, as 'expelled' is
    if frame.type in _CROWD_TYPES and not found.actors:
        found.actors.extend(_crowd_of_protest(token))
    if frame.type == "PROTEST":
        organisers = [p for t in _organisers(token) for p in sides.acting(t)]
        if organisers and all(map(is_crowd, found.actors)):
            found.actors = organisers   # the crowd marched for whoever organised the march
    if frame.type == "PROTEST" and not found.recipients:
        found.recipients.extend(p for t in _protested(token) for p in sides.other(t))
    if frame.type == "REQUEST" and token.pos_ == "VERB":
        _read_called_punishment(found, token, sides)
    if frame.type == "REQUEST" and not found.recipients:
        # 'demanded the resignation of the mining minister': the demand is pressed on the one to go
        found.recipients.extend(p for act in children(token, "dobj") if lemma_of(act) in _OWN_ACTS_DEMANDED
                                for o in prep_objects(act, {"of"}) for p in sides.other(o))
    if frame.type in ("PROTEST", "REQUEST") and not found.recipients:
        # 'marched against the new pension law', 'demanded the repeal of the decree': against
        # the government whose measure it is (home.py names whose, or drops it)
        measure = next(iter(_measures_opposed(token)), None)
        if measure is not None:
            found.recipients.append(Participant(name="government", role="recipient", kind="GROUP",
                                                start=measure.idx, end=measure.idx + len(measure.text)))


def _read_called_punishment(found: Found, call: Token, sides: _Sides) -> None:
    """'called for sanctions against Georgian officials': no one is asked, the officials are
    accused (rallying opposition against them, PLOVER's ACCUSE); 'called on the EU to impose
    sanctions on Belarus' asks the EU, and Belarus is what it is asked about, not whom."""
    measures = [m for m in prep_objects(call, {"for"}) + children(call, "dobj") if lemma_of(m) in _PUNITIVE_MEASURES]
    imposing = [c for c in children(call, "xcomp", "ccomp") if any(lemma_of(o) in _PUNITIVE_MEASURES for o in children(c, "dobj"))]
    measures += [o for clause in imposing for o in children(clause, "dobj") if lemma_of(o) in _PUNITIVE_MEASURES]
    # ('sanctions against X', or 'impose sanctions on X' with the 'on' hung on the verb)
    aimed = [t for m in measures for t in prep_objects(m, {"against", "on"})] + \
        [t for clause in imposing for t in prep_objects(clause, {"against", "on"})]
    targets = [p for t in aimed for p in sides.other(t)]
    if not targets:
        return
    asked = [r for r in found.recipients if not any(same_body(r.name, t.name) for t in targets)]
    if asked:
        found.recipients = asked
    else:
        found.type, found.recipients = "ACCUSE", targets


_PROTESTED_BUILDINGS = english.wordset("protested_buildings")
_PROTESTED_MEASURES = english.wordset("protested_measures")
_BUILDING_PREPS = frozenset({"outside", "at", "before", "opposite", "near", "around"})
_BUILDING_PARTS = english.wordset("building_parts")   # 'the court building': the court's


def _with_light_verb(act: Token) -> list[Token]:
    """The act's word and the light verb carrying it, if any ('staged a protest')."""
    return [act] + ([light] if (light := _light_verb(act)) is not None else [])


def _against(verbs: list[Token]) -> list[Token]:
    """What an act's words say it is against: 'against the law', 'over the tax', 'protested the hike'."""
    return [o for v in verbs for o in prep_objects(v, {"against", "over"})] + \
        [o for v in verbs if lemma_of(v) == "protest" for o in children(v, "dobj")]


def _demands_with(verbs: list[Token]) -> list[Token]:
    """The demanding clauses an act's words carry: 'a march demanding the resignation of …'."""
    return [c for v in verbs for c in children(v, "acl", "advcl", "xcomp", "relcl") if lemma_of(c) in _DEMANDING_VERBS]


def _protested(protest: Token) -> list[Token]:
    """Whom a protest is against, where its words say: the body whose building it gathers at
    ('outside the Uzbek embassy': Uzbekistan; 'in front of the Constitutional Court'; 'picketed
    the consulate'), or whose measure it opposes ('against Argentina's new tariffs')."""
    verbs = _with_light_verb(protest)
    places = [o for v in verbs for o in prep_objects(v, _BUILDING_PREPS) + children(v, "dobj")]
    # 'blocked a road outside the Nigerian High Commission': the building the blocked thing is by
    places += [o for v in verbs for d in children(v, "dobj") for o in prep_objects(d, _BUILDING_PREPS)]
    places += [o for v in verbs for front in prep_objects(v, {"in"}) if front.lower_ == "front"
               for o in prep_objects(front, {"of"})]
    found = []
    for place in places:
        if lemma_of(place) in _BUILDING_PARTS:
            # 'the court building', 'the district police station': the word right before the part
            place = next(iter(children(place, "compound")[::-1] + _owners(place)), place)
        if lemma_of(place) not in _PROTESTED_BUILDINGS:
            continue
        states = [c for c in place.children if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE")]
        found.extend(states or _owners(place) or [place])
    found.extend(owner for o in _against(verbs) if lemma_of(o) in _PROTESTED_MEASURES for owner in _owners(o))
    # 'a march demanding the resignation of the minister': the one whose going it demands
    ousters = [o for d in _demands_with(verbs) for o in children(d, "dobj") + prep_objects(d, {"for"})
               if lemma_of(o) in _OUSTER_NOUNS]
    found.extend(owner for o in ousters for owner in _owners(o))
    return found


_DEMANDING_VERBS = english.wordset("demanding_verbs")
_UNDOING_NOUNS = english.wordset("undoing_nouns")


def _measures_opposed(act: Token) -> list[Token]:
    """The measures a protest or a demand opposes whose maker its words do not name: 'against
    the new pension law', 'in protest at the new fuel levy', 'protested the tuition hike',
    'to demand the repeal of the decree' ('against Kenya's new tax' names its maker: _protested)."""
    verbs = _with_light_verb(act)
    opposed = _against(verbs)
    # 'in protest at the levy', however the parser hangs the 'at' (on 'protest' or beside it)
    in_protest = [t for v in verbs for t in v.subtree if lemma_of(t) == "protest" and t.dep_ == "pobj" and t.head.lower_ == "in"]
    opposed += [o for t in in_protest for o in prep_objects(t, {"at", "against", "over"}) + prep_objects(t.head.head, {"at", "against", "over"})]
    demands = [act] if lemma_of(act) in _DEMANDING_VERBS else _demands_with(verbs)
    opposed += [m for d in demands for o in children(d, "dobj") + prep_objects(d, {"for"})
                if lemma_of(o) in _UNDOING_NOUNS for m in prep_objects(o, {"of"})]
    return [o for o in opposed if lemma_of(o) in _PROTESTED_MEASURES and not _owners(o)
            and not any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in o.children)]


_OUSTER_NOUNS = english.wordset("ouster_nouns")


def _read_force_sent(found: Found, token: Token, sides: _Sides) -> None:
    """A deployment's other side: not the force sent ('deployed 1,000 soldiers' are the sender's
    own), but another country it is sent into ('reinforced its troops in Moldova', 'deployed
    troops to Niger'); the sender's own country is only where the force stands."""
    if token.pos_ == "VERB":
        forces = [(f.left_edge.idx, f.right_edge.idx + len(f.right_edge)) for f in children(token, "dobj")
                  if lemma_of(f) in SIDE_NOUNS]
        found.recipients = [r for r in found.recipients if not any(a <= (r.start or -1) < b for a, b in forces)]
    # ('sent warships toward Taiwan': a show of force at a state, whether or not they reach it)
    sent_to = prep_objects(token, _SENT_TO) + [where for force in children(token, "dobj") for where in
                                               prep_objects(force, {"in"} | _SENT_TO)] \
        if token.pos_ == "VERB" else _objects_with_carrier(token, _SENT_TO)
    # a town the force is sent to is where, not whom ('sent two battalions to Mopti')
    towns = [(t.left_edge.idx, t.idx + len(t)) for t in sent_to if (e := entity_of(t)) is not None
             and is_city(e.text) and not is_country(e.text)]
    found.recipients = [r for r in found.recipients if not any(a <= (r.start or -1) < b for a, b in towns)]
    if not all(any(same_body(r.name, a.name) for a in found.actors) for r in found.recipients):
        return
    own = {side_country(a.name, a.affiliation) for a in found.actors}
    found.recipients.extend(p for t in found.place_tokens + sent_to if _is_land(t) and is_country(t.text)
                            and side_country(t.text) not in own for p in sides.other(t))


_SENT_TO = frozenset({"to", "into", "toward", "towards"})
_AID_BENEFICIARIES = english.wordset("aid_beneficiaries")
# Acts a demand asks of the one they are 'of' ('the resignation of the minister'); not a release
# or a removal, which others would carry out.
_OWN_ACTS_DEMANDED = english.wordset("own_acts_demanded")


def _read_aid_given(found: Found, verb: Token, sides: _Sides) -> None:
    """Whom aid went to: the side after 'to' or 'for' ('sent 120 doctors to Honduras', 'delivered
    food to the displaced'), however the parser hangs it, not what was sent ('doctors'); the
    object is the side only when nothing else is ('aided the refugees')."""
    after = [o for d in children(verb, "dative") if d.pos_ == "ADP" for o in children(d, "pobj")]
    after += [o for o in prep_objects(verb, {"to", "for"}) if o not in after]
    takers = [p for o in after if names_a_side(o) or o.ent_type_ in ("GPE", "NORP", "ORG") for p in sides.other(o)]
    if not takers:
        return
    # ('airlifted 150 refugees to Rwanda': the people carried are helped too)
    sent = [(o.left_edge.idx, o.right_edge.idx + len(o.right_edge)) for o in children(verb, "dobj")
            if lemma_of(o) not in _AID_BENEFICIARIES]
    kept = [r for r in found.recipients if not any(a <= (r.start if r.start is not None else -1) < b for a, b in sent)]
    found.recipients = kept + [t for t in takers if not any(t.start == r.start for r in kept)]


_BODY_NOUNS = english.wordset("expellable_bodies")


def _forced_out(verb: Token) -> bool:
    """'forced X out (of the country)', 'pushed X out'."""
    return lemma_of(verb) in ("force", "push") and any(c.dep_ in ("prt", "prep") and c.lower_ == "out" for c in verb.children)


def _is_a_body(side: Participant) -> bool:
    """An organisation, not people: 'the Red Cross', 'a relief agency', 'a monitoring mission'
    (a body sent away is expelled; people are deported or driven out)."""
    return side.kind == "ORG" or side.kind == "GROUP" and singular(side.name.split()[-1]) in _BODY_NOUNS


_CONDEMNING_LABELS = english.wordset("condemning_labels")


def _named_wrong(verb: Token) -> list[Token]:
    """What 'called the decree a coup' names a wrong (the decree), and whom 'called the junta
    illegitimate' or 'branded the rebels terrorists' does, where the parser hangs them on the label."""
    found = []
    for phrase in named_by(verb):
        if lemma_of(phrase) in _CONDEMNING_LABELS:
            found += [c for c in phrase.children if c.dep_ in ("compound", "nsubj") and c.i < phrase.i]
        elif phrase.dep_ == "dobj":
            # "called Bolivia's tariffs an act of aggression": whose they are
            owners = [c for c in phrase.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS]
            found.extend(owners or [phrase])
    return found


_BORDER_NOUNS = english.wordset("border_nouns")
_PUNITIVE_MEASURES = english.wordset("punitive_measures")


def _border_states(trigger: Token) -> list[Participant]:
    """The two states a border names ('the Kyrgyz–Tajik border', 'the India-China frontier', 'the
    border between Sudan and South Sudan') when the trigger or its clause happened on it; else []."""
    holders = [trigger] + ([trigger.head] if trigger.dep_ in ("nsubj", "nsubjpass") else [])
    doc = trigger.doc
    for prep in (p for h in holders for p in children(h, "prep") if p.lower_ in ("on", "along", "at", "across", "near")):
        # the words up to the border noun, read in order: the parser often breaks 'the Kyrgyz–Tajik border'
        border = next((t for t in doc[prep.i + 1: prep.i + 7] if lemma_of(t) in _BORDER_NOUNS), None)
        if border is None:
            continue
        words = [t for t in doc[prep.i + 1: border.i] if t.pos_ in ("PROPN", "ADJ", "NOUN")] + \
            [o for o in prep_objects(border, {"between"}) for o in [o, *children(o, "conj")]]
        codes: list[tuple[str, Span]] = []
        for word in words:
            named = entity_of(word) or doc[word.i: word.i + 1]
            # 'Kyrgyz–Tajik' may be one token; 'South Sudan' is one name
            for part in re.split(r"[-–—/]", named.text):
                code = side_country(part.strip())   # whole names too: 'South Sudan'
                if code is not None and code not in [c for c, _ in codes]:
                    codes.append((code, named))
        if len(codes) == 2:
            return [Participant(name=country_name(code) or span.text, role=role, kind="GPE", start=span.start_char,
                                end=span.end_char, surface=span.text)
                    for (code, span), role in zip(codes, ("actor", "recipient"))]
    return []


_CROWD_DRAWING_VERBS = english.wordset("crowd_drawing_verbs")
# "a summit attended by X", "a session presided over by X", "talks chaired by X": X takes part
_ATTENDING_VERBS = english.wordset("attending_verbs")
# (a crowd's demand is its protest's: 'marched to demand the reversal' is one protest)
_CROWD_TYPES = frozenset({"PROTEST"})


_ORGANISING_VERBS = english.wordset("protest_organizing_verbs")


def _organisers(protest: Token) -> list[Token]:
    """Who organised a protest, where its words say: 'a rally organised by the union', 'marched
    in a protest led by the alliance', 'the strike, called by the federation, …', 'the strike
    was called by the federation'."""
    protests = [protest] + prep_objects(protest, {"in", "at", "during", "for", "of"})
    organising = [c for p in protests for c in children(p, "acl", "relcl") if lemma_of(c) in _ORGANISING_VERBS]
    if protest.dep_ == "nsubjpass" and lemma_of(protest.head) in _ORGANISING_VERBS:
        organising.append(protest.head)
    return [o for verb in organising for o in agent_objects(verb)]


def _crowd_of_protest(token: Token) -> list[Participant]:
    """The protesters of a protest told with a crowd for its side: 'about 300 people protested',
    'thousands staged a sit-in', 'the march drew 40,000 people'."""
    verb = token if token.pos_ == "VERB" else (_light_verb(token) or _governing_verb(token))
    people: list[Token] = []
    if verb is not None:
        subjects, passive = subject_of(verb)
        people = [] if passive else subjects
    if token.dep_ == "acl" and token.pos_ == "VERB":
        people.append(token.head)   # 'people protesting outside', and the parser's 'people protested outside'
    if token.dep_ == "nsubj" and lemma_of(token.head) in _CROWD_DRAWING_VERBS:
        people += children(token.head, "dobj")
    return [crowd for t in people if (crowd := protesting_crowd(t, "actor")) is not None]


# Acts a headline tells in the passive without 'was': "Opposition leader detained in Lome".
_DONE_TO_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'")


def _headline_passive(verb: Token) -> bool:
    """'Journalist detained in Minsk': a headline's act with a subject, no object and no
    auxiliary is done to its subject."""
    return verb.tag_ in ("VBN", "VBD") and not children(verb, "dobj", "aux", "auxpass", "agent") \
        and bool(children(verb, "nsubj")) and not text_of(verb.doc).rstrip().endswith(_SENTENCE_END)


def _is_land(token: Token) -> bool:
    """A country or region, not a town: NER often takes a region for an organisation
    ('South Ossetia', 'Cabo Delgado'); a body's own name ends in a word like 'Council'."""
    ent = entity_of(token)
    if ent is None or is_city(ent.text):
        return False
    return ent.label_ in ("GPE", "LOC") or ent.label_ == "ORG" and lemma_of(ent[-1]) not in _BODY_HEADS \
        and not ent.text.isupper()


# the last word of a body's own name ('Security Council', 'Liberation Front'), never a region's
_BODY_HEADS = english.wordset("institution_nouns") | english.wordset("armed_group_heads") | \
    english.wordset("bloc_heads") | english.wordset("body_name_heads")


# Acts of force, whose 'at' object is their target when it is no place.
_AIMED_TYPES = frozenset({"ASSAULT", "COERCE"})
# Checks that make a verb an event by its object: the object is no event of its own.
_OBJECT_READING_CHECKS = frozenset({"relations_object", "truce_object", "ended_talks", "concession", "weapons_given"})
_OBJECT_SIDE_PREPS = frozenset({"with", "between", "on", "against"})
# Checks of a thing given back, whose 'to' object (on the verb or on the thing) is the recipient.
_TO_RECIPIENT_CHECKS = frozenset({"handed_back"})
# Acts whose owner is whom they were done to: "his arrest", "the president's detention".
_PATIENT_NOUNS = english.wordset("patient_nouns")
# Words for the kind of a visit, which NER may take for a name: "a State visit".
_VISIT_KINDS = english.wordset("visit_kinds")
# What a sanction cuts or imposes, whose own phrase names the side it is with or on.
_SEVERABLE = english.wordset("severable_things")
# Demands and ultimatums: their other side is whoever they ask to act.
_DEMANDING_TYPES = frozenset({"THREATEN", "REQUEST"})
# Acceptances and refusals: their other side is whoever made the proposal or demand answered.
_PROPOSING_VERBS = frozenset({"demand", "request", "propose", "ask", "offer", "suggest", "require"})
_ANSWERING_TYPES = frozenset({"AGREE", "REJECT"})
# What is given in to when accepted: a demand or an ultimatum, not a proposal or terms.
_DEMAND_NOUNS = english.wordset("demand_nouns")


@dataclass
class _Sides:
    """How a trigger's arguments become participants: actor and recipient for directed types,
    participants on both sides of a meeting."""

    directed: bool
    refer: Callable[[Token, str], Participant | list[Participant] | None]

    def acting(self, token: Token) -> list[Participant]:
        return participants_for(token, "actor" if self.directed else "participant", self.refer)

    def other(self, token: Token) -> list[Participant]:
        return participants_for(token, "recipient" if self.directed else "participant", self.refer)


def _read_speech_act(token: Token, frame: Frame, refer) -> Found | None:
    """The speaker's own event: a refusal, a demand, a stated threat or an intent."""
    if frame is REFUSAL and token.dep_ == "neg":
        # The sides of the act refused are the refusal's: "will not lift the tariffs on Veldra".
        refused = read_trigger(token.head, frame, refer)
        # "will not be intimidated by the protests": the passive's subject refuses
        actors, recipients = refused.actors, refused.recipients
        if is_cowed(token.head):
            actors, recipients = [replace(p, role="actor") for p in recipients], [replace(p, role="recipient") for p in actors]
        return Found(token, frame.type, None, "hypothetical" if modality_of(token) == "hypothetical" else "asserted",
                     actors, recipients, refused.place_tokens)
    if frame in (_DEMAND, _STATED_THREAT, CONDITIONAL_THREAT) or (frame is _INTENT_TO_COOPERATE and token.dep_ == "aux"):
        return _read_stated(token, frame, refer)   # the modal of what a speaker said must or will be
    if frame in (_INTENT_TO_COOPERATE, _INTENT_OF_FORCE):
        # The speaker is the one who intends; the other side is the intended act's.
        acts = children(token, "xcomp")
        intended = read_trigger(acts[0], _INTENDED_ACT, refer) if acts else None
        speakers, passive = subject_of(token)
        actors = [p for s in ([] if passive else speakers) for p in participants_for(s, "actor", refer)]
        recipients = _apart_from(intended.recipients if intended else [], actors)
        return Found(token, frame.type, None, modality_of(token), _unique(actors or (intended.actors if intended else [])),
                     _unique(recipients), intended.place_tokens if intended else [])
    if frame is ULTIMATUM:
        giver = ultimatum_giver(token)
        if giver is not None:
            givers = [p for s in children(giver, "nsubj") for p in participants_for(s, "actor", refer)]
            return Found(token, frame.type, None, modality_of(giver), _unique(givers),
                         [p for o in ultimatum_addressees(giver, token) for p in participants_for(o, "recipient", refer)])
    if frame is RESERVED_RIGHT:
        return _read_reserved_right(token, refer)
    return None


def _read_reserved_right(reserve: Token, refer) -> Found:
    """'X reserves the right to respond to the expulsions': X threatens whoever the act reserved
    would be against."""
    actors = [p for t in reserver_tokens(reserve) for p in participants_for(t, "actor", refer)]
    intended = read_trigger(reserved_act(reserve), _INTENDED_ACT, refer)
    return Found(reserve, "THREATEN", None, "asserted", _unique(actors),
                 _unique(_apart_from(intended.recipients, actors)), intended.place_tokens)


# What is frozen, seized or confiscated is its owner's loss (a sanction or coercion of the owner).
_OWNER_TARGETED_TYPES = frozenset({"SANCTION", "COERCE"})
_OWNED_THINGS = english.wordset("owned_things")


def _owners(thing: Token) -> list[Token]:
    """'Asante's assets', 'the accounts of three gang leaders': whose they are."""
    return children(thing, "poss") + prep_objects(thing, {"of"})


def _shared_of_objects(noun: Token) -> list[Token]:
    """'the release and reinstatement of Bazoum': the 'of' object the noun shares with the one it
    is coordinated with."""
    if prep_objects(noun, {"of"}):
        return []
    return [o for c in children(noun, "conj") if c.pos_ == "NOUN" for o in prep_objects(c, {"of"})]


def _named_as(verb: Token) -> list[Token]:
    """'condemned what it called the guard's actions': the parser makes 'what it called …' a
    clause of its own; the thing it names is the verb's object."""
    return [named for clause in children(verb, "ccomp") for what in children(clause, "dobj")
            if (named := what_it_called(what)).i != what.i]


_SINGLING_PREPS = frozenset({"among", "including"})


_WEAPON_FIRE = english.wordset("weapon_fire")
# Verbs by which two sides do the same act to each other ('traded accusations', 'exchanged threats').
_RECIPROCAL_CARRIERS = english.wordset("reciprocal_carriers")
# Directed acts that two sides doing them to each other makes two events, one each way; a fight
# ('exchanged fire') is one event of both.
_EACH_WAY_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SANCTION", "SUPPORT", "COERCE"})


def _is_each_other(token: Token) -> bool:
    """'each other', 'one another', and 'the other' after a subject told with 'each' ('each
    government blamed the other')."""
    if token.lower_ == "one":
        return any(c.lower_ == "another" for c in token.children)   # parsed 'one' with 'another' its determiner
    if token.lower_ not in ("other", "another"):
        return False
    if any(c.lower_ in ("each", "one") for c in token.children):
        return True
    verb = token.head if token.dep_ == "dobj" else token.head.head
    return any(c.lower_ == "each" for s in children(verb, "nsubj") for c in s.subtree)


def each_way(found: Found) -> list[Found]:
    """'Armenia and Azerbaijan accused each other': Armenia accused Azerbaijan, and Azerbaijan
    Armenia (two events, as PLOVER's directed types are); any other reading as it is."""
    if not found.reciprocal or found.type not in _EACH_WAY_TYPES or found.recipients or len(found.actors) != 2:
        return [found]
    first, second = found.actors
    return [replace(found, actors=[first], recipients=[replace(second, role="recipient")]),
            replace(found, actors=[second], recipients=[replace(first, role="recipient")])]


# Acts done to people, whom the words may name only by what they are ('seven civilians').
_DONE_TO_PEOPLE = frozenset({"ASSAULT", "COERCE", "AID", "REQUEST", "THREATEN", "SANCTION", "CONCEDE"})
_WEAPON_CARRIERS = english.wordset("weapon_carriers")


def _drops_weapon(verb: Token, thing: Token) -> bool:
    """'dropped two bombs', 'lobbed mortar rounds': a verb that delivers a weapon carries it."""
    return thing.dep_ in ("dobj", "nsubjpass") and thing.head == verb and lemma_of(verb) in _WEAPON_CARRIERS \
        and lemma_of(thing) in _WEAPON_FIRE


_FORCE_INSTRUMENTS = english.wordset("force_instruments")
_COUNTED_CROWDS = frozenset({"people", "person", "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens"})
_FORCE_USING = english.wordset("force_using_verbs")
_DISPERSING = english.wordset("dispersing_verbs")
_GATHERINGS = english.wordset("gathering_nouns") | english.wordset("crowd_nouns")


def force_user(weapon: Token) -> Token | None:
    """The verb that put a crowd-control weapon to use ('fired tear gas', 'used batons and tear
    gas'): its subject used the force."""
    first = weapon
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    verb = first.head
    if lemma_of(weapon) in _FORCE_INSTRUMENTS and first.dep_ == "dobj" and lemma_of(verb) in _FORCE_USING:
        return verb
    return None


_CROWD_WEAPONS = english.wordset("crowd_control_weapons")


def _uses_crowd_weapon(verb: Token) -> bool:
    """'used stun grenades and batons', 'deployed water cannon', 'had used rubber bullets': a verb
    of use whose object is a weapon for crowds (a bullet only when rubber or plastic)."""
    if lemma_of(verb) not in _FORCE_USING:
        return False
    return any(lemma_of(w) in _CROWD_WEAPONS or lemma_of(w) == "bullet" and any(
        c.lower_ in ("rubber", "plastic") for c in w.children) for w in _used_things(verb))


def _used_things(verb: Token) -> list[Token]:
    """The verb's objects and the ones joined to them ('used batons and tear gas')."""
    return [w for o in children(verb, "dobj") for w in [o, *children(o, "conj")]]


def force_aimed_at(verb: Token) -> list[Token]:
    """Whom force was used on: 'fired tear gas at students', 'used batons against supporters',
    'fired tear gas to scatter a crowd of students' (the crowd's people, when the words say who)."""
    # ('turned water cannon on students', 'used pepper spray on demonstrators': 'on' a day is no one)
    aimed = [o for word in [verb, *_used_things(verb)] for o in prep_objects(word, {"at", "against", "on"})]
    for clause in children(verb, "xcomp", "advcl"):
        if phrasal_lemma(clause) not in _DISPERSING or not children(clause, "aux"):
            continue
        for obj in children(clause, "dobj"):
            gathered = prep_objects(obj, {"of", "by"}) + _by_phrase_on_the_verb(obj) if lemma_of(obj) in _GATHERINGS else []
            # ('a march of some 2,000 people': a count says no more of them than the march does)
            aimed += [g for g in gathered if lemma_of(g) not in _COUNTED_CROWDS] or [obj]
    return [o for o in aimed if o.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")]


def _fired_on(verb: Token) -> list[Token]:
    """Whom fire was aimed at with 'on': 'fired on the crowd', 'opened fire on farmers',
    'dropped bombs on a village' ('on' hangs on the verb or on what was fired); 'fired on Monday'
    is a day, which no side reads."""
    fired = [verb] + [o for o in children(verb, "dobj") if lemma_of(o) in _WEAPON_FIRE]
    if lemma_of(verb) not in _WEAPON_FIRE and len(fired) == 1:
        return []
    return [o for f in fired for o in prep_objects(f, {"on", "upon"}) if o.ent_type_ not in ("DATE", "TIME")]


def _singled_out(verb: Token) -> list[Token]:
    """The people a count of those it hit names: 'fourteen people were arrested, among them the
    clan head X' (the parser hangs X on the verb after 'among them'), 'including the student
    leader X', 'five council members, X among them'."""
    named = []
    for prep in (p for p in children(verb, "prep") if p.lower_ in _SINGLING_PREPS):
        for obj in children(prep, "pobj"):
            if obj.lower_ in ("them", "whom"):
                named += [t for t in verb.children if t.dep_ in ("npadvmod", "appos") and t.i > prep.i]
            else:
                named.append(obj)
    for obj in children(verb, "dobj", "nsubjpass"):
        named += [a for a in children(obj, "appos") if any(p.lower_ == "among" for p in children(a, "prep"))]
    return named


def _read_verb(found: Found, token: Token, frame: Frame, sides: _Sides) -> None:
    subjects, passive = subject_of(token)
    # "as demanded by Azerbaijan": an agent makes it passive whatever subject the clause borrows
    passive = passive or bool(children(token, "agent")) or (frame.type in _DONE_TO_TYPES and _headline_passive(token))
    objects = children(token, "dobj") + prep_objects(token) + _complement_objects(token, frame.type) \
        + _gerund_object(token) + _named_as(token) + [d for d in children(token, "dative") if names_a_side(d)]
    # the other side hung on the object: whom what the verb's frame reads is with, between or on
    # ("ties with Tuvalu", "efforts between rival clans", "sanctions on Belarus"); for a
    # meeting, the parser's place for it ("discussed the plan with X")
    object_preps = (_OBJECT_SIDE_PREPS if frame.check in _OBJECT_READING_CHECKS else frozenset()) | \
        (frozenset() if sides.directed else {"with"})
    if frame.check in _TO_RECIPIENT_CHECKS:
        object_preps = object_preps | {"to"}   # 'returned a looted mask to Nigeria', however parsed
    if object_preps:
        objects += [o for obj in children(token, "dobj") for o in prep_objects(obj, object_preps)]
    guests = [] if sides.directed or children(token, "dobj") else _guests_after_place(token)
    objects += guests
    if frame.type == "REQUEST":
        objects += prep_objects(token, {"on", "upon"})   # 'called on the governor to reopen the schools'
        # 'demanded an apology from the minister', however the parser hangs the 'from'
        asked = prep_objects(token, {"from"}) + [o for obj in children(token, "dobj") for o in prep_objects(obj, {"from"})]
        objects += [o for o in asked if names_a_side(o)]   # not 'the release of detainees from the police station'
        # 'called for Nairobi to suspend imports': whom the clause after 'for' tells to act
        objects += [s for clause in children(token, "advcl") if any(m.lower_ == "for" for m in children(clause, "mark"))
                    for s in children(clause, "nsubj") if names_a_side(s)]
    if frame.type in _AIMED_TYPES:
        # "fired live rounds at the protesters", "threw stones at police": whom it was aimed at
        objects += [o for o in prep_objects(token, {"at"}) if o.ent_type_ in ("PERSON", "ORG", "NORP")
                    or (o.pos_ == "NOUN" and o.ent_type_ in ("", "CARDINAL"))]   # not 'at Mongoumba', a town; 'at hundreds of …' is
        objects += [o for o in _singled_out(token) if o not in objects]
        objects += [o for o in _fired_on(token) if o not in objects]
        if frame.type == "COERCE" and lemma_of(token) in _FORCE_USING:
            objects += [o for o in force_aimed_at(token) if o not in objects]
    if passive:
        agents = agent_objects(token)
        subjects, objects = agents, subjects + [o for o in objects if o not in agents]
    dealt_with = _dealings_barred_with(token) if frame.type == "SANCTION" else []
    if dealt_with:
        # "barred Americans from dealing with him": the one dealings are barred with is the target;
        # those barred are the sanctioner's own people
        objects = [o for o in objects if o not in children(token, "dobj")] + dealt_with
    if frame.type in _OWNER_TARGETED_TYPES:
        # "froze the assets of the Wagner Group", "X's accounts were frozen": the owner is the target
        objects += [owner for o in objects if lemma_of(o) in _OWNED_THINGS for owner in _owners(o)]
    objects = [o for o in objects if not _by_force(o)]
    each_other = [o for o in objects if _is_each_other(o)]
    found.reciprocal = bool(each_other)
    objects = [o for o in objects if o not in each_other]
    for s in subjects:
        found.actors.extend(sides.acting(s))
    for o in objects:
        # 'talks in Cairo', 'marched to Congress': where they went, not whom they met or opposed
        if not sides.directed and (_is_destination(o) or frame.mode == "visit" and o.head.lower_ == "to") \
                or _protest_destination(frame, o):   # 'welcomed X to the palace': where, not whom
            found.place_tokens.append(o)
            continue
        found.recipients.extend(sides.other(o))
    if frame.type in _ANSWERING_TYPES and not found.recipients:
        # "agreed to a Kenyan proposal", "rejected the UN demand": the proposer; "agreed to a
        # ceasefire, as proposed by Algeria": the one who proposed it
        for proposal in children(token, "dobj") + prep_objects(token, {"to"}):
            found.recipients.extend(p for owner in proposer_of(proposal) for p in sides.other(owner))
        for clause in children(token, "advcl"):
            if lemma_of(clause) in _PROPOSING_VERBS:
                found.recipients.extend(p for agent in agent_objects(clause) for p in sides.other(agent))
    if frame.type == "AGREE" and _answers_a_demand(token):
        found.type = "CONCEDE"   # "agreed to disarm, as demanded by the army", "accepted the demands"
    found.place_tokens.extend(o for o in prep_objects(token, {"in", "at"}) if o not in guests)
    found.place_tokens.extend(c for g in guests for c in children(g, "compound") if c.ent_type_ == "GPE")


def _dealings_barred_with(verb: Token) -> list[Token]:
    """Whom a ban on dealings is with: 'barred citizens from trading with X', 'banned firms from
    doing business with X'."""
    return [o for p in children(verb, "prep") if p.lower_ == "from" for g in children(p, "pcomp")
            if g.tag_ == "VBG" for o in prep_objects(g, {"with"}) + [w for d in children(g, "dobj") for w in prep_objects(d, {"with"})]]


def _guests_after_place(verb: Token) -> list[Token]:
    """'received today in Damascus Mr X': with no object of its own, a meeting verb's guest named
    right after the place, which the parser hangs on the place's preposition."""
    return [o for o in prep_objects(verb, {"in", "at"})
            if (ent := entity_of(o)) is not None and ent.label_ == "PERSON" and o == ent.root]


def _failed(token: Token) -> bool:
    """'failed to reach agreement', 'failed to agree': the trigger or the verb carrying it is
    what its sides failed to do."""
    verb = _light_verb(token) if token.pos_ == "NOUN" else token
    return verb is not None and verb.dep_ == "xcomp" and lemma_of(verb.head) == "fail"


def _answers_a_demand(verb: Token) -> bool:
    """Whether an agreement gives in to a demand: 'accepted the protesters' demands', 'agreed to
    full disarmament, as demanded by the army', 'the demands that the rebels accepted'; not
    'agreed to a proposal' or 'accepted the terms'."""
    answered = children(verb, "dobj") + prep_objects(verb, {"to", "with"})
    if verb.dep_ == "relcl":
        answered.append(verb.head)   # "the key demands that the forces have accepted"
    return any(lemma_of(t) in _DEMAND_NOUNS for t in answered) or \
        any(lemma_of(c) == "demand" for c in children(verb, "advcl"))


def _read_noun(found: Found, token: Token, frame: Frame, sides: _Sides) -> None:
    _noun_own_sides(found, token, frame, sides)
    _carrier_sides(found, token, sides)
    for clause in children(token, "relcl", "acl"):
        # "The meeting, which was attended by X, ...", "a session presided over by X"
        if lemma_of(clause) in _ATTENDING_VERBS:
            for obj in prep_objects(clause, {"by"}) + children(clause, "dobj"):
                found.recipients.extend(sides.other(obj))
    if token.dep_ in ("nsubj", "nsubjpass"):
        verb = token.head
        # "The meeting was attended by X": attendees are participants.
        if lemma_of(verb) in ("attend", "include", "bring", "gather", "join"):
            for obj in prep_objects(verb, {"by"}) + children(verb, "dobj"):
                found.recipients.extend(sides.other(obj))
        # "Clashes between the army and rebels", "fighting raged with the army":
        # the sides hang on the verb.
        for obj in prep_objects(verb, {"between", "with"}):
            found.recipients.extend(sides.other(obj))
        found.place_tokens.extend(prep_objects(verb, {"in", "at"}))
    found.place_tokens.extend(prep_objects(token, {"in", "at"}))
    found.anaphoric = frame.type == "CONSULT" and _refers_back(token, found)
    if frame.type == "CONSULT" and len(found.actors) + len(found.recipients) < 2 and \
            any(lemma_of(c) == "peace" for c in children(token, "compound", "amod")):
        # "peace talks mediated by the Union": between the report's two belligerents
        found.recipients.append(belligerents_mark(token, "participant"))
        found.anaphoric = False   # its sides are named, through the report


def _noun_own_sides(found: Found, token: Token, frame: Frame, sides: _Sides) -> None:
    """Sides named in the noun's own phrase: "Russia's offensive", "the Astana talks", "an attack by X"."""
    for poss in children(token, "poss"):
        # "Russia's offensive": who did it; "his arrest", "the mayor's detention": who it was done to;
        # "Russia's expulsion of its ambassador": who did it, to whom 'of' says
        if lemma_of(token) in _PATIENT_NOUNS and sides.directed and not prep_objects(token, {"of"}):
            found.recipients.extend(sides.other(poss))
        else:
            found.actors.extend(sides.acting(poss))
    for obj in _by_phrase_on_the_verb(token):
        found.actors.extend(sides.acting(obj))   # "broke up a rally by opposition supporters": who held it
    for c in children(token, "compound", "amod"):
        ent = entity_of(c) if c.lower_ not in _VISIT_KINDS else None   # "a State visit": no side
        if ent is not None and ent.label_ in ("GPE", "FAC", "LOC") and is_city(ent.text):
            found.place_tokens.append(c)   # "the Vilnius summit", "Astana talks"
        elif ent is not None and ent.label_ in ("PERSON", "ORG", "GPE"):
            found.actors.extend(sides.acting(c))
        elif ent is not None and ent.label_ == "NORP" and sides.directed and c.dep_ == "amod":
            found.actors.extend(sides.acting(c))   # "two Togolese border raids": Togo's
    if token.dep_ == "ROOT" and sides.directed:
        # a headline's verb read as a noun: "Canada sanctions Belarus's police" hangs the object on it
        # as an apposition
        for appos in children(token, "appos"):
            if not any(c.dep_ == "case" for c in appos.children):   # "Belarus's" owns what follows
                found.recipients.extend(sides.other(appos))
    if token.dep_ == "compound" and frame.mode == "multilateral":
        # "a summit bringing together heads of government of 14 states" parsed as one phrase
        found.recipients.extend(sides.other(_phrase_head(token.head)))
    for clause in children(token, "acl"):
        # "a summit bringing together heads of government of 14 states"
        if lemma_of(clause) in ("gather", "bring", "involve", "include", "unite", "assemble"):
            for obj in children(clause, "dobj"):
                found.recipients.extend(sides.other(obj))
        elif clause.tag_ == "VBN" and lemma_of(clause) in _DOING_VERBS:
            _done_by(found, clause, sides)
    # "an ultimatum for the militia to leave the town": who is to act is the one demanded of
    demanded = []
    if frame.type in _DEMANDING_TYPES:
        # the parser hangs 'for' on the noun or on the verb that issues it
        demanded = prep_objects(token, {"for"}) + (prep_objects(token.head, {"for"}) if token.dep_ == "dobj" else [])
        # or reads 'for the militia to leave' as a clause whose subject the militia is
        demanded += [subject for clause in children(token, "advcl", "acl")
                     if any(m.lower_ == "for" for m in children(clause, "mark")) for subject in children(clause, "nsubj")]
    # "a suspension of flights to Belarus", "a freeze of relations with Algeria", "the
    # imposition of sanctions on Eritrea": whom the thing cut or imposed is with or on
    cut = [o for thing in prep_objects(token, {"of"}) if lemma_of(thing) in _SEVERABLE
           for o in prep_objects(thing, {"with", "to", "on", "against", "between"})] if frame.type == "SANCTION" else []
    # "a grant of 200 million dollars for Malawi": whom aid is for; "an inquiry into the mayor"
    beneficiaries = [o for o in prep_objects(token, {"for"}) if names_a_side(o)] if frame.type == "AID" else []
    investigated = _objects_with_carrier(token, {"into"}) if frame.type == "ACCUSE" else []
    if frame.mode == "phone":
        # "received a call from his counterpart", "took a call from the envoy": both ends of it
        found.recipients.extend(p for o in prep_objects(token, {"from"}) for p in sides.other(o))
        if token.dep_ == "dobj" and lemma_of(token.head) in ("receive", "take", "get"):
            found.recipients.extend(p for s in subject_of(token.head)[0] for p in sides.other(s))
    for obj in prep_objects(token) + _shared_of_objects(token) + demanded + cut + beneficiaries + investigated:
        if not sides.directed and _is_destination(obj) or _protest_destination(frame, obj):
            found.place_tokens.append(obj)
            if _state_visited(frame, token, obj):
                found.recipients.extend(sides.other(obj))
        elif sides.directed and obj.head.lower_ == "by" or _protesters_of(frame, obj):
            # "the bombing by the militia", "a rally of nurses": who did it
            found.actors.extend(sides.acting(obj))
        else:
            found.recipients.extend(sides.other(obj))


def _by_force(obj: Token) -> bool:
    """'dispersed the crowd by force': how it was done, not a side."""
    return obj.lower_ == "force" and obj.head.lower_ == "by" and not children(obj, "det")


def _by_phrase_on_the_verb(noun: Token) -> list[Token]:
    """'Police broke up a rally by opposition supporters': the parser hangs the 'by' phrase right
    after the noun on the verb, which, active, has no agent to take; it tells who held the noun's
    event. Not a means ('by force') nor a passive's agent."""
    verb = noun.head
    if noun.dep_ != "dobj" or children(verb, "auxpass") or verb.tag_ == "VBN" and not children(verb, "aux"):
        return []
    return [o for prep in children(verb, "prep") if prep.lower_ == "by" and prep.i == noun.right_edge.i + 1
            for o in children(prep, "pobj") if names_a_side(o) and not _by_force(o)]


# "the raid mounted by the Front on the village", "the massacre committed by militiamen":
# a participle on the event's noun that tells who did it, to whom and where
_DOING_VERBS = english.wordset("doing_participles")


def _done_by(found: Found, clause: Token, sides: _Sides) -> None:
    for agent in agent_objects(clause):
        found.actors.extend(sides.acting(agent))
    if sides.directed:
        for obj in prep_objects(clause, {"on", "against"}):
            found.recipients.extend(sides.other(obj))
    found.place_tokens.extend(prep_objects(clause, {"in", "at"}))


# Prepositions that only put an act before or after the clause's own.
_SEQUENCE_PREPS = frozenset({"after", "following", "before"})
# Acts the clause's subject most likely took part in when it acted before or after them ('after
# talks with Putin, Macron said…').
_SHARED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def _carrier_sides(found: Found, token: Token, sides: _Sides) -> None:
    """Sides on the verb that carries the noun: "X held talks with Y", "said during his meeting
    with Y", "gave the militia a deadline"; "A and B traded accusations": each accused the other."""
    light = _light_verb(token)
    if light is not None and lemma_of(light) in _RECIPROCAL_CARRIERS and token.tag_ == "NNS":
        found.reciprocal = True
    carrier = light or _governing_verb(token)
    if carrier is None:
        return
    subjects, passive = subject_of(carrier)
    # "a week before his arrest, the governor fled …": the one it was done to
    # ('voted for his impeachment': the voters did it)
    suffered = light is None and lemma_of(token) in _PATIENT_NOUNS and sides.directed and lemma_of(carrier) != "vote"
    # "mobilised reservists after the border shooting", "following the massacre, the UN imposed
    # an embargo": who acted after an attack or a riot answered it, and did not do it
    answered = light is None and not suffered and token.dep_ == "pobj" and token.head.lower_ in _SEQUENCE_PREPS \
        and found.type not in _SHARED_TYPES
    if answered:
        return
    for s in ([] if passive or suffered else subjects):
        found.actors.extend(sides.acting(s))
    if passive or suffered:
        for s in subjects:
            found.recipients.extend(sides.other(s))
    preps = {"with", "between", "by", "on", "against", "to"} if sides.directed else {"with", "between", "by"}
    if passive and sides.directed:
        # "overthrown by soldiers in a coup": the passive's agent did the act its noun names
        for agent in agent_objects(carrier):
            found.actors.extend(sides.acting(agent))
        preps = preps - {"by"}
    # 'gave the envoy a hearing', 'granted bail to Jallow' (the parser's dative is the preposition)
    datives = [o for d in children(carrier, "dative") for o in (children(d, "pobj") if d.pos_ == "ADP" else [d])] \
        if sides.directed and light is not None else []
    objects = prep_objects(carrier, preps)
    aimed = [o for o in force_aimed_at(carrier) if o not in objects] if force_user(token) == carrier else []
    for obj in objects + datives + aimed:
        found.recipients.extend(sides.other(obj))
    found.place_tokens.extend(prep_objects(carrier, {"in", "at"}))
    if light is not None and modality_of(light) != "asserted":
        found.modality = modality_of(light)   # "will hold talks", "did not pay a visit"


def _objects_with_carrier(noun: Token, preps: set[str]) -> list[Token]:
    """Objects of these prepositions on a noun trigger or on the light verb carrying it ('a raid
    into Lebanon', 'opened an inquiry into the mayor')."""
    light = _light_verb(noun)
    return prep_objects(noun, preps) + (prep_objects(light, preps) if light is not None else [])


def _refers_back(token: Token, found: Found) -> bool:
    """'The meeting was attended by ...', 'Talks during the meeting ...': the meeting just named."""
    determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    definite = bool(determiners & {"the", "this", "that"})
    named_people = any(p.kind == "PERSON" for p in found.actors + found.recipients)
    attended = (token.dep_ in ("nsubj", "nsubjpass") and lemma_of(token.head) in ("attend", "include", "join")) \
        or any(lemma_of(c) in ("attend", "join") for c in children(token, "relcl", "acl"))
    return not named and ((definite and (attended or not named_people)) or not (found.actors or found.recipients))


def _read_stated(modal: Token, frame: Frame, refer) -> Found:
    """A demand's, a stated threat's or a stated promise's sides: the speaker acts; a demand is
    made of whoever must act, a threat or a promise to the act's other side."""
    verb = modal.head
    # a threat on a condition is its subject's ('troops will shell the town should …'), said or not
    own = [p for s in children(verb, "nsubj") for p in participants_for(s, "actor", refer)] if frame is CONDITIONAL_THREAT else []
    speakers = own or [p for s in children(verb.head, "nsubj") for p in participants_for(s, "actor", refer)]
    if frame is _DEMAND:
        others = [p for s in children(verb, "nsubj", "nsubjpass") for p in participants_for(s, "recipient", refer)]
    else:
        # whom the condition asks to act, then the act's other side
        others = [p for s in condition_subjects(verb) for p in participants_for(s, "recipient", refer)] \
            + read_trigger(verb, _INTENDED_ACT, refer).recipients
    said = verb.head if verb.dep_ == "ccomp" or frame is not CONDITIONAL_THREAT else None
    modality = "hypothetical" if said is not None and modality_of(said) == "hypothetical" else "asserted"
    return Found(modal, frame.type, None, modality, _unique(speakers), _apart_from(_unique(others), speakers))


def _apart_from(others: list[Participant], actors: list[Participant]) -> list[Participant]:
    """The other side without anyone named as acting: a speaker is not the one it threatens."""
    names = {a.name for a in actors}
    return [o for o in others if o.name not in names]


def _unique(participants: list[Participant]) -> list[Participant]:
    seen, kept = set(), []
    for p in participants:
        if p.name.lower() not in seen:
            seen.add(p.name.lower())
            kept.append(p)
    return kept
