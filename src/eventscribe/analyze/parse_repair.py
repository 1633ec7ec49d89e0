"""Repairs of the parse that every reader needs, made once on the parsed sentence.

Finite conjuncts: in "urged the rebels to free the hostages and called on the army to stop" and
"accused Iran of arming the militia and condemned Hungary", the parser often joins the second
finite verb to the infinitive or gerund just before it ('free', 'arming'). A verb with a tense of
its own cannot be part of a 'to' clause or an '-ing' phrase: it is joined to the nearest finite
verb above, whose subject does it and whose time and modality it shares. Read from the parse
alone, the readers would give 'called' the rebels as subject and the infinitive's future.

Reads: TAG, DEP, HEAD (it runs right after the parser, before the attribute ruler sets POS). Writes: HEAD of those conjuncts (the tree stays projective: the new head
governs everything between).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

REPAIR_FACTORY = "eventscribe_finite_conjuncts"
_TENSED = frozenset({"VBD", "VBZ", "VBP", "MD"})
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


def repair_finite_conjuncts(doc: Doc) -> Doc:
    for token in doc:
        if token.dep_ != "conj" or token.tag_ not in _TENSED or token.head.tag_ not in _NON_FINITE \
                or _finite(token.head):
            continue
        above = _finite_above(token.head)
        if above is not None and above.i < token.i:
            token.head = above
    return doc


@Language.component(REPAIR_FACTORY)
def _finite_conjuncts(doc: Doc) -> Doc:
    return repair_finite_conjuncts(doc)


def add_parse_repairs(nlp: Language) -> None:
    """The repairs, after the parser (and the tagger they read); no-op without a parser."""
    if "parser" in nlp.pipe_names and REPAIR_FACTORY not in nlp.pipe_names:
        nlp.add_pipe(REPAIR_FACTORY, after="parser")
