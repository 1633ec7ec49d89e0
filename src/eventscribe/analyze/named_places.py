"""Which town 'the town' is: the places a report names by their kind.

"Militia fighters have encircled the town of Kaya since March. ... On Tuesday a shell hit the
market in the town." A reader knows the second town is Kaya. The report's places named with a
place noun ('the town of Kaya', 'Kaya town', 'the border village of Tumbi') are found once in its
text; a place phrase that is only 'the town' ('in the town', 'near the village') is the latest
such place named with that noun before it, or else the first named after it. The gazetteer's
coordinates when it knows the name; the name alone when it does not (a small town is no less
the place for being missing from it).
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..model import Participant, Place
from .places import city_named_first, place_in_text, side_country
from .words import words

PLACE_NOUNS = words("place_nouns")
_NOUNS = "|".join(sorted(PLACE_NOUNS, key=len, reverse=True))
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
# 'the (besieged / border) town of Kaya'; 'Kaya town', 'in Tumbi village'
_NOUN_OF_NAME = re.compile(rf"\b(?:the|a|an)\s+(?:[a-z-]+\s+){{0,2}}({_NOUNS})\s+of\s+({_NAME})")
_NAME_NOUN = re.compile(rf"({_NAME})\s+({_NOUNS})\b")
# Words that open a sentence or a phrase before a name, not part of it ('In Tumbi village')
_LEADING = frozenset({"In", "At", "Near", "From", "To", "The", "On", "Outside", "Inside", "Around", "Into", "A", "An"})


# 'Benzi village', 'Kaya town': the kind of place after its name, no part of the name
_KIND_AFTER_NAME = re.compile(r"^((?:[A-Z][\w'’.-]*\s+)+)(?:village|town|city|township|hamlet)$")


def place_named(name: str) -> Place:
    """The gazetteer's place for a name, or the name alone (no country, no coordinates), without
    the kind of place a label or a phrase told after it ('Benzi village' is Benzi)."""
    found = place_in_text(name)
    if found is not None:
        return found
    kind_after = _KIND_AFTER_NAME.match(name)
    bare = kind_after.group(1).strip() if kind_after else name
    return place_in_text(bare) or Place(bare, None, None, None, name)


def _name(text: str) -> str | None:
    words_ = text.split()
    while words_ and words_[0] in _LEADING:
        words_ = words_[1:]
    name = " ".join(words_)
    return name if name and side_country(name) is None else None


# 'the nearby village', 'the neighbouring town': another place than the one named
_ANOTHER = frozenset({"another", "other", "nearby", "neighbouring", "neighboring", "next", "same-named"})


def _describes_it(adjective: Token) -> bool:
    """'the besieged town', 'the northern town': words about the town named; not a nationality."""
    return adjective.text.islower() and adjective.lower_ not in _ANOTHER


def named_by_place_noun(obj: Token) -> Place | None:
    """'the town of Kaya', 'Hnget Taw village': the place a place noun names, known or not."""
    if obj.lemma_.lower() not in PLACE_NOUNS:
        # 'bombed Tumbi village east of Gulu', parsed with the village hung on 'east'
        obj = next((c for c in obj.children if c.dep_ == "compound" and c.lemma_.lower() in PLACE_NOUNS), None)
        if obj is None:
            return None
    after = [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
             if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    before = [c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < obj.i]
    if after:
        span = obj.doc[after[0].left_edge.i: after[0].i + 1]
    elif before:
        span = obj.doc[before[0].left_edge.i: obj.i]
    else:
        return None
    while len(span) > 1 and span[0].pos_ != "PROPN":
        span = span[1:]   # 'the town of the Kaya': the name, not its article
    name = _name(span.text)
    if not name or not all(w[:1].isupper() for w in name.split()):
        return None
    return place_named(name)


# Places too small to stand for a side: a town or village is where, never who (a province, a
# region or a capital city may stand for its government).
_SETTLEMENTS = frozenset({"town", "village"})
_DIRECTIONS = "east|west|north|south|northeast|northwest|southeast|southwest"
_SETTLEMENT_PHRASE = re.compile(rf"{_NAME}\s+(?:town|village)(?:\s+(?:{_DIRECTIONS}))?")


class NamedPlaces:
    """The report's places named by their kind, in order; `at` is where the reader is."""

    def __init__(self, text: str) -> None:
        found: list[tuple[int, str, str]] = []
        for match in _NOUN_OF_NAME.finditer(text):
            found.append((match.start(), match.group(1).lower(), match.group(2)))
        for match in _NAME_NOUN.finditer(text):
            name = _name(match.group(1))
            if name:
                found.append((match.start(), match.group(2).lower(), name))
        self.named = sorted(found)
        self._settlements = {name for _, kind, name in found if kind in _SETTLEMENTS}
        self._named_names = {name for _, _, name in found if " " not in name}   # one-word names, as a token holds
        self.at = 0

    def is_place(self, side: Participant) -> bool:
        """'Oqsari' in a report that names the village of Oqsari, 'Tumbi village east' (a parse
        that ran a place phrase into a name): a settlement the words took for a side."""
        if side.kind == "PERSON":
            return False
        return side.name in self._settlements or bool(_SETTLEMENT_PHRASE.fullmatch(side.name))

    def meant_by(self, token: Token) -> Place | None:
        """The place 'the town' (the token: a bare place noun after 'the') stands for; or a
        name the report calls a town or village elsewhere ('soldiers in Tessit' after 'the town
        of Tessit'), whatever NER made of it here."""
        if token.pos_ == "PROPN" and token.text in self._named_names:
            return place_named(token.text)
        noun = token.lemma_.lower()
        if noun not in PLACE_NOUNS or not any(c.lower_ == "the" for c in token.children if c.dep_ == "det") \
                or any(c.dep_ in ("compound", "appos", "prep", "poss") or c.dep_ == "amod" and not _describes_it(c)
                       for c in token.children):
            return None
        same = [(start, name) for start, kind, name in self.named if kind == noun]
        before = [name for start, name in same if start < self.at]
        name = before[-1] if before else next((name for _, name in same), None)
        return place_named(name) if name is not None else None


_SITE_NOUNS = words("site_nouns")
_NAMED_BY_ANYWHERE = words("site_name_openers")


def town_of_a_named_site(name: str) -> Place | None:
    """The town a site is named by ('Entebbe International Airport', 'the Mbale High Court',
    'Gulu Central Market'): the first words of the name, when they are a city's own name (not a
    looser spelling: 'Charles de Gaulle' is no Charleston); None when the name does not end with
    a site's noun or opens with a word sites are named by anywhere ('International Criminal
    Court', 'Independence Square', 'National Stadium')."""
    words_ = name.split()
    if len(words_) < 2 or words_[-1].lower() not in _SITE_NOUNS or words_[0].lower() in _NAMED_BY_ANYWHERE:
        return None
    return city_named_first(words_[:-1], place_in_text)
