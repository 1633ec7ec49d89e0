"""Who is who in the whole report: the table of the organisations and armed groups it names.

A report names a body once in full and then describes it: "the regional bloc, the Coastal
Alliance, ..." is later "the bloc" or "the alliance"; "Veloria's paramilitary Northern Defence
Brigades" is later "the paramilitaries". A sentence alone does not know who these are; the
report does. The table is built once from every parsed sentence of a report (or of a section
of a long one) before its events are read, and the participant reader asks it whenever an
argument is a description instead of a name.

What the table keeps for each body is what the report says of it: the head word of its name
("alliance"), the words it is described with (an apposition "a regional bloc", modifiers
"paramilitary", an owner "Veloria's"), and where it is named. A description refers to a body
when its head word is one of those words and each of its own modifiers is among them too —
"the regional bloc" is the Coastal Alliance, "government forces" are not the Brigades. Generic
state nouns ("the army", "the police") refer only through a description the report gives
("the army, the Velorian Defence Force"): a rebel "Arakan Army" is not "the army".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import TAG
from spacy.tokens import Doc, Span, Token

from ..countrywords import demonym
from ..model import Participant
from .group import initials
from .participants import SIDE_NOUNS, TITLE_NOUNS, armed_group_span, clean_name, nationality_of, with_of_phrase
from .places import fold, lookup, side_country
from .syntax import text_of
from .words import words

_TABLE_LABELS = frozenset({"ORG"})
# "the army" is the state's army, whatever the report calls a rebel "… Army".
_GENERIC_STATE_NOUNS = words("generic_state_nouns")
_DESCRIBING_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
_ARMED_GROUP_HEADS = words("armed_group_heads")
_BLOC_HEADS = words("bloc_heads")
_BLOC_REFERENCES = words("bloc_reference_nouns")   # 'the bloc', 'the regional body'
_BLOC_MODIFIERS = words("bloc_reference_modifiers")
_PRONOUNS = words("pronouns") | {"our", "your", "my"}
_LABOUR_REFERENCES = words("labour_reference_nouns")
_LABOUR_HEADS = words("labour_heads")
_LABOUR_NAME_WORDS = words("labour_name_words")
_LABOUR_MODIFIERS = words("labour_reference_modifiers")


def _of_the_side(word: str) -> str:
    """'northern' of 'North' ('the northern textile union' of the Federation of Textile Workers of the North)."""
    return word + "ern"


def _trade_of(word: str) -> str:
    """'mining' of 'mine' ('the mining union' of a Copper Mine Employees' Federation)."""
    return word.rstrip("e") + "ing" if word.isalpha() else word


def singular(word: str) -> str:
    """A plural noun's singular, well enough to compare descriptions ('paramilitaries')."""
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# Nouns that say what kind of body a name is ('the Islamist group', 'a regional bloc').
_BODY_NOUNS = {singular(w) for w in words("group_nouns") | _ARMED_GROUP_HEADS | _BLOC_HEADS | words("institution_nouns")}


@dataclass
class Entity:
    name: str
    label: str
    head: str                                   # 'alliance' for 'the Coastal Alliance'
    describers: set[str] = field(default_factory=set)   # what the report calls it
    name_words: set[str] = field(default_factory=set)
    named_at: list[int] = field(default_factory=list)   # report offsets of its mentions

    def fits(self, head: str, modifiers: set[str]) -> bool:
        """Whether a description with this head and these modifiers can mean this body."""
        if not modifiers and len(head) >= 2 and head == initials(self.name.split()):
            return True   # 'SHLA' of the Salween Hills Liberation Army, which NER missed
        bloc = head in _BLOC_REFERENCES and self.head in _BLOC_HEADS
        # 'the mining union' is a copper miners' federation the report names
        # (a body with the word in its own name is found by it, when it is the only one: holds_word)
        labour = head in _LABOUR_REFERENCES and self.head in _LABOUR_HEADS and head not in self.name_words \
            and bool(self.name_words & _LABOUR_NAME_WORDS)
        by_name = (head == self.head and head not in _GENERIC_STATE_NOUNS) or bloc or labour
        # 'the regional body' is any union of states the report names, whatever it calls it
        allowed = self.describers | self.name_words | (_BLOC_MODIFIERS if bloc else set()) \
            | (_LABOUR_MODIFIERS | {f(w) for w in self.name_words for f in (_trade_of, _of_the_side)} if labour else set())
        return (by_name or head in self.describers) and modifiers <= allowed

    def lands(self) -> set[str]:
        """The states its name names ('Philippine' of 'Philippine Coast Guard')."""
        return {code for w in self.name.split() if (code := side_country(w)) is not None}

    def holds_word(self, head: str, modifiers: set[str]) -> bool:
        """Whether a description is a word of this body's name ('the union', 'the federation's
        leaders'), with no word the report does not say of it."""
        return head in self.name_words and head not in _GENERIC_STATE_NOUNS and len(head) > 3 \
            and modifiers <= self.describers | self.name_words


@dataclass
class NationalSide:
    """Unnamed people of one state the report tells of ('Indian soldiers', 'Chinese troops')."""
    name: str
    head: str                                   # 'soldier'
    country: str
    named_at: int


class EntityTable:
    """The bodies a report names, with what it says of them (see the module's docstring)."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.national: list[NationalSide] = []

    @classmethod
    def from_docs(cls, docs: list[Doc], offsets: list[int]) -> EntityTable:
        table = cls()
        for doc, offset in zip(docs, offsets):
            for span in _bodies(doc):
                table._add(span, offset)
            for span, name in _ruling_bodies(doc):
                table._add(span, offset, name)
            table.national.extend(_national_sides(doc, offset))
        return table

    def _add(self, span: Span, offset: int, name: str | None = None) -> None:
        # ('the Council for Unity (' as NER may cut it: the name without its bracket)
        name = name or clean_name(span[1:] if span[0].lower_ == "the" and len(span) > 1 else span)
        entity = self.entities.get(name.lower())
        if entity is None:
            # the head of its name: 'Union' of 'the Union of Lake Basin Republics', not 'Republics'
            head = span.root if span.root.is_alpha else span[-1]
            entity = self.entities[name.lower()] = Entity(name, span.label_ or "GROUP", singular(head.text))
        entity.name_words |= {singular(t.text) for t in span if not t.is_punct and t.lower_ != "the"}
        entity.name_words |= {singular(w) for w in name.split()}
        entity.describers |= _description_words(span)
        entity.named_at.append(offset + span.start_char)

    def refer(self, token: Token, role: str, offset: int) -> Participant | None:
        """The body a description ('the bloc', 'Veloria's paramilitaries') stands for: the one
        named last before it among those it fits, else the first after; None when none fits."""
        head, modifiers = singular(token.text), _modifier_words(token)
        at = offset + token.idx
        # 'the Chinese coast guard' is no 'Philippine Coast Guard': a nationality said of the
        # description that another in the body's name contradicts
        lands = {code for c in token.children if c.ent_type_ in ("GPE", "NORP") and (code := side_country(c.text))}
        # 'a Lusaka court' is no court whose name does not hold Lusaka: a town said of it says which
        towns = {singular(c.text) for c in token.children if c.i < token.i and c.pos_ == "PROPN" and _is_town(c.text)}
        bodies = [e for e in self.entities.values() if (not lands or not (e.lands() - lands)) and towns <= e.name_words]
        fitting = [e for e in bodies if e.fits(head, modifiers)]
        if not fitting:
            # 'the union' of the Confederation of Labour Unions: a word of one body's name (of
            # one only: 'the council' of two councils says neither)
            named = [e for e in bodies if e.holds_word(head, modifiers)]
            fitting = named if len(named) == 1 else []
        if not fitting:
            return self._national(token, role, head, modifiers, at) or self._sole_armed_group(token, role, head, modifiers, at)
        # 'the Council' written as a name, of a report naming two councils: the one its lead
        # named first (the junta's, not the churches' it received); a description in lower case
        # ('the bloc') is the body named last before it
        lead = token.text[:1].isupper() and len(fitting) > 1
        best, best_key = None, None
        for entity in fitting:
            before = [p for p in entity.named_at if p < at]
            key = (1, -min(before)) if before and lead else (1, max(before)) if before else (0, -min(entity.named_at))
            if best_key is None or key > best_key:
                best, best_key = entity, key
        if best is None:
            return None
        words_span = token.doc[token.left_edge.i + (token.left_edge.dep_ == "det"): token.i + 1]
        return Participant(name=best.name, role=role, kind=best.label, start=words_span.start_char,
                           end=words_span.end_char, surface=words_span.text)

    def _sole_armed_group(self, token: Token, role: str, head: str, modifiers: set[str], at: int) -> Participant | None:
        """'gunmen', 'the fighters', 'suspected militants' in a report that has named one armed
        group in an earlier sentence ('its fighters': before them in theirs): that group's men. Not
        'unidentified gunmen' (a word the rule does not know), nor men of two groups, nor men in a
        sentence that names the group itself."""
        if head not in _UNNAMED_ARMED or not modifiers <= _ARMED_MODIFIERS:
            return None
        armed = [e for e in self.entities.values() if _is_armed_group(e)]
        sentence = (at - token.idx, at - token.idx + len(token.doc.text))
        owned = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children)   # 'its fighters'
        if len(armed) != 1 or not any(p < sentence[0] + owned * (token.idx + 1) for p in armed[0].named_at) \
                or not owned and any(sentence[0] <= p < sentence[1] for p in armed[0].named_at):
            return None   # ('a commander of the Front was shot by gunmen': the group named there is no doer)
        words_span = token.doc[token.left_edge.i + (token.left_edge.dep_ == "det"): token.i + 1]
        return Participant(name=armed[0].name, role=role, kind=armed[0].label, start=words_span.start_char,
                           end=words_span.end_char, surface=words_span.text)

    def _national(self, token: Token, role: str, head: str, modifiers: set[str], at: int) -> Participant | None:
        """'the soldiers' after 'twenty Indian soldiers were killed': the people of one state the
        report told of before with that word, when it tells of one state's only. Only 'the' and
        the bare word: 'soldiers' or 'two soldiers' may be anyone's."""
        if modifiers or token.tag_ != "NNS" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        told = [side for side in self.national if side.head == head]
        before = [side for side in told if side.named_at < at]
        if not before or len({side.country for side in told}) != 1:
            return None
        return Participant(name=before[-1].name, role=role, kind="GROUP", start=token.idx, end=token.idx + len(token.text),
                           surface=token.text)


# Men of an armed group named by what they do ('gunmen', 'fighters'), the words that may go with
# them and still mean the group's ('suspected', 'armed'), and what a report calls an armed group.
_UNNAMED_ARMED = words("unnamed_armed_men")
_ARMED_MODIFIERS = words("armed_men_modifiers")
_ARMED_DESCRIPTIONS = words("armed_group_descriptions")


# Heads of a state's units or of movements nobody need call armed ('the Presidential Guard').
_STATE_UNIT_HEADS = frozenset({"movement", "guard", "regiment", "battalion", "battalions", "corps"})


def _is_armed_group(entity: Entity) -> bool:
    """A group under arms that no state's name claims ('the Salween Front', 'Jaysh al-Furqan, an
    Islamist faction'); not 'the Armed Forces of Liberia' nor a movement no one calls armed."""
    armed = entity.head in _ARMED_GROUP_HEADS - _STATE_UNIT_HEADS or bool(entity.describers & _ARMED_DESCRIPTIONS)
    return armed and not entity.lands()


def _is_town(word: str) -> bool:
    """A town the gazetteer knows by this name (not a country, whose words say whose, not which)."""
    place = lookup(word) if side_country(word) is None else None
    return place is not None and place.lat is not None and fold(place.name) == fold(word)


def _national_sides(doc: Doc, offset: int) -> list[NationalSide]:
    """The people of a state a sentence tells of by nationality and a side's noun ('Indian
    soldiers', 'Chinese troops')."""
    found = []
    plurals = numpy.flatnonzero(doc.to_array(TAG) == doc.vocab.strings["NNS"]).tolist()   # a Token per word costs more
    for token in (doc[i] for i in plurals):
        if token.lemma_.lower() not in SIDE_NOUNS:
            continue
        nationality = nationality_of(token, adjacent=True)
        if nationality is not None:
            found.append(NationalSide(f"{nationality.text} {token.text}", singular(token.text),
                                      side_country(nationality.text), offset + nationality.idx))
    return found


def _bodies(doc: Doc) -> list[Span]:
    """The organisations a parsed sentence names, and the armed groups NER missed ('the
    Northern Defence Brigades' is often no entity at all)."""
    ents = doc.ents
    # the tokens are walked only when a capitalised head word is in the text (walking is costly)
    heads = [t for t in doc if t.lower_ in _ARMED_GROUP_HEADS and t.pos_ == "PROPN"] \
        if _CAPITALISED_HEAD.search(text_of(doc)) else []
    described = [Span(doc, e.start, e.end, label="ORG") for e in ents if e.label_ == "PERSON" and _described_as_body(e)]
    if not heads and not described and not any(e.label_ in _TABLE_LABELS or e[-1].lower_ in _ARMED_GROUP_HEADS for e in ents):
        return []
    if _is_headline(text_of(doc)):
        return []   # 'Bloc Sanctions Veloria Over Port Seizure' reads to NER as one name
    spans = [with_of_phrase(e) if e.label_ in _TABLE_LABELS else Span(doc, e.start, e.end, label="GROUP") for e in ents
             if (e.label_ in _TABLE_LABELS or e[-1].lower_ in _ARMED_GROUP_HEADS)   # brigades NER took for people
             and all(t.text[:1].isalnum() or t.is_punct for t in e) and not _portfolio(e) and not _titled_person(e)]
    spans += described   # 'Jaysh al-Furqan, an Islamist faction': a body NER took for a person
    covered = {i for e in ents for i in range(e.start, e.end)} if heads else set()
    for token in heads:
        span = armed_group_span(token) if token.i not in covered else None
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label="GROUP"))
    return spans


_PORTFOLIOS = words("portfolio_words")
_TITLES = words("title_words")


def _portfolio(ent: Span) -> bool:
    """'Interior' of 'Interior Minister X', which NER took for a body: a title's word, no body."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.lower_ in _TITLES and all(t.lower_ in _PORTFOLIOS for t in ent)


def _described_as_body(ent: Span) -> bool:
    """Whether the sentence calls a name NER took for a person a body ('…, an Islamist faction')."""
    return any(c.dep_ == "appos" and singular(c.lower_) in _BODY_NOUNS | _ARMED_DESCRIPTIONS for c in ent.root.children)


# Title words that open bodies' names too ('General Staff', 'State Duma').
_BODY_OPENERS = frozenset({"general", "state", "national", "federal", "supreme", "central", "head"})


def _titled_person(ent: Span) -> bool:
    """'Superintendent Lamin Gaye', which NER took for a body: a person's title, then names
    none of which is a body's word. Kept in the table, a 'police spokesman' in apposition to it
    would make 'the police' stand for the spokesman."""
    rest = [t for t in ent[1:] if not t.is_punct]
    return ent[0].lower_ in (_TITLES | TITLE_NOUNS) - _BODY_OPENERS and len(rest) >= 2 and all(
        t.pos_ == "PROPN" and singular(t.lower_) not in _BODY_NOUNS | _TITLES | TITLE_NOUNS | _PORTFOLIOS for t in rest)


_RULING_HEADS = words("ruling_body_nouns")
_RULING_WORDS = re.compile(r"\b(?:%s)\b" % "|".join(sorted(_RULING_HEADS)), re.I)


def _ruling_bodies(doc: Doc) -> list[tuple[Span, str]]:
    """'Chad's ruling junta', 'the Malian junta', 'the regime in power in Minsk': a body
    that rules a country, named as that country's ('Malian junta'), so that 'the junta' elsewhere
    in the report is it. Its country: an owner, a nationality, or 'in (power in) X', a town of it."""
    if not _RULING_WORDS.search(text_of(doc)):
        return []
    found = []
    for token in (t for t in doc if t.lemma_.lower() in _RULING_HEADS and t.pos_ == "NOUN"):
        owners = [c for c in token.children if c.dep_ in ("poss", "amod", "compound") and c.i < token.i
                  and (c.ent_type_ in ("GPE", "NORP") or side_country(c.text))]
        # 'the junta in Chad', 'the junta in power in Chad' (read in order: the parser often hangs
        # the last 'in' elsewhere)
        after = doc[token.i + 1: token.i + 5]
        places = [after[i + 1] for i in range(len(after) - 1) if after[i].lower_ == "in"
                  and (i == 0 or after[i - 1].lower_ == "power")]
        code = next((c for t in owners + places if (c := _country_named(t)) is not None), None)
        name = demonym(code) if code else None
        if name is not None:
            start = min([token.left_edge.i] + [t.i for t in owners])
            span = Span(doc, start + (doc[start].dep_ == "det"), token.i + 1, label="GROUP")
            found.append((span, f"{name} {token.lemma_.lower()}"))
    return found


def _country_named(token: Token) -> str | None:
    """The country a word names: its own name or demonym, or a town the gazetteer knows by that
    very name ('Minsk', which NER may call an organisation)."""
    code = side_country(token.text)
    place = lookup(token.text) if code is None and token.pos_ == "PROPN" else None
    return place.country if place is not None and fold(place.name) == fold(token.text) else code


_CAPITALISED_HEAD = re.compile(r"\b(?:%s)\b" % "|".join(sorted(w.capitalize() for w in _ARMED_GROUP_HEADS)))
_LONG_WORDS = re.compile(r"[^\W\d_]{4,}")


def _is_headline(text: str) -> bool:
    """Whether the sentence is written in title case (most of its longer words capitalised)
    and, as headlines are, without a full stop: a sentence that ends like prose is prose,
    however long the names in it ('The Union of Lake Basin Republics suspended …')."""
    if text.rstrip().endswith((".", "!", "?", ".\"", ".”", ".'", ".’")):
        return False
    words = _LONG_WORDS.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.7 * len(words)


def _description_words(span: Span) -> set[str]:
    """What the sentence says the body is: modifiers outside its name ('paramilitary', an
    owner 'Veloria'), an apposition ('…, a regional bloc'), or the noun it is in apposition to
    ('the regional bloc, the Coastal Alliance')."""
    root = span.root
    found: set[str] = set()
    for token in span:
        found |= {singular(c.text) for c in token.children
                  if c.dep_ in _DESCRIBING_DEPS and (c.i < span.start or c.i >= span.end) and not c.is_punct}
    described = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ in ("appos", "compound") and root.head.pos_ in ("NOUN", "ADJ") and root.head.i < span.start:
        described.append(root.head)
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        # 'envoys of the Taliban, the Islamist movement that …', the parser hanging the apposition on
        # another word: the one that opens right after the name's comma describes it
        described += [t for t in doc[span.end + 1:] if t.dep_ == "appos" and t.pos_ == "NOUN"
                      and t.left_edge.i == span.end + 1 and t not in described and singular(t.text) in _BODY_NOUNS][:1]
    named = root.head if root.dep_ in ("oprd", "attr") else None
    if named is not None and named.lemma_.lower() in _NAMING_VERBS and named.dep_ in ("relcl", "acl") \
            and any(c.lower_ == "themselves" for c in named.children):
        # 'troops who now style themselves a salvation committee', 'a band of officers calling themselves the Front'
        described.append(named.head)
        described += [o for p in named.head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                      if o.dep_ == "pobj" and singular(named.head.lower_) in _COLLECTIVE_HEADS]
    for noun in described:
        found.add(singular(noun.text))
        found |= {singular(c.text) for c in noun.children if c.dep_ in ("amod", "compound")}
    return found


_NAMING_VERBS = frozenset({"call", "name", "style", "dub"})
_COLLECTIVE_HEADS = frozenset({"group", "band", "faction", "cell", "unit"})


def _modifier_words(token: Token) -> set[str]:
    # 'its forces': whose they are is the pronoun's business, not the description's; 'Chad
    # paramilitaries': where they are need not be how the report described them
    return {singular(c.text) for c in token.children if c.dep_ in _DESCRIBING_DEPS and not c.is_punct
            and c.lower_ not in _PRONOUNS and c.ent_type_ not in ("GPE", "NORP")}
