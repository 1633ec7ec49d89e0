"""Repairs of the parse that every reader needs, made once on the parsed sentence.

Finite conjuncts: in "urged the rebels to free the hostages and called on the army to stop" and
"accused Iran of arming the militia and condemned Hungary", the parser often joins the second
finite verb to the infinitive or gerund just before it ('free', 'arming'). A verb with a tense of
its own cannot be part of a 'to' clause or an '-ing' phrase: it is joined to the nearest finite
verb above, whose subject does it and whose time and modality it shares. Read from the parse
alone, the readers would give 'called' the rebels as subject and the infinitive's future.

Dated subjects: 'On Friday Parliament removed the minister' may be parsed with 'Friday
Parliament' one name, the object of 'On', and the verb without a subject: the day is the object
and the name after it the verb's subject.

Verbs tagged as nouns: in the present tense of monitors' notes and live pages ('Several hundred
dockworkers march to the port authority') the tagger may call the verb a noun although the parser
gives it the subject and the prepositions of a verb. A sentence's root noun with a subject of its
own is that verb, in the present tense.

Reduced relatives: in "Three farmers held for a week were released on Tuesday" the parser may make
'held' the main verb, with 'farmers' its subject, and hang 'were released' on it as a clause of
its own without a subject. A passive with no subject of its own after a past form whose subject it
lacks is the sentence's verb: 'held for a week' describes the farmers, who were released.

Reads: TAG, POS, DEP, HEAD, ENT_TYPE (it runs last, after the parser and NER). Writes: HEAD and DEP
of those tokens (the tree stays projective: each new head governs everything between), and TAG and
POS of a root noun with a subject.
"""
from __future__ import annotations

import numpy
from spacy.attrs import DEP
from spacy.language import Language
from spacy.tokens import Doc, Token

from .syntax import TENSED_TAGS

REPAIR_FACTORY = "eventscribe_parse_repairs"
_TENSED = TENSED_TAGS | {"MD"}   # a modal gives its verb a tense too ('will sign')
_NON_FINITE = frozenset({"VB", "VBG"})


def _finite(verb: Token) -> bool:
    return verb.tag_ in _TENSED or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _TENSED for c in verb.children)


def _finite_above(verb: Token) -> Token | None:
    """The nearest verb above this non-finite one that has a tense (its own or an auxiliary's)."""
    current = verb
    for _ in range(6):
        if current.head is current:
            return None
        current = current.head
        if (current.tag_.startswith("VB") or current.tag_ == "MD") and _finite(current):
            return current
    return None


def _with_dep(doc: Doc, dep: str, deps=None) -> list[Token]:
    """The tokens with this dependency label, found in the doc's array (a Token per word costs more)."""
    deps = doc.to_array(DEP) if deps is None else deps
    return [doc[i] for i in numpy.flatnonzero(deps == doc.vocab.strings[dep]).tolist()]


def repair_finite_conjuncts(doc: Doc, deps=None) -> Doc:
    for token in _with_dep(doc, "conj", deps):
        if token.tag_ not in _TENSED or token.head.tag_ not in _NON_FINITE or _finite(token.head):
            continue
        above = _finite_above(token.head)
        if above is not None and above.i < token.i:
            token.head = above
    return doc


def repair_dated_subjects(doc: Doc, deps=None) -> Doc:
    """'On Friday Parliament removed the minister': the parser may read 'Friday Parliament' as one
    name, the object of 'On', and leave the verb without a subject. The day is the object of the
    preposition, and the name after it the verb's subject."""
    for token in _with_dep(doc, "pobj", deps):
        prep = token.head
        if token.ent_type_ in ("DATE", "TIME", "") or prep.dep_ != "prep" \
                or prep.lower_ not in ("on", "in", "at") or not prep.head.tag_.startswith("VB"):
            continue
        verb = prep.head
        days = [c for c in token.children if c.dep_ == "compound" and c.ent_type_ in ("DATE", "TIME") and c.i < token.i]
        if days and prep.i < verb.i and token.i < verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            day = days[-1]
            day.head, day.dep_ = prep, "pobj"
            token.head, token.dep_ = verb, "nsubj"
    return doc


_NOUN_TAGS = frozenset({"NN", "NNP", "NNS"})


def repair_root_verbs(doc: Doc, deps=None) -> Doc:
    """'Dockworkers march to the port': a root noun the parser gives a subject (and no copula) is
    a verb in the present tense; 'marches' after a subject in the singular."""
    for token in _with_dep(doc, "ROOT", deps):
        if token.tag_ not in _NOUN_TAGS or token.ent_type_ \
                or not token.is_lower and token.i > 0:
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects and not any(c.dep_ in ("cop", "aux", "auxpass") for c in token.children):
            singular = subjects[0].tag_ in ("NN", "NNP") and token.lower_.endswith("s")
            token.tag_, token.pos_ = ("VBZ" if singular else "VBP"), "VERB"
    return doc


# Irregular past forms that are also past participles ('held', 'kept'); regular ones end in -ed.
_PARTICIPLE_PASTS = frozenset({"held", "kept", "caught", "shot", "sent", "brought", "hit", "led", "fought",
                               "found", "left", "put", "cut", "set", "beaten", "taken", "seen"})


def _reduced_relative(root: Token) -> Token | None:  # root: the verb the parser made of the participle
    """The passive that is the sentence's verb when the root is a reduced relative ('Three farmers
    held for a week were released'): a participle with its own passive auxiliary after the root,
    no subject of its own, and nothing (no 'that', no comma, no 'and') marking it a clause."""
    if root.tag_ != "VBD" or not (root.lower_.endswith("ed") or root.lower_ in _PARTICIPLE_PASTS):
        return None
    if not any(c.dep_ == "nsubj" and c.i < root.i for c in root.children) or any(c.dep_ == "dobj" for c in root.children):
        return None
    for clause in (c for c in root.children if c.dep_ in ("ccomp", "conj", "parataxis") and c.i > root.i and c.tag_ == "VBN"):
        auxiliaries = [c for c in clause.children if c.dep_ == "auxpass" and c.i < clause.i]
        marked = any(c.dep_ in ("nsubj", "nsubjpass", "mark", "cc") for c in clause.children) or \
            any(t.dep_ == "cc" or t.text in (",", ";", ":") for t in root.doc[root.i + 1: clause.i] if t.head == root)
        if auxiliaries and not marked:
            return clause
    return None


def repair_reduced_relatives(doc: Doc, deps=None) -> Doc:
    """The passive a reduced relative hides becomes the verb ('… were released'), in the place of
    the participle the parser took for it: the sentence's root, or a reported clause ('…, the
    ministry said')."""
    for misread in _with_dep(doc, "ROOT", deps) + _with_dep(doc, "ccomp", deps):
        verb = _reduced_relative(misread)
        if verb is None:
            continue
        subject = next(c for c in misread.children if c.dep_ == "nsubj" and c.i < misread.i)
        # what follows the verb (the full stop) and what opens the sentence before the subject
        # ('On Tuesday, three farmers held … were released'): the verb's, so no arcs cross
        after = [c for c in misread.children if c.i > verb.i or c.i < subject.left_edge.i]
        if misread.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = misread.head, misread.dep_
        subject.head, subject.dep_ = verb, "nsubjpass"
        misread.head, misread.dep_, misread.tag_ = subject, "acl", "VBN"
        for by in (c for c in misread.children if c.dep_ == "prep" and c.lower_ == "by"):
            by.dep_ = "agent"   # 'held … by authorities': who held them
        for child in after:
            child.head = verb
    return doc


@Language.component(REPAIR_FACTORY)
def _parse_repairs(doc: Doc) -> Doc:
    deps = doc.to_array(DEP)   # read once: the repairs change no ROOT, conj or pobj they look for
    doc = repair_root_verbs(repair_dated_subjects(repair_finite_conjuncts(doc, deps), deps), deps)
    return repair_reduced_relatives(doc, deps)


def add_parse_repairs(nlp: Language) -> None:
    """The repairs, last (they read the tagger's, the parser's and NER's annotations); no-op
    without a parser."""
    if "parser" in nlp.pipe_names and REPAIR_FACTORY not in nlp.pipe_names:
        nlp.add_pipe(REPAIR_FACTORY, last=True)
