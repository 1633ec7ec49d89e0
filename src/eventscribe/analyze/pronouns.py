"""Whom 'it' and 'they' stand for, read from syntax: the speaker whose words the pronoun is the
subject of ("the interior ministry said it had expelled…"), or the subject of the sentence
before when number agrees ("The council met on Monday. It condemned…"; "Riot police cleared
the square. They detained…"). A pronoun that fits neither stays unread: a wrong side is worse
than none. 'he' and 'she' are read by the reader from the people it remembers. Likewise "the
comments" with no owner in their own words are the last speaker's ("The minister said the
council was corrupt. The council rejected the comments.").
"""
from __future__ import annotations

from spacy.attrs import LEMMA, POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from .syntax import string_ids
from .words import words

SINGULAR_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_SPEECH_VERBS = words("speech_verbs")
_SUBJECTS = ("nsubj", "nsubjpass")
_PERSONAL_PRONOUNS = words("pronouns")
_SAID_THINGS = words("said_things")
_COMMENTING_VERBS = _SPEECH_VERBS | words("commenting_verbs")


def is_said_thing(token: Token) -> bool:
    """'condemned the comments': what someone said, its sayer not in its own words (not 'the
    minister's remarks', 'remarks by the minister')."""
    return token.lower_ in _SAID_THINGS and not any(
        c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("of", "by") for c in token.children)


def last_speaker(doc: Doc) -> Token | None:
    """The subject of the sentence's last verb of saying or criticising: 'X said …', 'X
    described the junta as …'."""
    found = None
    verbs = string_ids(doc.vocab.strings, _COMMENTING_VERBS)
    # read from the doc's arrays: making a Token for every word costs more than the test
    for i, (pos, lemma) in enumerate(doc.to_array([POS, LEMMA]).tolist()):
        if pos == VERB and lemma in verbs:
            found = next((c for c in doc[i].children if c.dep_ == "nsubj"), found)
    return found


def speaker_of(pronoun: Token) -> Token | None:
    """'X said (that) it/they …': X, when the pronoun is the subject of what X said; and 'X
    and Y stressed …, as they opened the summit': the subject of the clause the pronoun's
    own clause hangs on; 'X said their forces had …': X owns the reported clause's subject."""
    if pronoun.dep_ == "poss" and pronoun.head.dep_ in _SUBJECTS:
        pronoun = pronoun.head
    if pronoun.dep_ not in _SUBJECTS:
        return None
    clause = pronoun.head
    # "said it had expelled and would expel": the first verb of the reported clause
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    reported = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _SPEECH_VERBS
    # "as they opened …", "while it shelled …": what the main clause's subject was doing at the
    # time; not "after they crossed", which may as well be its object's doing
    alongside = clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in clause.children)
    if not (reported or alongside):
        return None
    return _subject_of(clause.head)


# What a participle of saying hangs on: 'X appeared on radio, announcing …' (advcl), 'X went on
# television declaring …' (xcomp), 'X issued a statement saying …' (acl of the statement)
_PARTICIPLE_LINKS = frozenset({"advcl", "xcomp", "conj", "acl"})


def _subject_of(verb: Token) -> Token | None:
    """The verb's named subject; for a participle with none ('…, saying it had arrested five
    rebels'), the subject of the clause it hangs on, or of the verb whose object it describes
    ('issued a statement saying …')."""
    subject = _named_subject(verb)
    if subject is not None or verb.tag_ != "VBG" or verb.dep_ not in _PARTICIPLE_LINKS:
        return subject
    governor = verb.head
    if verb.dep_ == "acl" and governor.dep_ in ("dobj", "pobj") and governor.head.pos_ in ("VERB", "ADP"):
        governor = governor.head if governor.head.pos_ == "VERB" else governor.head.head
    if governor.pos_ not in ("VERB", "AUX") or governor is verb:
        return None
    return _named_subject(governor)


def _named_subject(verb: Token) -> Token | None:
    """The verb's subject, when not a personal pronoun ('they said …' names no one)."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in _PERSONAL_PRONOUNS), None)


def main_subject(doc: Doc) -> Token | None:
    """The subject a pronoun in the next sentence most likely continues: the main clause's, or,
    when the main verb only reports ("officials said the army had…"), the reported clause's."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if root.lemma_.lower() in _SPEECH_VERBS:
        reported = next((c for c in root.children if c.dep_ == "ccomp"), None)
        inner = next((c for c in reported.children if c.dep_ in _SUBJECTS), None) if reported is not None else None
        if inner is not None and inner.lower_ not in _PERSONAL_PRONOUNS:
            return inner
    return subject


def is_plural(subject: Token) -> bool:
    """'the rebels', 'Ghana and Togo': what 'they' can stand for ('the police' is plural too)."""
    return subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children) \
        or subject.lower_ in ("police", "military") or subject.lower_ in PLURAL_PRONOUNS


# what 'it' can be: a named body or state, or a described force ('the army'); not a person,
# nor a capitalised word no one recognised ("Snow closed the airport")
_IT_KINDS = frozenset({"ORG", "GPE", "GROUP"})


def agrees(pronoun: Token, plural: bool, kinds: set[str]) -> bool:
    """Number and kind: 'it' for one body or state, 'they' for several sides of any kind."""
    if pronoun.lower_ in SINGULAR_PRONOUNS:
        return not plural and kinds <= _IT_KINDS
    return pronoun.lower_ in PLURAL_PRONOUNS and plural
