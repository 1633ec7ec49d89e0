"""Reading the parse: a token's children by relation, its subjects and prepositional objects.

Shared by the argument checks (checks.py) and the trigger reader (extract.py).
"""
from __future__ import annotations

import functools
from pathlib import Path

from spacy.tokens import Doc, Token

from .participants import GROUP_NOUNS, SIDE_NOUNS, TITLE_NOUNS, entity_of
from .frames import read_form_lemmas
from .words import words

# Forms the pipeline's lemmatizer gets wrong ('staged' -> 'stag'): data beside the frames.
LEMMA_FIXES_FILE = Path(__file__).parent / "lang" / "en" / "parser_lemma_fixes.tsv"

_RELATIVE_PRONOUNS = words("relative_pronouns")
_OBJECT_CONTROL = words("object_control_verbs")
_ISSUED_TEXTS = words("issued_texts")
_TEXT_ISSUING_VERBS = words("text_issuing_verbs")   # its issuer: 'the communique issued by X'
# Verb tags with a tense of their own ('fired', 'fires', 'fire' after 'they'; not 'to fire', 'firing', 'fired' after 'was').
TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP"})

# Prepositions that introduce the other side of an interaction.
COUNTERPART_PREPS = frozenset({"with", "between", "among", "amongst", "by", "to", "against", "on", "of"})
# 'spoke by telephone', 'talked over the phone', 'met via video link': the medium of a conversation.
MEANS_PREPS = frozenset({"by", "over", "via", "on"})


def lemma_of(token: Token) -> str:
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


LEMMA_FIXES = read_form_lemmas(LEMMA_FIXES_FILE)   # form -> lemma where the parser errs


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps=COUNTERPART_PREPS) -> list[Token]:
    objects = []
    for prep in children(token, "prep", "agent"):
        if prep.lower_ in preps or prep.dep_ == "agent":
            objects.extend(children(prep, "pobj") or _stranded_object(prep) or _adjective_read_as_gerund(prep))
            # 'an appeal to the rebels and to the army': the preposition said again for the next
            objects.extend(o for again in children(prep, "conj") if again.lower_ == prep.lower_
                           for o in children(again, "pobj"))
    return objects


def out_of_objects(verb: Token) -> list[Token]:
    """What a verb's 'out of' leads to: 'pulled out of the talks' (the parser hangs 'of' on 'out')."""
    return [o for c in verb.children if c.lower_ == "out" for o in prep_objects(c, {"of"})]


def left_objects(verb: Token) -> list[Token]:
    """What a side withdrew from: 'from the treaty', 'out of the talks'."""
    return prep_objects(verb, {"from"}) + out_of_objects(verb)


def agent_objects(verb: Token) -> list[Token]:
    """Who did it, in a passive: 'was arrested by the police'."""
    return [o for prep in children(verb, "agent") for o in (children(prep, "pobj") or _stranded_object(prep))]


# Participles that, before a plural noun, say what its people are doing ('striking teachers').
_DOING_ADJECTIVES = frozenset({"strike", "protest", "march", "demonstrate", "picket", "riot", "fight", "retreat", "advance"})


def people_described(participle: Token) -> list[Token]:
    """The people right after a participle the parser read as a gerund taking them as its object
    ('at striking teachers'): it says what they are doing."""
    if participle.dep_ != "pcomp" or participle.tag_ != "VBG":
        return []
    return [o for o in participle.children if o.dep_ == "dobj" and o.tag_ == "NNS" and o.i == participle.i + 1]


def _adjective_read_as_gerund(prep: Token) -> list[Token]:
    """'fired tear gas at striking teachers': the teachers are the preposition's object."""
    return [o for g in prep.children if g.i == prep.i + 1 and lemma_of(g) in _DOING_ADJECTIVES for o in people_described(g)]


def phrasal_lemma(verb: Token) -> str:
    """The verb's lemma with its first particle ('break up' of 'broke up')."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{lemma_of(verb)} {particle}" if particle else lemma_of(verb)


def _stranded_object(prep: Token) -> list[Token]:
    """'arrested by the federal police minutes later': the parser hangs 'the federal police' on
    'minutes' and leaves 'by' without an object; the noun the modifiers after it lead to is it."""
    doc, last = prep.doc, None
    for token in doc[prep.i + 1: prep.i + 8]:
        if token.dep_ not in ("det", "amod", "compound", "nummod"):
            break
        last = token
    return [last] if last is not None and last.dep_ == "compound" and last.pos_ in ("NOUN", "PROPN") else []


def gerund_before(token: Token) -> Token | None:
    """The gerund right before a name: 'after receiving | Crown Prince Karim bin Adel'."""
    ent = entity_of(token)
    start = ent.start if ent is not None else token.left_edge.i
    while start > 0 and token.doc[start - 1].dep_ == "compound":
        start -= 1
    previous = token.doc[start - 1] if start > 0 else None
    return previous if previous is not None and previous.tag_ == "VBG" else None


def fronted_gerund_repair(subject: Token) -> Token:
    """'After meeting X, envoy Y held talks': the parser often makes X the subject and Y its
    apposition. Two different people cannot be in apposition; the later one is the subject."""
    if gerund_before(subject) is None:
        return subject
    for child in subject.children:
        ent = entity_of(child)
        if child.dep_ == "appos" and ent is not None and ent.label_ == "PERSON" and ent != entity_of(subject):
            return child
    return subject


def subject_of(verb: Token) -> tuple[list[Token], bool]:
    """The subject tokens of a verb (climbing through xcomp/conj/advcl), and whether passive."""
    current, joined = verb, False
    for _ in range(4):
        subjects = children(current, "nsubj", "nsubjpass", "csubj")
        if subjects and joined and current.dep_ == "ccomp" and not any(names_a_side(s) or s.pos_ == "PRON" for s in subjects):
            # "the ministry said the report was false and accused Somalia": the parser joins
            # 'accused' to what was said, whose subject ('the report') accuses no one: the speaker does
            current, joined = current.head, False
            continue
        if not subjects and current.dep_ == "pcomp" and current.head.lower_ in ("of", "for") \
                and children(current.head.head, "dobj"):
            # "accused Somalia of violating its sovereignty": the accused did it, not the accuser
            return children(current.head.head, "dobj"), False
        if subjects and all(s.lower_ in ("they", "we") for s in subjects) and current.dep_ == "ccomp":
            # "States X, Y and Z said they are leaving": they = the speakers; not one person's
            # "they" ('"They shot everyone," said Fatima Diallo': others did)
            speakers = children(current.head, "nsubj")
            lone_person = len(speakers) == 1 and speakers[0].ent_type_ == "PERSON" and not children(speakers[0], "conj")
            if speakers and not (lone_person and all(s.lower_ == "they" for s in subjects)):
                return speakers, False
        if subjects and current.dep_ == "relcl" and all(s.lower_ in _RELATIVE_PRONOUNS for s in subjects) \
                and current.head.pos_ in ("NOUN", "PROPN"):
            # "the mayor, who was detained by police in May": who = the mayor
            return [current.head], any(s.dep_ == "nsubjpass" for s in subjects)
        if subjects:
            # "the communique issued by Egypt condemned …": the text speaks for its issuer
            subjects = [i for s in subjects for i in (_issuer(s) if s.dep_ == "nsubj" else None) or [s]]
            passive = any(s.dep_ == "nsubjpass" for s in subjects)
            if passive and current is not verb and _active_tensed(verb):
                passive = False   # "were told to hold the line and fired on the crowd": 'fired' is their own act
            return [fronted_gerund_repair(s) for s in subjects], passive
        if current.dep_ == "xcomp" and lemma_of(current.head) in _OBJECT_CONTROL and children(current.head, "dobj"):
            # "urged the junta to release him", "warned the contractors to leave": the one told acts
            return children(current.head, "dobj"), False
        called_on = [o for p in children(current.head, "prep") if p.lower_ in ("on", "upon") for o in children(p, "pobj")] \
            if current.dep_ == "xcomp" and lemma_of(current.head) == "call" else []
        if called_on:
            return called_on, False   # "called on the junta to release him": the one called on acts
        if current.dep_ == "dep" and current.tag_ in TENSED_TAGS and current.head.tag_ in ("VBG", "VBN") \
                and children(current.head, "nsubj"):
            # "leaders meeting in Vilnius on Tuesday issued a communique": the parser may make the
            # participle the main verb and hang the tensed one on it; the participle's subject is its
            return children(current.head, "nsubj"), False
        if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "ccomp", "prep", "acomp") and current.head != current:
            issuer = _issuer(current.head) if current.dep_ == "acl" else None
            if issuer is not None:
                return issuer, False   # "issued a statement condemning the raid": its issuer condemned it
            if current.dep_ in ("acl", "relcl") and current.head.pos_ in ("NOUN", "PROPN"):
                # "the leader arrested on Monday": a participle after its noun is passive, unless
                # it or a verb joined to it has an object ("groups donated and delivered goods")
                with_object = any(children(v, "dobj") for v in (current, *children(current, "conj")))
                return [current.head], current.dep_ == "acl" and current.tag_ == "VBN" and not with_object
            joined = current.dep_ == "conj"
            current = current.head
            continue
        # "On 3 May the Ministry of X declared …": the parser hangs the subject on the date
        stray = [a for p in children(current, "prep") if p.lower_ in ("on", "in") for o in children(p, "pobj")
                 if o.ent_type_ == "DATE" for a in children(o, "appos") if a.i < current.i]
        if stray:
            return stray, False
        break
    return [], False


def _active_tensed(verb: Token) -> bool:
    """A verb with a tense of its own and no passive auxiliary ('fired', not 'was fired' or 'fired' as
    a participle)."""
    return verb.tag_ in TENSED_TAGS and not children(verb, "auxpass")


def _issuer(text: Token) -> list[Token] | None:
    """Who issued a statement, a letter or a communique: its owner ('the bloc's statement'), who
    it is by or from, or the subject of the verb it is the object of ('X issued a statement')."""
    if lemma_of(text) not in _ISSUED_TEXTS:
        return None
    owners = children(text, "poss") + [o for p in children(text, "prep") if p.lower_ in ("by", "from")
                                       for o in children(p, "pobj")]
    # 'the communique issued by Egypt and Sudan', 'the declaration, adopted by the leaders'
    owners += [o for v in children(text, "acl") if v.tag_ == "VBN" and lemma_of(v) in _TEXT_ISSUING_VERBS
               for a in children(v, "agent") for o in children(a, "pobj")]
    if owners:
        return owners
    if text.dep_ == "dobj":
        subjects, passive = subject_of(text.head)
        return subjects if subjects and not passive else None
    return None


def named_by(verb: Token) -> list[Token]:
    """What a naming verb names, and what it names it: 'called [the decree] [a coup]', 'described
    [the incursion] as [aggression]' (the object, the complement and the object of 'as')."""
    return children(verb, "dobj", "oprd", "ccomp") + [o for p in children(verb, "prep") if p.lower_ == "as"
                                                       for o in children(p, "pobj")]


def names_a_side(token: Token) -> bool:
    """A person, a named body or an unnamed armed, state or crowd side ('the army', 'police')."""
    return is_person_like(token) or lemma_of(token) in SIDE_NOUNS


def is_person_like(token: Token) -> bool:
    ent = entity_of(token)
    if ent is not None:
        return ent.label_ in ("PERSON", "ORG", "NORP", "GPE")
    return lemma_of(token) in TITLE_NOUNS or lemma_of(token) in GROUP_NOUNS or token.lower_ in ("him", "her", "them")


_SEQUENCE_VERBS = frozenset({"follow", "precede"})


def in_sequence(token: Token) -> bool:
    """Whether the clause sets this event against another as before or after it ('the summit
    followed the talks'): then it is not that other event. ('Seized the town after heavy
    fighting' may tell one episode: a preposition does not part them.)"""
    return token.dep_ in ("nsubj", "dobj") and lemma_of(token.head) in _SEQUENCE_VERBS


def told_as_earlier(token: Token) -> bool:
    """Whether the clause tells this event as one before its own time ('followed a visit',
    'after the talks'): the day the narrative is at is not its day."""
    return (token.dep_ == "dobj" and lemma_of(token.head) == "follow") or \
        (token.dep_ == "nsubj" and lemma_of(token.head) == "precede") or \
        (token.dep_ == "pobj" and token.head.lower_ in ("after", "following", "since"))


_TEXT_KEY = "eventscribe_text"


def text_of(doc: Doc) -> str:
    """A parsed sentence's text, kept on the doc: Doc.text joins its tokens again on every call."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> Doc:
    """Remember the text a doc was parsed from (spaCy keeps it verbatim), for text_of."""
    doc.user_data[_TEXT_KEY] = text
    return doc


@functools.lru_cache(maxsize=64)
def string_ids(strings, vocabulary: frozenset[str]) -> frozenset[int]:
    """The ids a pipeline's string store gives words (labels are symbols there, not hashes), to
    test a doc's attribute arrays against a vocabulary without making a Token per word."""
    return frozenset(strings.as_int(word) for word in vocabulary)


def depth_below_root(token: Token) -> int:
    """How many words a token hangs below its sentence's root (0: it is the root)."""
    depth = 0
    while token.head.i != token.i and depth < 64:
        token, depth = token.head, depth + 1
    return depth
