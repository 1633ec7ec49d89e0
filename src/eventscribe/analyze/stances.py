"""What a side says it will or will not do, read as the stance it takes now (PLOVER counts the
saying as the event; the act said has not happened):

- a refusal (REJECT): "will not lift the tariffs"; and, whatever the act refused, a yielding act
  ("would not bow to pressure", "will not be intimidated") or one held back until a condition
  is met ("will not stand down until the leaders are freed");
- a threat made on a condition (THREATEN): an act of force a side says it will take "if" or
  "unless" another acts, or "should" it act ("would storm the barracks if the garrison does
  not surrender"); whom it threatens is whoever the condition asks to act;
- an ultimatum (THREATEN): "gave the junta a week to step down, or face sanctions";
- a reserved right (THREATEN): "reserves the right to respond", which the tagger often takes
  for the plural noun 'reserves' and the parser then reads wrongly.

Each function takes a parsed token and answers from its syntax alone; extract.py reads the sides.
"""
from __future__ import annotations

from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token

from .frames import Frame
from .lang.en import english
from .participants import PRONOUNS
from .syntax import children, lemma_of, names_a_side, string_ids, subject_of

REFUSAL = Frame("(will not)", "verb", "REJECT")
CONDITIONAL_THREAT = Frame("(will, on a condition)", "verb", "THREATEN")
ULTIMATUM = Frame("(or face)", "verb", "THREATEN")
RESERVED_RIGHT = Frame("(reserves the right)", "verb", "THREATEN")

WILL_AUX = english.wordset("will_auxiliaries")   # what a side will, or will not, do
_OWN_STATE_NOUNS = english.wordset("own_state_nouns")
_COLLECTIVE_HEADS = english.wordset("collective_heads")   # 'the miners' federation will not back down'
_CONDITION_MARKS = english.wordset("condition_marks")      # if, unless
_HOLDING_MARKS = english.wordset("holding_marks")          # until, unless, while: refused till then
_YIELDING_VERBS = english.wordset("yielding_verbs")        # bow, back down, stand down, give in
_COWING_VERBS = english.wordset("cowing_verbs")            # 'will not be intimidated'
_RESERVE_FORMS = frozenset({"reserve", "reserves", "reserved", "reserving"})
_RIGHT_DETERMINERS = frozenset({"the", "its", "their", "our", "his", "her", "full", "every", "sovereign", "legitimate"})


def _refuser_named(verb: Token, cowed: bool) -> bool:
    subjects, passive = subject_of(verb)
    # "the minister said her country will not drop its ban": the speaker's own state refuses
    if passive != cowed:
        return False
    return any(names_a_side(s) or s.lower_ in PRONOUNS or lemma_of(s) in _OWN_STATE_NOUNS | _COLLECTIVE_HEADS for s in subjects)


def _will_modal(verb: Token) -> Token | None:
    """The 'will', 'wo(n't)' or 'would' of what a side says it will (not) do."""
    return next((a for a in children(verb, "aux") if a.lower_ in WILL_AUX), None)


def refusal_negation(verb: Token) -> Token | None:
    """The negation of 'will not / won't / would not <act>' said of a named or unnamed side."""
    negations = children(verb, "neg")
    if not negations or _will_modal(verb) is None:
        return None
    return negations[0] if _refuser_named(verb, cowed=False) else None


def _held_until(verb: Token) -> bool:
    """'… until the decree is repealed', '… while the rebels hold hostages', '… as long as the
    freeze stays', '… under any circumstances'."""
    for clause in children(verb, "advcl"):
        if any(m.lower_ in _HOLDING_MARKS for m in children(clause, "mark")):
            return True
    for prep in children(verb, "prep"):
        if prep.lower_ in _HOLDING_MARKS or prep.lower_ == "under" and any(
                c.lower_ in ("any", "no") for o in children(prep, "pobj") for c in o.children):
            return True
    return any(a.lower_ == "long" and any(c.lower_ == "as" for c in a.children) for a in children(verb, "advmod"))


def _yields(verb: Token) -> bool:
    lemma = lemma_of(verb)
    return lemma in _YIELDING_VERBS or any(f"{lemma} {p.lower_}" in _YIELDING_VERBS for p in children(verb, "prt"))


def is_cowed(verb: Token) -> bool:
    """'will not be intimidated (by the protests)': the passive's subject refuses to be made to yield."""
    return lemma_of(verb) in _COWING_VERBS and bool(children(verb, "auxpass"))


def held_refusal(negation: Token) -> Token | None:
    """The negation of a refusal whatever act is refused: a yielding act ('would not bow to
    pressure', 'will not be intimidated') or one held back until a condition is met ('will not
    return to work until the leaders are freed')."""
    verb = negation.head
    if negation.dep_ != "neg" or verb.pos_ != "VERB" or _will_modal(verb) is None:
        return None
    cowed = is_cowed(verb)
    if not (cowed or _yields(verb) or _held_until(verb)):
        return None
    return negation if _refuser_named(verb, cowed) else None


def condition_of(verb: Token) -> Token | None:
    """The clause an act is made to wait on: 'if the garrison does not surrender', 'unless the
    leaders are freed', 'should the militia refuse' (the inverted 'should')."""
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "ccomp"):
            continue
        if any(m.lower_ in _CONDITION_MARKS for m in children(clause, "mark")):
            return clause
        subjects = children(clause, "nsubj", "nsubjpass")
        if subjects and any(a.lower_ == "should" and a.i < subjects[0].i for a in children(clause, "aux")):
            return clause
    return None


def conditional_threat(verb: Token) -> Token | None:
    """The modal of 'will / would <act> if …': the act is the speaker's threat, not yet done."""
    if verb.pos_ != "VERB" or children(verb, "neg") or condition_of(verb) is None:
        return None
    subjects, passive = subject_of(verb)
    return None if passive or not subjects else _will_modal(verb)


def condition_subjects(verb: Token) -> list[Token]:
    """Whom a threat's condition asks to act: the acting subject of its clause ('if the
    garrison does not surrender'); none when the clause is passive ('unless the leaders are freed')."""
    clause = condition_of(verb)
    if clause is None:
        return []
    subjects, passive = subject_of(clause)
    return [] if passive else [s for s in subjects if s.lower_ not in PRONOUNS]


def ultimatum_giver(face: Token) -> Token | None:
    """'gave the junta a week to step down, or face sanctions': the verb whose subject sets the
    ultimatum ('gave'), for the verb 'face' joined by 'or' to what is demanded."""
    # the parser hangs the 'or' on the first of the two joined verbs
    if lemma_of(face) != "face" or face.dep_ != "conj" or not children(face, "dobj") or \
            not any(c.lower_ in ("or", "else") and c.i < face.i for c in children(face, "cc") + children(face.head, "cc")):
        return None
    for ancestor in face.ancestors:
        if ancestor.pos_ == "VERB" and any(names_a_side(s) for s in children(ancestor, "nsubj")):
            return ancestor
    return None


def ultimatum_addressees(giver: Token, face: Token) -> list[Token]:
    """Whom an ultimatum is given to: the giver's object or dative ('gave the junta a week'),
    else the subject of what it demands ('X must leave, or face …')."""
    given = [o for o in children(giver, "dobj", "dative") if names_a_side(o)]
    return given or [s for s in children(face.head, "nsubj") if names_a_side(s)]


def reserved_act(token: Token) -> Token | None:
    """The act of 'reserve(s) the right to <act>', from the word 'reserves' however it was
    tagged; None when the word reserves no right."""
    doc = token.doc
    if token.lower_ not in _RESERVE_FORMS:
        return None
    right = next((t for t in doc[token.i + 1: token.i + 4] if t.lower_ == "right"), None)
    if right is None or any(t.lower_ not in _RIGHT_DETERMINERS for t in doc[token.i + 1: right.i]):
        return None
    if right.i + 2 < len(doc) and doc[right.i + 1].lower_ == "to" and doc[right.i + 2].pos_ in ("VERB", "AUX"):
        return doc[right.i + 2]
    return None


def reserver_tokens(reserve: Token) -> list[Token]:
    """Who reserves the right: the verb's subject, or, where the tagger made 'reserves' a noun,
    the words the parser hung on it from the left ('Lusaka reserves …' read as 'Lusaka's reserves')."""
    if reserve.pos_ == "VERB":
        subjects, passive = subject_of(reserve)
        return [] if passive else subjects
    return [t for t in reserve.lefts if t.dep_ in ("nsubj", "compound", "amod", "det", "poss", "nmod")
            and (names_a_side(t) or t.pos_ in ("PROPN", "NOUN", "PRON"))]


_FACE_FORMS = frozenset({"face", "faces", "faced", "facing"})


def stance_triggers(doc: Doc) -> list[tuple[Token, Frame]]:
    """The refusals whatever their act, ultimatums and reserved rights of a sentence, found from
    the doc's arrays (a Token for every word costs more than the test)."""
    strings = doc.vocab.strings
    neg = strings.as_int("neg")
    face, reserve = string_ids(strings, _FACE_FORMS), string_ids(strings, _RESERVE_FORMS)
    found: list[tuple[Token, Frame]] = []
    for i, (dep, lower) in enumerate(doc.to_array([DEP, LOWER]).tolist()):
        if dep == neg and held_refusal(doc[i]) is not None:
            found.append((doc[i], REFUSAL))
        elif lower in face and ultimatum_giver(doc[i]) is not None:
            found.append((doc[i], ULTIMATUM))
        elif lower in reserve and reserved_act(doc[i]) is not None:
            found.append((doc[i], RESERVED_RIGHT))
    return found
