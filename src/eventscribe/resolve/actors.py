"""Canonical actors across the whole store: spellings, transliterations and titles to one actor.

People are grouped in blocks that share the consonant skeleton of their surname (Mirontsev,
Mirontsyev, Mirontseev -> mrntsv). Inside a block a name joins a cluster only when it is
compatible with every name already in it (complete link), so "Omar al-Rashidi" and "Karim
al-Rashidi" never meet through "Omar Karim al-Rashidi"; a bare "Rashidi" joins the cluster it fits
that is seen most often. Organisations, places and groups merge on their normalised spelling.
Names are taken in one fixed order (most words, most mentions, alphabet), so the result does
not depend on the order reports were ingested.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..analyze.group import ARMS_AND_CRAFT, initials, name_tokens, same_name
from ..analyze.places import country_name, fold, unaccented
from ..countrywords import country_words
from ..model import short_id
from .countries import country_of, is_state_name, iso3, sector_of
from .linking import linked_groups


@dataclass
class NameStats:
    name: str
    kind: str
    count: int = 0
    titles: Counter = field(default_factory=Counter)
    title_dates: dict = field(default_factory=dict)      # title -> (first, last)
    affiliations: Counter = field(default_factory=Counter)


@dataclass
class Actor:
    actor_id: str
    name: str
    kind: str
    aliases: Counter
    titles: dict            # title -> (first_seen, last_seen, count)
    country: str | None
    sector: str | None
    reasons: list[str] = field(default_factory=list)
    kb_id: str | None = None

    @property
    def mention_count(self) -> int:
        return sum(self.aliases.values())


def _skeleton(word: str) -> str:
    key = fold(word)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", key)) or key


def _surname_block(name: str) -> str:
    tokens = [t for t in re.findall(r"[^\W\d_]+", name) if t.lower() not in ("al", "el", "bin", "ibn", "jr", "sr")]
    return _skeleton(tokens[-1]) if tokens else fold(name)


def plain_key(name: str) -> str:
    """Spelling key for organisations and groups: 'the U.S.' -> 'us', 'ECOWAS' -> 'ecowas'."""
    text = re.sub(r"^(the)\s+", "", name.strip(), flags=re.I)
    return fold(text) or name.lower()


# Heads that name a country's or organisation's people rather than a body of its own.
_COLLECTIVE_HEADS = frozenset(
    "officials official government governments forces troops soldiers military army side authorities "
    "delegation leaders leader leadership people administration executive regime body ministry security "
    "personnel officers units navy police diplomats guards".split()) | ARMS_AND_CRAFT
# The people of a party, movement or armed group, after its name.
_BODY_PEOPLE = frozenset("mps lawmakers legislators deputies senators supporters activists members militants fighters".split())
# Words that name the people of an organisation when they follow its acronym.
_ROLE_WORDS = _COLLECTIVE_HEADS | frozenset(
    "heads head of state states and government member members allies countries nations foreign defence "
    "defense finance trade interior ministers minister chiefs envoys delegates representatives "
    "ambassadors spokesman spokeswoman spokesperson "
    # a government of the state however it came to be: "Togo's transitional government"
    "transitional interim ruling caretaker provisional new".split())
# Offices one person holds for a state at home: 'the Chilean foreign minister', 'the Czech
# president' name no person and act for their state, as 'Chilean officials' do. (An ambassador or
# envoy posted abroad is left a person's office: reports name and expel them as people.)
_ARMED_HEADS = frozenset("forces troops soldiers military army navy police security personnel officers units guards".split()) | ARMS_AND_CRAFT
_OFFICE_NOUNS = frozenset("president premier chancellor".split())
_OFFICE_WORDS = _ROLE_WORDS | _OFFICE_NOUNS | frozenset("vice prime permanent special".split())


def _organ_words(text: str) -> str:
    """The word that names an organ after its owner, next to the head any of its people could
    be called ('border' of 'border police', as of 'national border police'; nothing of 'military'
    or of 'foreign ministry', which stand for the state)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z.'’-]*", unaccented(text))]
    while words and words[-1] in _COLLECTIVE_HEADS:
        words.pop()
    return words[-1] if words and words[-1] not in _ROLE_WORDS | _OFFICE_NOUNS else ""


# A state's envoy abroad, however told: 'the French ambassador', "France's ambassador", 'the
# ambassador of France', 'the French envoy to Mali' (what follows 'to' or 'in' is where he is posted)
_ENVOY = r"(?P<office>ambassador|envoy|charg[eé] d['’]affaires|consul(?: general)?|high commissioner)"
# where the envoy is posted: up to three words, so that a name after it ('… to the UN Linda Thomas-Greenfield') is no posting
_POSTED = r"(?:\s+(?:to|in)\s+(?:the\s+)?(?P<post>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}))?$"
_ENVOY_PHRASES = (re.compile(rf"^(?P<owner>.+?)['’]s\s+{_ENVOY}{_POSTED}", re.I),
                  re.compile(rf"^(?P<owner>\S+(?:\s\S+)?)\s+{_ENVOY}{_POSTED}", re.I),
                  re.compile(rf"^{_ENVOY}\s+of\s+(?:the\s+)?(?P<owner>.+?){_POSTED}", re.I))
# Words beside a state's people that do not change whose they are ('Sudanese regular army',
# 'the Sudanese armed forces', "Mali's national authorities")
_STATE_MODIFIERS = frozenset("national regular armed federal elite official state central ruling governing".split())


def _envoy_key(text: str) -> str | None:
    """The key of a state's envoy: the state, the office and, when told, the posting (the
    French ambassadors to Mali and to Niger are two people)."""
    for phrase in _ENVOY_PHRASES:
        found = phrase.match(text)
        if found and iso3(found.group("owner")):
            office = found.group("office").lower().replace("’", "'").replace("é", "e")
            post = found.group("post")
            posting = f":{iso3(post) or plain_key(post)}" if post else ""
            return f"envoy:{iso3(found.group('owner'))}:{office}{posting}"
    return None


def collective_key(name: str) -> str:
    """Key for anything that is not one person: countries by ISO3, whatever spelling or
    demonym ("the United States", "US", "Venezuelan officials", "North Korea's highest body");
    a state's envoy by the state and the office ("the French ambassador", "France's
    ambassador"); organisations by name or acronym ("European Union" ~ "EU")."""
    text = re.sub(r"^(?:the|an?)\s+", "", name.strip(), flags=re.I)   # ("a Turkish drone")
    text = re.sub(r"^\d+\s+", "", text)
    envoy = _envoy_key(text)
    if envoy:
        return envoy
    if state := iso3(text):
        return "country:" + state   # ("People's Republic of China": no owner's possessive)
    owner = re.match(r"^(.+?)['’]s\s", text)
    if owner:
        # "Russia's military", "the bloc's 15 ministers", "Chad's trade ministry": the owner's own;
        # "Chad's border police", "Chad's supreme council": an organ of the state, not the state
        if iso3(owner.group(1)):
            organ = _organ_words(text[owner.end():])
            return f"organ:{iso3(owner.group(1))}:{organ}" if organ else "country:" + iso3(owner.group(1))
        text = owner.group(1)
    words = re.findall(r"[A-Za-z][A-Za-z.'’-]*", text)
    of = next((i for i, w in enumerate(words) if w.lower() == "of" and i and words[i - 1].lower() in _COLLECTIVE_HEADS), None)
    # "the transitional government of Togo", "security forces of the Central African Republic";
    # not a name of its own ("Revolutionary Armed Forces of Colombia")
    state = iso3(" ".join(w for w in words[of + 1:] if w.lower() != "the")) \
        if of is not None and all(w.islower() for w in words[:of]) else None
    if state:
        return "country:" + state
    named_words, headed = words, False
    while len(words) > 1 and words[-1].lower() in _COLLECTIVE_HEADS:
        words, headed = words[:-1], True
    # ('the Sudanese armed forces'; a name's own capitals stay, 'Jordan Armed Forces', and a
    # modifier that ends the words is no people's: 'the Chadian national' is a person)
    while headed and len(words) > 1 and words[-1] in _STATE_MODIFIERS:
        words = words[:-1]
    rest = [w for w in words if w.lower() != "the"]
    if headed and named_words[-1][:1].isupper() and len(rest) >= 2 and not iso3(" ".join(rest)) \
            and not iso3(rest[0]) and not all(w.lower() in _COLLECTIVE_HEADS | _STATE_MODIFIERS for w in rest):
        # a capitalised head is the name's own ('Rapid Support Forces', the 'F' of RSF), unless the
        # rest names a state or opens with one ('the Ukrainian Army', 'Nigerian Air Force' are the
        # state's), is no name ('Government Forces'), or is one word, whose initials two names
        # share too often ('Special Forces', 'Southern Forces')
        words = named_words
    # 'Democratic Alliance MPs', 'Enough activists', 'CVLA fighters': the people of a party or
    # group are it; a nation's ('Peruvian supporters', 'Russian fighters') are not its state
    while len(words) > 1 and words[-1].lower() in _BODY_PEOPLE and not iso3(" ".join(words[:-1])):
        words = words[:-1]
    if len(words) >= 3 and words[0].lower() in _COLLECTIVE_HEADS and words[1].lower() == "of":
        words = words[2:]     # "leaders of the EU"
    words = [w for w in words if w.lower() not in ("the",)]
    if _people_of_acronym(words):
        words = words[:1]     # "NATO Heads of State and Government", "EU foreign ministers"
    if len(words) >= 2 and iso3(words[0]) and all(w.lower() in _OFFICE_WORDS for w in unaccented(" ".join(words[1:])).split()):
        words = words[:1]     # "the Chilean foreign minister", "Czech president": the state's office
    core = " ".join(words)
    if iso3(core):
        return "country:" + iso3(core)
    if words and words[0].lower() == "ethnic":
        return "people:" + plain_key(core)   # 'ethnic Albanians' are no state, nor initials 'EA'
    acronym = initials(words)
    if len(words) == 1 and words[0].replace(".", "").isupper():
        return "org:" + words[0].replace(".", "").lower()
    # a description ('Angry Belgian dock workers', 'the Alba opposition bloc') is no name
    # its initials stand for: 'AF' would join them
    described = bool(words) and words[-1].islower()
    return "org:" + (acronym if acronym and len(acronym) >= 2 and not described else plain_key(core))


def _people_of_acronym(words: list[str]) -> bool:
    """Whether words name a body by its acronym and some of its people ('EU foreign ministers',
    'NATO defence ministers'), not the body."""
    return len(words) >= 2 and words[0].replace(".", "").isupper() and all(w.lower() in _ROLE_WORDS for w in words[1:])


def _canonical(aliases: Counter) -> str:
    """A state by its name when one of its spellings is that ('Chile', not "Santiago's trade
    ministry"); else the most used spelling among the fullest ones (two words or more when
    there are some), people before their weapons ('Azerbaijani forces', not '… artillery')."""
    states = [a for a in aliases if is_state_name(a)]
    # (of a state's names, the one the gazetteer knows it by, where a report gives it: 'Iran', not 'Persia')
    states = [a for a in states if fold(a) == fold(country_name(iso3(a)) or "")] or states
    # the body's own name before one of its people ('CVLA', not 'CVLA fighters'), and before
    # people of its acronym ('NATO leaders': 'NATO')
    offices = {a: words[0] for a in aliases if _people_of_acronym(words := [w for w in a.split() if w.lower() != "the"])}
    own = [a for a in aliases if a.split()[-1].lower() not in _BODY_PEOPLE and a not in offices] \
        or sorted(set(offices.values())) or list(aliases)
    full = states or [a for a in own if len(name_tokens(a)) >= 2] or own
    # an office by its nationality ('French ambassador') where a spelling gives it, before its
    # owner's possessive ("France's ambassador")
    by_nationality = any(country_words("demonym").get(a.split()[0].lower()) for a in full)
    return sorted(full, key=lambda a: (bool(ARMS_AND_CRAFT & set(a.lower().split())),
                                       by_nationality and bool(re.search(r"['’]s\b", a)), -aliases[a], -len(a), a))[0]


def _order(stats: NameStats) -> tuple:
    """Full names seed clusters; initials ('A. Moreau') and bare names join the one they fit."""
    tokens = name_tokens(stats.name)
    initials = sum(1 for t in tokens if len(t) == 1)
    return (-(len(tokens) - initials), initials, -stats.count, stats.name)


_TITLE_WORDS = frozenset("president prime minister king queen prince princess crown emir sheikh sultan "
                         "general gen colonel col dr mr mrs ms h e his her excellency first lady "
                         "chancellor premier secretary foreign defence defense deputy vice".split())
_COMMON_TOKEN = 200   # a token shared by more names than this does not make a block


def _block_keys(name: str) -> set[str]:
    tokens = [t for t in re.findall(r"[^\W\d_]+", name) if t.lower() not in _TITLE_WORDS
              and t.lower() not in ("al", "el", "bin", "ibn", "jr", "sr") and len(t) >= 3]
    return {_skeleton(t) for t in tokens} or {fold(name)}


def _components(names: list[NameStats]) -> list[list[NameStats]]:
    """Names that share a distinctive token skeleton, transitively (Yoon ~ Yoon Suk Yeol)."""
    keys = {n.name: _block_keys(n.name) for n in names}
    frequency = Counter(k for ks in keys.values() for k in ks)
    ordered = sorted(names, key=lambda n: n.name)
    roots = linked_groups([k for k in keys[n.name] if frequency[k] <= _COMMON_TOKEN] or sorted(keys[n.name])[:1]
                          for n in ordered)
    groups: dict[str, list[NameStats]] = defaultdict(list)
    for stats, root in zip(ordered, roots):
        groups[ordered[root].name].append(stats)
    return [groups[root] for root in sorted(groups)]


def cluster_people(names: list[NameStats], apart: set[frozenset[str]] = frozenset()) -> list[list[NameStats]]:
    """Complete-link clusters of person names inside blocks of shared name tokens."""
    blocks = {str(i): members for i, members in enumerate(_components(names))}
    clusters: list[list[NameStats]] = []
    for block in blocks:
        local: list[list[NameStats]] = []
        for stats in sorted(blocks[block], key=_order):
            fitting = [c for c in local if all(same_name(stats.name, member.name)
                                                and frozenset((stats.name, member.name)) not in apart
                                                for member in c)]
            if not fitting:
                local.append([stats])
                continue
            # A bare surname fits several people: it goes to the one seen most often.
            best = max(fitting, key=lambda c: (sum(m.count for m in c), -local.index(c)))
            best.append(stats)
        clusters.extend(local)
    return clusters


def _match_dictionary(names: list[NameStats], dictionary: list) -> dict[int, list[NameStats]]:
    """Spellings that a dictionary entry lists (people by name words, others by key)."""
    by_key: dict[str, int] = {}
    by_token: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for number, entry in enumerate(dictionary):
        for spelling in [entry.name, *entry.aliases]:
            by_key.setdefault(collective_key(spelling), number)
            for token in name_tokens(spelling):
                by_token[token].append((number, spelling))
    matched: dict[int, list[NameStats]] = defaultdict(list)
    for stats in names:
        key = collective_key(stats.name)
        number = by_key.get(key) if stats.kind not in ("PERSON", "PROPN") else None
        if number is None and not key.startswith("country:"):
            # People, and names NER mislabelled: by their words, when exactly one entry fits.
            tokens = name_tokens(stats.name)
            near = by_token.get(max(tokens, key=len), []) if tokens else []
            fitting = {n for n, spelling in near if same_name(stats.name, spelling)}
            number = min(fitting) if len(fitting) == 1 else None
        if number is not None:
            matched[number].append(stats)
    return matched


def match_known(names: list[NameStats], entries: list) -> dict[int, list[NameStats]]:
    """Spellings of actors the project knows (known_actors.py), matched strictly: a spelling
    that is exactly one entry's name, alias or acronym; else a person's name whose words fit
    exactly one entry ('Bouteflika'), unless the reports name another person with those words
    ('Biden' beside a Jill Biden no entry holds)."""
    by_spelling, by_token = _entry_index(entries if isinstance(entries, tuple) else tuple(entries))
    people = [n.name for n in names if n.kind in ("PERSON", "PROPN") and len(name_tokens(n.name)) >= 2]
    matched: dict[int, list[NameStats]] = defaultdict(list)
    for stats in names:
        exact = by_spelling.get(_spelling_key(stats.name), set()) or by_spelling.get(_spelling_key(_body_of(stats.name)), set()) \
            or {n for n in by_spelling.get(_spelling_key(_organisation_of(stats.name)), set()) if _stateless(entries[n])}
        number = min(exact) if len(exact) == 1 else None
        if number is None and not exact and stats.kind in ("PERSON", "PROPN"):
            tokens = name_tokens(stats.name)
            near = by_token.get(max(tokens, key=len), []) if tokens else []
            # (an organisation is known by its spellings and acronyms only, not by a word of its name)
            fitting = {n for n, spelling in near if same_name(stats.name, spelling) and _same_surname(stats.name, spelling)
                       and not _stateless(entries[n])}
            if len(fitting) == 1:
                number = fitting.pop()
                spellings = [entries[number].name, *entries[number].aliases]
                # another person of those words in the reports, not this entry's: not sure
                if any(same_name(stats.name, other) and not any(same_name(other, s) for s in spellings)
                       for other in people):
                    number = None
        if number is not None:
            matched[number].append(stats)
    return matched


_INDEXES: dict[int, tuple] = {}   # id(entries) -> (entries, index): built once for the shipped entries


def _entry_index(entries: tuple) -> tuple[dict[str, set[int]], dict[str, list[tuple[int, str]]]]:
    """Entries by folded spelling and by name word."""
    kept = _INDEXES.get(id(entries))
    if kept is not None and kept[0] is entries:
        return kept[1]
    by_spelling: dict[str, set[int]] = defaultdict(set)
    by_token: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for number, entry in enumerate(entries):
        for spelling in [entry.name, *entry.aliases]:
            by_spelling[_spelling_key(spelling)].add(number)
            for token in name_tokens(spelling):
                by_token[token].append((number, spelling))
    if len(_INDEXES) > 4:
        _INDEXES.clear()
    _INDEXES[id(entries)] = (entries, (by_spelling, by_token))
    return by_spelling, by_token


def _known_groups(groups: list[list[NameStats]], entries: list) -> dict[int, list[NameStats]]:
    """Each corpus group one of whose spellings is a known actor's, by entry (the entry most of
    its mentions name); groups naming one entry are one actor."""
    if not entries:
        return {}
    matched = match_known([m for group in groups for m in group], entries)
    entry_of = {id(stats): number for number, members in matched.items() for stats in members}
    by_entry: dict[int, list[NameStats]] = defaultdict(list)
    for group in groups:
        votes = Counter()
        for stats in group:
            if id(stats) in entry_of:
                votes[entry_of[id(stats)]] += stats.count
        if votes:
            by_entry[min(votes, key=lambda n: (-votes[n], n))].extend(group)
    return by_entry


def _same_surname(name: str, spelling: str) -> bool:
    """'Antonio Garcia' is not 'Jose Antonio Garcia Belaunde': a name of two words or more ends
    as the entry's does (a single word may be any of its names: 'Museveni', 'Xi')."""
    words = name.split()
    return len(words) < 2 or same_name(words[-1], spelling.split()[-1])


# "Hezbollah fighters", "Taliban officials": the people of a body the known actors name.
_MEMBER_WORDS = _COLLECTIVE_HEADS | frozenset("fighters guerrillas militants rebels members gunmen supporters".split())


def _organisation_of(name: str) -> str:
    """The organisation whose people words name ('EU foreign ministers', "the Arab League's
    leaders"); the words themselves otherwise. (One office of it, 'the UN Secretary-General',
    is a person's, whom a report may name or not: not the organisation.)"""
    owner = re.match(r"^(?:the\s+)?(.+?)['’]s\s+(.+)$", name, flags=re.I)
    if owner and all(w.lower() in _ROLE_WORDS for w in owner.group(2).split()):
        return owner.group(1)
    words = [w for w in name.split() if w.lower() != "the"]
    return words[0] if _people_of_acronym(words) else name


def _stateless(entry) -> bool:
    """An organisation of many states or of none (the UN, the Red Cross), not a person or a state's."""
    return all(code.country is None for code in entry.codes)


def _body_of(name: str) -> str:
    """A name without the trailing words that name a body's people ('Hezbollah guerrillas')."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _MEMBER_WORDS:
        words.pop()
    return " ".join(words)


def _spelling_key(spelling: str) -> str:
    return fold(re.sub(r"^the\s+", "", spelling.strip(), flags=re.I))


def build_actors(names: list[NameStats], overrides: list[tuple[str, str, str | None]] = (),
                 dictionary: list = (), known_entries: list = ()) -> tuple[list[Actor], dict[str, str]]:
    """Actors and the map from every participant spelling to its actor id. Spellings a user's
    dictionary lists become its actors (with its codes), then those of actors the project
    knows (known_entries, matched strictly); the corpus teaches the rest."""
    dictionary = list(dictionary)
    known = _match_dictionary(names, dictionary) if dictionary else {}
    taken = {id(stats) for group in known.values() for stats in group}
    names = [n for n in names if id(n) not in taken]
    apart = {frozenset((a, b)) for action, a, b in overrides if action == "apart" and b}
    # A proper name the NER did not label ("Biden" as PROPN) is resolved like a person's, and
    # so is one it labelled an organisation when it is a known person's name ("Varga").
    # and a country's own name is a state whatever NER took it for ("Togo", "Benin" as persons)
    people = [n for n in names if n.kind in ("PERSON", "PROPN") and not is_state_name(n.name)]
    others = [n for n in names if n.kind not in ("PERSON", "PROPN") or is_state_name(n.name)]
    by_token: dict[str, list[str]] = defaultdict(list)
    for person in people:
        if len(name_tokens(person.name)) >= 2:
            for token in name_tokens(person.name):
                by_token[token].append(person.name)

    def known_person(name: str) -> bool:
        tokens = name_tokens(name)
        near = by_token.get(min(tokens, key=len), []) if tokens else []
        return any(same_name(name, person) for person in near[:50])
    mislabelled = [n for n in others if n.kind in ("ORG", "GPE", "NORP") and collective_key(n.name).startswith("org:")
                   and not n.name.replace(".", "").isupper() and known_person(n.name)]
    people += mislabelled
    others = [n for n in others if n not in mislabelled]
    groups: list[list[NameStats]] = cluster_people(people, apart)
    by_key: dict[tuple[str, str], list[NameStats]] = defaultdict(list)
    for stats in others:
        by_key[("other", collective_key(stats.name))].append(stats)
    groups.extend(part for key in sorted(by_key) for part in _by_full_name(by_key[key], key[1]))
    groups = _apply_merges(groups, overrides)
    groups = _keep_apart(groups, [(a, b) for action, a, b in overrides if action == "apart" and b])
    # Groups whose canonical names fold to the same words are one actor ("U.S." the ORG and
    # "U.S." the GPE; two blocks meeting on one full name).
    by_id: dict[str, list[NameStats]] = {}
    for members in groups:
        by_id.setdefault(_make_actor(members).actor_id, []).extend(members)
    # The corpus decides who is who; an actor the project knows names the group and gives its codes.
    for number, members in _known_groups(list(by_id.values()), known_entries).items():
        known[len(dictionary) + number] = members
    taken = {id(stats) for group in known.values() for stats in group}
    by_id = {key: members for key, members in by_id.items() if id(members[0]) not in taken}
    dictionary += list(known_entries)
    actors, index = [], {}
    for members in by_id.values():
        actor = _make_actor(members)
        actors.append(actor)
        for member in members:
            index[member.name] = actor.actor_id
    for number, members in sorted(known.items()):
        actor = _dictionary_actor(dictionary[number], members)
        actors.append(actor)
        for member in members:
            index[member.name] = actor.actor_id
    _apply_settings(actors, overrides)
    return actors, index


_SAME_NAME_SIMILARITY = 85   # rapidfuzz ratio of two full names that are one name spelled two ways


_NAME_LINKS = frozenset({"of", "the", "and", "for", "de", "al"})


def _full_name(name: str) -> bool:
    """A name written out in full: two capitalised words or more, none an acronym nor a word
    for its people ('Kivu Assembly'; not 'EU foreign ministers', 'Bolivian forces')."""
    words = re.findall(r"[A-Za-z][A-Za-z.'’-]*", name)
    named = [w for w in words if w.lower() not in _NAME_LINKS]
    return len(named) >= 2 and all(w[:1].isupper() and not w.replace(".", "").isupper() for w in named) \
        and named[-1].lower() not in _ROLE_WORDS


def _by_full_name(members: list[NameStats], key: str) -> list[list[NameStats]]:
    """An organisation keyed by its initials, split where two full names share them ('Kivu
    Assembly' and 'Kofi Amponsah', both 'KA'): the acronym alone and other spellings join the full
    name used most."""
    if not key.startswith("org:"):
        return [members]
    full: dict[str, list[NameStats]] = defaultdict(list)
    rest = []
    for stats in members:
        if not _full_name(stats.name):
            rest.append(stats)   # 'EU', 'EU foreign ministers', 'Bolivian forces'
            continue
        # ('Organisation of American States' ~ 'Organization of …': one name spelled two ways)
        own = plain_key(stats.name)
        near = next((k for k in full if fuzz.ratio(k, own) >= _SAME_NAME_SIMILARITY), own)
        full[near].append(stats)
    if len(full) < 2:
        return [members]
    parts = sorted(full.values(), key=lambda group: (-sum(s.count for s in group), group[0].name))
    parts[0] = parts[0] + rest
    return parts


def _dictionary_actor(entry, members: list[NameStats]) -> Actor:
    actor = _make_actor(members)
    last_seen = max((last for m in members for _, last in m.title_dates.values() if last), default=None)
    code = entry.code_on(last_seen)
    return Actor(short_id("actor", "dictionary", entry.name), entry.name, actor.kind, actor.aliases, actor.titles,
                 (code.country if code else None) or actor.country, (code.sector if code else None) or actor.sector,
                 [f"dictionary entry {entry.name}"], entry.kb_id)


def _apply_merges(groups: list[list[NameStats]], overrides) -> list[list[NameStats]]:
    for action, first, second in overrides:
        if action != "merge" or not second:
            continue
        a = next((g for g in groups if any(m.name == first for m in g)), None)
        b = next((g for g in groups if any(m.name == second for m in g)), None)
        if a is not None and b is not None and a is not b:
            a.extend(b)
            groups.remove(b)
    return groups


def _keep_apart(groups: list[list[NameStats]], apart: list[tuple[str, str]]) -> list[list[NameStats]]:
    """An analyst's 'keep apart' wins over every merge: the second name leaves the group."""
    result = []
    for members in groups:
        names = {m.name for m in members}
        leaving = {second for first, second in apart if first in names and second in names}
        kept = [m for m in members if m.name not in leaving]
        result.append(kept)
        result.extend([m] for m in members if m.name in leaving)
    return [g for g in result if g]


def _apply_settings(actors: list[Actor], overrides) -> None:
    for action, first, second in overrides:
        for actor in actors:
            if first not in actor.aliases and first != actor.name:
                continue
            if action == "rename" and second:
                actor.name = second
            elif action == "country" and second:
                actor.country = second.upper()
            elif action == "sector" and second:
                actor.sector = second.upper()


def _with_demonyms(aliases: Counter) -> Counter:
    demonyms = country_words("demonym")
    return Counter({a: c for a, c in aliases.items() if any(w.lower() in demonyms for w in a.split())})


def _state_named(members: list[NameStats]) -> str | None:
    """The state's own name for spellings that all describe it without naming it ('Chilean
    foreign minister', "Chad's trade ministry"): the side they act for is the state."""
    keys = {collective_key(m.name) for m in members}
    if len(keys) != 1 or not next(iter(keys)).startswith("country:") or any(is_state_name(m.name) for m in members):
        return None
    if any(_INSTITUTIONS & set(m.name.lower().split()) for m in members):
        return None   # 'the Sudanese army' is a side of its own in a civil war, and a user's actor
    # 'Cameroonian troops', 'Tajik border guards': the state's people in arms act for it
    return country_name(next(iter(keys)).removeprefix("country:"))


# A state's armed institutions, which may be a party of their own ('the Sudanese army' in a
# civil war), unlike its people in arms ('troops', 'soldiers', 'guards').
_INSTITUTIONS = frozenset("army military navy armed".split())


def _armed(name: str) -> bool:
    return bool(_ARMED_HEADS & set(name.lower().split()))


def _office_of(description: str) -> str:
    text = re.sub(r"^(the)\s+", "", description.strip(), flags=re.I)
    owner = re.match(r"^(.+?)['’]s\s", text)
    return text[owner.end():] if owner else text.split(maxsplit=1)[-1]


def state_office(spelling: str) -> str | None:
    """The civilian office a spelling gives its state ('foreign minister' of 'the Chilean foreign
    minister'), None for a name, a state's own name or its forces."""
    if is_state_name(spelling) or not collective_key(spelling).startswith("country:") \
            or _armed(spelling) or len(spelling.split()) < 2:
        return None
    return _office_of(spelling)


def _make_actor(members: list[NameStats]) -> Actor:
    aliases = Counter({m.name: m.count for m in members})
    kinds = Counter(m.kind for m in members)
    kind = "PERSON" if kinds["PERSON"] else kinds.most_common(1)[0][0]
    state = None if kind in ("PERSON", "PROPN") else _state_named(members)
    name = state or _canonical(aliases)
    # the offices the descriptions held ('foreign minister' of 'the Chilean foreign minister')
    titles: dict[str, tuple] = {office: (None, None, m.count) for m in members
                                if (office := state_office(m.name)) is not None} if state else {}
    affiliation_words: Counter = Counter()
    for member in members:
        for title, count in member.titles.items():
            first, last = member.title_dates.get(title, (None, None))
            old = titles.get(title)
            if old:
                first = min(filter(None, [first, old[0]]), default=None)
                last = max(filter(None, [last, old[1]]), default=None)
                count += old[2]
            titles[title] = (first, last, count)
        affiliation_words.update(member.affiliations)
        affiliation_words.update({t: c for t, c in member.titles.items()})
    person = kind in ("PERSON", "PROPN")
    # A titled person is no country, whatever his name; a body or group may name its country,
    # and so may a name NER took for a person's when it holds a demonym ('Bosnian Serbs').
    own_names = [] if person and titles else sorted(aliases, key=lambda a: (-aliases[a], a))
    name_words = aliases if not person else Counter() if titles else _with_demonyms(aliases)
    country = country_of(own_names, name_words, affiliation_words)
    sector = sector_of(kind, name, list(titles))
    actor_id = short_id("actor", kind if kind == "PERSON" else "other", " ".join(sorted(name_tokens(name))) or name.lower())
    reasons = [f"{len(members)} spellings in surname block {_surname_block(name)}"] if kind == "PERSON" and len(members) > 1 else []
    return Actor(actor_id, name, kind, aliases, titles, country, sector, reasons)
