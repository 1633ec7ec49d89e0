"""Article -> DocumentAnalysis. Pure: the same article and model give the same analysis."""
from __future__ import annotations

import datetime as dt
import heapq
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from ..clean import find_published, is_english, remove_boilerplate
from ..letters import latin
from ..model import BASIS_DAY_HEADING, BASIS_LIVE_ENTRY, BASIS_RELATIVE, BASIS_TEXT, PLACE_DATELINE, PLACE_ENTRY, Article, DocumentAnalysis, EntityMention, EventMention, Participant, Place, ResolvedDate, Sentence
from ..timeparse import find_expressions, parse_iso_date, resolve
from .dating import (date_counted_from, date_for_background, date_for_trigger, date_from_narrative, date_from_publication,
                     date_of_telling, in_byline, relative_day, sentence_expressions, told_as_background, told_as_now)
from .entities import EntityTable, singular
from .extract import Found, each_way, find_triggers, read_trigger, worth_parsing
from .group import (absorb_vague_groups, assign_event_keys, hosts_differ, name_tokens, other_recipients, people_conflict,
                    roles_swap, same_name, share_a_side)
from .home import (claim_custody, claim_unnamed_sides, named_countries, place_names, settle_namesakes,
                   tells_a_seizure_of_power)
from .claims import CLAIMED_TYPES, accused, accusers, claimant
from .judged import fill_judged_sides, judged_act, refused_kind
from .lexicon import trigger_words
from .named_places import NamedPlaces, named_by_place_noun, place_named, town_of_a_named_site
from .nlp import DEFAULT_MODEL, load_model
from .participants import (PAIR_NOUNS, PRONOUNS, SIDE_PAIR_NOUNS, TITLE_NOUNS, described_offices, entity_of,
                           is_belligerents_reference, is_pair_reference, pair_word, participant_from_entity, states_counted,
                           is_first_person_plural, is_first_person_singular, participants_for, role_phrase,
                           second_title_holder)
from .places import capital_of, country_name, is_city, is_country, is_landmark, lookup, person_country, place_in_text, side_country
from .pronouns import (PLURAL_PRONOUNS, SINGULAR_PRONOUNS, agrees, is_plural, is_said_thing, last_speaker, main_subject,
                       speaker_of)
from .story_words import story_fingerprint
from .scene import ON_THE_GROUND, add_headline_places, add_scene_places, headline_place, is_recent
from .sentences import entry_place, is_bullet, is_clock_stamp, split_sentences
from .sides import (address_release_calls, agreed_at_the_meeting, agreeing_sides, answer_refusals, refusals_answered, crowds_of_the_organiser, complete_from_main_pair, complete_from_principal_side, split_calls, belligerents_mark, complete_bare_events,
                    complete_doers, complete_sides, cross_border_targets, fill_belligerents, releases_by_holders, target_crowds)
from .syntax import agent_objects, children, depth_below_root, in_sequence, keep_text, prep_objects, string_ids, told_as_earlier
from .venues import hosts_from_destinations, settings_from_meetings
from .words import words

# "DAMASCUS, (ST)", "WASHINGTON (Reuters) -", "Damascus –": a capitalised place name, then the
# dateline's punctuation. A mixed-case word needs a dash or parenthesis ("Garcia, whose ..." is prose).
_DATELINE = re.compile(latin(
    r"^\s*(?:([A-Z][A-Z'.\-]{2,}(?: [A-Z][A-Z'.\-]+){0,2})(?:/[A-Z]+)?\s*(?:,|\s[–—-]\s|\s*\(|:)"
    r"|([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*(?:\s[–—-]\s|\()"
    r"|([A-Z][a-z]+(?: [A-Z][a-z]+)?),[^.\n]{0,20}?\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b)"))
_ATTENDEE_INTRO = re.compile(r"(attended by|participants included|present were|also present)\s*:?\s*$", re.I)
# 'it' or 'they' among a sentence's first words: most likely its subject, continuing the last one
_OPENING_PRONOUN = re.compile(r"^\W*(?:\w+,?\s+){0,4}?(?:it|they)\b", re.I)
# 'condemned the comments': what the sentence before (most likely) said
_SAID_THING_REFERENCE = re.compile(r"\b(?:the|these|those|such) (?:%s)\b" % "|".join(sorted(words("said_things"))), re.I)


_QUOTE_MARKS = frozenset('"“”«»')


# Titles of a state's envoys, one another's words (role phrases).
_ENVOY_TITLES = words("envoy_titles")


def _titles_said_of(name: Span) -> set[str]:
    """The office a sentence gives a person with 'as' ('named Ade Bakare as its chairman', 'Lina
    Farouk was sworn in as governor', 'served as envoy'): its words, as a title gives them. The
    office goes to the verb's object when it has one, not to whoever gave it; to the subject of
    a verb of succession ('X replaced Y as chairman')."""
    root = name.root
    verb = root.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    succession = verb.lemma_.lower() in _SUCCESSION_VERBS
    takes = root.dep_ == "nsubjpass" or (root.dep_ in ("dobj", "oprd") and not succession) \
        or (root.dep_ == "nsubj" and (succession or not objects))
    holders = [root] + ([verb] if takes else [])   # (the parser hangs 'as' on either)
    offices = [o for holder in holders for p in holder.children if p.dep_ == "prep" and p.lower_ == "as"
               for o in p.children if o.dep_ == "pobj" and (o.lemma_.lower() in TITLE_NOUNS or o.lower_ in TITLE_NOUNS)]
    return {singular(t.lower_) for o in offices for t in [o, *o.children] if t is o or t.dep_ in ("compound", "amod")}


_SUCCESSION_VERBS = words("succession_verbs")


class _DocumentState:
    """What reading order teaches: who 'he' is, which date the narrative is at; and what the
    whole report teaches: which body 'the bloc' is."""

    def __init__(self) -> None:
        self.last_person: Participant | None = None
        # Everyone named so far, in order: a PERSON entity with the offset of its sentence, read
        # as a Participant (report offsets) when first needed, and kept in _people_read.
        self.people: list[tuple[Span, int]] = []
        self._people_read: dict[int, Participant] = {}
        self.states: list[tuple[Span, int]] = []   # names that may be states, in order, with their sentence's offset
        self.state_lists: list[tuple[list[Span], int]] = []   # names listed together ('Niger, Mali and Chad'), the same way
        self.last_sides: list[Participant] = []  # the two sides of the last event naming two
        self.last_speaker: list[Participant] = []  # who last said something: 'the comments' are theirs
        # the main subject of the last sentence read: (its index, who it names, whether plural)
        self.last_subject: tuple[int, list[Participant], bool] | None = None
        self.offset = 0          # where the sentence being read starts in the report
        self.sentence = 0        # the index of the sentence being read
        self._table: EntityTable | None = None
        self.parsed: tuple[list[Doc], list[int]] = ([], [])   # the report's parsed sentences and offsets
        self.voice: str | None = None   # the body the report speaks for ('we'), when it names itself

    def _here(self, p: Participant, role: str) -> Participant:
        """A remembered participant, its offsets made relative to the sentence being read (the
        reader adds the sentence's offset to every participant it returns)."""
        return Participant(p.name, role, p.title, p.affiliation, p.kind,
                           None if p.start is None else p.start - self.offset,
                           None if p.end is None else p.end - self.offset)

    @property
    def table(self) -> EntityTable:
        """The bodies the whole report names, built when a description first asks."""
        if self._table is None:
            self._table = EntityTable.from_docs(*self.parsed)
        return self._table

    def refer(self, token: Token, role: str) -> Participant | list[Participant] | None:
        """Who a pronoun, a pair ('both countries') or a description ('the bloc') stands for."""
        if is_pair_reference(token):
            if states_counted(token):
                return self._counted_states(token, role, states_counted(token))
            pair = pair_word(token)
            if pair in SIDE_PAIR_NOUNS and self.last_sides:
                return [self._here(p, role) for p in self.last_sides]
            if is_belligerents_reference(token):
                return [belligerents_mark(token, role)]
            if pair in PAIR_NOUNS:
                return self._pair(token, role)
            # 'the two sides' of a report that named two states may be those states; not two
            # nationalities (a mediator's is one)
            states = self._state_pair(token, role, by_nationality=pair not in SIDE_PAIR_NOUNS,
                                      places_too=pair in SIDE_PAIR_NOUNS)
            if states is None and pair in SIDE_PAIR_NOUNS:
                return [belligerents_mark(token, role)]   # else the two sides the report fights between
            if states is None and self.last_sides and all(side_country(p.name) for p in self.last_sides):
                # 'each capital', 'both countries' after an event of two states whose names NER
                # did not both tag as places ('South Sudan')
                return [self._here(p, role) for p in self.last_sides]
            return states
        phrase = role_phrase(token)
        holder = second_title_holder(token) if phrase is not None else None
        if holder is not None:
            return participant_from_entity(holder, role)
        if phrase is not None:
            return self._role_holder(token, phrase, role)
        if is_said_thing(token) and self.last_speaker:
            return [self._here(p, role) for p in self.last_speaker]
        if is_first_person_plural(token):
            return self._we(token, role)
        if is_first_person_singular(token):
            # '"I have spoken with X," the minister said': the speaker
            speaker = speaker_of(token)
            return (participants_for(speaker, role, self.refer) or None) if speaker is not None else None
        if token.lower_ not in PRONOUNS:
            return self.table.refer(token, role, self.offset)
        if token.lower_ in SINGULAR_PRONOUNS | PLURAL_PRONOUNS:
            found = _sentence_organisation(token, role) if token.lower_ in SINGULAR_PRONOUNS else None
            return found or self._antecedent(token, role)
        # The subject of the sentence the pronoun stands in comes first: "Okafor ... her visit".
        person = _subject_before(token, ("PERSON",), latest=False) or _person_before(token)
        if person is not None:
            return participant_from_entity(person, role)
        if self.last_person is None:
            return None
        return self._here(self.last_person, role)

    def _we(self, pronoun: Token, role: str) -> list[Participant] | None:
        """'we', 'our': the speaker when it stands in what someone said; else, outside quotes,
        the body whose statement the report is ('Our teams have been delivering water' in a
        release of an aid agency that names itself)."""
        speaker = speaker_of(pronoun)
        if speaker is not None:
            return participants_for(speaker, role, self.refer) or None
        if self.voice is None or any(c in _QUOTE_MARKS for c in pronoun.sent.text):
            return None
        return [Participant(name=self.voice, role=role, kind="ORG", start=pronoun.idx, end=pronoun.idx + len(pronoun))]

    def _role_holder(self, token: Token, phrase: tuple, role: str) -> Participant | None:
        """The one person named so far (in this sentence or before) whose title fits a role
        phrase: its head word, its title words, its nationality ('the visiting envoy' is the
        special envoy Mira Sellen); None when none or several may fit."""
        head, title_words, nationality = phrase
        # 'France's ambassador' is the French envoy the report named
        heads = {head} | (_ENVOY_TITLES if head in _ENVOY_TITLES else set())
        here = [(participant_from_entity(e, role), e) for e in token.doc.ents if e.label_ == "PERSON" and e.end <= token.i]
        remembered = ((self._here(self._person(index), role), self.people[index][0])
                      for index in range(len(self.people) - 1, -1, -1))
        fitting: list[tuple[Participant, set[str]]] = []
        # 'the Kenyan interior minister met the Ugandan interior minister': another holder of the
        # office in the sentence, so a minister the report gives no country may be either
        rivals = any(t.i != token.i and t.lemma_.lower() == token.lemma_.lower() for t in token.sent)
        for person, span in itertools.chain(reversed(here), remembered, self._named_later(token, role)):
            title = {singular(w) for w in re.findall(r"[\w.-]+", (person.title or "").lower())} | _titles_said_of(span)
            # the words just before the name count too: a title the reader did not attach
            # ('… and Trade Minister Joseph Boakye') still makes him a minister
            near = {singular(t.lower_) for t in span.doc[max(0, span.start - 4): span.start]}
            described = " ".join(filter(None, [person.title, person.affiliation])).lower()
            if heads & (title | near) and title_words <= title | near \
                    and _of_the_land(nationality, described, person, bool(title_words), rivals) \
                    and not any(same_name(person.name, other.name) for other, _ in fitting):
                fitting.append((person, title))
        # one holder, and by a title of its own: one only guessed from the words nearby names no one
        return fitting[0][0] if len(fitting) == 1 and heads & fitting[0][1] else None

    def _named_later(self, token: Token, role: str) -> Iterator[tuple[Participant, Span]]:
        """The people the report names after this sentence, in reading order: 'the Ghanaian
        president opened the summit … President Kofi Mensah told delegates'."""
        docs, offsets = self.parsed
        for doc, offset in zip(docs, offsets):
            if offset <= self.offset:
                continue
            for ent in doc.ents:
                if ent.label_ == "PERSON":
                    yield self._here(_shift([participant_from_entity(ent, role)], offset)[0], role), ent

    def _antecedent(self, pronoun: Token, role: str) -> list[Participant] | None:
        """'it' or 'they': the speaker whose words it is the subject of, or the subject of the
        sentence just before when number agrees."""
        speaker = speaker_of(pronoun)
        if speaker is not None:
            sides = participants_for(speaker, role, self.refer)
            plural = is_plural(speaker) or len(sides) > 1
            return sides if sides and agrees(pronoun, plural, {p.kind for p in sides}) else None
        if self.last_subject is None or self.last_subject[0] != self.sentence - 1:
            return None
        _, sides, plural = self.last_subject
        return [self._here(p, role) for p in sides] if agrees(pronoun, plural, {p.kind for p in sides}) else None

    def _pair(self, token: Token, role: str) -> list[Participant] | None:
        """'the two leaders': the last two people named, in this sentence or before; 'the two
        presidents': the last two named with that office, when the report names two (NER may
        take a group's name for a person's)."""
        here = [participant_from_entity(e, role) for e in token.doc.ents if e.label_ == "PERSON" and e.end <= token.i]

        def people() -> Iterator[Participant]:
            # Latest first, without copying everyone the report named so far.
            remembered = (self._here(self._person(index), role) for index in range(len(self.people) - 1, -1, -1))
            return itertools.chain(reversed(here), remembered)
        office = token.lemma_.lower()
        if office in TITLE_NOUNS and office not in _ANY_OFFICE:
            holders = _last_two(p for p in people() if office in (p.title or "").lower())
            if holders:
                return holders
        return _last_two(people())

    def _state_pair(self, token: Token, role: str, by_nationality: bool, places_too: bool = True) -> list[Participant] | None:
        """'both countries': the last two states named, in this sentence or before, by name or
        by nationality ('the Chilean president received the Peruvian president'); without
        `places_too`, a name the gazetteer does not know as a country's and the report gives only
        as where something was ('near Oqsoy', 'the village of Chashma'), or a province's, is no
        state ('each capital', 'both governments')."""
        def named_state(span: Span) -> Participant | None:
            if not places_too and _only_where(span):
                return None
            return _state_participant(span, role) if by_nationality or span.label_ != "NORP" else None
        here = [p for p in (named_state(e) for e in token.doc.ents if e.end <= token.i) if p]
        remembered = (self._here(_shift([found], offset)[0], role)
                      for found, offset in ((named_state(span), offset) for span, offset in reversed(self.states))
                      if found is not None)
        return _last_two(itertools.chain(reversed(here), remembered))

    def _counted_states(self, token: Token, role: str, count: int) -> list[Participant] | None:
        """'the three countries': the last states the report named together in one list
        ('Niger, Mali and Burkina Faso'), when that list holds as many; none else."""
        here = [(group, None) for group in _state_lists(token.doc) if group[-1].end <= token.i]
        # (a list read before, at its sentence's offset — the report's first has offset 0 — or this sentence's: None)
        for group, offset in itertools.chain(reversed(here), reversed(self.state_lists)):
            sides = [found for span in group if (found := _state_participant(span, role)) is not None]
            if len(sides) == count:
                return sides if offset is None else [self._here(side, role) for side in _shift(sides, offset)]
        return None

    def remember_sides(self, mention: EventMention) -> None:
        sides = [p for p in mention.participants if p.start is not None]
        # named sides only ('the government of Moldova' is named): 'the Front' and 'rebels' may well be one side
        named = all(p.kind in _NAMED_KINDS or any(w[:1].isupper() for w in p.name.split()) for p in sides)
        if len(sides) == 2 and named and not same_name(sides[0].name, sides[1].name):
            self.last_sides = sides

    def _person(self, index: int) -> Participant:
        """The index-th person named so far, read once (report offsets)."""
        person = self._people_read.get(index)
        if person is None:
            span, offset = self.people[index]
            person = self._people_read[index] = _shift([participant_from_entity(span, "participant")], offset)[0]
        return person

    def remember(self, doc: Doc, offset: int) -> None:
        subject = main_subject(doc)
        sides = participants_for(subject, "participant", self.refer) if subject is not None else []
        if sides:
            self.last_subject = (self.sentence, _shift(sides, offset), is_plural(subject) or len(sides) > 1)
        speaker = last_speaker(doc)
        speakers = participants_for(speaker, "participant", self.refer) if speaker is not None else []
        if speakers:
            self.last_speaker = _shift(speakers, offset)
        ents = doc.ents
        people = [e for e in ents if e.label_ == "PERSON"]
        self.people.extend((e, offset) for e in people)
        # kept as they are: a state's name is made a participant only when 'both countries' asks
        self.states.extend((e, offset) for e in ents if e.label_ in _STATE_LABELS)
        self.state_lists.extend((group, offset) for group in _state_lists(doc))
        # the first person who is a subject (names first: walking every token is costly)
        for person in people:
            subject = next((t for t in person if t.dep_ in ("nsubj", "nsubjpass")), None)
            ent = entity_of(subject) if subject is not None else None
            if ent is not None and ent.label_ == "PERSON":
                participant = participant_from_entity(ent, "participant")
                participant.start, participant.end = offset + ent.start_char, offset + ent.end_char
                self.last_person = participant
                return


def _of_the_land(nationality: frozenset[str], described: str, person: Participant, portfolio: bool,
                 rivals: bool) -> bool:
    """Whether a person fits the nationality of a role phrase ('the Kenyan interior minister'):
    their title or affiliation says it, or names their country; or, for an office told by its
    portfolio, the report says of no country whose they are ('Interior Minister Grace Wanjiru').
    Beside another holder of the office in the sentence, only a nationality said and matched
    tells the two apart."""
    fits = all(n in described or _same_land(n, person) for n in nationality)
    if rivals:
        return bool(nationality) and fits
    return fits or (portfolio and person_country(person) is None)


def _same_land(nationality: str, person: Participant) -> bool:
    """'ghanaian' fits President Mensah of Ghana: a nationality or state word and the
    person's title or affiliation name one country."""
    code = side_country(nationality) or side_country(nationality.title())   # ('france' of "France's ambassador")
    return code is not None and person_country(person) == code


# Pair nouns that name no one office: 'the two leaders', 'the two men'.
_ANY_OFFICE = frozenset({"leader", "official", "man", "woman", "head", "chief", "envoy", "delegate"})


def _last_two(candidates: Iterable[Participant]) -> list[Participant] | None:
    """The first two distinct sides of candidates given latest first, in reading order."""
    distinct: list[Participant] = []
    for candidate in candidates:
        if not any(same_name(candidate.name, other.name) for other in distinct):
            distinct.append(candidate)
            if len(distinct) == 2:
                return list(reversed(distinct))
    return None


_LINE = re.compile(r"[^\n]+")
_NAMED_KINDS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


# NER takes a country for a person or a body too; a nationality names its state
_STATE_LABELS = frozenset({"GPE", "PERSON", "ORG", "NORP"})


def _state_lists(doc: Doc) -> list[list[Span]]:
    """The lists of three names or more that may be states, joined by commas and 'and'
    ('Niger, Mali and Burkina Faso'), in reading order."""
    lists = []
    for ent in doc.ents:
        if ent.label_ not in _STATE_LABELS or ent.root.dep_ == "conj":
            continue
        joined = [entity_of(c) for c in ent.root.subtree if c.dep_ == "conj" and c.ent_type_ in _STATE_LABELS
                  and c.head.ent_type_ in _STATE_LABELS]
        members = [ent] + [span for span in joined if span is not None and span != ent]
        if len(members) >= 3:
            lists.append(members)
    return lists


_PROVINCE_NOUNS = frozenset({"county", "province", "district", "region", "governorate", "prefecture", "municipality",
                             "oblast", "canton", "department", "territory"})
_WHERE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "from", "to", "into", "of", "around", "above",
                                 "below", "beyond", "across", "along", "toward", "towards", "through", "over", "behind"})


def _only_where(span: Span) -> bool:
    """A name told as where something was, or a province's or a county's ('Mandera County'), which
    the gazetteer does not know as a country's."""
    root = span.root
    where = root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPOSITIONS or span[-1].lower_ in _PROVINCE_NOUNS
    return where and not is_country(span.text) and side_country(span.text) is None


def _state_participant(ent: Span, role: str) -> Participant | None:
    """The state a name or a nationality names: 'Togo', 'South Korean' (as South Korea)."""
    if _is_state(ent):
        return participant_from_entity(ent, role)
    code = side_country(ent.text) if ent.label_ == "NORP" else None
    name = country_name(code) if code else None
    if name is None:
        return None
    return Participant(name=name, role=role, kind="GPE", start=ent.start_char, end=ent.end_char, surface=ent.text)


def _is_state(ent: Span) -> bool:
    """A country's name: a GPE the gazetteer does not know as a city, or a name it knows as a
    country's whatever NER took it for ('Togo' is often a PERSON)."""
    return not ent.text.islower() and (
        (ent.label_ == "GPE" and not is_city(ent.text)) or (ent.label_ in ("PERSON", "ORG") and is_country(ent.text)))


def _sentence_organisation(pronoun: Token, role: str) -> Participant | None:
    """'The Foreign Ministry of Lorania issued a note in which it accused…': 'it' is the last
    organisation or state before it that is a subject in the same sentence."""
    organisation = _subject_before(pronoun, ("ORG", "GPE"), latest=True)
    return participant_from_entity(organisation, role) if organisation is not None else None


def _person_before(pronoun: Token) -> Span | None:
    """'guards led Governor Bello out after the assembly voted for her impeachment': with no person for
    subject, the last person named before a possessive in its sentence."""
    if pronoun.dep_ != "poss":
        return None
    return next((e for e in reversed(pronoun.doc.ents) if e.label_ == "PERSON" and e.end <= pronoun.i), None)


def _subject_before(pronoun: Token, labels: tuple[str, ...], latest: bool) -> Span | None:
    """The first (or, with latest, the last) name with one of these labels that is a subject
    before the pronoun in its sentence."""
    before = pronoun.doc[: pronoun.i]
    for candidate in (reversed(before) if latest else before):
        ent = entity_of(candidate) if candidate.dep_ in ("nsubj", "nsubjpass") else None
        if ent is not None and ent.label_ in labels:
            return ent
    return None


def _dateline_place(text: str, title: str | None, start: int = 0, end: int | None = None):
    """The place of a dateline among the first six lines of text[start:end]."""
    lines = (line.group(0) for line in _LINE.finditer(text, start, len(text) if end is None else end))
    for line in itertools.islice((line for line in lines if line.strip()), 6):
        if title and line.strip() == title.strip():
            continue
        match = _DATELINE.match(line)
        if match:
            name = next(group for group in match.groups() if group).strip()
            place = lookup(name)
            if place is None:
                place = _unknown_dateline_town(match.group(1), text)
            elif place.lat is None:
                place = None   # a country's name ('SUDAN -') places nothing
            if place is not None:
                place.expression = PLACE_DATELINE + name
                return place
    return None


def _unknown_dateline_town(capitals: str | None, text: str) -> Place | None:
    """'KOLWANDA - Water has run short in Kolwanda…': a town the gazetteer does not know
    is the dateline's place when the report names it again after a word of place ('of', 'in',
    'near'…), as a town is named; a label in capitals ('UPDATE:', 'FILE -') is not, or is a
    section's label. (Read only for a name the gazetteer does not know.)"""
    if not capitals or capitals.lower() in _SECTION_LABELS or side_country(capitals):
        return None
    name = capitals.title().replace("'S", "'s")   # "N'DJAMENA" -> "N'Djamena"
    told_again = re.search(rf"\b(?:in|at|near|of|from|to|outside|around)\s+{re.escape(name)}(?![\w'’-])", text)
    return Place(name, None, None, None, name) if told_again else None


def _shift(participants: list[Participant], offset: int) -> list[Participant]:
    for p in participants:
        if p.start is not None:
            p.start += offset
            p.end += offset
    return participants


_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside"})


# Types whose target, when it is a city, is where the event happened ("attacks against Aleppo").
_AT_TARGET = frozenset({"ASSAULT"})
# Forces are mobilised where they are sent ('moved troops to Oqsari').
_TO_DESTINATION = frozenset({"MOBILIZE"})
# Measures imposed on a town are in force there ('a curfew on Tessaoua', 'sealed off Maradi').
_ON_TOWN = frozenset({"COERCE"})


def _place_for(found: Found, doc: Doc, named_places: NamedPlaces | None = None):
    place = _place_from_tokens(found.place_tokens + _where_clause_place(found.trigger), doc)
    if place is not None:
        return place
    if found.type in _ON_TOWN:
        # the measure's 'on', or that of the verb that imposed it ('imposed a curfew on X')
        imposer = [found.trigger.head] if found.trigger.dep_ == "dobj" else []
        for obj in [o for t in [found.trigger, *imposer] for o in prep_objects(t, {"on"})]:
            place = place_in_text(obj.text) if obj.ent_type_ == "GPE" else named_by_place_noun(obj)
            if place is not None and place.lat is not None:
                return place
            place = named_places.meant_by(obj) if named_places is not None else None
            if place is not None:
                return place   # a town the report has named as one
    if found.type in _AT_TARGET:
        # "the attack on the town of Kaya": the town attacked is where
        for obj in prep_objects(found.trigger, {"on", "against"}):
            place = named_by_place_noun(obj)
            if place is not None:
                return place
        # "hit Bamako, the capital of …": the town hit is where, whoever it stands for
        for obj in (c for c in found.trigger.children if c.dep_ == "dobj"):
            place = named_by_place_noun(obj)   # 'bombed Tumbi village'
            if place is not None:
                return place
            ent = entity_of(obj)
            # "seized Goma airport": the town the site is named by, never a common noun's namesake
            named = ent.text if ent is not None else " ".join(c.text for c in obj.children if c.dep_ == "compound"
                                                              and c.pos_ == "PROPN" and c.i < obj.i)
            place = place_in_text(named) if named else None
            if place is not None and place.lat is not None:
                return place
        for target in found.recipients:   # whatever NER called it (a city is often tagged a person or an organisation)
            # a name, not a common noun that spells a town ('ambushed a police patrol': not Police, Poland)
            if target.kind not in ("NORP", "GROUP") and target.name[:1].isupper():
                place = place_in_text(target.name)
                if place is not None and place.lat is not None:
                    return place
    if found.type in _TO_DESTINATION:
        # "moved armoured vehicles to Oqsoy": forces gather where they are sent
        place = _destination(found.trigger)
        if place is not None:
            return place
    # "attacked rebel positions in Idleb": a city after 'in' anywhere in the trigger's clause,
    # whatever label NER gave it ("in Vilnius" tagged ORG), unless it names a person.
    clause = None
    in_clause = []
    for token in _place_prepositions(doc):
        if token.i + 1 >= len(doc):
            continue
        if clause is None:
            clause = {t.i for t in found.trigger.head.subtree} if found.trigger.dep_ != "ROOT" else range(len(doc))
        if token.i + 1 in clause and not _of_a_topic_or_description(token, found.trigger, found.type not in ON_THE_GROUND):
            in_clause.append(token)
    # a city the gazetteer knows first, anywhere in the clause; else a town it does not know;
    # else 'the town' the report has named
    for find in (_known_city_in_phrase, _unknown_town_in_phrase):
        place = next((p for p in map(find, in_clause) if p is not None), None)
        if place is not None:
            return place
    if named_places is not None:
        place = next((p for p in (named_places.meant_by(o) for t in in_clause for o in t.children if o.dep_ == "pobj")
                      if p is not None), None)
        if place is not None:
            return place
    return _seat_of_the_court(found.trigger)


_COURT_NOUNS = frozenset({"court", "tribunal"})


def _seat_of_the_court(trigger: Token) -> Place | None:
    """'The Mbale High Court granted bail', 'freed by a Jinja court': a court acts in the town
    it is named by."""
    for court in children(trigger, "nsubj") + agent_objects(trigger):
        if court.lemma_.lower() in _COURT_NOUNS:
            start = court.left_edge.i + (court.left_edge.pos_ == "DET")
            place = town_of_a_named_site(court.doc[start: court.i + 1].text)
            if place is not None:
                return place
    return None


_TOPIC_NOUNS = words("topic_nouns")
_HAPPENING_VERBS = words("happening_verbs")


def _of_a_topic_or_description(preposition: Token, trigger: Token, talk: bool = True) -> bool:
    """'discussed the situation in Gaza', 'dealt with the developments in Syria and in Idlib',
    'besides attacks on areas which lie near Idlib': a place phrase on what the act is about, or
    in a clause that describes a word other than its sides, not where the act was ('the
    violence in Kaya killed…' is the subject's: there). A topic is only what a talk or a
    statement (`talk`) is about: an arrest 'after the unrest in Gulu' was in Gulu."""
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    word = preposition
    while word.i not in above and word.head.i != word.i:
        if word.dep_ == "relcl" and word.head.i != trigger.i and not _argument_of(word.head, trigger) \
                and word.lemma_.lower() not in _HAPPENING_VERBS:   # ('talks …, which began in Osh': the talks')
            return True   # ('dispersed strikers who were blocking the depot in Luque': where the act was)
        head = word.head
        if talk and head.lemma_.lower() in _TOPIC_NOUNS and head.dep_ not in ("nsubj", "nsubjpass") and head.i not in above:
            return True
        word = head
    return False


def _argument_of(word: Token, trigger: Token) -> bool:
    """Whether the word is one of the act's sides: its subject, object or a preposition's object,
    or those of the verb it is done by ('used tear gas to disperse strikers')."""
    head = word.head.head if word.dep_ == "pobj" else word.head
    return head.i == trigger.i or head.dep_ in ("xcomp", "advcl") and head.head.i == trigger.i


def _destination(trigger: Token) -> Place | None:
    """The town named after the act's 'to' or 'into', that of the verb the act's noun is the
    object of, or that of what it is 'of' ('sent reinforcements to Kaya', 'ordered a deployment
    into Bol', 'the deployment of troops to Goma')."""
    carriers = [trigger, trigger.head] if trigger.dep_ == "dobj" else [trigger]
    carriers += [o for c in carriers for o in prep_objects(c, {"of"})]   # 'the deployment of troops to Goma'
    prepositions = [c for word in carriers for c in word.children if c.dep_ == "prep" and c.lower_ in ("to", "into")]
    for find in (_known_city_in_phrase, _unknown_town_in_phrase):
        place = next((p for p in map(find, prepositions) if p is not None), None)
        if place is not None:
            return place
    # a town NER took for a person ('to Goma'): forces are sent to places
    for obj in (o for p in prepositions for o in p.children if o.dep_ == "pobj"):
        ent = entity_of(obj)
        place = place_in_text(ent.text) if ent is not None else None
        if place is not None and place.lat is not None:
            return place
    return None


def _tour_stops(trigger: Token) -> list[tuple[Token, Place]]:
    """The capitals of two or more states a visit's clause takes its visitor to, in the order
    told ('paid visits to Lima on 2 June and to Quito on 3 June', 'visited Lima and Quito'):
    each is a visit of its own. Nothing when the clause names fewer."""
    clause = trigger if trigger.pos_ == "VERB" else trigger.head
    stops, states = [], set()
    for token in clause.subtree:
        # a capital's name, whatever label NER gave it ('Dushanbe' may come out a person)
        if token.ent_type_ not in ("GPE", "LOC", "ORG", "PERSON") or token.ent_iob_ != "B" or token.i == trigger.i:
            continue
        ent = entity_of(token)
        place = place_in_text(ent.text) if ent is not None else None
        state = capital_of(place) if place is not None else None
        if state is not None and state not in states:
            stops.append((token, place))
            states.add(state)
    return stops if len(stops) >= 2 else []


def _tour_visits(mention: EventMention, stops: list[tuple[Token, Place]], expressions, offset: int) -> list[EventMention]:
    """One visit per capital, each dated by the first time told after its name and before the
    next one's ('to Lima on 2 June and to Quito on 3 June'), else by the mention's date."""
    # the visitors: not the hosts, named by their state or by their capital
    hosts = {capital_of(place) for _, place in stops}
    visitors = [p for p in mention.participants if not (p.kind == "GPE" and side_country(p.name) in hosts)
                and not any(same_name(p.name, city.text) for city, _ in stops)]
    visits = []
    for number, (city, place) in enumerate(stops):
        end = stops[number + 1][0].idx if number + 1 < len(stops) else None
        told = next(((start, stop, words_, value) for start, stop, words_, value in expressions
                     if start > city.idx and (end is None or start < end)), None)
        date = mention.date if told is None else ResolvedDate(
            told[3].calendar, told[3].precision, told[2], BASIS_TEXT, offset + told[0], offset + told[1])
        visits.append(replace(mention, participants=list(visitors), date=date,   # a list each: later steps add to it
                              place=replace(place, expression=city.text)))
    return visits


def _where_clause_place(trigger: Token) -> list[Token]:
    """'flew to Doha, where he met …': the place a 'where' clause hangs on."""
    clause = trigger if trigger.pos_ == "VERB" else trigger.head
    if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
        return [clause.head]
    return []


def _place_prepositions(doc: Doc) -> list[Token]:
    """The sentence's 'in', 'at', 'near'... tokens, found once for all its triggers."""
    found = doc.user_data.get(_PREPOSITIONS_KEY)
    if found is None:
        # read from the doc's array of lower forms: making a Token per word costs more
        ids = string_ids(doc.vocab.strings, _PLACE_PREPOSITIONS)
        found = doc.user_data[_PREPOSITIONS_KEY] = [doc[i] for i, lower in enumerate(doc.to_array(LOWER).tolist())
                                                    if lower in ids]
    return found


_PREPOSITIONS_KEY = "eventscribe_place_prepositions"
# 'in the capital, Bamako', 'in the port city of Mombasa': a common noun for a place, then its name.
_PLACE_NOUNS = words("place_nouns")


def _joined_prepositions(preposition: Token) -> list[Token]:
    """The prepositions joined to this one: 'around' of 'in and around the capital'."""
    return [c for c in preposition.children if c.dep_ == "conj" and c.pos_ == "ADP"]


def _phrase_objects(preposition: Token) -> list[Token]:
    """The preposition's dependents, and those of a preposition joined to it that holds the
    object: 'in and around the capital', 'in and near Maradi'."""
    joined = _joined_prepositions(preposition)
    own = list(preposition.children)
    return own + [c for j in joined for c in j.children] if joined and not any(c.dep_ == "pobj" for c in own) else own


def _unknown_town_in_phrase(preposition: Token) -> Place | None:
    """A town the gazetteer does not know is still the place when the text says it is one ('in
    the town of Kaya', 'near Dori' with Dori a place name to NER): named, without coordinates.
    Not a region: a name with 'of' ('the Horn of Africa') or a region's word ('the Sahel',
    'the Middle East', 'Europe')."""
    for obj in (c for c in _phrase_objects(preposition) if c.dep_ == "pobj"):
        place = named_by_place_noun(obj)
        if place is not None:
            return place   # 'in Tumbi village', 'near the village of Oqsari'
        named = [obj] if obj.ent_type_ in ("GPE", "LOC") else []
        if obj.lemma_.lower() in _PLACE_NOUNS:
            named += [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                      if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        for token in named:
            ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            name = ent.text if ent is not None else _proper_noun_run(token.doc, token.left_edge.i)
            name = re.sub(r"^the\s+", "", name or "", flags=re.IGNORECASE)
            words_ = name.split()
            if words_ and all(w[:1].isupper() for w in words_) and not any(w.lower() in _REGIONS for w in words_) \
                    and not name.isupper() \
                    and place_in_text(name) is None and side_country(name) is None:
                return Place(name, None, None, None, name)
    return None


_REGIONS = words("regions")
_SECTION_LABELS = words("section_labels")


def _known_city_in_phrase(preposition: Token):
    """The city a place phrase names: right after the preposition ('in Vilnius', 'in the
    Idlib countryside' reads 'Idlib'), or as the name of the place noun it opens ('in the
    capital, Bamako', 'at a meeting in the Kenyan port city of Mombasa' -> in ... Mombasa)."""
    for word in [preposition, *_joined_prepositions(preposition)]:
        name = _proper_noun_run(preposition.doc, word.i + 1)   # ('in and around Dosso': after 'around')
        site = _site_named(preposition.doc, word.i + 1, name) if name else None
        town = _town_after(preposition.doc, word.i + 1) if site else None
        if town is not None:
            return town   # 'at Westfield junction in Serekunda'
        place = place_in_text(name) if name else None
        if place is not None and site:
            # 'in Kisumu market' is Kisumu's, unless the report never names the town's country
            # (home.settle_namesakes reads the site in the expression: 'the Santa Rosa market')
            place = replace(place, expression=site)
        if place is not None and place.lat is not None:
            return _town_of_the_site(preposition.doc, word.i + 1) if is_landmark(name) else place
        place = town_of_a_named_site(name) if name else None
        if place is not None:
            return place   # 'at Entebbe International Airport'
    for obj in _phrase_objects(preposition):
        ent = entity_of(obj) if obj.dep_ == "pobj" else None
        # 'in the Ugandan capital Kampala': the object is the name (NER may call it anything
        # after 'capital')
        described = any(c.dep_ == "compound" and c.lemma_.lower() in _PLACE_NOUNS for c in obj.children)
        if ent is not None and (ent.label_ in ("GPE", "LOC") or described):
            place = place_in_text(ent.text)
            if place is not None and place.lat is not None:
                return place
        if obj.dep_ == "pobj" and obj.lemma_.lower() not in _PLACE_NOUNS:
            # 'at the Government Secretariat, Lusaka': a building, then its town, however parsed;
            # not the next clause's subject ('at the palace, Moscow said')
            after = _proper_noun_run(obj.doc, obj.i + 2, True) if obj.i + 2 < len(obj.doc) and obj.doc[obj.i + 1].text == "," else None
            end = obj.i + 2 + len(after.split()) if after else None
            ends_phrase = end is not None and (end >= len(obj.doc) or obj.doc[end].is_punct)
            town = place_in_text(after) if after and ends_phrase else None
            if town is not None and town.lat is not None:
                return town
        if obj.dep_ != "pobj" or obj.lemma_.lower() not in _PLACE_NOUNS:
            continue
        named = [c for c in obj.children if c.dep_ == "appos"]
        named += [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if obj.i + 2 < len(obj.doc) and obj.doc[obj.i + 1].text == ",":
            named.append(obj.doc[obj.i + 2])   # 'in the capital, Lusaka,' however the parser hangs the name
        for token in named:
            name = _proper_noun_run(token.doc, token.left_edge.i, True) or _proper_noun_run(token.doc, token.i, True)
            place = place_in_text(name) if name else None
            if place is not None and place.lat is not None:
                return place
    return None


# How far after a seat of power's name its town may be told ('outside the White House in Bishkek')
_SITE_TO_TOWN = 5


_TOWN_SITES = words("town_site_nouns")


def _site_named(doc: Doc, start: int, name: str) -> str | None:
    """The words naming a site in a town when the proper nouns from `start` name one ('Westfield
    junction', 'Zay Gyi Market'), not the town itself; None otherwise."""
    start += doc[start].lower_ in ("the", "a", "an")
    end_char = doc[start].idx + len(name)   # ('Port-au-Prince' is five tokens)
    after = next((t.i for t in doc[start:] if t.idx >= end_char), len(doc))
    if name.split()[-1].lower() in _TOWN_SITES:
        return name
    return f"{name} {doc[after].text}" if after < len(doc) and doc[after].lower_ in _TOWN_SITES else None


def _town_after(doc: Doc, start: int) -> Place | None:
    """The town named after 'in' within a few words of `start` ('… junction in Serekunda')."""
    for index in range(start + 1, min(start + _SITE_TO_TOWN, len(doc) - 1)):
        if doc[index].lower_ == "in":
            name = _proper_noun_run(doc, index + 1)
            town = place_in_text(name) if name else None
            return town if town is not None and town.lat is not None else None
    return None


def _town_of_the_site(doc: Doc, start: int) -> Place | None:
    """The town a seat of power is said to be in ('the White House in Bishkek'), else the city
    its name stands for ('the White House': Washington): Kyrgyzstan's seat of government bears
    the name too."""
    return _town_after(doc, start) or place_in_text(_proper_noun_run(doc, start))


def _proper_noun_run(doc: Doc, start: int, person_tag_too: bool = False) -> str | None:
    """The run of proper nouns from `start`; one NER tagged a person's ends it, unless a place
    noun has said a place is named ('the provincial capital, Bol')."""
    if doc[start].lower_ in ("the", "a", "an") and start + 1 < len(doc):
        start += 1   # 'at a Nairobi hotel'
    end = start
    while end < len(doc) and doc[end].pos_ == "PROPN" and (person_tag_too or doc[end].ent_type_ != "PERSON"):
        end += 1
    # 'the Horn of Africa', 'the Gulf of Aden': one name, never the town its first word spells
    while end > start and end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ == "PROPN":
        end += 2
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
    return doc[start:end].text if end > start else None


def _place_from_tokens(tokens, doc: Doc):
    for token in tokens:
        ent = entity_of(token)
        if ent is None and token.ent_type_ in ("GPE", "LOC", "FAC"):
            ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.label_ not in ("GPE", "FAC", "LOC"):
            continue
        place = place_in_text(ent.text)
        if place is not None:
            return place
    return None


# "Prime Minister Boyko Marinov faced a vote": a sentence naming a person with an office is read
# even when it tells no event, when a sentence that is read names someone by that office alone
# ('demanded the resignation of the prime minister'), so that the report knows who that is.
_TITLES = sorted((w for w in words("title_words") if w.isalpha()), key=len, reverse=True)
_TITLED_NAME = re.compile(r"\b(?:%s)\s+(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’-]+" % "|".join(w.capitalize() for w in _TITLES))
# Two capitalised words in a row: a name, maybe a person's.
_NAME = re.compile(r"\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+")
# ('The Kenyan interior minister', 'the Ugandan Speaker': a nationality before the office)
_OFFICE_ALONE = re.compile(r"\b(?:[Tt]he|its|their|his|her)\s+(?:[A-Za-z-]+\s+){0,2}(%s)\b"
                           % "|".join(_TITLES + [t.capitalize() for t in _TITLES]))


def _candidates(sentences: list[Sentence]) -> list[Sentence]:
    chosen, in_attendee_list = [], False
    for number, sentence in enumerate(sentences):
        if in_attendee_list and is_bullet(sentence):
            chosen.append(sentence)
            continue
        in_attendee_list = bool(_ATTENDEE_INTRO.search(sentence.text))
        if in_attendee_list or worth_parsing(sentence.text, trigger_words(sentence.text)):
            # "It condemned…", "… condemned the comments": the sentence before says who 'it' is
            # or who commented, so it is read too
            refers_back = _OPENING_PRONOUN.match(sentence.text) or _SAID_THING_REFERENCE.search(sentence.text)
            if number and refers_back and (not chosen or chosen[-1] is not sentences[number - 1]):
                chosen.append(sentences[number - 1])
            chosen.append(sentence)
    return _with_office_holders(sentences, chosen)


def _with_office_holders(sentences: list[Sentence], chosen: list[Sentence]) -> list[Sentence]:
    """The chosen sentences and, in reading order, those that name the holder of an office a chosen
    one names alone."""
    offices = {m.group(1).lower() for s in chosen for m in _OFFICE_ALONE.finditer(s.text)} | \
        {office for s in chosen for office in described_offices(s.text)}
    if not offices:
        return chosen
    read = {s.index for s in chosen}
    # the office before a name ('Chairman Ade Bakare'), or said of a name elsewhere in the
    # sentence ('Ade Bakare, the council's chairman'; 'named Ade Bakare as its chairman')
    holders = [s for s in sentences if s.index not in read and (any(
        offices & set(m.group(0).lower().split()) for m in _TITLED_NAME.finditer(s.text))
        or offices & set(re.findall(r"[a-z]+", s.text.lower())) and _NAME.search(s.text))]
    return sorted(chosen + holders, key=lambda s: s.index) if holders else chosen


def analyze(text: str, published: str | None = None, title: str | None = None, doc_id: str = "doc",
            model: str = DEFAULT_MODEL, published_basis: str | None = None) -> DocumentAnalysis:
    """Analyse one report. `published` is an ISO date; without it dates relative to the
    publication day stay unknown. Returns sentences, entities and event mentions."""
    return analyze_article(Article(doc_id=doc_id, text=text, title=title, published=published,
                                   published_basis=published_basis or ("given" if published else None)),
                           model=model)


def analyze_article(article: Article, model: str = DEFAULT_MODEL, nlp=None) -> DocumentAnalysis:
    return next(analyze_articles([article], model=model, nlp=nlp))


# A report longer than this (in characters, after cleaning) is analysed section by section,
# each section as a report of its own: sections end at paragraph breaks and are at most this
# long (save a single sentence longer than that). What reading order teaches (who 'he' is, the
# date the narrative is at, the fuller name of 'Haddad', which mentions repeat one event) is
# learnt within a section, so time grows linearly with the report's length and only one
# section's parsed sentences are held at a time. Reports up to this size are one section.
SECTION_CHARS = 100_000


def analyze_articles(articles: Iterable[Article], model: str = DEFAULT_MODEL, nlp=None,
                     batch_documents: int = 32) -> Iterator[DocumentAnalysis]:
    """Analyse many reports, parsing the candidate sentences of a batch of them together
    (spaCy is far faster on full batches). Yields one analysis per article, in order.
    A long report is analysed on its own, one section at a time (see SECTION_CHARS)."""
    nlp = nlp or load_model(model)
    batch: list[tuple[Article, DocumentAnalysis, list[Sentence]]] = []
    for article in articles:
        prepared, sections = _prepare(article)
        if len(sections) > 1:
            if batch:
                yield from _finish_batch(batch, nlp)
                batch = []
            yield _finish_sections(prepared[0], prepared[1], sections, nlp)
            continue
        batch.append(prepared)
        if len(batch) >= batch_documents:
            yield from _finish_batch(batch, nlp)
            batch = []
    if batch:
        yield from _finish_batch(batch, nlp)


def _prepare(article: Article):
    """Everything before parsing: cleaning, publication date, language, sentences, filter.
    Returns ((article, analysis, candidates), sections); `sections` holds (sentences,
    candidates) per section, one for a report no longer than SECTION_CHARS."""
    cleaned, removed_lines = remove_boilerplate(article.text)
    published, basis = article.published, article.published_basis
    if not published:
        published, basis = find_published(cleaned, article.title)
    anchor = parse_iso_date(published)
    english = is_english(cleaned)
    analysis = DocumentAnalysis(
        doc_id=article.doc_id, content_hash=article.content_hash, text=cleaned, title=article.title,
        published=anchor.isoformat() if anchor else None, published_basis=basis,
        language="en" if english else "other", sentences=[], entities=[], mentions=[],
        stats={"boilerplate_lines": removed_lines},
    )
    if not english or not cleaned.strip():
        # (a report in another language would be weighed with English word frequencies: none)
        return (article, analysis, []), [([], [])]
    analysis.sentences = split_sentences(cleaned)
    analysis.fingerprint, analysis.story_keys = story_fingerprint(cleaned, analysis.sentences)
    if len(cleaned) <= SECTION_CHARS:
        sections = [(analysis.sentences, _candidates(analysis.sentences))]
    else:
        sections = [(part, _candidates(part)) for part in split_sections(cleaned, analysis.sentences)]
    candidates = [s for _, section_candidates in sections for s in section_candidates]
    analysis.stats.update(sentences=len(analysis.sentences), parsed_sentences=len(candidates))
    if len(sections) > 1:
        analysis.stats["sections"] = len(sections)
    return (article, analysis, candidates), sections


def split_sections(text: str, sentences: list[Sentence], limit: int | None = None) -> list[list[Sentence]]:
    """Consecutive runs of sentences, each spanning at most `limit` characters of text (one
    longer sentence stays whole). A section ends at the last paragraph break that leaves it
    at least half full, else at the last line break that does, else after the last sentence
    that fits."""
    limit = SECTION_CHARS if limit is None else limit
    sections: list[list[Sentence]] = []
    first = 0
    while first < len(sentences):
        start = sentences[first].start
        last = first   # the last sentence that fits
        while last + 1 < len(sentences) and sentences[last + 1].end - start <= limit:
            last += 1
        if last + 1 < len(sentences):
            half = start + limit // 2
            breaks = {2: None, 1: None}   # strength -> the last sentence before such a break
            for index in range(last, first - 1, -1):
                if sentences[index].end < half:
                    break
                gap = text.count("\n", sentences[index].end, sentences[index + 1].start)
                strength = 2 if gap >= 2 else gap
                if strength and breaks[strength] is None:
                    breaks[strength] = index
                    if strength == 2:
                        break
            last = breaks[2] if breaks[2] is not None else breaks[1] if breaks[1] is not None else last
        sections.append(sentences[first:last + 1])
        first = last + 1
    return sections


def _finish_batch(batch, nlp) -> Iterator[DocumentAnalysis]:
    docs = iter(_parse_by_length(nlp, [s.text for _, _, candidates in batch for s in candidates]))
    for article, analysis, candidates in batch:
        parsed = [next(docs) for _ in candidates]
        if candidates:
            _finish(article, analysis, candidates, parsed)
        yield analysis


def _finish(article: Article, analysis: DocumentAnalysis, candidates: list[Sentence], parsed: list[Doc]) -> None:
    analysis.mentions = _section_mentions(article, analysis, analysis.sentences, candidates, parsed, article.title)
    analysis.stats["mentions"] = len(analysis.mentions)


def is_long(article: Article) -> bool:
    """Whether a report may be analysed in sections (see SECTION_CHARS). Judged on the raw text;
    one whose cleaned text turns out shorter is read as one section all the same."""
    return len(article.text) > SECTION_CHARS


def analyze_share(article: Article, share: int, shares: int, model: str = DEFAULT_MODEL, nlp=None) -> DocumentAnalysis:
    """The analysis of one share of a long report's sections (share 0 of 2 is the first half),
    with event keys from 0: an engine analyses the shares in parallel and `join_shares` makes
    them the analysis `analyze_article` gives. Every share reads the whole text, so the
    sentences, offsets and statistics are the report's."""
    nlp = nlp or load_model(model)
    (article, analysis, _), sections = _prepare(article)
    size = -(-len(sections) // shares)
    mine = range(share * size, min(len(sections), (share + 1) * size))
    return _finish_sections(article, analysis, sections, nlp, numbers=mine)


def join_shares(parts: list[DocumentAnalysis]) -> DocumentAnalysis:
    """One analysis from the analyses of a report's shares, in order."""
    whole = parts[0]
    for part in parts[1:]:
        offset = max((m.event_key for m in whole.mentions), default=-1) + 1
        for mention in part.mentions:
            mention.event_key += offset
        whole.mentions.extend(part.mentions)
        whole.entities.extend(part.entities)
    whole.stats["mentions"] = len(whole.mentions)
    return whole


def _finish_sections(article: Article, analysis: DocumentAnalysis, sections, nlp,
                     numbers: Iterable[int] | None = None) -> DocumentAnalysis:
    """A long report, one section at a time: each section's sentences are parsed, read and
    grouped as a report of its own, with its offsets into the whole text and its event keys
    after those of the sections before; its parsed sentences are freed before the next.
    `numbers`: only these sections (a share of the report)."""
    next_key = 0
    wanted = set(range(len(sections)) if numbers is None else numbers)
    for number, (sentences, candidates) in enumerate(sections):
        if not candidates or number not in wanted:
            continue
        parsed = _parse_by_length(nlp, [s.text for s in candidates])
        mentions = _section_mentions(article, analysis, sentences, candidates, parsed,
                                     article.title if number == 0 else None)
        del parsed
        for mention in mentions:
            mention.event_key += next_key
        next_key = max((m.event_key for m in mentions), default=next_key - 1) + 1
        analysis.mentions.extend(mentions)
    analysis.stats["mentions"] = len(analysis.mentions)
    return analysis


def _parse_by_length(nlp, texts: list[str]) -> list[Doc]:
    """The parsed texts, in order; parsed shortest first, so that each batch holds sentences
    of like length (a few percent faster; each sentence's parse does not depend on its batch)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    parsed: list[Doc | None] = [None] * len(texts)
    for index, doc in zip(order, nlp.pipe([texts[i] for i in order], batch_size=128)):
        parsed[index] = keep_text(doc, texts[index])
    return parsed


def _section_mentions(article: Article, analysis: DocumentAnalysis, sentences: list[Sentence],
                      candidates: list[Sentence], parsed: list[Doc], title: str | None) -> list[EventMention]:
    """The event mentions of a run of sentences read as one report (the whole report, or one
    section of a long one); adds the entities it finds to analysis.entities."""
    anchor = parse_iso_date(analysis.published)
    known_entities = len(analysis.entities)
    voice = article.outlet if article.outlet and article.outlet.lower() in analysis.text.lower() else None
    raw, raw_anaphoric, marks = _read_mentions(parsed, candidates, sentences, anchor, analysis, voice)
    # Names are completed before triggers of one sentence are merged, so that "the Syrian
    # president" is already Assad when deciding whether two triggers name the same sides.
    _complete_names(raw, [e.text for e in analysis.entities[known_entities:] if e.label == "PERSON"])
    complete_sides(raw)
    fill_belligerents(raw)
    complete_doers(raw)
    fill_judged_sides(marks.judged, raw)
    agreeing_sides(raw)
    mentions, anaphoric = _merge_sentences(raw, raw_anaphoric, marks.sequenced, marks.subjected, marks.joined)
    agreed_at_the_meeting(mentions)
    settings_from_meetings(mentions)
    hosts_from_destinations(mentions, analysis.text)
    whole = analysis.sentences
    start = 0 if sentences[0] is whole[0] else sentences[0].start
    end = None if sentences[-1] is whole[-1] else sentences[-1].end
    dateline = _dateline_place(analysis.text, title, start, end)   # of this section of the report
    _add_entry_places(mentions, sentences, analysis.text)
    add_scene_places(mentions, sentences, analysis.text)
    _add_dateline_places(mentions, dateline, anchor)
    add_headline_places(mentions, headline_place(title or _first_line(analysis.text)), anchor)
    headline = {s.index for s in sentences[:2] if title and s.text.strip() == title.strip()}
    # where the whole report was filed
    filed_in = dateline if start == 0 and end is None else _dateline_place(analysis.text, title)
    crowds_of_the_organiser(mentions)
    section = analysis.text[sentences[0].start:sentences[-1].end]
    names = place_names(section)
    named = named_countries(names)
    filed_in = settle_namesakes(mentions, named, filed_in)
    filed_here = filed_in if start == 0 and end is None else dateline   # this section's own dateline
    home = claim_unnamed_sides(mentions, names, named, filed_in.country if filed_in is not None else None,
                               tells_a_seizure_of_power(section), filed_here.country if filed_here is not None else None,
                               analysis.text)
    address_release_calls(mentions)
    target_crowds(mentions)
    complete_bare_events(mentions, marks.bare)
    complete_from_main_pair(mentions)
    mentions, anaphoric = split_calls(mentions, anaphoric)
    assign_event_keys(mentions, anaphoric, headline, marks.joined)
    claim_custody(mentions, home, marks.agentless)
    target_crowds(mentions)   # whom an arrest told without its doer hit
    releases_by_holders(mentions)
    answered = refusals_answered(mentions, marks.refused)
    complete_from_principal_side(mentions, answered)
    answer_refusals(mentions, answered)
    cross_border_targets(mentions)
    absorb_vague_groups(mentions)
    return mentions


def _agentless_passive(trigger: Token) -> bool:
    """'Nine people were detained', 'the people arrested in Bol': a participle told in the passive
    or after its noun, without 'by' and its doer ('whom the guards detained' has a doer)."""
    if trigger.tag_ != "VBN" or children(trigger, "agent", "nsubj"):
        return False
    return bool(children(trigger, "auxpass")) or trigger.dep_ == "acl"


def _is_bare(trigger: Token, type_: str) -> bool:
    """Whether a trigger leaves its sides to the report: a noun no name owns ('after the talks',
    not 'the Mercosur summit', 'the leaders' summit' or 'the mediation of the envoy'), or an
    agreement's passive without its agent ('several documents were signed at the end of the visit'; 'the
    plan was discussed' is no talk of its own). A day owns nothing: "Tuesday's accord" is bare."""
    if trigger.pos_ == "VERB":
        return type_ == "AGREE" and any(c.dep_ == "auxpass" for c in trigger.children) and not agent_objects(trigger)
    return trigger.pos_ == "NOUN" and not any((c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_))
                                              or (c.dep_ == "poss" and c.lower_ not in PRONOUNS
                                                  and c.ent_type_ not in ("DATE", "TIME"))
                                              or (c.dep_ == "prep" and c.lower_ in ("of", "by") and c.children)
                                              for c in trigger.children)


# A segment ending so is a stamp split from the entry it opens (sentences.line_prefix).
_ENTRY_STAMP_ENDS = frozenset("-–—:")


def _previous_sentence_date(sentences: list[Sentence], index: int, anchor: dt.date | None):
    """The last day or month named in the sentence before sentences[index] (positions in the
    list). A year alone sets no scene: "Obasanjo, who stepped down in 2007, …" is background."""
    if index == 0:
        return None
    previous = sentences[index - 1]
    found = find_expressions(previous.text)
    opens_entry = previous.text.rstrip()[-1:] in _ENTRY_STAMP_ENDS   # "3 May -" opening this line
    if found and not opens_entry \
            and not re.search(r"[^\W\d_]{2,}", previous.text[:found[0][0]] + " " + previous.text[found[-1][1]:]):
        return None   # "3 Feb, 2021 09:15": the page's time stamp, no words around its dates, is no scene
    for start, end, expression in reversed(found):
        if in_byline(previous.text, start):
            continue
        value = resolve(expression, anchor)
        if value is not None and value.calendar and value.precision != "year":
            return ResolvedDate(value.calendar, value.precision, expression, BASIS_TEXT,
                                previous.start + start, previous.start + end)
    return None


_POINTING = frozenset({"this", "these", "that", "those"})


def _entry_dates(sentences: list[Sentence], text: str, anchor: dt.date | None) -> dict[int, ResolvedDate]:
    """The day each sentence of a monitor's note or a live page's entry has from the stamp
    opening its line ('3 May - Tema: Dockworkers march … Police fire tear gas …'), by sentence
    index: every sentence of the entry is of that day, not only the first after the stamp."""
    dates: dict[int, ResolvedDate] = {}
    date, line_end, page_day, basis = None, -1, anchor, BASIS_LIVE_ENTRY
    for position, sentence in enumerate(sentences):
        if sentence.start >= line_end:   # the first segment of a line
            line_end = text.find("\n", sentence.start)
            line_end = len(text) if line_end < 0 else line_end
            heading = _day_heading(text[sentence.start:line_end], anchor)
            if heading is not None:
                page_day, basis = heading, BASIS_DAY_HEADING
            opens_entry = sentence.text.rstrip()[-1:] in _ENTRY_STAMP_ENDS
            # the stamp's own date, read as the sentence before the entry's first one
            date = date_from_narrative(_previous_sentence_date(sentences, position + 1, anchor)) if opens_entry else None
            if date is None and page_day is not None and is_clock_stamp(sentence.text):
                # a live page's '16:05 GMT -': the page's day (its heading's, else the publication's)
                date = ResolvedDate(page_day.isoformat(), "day", sentence.text.strip(" -–—:"), basis,
                                    sentence.start, sentence.end)
        elif date is not None:
            dates[sentence.index] = date
    return dates


def _day_heading(line: str, anchor: dt.date | None) -> dt.date | None:
    """'Wednesday, 24 September': a line of a live page that is a day and nothing else."""
    found = find_expressions(line)
    outside = line
    for start, end, _ in reversed(found):
        outside = outside[:start] + outside[end:]
    if not found or re.sub(r"[\W\d_]+", "", outside):
        return None
    value = resolve(found[-1][2], anchor)
    return dt.date.fromisoformat(value.value) if value is not None and value.precision == "day" and value.value else None


def _points_back(trigger: Token) -> bool:
    """'condemned this flagrant aggression': an act aimed at what the report has just told goes
    on from it, whatever other event that was."""
    return any(d.dep_ == "det" and d.lower_ in _POINTING for o in trigger.children if o.dep_ == "dobj" for d in o.children)


def _continues(mention: EventMention, earlier: list[EventMention]) -> bool:
    """Whether the sentence before may date a mention with no time of its own: it tells of no
    event (its date sets the scene: "On May 23, Assad said ... During the meeting ..."), or of
    this one (same type, or a side in common). Another event's day is not this one's; an event
    it only supposes ('a plan to widen trade') or names without sides ('talks resumed') is
    no other event it can be told from."""
    before = [m for m in _of_sentence_before(mention, earlier) if m.modality == "asserted" and m.participants]
    return not before or any(m.type == mention.type or share_a_side(m, mention) for m in before)


def _of_sentence_before(mention: EventMention, earlier: list[EventMention]) -> list[EventMention]:
    """The mentions read in the sentence just before this one's (`earlier` in reading order)."""
    recent = itertools.takewhile(lambda m: m.sentence >= mention.sentence - 1, reversed(earlier))
    return [m for m in recent if m.sentence == mention.sentence - 1][::-1]


def _last_told_day(earlier: list[EventMention], sentence: int) -> ResolvedDate | None:
    """The day of the last event the report dated by its words, or counted from such a day ('the
    next day' after 'the same day'), in this sentence or the two before."""
    for mention in reversed(earlier):
        if mention.sentence < sentence - 2:
            return None
        if mention.date is not None and mention.date.precision == "day" and mention.date.basis in _TOLD_DAYS:
            return mention.date
    return None


_TOLD_DAYS = frozenset({BASIS_TEXT, BASIS_RELATIVE})


def _continued_date(mention: EventMention, earlier: list[EventMention]) -> ResolvedDate | None:
    """The date the sentence before gives the event this mention continues (same type), from
    its own words: not the last date that sentence names, which may be another clause's."""
    before = [m for m in _of_sentence_before(mention, earlier)
              if m.type == mention.type and m.date is not None and m.date.basis == BASIS_TEXT]
    return before[0].date if before else None


@dataclass
class _Marks:
    """What the words say of each trigger (by its offset) that later steps read."""
    # nouns naming an event without naming or owning it ('the talks', not 'the Mercosur summit')
    bare: set[int] = field(default_factory=set)
    judged: list[tuple[EventMention, EventMention]] = field(default_factory=list)   # (a judgement, the act it judges)
    sequenced: set[int] = field(default_factory=set)   # events a clause orders against another
    subjected: set[int] = field(default_factory=set)   # verbs with a subject of their own
    agentless: set[int] = field(default_factory=set)   # passives told without their doer ('were detained')
    joined: set[frozenset[int]] = field(default_factory=set)   # two verbs joined by 'and' ('urged X … and called on Y')
    refused: dict[int, str | None] = field(default_factory=dict)   # a refusal: the type of act it may answer (judged.refused_kind)


def _read_mentions(docs, candidates, sentences, anchor, analysis, voice: str | None = None):
    """Mentions of the parsed candidates, in reading order; `sentences` are all the sentences
    read as one report (a section of a long one), consecutive in the document."""
    first = sentences[0].index if sentences else 0
    state = _DocumentState()
    state.parsed = (docs, [sentence.start for sentence in candidates])
    state.voice = voice
    mentions: list[EventMention] = []
    anaphoric: list[bool] = []
    attendee_target: EventMention | None = None
    marks = _Marks()
    narrative: dict[int, ResolvedDate | None] = {}   # sentence index -> the date of the one before
    entry_dates = _entry_dates(sentences, analysis.text, anchor)
    named_places = NamedPlaces(analysis.text)
    for sentence, doc in zip(candidates, docs):
        offset = sentence.start
        named_places.at = offset
        analysis.entities.extend(
            EntityMention(e.text, e.label_, offset + e.start_char, offset + e.end_char, sentence.index)
            for e in doc.ents)
        if attendee_target is not None and is_bullet(sentence):
            for ent in doc.ents:
                if ent.label_ == "PERSON":
                    attendee_target.participants.append(
                        _shift([participant_from_entity(ent, "participant")], offset)[0])
                    break
            continue
        attendee_target = None
        expressions = sentence_expressions(doc, anchor)
        sentence_mentions, sentence_triggers = [], []
        state.offset, state.sentence = offset, sentence.index
        # 'accused each other': one reading each way (reading a trigger depends on no mention of its sentence)
        readings = [(token, found, p_event) for token, trigger, p_event in find_triggers(doc)
                    for found in each_way(read_trigger(token, trigger, state.refer))]
        for token, found, p_event in readings:
            mention = EventMention(
                type=found.type, mode=found.mode, modality=found.modality, trigger=token.text,
                trigger_start=offset + token.idx, trigger_end=offset + token.idx + len(token.text),
                sentence=sentence.index, sentence_start=sentence.start, sentence_end=sentence.end,
                participants=_shift(found.actors + found.recipients, offset),
                place=_place_for(found, doc, named_places), p_event=p_event, depth=depth_below_root(token),
            )
            mention.participants = [p for p in mention.participants if not named_places.is_place(p)]
            mention.date = date_for_trigger(token, expressions, offset)
            if in_sequence(token):
                marks.sequenced.add(mention.trigger_start)
            if children(token, "nsubj", "nsubjpass"):
                marks.subjected.add(mention.trigger_start)
            if _agentless_passive(token):
                marks.agentless.add(mention.trigger_start)
            if mention.type == "REJECT":
                marks.refused[mention.trigger_start] = refused_kind(token)
            counted = relative_day(token) if mention.date is None else None
            if counted is not None:
                # 'the next day', 'the same day': counted from the last day the report told
                base = _last_told_day(mentions + [m for m, _ in sentence_mentions], mention.sentence) or \
                    _previous_sentence_date(sentences, sentence.index - first, anchor)
                mention.date = date_counted_from(base, counted, offset)
            if mention.date is None and anchor is not None and mention.modality == "asserted" and told_as_now(token, mention.type):
                mention.date = date_of_telling(anchor)
            if mention.date is None and sentence.index in entry_dates and not told_as_earlier(token):
                mention.date = entry_dates[sentence.index]
            if mention.date is None and not told_as_earlier(token) and (_points_back(token) or _continues(mention, mentions)):
                if sentence.index not in narrative:
                    narrative[sentence.index] = _previous_sentence_date(sentences, sentence.index - first, anchor)
                continued = _continued_date(mention, mentions)
                mention.date = date_from_narrative(continued or narrative[sentence.index])
            if mention.date is None and told_as_background(token):
                mention.date = date_for_background()
            if mention.date is None:
                mention.date = date_from_publication(anchor)
            stops = _tour_stops(token) if mention.type == "CONSULT" and mention.mode == "visit" else []
            visits = _tour_visits(mention, stops, expressions, offset) if stops else [mention]
            mention = visits[0]
            if mention.date.value and anchor and mention.date.value[:10] > anchor.isoformat() \
                    and mention.modality == "asserted" and mention.date.precision == "day":
                mention.modality = "future"
            elif _wholly_after(mention.date, anchor) and mention.modality == "asserted":
                # "supports its candidacy for the 2029-2030 term": a month or year after the report
                # is what the act is about, not when it happened
                mention.date = date_from_publication(anchor)
            sentence_mentions.append((mention, found.anaphoric))
            sentence_triggers.append(token)
            for visit in visits[1:]:   # the tour's later stops
                sentence_mentions.append((visit, found.anaphoric))
                sentence_triggers.append(token)
            # owned: 'the Mercosur summit', 'the leaders' summit', 'the mediation of the special envoy'
            if _is_bare(token, mention.type):
                marks.bare.add(mention.trigger_start)
        sentence_mentions += [(claim, False) for claim in _claims(sentence_mentions, sentence_triggers, state.refer,
                                                                 expressions, offset, anchor)]
        marks.joined.update(frozenset({sentence_mentions[a][0].trigger_start, sentence_mentions[b][0].trigger_start})
                      for a, first in enumerate(sentence_triggers) for b, second in enumerate(sentence_triggers)
                      if second.dep_ == "conj" and second.head == first and first.pos_ == second.pos_ == "VERB")
        marks.judged.extend((sentence_mentions[j][0], sentence_mentions[a][0])
                      for j, judgement in enumerate(sentence_triggers) for a, act in enumerate(sentence_triggers)
                      if judged_act(judgement, act))
        for mention, is_anaphoric in sentence_mentions:
            mentions.append(mention)
            state.remember_sides(mention)
            anaphoric.append(is_anaphoric)
            if _ATTENDEE_INTRO.search(sentence.text) and mention.type == "CONSULT" and attendee_target is None:
                attendee_target = mention
        if _ATTENDEE_INTRO.search(sentence.text) and attendee_target is None:
            attendee_target = next((m for m in reversed(mentions) if m.type == "CONSULT"), None)
        state.remember(doc, offset)
    return mentions, anaphoric, marks


def _claims(sentence_mentions: list[tuple[EventMention, bool]], triggers: list[Token], refer, expressions,
            offset: int, anchor) -> list[EventMention]:
    """The accusations a sentence's claims make ('Guyana says Venezuelan soldiers fired on a patrol
    boat': Guyana accuses Venezuela's soldiers), one per speech verb (claims.py)."""
    claims, told = [], set()
    for (act, _), trigger in zip(sentence_mentions, triggers):
        said = claimant(trigger) if act.type in CLAIMED_TYPES and act.modality == "asserted" else None
        if said is None or said[0].i in told:
            continue
        verb, subject, clause = said
        speakers = _shift(accusers(subject, refer), offset)
        targets = [replace(p, role="recipient") for p in accused([p for p in act.participants if p.role == "actor"], speakers)]
        if not speakers or not targets:
            continue
        told.add(verb.i)
        # the day it was said: a time inside the claim ('fired … late on Sunday') is the act's
        date = date_for_trigger(verb, expressions, offset)
        inside = range(offset + clause.left_edge.idx, offset + clause.right_edge.idx + len(clause.right_edge.text))
        if date is not None and date.start is not None and date.start in inside:
            date = None
        claims.append(EventMention(
            type="ACCUSE", mode=None, modality="asserted", trigger=verb.text, trigger_start=offset + verb.idx,
            trigger_end=offset + verb.idx + len(verb.text), sentence=act.sentence, sentence_start=act.sentence_start,
            sentence_end=act.sentence_end, participants=speakers + targets, place=act.place,
            date=date or date_from_publication(anchor)))
    return claims


def _complete_names(mentions: list[EventMention], person_names: list[str] = ()) -> None:
    """'Haddad' after 'President Omar Haddad' in the same report is Omar Haddad, and 'the Veldran
    Crown Prince' after 'Veldran Crown Prince Anton Marek' is Anton Marek. Every
    person the report names counts, so 'Biden' stays as written where both Joe and Jill are."""
    people = [p for m in mentions for p in m.participants if p.kind == "PERSON"]
    by_title = _people_by_title(people)
    for mention in mentions:
        for participant in mention.participants:
            key = re.sub(r"^the ", "", participant.name.lower())
            if participant.kind in ("GROUP", "PROPN") and key in by_title:
                person = by_title[key]
                participant.surface, participant.name = participant.name, person.name
                participant.kind, participant.title = "PERSON", person.title
    _complete_people(people, person_names)


def _people_by_title(people: list[Participant]) -> dict[str, Participant]:
    """Each title, and each shorter title its last words make ('prime minister' of 'Indian Prime
    Minister'), that one person of the report holds: 'the Prime Minister' is Modi where Modi is
    the only prime minister named. A one-word title must be two words' tail ('the president' of
    'U.S. President'), never a person's bare name."""
    holders: dict[str, list[Participant]] = {}
    for person in people:
        words_ = (person.title or "").lower().split()
        if not words_ or singular(words_[-1]) not in TITLE_NOUNS and words_[-1] not in TITLE_NOUNS:
            continue   # 'the Nepali government and the Front' gives NER's 'person' no office
        for start in range(len(words_)):
            tail = " ".join(words_[start:])
            if len(words_) >= 2 and not any(same_name(person.name, other.name) for other in holders.get(tail, [])):
                holders.setdefault(tail, []).append(person)
    return {title: found[0] for title, found in holders.items() if len(found) == 1}


class _NameIndex:
    """Distinct names by the words they contain, so that the names holding all the words of
    one name are found without scanning every name of the report."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names: set[str] = set()
        self.by_word: dict[str, set[str]] = {}
        for name in names:
            if name not in self.names:
                self.names.add(name)
                for word in name_tokens(name):
                    self.by_word.setdefault(word, set()).add(name)

    def holding(self, words: frozenset[str]) -> Iterable[str]:
        """A superset of the names whose words include all of `words` (all names when none)."""
        if not words:
            return self.names
        return min((self.by_word.get(word, ()) for word in words), key=len)


def _complete_people(people: list[Participant], person_names) -> None:
    """Each person in reading order takes the fullest name of the report that contains all of
    its words ('Haddad' -> 'Omar Haddad'), unless two different fuller names do.

    Equivalent to comparing every person with every other (as this did before) but near-linear:
    candidates come from a word index, and who holds which name (people completed earlier carry
    their new name, and one Participant may stand in several mentions) is kept up to date, with
    a heap per name giving the name's first holder in reading order."""
    objects: list[Participant] = []               # distinct participants, by first appearance
    number: dict[int, int] = {}                   # id(participant) -> index in objects
    for person in people:
        if id(person) not in number:
            number[id(person)] = len(objects)
            objects.append(person)
    holders: dict[str, list[int]] = {}            # name -> heap of objects that held it
    count: dict[str, int] = {}                    # name -> objects holding it now
    for index, person in enumerate(objects):
        holders.setdefault(person.name, []).append(index)   # ascending: already a heap
        count[person.name] = count.get(person.name, 0) + 1
    names, entity_names = _NameIndex(holders), _NameIndex(person_names)

    def first_holder(name: str) -> int:
        heap = holders[name]
        while objects[heap[0]].name != name:
            heapq.heappop(heap)                   # completed since: holds another name now
        return heap[0]

    for participant in people:
        own = participant.name
        words = name_tokens(own)
        fuller = [name for name in names.holding(words)
                  if count.get(name) and len(name) > len(own) and words < name_tokens(name)]
        if not fuller:
            continue
        longest = max(len(name) for name in fuller)
        best = objects[min(first_holder(name) for name in fuller if len(name) == longest)]
        best_words = name_tokens(best.name)
        if any(not name_tokens(name) <= best_words for name in fuller):
            continue   # two different fuller names share this one: leave it as written
        if any(words < name_tokens(name) and not same_name(name, best.name) for name in entity_names.holding(words)):
            continue
        if _offices_differ(participant.title, best.title):
            continue   # 'President Biden' is not the 'First Lady Jill Biden' the report names in full
        participant.surface = participant.surface or own
        participant.name = best.name
        participant.title = participant.title or best.title
        if own != best.name:
            count[own] -= 1
            count[best.name] += 1
            heapq.heappush(holders[best.name], number[id(participant)])


def _wholly_after(date, anchor: dt.date | None) -> bool:
    """Whether a month or a year begins after the day of the report."""
    if anchor is None or date is None or not date.value or date.precision not in ("month", "year"):
        return False
    return date.value > anchor.isoformat()[:len(date.value)]


def _offices_differ(title: str | None, other: str | None) -> bool:
    """Two titles naming different offices: their head words differ ('President' / 'First
    Lady'); not 'Foreign Minister' / 'Russian Foreign Minister'."""
    if not title or not other:
        return False
    head, other_head = title.lower().split()[-1], other.lower().split()[-1]
    return singular(head) != singular(other_head)


def _merge_sentences(raw: list[EventMention], raw_anaphoric: list[bool],
                     sequenced: set[int] = frozenset(), subjected: set[int] = frozenset(),
                     joined: set[frozenset[int]] = frozenset()
                     ) -> tuple[list[EventMention], list[bool]]:
    """One mention per event of a sentence; an event the sentence orders against another ('the
    premier's tour followed a visit') stays apart."""
    mentions: list[EventMention] = []
    anaphoric: list[bool] = []
    current: list[tuple[EventMention, bool]] = []
    # the stops of a tour, read from one trigger with a place each, are visits of their own
    places_by_trigger: dict[int, set[str]] = {}
    for mention in raw:
        if mention.place is not None:
            places_by_trigger.setdefault(mention.trigger_start, set()).add(mention.place.name)
    apart = set(sequenced) | {start for start, places in places_by_trigger.items() if len(places) > 1}
    for mention, is_anaphoric in zip(raw, raw_anaphoric):
        if current and current[0][0].sentence != mention.sentence:
            current = []
        together = [(m, a) for m, a in current if m.trigger_start not in apart]
        if mention.trigger_start not in apart and _merge_into_sentence_mention(together, mention, is_anaphoric,
                                                                                  subjected, joined):
            continue
        current.append((mention, is_anaphoric))
        mentions.append(mention)
        anaphoric.append(is_anaphoric)
    for mention in mentions:
        _set_consult_mode(mention)
    return mentions, anaphoric


def _merge_into_sentence_mention(existing, mention: EventMention, is_anaphoric: bool, subjected: set[int],
                                 joined: set[frozenset[int]] = frozenset()) -> bool:
    """Several triggers of one event in one sentence ('arrived ... for talks with') are one mention."""
    for other, other_anaphoric in existing:
        if other.type != mention.type or other.modality != mention.modality:
            continue
        # "received Okafor ... for talks": a bare mention joins the named one beside it.
        bare = (is_anaphoric and not mention.participants) or (other_anaphoric and not other.participants)
        if other_anaphoric != is_anaphoric and not bare:
            continue
        if people_conflict(other, mention) or roles_swap(other, mention) or _other_doers(other, mention, subjected) \
                or other_recipients(other, mention, joined) or mention.type == "CONSULT" and hosts_differ(other, mention):
            continue
        names_other = {p.name for p in other.participants}
        for p in mention.participants:
            if p.name not in names_other:
                other.participants.append(p)
        if other.mode == "meet" and mention.mode in ("visit", "phone", "multilateral"):
            other.mode = mention.mode
        if mention.p_event is not None and (other.p_event is None or mention.p_event > other.p_event):
            other.p_event = mention.p_event   # the surest of its words
        return True
    return False


def _other_doers(a: EventMention, b: EventMention, subjected: set[int]) -> bool:
    """'Police arrested ten students, and soldiers detained four farmers': acts of one type that
    different sides did, each told with its own subject, are two events."""
    if a.trigger_start not in subjected or b.trigger_start not in subjected:
        return False
    doers_a = [p.name for p in a.participants if p.role == "actor"]
    doers_b = [p.name for p in b.participants if p.role == "actor"]
    return bool(doers_a and doers_b) and not any(same_name(x, y) for x in doers_a for y in doers_b)


def _set_consult_mode(mention: EventMention) -> None:
    if mention.type != "CONSULT":
        mention.mode = None
        return
    # 'leaders of the 15 member states' and 'member states' read from one phrase are one side
    sides: list[Participant] = []
    for p in mention.participants:
        if not any(same_name(p.name, q.name) for q in sides):
            sides.append(p)
    if mention.mode == "multilateral" and len(sides) == 2:
        mention.mode = "meet"
    elif sides and not any(p.kind == "PERSON" for p in sides) and any(
            re.search(r"\b(council|assembly|alliance|union|heads of state|bloc|organi[sz]ation)\b", p.name, re.I)
            for p in sides):
        mention.mode = "multilateral"   # "the meeting of the North Atlantic Council"
    elif len(sides) == 1 and sides[0].kind == "GROUP" and \
            re.search(r"\b(leaders|heads|ministers|members|states|countries|nations|delegations)\b",
                      sides[0].name, re.I):
        mention.mode = "multilateral"   # "talks among the bloc's 15 ministers"


def _entry_places(sentences: list[Sentence], text: str) -> dict[int, Place]:
    """The place each sentence of a monitor's note has from the label opening its line
    ('Kavumbo:', '3 May - Wakamas and Chumbitza:'): the first town named that the gazetteer
    knows, else the first named (a town it does not know, without coordinates)."""
    places: dict[int, Place] = {}
    line_end, place = -1, None
    for sentence in sentences:
        names = entry_place(sentence.text)
        if names:
            # (a label, as a dateline, may be in capitals: 'GOMA:' is Goma)
            known = [found for name in names if (found := lookup(name)) is not None and found.lat is not None]
            place = known[0] if known else place_named(names[0])
            place.expression = PLACE_ENTRY + ", ".join(names)
            line_end = text.find("\n", sentence.end)
            line_end = len(text) if line_end < 0 else line_end
        elif place is not None and sentence.start < line_end:
            places[sentence.index] = place
    return places


def _add_entry_places(mentions: list[EventMention], sentences: list[Sentence], text: str) -> None:
    """A monitor's note ('Kavumbo: At about 23:40, shells hit the market') places its events
    where its label says, unless their own words say where."""
    if all(mention.place is not None for mention in mentions):
        return
    places = _entry_places(sentences, text)
    for mention in mentions:
        if mention.place is None and mention.sentence in places:
            mention.place = places[mention.sentence]


# A report's first line is its headline when it is this short and no sentence
_HEADLINE_CHARS = 120


def _first_line(text: str) -> str | None:
    """The report's first line when it reads as a headline: short, without a sentence's end."""
    line = text.lstrip().split("\n", 1)[0].strip()
    return line if len(line) <= _HEADLINE_CHARS and not line.endswith((".", ":", "?", "!")) and " " in line else None


def _add_dateline_places(mentions: list[EventMention], place: Place | None, anchor) -> None:
    """A report (or a section of a long one) datelined DAMASCUS (`place`) places its recent
    events there, not recalled ones, nor those whose acting side is of another country (a wire
    story filed in NAIROBI about Tanzania's government expelling an envoy)."""
    if place is None:
        return
    for mention in mentions:
        if mention.place is not None:
            continue
        if is_recent(mention, anchor) and _may_be_there(mention, place.country):
            mention.place = place


def _may_be_there(mention: EventMention, country: str | None) -> bool:
    """Whether the acting side may have acted in that country: no acting side's country is
    known, or one is of it. (A meeting is where its host is, whoever came: not checked.)"""
    acting = [p for p in mention.participants if p.role == "actor"]
    known = {c for p in acting if (c := side_country(p.name, p.affiliation)) is not None}
    return country is None or not known or country in known
