"""An actor's country (ISO3) and sector (PLOVER/CAMEO style) from the words the texts give."""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from ..countrywords import country_words, gazetteer_countries

@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names = {_without_article(c["name"]): c["iso3"] for c in gazetteer_countries().values()}
    names.update({word: code for kind in ("alias", "capital") for word, code in country_words(kind).items() if code})
    return names


@functools.lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Every country's ISO3 code."""
    return frozenset(c["iso3"] for c in gazetteer_countries().values())


def is_state_name(words: str) -> bool:
    """Whether words are a country's own name or another name of it ('Japan', 'the UAE'), not
    its capital or people ('Tokyo', 'Japanese')."""
    text = re.sub(r"^the\s+", "", words.strip().lower())
    return text in _own_names()


@functools.lru_cache(maxsize=1)
def _own_names() -> frozenset[str]:
    names = {_without_article(c["name"]) for c in gazetteer_countries().values()}
    return frozenset(names | {word for word, code in country_words("alias").items() if code})


def _without_article(name: str) -> str:
    """A gazetteer's country name as the lookups here read words: lower case, without 'the'
    ('The Netherlands')."""
    return re.sub(r"^the\s+", "", name.lower())


def iso3(words: str) -> str | None:
    """ISO3 for a country name (its formal name too: 'the Republic of Tajikistan', 'the Kyrgyz
    Republic'), capital or nationality adjective; None when none fits."""
    text = re.sub(r"['’]s$", "", words.strip().lower())
    text = re.sub(r"^the\s+", "", text)
    demonyms = country_words("demonym")
    if text in _country_names():
        return _country_names()[text]
    if text.endswith("s") and demonyms.get(text[:-1]):
        return demonyms[text[:-1]]      # 'Palestinians', 'Israelis': the people of a country
    return demonyms.get(text) or formal_state(text)


# A state's formal name: the form of state, its styles and its common name ('the Hashemite
# Kingdom of Jordan', 'the United Republic of Tanzania'). Not 'State of' or 'Emirate of' ('the
# Islamic State of Iraq', 'the Islamic Emirate of Afghanistan' are armed groups; 'the State of
# Mexico' a state of Mexico), nor 'Federation of' (of Bosnia and Herzegovina, one of its two
# entities): those, and names built otherwise ('the Kyrgyz Republic', 'Republic of Korea'), are
# listed as formal names in country_words.tsv.
_STYLES = (r"(?:(?:islamic|federal|democratic|people['’]s|hashemite|arab|united|plurinational|bolivarian|socialist"
           r"|federative|oriental|co-?operative|independent)\s+)*")
_FORMAL_OF = re.compile(rf"^{_STYLES}(?:republic|kingdom|sultanate|principality|grand duchy|commonwealth|union)"
                        rf"\s+of\s+(?:the\s+)?(?P<name>.+)$")


def formal_state(text: str) -> str | None:
    """ISO3 of a state's formal name, lower case and without its article; None for any other words."""
    listed = country_words("formal")
    if text in listed:
        return listed[text]
    named = _FORMAL_OF.match(text)
    name = named.group("name") if named else None
    return _country_names()[name] if name in _own_names() else None


def country_of(own_names: Iterable[str], name_context: Counter, context: Counter) -> str | None:
    """A country's own name first (any spelling that is one: 'Benin' whatever NER took it for);
    else the country words in a body's or group's own names ('Serbian parliament', "Poland's
    parliament", 'Israeli soldiers'); else the nationality most often in titles/affiliations."""
    for name in own_names:
        found = iso3(name)
        if found:
            return found
    return _most_named(name_context, _WHERE) or _most_named(context)


def _most_named(context: Counter, where: frozenset[str] = frozenset()) -> str | None:
    """The country the texts name most; a country after a destination word ('envoy to France')
    is not the text's own, unless the word is in `where` ('opposition parties in Paraguay')."""
    votes: Counter = Counter()
    for text, count in context.items():
        for phrase in _phrases(text, where):
            code = iso3(phrase)
            if code:
                # "Russian envoy" says whose he is more surely than a bare "Syria" does.
                votes[code] += count * (2 if phrase.lower() in country_words("demonym") else 1)
    return min(votes, key=lambda code: (-votes[code], code)) if votes else None


# "Special Envoy on Syria", "ambassador to France": the country he is sent to, not his own;
# "pro-Iranian Hizbollah": a country it sides with; "ethnic Albanian rebels": a people, not a
# state (their own country is where they are: "in Macedonia").
_DESTINATION = frozenset("on for to in toward towards with at pro anti ethnic".split())


# Where a body or group is: its own name's "in Nepal", "across Kenya" give its country.
_WHERE = frozenset({"in", "across", "throughout"})


def _phrases(text: str, where: frozenset[str] = frozenset()) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z.’'-]*", text)
    kept = [i for i in range(len(words)) if i == 0 or words[i - 1].lower() not in _DESTINATION - where]
    return [" ".join(words[i:i + 2]) for i in kept if i + 1 < len(words)] + [words[i] for i in kept]


# Title words to sectors, in the order they are tried (the first that fits wins).
# 'General' of an office, not a rank: 'secretary-general', 'Governor General', 'the General Assembly'.
_OFFICE_GENERAL = re.compile(r"\b(?:secretary|director|governor|prosecutor|procurator|attorney|consul|surgeon|inspector"
                             r"|solicitor|auditor)[- ]general\b|\bgeneral (?:secretary|assembly)\b")
_SECTOR_WORDS = (
    ("MIL", r"\b(army|military|general|colonel|commander|troops|forces|defen[cs]e minister|officers?|soldiers?|"
            r"(?:border|coast|national|republican|revolutionary|presidential) guards?|navy|naval|air force|marine corps|"
            r"gendarm\w*)\b"),
    ("DIP", r"\b(envoy|ambassador|diplomat|foreign minister|chargé|consul|special representative)\b"),
    ("JUD", r"\b(judge|court|prosecutor|procurator|attorney[- ]general|justice)\b"),
    ("COP", r"\b(police|interior minister|security (chief|service)|intelligence)\b"),
    ("REB", r"\b(rebels?|militants?|insurgents?|guerrill\w+|militia)\b"),
    ("OPP", r"\b(opposition|dissident)\b"),
    ("LEG", r"\b(parliament\w*|senator|lawmakers?|congress\w*|speaker|deputies|mp)\b"),
    ("GOV", r"\b(president|prime minister|minister|chancellor|king|emir|prince|premier|government|"
            r"secretary|spokes\w+|governor|mayor|cabinet|ministry|department|treasury|administration|leader)\b"),
)


def sector_of(kind: str, name: str, titles: list[str]) -> str | None:
    text = " ".join(titles + ([name] if kind != "PERSON" else [])).lower()
    for sector, pattern in _SECTOR_WORDS:
        if re.search(pattern, _OFFICE_GENERAL.sub(" ", text) if sector == "MIL" else text):
            return sector
    if kind in ("GPE",):
        return "GOV"
    return None
