"""Whose police: an unnamed state side ('the police', 'security forces', 'the authorities') or
crowd ('protesters') is of the country the report's events take place in, when they take place
in one. A reader of a report from Harare knows whose riot police beat whose strikers; a
sentence does not say.

The report's country is the one its country names and demonyms name most, three times at least
and twice as often as any other: 'Zimbabwe', 'Harare's', 'Zimbabwean' in a report that also
names South Africa once; not either of two countries whose border clash the report tells. The
side keeps the words it was read from (`surface`) and is named with the country's demonym
('Zimbabwean riot police'), which is also its affiliation.
"""
from __future__ import annotations

import re
from collections import Counter

from ..countrywords import country_words, demonym as demonym_of
from ..model import EventMention, Participant, Place
from .entities import singular
from .participants import UNNAMED_STATE_BODIES
from .places import country_name, fold, has_namesakes, lookup, namesake_in, side_country
from .words import words

_SEIZURE_WORDS = words("seizure_of_power_words")
_ARMED_NOUNS = words("armed_state_nouns")
_UNNAMED_SIDES = words("generic_state_nouns") | words("state_agent_nouns") | {singular(w) for w in words("crowd_nouns")}
_DOMINANCE = 2   # the report's country is named at least twice as often as any other
# Sides that are of the country where they act: crowds and police (an army may fight abroad).
_LOCAL_SIDES = {singular(w) for w in words("crowd_nouns")} | {"police"}
# Words that leave a side the state's own ('the security forces', 'the riot police').
_STATE_MODIFIERS = words("state_side_modifiers")


def home_country(names: list[str], filed_in: str | None = None) -> str | None:
    """ISO3 of the report's country: the country of the town it was filed in (`filed_in`,
    ISO3), when the report names that country three times at least (a report from Bijelo Polje
    on Montenegrins held in Serbia is Montenegrin, however often it names Serbia); else the
    country its country names and demonyms name most, three times at least and twice as often
    as any other; else None."""
    counts = Counter(code for name in names if (code := side_country(name)) is not None)
    if filed_in is not None and counts.get(filed_in, 0) >= 3:
        return filed_in
    named = counts.most_common(2)
    if not named:
        return None
    code, count = named[0]
    second = named[1][1] if len(named) > 1 else 0
    return code if count >= 3 and count >= _DOMINANCE * second else None


# A run of capitalised words: where a report names a country or a people ('the U.N. office in
# Colombia', 'Six Colombian soldiers'), parsed or not.
# (a dot only inside a word, 'U.S': a full stop ends the run, 'Chad. Cameroon' are two)
_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"
_CAPITALISED_RUN = re.compile(rf"{_WORD}(?:[ \t]+(?:of[ \t]+)?{_WORD})*")


def place_names(text: str) -> list[str]:
    """The runs of capitalised words of a text, which name its countries and peoples: counted
    over every sentence, not only the ones read for events, so that a report's country does
    not depend on which sentences held an event word."""
    return _CAPITALISED_RUN.findall(text)


def named_countries(names: list[str]) -> frozenset[str]:
    """The countries (ISO3) a report's names name."""
    return frozenset(code for name in names if (code := side_country(name)) is not None)


# Landmarks several countries have by that name: 'the Capitol' is Washington's only in a report
# on the United States ('the White House' or 'the Kremlin' name one place, wherever told).
_SHARED_LANDMARKS = words("shared_landmarks")


_TOWN_SITES = words("town_site_nouns")


def _filed_country(filed_in: Place | None) -> set[str]:
    return {filed_in.country} if filed_in is not None and filed_in.country else set()


def _names_a_site(place: Place) -> bool:
    """Whether the words that placed an event name a site named after a town ('the Santa Rosa
    market'), which a town abroad of that name need not be."""
    words_ = (place.expression or "").lower().split()
    return len(words_) > 1 and words_[-1] in _TOWN_SITES


def settle_namesakes(mentions: list[EventMention], countries: frozenset[str], filed_in: Place | None) -> Place | None:
    """Moves each event placed in a town whose country the report never names to the town of
    that name in a country it does name (`countries`, ISO3: 'Zamora' in a report on Ecuador), and
    unplaces one placed by a landmark several countries' capitals have ('the Capitol') in a
    country it never names;
    returns the town the report was filed in, so moved too."""
    for mention in mentions:
        if mention.place is not None and (moved := namesake_in(mention.place, countries)) is not None:
            mention.place = moved
        elif mention.place is not None and (known := countries or _filed_country(filed_in)) \
                and mention.place.country not in known \
                and (fold(mention.place.expression or "") in _SHARED_LANDMARKS or _names_a_site(mention.place)):
            # 'the Capitol' of a report on Liberia is Monrovia's: where the report was filed, if anywhere
            mention.place = filed_in if filed_in is not None and filed_in.country in countries else None
    return (namesake_in(filed_in, countries) or filed_in) if filed_in is not None else None


def _is_unnamed_side(p: Participant) -> bool:
    """'security forces', 'the riot police', 'protesters'; not 'international forces', 'regional
    forces' or 'rebel fighters', which need not be the country's own. A crowd or police said to
    be in a town ('police in Harare') is unnamed too: the town only says where."""
    words_ = p.name.lower().split()
    # only generic words, whatever their case ('Security forces' opening a sentence)
    return p.kind == "GROUP" and bool(words_) and singular(words_[-1]) in _UNNAMED_SIDES \
        and all(w in _STATE_MODIFIERS for w in words_[:-1]) \
        and (p.affiliation is None or _is_local(p) and _town_country(p.affiliation) is not None)


def _is_local(p: Participant) -> bool:
    return singular(p.name.split()[-1].lower()) in _LOCAL_SIDES


def _town_country(name: str, named: frozenset[str] = frozenset()) -> str | None:
    """The country of a town the gazetteer knows ('Harare' -> 'ZWE'); of the town of that name
    in a country the report names (`named`, ISO3), when the largest is in none; None for a
    country or an unknown name."""
    place = lookup(name)
    if place is None or place.lat is None:
        return None
    return (namesake_in(place, named) or place).country


def _country_of(p: Participant, mention: EventMention, home: str | None, named: frozenset[str]) -> str | None:
    """Whose an unnamed side is: a crowd's or the police's, the town's they are said to be in,
    else the event's place's; any other, the report's country, or, in a report of no one
    country, the country of the event's place ('Troops arrested eleven herders' in a
    monitor's note from Mopti are Malian: an army abroad is named by its country)."""
    there = mention.place.country if mention.place is not None else None
    if _is_local(p):
        there = (_town_country(p.affiliation, named) if p.affiliation else None) or there
        if there is not None:
            return there
    return home or there


def _only_country_placed(mentions: list[EventMention], names: list[str], filed_in: str | None) -> str | None:
    """The one country all the report's placed events, and the town it was filed in (ISO3), are
    in, when the report names no other (a local report from Asunción that never names Paraguay;
    a people named once in passing is none);
    None when they are in several, none is placed and it was filed nowhere known, or the report
    names another country (whose forces may be the ones acting there)."""
    placed = [m.place for m in mentions if m.place is not None and m.place.country]
    if any(has_namesakes(p.name) for p in placed):
        return None   # 'San Jose' is in several countries: the name alone does not say which
    countries = {p.country for p in placed} | ({filed_in} if filed_in else set())
    sides = [p.name for m in mentions for p in m.participants]   # 'Nigeria' NER did not label
    codes = [(code, name) for name in names if (code := side_country(name)) is not None]
    named = Counter(code for code, _ in codes)
    # ('the Sierra Leonean mediator': a people named once, beside no side of the report's acts,
    # is no other country at work there; 'from neighbouring Rwanda' names the country itself)
    by_name = {code for code, name in codes if lookup(name) is not None}
    at_work = {code for name in sides if (code := side_country(name)) is not None}
    others = {code for code, count in named.items() if count > 1 or code in by_name} | at_work
    return countries.pop() if len(countries) == 1 and others <= countries else None


def tells_a_seizure_of_power(text: str) -> bool:
    """Whether a report tells of a coup or a junta: its soldiers then act for themselves, not for
    the state they seized."""
    return any(w in _SEIZURE_WORDS for w in re.findall(r"[a-z]+", text.lower()))


def claim_unnamed_sides(mentions: list[EventMention], names: list[str], named: frozenset[str],
                        filed_in: str | None = None, seizure: bool = False, filed_here: str | None = None,
                        text: str = "") -> str | None:
    """Name each unnamed state side or crowd of a one-country report (`names`: the place and
    nationality names it holds; `named`: the countries they name) as that country's. A crowd or police of an event placed in a
    known country are that country's, whatever country the report names most: people who
    protest in Dushanbe are Tajik protesters in a report on Uzbekistan. An office named alone ('the
    Head of State') is the report's country's, or else the country of the town it was filed in
    (`filed_in`, ISO3; `filed_here`: the dateline of this section of it). In a report of a coup
    (`seizure`), the army and soldiers keep their own words: who they act for is what the report
    is about. `text` is the report's, for what follows a side's words ('the ambassador of …').
    Returns the report's country (ISO3), if it has one."""
    home = home_country(names, filed_in) or _only_country_placed(mentions, names, filed_here)
    for mention in mentions:
        for p in mention.participants:
            armed = seizure and singular(p.name.split()[-1].lower()) in _ARMED_NOUNS
            code = _country_of(p, mention, home, named) if _is_unnamed_side(p) and not armed else None
            demonym = demonym_of(code) if code is not None else None
            if demonym is not None:
                p.surface = p.surface or p.name
                p.name = f"{demonym} {p.name[:1].lower()}{p.name[1:]}"   # 'Security forces' opened a sentence
                p.affiliation = demonym   # what resolution reads a country from
        # 'the government' of a report that does not tell whose says nothing of who acted
        mention.participants = [p for p in mention.participants
                                if not (p.kind == "GROUP" and p.name in UNNAMED_STATE_BODIES)]
        for p in mention.participants:
            _home_office(p, home or filed_in)   # 'the President' of a report filed in Astana
            _counterpart_state(p)
            _envoy_state(p, mention, text)
            _state_justice(p, mention, home, named)
    return home


_HOME_OFFICES = words("home_offices")
_LEADING_OFFICES = words("home_offices_leading")   # 'the Department of Foreign Affairs', not 'the State Department'
# The words of a state's offices ('the Head of State', 'the Ministry of Foreign Affairs').
OFFICE_WORDS = words("title_nouns") | words("title_words") | words("portfolio_words") | _HOME_OFFICES | {
    "of", "state", "government", "affairs", "and"}


def _home_office(p: Participant, home: str | None) -> None:
    """'the Head of State', 'the President', 'the Foreign Minister' in a report of one
    country that names no one by it: that country's office, named as the state."""
    words_ = p.name.lower().split()
    # ('His Highness the Emir': NER calls the bare title a person)
    person = p.kind == "PERSON" and not (len(words_) == 1 and words_[0] in _HOME_OFFICES)
    if home is None or person or not words_ or words_[-1] not in _HOME_OFFICES \
            and words_[0] not in _HOME_OFFICES | _LEADING_OFFICES or not all(w in OFFICE_WORDS | _LEADING_OFFICES for w in words_):
        return
    _as_state(p, country_name(home))


_COUNTERPART = re.compile(r"^(?:(?:his|her|their|its|the)\s+)?(\w+)\s+counterparts?$", re.I)


def _counterpart_state(p: Participant) -> None:
    """'his Jordanian counterpart' whom the report never names: the one who holds the same office
    for that state, named as the state, the words kept as the title."""
    match = _COUNTERPART.match(p.name) if p.kind != "PERSON" else None
    code = country_words("demonym").get(match.group(1).lower()) if match else None
    _as_state(p, country_name(code) if code else None)


# 'the Tajik ambassador', "Jordan's charge d'affaires", 'the Afghan head of mission': a state's
# envoy named by the office alone (the state in its words, or in its affiliation: 'the charge
# d'affaires of the Kingdom of Jordan').
_ENVOY = re.compile(r"^(?:the\s+)?((?:[\w'’.-]+\s+){0,2}?)(?:ambassador|envoy|emissary|charg[eé] d['’]affaires|"
                    r"head(?: of mission)?|high commissioner|consul(?: general)?)$", re.I)
_SUMMONS = frozenset({"summoned", "summons", "summon", "summoning", "called"})


def _envoy_state(p: Participant, mention: EventMention, text: str = "") -> None:
    """A state's envoy the report never names, summoned ('summoned the Tajik ambassador', "Jordan's
    charge d'affaires was called to the ministry"), is summoned for that state: named as the
    state, the words kept as the title. An envoy named by name, or expelled, stays the envoy."""
    if p.kind == "PERSON" or p.role != "recipient" or mention.type != "ACCUSE" or mention.trigger.lower() not in _SUMMONS:
        return
    match = _ENVOY.match(p.name) or _ENVOY.match(_ENVOY_OF.sub("", p.name))
    if not match:
        return
    code = side_country(match.group(1).strip() or "", p.affiliation) or side_country(_state_after(p, text) or "")
    _as_state(p, country_name(code) if code else None)


# '… of the Hashemite Kingdom of Jordan', '… of Jordan': the state an office is of, told after it
# (a formal name's last 'of' part is the country's own name: 'Republic of Kazakhstan')
_ENVOY_OF = re.compile(r"\s+of\s+.*$", re.I)
_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w'’-]*(?:\s+of)?\s*)+)")


def _state_after(p: Participant, text: str) -> str | None:
    """The state an envoy is 'of', in its name ('ambassador of Jordan') or just after it in the
    report, as the parser may leave the 'of' phrase out of the name."""
    inside = _OF_STATE.search(" " + p.name)
    after = _OF_STATE.match(text[p.end:p.end + 120]) if p.end is not None and text else None
    found = inside or after
    return found.group(1).strip().rsplit(" of ", 1)[-1] if found else None


def _as_state(p: Participant, state: str | None) -> None:
    """The participant named as the state it acts for, the words it was named by kept as its title."""
    if state is not None:
        p.surface, p.title = p.surface or p.name, p.name
        p.name, p.kind = state, "GPE"


_JUSTICE = words("justice_state_nouns")
_JUSTICE_MODIFIERS = words("justice_state_modifiers")


def _justice_country(p: Participant, named: frozenset[str] = frozenset()) -> tuple[bool, str | None]:
    """Whether a side is the state's justice named by its kind ('Prosecutors', 'a district
    court', 'a Sofia court', 'Bulgarian prosecutors'), and the country its words say, if any."""
    words_ = p.name.split()
    if p.kind == "PERSON" or not words_ or singular(words_[-1].lower()) not in _JUSTICE:
        return False, None
    # a court whose own name says which ('the Pervomaisky district court') is still a court
    # of the state; a name of its own ('the Constitutional Court') is a body of its own
    described = words_[-1].islower() or len(words_) == 1
    said = {code for w in words_[:-1] if w.lower() not in _JUSTICE_MODIFIERS
            if (code := side_country(w) or _town_country(w, named)) is not None}
    return described and len(said) <= 1, next(iter(said), None)


def _state_justice(p: Participant, mention: EventMention, home: str | None, named: frozenset[str]) -> None:
    """An unnamed court, judge or prosecutor acting ('a district court jailed …') acts for the state
    whose court it is: named as the state, the words kept as its title. A court with a name of its
    own ('the Constitutional Court') stays; so does one protested outside or appealed to, where the
    body housed there stands for itself."""
    unnamed, said = _justice_country(p, named)
    # 'the judge rejected the prosecutors' request': two of the state's own bodies stay apart
    if unnamed and p.role == "actor" and not any(q is not p and _justice_country(q)[0] for q in mention.participants):
        code = said or (_town_country(p.affiliation, named) if p.affiliation else None) \
            or (mention.place.country if mention.place is not None else None) or home
        _as_state(p, country_name(code) if code else None)


_CUSTODY_ACTS = words("custody_acts")


def claim_custody(mentions: list[EventMention], home: str | None, agentless: set[int]) -> None:
    """'the opposition leader was detained at dawn', 'Nine people were detained': an arrest, a
    charge or a sentence told in the passive without who made it, in any of the event's mentions,
    was made by the state it happened in (the event's place's, else the report's). Run once
    mentions are grouped into events: a doer inferred so is no evidence that two acts are one.
    `agentless`: the trigger offsets of passives told without their doer; an act whose detainee was
    read ('Journalist detained in Minsk') is one too."""
    doers = {m.event_key for m in mentions if any(p.role == "actor" for p in m.participants)}
    for mention in mentions:
        if mention.type != "COERCE" or mention.modality != "asserted" or mention.trigger.lower() not in _CUSTODY_ACTS \
                or mention.event_key in doers \
                or not (mention.trigger_start in agentless or any(p.role == "recipient" for p in mention.participants)):
            continue
        code = (mention.place.country if mention.place is not None else None) or home
        name = country_name(code) if code else None
        if name is not None:
            mention.participants.append(Participant(name=name, role="actor", kind="GPE"))
