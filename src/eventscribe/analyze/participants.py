"""Who takes part: from a parsed token to a named participant with title and affiliation.

"hosted President Anton Vasko's personal envoy, Mira Sellen" names Sellen (the envoy), not
Vasko (whose envoy she is); "a Norvanian delegation headed by Mira Sellen" names Sellen; "the
Norvanian delegation" alone is a group participant.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Span, Token

from ..countrywords import country_words
from ..model import Participant
from ..timeparse import MONTHS, WEEKDAYS, find_expressions
from .places import country_name, is_country, side_country
from .words import words

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
TITLE_NOUNS = words("title_nouns")
GROUP_NOUNS = words("group_nouns")
# Armed, state and crowd sides that act without a name ("Government forces shelled…", "Police
# arrested…", "Soldiers opened fire on demonstrators"): the noun phrase itself is the side.
SIDE_NOUNS = words("side_nouns")
# "criticised the actions of the junta": what was said or done stands for who did it.
STAND_IN_NOUNS = words("stand_in_nouns")
_CEREMONIAL = words("ceremonial_words")
# "Thousands of protesters": the people counted are the side, not the number.
QUANTITY_NOUNS = words("quantity_nouns")
INSTITUTION_NOUNS = words("institution_nouns")
PAIR_NOUNS = words("pair_nouns")
# "both countries", "the two sides": the two states, or the two sides, the report just named.
STATE_PAIR_NOUNS = words("state_pair_nouns")
SIDE_PAIR_NOUNS = words("side_pair_nouns")
ANY_PAIR_NOUNS = PAIR_NOUNS | STATE_PAIR_NOUNS | SIDE_PAIR_NOUNS
_PAIR_COUNTS = frozenset({"two", "both"})
# 'the three countries', 'all four governments': the states the report just named together
_STATE_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "3": 3, "4": 4, "5": 5, "6": 6}
_BELLIGERENT_MODIFIERS = words("belligerent_modifiers")
PRONOUNS = words("pronouns")
FIRST_PERSON_PLURAL = words("first_person_plural")
# A state's own body named by its common noun alone ('the government'): home.py names its country.
UNNAMED_STATE_BODIES = words("unnamed_state_bodies")
_NOT_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                               "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"})
# a name ending in an event's or a text's word names no side: 'the Astana talks', 'the Vilnius Communiqué'
_EVENT_WORDS = words("event_words") | words("text_words")
# initials of no body: 'LGBT activists', 'NGO workers'
_NOT_BODIES = words("not_body_initials")
_ARMED_GROUP_HEADS = words("armed_group_heads")
_TIME_NOUNS = words("time_nouns")
_FOLLOWER_NOUNS = words("follower_nouns")
_WEAPON_NOUNS = words("state_weapon_nouns")
_OWNED_SITES = words("owned_sites")
_SKIP_MODIFIERS = words("skip_modifiers")
_COUNTS = words("generic_quantifiers") | {"some", "few"}
_ORDER_WORDS = words("order_modifiers")


_NAMES_BY_TOKEN = "eventscribe_names_by_token"


def is_first_person_plural(token: Token) -> bool:
    """'we', 'Our'; not 'US', the United States."""
    return token.lower_ in FIRST_PERSON_PLURAL and not token.text.isupper()


_FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "myself"})


def is_first_person_singular(token: Token) -> bool:
    """'I', 'me', 'my' (a pronoun, not a numeral: 'World War I')."""
    return token.lower_ in _FIRST_PERSON_SINGULAR and token.pos_ == "PRON"


def _objects_of(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the token's prepositions among these (syntax.prep_objects imports this module)."""
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]


def entity_of(token: Token) -> Span | None:
    """The name (PERSON, ORG, GPE, NORP, FAC) the token is part of, made whole, or None."""
    if not token.ent_type:
        return None   # in no entity
    doc = token.doc
    names = doc.user_data.get(_NAMES_BY_TOKEN)
    if names is None:
        # doc.ents builds new Spans at each call: index the names once per parsed sentence
        names = doc.user_data[_NAMES_BY_TOKEN] = {}
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS:
                whole = with_of_phrase(ent)
                for i in range(ent.start, ent.end):
                    names.setdefault(i, whole)
    return names.get(token.i)


# Heads of names that go on with "of ...": "U.S. Department | of the Treasury", which NER splits.
_INSTITUTION_HEADS = words("institution_heads")


def with_of_phrase(ent: Span) -> Span:
    """An organisation name whose 'of the X' part NER tagged as a second name, made whole: 'U.S.
    Department | of the Treasury'; a body's region after a name of its own ('the Union of Salt
    Miners | of the Highlands')."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "ORG" or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return ent
    after = end + 1 + (doc[end + 1].lower_ == "the")
    following = next((other for other in doc.ents if other.start in (end + 1, after)), None)
    if following is not None and ent[-1].lower_ in _INSTITUTION_HEADS and following.label_ in ("ORG", "GPE", "NORP", "FAC"):
        whole = doc[ent.start:following.end]
    elif after > end + 1 and _headed_of(ent) and (region := _region_words(doc, after)):
        whole = doc[ent.start:region]
    else:
        return ent
    whole.label_ = ent.label_
    return whole


def _region_words(doc, start: int) -> int:
    """Where the capitalised words of a region NER tagged as a place or not at all end ('the
    South', 'the Upper Valley'); 0 when there are none."""
    end = start
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].ent_type_ in ("", "LOC") and doc[end].is_alpha:
        end += 1
    return end if end > start else 0


def _headed_of(ent: Span) -> bool:
    """'the Union of Salt Miners': a name of an institution's kind and what it is of."""
    return any(t.lower_ in _INSTITUTION_HEADS and t.i + 1 < ent.end and ent.doc[t.i + 1].lower_ == "of" for t in ent)


def _is_principal(ent: Span) -> bool:
    """Putin in 'the envoy of President Putin': the one on whose behalf, not the participant."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in TITLE_NOUNS


def second_title_holder(title: Token) -> Span | None:
    """'Gabonese president and CEMAC chairman Paul Ndong': an office coordinated with another
    office that a name follows is that person's (not 'the minister and President Ruto', two
    people: an article before the first, a capitalised title before the name)."""
    doc = title.doc
    if title.i + 1 >= len(doc) or doc[title.i + 1].lower_ != "and" or any(c.dep_ == "det" for c in title.children):
        return None
    for ent in (e for e in doc.ents if e.label_ == "PERSON" and title.i + 2 < e.start <= title.i + 5):
        between = doc[title.i + 2: ent.start]
        if between[-1].text.islower() and between[-1].lower_ in _TITLE_WORDS | TITLE_NOUNS \
                and all(t.text.islower() and t.lower_ in _TITLE_WORDS | TITLE_NOUNS
                        or t.ent_type_ in ("ORG", "NORP", "GPE") or t.text[:1].isupper() for t in between[:-1]):
            return ent
    return None


def _appositive_name(title: Token) -> Span | None:
    for child in title.children:
        if child.dep_ == "appos":
            ent = entity_of(child)
            if ent is not None and ent.label_ == "PERSON":
                return ent
    for child in title.children:
        if child.dep_ == "acl" and child.lemma_ in ("lead", "head", "chair"):
            for agent in child.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        ent = entity_of(pobj)
                        if ent is not None:
                            return ent
    for token in title.subtree:
        ent = entity_of(token)
        if ent is None or ent.label_ != "PERSON" or (len(ent) == 1 and ent.text.lower() in _UNIT_MODIFIERS):
            continue   # 'Riot police': NER's person is the force's first word
        people = _people_named_before(ent, title)
        if people is not None:
            return people   # 'Sierra Leonean police', 'the Tajik side': a people, not a person
        if _is_principal(ent):
            # "envoy of President Ruiz, Jonas Pirk": the name after the comma is the envoy.
            for conj in ent.root.children:
                conj_ent = entity_of(conj) if conj.dep_ in ("conj", "appos") else None
                if conj_ent is not None and conj_ent.label_ == "PERSON" and conj.doc[conj_ent.start - 1].text == ",":
                    return conj_ent
            continue
        # an owner is not the holder: "Belarus's special police", "Putin's envoy"
        if (ent.root.head == title and ent.root.dep_ != "poss") or ent.root == title:
            return ent
        if _closes_long_title(title, ent):
            return ent
    return _name_after_title(title)


def _people_named_before(ent: Span, title: Token) -> Span | None:
    """A people's name NER took for a person right before a side's noun ('Sierra Leonean' |
    'police'), with the words before it that name the people too: the people and the noun."""
    if ent.end != title.i:
        return None
    start = next((s for s in (ent.start - 2, ent.start - 1, ent.start) if s >= 0
                  and side_country(ent.doc[s: ent.end].text) is not None
                  and all(t.text[:1].isupper() and t.dep_ != "det" for t in ent.doc[s: ent.end])), None)
    return Span(ent.doc, start, title.i + 1, label="GROUP") if start is not None else None


_TITLE_JOINERS = frozenset({"for", "of", "and", "the", "on", "&"})


def _closes_long_title(title: Token, ent: Span) -> bool:
    """'Assistant Foreign Minister for Arab and African Affairs Omar Hadid': a capitalised title
    whose 'for …' or 'of …' phrase runs, in capitals, into the name that ends it (the parser
    hangs the name inside the phrase)."""
    if not title.text.istitle() or ent.root.dep_ != "pobj" or ent.root.head.dep_ != "prep" \
            or ent.root.head.head != title or ent.end != title.right_edge.i + 1:
        return False
    between = title.doc[title.i + 1:ent.start]
    return all(t.text[:1].isupper() or t.lower_ in _TITLE_JOINERS for t in between)


def _name_after_country(ent: Span) -> Span | None:
    """'President of Chile Luis Ortega', which NER reads as one name: the person after
    the country that ends the title (two capitalised words at least)."""
    for size in (1, 2, 3):
        rest = ent[size:]
        if len(rest) >= 2 and is_country(ent[:size].text) and all(t.text[:1].isupper() for t in rest):
            return Span(ent.doc, rest.start, rest.end, label="PERSON")
    return None


def _name_after_title(title: Token) -> Span | None:
    """'Special Envoy to Chile Jonas Pirk': a name right after its title phrase."""
    doc = title.doc
    for token in doc[title.i + 1: min(len(doc), title.i + 9)]:
        if token.pos_ in ("VERB", "AUX") or token.lower_ in ("and", "who", "which", "that"):
            break
        ent = entity_of(token)
        after_country = _name_after_country(ent) if ent is not None and doc[ent.start - 1].lower_ == "of" else None
        if after_country is not None:
            return after_country
        if ent is not None and ent.label_ == "PERSON":
            # 'rebels in Goma', 'envoy of Ruiz': a name a preposition governs is no holder of the title
            if _is_principal(ent) or doc[ent.start - 1].pos_ == "ADP":
                break
            return ent
        if ent is not None and ent.label_ == "ORG":
            inside = _name_after_body(ent) or _name_after_portfolio(ent)
            if inside is not None:
                return inside
    return _name_ending_title(title) or _name_after_bracketed_acronym(title)


def _name_after_portfolio(ent: Span) -> Span | None:
    """'Deputy Prime Minister for Reintegration Mihai Cojocaru', NER reading the portfolio and the
    name as one body: the two capitalised words that end it, after the portfolio's 'for', when
    they are no body's words ('… for the Border Troops')."""
    if len(ent) < 3 or ent.start == 0 or ent.doc[ent.start - 1].lower_ != "for" or ent[0].lower_ == "the":
        return None
    rest = ent[-2:]
    named = _person_run(rest) and ent[-3].is_alpha and not any(
        t.lower_ in _BODY_ENDS | INSTITUTION_NOUNS | GROUP_NOUNS or t.lemma_.lower() in INSTITUTION_NOUNS for t in rest)
    return Span(ent.doc, rest.start, rest.end, label="PERSON") if named else None


def _name_after_bracketed_acronym(title: Token) -> Span | None:
    """'the head of the Union of Salt Miners (USM), Ilko Brandvold, …': the name set
    off after a title phrase that ends with its body's acronym in brackets (the parser hangs the
    name on the verb)."""
    doc, end = title.doc, title.right_edge.i
    if title.lemma_.lower() not in TITLE_NOUNS or doc[end].text != ")" or end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    ent = entity_of(doc[end + 2])
    if ent is None or ent.label_ != "PERSON" or ent.start != end + 2:
        return None
    # set off on both sides ('…, Ilko Brandvold, at his home'), not the main clause's subject
    # ('When soldiers arrested the president of the Growers Union (GU), Mira Tosk called …')
    return ent if ent.end == len(doc) or doc[ent.end].text in (",", ".", ";") else None


# A body's name ends with one of these, or is an acronym: a name after it ends the title
# ('Governor of the CBK Ali Mwangi', 'President of the PMR Oleg Shumeiko').
_BODY_ENDS = words("bloc_heads") | words("body_name_ends")


def _person_run(tokens) -> bool:
    return len(tokens) >= 2 and all(t.text[:1].isupper() and not t.text.isupper() and t.is_alpha
                                    and t.lower_ not in _TITLE_WORDS | TITLE_NOUNS for t in tokens)


def _name_after_body(ent: Span) -> Span | None:
    """'the Coastal League Ana Ribeiro', which NER reads as one body: the person after the body's name."""
    for end in range(1, len(ent) - 1):
        body, rest = ent[:end + 1], ent[end + 1:]
        if (body[-1].lower_ in _BODY_ENDS or body[-1].text.isupper()) and _person_run(rest) and len(rest) <= 3:
            return Span(ent.doc, rest.start, rest.end, label="PERSON")
    return None


def _name_ending_title(title: Token) -> Span | None:
    """'President of the PMR Oleg Shumeiko': two or three capitalised words ending the title's
    'of' phrase, right after a body's name or acronym, are the holder (NER named no one)."""
    objects = _objects_of(title, ("of", "for"))
    if not objects:
        return None
    doc = title.doc
    phrase = doc[objects[0].left_edge.i: objects[0].i + 1]
    for size in (3, 2):
        rest = phrase[len(phrase) - size:] if len(phrase) > size else None
        before = doc[rest.start - 1] if rest is not None else None
        if rest is not None and _person_run(rest) and (before.lower_ in _BODY_ENDS or before.text.isupper()):
            return Span(doc, rest.start, rest.end, label="PERSON")
    return None


def _title_phrase(head: Token, exclude: Span | None = None) -> str:
    # 'the Tajik ambassador on Wednesday': a day the parser hangs on the title is no part of it
    dated = {t.i for prep in head.children if prep.dep_ == "prep" and any(
        o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children) for t in prep.subtree}
    words = [t for t in head.subtree if t.dep_ not in ("det", "punct", "cc", "relcl") and t.i not in dated
             and not (exclude is not None and exclude.start <= t.i < exclude.end)]
    # Stop at a relative clause or a comma-separated tail.
    kept = [t for t in words if t.i <= head.i or t.head.i <= head.i + 6]
    text = " ".join(t.text for t in sorted(kept, key=lambda t: t.i))
    return text.replace(" 's", "'s").replace(" ’s", "’s").strip(" ,")


def _left_title(ent: Span) -> str | None:
    """Words before a name inside its own noun phrase: 'Russian Deputy Foreign Minister'."""
    root = ent.root
    left = [t for t in root.subtree if t.i < ent.start and t.dep_ not in ("det", "punct", "case", "poss")
            and t.is_alpha
            and not (t.dep_ == "compound" and t.ent_type_ == "PERSON")]
    if not left:
        return None
    # Keep the contiguous run that ends right before the name.
    run: list[Token] = []
    for token in sorted(left, key=lambda t: t.i, reverse=True):
        if run and token.i != run[-1].i - 1:
            break
        if not run and token.i != ent.start - 1:
            break
        run.append(token)
    words = [t.text for t in reversed(run)]
    return " ".join(words) if words else None


def _affiliation(text: str | None, doc_tokens: Span | None) -> str | None:
    if doc_tokens is None:
        return None
    for ent in doc_tokens.ents:
        if ent.label_ in ("NORP", "GPE") and (text is None or ent.text in text):
            return ent.text.removesuffix("'s").removesuffix("’s")
    return None


def _title_for(ent: Span) -> str | None:
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.lemma_.lower() in TITLE_NOUNS:
        return _title_phrase(head, exclude=ent)
    if ent.root.dep_ == "conj" and ent.doc[ent.start - 1].text == "," and entity_of(head) is not None \
            and _is_principal(entity_of(head)):
        return _title_phrase(entity_of(head).root.head.head)
    left = _left_title(ent)
    for child in ent.root.children:
        # "X, Russian envoy to Syria, Y": a title followed by another name is that name's.
        names_after = any(c.dep_ == "appos" and c.i > child.i and entity_of(c) is not None
                          and entity_of(c).label_ == "PERSON" for c in ent.root.children)
        if child.dep_ == "appos" and child.lemma_.lower() in TITLE_NOUNS and not names_after:
            return _title_phrase(child)
    return left


_QUOTES = frozenset("\"“”‘’«»'")


def span_name(span: Span) -> str:
    """A phrase's words as a name, without the quote marks a report puts around some of them
    ("Belarus’s ‘special police’"), nor a bracket whose other half the phrase does not hold
    ("[the ELN] guerrilla group" cut after its opening); an apostrophe's "’s" stays."""
    if any(t.text in "[]" for t in span) and span.text.count("[") != span.text.count("]"):
        return _unbracketed(span)
    if not any(t.text in _QUOTES for t in span):
        return span.text
    # a plural's possessive mark stays ('the dockers' union'); a dropped mark keeps its space
    return "".join(t.text_with_ws if t.text not in _QUOTES or t.tag_ == "POS" else t.whitespace_
                   for t in span).strip()


def _unbracketed(span: Span) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[\[\]]", " ", span.text)).strip()


# A photo caption's place marks: "Luis Ortega (center)", "Ana Ruiz (L)".
_CAPTION_PLACE = re.compile(r"\s*\((?:left|right|cent(?:er|re)|front|rear|[LRC])\)?\s*$", re.I)


_ADDRESS = re.compile(r"^(?:(?:his|her|their)\s+)?(?:highness|majesty|excellency|holiness)\s+", re.I)


def clean_name(ent: Span) -> str:
    text = _ADDRESS.sub("", _CAPTION_PLACE.sub("", ent.text)).strip(" ,.;:'\"“”()[]~")
    if text.count("(") > text.count(")") and text.rfind("(") > 0:
        text = text[:text.rfind("(")].strip()   # 'the Council for Renewal (NCR' as NER cut it
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "").strip()
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    # A headline glued to its byline gives spans like "Moldova By"; no name ends in a preposition.
    words = text.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING_FUNCTION_WORDS:
        words.pop()
    # 'On 12 August China's Southern Theater Command …': a month NER takes into the name is no part of it
    while len(words) > 1 and _is_day_word(words[0]) and ent.label_ not in ("DATE", "PERSON"):   # ('May Lwin' is a name)
        words.pop(0)
    # 'the Kessel Front near Varo': where the body was is no part of its name
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _WHERE_WORDS and i + 1 < len(words)
                and words[i + 1][:1].isupper()), None)
    if cut is not None and ent.label_ in ("ORG", "NORP"):
        words = words[:cut]
    # "The Southern African Development Community", "The Philippines" opening a sentence:
    # the article is no part of a body's or a country's name (but of 'The Hague')
    if len(words) > 1 and words[0] in ("The", "the") and words[1][:1].isupper() and (
            ent.label_ == "ORG" or ent.label_ == "GPE" and is_country(" ".join(words[1:]))):
        words.pop(0)
    return " ".join(words) if len(words) != len(text.split()) else text


_TRAILING_FUNCTION_WORDS = frozenset("by and of in on at for with from to the".split())
_WHERE_WORDS = frozenset({"near", "outside", "around"})
_HEDGES = words("hedging_modifiers")


def _is_day_word(word: str) -> bool:
    """A month's or weekday's name ('August', 'Monday')."""
    return word.lower() in MONTHS or word.lower() in WEEKDAYS


def _tells_a_day(token: Token) -> bool:
    """A word of a date, whether NER tagged it or not ('on 3 May', 'On Monday')."""
    return token.ent_type_ in ("DATE", "TIME") or _is_day_word(token.text)


# Words that open a title when NER takes it into the name: "Peruvian President Ana Salas Vega".
_TITLE_WORDS = words("title_words")


def _split_title(ent: Span) -> tuple[Span, list]:
    """Leading title words and nationality adjectives inside a PERSON span, and the bare name."""
    start, end = ent.start, ent.end
    doc = ent.doc
    # NER sometimes stops short of the last part of a name: "Ana Salas | Vega".
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].ent_type_ in ("", "PERSON"):
        end += 1
    ent = doc[ent.start:end]
    while start < ent.end - 1 and (ent.doc[start].lower_ in _TITLE_WORDS or ent.doc[start].ent_type_ == "NORP"
                                   and ent.doc[start].lower_ not in ("al", "bin")):
        start += 1
    return ent.doc[start:ent.end], list(ent.doc[ent.start:start])


def _is_a_date(text: str) -> bool:
    found = find_expressions(text)
    return bool(found) and found[0][0] == 0 and found[-1][1] >= len(text.rstrip(" .,"))


def _titled_name(span: Span) -> Span | None:
    """'Chilean President Marta Ruiz' that NER left unnamed: a title word followed only
    by capitalised proper nouns is a person's title and name (read as a PERSON span)."""
    last_title = max((t.i for t in span if t.lower_ in _TITLE_WORDS), default=None)
    if last_title is None or last_title == span.end - 1:
        return None
    name = span.doc[last_title + 1: span.end]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in _TITLE_WORDS for t in name):
        return None
    return Span(span.doc, span.start, span.end, label="PERSON")


def participant_from_entity(ent: Span, role: str) -> Participant:
    leading: list = []
    if ent.label_ == "PERSON":
        ent, leading = _split_title(ent)
        ent.label_ = "PERSON"
    title = _title_for(ent) if ent.label_ == "PERSON" else None
    lead = " ".join(t.text for t in leading)
    if leading and not (title and lead in title):   # the words before the name may be read twice
        title = lead + (f" {title}" if title else "")
    title_span = None
    if title:
        title_span = ent.doc[max(0, ent.start - 12): min(len(ent.doc), ent.end + 12)]
    affiliation = _affiliation(title, title_span) if title else None
    if (code := country_words("demonym").get(clean_name(ent).lower())) is not None:
        # 'a Brazilian request', 'the Tajik ambassador' (NER may call 'Tajik' a person): a
        # nationality alone is its state
        return Participant(name=country_name(code) or clean_name(ent), role=role, kind="GPE",
                           start=ent.start_char, end=ent.end_char, surface=ent.text)
    return Participant(
        name=clean_name(ent), role=role, title=title,
        affiliation=affiliation or (_state_after(ent.root) if ent.label_ == "PERSON" else None),
        kind=ent.label_, start=ent.start_char, end=ent.end_char,
    )


def _state_after(token: Token, prepositions: tuple[str, ...] = ("of",)) -> str | None:
    """'King Tupou of Tonga', 'rebels in Ivory Coast', 'security forces in Benin': the state
    named after the person or group, in a phrase hanging on it."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in prepositions:
            for obj in prep.children:
                state = _named_land(obj) if obj.dep_ == "pobj" else None
                if state is not None:
                    return clean_name(state)
    return None


# 'activists of the Green Dawn movement', 'supporters from the union': people of a named body
_CROWD_OF_BODY = words("crowd_nouns")


def _body_of_people(token: Token) -> Span | None:
    """'senior leaders of Hezbollah', 'a delegation of Hezbollah officials': people of a named
    organisation, unnamed themselves, stand for it (people of a state stay a group of it)."""
    members = token.lower_ in ("member", "members") or token.lemma_.lower() in _CROWD_OF_BODY or token.lower_ in _CROWD_OF_BODY
    if not (_is_title_or_group(token) or members) or not (token.tag_ == "NNS" or token.lemma_.lower() == "delegation"):
        return None
    if token.lower_ in ("member", "members"):
        # 'Harapan Tani Union members': the body named before them (its supporters stay a group)
        named = [body for c in token.children if c.dep_ == "compound" and (body := entity_of(c)) is not None
                 and body.label_ == "ORG"]
        if named:
            return named[0]
    preps = ("of", "from") if members else ("of",)   # 'a delegation from the Fund' stays a delegation
    for obj in _objects_of(token, preps):
        candidates = [obj] + ([c for c in obj.children if c.dep_ in ("compound", "amod")] if _is_title_or_group(obj) else [])
        for candidate in candidates:
            body = entity_of(candidate)
            if body is not None and body.label_ == "ORG":
                return body
        # 'members of the Green Dawn movement': a name NER missed before a body's generic head
        named = generic_group_name(obj)
        if named is not None:
            return Span(obj.doc, named.start, obj.i + 1, label="ORG")
    return None


def _group_name(token: Token) -> Span | None:
    """'the Ghanaian delegation', 'Chad's foreign minister', 'the foreign minister of Ghana', 'a
    delegation from the Monetary Fund': a group or office named by the state or body it is of."""
    modifiers = [t for t in token.children if t.dep_ in ("amod", "compound", "poss", "nmod")
                 and t.i < token.i and t.lower_ not in _SKIP_MODIFIERS and t.lower_ not in _COUNTS
                 and not _miscoordinated(t)]
    if any(t.lower_ in _SKIP_MODIFIERS for t in token.children if t.dep_ == "amod"):
        return None
    start = min([m.left_edge.i for m in modifiers] + [token.i])   # 'several German ministers': 'German ministers'
    # ('On Monday Kenya's foreign ministry …': a day the parser hangs on the owner is no part of it)
    while (token.doc[start].dep_ in ("det", "punct") or _tells_a_day(token.doc[start])) and start < token.i:
        start += 1
    if any(_names_a_body(t) for t in token.doc[start: token.i + 1]):
        return token.doc[start: token.i + 1]
    if token.lemma_.lower() in SIDE_NOUNS:
        return None   # "soldiers from the Guard" are the Guard's: a side, read as one
    for prep in token.children:
        # ('the government of Togo' whatever NER took Togo for)
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from") and (
                any(t.ent_type_ in _OWNER_LABELS for t in prep.subtree)
                or any(o.dep_ == "pobj" and _named_land(o) is not None for o in prep.children)):
            return token.doc[start: _of_phrase_end(token, prep)]
        # "envoys of a Lisu armed group": the group's
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from") and any(
                o.dep_ == "pobj" and generic_group_name(o) is not None for o in prep.children):
            return next(generic_group_name(o) for o in prep.children if o.dep_ == "pobj" and generic_group_name(o))
        # "opposition groups in Malawi": a country, not a city ('diplomats in Kabul' may be anyone's)
        if prep.dep_ == "prep" and prep.lower_ == "in" and any(
                o.dep_ == "pobj" and (state := _named_state(o)) is not None and is_country(clean_name(state))
                for o in prep.children):
            return token.doc[start: prep.right_edge.i + 1]
    return None


_OWNER_LABELS = frozenset({"NORP", "GPE", "ORG"})


def _names_a_body(token: Token) -> bool:
    """A nationality, a state's or a body's name, or an acronym NER missed ('SADC member states')."""
    return token.ent_type_ in _OWNER_LABELS or (token.pos_ == "PROPN" and token.text.isupper() and len(token.text) > 1) \
        or (token.ent_type_ == "PERSON" and _named_land(token) is not None)   # 'Togo' NER took for a person


_PROPOSAL_NOUNS = words("proposal_nouns")


def proposer_of(proposal: Token) -> list[Token]:
    """Who made a proposal or demand: its owner ('Kenya's proposal'), a name or nationality
    before it ('a Kenyan proposal', 'the UN demand'), or an agent after it ('the terms
    offered by the Front', 'a proposal from Kenya')."""
    if proposal.lemma_.lower() not in _PROPOSAL_NOUNS:
        return []
    before = [c for c in proposal.children if c.dep_ in ("poss", "compound", "amod")
              and c.lower_ not in PRONOUNS and (entity_of(c) is not None or c.pos_ == "PROPN")]
    if before:
        return before[:1]
    after = _objects_of(proposal, ("from", "by"))
    after += [o for clause in proposal.children if clause.dep_ == "acl"
              for agent in clause.children if agent.dep_ == "agent" for o in agent.children if o.dep_ == "pobj"]
    return after[:1]


def pair_word(token: Token) -> str:
    """The plural pair noun a token stands for: 'both countries' -> 'countries'; 'each side
    (accused the other)' -> 'sides'; '' when it names no pair."""
    if any(c.lower_ in _PAIR_COUNTS for c in token.children) and token.lower_ in ANY_PAIR_NOUNS:
        return token.lower_
    if any(c.lower_ == "each" and c.dep_ == "det" for c in token.children):
        lemma = token.lemma_.lower()
        for plural in (lemma + "s", lemma[:-1] + "ies", lemma + "es"):
            if plural in ANY_PAIR_NOUNS:
                return plural
    return ""


def states_counted(token: Token) -> int:
    """How many states a counted plural beyond a pair names ('the three countries' -> 3); 0 else."""
    if token.lower_ not in STATE_PAIR_NOUNS:
        return 0
    return next((_STATE_COUNTS[c.lower_] for c in token.children if c.dep_ == "nummod" and c.lower_ in _STATE_COUNTS), 0)


def is_pair_reference(token: Token) -> bool:
    """'the two leaders', 'both countries', 'each government', 'the warring parties'; 'the
    three countries' too."""
    return bool(pair_word(token)) or is_belligerents_reference(token) or states_counted(token) > 0


_BELLIGERENT_NOUNS = words("belligerent_nouns")


def is_belligerents_reference(token: Token) -> bool:
    """'the warring parties', 'rival factions': the two sides of the report's fight."""
    return token.lower_ in _BELLIGERENT_NOUNS or \
        token.lower_ in SIDE_PAIR_NOUNS and any(c.lower_ in _BELLIGERENT_MODIFIERS for c in token.children)


def participants_for(token: Token, role: str, refer) -> list[Participant]:
    """The participant(s) a syntactic argument names, following conjunctions."""
    found: list[Participant] = []
    token = _counted(token)
    if is_pair_reference(token):
        pair = refer(token, role)   # "the two leaders": the last two people named
        if pair:
            return pair
    grouped = _is_title_or_group(token) or token.lemma_.lower() in SIDE_NOUNS
    states = _states_of(token) if grouped and token.tag_ == "NNS" else []
    if len(states) >= 2:
        return [participant_from_entity(ent, role) for ent in states]
    by_nationality = _sides_by_nationality(token, role) if grouped else []
    if by_nationality:
        return by_nationality
    if _is_title_or_group(token):
        # "officials of the two sides", "envoys of both countries": the pair they stand for
        for obj in (o for p in token.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                    for o in p.children if o.dep_ == "pobj" and is_pair_reference(o)):
            pair = refer(obj, role)
            if pair:
                return pair
    members = _named_members(token) if _is_title_or_group(token) else []
    if members:
        # "a Tamar delegation made up of …": each member is of the body the group is named by
        owner = " ".join(c.text for c in token.children if c.dep_ in ("compound", "amod") and _names_a_body(c)) or None
        people = [participant_from_entity(ent, role) for ent in members]
        for person in people:
            person.affiliation = person.affiliation or owner
        return people
    if _is_title_or_group(token):
        # "three states, Fiji, Samoa and Tonga": the named members stand for the group.
        named = [c for c in token.children if c.dep_ == "appos" and entity_of(c) is not None
                 and entity_of(c).label_ in ("GPE", "ORG", "NORP")]
        if named:
            token = named[0]
    for member in _conjuncts(token):
        participant = _one_participant(member, role, refer)
        if isinstance(participant, list):   # 'they': everyone the pronoun stands for
            found.extend(participant)
        elif participant is not None:
            found.append(participant)
    # a site taken or a paper signed is no side: "took control of Gulu airport", "signed an MoU"
    return [p for p in found if p.kind == "PERSON" or p.name.split()[-1].lower() not in _NOT_SIDES]


_NOT_SIDES = words("physical_sites") | words("signed_papers")


_MEMBERSHIP = words("membership_words")


def _named_state(token: Token) -> Span | None:
    """The state or body a token names, or a country's name NER missed or took for a person."""
    ent = entity_of(token)
    if ent is not None and ent.text.islower():
        return None   # 'smugglers of captagon': NER's label on a common word names no state
    if ent is not None and (ent.label_ in ("GPE", "NORP", "ORG") or is_country(ent.text)):
        return ent
    if ent is None and token.pos_ == "PROPN":
        # a country NER labelled a place (LOC) or missed: 'the Central African Republic', 'Togo'
        span = next((e for e in token.doc.ents if e.start <= token.i < e.end), token.doc[token.i: token.i + 1])
        words = span[1:] if span[0].lower_ == "the" and len(span) > 1 else span
        if is_country(words.text):
            return Span(token.doc, words.start, words.end, label="GPE")
    return None


def _named_land(token: Token) -> Span | None:
    """A place or a country a token names (a body or a people is none)."""
    state = _named_state(token)
    return state if state is not None and (state.label_ == "GPE" or is_country(state.text)) else None


def _states_of(group: Token) -> list[Span]:
    """'ministers of Chile and Peru', 'envoys from Ghana and Togo': the states each one is of,
    when the group is named by two or more of them (one state keeps the group's own name)."""
    for prep in group.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                names = [_named_state(t) for t in _conjuncts(objects[0])]
                if all(n is not None for n in names) and len({n.start for n in names}) == len(names):
                    return names
    return []


def _sides_by_nationality(group: Token, role: str) -> list[Participant]:
    """'Chadian and Cameroonian troops', 'Guinean and Liberian border guards': a side of each
    nationality, named with the rest of the phrase ('Cameroonian troops')."""
    doc = group.doc
    for first in (c for c in group.children if c.dep_ in ("amod", "compound") and _is_nationality(c) and c.i < group.i):
        others = [c for c in first.children if c.dep_ == "conj" and _is_nationality(c)]
        if not others:
            continue
        rest = doc[max(o.i for o in others) + 1: group.i + 1].text
        if _is_title(group) and group.tag_ == "NNS":
            # 'the Chilean and Peruvian foreign ministers': one office holder of each state
            rest = rest[: len(rest) - len(group.text)] + group.lemma_.lower()
        return [Participant(name=f"{n.text} {rest}", role=role, kind="GROUP", affiliation=n.text,
                            start=n.idx, end=group.idx + len(group.text)) for n in [first, *others]]
    return []


def _is_nationality(token: Token) -> bool:
    return token.ent_type_ == "NORP" or token.lower_ in country_words("demonym")


def _named_members(group: Token) -> list[Span]:
    """'a delegation made up of Dask, Marek and Pirk' / 'headed by Dask': its people."""
    members: list[Span] = []
    for child in group.children:
        if child.lower_ not in _MEMBERSHIP and not (child.dep_ in ("acl", "prep") and child.lower_ in _MEMBERSHIP):
            continue
        for token in child.subtree:
            ent = entity_of(token)
            if ent is not None and ent.label_ == "PERSON" and ent not in members and not _is_principal(ent):
                members.append(ent)
    return members


def role_phrase(token: Token) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """'the visiting envoy', 'the foreign minister', 'Chad's defence minister': one person named
    by office alone, as (the office's head word, the title words beside it, the nationality or
    state words beside it); None for a name, a group or a plural."""
    # 'the minister', and 'The President of Ruritania' or 'the Ghanaian Speaker' written with a capital
    capitalised = token.tag_ == "NNP" and token.text.istitle() and token.i > 0 and _after_the(token)
    # (a lower-case office the tagger took for a name, 'On Monday the president held talks', is the office)
    common = token.tag_ == "NN" or token.tag_ == "NNP" and token.is_lower
    if not (common or capitalised) or not _is_title(token) or token.lemma_.lower() in GROUP_NOUNS \
            or token.ent_type_ not in ("",) and not capitalised:
        return None
    if any(c.dep_ in ("appos", "compound", "nmod") and c.ent_type_ == "PERSON" for c in token.children):
        return None
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < token.i]
    lands = [c.text.lower() for c in modifiers if c.ent_type_ in ("NORP", "GPE")]
    lands += [clean_name(land).lower() for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj" and (land := _named_land(o)) is not None]
    head, title_words = token.lemma_.lower(), {c.lower_ for c in modifiers if c.lower_ in _OFFICE_WORDS}
    for described in _DESCRIBED_OFFICES:
        # 'the Iranian top diplomat' is Iran's foreign minister; 'the premier' a prime minister
        if head in described.descriptions or any(f"{c.lower_} {head}" in described.descriptions for c in modifiers):
            head, title_words = described.office, title_words - described.words | {described.word}
    return head, frozenset(title_words), frozenset(lands)


def _after_the(token: Token) -> bool:
    """'the Speaker', 'the Ghanaian Speaker': the office's own 'the' before it, with only its
    modifiers between."""
    return any(c.dep_ == "det" and c.lower_ == "the" and all(
        t.dep_ in ("amod", "compound", "poss", "nmod") or t.ent_type_ in ("NORP", "GPE")
        for t in token.doc[c.i + 1:token.i]) for c in token.children)


class _DescribedOffice(NamedTuple):
    """An office news describes by other words: the descriptions, the office's head word and its
    telling word in a title ('Foreign Minister X'), the descriptions' words and a pattern finding
    any of them in a text."""
    descriptions: frozenset[str]
    office: str
    word: str
    words: frozenset[str]
    pattern: re.Pattern


def _described_office(descriptions: frozenset[str], office: str, word: str) -> _DescribedOffice:
    return _DescribedOffice(descriptions, office, word, frozenset(w for d in descriptions for w in d.split()),
                            re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(descriptions))), re.IGNORECASE))


# (analyze/lang/en/wordsets.tsv)
_DESCRIBED_OFFICES = (_described_office(words("foreign_minister_descriptions"), "minister", "foreign"),
                      _described_office(words("prime_minister_descriptions"), "minister", "prime"))


def described_offices(text: str) -> set[str]:
    """The head words of the offices a text describes by other words ('top diplomat': minister)."""
    return {described.office for described in _DESCRIBED_OFFICES if described.pattern.search(text)}


# Words beside an office that tell which it is: titles' own words and portfolios ('the interior
# minister' is not the finance minister).
_OFFICE_WORDS = _TITLE_WORDS | words("portfolio_words")


def _is_title(token: Token) -> bool:
    return token.lemma_.lower() in TITLE_NOUNS or token.lower_ in TITLE_NOUNS


def _is_title_or_group(token: Token) -> bool:
    return _is_title(token) or token.lemma_.lower() in GROUP_NOUNS or token.lower_ in GROUP_NOUNS


def _conjuncts(token: Token) -> list[Token]:
    members = [token]
    queue = [token]
    while queue:
        current = queue.pop()
        for child in current.children:
            if child.dep_ == "conj" and child not in members:
                members.append(child)
                queue.append(child)
    # "alongside Trade Minister Ola Berg and Finance Minister Tomas Reyes" is often parsed with
    # the first name as a modifier of the second: a name with its own 'and' is a conjunct too.
    # "the Chilean government and Mapuche groups agree" likewise hangs the first side on the
    # second's head noun: a body or group noun with its own 'and' is a side of its own.
    for inner in token.subtree:
        if _miscoordinated(inner) and inner not in members:
            members.append(inner)
    # "led by the Diocese of Arauca and the United Nations": the parser joins the second body to
    # the last word of the first's name; a named body joined to a word inside another's name is
    # a side of its own
    members.extend(c for c in _hung_on_the_of_phrase(token) if c not in members)
    ent = entity_of(token)
    if ent is not None and ent.label_ in ("ORG", "GPE", "NORP"):
        members.extend(c for t in ent[1:] for c in t.children if c.dep_ == "conj" and c.i >= ent.end
                       and (inner := entity_of(c)) is not None and inner.label_ in ("ORG", "GPE", "NORP")
                       and c not in members)
    return members


def _hung_on_the_of_phrase(token: Token) -> list[Token]:
    """'the government of Mozambique and the Renamo movement': the parser joins the second side
    to the first's 'of' phrase. After one office or body (a singular noun), a conjunct with an
    article of its own is a side of its own; 'the presidents of Kenya and Uganda' are of both."""
    if token.tag_ not in ("NN", "NNP") or not (_is_title_or_group(token) or token.lemma_.lower() in SIDE_NOUNS):
        return []
    return [c for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children if obj.dep_ == "pobj"
            for c in obj.children if c.dep_ == "conj" and any(d.dep_ == "det" for d in c.children)]


def _of_phrase_end(token: Token, prep: Token) -> int:
    """Where an 'of' phrase ends: before a side hung on it (_hung_on_the_of_phrase)."""
    hung = [c.left_edge.i for c in _hung_on_the_of_phrase(token) if c.head.head == prep]
    end = min(hung, default=prep.right_edge.i + 1)
    while end > prep.i + 1 and token.doc[end - 1].dep_ in ("cc", "punct"):
        end -= 1
    return end


def _miscoordinated(token: Token) -> bool:
    """A modifier the parser gave its own 'and' instead of a conjunct relation."""
    return token.dep_ in ("nmod", "compound") and any(c.dep_ == "cc" and c.i > token.i for c in token.children) \
        and (token.ent_type_ == "PERSON" or _is_title_or_group(token) and token.pos_ == "NOUN")


_NAMING_VERBS = words("naming_verbs")


def names_a_thing(verb: Token) -> bool:
    """'called', 'described (as)': a verb that gives a name to what it is about."""
    return verb.lemma_.lower() in _NAMING_VERBS


def what_it_called(token: Token) -> Token:
    """'condemned what it called the guard's actions', 'what it described as an attack by X':
    the thing named stands where the parser put 'what'."""
    verb = token.head
    if token.lower_ != "what" or not names_a_thing(verb):
        return token
    named = [c for c in verb.children if c.dep_ in ("oprd", "attr") or c.dep_ == "dobj" and c.i != token.i]
    named += _objects_of(verb, ("as",))
    return named[0] if named else token


def _counted(token: Token) -> Token:
    """'thousands of protesters' -> protesters; 'the actions of the junta' -> the junta;
    'members of the guard' -> the guard; 'the police minutes later' -> the police."""
    words = (token.lemma_.lower(), token.lower_)
    if token.lemma_.lower() == "access":
        # "sealed all access to the mayor's office": the place, and then its owner
        place = next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "to"
                      for o in p.children if o.dep_ == "pobj"), None)
        if place is not None:
            token, words = place, (place.lemma_.lower(), place.lower_)
    if token.lemma_.lower() in _OWNED_SITES:
        # "stormed the governor's compound", "raided the offices of the union", "the Radio Kanaga
        # building", "a police station": the owner is the side acted on.
        owners = [c for c in token.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS] \
            or [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"] \
            or [c for c in token.subtree if c.i < token.i and c.dep_ in ("compound", "amod") and _owns_a_site(c)]
        return owners[0] if owners else token
    if token.lemma_.lower() in _CREWED:
        # "rammed a vessel of the Philippine Coast Guard", "Russia's ships": the force it is of
        owners = [c for c in token.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS and entity_of(c) is not None] \
            or [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                if o.dep_ == "pobj" and entity_of(o) is not None and entity_of(o).label_ in ("ORG", "GPE", "NORP")]
        if owners:
            return owners[0]
    if token.lower_ in _TIME_NOUNS:
        # The parser hangs the side on the time noun after it: "by the federal police minutes later".
        sides = [c for c in token.children if c.dep_ == "compound" and (c.lemma_.lower() in SIDE_NOUNS or entity_of(c) is not None)]
        return sides[-1] if sides else token
    if token.lower_ in _AUTHORED:
        author = _author_of(token)
        if author is not None:
            return author
    if not any(w in QUANTITY_NOUNS or w in STAND_IN_NOUNS for w in words):
        return token
    owners = [c for c in token.children if c.dep_ == "poss" or c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")] \
        if any(w in STAND_IN_NOUNS for w in words) else []
    if owners:
        return owners[0]   # "condemned the minister's remarks": the minister; 'the Belarusian move': Belarus
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return token


_AUTHORED = words("said_things") | words("authored_things")


def _author_of(thing: Token) -> Token | None:
    """'the commission's findings', 'the claims by the ministry', 'the report released on Monday
    by the Coastal Rights Monitor': who said or wrote it, when the phrase names them."""
    owner = next((c for c in thing.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    by = [p for p in thing.children if p.dep_ == "prep" and p.lower_ == "by"] + \
        [a for v in thing.children if v.dep_ == "acl" for a in v.children if a.dep_ == "agent"]
    return next((o for p in by for o in p.children if o.dep_ == "pobj"), None)


def _owns_a_site(word: Token) -> bool:
    """'the Radio Kanaga building', 'a police station', 'the parliament building', 'a Nigerien army post':
    a name, a side, an institution or a nationality before the site's noun owns it; 'a bus
    station', 'the post office' do not."""
    if word.dep_ == "amod":
        # a nationality, whether NER tagged it or not ('a Burkinabe army post')
        return _is_nationality(word) and (word.ent_type_ == "NORP" or word.text[:1].isupper())
    return entity_of(word) is not None or word.lemma_.lower() in SIDE_NOUNS or word.lemma_.lower() in INSTITUTION_NOUNS


# People an act is done to, named by what they are ('killed seven civilians', 'detained three
# young men'): the people are the side acted on. They act as a side only when said to be armed
# ('armed men stormed …'); 'residents said …' is a source, and crowds that protest are read
# by protesting_crowd.
_PEOPLE_ACTED_ON = words("people_acted_on")
_DEMONYMS = frozenset(country_words("demonym"))
_ARMED_PEOPLE = words("armed_people_modifiers")
_NOT_DESCRIBING = _COUNTS | words("skip_modifiers")


def people_acted_on(token: Token, role: str) -> Participant | None:
    """'seven civilians', 'four teenage boys' (counted people are named with their count, as a
    reader would tell them); 'masked men' as a side that acts."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _PEOPLE_ACTED_ON and token.lower_ not in _PEOPLE_ACTED_ON:
        return None
    # 'seven civilians', 'four Kazakh shepherds' (a nationality says whose people they are)
    modifiers = [c for c in token.children if c.i < token.i and c.dep_ in ("amod", "compound")
                 and (c.text.islower() or c.is_sent_start and c.text[1:].islower() or c.lower_ in _DEMONYMS)
                 and c.lower_ not in _NOT_DESCRIBING]
    if role != "recipient" and not any(m.lower_ in _ARMED_PEOPLE for m in modifiers):
        return None
    counts = [c for c in token.children if c.i < token.i and c.dep_ == "nummod"]
    named = token.doc[min([m.left_edge.i for m in modifiers] + [c.i for c in counts] + [token.i]): token.i + 1]
    name = span_name(named)
    if named[0].is_sent_start and named[0] in counts and named[0].text[1:].islower():
        name = name[:1].lower() + name[1:]   # 'Three men were detained': a count, not a name
    return Participant(name=name, role=role, kind="GROUP", start=named.start_char, end=named.end_char)


def is_people_acted_on(side: Participant) -> bool:
    """Whether a side is people named by what they are ('civilians', 'young men')."""
    return names_people_acted_on(side.name, side.kind)


def names_people_acted_on(name: str | None, kind: str | None) -> bool:
    """The same of a side given by its name and kind (a record's row). People a nationality
    names ('Liberian refugees', 'Palestinian detainees') say whose people they are: a side."""
    if kind != "GROUP" or not name or name.split()[-1].lower() not in _PEOPLE_ACTED_ON:
        return False
    return not any(w.lower() in _DEMONYMS for w in name.split()[:-1])


_BARE_CROWD = words("bare_crowd_nouns")
PROTESTERS = "protesters"


def is_crowd(side: Participant) -> bool:
    """A side told only as a crowd: 'protesters', 'striking farmers', 'Kenyan protesters', '300
    people' (a crowd's or a trade's people, with no name: lower-case words, numbers and
    nationalities before them); not 'riot police' or 'the army'."""
    *modifiers, head = side.name.split() or [""]
    demonyms = country_words("demonym")
    head = head.lower()
    # ('Protesters' opening a sentence is as common a word as 'protesters')
    # (and NER may call them a nationality: 'Protesters' as NORP)
    return side.kind in ("GROUP", "NORP") and (head in _CROWD_WORDS or head.removesuffix("s") in _CROWD_WORDS) \
        and all(w.islower() or w[:1].isdigit() or w.lower() in demonyms for w in modifiers)


_CROWD_WORDS = words("crowd_nouns") | words("working_crowds") | _BARE_CROWD


def protesting_crowd(token: Token, role: str) -> Participant | None:
    """'About 300 people protested', 'tens of thousands marched', 'a crowd gathered': a crowd
    the words do not say more of is, when it protests, protesters (whose they are is the place's
    or the report's country: home.py). It keeps the words it was read from."""
    counted = token
    while (inner := _counted(counted)).i != counted.i:
        counted = inner   # 'thousands of people': the people
    if counted.lemma_.lower() not in _BARE_CROWD and counted.lower_ not in _BARE_CROWD:
        return None
    start = token.left_edge.i + (token.left_edge.dep_ == "det")
    span = token.doc[start: max(token.i, counted.i) + 1]
    return Participant(name=PROTESTERS, role=role, kind="GROUP", start=span.start_char, end=span.end_char,
                       surface=span.text)


_UNIT_MODIFIERS = words("unit_modifiers")
_CREWED = words("crewed_things")
_ARMS_AND_CRAFT = _WEAPON_NOUNS | _CREWED   # a state's weapons and craft, by lemma ('Russian missiles')
_BELONGING_WORDS = words("belonging_words")


GENERIC_GROUP_HEADS = words("generic_group_heads")


def generic_group_name(token: Token) -> Span | None:
    """'the Jund al-Sahil insurgent group', 'the Red Hand militia': before a generic head in
    lower case, the proper name that is the group's."""
    if token.lemma_.lower() not in GENERIC_GROUP_HEADS or not token.text.islower():
        return None
    # 'the Red Hand militia'; 'a Mon armed group', where the parser hangs the name on 'armed'
    first = next((c for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i and c.text[:1].isupper()), None) \
        or next((g for c in token.children if c.dep_ == "amod" and c.i < token.i for g in c.children
                 if g.dep_ in ("npadvmod", "compound") and g.pos_ == "PROPN" and g.i < c.i), None)
    if first is None:
        return None
    while first.i > 0 and first.doc[first.i - 1].dep_ == "compound" and first.i <= first.doc[first.i - 1].head.i < token.i \
            and first.doc[first.i - 1].text[:1].isupper():
        # 'the Green Dawn movement': 'Green' hangs on 'Dawn'; 'the National Liberation Army
        # guerrilla group': 'National' on 'Army'
        first = first.doc[first.i - 1]
    if first.is_sent_start and first.pos_ != "PROPN":
        return None   # 'Business associations denounced …': a common word opening the sentence
    end = first.i
    while end + 1 < token.i and (token.doc[end + 1].text[:1].isupper() or token.doc[end + 1].text in ("-", "al")):
        end += 1
    return token.doc[first.i: end + 1]


_COLLECTIVE_HEADS = words("collective_heads")


def unnamed_collective(token: Token, role: str) -> Participant | None:
    """'rights groups', 'the farmers' union', 'business leaders': a collective no name is given
    for, said who it is by a common noun before its head. A bare 'the group' is no side of its
    own (it refers to one the report names), nor are 'armed groups' or 'some groups'."""
    # ('the Executive', which the tagger may take for a name)
    if token.pos_ != "NOUN" and not (token.pos_ == "PROPN" and token.lower_ in UNNAMED_STATE_BODIES):
        return None
    modifiers = [c for c in token.children if c.i < token.i and c.dep_ in ("compound", "poss", "nmod")
                 and _common_word(c) and c.lower_ not in _COUNTS]
    if any(m.dep_ == "poss" and _is_title_or_group(m) for m in modifiers):
        return None   # 'the bloc's leaders' are the bloc's, which the report names
    if token.lower_ in UNNAMED_STATE_BODIES and not modifiers:
        # 'criticised the government': the state's own, whose home.py tells from the report
        return Participant(name=token.lower_, role=role, kind="GROUP", start=token.idx, end=token.idx + len(token))
    if token.lemma_.lower() not in _COLLECTIVE_HEADS or not modifiers:
        return None
    start = min(m.left_edge.i for m in modifiers)
    start += token.doc[start].dep_ == "det"   # 'the farmers' union'
    span = token.doc[start: token.i + 1]
    name = span.text[:1].lower() + span.text[1:] if span[0].is_sent_start else span.text
    return Participant(name=name, role=role, kind="GROUP", start=span.start_char, end=span.end_char)


def _common_word(token: Token) -> bool:
    """A common noun, also where it opens a sentence ('Rights groups …', whatever its tag)."""
    return token.pos_ in ("NOUN", "PROPN") and token.ent_type_ == "" and (
        token.text.islower() or token.is_sent_start and token.text[1:].islower())


def named_generic_group(token: Token, role: str) -> Participant | None:
    span = generic_group_name(token)
    if span is None:
        return None
    return Participant(name=span_name(span), role=role, kind="ORG", start=span.start_char, end=span.end_char)


def _body_belonged_to(token: Token, role: str) -> Participant | None:
    """'cleaners affiliated with the Harbour Staff Union', 'fighters loyal to the Front': people
    of a body are that body, whatever noun names them."""
    if token.pos_ != "NOUN":
        return None
    for link in (c for c in token.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in _BELONGING_WORDS):
        for obj in (o for p in link.children if p.dep_ == "prep" and p.lower_ in ("with", "to") for o in p.children):
            ent = entity_of(obj)
            if ent is not None and ent.label_ in ("ORG", "NORP", "GPE"):
                return participant_from_entity(ent, role)
    return None


_DWELLERS = words("dweller_nouns")


def _dwellers_of_a_place(token: Token) -> Span | None:
    """'residents of Kolda', 'Kolda residents', 'villagers from Tanga': people named by
    where they live (a reader and a coder name them so), never the place itself, whatever NER
    took its name for."""
    if token.lemma_.lower() not in _DWELLERS and token.lower_ not in _DWELLERS:
        return None
    places = [c for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i and c.pos_ == "PROPN"
              and c.ent_type_ not in ("NORP", "PERSON")]
    if places:
        return token.doc[places[0].left_edge.i: token.i + 1]   # 'Kolda residents'
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "in")):
        if any(o.dep_ == "pobj" and (o.pos_ == "PROPN" or any(c.pos_ == "PROPN" for c in o.children if c.dep_ == "compound"))
               for o in prep.children):
            return token.doc[token.i: prep.right_edge.i + 1]
    return None


def _owning_body(token: Token, role: str, refer) -> Participant | list[Participant] | None:
    """'its fighters', 'the group's fighters': the body that owns the side, when the report says
    which ('its' the organisation before it, 'the group' the group the report named)."""
    # 'its fighters', and people owned in the plural: 'the party's senators', 'the union's members'
    owned_people = token.tag_ == "NNS" and (_is_title_or_group(token) or token.lemma_.lower() == "member")
    if token.pos_ != "NOUN" or token.lemma_.lower() not in SIDE_NOUNS and not owned_people:
        return None
    for poss in (c for c in token.children if c.dep_ == "poss"):
        owner = _relative_owner(poss)
        if owner is not None:
            # "the Kyrgyz side, whose soldiers crossed the border": the side the clause is about
            found = participants_for(owner, role, refer)
            return found if len(found) != 1 else found[0]
        if poss.lower_ not in ("its", "their", "our") and poss.lemma_.lower() not in GENERIC_GROUP_HEADS:
            continue
        found = refer(poss, role)
        found = found if isinstance(found, list) else [found] if found is not None else []
        bodies = [p for p in found if p.kind in ("ORG", "GROUP", "NORP", "GPE", "PROPN") or p.kind is None and p.name[:1].isupper()]
        if bodies:
            return bodies if len(bodies) > 1 else bodies[0]
    return None


def _relative_owner(poss: Token) -> Token | None:
    """What 'whose' stands for: the noun its relative clause hangs on."""
    if poss.lower_ != "whose":
        return None
    clause = poss.head.head
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN") else None


def _crewing_side(token: Token) -> Token | None:
    """'a Chinese coast guard ship', 'a navy vessel': the force that crews it is the side."""
    if token.lemma_.lower() not in _CREWED:
        return None
    return next((c for c in token.children if c.dep_ == "compound" and c.lemma_.lower() in SIDE_NOUNS), None)


def _followers(token: Token, role: str) -> Participant:
    """'several thousand supporters of the opposition KWP who had gathered …' -> 'supporters of
    the opposition KWP': the followers and whose they are, without their count or what a clause
    after them tells (a person's supporters stay a group of their own, not the person)."""
    span = token.doc[token.left_edge.i: token.i + 1]
    of = [p for p in token.children if p.dep_ == "prep" and p.lower_ == "of"]
    if of:
        # up to where the phrase says where they were ('… of Amadou Keita in Bamako')
        places = [p.i for p in of[0].subtree if p.dep_ == "prep" and p.lower_ in ("in", "at", "near", "outside")
                  and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in p.children)]
        span = token.doc[span.start: min([of[0].right_edge.i + 1, *places])]
    while len(span) > 1 and (span[0].dep_ == "det" or span[0].like_num or span[0].ent_type_ == "CARDINAL"):
        span = span[1:]
    while len(span) > 1 and span[-1].is_punct and span[-1].text not in ")]":
        span = span[:-1]
    return Participant(name=span_name(span), role=role, kind="GROUP", start=span.start_char, end=span.end_char)


def _side(token: Token, role: str) -> Participant | None:
    """An unnamed armed, state or crowd side: 'government forces', 'police', 'fighters of the
    Popular Defence Front' (then the named group is the side)."""
    body = _body_belonged_to(token, role)
    if body is not None:
        return body
    crew = _crewing_side(token)
    if crew is not None:
        start = token.left_edge.i + (token.left_edge.dep_ == "det")
        span = token.doc[start: crew.i + 1]   # 'a Chinese coast guard ship': 'Chinese coast guard'
        return Participant(name=span_name(span), role=role, kind="GROUP", start=span.start_char, end=span.end_char)
    if token.pos_ == "NOUN" and token.lemma_.lower() in _FOLLOWER_NOUNS:
        return _followers(token, role)
    if token.pos_ == "NOUN" and token.lemma_.lower() in _ARMS_AND_CRAFT:
        return _named_craft(token, role) or _of_a_nationality(token, role)
    if token.pos_ != "NOUN" or token.lemma_.lower() not in SIDE_NOUNS:
        return None
    if any(t.lower_ in _CEREMONIAL for t in token.subtree):
        return None   # "an honour guard greeted the visitor": ceremony, not a side
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            # "fighters of the Front", "soldiers from the Republican Guard": the body they serve
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                ent = entity_of(obj)
                if ent is not None and ent.label_ in ("ORG", "GPE", "NORP") and not ent.text.islower():   # ('smugglers of captagon')
                    return participant_from_entity(ent, role)
                group = (_armed_group_name(obj, role) or named_generic_group(obj, role)) if ent is None else None
                if group is not None:
                    return group
                if ent is None and obj.pos_ == "NOUN" and obj.lemma_.lower() in SIDE_NOUNS and obj.lemma_ != token.lemma_:
                    return _side(obj, role)   # 'soldiers of the Malian army': the army's
                if ent is None and obj.pos_ == "PROPN" and obj.text[:1].isupper():
                    # 'agents of the National Police', a body's name NER missed
                    start = min([c.i for c in obj.children if c.dep_ == "compound" and c.text[:1].isupper()] + [obj.i])
                    span = obj.doc[start: obj.i + 1]
                    return Participant(name=span_name(span), role=role, kind="ORG", start=span.start_char, end=span.end_char)
    # and a name owning them: "Darfur's rebels", whatever NER made of Darfur
    # ('On Wednesday soldiers detained …', parsed with the day as the soldiers' modifier: no part of them)
    modifiers = [t for t in token.children if t.i < token.i and t.ent_type_ not in ("DATE", "TIME")
                 and t.lower_ not in _ORDER_WORDS   # 'the last UN peacekeepers' are 'UN peacekeepers'
                 and (t.dep_ in ("compound", "amod") or t.dep_ == "poss" and t.pos_ == "PROPN")]
    # from the first word of its modifiers' own phrases: 'Ivory Coast rebels', not 'Coast rebels'
    start = min([m.left_edge.i for m in modifiers] + [token.i])
    while start < token.i and (_tells_a_day(token.doc[start]) or token.doc[start].ent_type_ == "CARDINAL"
                               or token.doc[start].lower_ in _HEDGES):
        start += 1   # 'on 3 May Uzbek border guards', the date hung on the nationality; 'Suspected KLF fighters'
    # 'the government and Darfur rebels' parsed as one phrase: the side starts after the 'and'
    start = next((c.i + 1 for m in token.children if _miscoordinated(m)
                  for c in m.children if c.dep_ == "cc" and c.i < token.i), start)
    span = token.doc[start: token.i + 1]
    if span[0].dep_ == "det":
        span = span[1:]
    return Participant(name=span_name(span), role=role, kind="GROUP", start=span.start_char, end=span.end_char,
                       affiliation=_state_after(token, ("in", "of", "from", "throughout", "across")))


def _named_craft(token: Token, role: str) -> Participant | None:
    """'the cargo ship Blue Heron', 'the cutter Dolphin': a craft its name follows is that craft
    (whatever NER made of the name)."""
    name = next((c for c in token.children if c.dep_ == "appos" and c.i == token.i + 1 and c.text[:1].isupper()), None)
    if name is None:
        return None
    span = token.doc[name.left_edge.i: name.right_edge.i + 1]
    return Participant(name=span_name(span), role=role, kind="ORG", start=span.start_char, end=span.end_char)


def nationality_of(token: Token, adjacent: bool = False) -> Token | None:
    """The word before a noun that names a state by its people or name ('Indian soldiers', 'a
    Vietnamese fishing boat'); `adjacent`: only the word right before it."""
    return next((c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i
                 and (not adjacent or c.i == token.i - 1) and c.text[:1].isupper() and side_country(c.text)), None)


def _of_a_nationality(token: Token, role: str) -> Participant | None:
    """'Russian missiles struck Kyiv', 'a Vietnamese fishing boat': weapons and craft named by a
    state's nationality are its side; without one ('shells fell on the market', 'a boat') they
    say nothing of whose they are."""
    nationality = nationality_of(token)
    span = token.doc[nationality.i: token.i + 1] if nationality is not None else None
    if span is None or any(t.dep_ == "cc" or t.is_punct for t in span):
        return None   # 'Japanese and Chinese vessels' are two states' craft
    return Participant(name=span.text, role=role, kind="GROUP", start=span.start_char, end=span.end_char)


def armed_group_span(token: Token) -> Span | None:
    """'the Popular Shield Brigades', 'the Liberation Front': the capitalised name an armed
    group's head noun ends, whatever label NER gave it (often LAW or EVENT, or none)."""
    if token.pos_ != "PROPN" or token.lower_ not in _ARMED_GROUP_HEADS:
        return None
    first = token.i
    while first > 0 and token.doc[first - 1].dep_ == "compound" and token.doc[first - 1].head.i in range(first, token.i + 1) \
            and token.doc[first - 1].text[:1].isupper():
        first -= 1
    return token.doc[first: token.i + 1] if first < token.i else None   # "Army" alone: no name


def _armed_group_name(token: Token, role: str) -> Participant | None:
    span = armed_group_span(token)
    if span is None:
        return None
    return Participant(name=span_name(span), role=role, kind="GROUP", start=span.start_char, end=span.end_char)


def _capital_of(token: Token) -> Token | None:
    """'Bamako, the capital of Mali': the land a capital is named as the seat of."""
    for appos in (c for c in token.children if c.dep_ == "appos" and c.lemma_.lower() == "capital"):
        for prep in (c for c in appos.children if c.dep_ == "prep" and c.lower_ == "of"):
            land = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if land is not None and (entity_of(land) is not None or land.pos_ == "PROPN"):
                return land
    return None


def _with_nationality(ent: Span) -> Span:
    """'Iraqi Kurds', 'Bosnian Serbs': a people named with the state it lives in, as one name;
    'ethnic Albanians': a people, not a state's citizens, named so."""
    doc = ent.doc
    if ent.label_ != "NORP" or ent.start == 0:
        return ent
    before = doc[ent.start - 1]
    if before.lower_ == "ethnic":
        return Span(doc, ent.start - 1, ent.end, label="NORP")
    if before.ent_type_ in ("NORP", "GPE") and before.head.i in range(ent.start, ent.end):
        first = next((e for e in doc.ents if e.start <= before.i < e.end), None)
        if first is not None:
            return Span(doc, first.start, ent.end, label="NORP")
    return ent


def _with_owner_state(ent: Span) -> Span:
    """'Kenya's Supreme Court': a body named with the state that owns it keeps the state in its
    name, so that one country's court is not another's."""
    if ent.label_ != "ORG":
        return ent
    for owner in (c for c in ent.root.children if c.dep_ == "poss" and c.i < ent.start):
        if _named_land(owner) is not None:
            start = owner.left_edge.i + (owner.doc[owner.left_edge.i].dep_ == "det")
            return Span(ent.doc, start, ent.end, label="ORG")
    return ent


_HONORIFICS = words("honorifics")


def _is_head_word_alone(ent: Span) -> bool:
    """A one-word name after 'the' that is a body's head word, capitalised: 'the Council'."""
    return len(ent) == 1 and ent.label_ in ("ORG", "PERSON", "NORP") and ent.start > 0 \
        and ent.doc[ent.start - 1].lower_ == "the" and ent[0].text.istitle() and ent[0].is_alpha


_MISSIONS = words("mission_nouns")
_MISSION_STAFF = words("mission_staff")


def _mission_state(token: Token, role: str) -> Participant | None:
    """'the Embassy of the Republic of Togo', 'the Togolese embassy', and the people of one ('three
    diplomats of the Embassy of Togo'): the state the mission is of, which they act for."""
    if token.lemma_.lower() in _MISSION_STAFF:
        token = next((o for o in _objects_of(token, ("of", "at", "from")) if o.lemma_.lower() in _MISSIONS), token)
    if token.lemma_.lower() not in _MISSIONS:
        return None
    owners = [c for c in token.children if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE")]
    owners += _objects_of(token, ("of",))
    for owner in owners:
        words_ = [t.text for t in owner.subtree if t.lower_ != "the"]
        code = side_country(" ".join(words_))
        if code is not None and country_name(code):
            return Participant(name=country_name(code), role=role, kind="GPE", start=owner.idx,
                               end=owner.idx + len(owner.text), surface=token.doc[token.left_edge.i: token.i + 1].text)
    return None


_SPEAKING_FOR = words("speaking_for_nouns")


def _spoken_for(token: Token) -> Token | None:
    """The body an unnamed spokesperson speaks for ('a spokeswoman for the interior ministry', 'a
    spokesperson of the EU'); a named one is the person ('spokesman Ali Saleh')."""
    if token.lower_ not in _SPEAKING_FOR or any(entity_of(c) is not None and entity_of(c).label_ == "PERSON"
                                                for c in token.children if c.dep_ in ("appos", "compound")):
        return None
    return next(iter(_objects_of(token, ("for", "of"))), None)


def _acronym(token: Token) -> bool:
    """A word in capitals that is no shout: 'ECOWAS' in a sentence written in lower case."""
    return token.is_alpha and len(token.text) >= 3 and token.text.isupper() \
        and any(t.is_alpha and t.text.islower() for t in token.sent)


_STATE_TEAMS = words("state_team_nouns")


def _state_body_of_team(token: Token) -> Token | None:
    """The unnamed state body ('the government') a team is of: 'Government negotiators', 'the
    government's delegation', 'negotiators for the government'; None for a team of a name."""
    if token.lower_ not in _STATE_TEAMS:
        return None
    if any(t.ent_type_ in ("GPE", "NORP", "ORG") or _is_nationality(t) for t in token.subtree):
        return None   # 'Government representatives of Niger', 'Kenyan government negotiators': a named state's
    owners = [c for c in token.children if c.dep_ in ("compound", "amod", "poss") and c.i < token.i] + \
        [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("of", "for", "from") for o in p.children if o.dep_ == "pobj"]
    return next((o for o in owners if o.lower_ in UNNAMED_STATE_BODIES), None)


def _opens_sentence(token: Token) -> bool:
    """'Union leaders met …': a common word capitalised only because the sentence opens with it."""
    sentence = token.sent
    return token.i == sentence.start + (sentence[0].dep_ == "det")   # ('The Union leaders …')


def _one_participant(token: Token, role: str, refer) -> Participant | list[Participant] | None:
    state = _mission_state(token, role)
    if state is not None:
        return state   # an embassy and its people act for their state
    if token.lower_ in _HONORIFICS:
        # "His Highness the Emir": the office the honorific addresses, never 'Highness'
        token = next((c for c in token.children if c.dep_ == "appos"), None)
        if token is None:
            return None
    land = _capital_of(token)
    if land is not None:
        token = land   # a capital attacked or speaking stands for its land
    armed_group = _armed_group_name(token, role)
    if armed_group is not None and token.ent_type_ not in ("ORG", "PERSON", "GPE", "NORP"):
        return armed_group
    if token.ent_type_ in _NOT_ACTOR_LABELS:
        return None
    if token.lower_ in PRONOUNS or is_first_person_plural(token) or is_first_person_singular(token):
        return refer(token, role)
    spoken_for = _spoken_for(token)
    if spoken_for is not None:
        return _one_participant(spoken_for, role, refer)   # 'a spokesman for Kenya's foreign ministry'
    team_of = _state_body_of_team(token)
    if team_of is not None:
        # 'Government negotiators', "the government's delegation": the state's own team, whose
        # state home.py tells from the report
        span = token.doc[token.left_edge.i: max(token.i, team_of.i) + 1]   # ('negotiators for the government')
        return Participant(name=team_of.lower_, role=role, kind="GROUP", title=token.lower_,
                           start=span.start_char, end=span.end_char, surface=span.text)
    if _is_title_or_group(token):
        named = _appositive_name(token)
        if named is not None:
            participant = participant_from_entity(named, role)
            if participant.title is None:
                participant.title = _title_phrase(token, exclude=named)
            return participant
    ent = entity_of(token)
    if ent is not None and _is_head_word_alone(ent):
        # 'the Council', 'the Front': the body the report names in full with that head word
        referred = refer(token, role)
        if isinstance(referred, Participant) and len(referred.name.split()) > 1:
            return referred
    if ent is not None and not _is_principal(ent):
        if ent[-1].lemma_.lower() in _EVENT_WORDS:
            return None
        ent = _with_owner_state(_with_nationality(ent))
        participant = participant_from_entity(ent, role)
        if ent[0].lower_ == "ethnic":
            # 'ethnic Swedes in west Finland': the land they live in is theirs
            participant.affiliation = _state_after(ent.root, ("in", "of", "from"))
        return participant
    named = generic_group_name(token) if ent is None and token.tag_ == "NN" else None
    if named is not None:
        # 'the Green Dawn movement', whose name NER missed ('Mapuche groups' are several)
        span = token.doc[named.start: token.i + 1]
        return Participant(name=span_name(span), role=role, kind="ORG", start=span.start_char, end=span.end_char)
    if ent is None and (token.pos_ in ("NOUN", "PROPN") and not _is_title(token) or role_phrase(token) is not None):
        # 'the bloc': a body the report names elsewhere; 'the visiting envoy': the one envoy it has named
        referred = refer(token, role)
        if referred is not None:
            return referred
    if ent is None and _is_title_or_group(token):
        # "the union leaders", "rebel envoys": people of a body the report names are that body
        # ('SHLA commanders': initials NER missed, which the report spells out elsewhere)
        for modifier in (c for c in token.children if c.dep_ in ("compound", "amod") and (
                c.pos_ in ("NOUN", "ADJ") and c.text.islower() or c.text.isupper() and c.is_alpha and not c.ent_type_
                or _opens_sentence(c) and c.text[1:].islower() and not c.ent_type_)):
            body = refer(modifier, role)
            if isinstance(body, Participant) and body.kind in ("ORG", "GROUP"):
                return body
            if body is None and _acronym(modifier) and modifier.lower_ not in _NOT_BODIES:
                # 'ECOWAS leaders signed …' with the bloc named nowhere else: its initials name it
                return Participant(name=modifier.text, role=role, kind="ORG", start=modifier.idx,
                                   end=modifier.idx + len(modifier.text))
    dwellers = _dwellers_of_a_place(token) if ent is None else None
    if dwellers is not None:
        return Participant(name=span_name(dwellers), role=role, kind="GROUP", start=dwellers.start_char, end=dwellers.end_char)
    body = _body_of_people(token) if ent is None else None
    if body is not None:
        return participant_from_entity(body, role)
    if _is_title_or_group(token):
        group = _group_name(token)
        if group is not None:
            name = re.sub(r"\s*[\[\]()]\s*", " ", _CAPTION_PLACE.sub("", span_name(group))).strip()
            return Participant(name=name, role=role, kind="GROUP", start=group.start_char, end=group.end_char)
    owner = _owning_body(token, role, refer)
    if owner is not None:
        return owner
    side = _side(token, role) or people_acted_on(token, role)
    if side is not None:
        return side
    if token.pos_ == "NOUN":
        # "Chad's highest electoral body": a body named by its owner.
        owner = [c for c in token.children if token.lemma_.lower() in INSTITUTION_NOUNS
                 and c.dep_ in ("poss", "compound") and entity_of(c) is not None
                 and entity_of(c).label_ in ("GPE", "ORG", "NORP")]
        if owner:
            span = token.doc[min(t.left_edge.i for t in owner): token.i + 1]
            return Participant(name=span_name(span), role=role, kind="GROUP", start=span.start_char, end=span.end_char)
    collective = unnamed_collective(token, role) if ent is None else None
    if collective is not None:
        return collective
    if ent is None and token.dep_ == "amod" and token.text[:1].isupper() and \
            (state := country_name(country_words("demonym").get(token.lower_) or "")) is not None:
        # 'a Burkinabe army post', the nationality NER left untagged standing for its state
        return Participant(name=state, role=role, kind="GPE", start=token.idx, end=token.idx + len(token.text))
    if ent is None and token.pos_ == "NOUN" and token.text[:1].isupper() and is_country(token.text):
        # 'Bahrain severed ties …' opening a sentence, the tagger calling it a common noun and
        # NER passing it by: a country's name is its state
        return Participant(name=token.text, role=role, kind="GPE", start=token.idx, end=token.idx + len(token.text))
    if ent is None and token.pos_ == "NOUN" and _acronym(token):
        # 'the deadline set by ECOWAS', the tagger taking the acronym for a common noun
        return Participant(name=token.text, role=role, kind="PROPN", start=token.idx, end=token.idx + len(token.text))
    if token.pos_ == "PROPN" and ent is None and _opens_sentence(token) and token.lower_.rstrip("s") in _WEAPON_NOUNS:
        return None   # 'Rockets struck a school': weapons no nationality names are nobody's
    if token.pos_ == "PROPN" and ent is None:
        start = token.left_edge.i
        while start < token.i and token.doc[start].dep_ == "det":
            start += 1   # 'talks with the ELN': the name is 'ELN'
        span = token.doc[start: token.i + 1]
        if _is_a_date(span.text):
            return None   # "on 5 May" that NER left untagged names a day, not a side
        person = _titled_name(span)
        if person is not None:
            return participant_from_entity(person, role)
        return Participant(name=span_name(span), role=role, kind="PROPN", start=span.start_char, end=span.end_char)
    return None
