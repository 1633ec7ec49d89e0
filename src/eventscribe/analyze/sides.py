"""The other side of a fight, from the rest of the report.

A report of a war names its two sides once ("fighting raged between the army and the Coastal
Shield Brigades") and then tells of one side's acts alone ("the Brigades claimed they had seized
the harbour"; "clashes broke out with the army"). A reader knows who fought whom; a sentence does not.
Here a one-sided attack takes its other side from the pairs of sides the same report names
together in its attacks — only when the report pairs the side it names with exactly one
opponent — or, when no attack names both, from the report's attacks naming exactly two sides
in all. The participant keeps the offsets of the words it was read from, so the evidence
shows that it came from another sentence.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Token

from ..countrywords import country_words
from ..model import BASIS_TEXT, EventMention, Participant
from .entities import singular
from .group import name_tokens, same_body, same_name
from .home import OFFICE_WORDS
from .participants import is_crowd
from .places import capital_of, country_name, lookup, side_country
from .words import words

_SITES = words("seizable_sites")
_STATE_SIDES = words("generic_state_nouns")   # 'the regular army' is a side; 'fighters' may be either

# Types whose two sides are opponents in a fight.
TWO_SIDED = frozenset({"ASSAULT"})


def _same_side(a: Participant, b: Participant) -> bool:
    words_a, words_b = name_tokens(a.name), name_tokens(b.name)
    same_words = bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)
    return same_words or same_body(a.name, b.name) or (state := _state_of(a)) is not None and state == _state_of(b)


def _capital_of_its_state(capital: Participant, side: Participant) -> bool:
    """'Amman' and 'Jordanian forces': a capital standing for the government whose forces the side are."""
    code = country_words("capital").get(capital.name.lower()) if capital.kind == "GPE" else None
    return code is not None and code == _state_of(side)


def _state_of(side: Participant) -> str | None:
    """The state a side is when it is a state or its unnamed forces ('India', 'Indian forces',
    'Chinese personnel', 'the Chinese side'): one side of a fight, however the report words it."""
    if side.kind == "GPE":
        return side_country(side.name)
    if side.kind != "GROUP" or sum(w[:1].isupper() for w in side.name.split()) != 1:
        return None
    return side_country(side.name) if side.name.split()[0][:1].isupper() else None


def _pairs(mentions: list[EventMention]) -> list[tuple[Participant, Participant]]:
    pairs = []
    for mention in mentions:
        if mention.type not in TWO_SIDED:
            continue
        actors = [p for p in mention.participants if p.role == "actor"]
        recipients = [p for p in mention.participants if p.role == "recipient"]
        sides = actors + recipients if not actors or not recipients else []
        if len(sides) == 2:
            pairs.append((sides[0], sides[1]))    # "fighting between A and B": both as recipients
        pairs.extend((a, r) for a in actors for r in recipients)
    return pairs


def _opponent(side: Participant, pairs: list[tuple[Participant, Participant]]) -> Participant | None:
    """The one opponent the report pairs this side with; None when it names none or several."""
    opponents: Counter[str] = Counter()
    first: dict[str, Participant] = {}
    for a, b in pairs:
        for mine, theirs in ((a, b), (b, a)):
            if _same_side(side, mine) and not _same_side(side, theirs):
                key = " ".join(sorted(name_tokens(theirs.name)))
                opponents[key] += 1
                first.setdefault(key, theirs)
    distinct = {k for k in opponents if not any(k != o and set(k.split()) < set(o.split()) for o in opponents)}
    return first[distinct.pop()] if len(distinct) == 1 else None


def _may_fight(side: Participant) -> bool:
    """Whether a participant can be a side of a fight: not a site taken ('Bangui airport'),
    nor an unnamed crowd of fighters (whose side the report does not say)."""
    words = side.name.split()
    if words and words[-1].lower() in _SITES:
        return False
    return side.kind != "GROUP" or any(w[:1].isupper() for w in words) or singular(words[-1]) in _STATE_SIDES


# The kind of the mark 'the warring parties' leaves until the report's two sides are known.
BELLIGERENTS = "BELLIGERENTS"


def belligerents_mark(token: Token, role: str) -> Participant:
    """The report's two belligerents, which it may name only later ('the warring parties',
    'peace talks' with no sides): a mark that fill_belligerents replaces or removes once the
    report is read."""
    words_ = token.doc[token.left_edge.i: token.i + 1]
    return Participant(name=words_.text, role=role, kind=BELLIGERENTS, start=words_.start_char, end=words_.end_char)


def fill_belligerents(mentions: list[EventMention]) -> None:
    """'The warring parties reached a truce': the report's two belligerents, named in its
    attacks anywhere in the report; none when it names not exactly two."""
    marked = [m for m in mentions if any(p.kind == BELLIGERENTS for p in m.participants)]
    if not marked:
        return
    belligerents = _two_belligerents(mentions)
    for mention in marked:
        mark = next(p for p in mention.participants if p.kind == BELLIGERENTS)
        rest = [p for p in mention.participants if p.kind != BELLIGERENTS]
        sides = [replace(side, role=mark.role) for side, _ in belligerents or ()
                 if not any(_same_side(side, p) for p in rest)]
        mention.participants = rest + sides


def agreeing_sides(mentions: list[EventMention]) -> None:
    """'A truce between the army and the Front', 'the agreement between the two sides': an
    agreement that names no side agreeing is agreed by the two or more sides it is between (read
    as its recipients), so that reports telling it either way name them in one role. (One side
    alone is the other party: 'accepted Kenya's proposal', its agreeing side unnamed.)"""
    for mention in mentions:
        if mention.type == "AGREE" and len(mention.participants) >= 2 and all(p.role == "recipient" for p in mention.participants):
            mention.participants = [replace(p, role="actor") for p in mention.participants]


# How many sentences after a meeting an agreement told without its sides is the meeting's.
_AGREED_AFTER_MEETING = 1


def agreed_at_the_meeting(mentions: list[EventMention]) -> None:
    """'… met leaders of the federation on Monday. The parties agreed on a timetable': an agreement
    told without who agreed ('the parties', 'they', 'both sides', 'it was agreed'), in a meeting's
    sentence or the one after it, is between the meeting's sides."""
    # two sides: a third may be a mediator, who brokers the deal and is no party to it
    meetings = [m for m in mentions if m.type == "CONSULT" and m.modality == "asserted" and len(_distinct(m.participants)) == 2]
    for agreement in mentions:
        if agreement.type != "AGREE" or agreement.modality != "asserted" or agreement.participants:
            continue
        before = [m for m in meetings if 0 <= agreement.sentence - m.sentence <= _AGREED_AFTER_MEETING]
        if before:
            meeting = max(before, key=lambda m: (m.sentence, m.trigger_start))
            agreement.participants = [replace(p, role="actor") for p in _distinct(meeting.participants)]


def _two_belligerents(mentions: list[EventMention]) -> list[tuple[Participant, set[str]]] | None:
    """The report's two sides, with the roles each was read in, when its attacks name exactly
    two ("the Brigades seized the harbour"; "clashes broke out with the army"); else, in a
    report of a truce that tells no fighting, the two sides of its agreements."""
    fought = _sides_of(m for m in mentions if m.type in TWO_SIDED)
    if len(fought) == 2:
        return fought
    agreed = _sides_of(m for m in mentions if m.type == "AGREE" and len(m.participants) == 2)
    return agreed if not fought and len(agreed) == 2 else None


def _sides_of(mentions) -> list[tuple[Participant, set[str]]]:
    sides: list[tuple[Participant, set[str]]] = []
    for mention in mentions:
        for p in (p for p in mention.participants if p.kind != BELLIGERENTS and _may_fight(p)):
            known = next((i for i, (side, _) in enumerate(sides) if _same_side(p, side)), None)
            if known is None:
                sides.append((p, {p.role}))
                continue
            side, roles = sides[known]
            roles.add(p.role)
            if p.kind == "GPE" and side.kind != "GPE":
                sides[known] = (p, roles)   # the state, rather than 'Indian forces', stands for its side
    return sides


def complete_sides(mentions: list[EventMention]) -> None:
    """Give each one-sided attack the other side the report pairs its side with, or else the
    other of the report's two belligerents."""
    pairs = _pairs(mentions)
    belligerents = _two_belligerents(mentions)
    for mention in mentions:
        if mention.type not in TWO_SIDED or len(mention.participants) != 1:
            continue
        side = mention.participants[0]
        role = "recipient" if side.role == "actor" else "actor"
        opponent = _opponent(side, pairs) if pairs else None
        if opponent is not None and not _may_fight(opponent):
            opponent = None   # the victims of another attack ('killed 30 fishermen') are no side of this one
        if opponent is None and belligerents is not None:
            # the other side (sites and unnamed fighters are none: _may_fight)
            opponent = next((b for b, _ in belligerents if not _same_side(side, b) and not _capital_of_its_state(b, side)), None)
        if opponent is not None:
            mention.participants.append(replace(opponent, role=role))


# Acts a headline or a passive often tells without their doer ("Opposition leader detained", "the release"),
# whom the report's other mention of the same act names ("police arrested him at home").
DOER_FROM_CONTEXT = frozenset({"ASSAULT", "COERCE", "SANCTION", "CONCEDE"})
_DOERS = frozenset({"actor", "participant"})


def doers_of(act: EventMention | None) -> list[Participant]:
    return [p for p in act.participants if p.role in _DOERS] if act is not None else []


def same_act_elsewhere(act: EventMention, mentions: list[EventMention]) -> EventMention | None:
    """The report's nearest other mention of the act: same type, a sufferer in common, doers named."""
    sufferers = [p.name for p in act.participants if p.role == "recipient"]
    if not sufferers:
        return None
    fitting = [m for m in mentions if m is not act and m.type == act.type and m.modality == "asserted" and doers_of(m)
               and any(same_name(p.name, s) for p in m.participants if p.role == "recipient" for s in sufferers)]
    return min(fitting, key=lambda m: abs(m.sentence - act.sentence), default=None)


def complete_doers(mentions: list[EventMention]) -> None:
    """Each act told with whom it was done to but not by whom takes the doers of the report's
    other mention of it (the participants keep the offsets of the words they were read from)."""
    for mention in mentions:
        if mention.type in DOER_FROM_CONTEXT and mention.modality == "asserted" and not doers_of(mention):
            doers = doers_of(same_act_elsewhere(mention, mentions))
            mention.participants.extend(replace(p, role="actor") for p in doers)


# Acts by which someone comes to be held: their doers hold the people they were done to.
_HOLDING_TYPES = frozenset({"COERCE", "ASSAULT"})


# How far back (in sentences) a call for a release may find the taking it answers.
_TAKEN_BEFORE = 3


def address_release_calls(mentions: list[EventMention]) -> None:
    """'The bloc called for Diallo to be freed': a call for someone's release that
    names no one it is made to is made to whoever the report says took them (the doers of the
    act done to them)."""
    held = [m for m in mentions if m.type in _HOLDING_TYPES and m.modality == "asserted" and doers_of(m)
            and any(p.role == "recipient" for p in m.participants)]
    for call in mentions:
        if call.type != "REQUEST" or call.modality != "asserted" or any(p.role == "recipient" for p in call.participants):
            continue
        releases = [m for m in mentions if m.sentence == call.sentence and m.type == "CONCEDE" and m.modality != "asserted"]
        freed = [p.name for m in releases for p in m.participants if p.role == "recipient"]
        takings = [m for m in held if any(p.role == "recipient" and same_name(p.name, f) for p in m.participants for f in freed)]
        if releases and not takings:
            # 'families of the 23 people arrested … demanded their release': the taking its own
            # sentence tells, even when it names no taker (then the call names no one either)
            if any(m.sentence == call.sentence and m.type in _HOLDING_TYPES and m.modality == "asserted"
                   for m in mentions):
                continue
            # 'demanded their release', 'the release of its servicemen': whom the words do not
            # name are the last people the report says were taken, a few sentences before
            takings = [m for m in held if 0 <= call.sentence - m.sentence <= _TAKEN_BEFORE]
        holders = [p for p in doers_of(min(takings, key=lambda m: abs(m.sentence - call.sentence), default=None))
                   if not any(same_name(p.name, q.name) for q in doers_of(call))]
        call.participants.extend(replace(p, role="recipient") for p in holders
                                 if not any(same_name(p.name, q.name) for q in call.participants))


_RELEASE_WORDS = frozenset({"release", "released", "releases", "releasing", "free", "freed", "frees", "freeing"})


def releases_by_holders(mentions: list[EventMention]) -> None:
    """'Three farmers held by the authorities of the region were released': a release told without
    who let them go was made by whoever held them: the doers of the latest taking of the same
    people the report told in that sentence or before."""
    held = [m for m in mentions if m.type in _HOLDING_TYPES and m.modality == "asserted" and doers_of(m)]
    for release in mentions:
        if release.type != "CONCEDE" or release.modality != "asserted" or doers_of(release) \
                or release.trigger.lower() not in _RELEASE_WORDS:
            continue
        freed = [p for p in release.participants if p.role == "recipient"]
        takings = [m for m in held if m.sentence <= release.sentence and any(
            p.role == "recipient" and same_name(p.name, f.name) for p in m.participants for f in freed)]
        if takings:
            taking = max(takings, key=lambda m: (m.sentence, m.trigger_start))
            release.participants.extend(replace(p, role="actor") for p in doers_of(taking))


# Types whose one side told alone most often acts towards the other side of the report's
# dispute ('Tashkent rejected the proposal', 'Bishkek summoned the ambassador').
_DYADIC_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SANCTION", "AGREE", "CONCEDE", "RETREAT"})
# Force used on the other side ('Baku seized the checkpoint') is towards the side the report
# tells force used against, not the one its statements are about (a bloc condemning a coup).
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})


def _distinct(participants: Iterable[Participant]) -> list[Participant]:
    """One participant of each side, as first named."""
    sides: list[Participant] = []
    for p in participants:
        if not any(_same_side(p, s) for s in sides):
            sides.append(p)
    return sides


def _distinct_sides(mention: EventMention) -> list[Participant]:
    return _distinct(mention.participants)


def _index_of(side: Participant, known: list[Participant], same=_same_side) -> int:
    """Where the side stands among those known (as first named, `same` telling one side from
    another), adding it when new."""
    found = next((i for i, k in enumerate(known) if same(side, k)), None)
    if found is None:
        known.append(side)
        return len(known) - 1
    return found


def main_pair(mentions: list[EventMention]) -> tuple[Participant, Participant] | None:
    """The two sides a report pairs most often in these events (twice at least, and more often
    than any other pair): the sides of its story."""
    known: list[Participant] = []   # one of each side, as first named ('Togo' for "Togo's ambassador" after)

    counts: Counter[tuple[int, int]] = Counter()
    for mention in mentions:
        sides = _distinct_sides(mention) if mention.modality == "asserted" else []
        if len(sides) == 2 and all(_may_fight(s) for s in sides):
            first, second = sorted(_index_of(s, known) for s in sides)
            if first != second:
                counts[(first, second)] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    first, second = ranked[0][0]
    return known[first], known[second]


def complete_from_main_pair(mentions: list[EventMention]) -> None:
    """An act of one of the report's two sides told without the other ('Bishkek rejected the
    proposal') is towards the other side of the report's story, when the report has one."""
    told = main_pair(mentions)
    fought = main_pair([m for m in mentions if m.type in _FORCE_TYPES])
    for mention in mentions:
        pair = fought if mention.type in _FORCE_TYPES else told if mention.type in _DYADIC_TYPES else None
        if pair is None or mention.modality != "asserted":
            continue
        sides = _distinct_sides(mention)
        if len(sides) != 1:
            continue
        side = sides[0]
        mine = next((i for i, s in enumerate(pair) if _same_side(side, s)), None)
        if mine is None:
            continue
        role = "participant" if mention.type == "CONSULT" else "recipient" if side.role == "actor" else "actor"
        mention.participants.append(replace(pair[1 - mine], role=role))


# Acts done by one side to another: told with one side only, the other may be the report's.
# (Leaving out measures, deals and praise, whose object is often a thing — 'suspended all
# institutions', 'hailed the deal' — was tried: it lost more right sides than wrong ones.)
_DIRECTED_TYPES = _DYADIC_TYPES | _FORCE_TYPES | {"PROTEST", "AID", "SUPPORT"}


def _events(mentions: list[EventMention]) -> dict[str, list[EventMention]]:
    """The report's asserted mentions by the event they tell (their event key)."""
    events: dict[str, list[EventMention]] = {}
    for mention in mentions:
        if mention.modality == "asserted":
            events.setdefault(mention.event_key, []).append(mention)
    return events


def _event_sides(told: list[EventMention]) -> list[Participant]:
    return _distinct(p for mention in told for p in mention.participants)


def principal_sides(events: list[list[EventMention]], parties: "_Parties | None" = None) -> list[tuple[Participant, int]]:
    """Each side these events name (as first named), with how many of them name it, most named
    first; with the report's parties, a state and those who act for it are one side."""
    known: list[Participant] = []
    counts: Counter[int] = Counter()
    for told in events:
        sides = filter(_may_fight, _event_sides(told))
        counts.update({_index_of(side, known, parties.same if parties else _same_side) for side in sides})
    return [(known[i], n) for i, n in counts.most_common()]


# Words of a side that fights for a state rather than speaks for it: 'the Sudanese army' may be
# one party of a civil war and the state's other party another.
_ARMED_WORDS = words("side_nouns")


_DESCRIBED_KINDS = frozenset({"GROUP", "ORG", "PROPN", "NORP"})
# Words of a state's offices, and of its people speaking for it ('Crown Prince', 'officials').
_STATE_OFFICES = OFFICE_WORDS | {"leaders", "authorities"}
_NOT_OFFICES = frozenset({"of", "the", "state", "side", "government", "republic", "kingdom"})


def _office_words(name: str) -> set[str]:
    """The words of a name that may be an office: not a country's name or people, nor 'of the State'."""
    return {w.lower() for w in name.split() if w.isalpha() and w.lower() not in _NOT_OFFICES and side_country(w) is None}


def office_state(name: str) -> str | None:
    """The state a description names by its offices alone ('the government of Ghana', 'Ghanaian
    officials', "Oman's Crown Prince"); None for its forces, a court or a fund."""
    code = side_country(name)
    return code if code is not None and _office_words(name) <= _STATE_OFFICES else None


class _Parties:
    """Who is who in one report at the level of the parties its events are between: a state, and
    those who speak for it by office or unnamed ('the Ghanaian President', 'the Republic of
    Ghana', "Oman's Crown Prince"), and a person the report titles elsewhere as an office of
    it ('Phiri' of 'Malawian President Grace Phiri'); any other side by its own name."""

    def __init__(self, mentions: list[EventMention]) -> None:
        sides = [p for m in mentions for p in m.participants]
        self.titled = [(p.name, code) for p in sides if p.kind == "PERSON" and (code := _state_or_holder(p)) is not None]
        # the offices the report gives a state ('President' of 'the Ghanaian President')
        self.offices: dict[str, set[str]] = {}
        self._states: dict[tuple, str | None] = {}   # sides are compared pairwise: each read once
        for side in sides:
            code = self._described_state(side) if side.kind in _DESCRIBED_KINDS else None
            for word in _office_words(side.name) if code else ():
                self.offices.setdefault(word, set()).add(code)

    def state(self, side: Participant) -> str | None:
        key = (side.name, side.kind, side.title, side.affiliation)
        if key not in self._states:
            self._states[key] = self._state(side)
        return self._states[key]

    def _state(self, side: Participant) -> str | None:
        if is_crowd(side):
            return None   # 'Iranian protesters' are no party of the Iranian state
        code = _state_or_holder(side)
        if code is not None or side.kind == "GPE":
            return code
        if side.kind in ("PERSON", "PROPN"):
            titled = next((c for name, c in self.titled if same_name(side.name, name)), None)
            return titled or self._office_state(side.title or side.name)
        return self._described_state(side)

    def _described_state(self, side: Participant) -> str | None:
        """The state a description names by its offices alone ('the Ghanaian President', 'the
        Republic of Ghana', "Oman's Crown Prince"), or a capital speaking for it whatever NER
        took it for ('Dushanbe' as an organisation); not its forces, nor a court, a fund or a
        party of its own."""
        place = lookup(side.name)
        if place is not None and place.lat is not None and (capital := capital_of(place)) is not None:
            return capital
        return office_state(side.name)

    def _office_state(self, title: str) -> str | None:
        """The one state whose office the title is ('President', 'Emir'), by the report's own descriptions."""
        codes = set().union(*(self.offices.get(w, set()) for w in _office_words(title))) if title else set()
        return codes.pop() if len(codes) == 1 else None

    def same(self, a: Participant, b: Participant) -> bool:
        return _same_side(a, b) or (state := self.state(a)) is not None and state == self.state(b)

    def owns(self, a: Participant, b: Participant) -> bool:
        """Whether one side is the other's own state or one of its bodies ('the U.S. Treasury',
        'the United States'): never each other's other side."""
        if is_crowd(a) or is_crowd(b):
            return False   # 'Iranian protesters' protest against their own state
        state_a, state_b = self.state(a), self.state(b)
        return state_a is not None and state_a == side_country(b.name) or state_b is not None and state_b == side_country(a.name)

    def as_party(self, side: Participant) -> Participant:
        """A side that speaks or acts for a state, named as the state (the words it was read from
        kept as its title): a guessed side is the party, not the unit that happened to be named."""
        state = self.state(side)
        name = country_name(state) if state is not None and side.kind != "GPE" else None
        return replace(side, name=name, kind="GPE", title=side.title or side.name, surface=side.surface or side.name) \
            if name else side


def _state_or_holder(side: Participant) -> str | None:
    """The state a side is or acts for: a state or its forces, or a person holding its office
    ('Tokyo' and 'Fumio Kishida, Japan's prime minister', are one side)."""
    if side.kind == "PERSON":
        return side_country(side.title or "", side.affiliation) if side.title or side.affiliation else None
    if side.kind == "GPE" and _state_of(side) is None:
        place = lookup(side.name)   # 'Tokyo' speaks for Japan
        return capital_of(place) if place is not None else None
    return _state_of(side)


def one_side(a: Participant, b: Participant) -> bool:
    return _same_side(a, b) or (state := _state_or_holder(a)) is not None and state == _state_or_holder(b)


_CROWDS = words("crowd_sides")


def _other_side(side: Participant, ranked: list[tuple[Participant, int]], parties: _Parties) -> Participant | None:
    """The side named most often besides this one, in two events at least and in more than any
    other; None when no single side stands out, or when it is a person or a crowd ('Iranian
    protesters', who do their own protesting: the report names whom their acts are against). A
    side that speaks for a state is named as the state."""
    others = [(other, named) for other, named in ranked
              if not one_side(other, side) and not parties.same(other, side) and not parties.owns(other, side)]
    if not others or others[0][1] < 2:
        return None
    # of the sides named most, the one that may be guessed: a person as often named as a
    # state is the story's person, and the state the side his acts and sufferings are with
    top = [other for other, named in others if named == others[0][1]]
    guessable = [other for other in top if _guessable(other, parties)]
    if len(guessable) != 1 or len(top) > 1 and any(not _a_person(o) for o in top if o is not guessable[0]):
        return None
    return parties.as_party(guessable[0])


def _a_person(side: Participant) -> bool:
    """A person, whatever NER says of a state's name ('Togo' tagged a person)."""
    return side.kind == "PERSON" and side_country(side.name) is None


def _guessable(other: Participant, parties: _Parties) -> bool:
    """Whether a side may be guessed as another's other side: not a territory or a town ('Gaza',
    which is where, not who); not a person (an act aimed at a person is named where it is told;
    guessed, a side is safer — even than one holding a state's office: tried, it guessed wrong
    more than right), nor a crowd."""
    if other.kind == "GPE" and parties.state(other) is None:
        return False
    return not (_a_person(other) or other.name.split()[-1].lower() in _CROWDS or is_crowd(other))


def complete_from_principal_side(mentions: list[EventMention], answered: dict[int, list[Participant]] | None = None) -> None:
    """An event of one side told without the other ('the federation threatened to extend the strike',
    'Manila rejected the claim') in all of its mentions is towards the side the report names most
    often besides it, when one stands out: named in two of its events at least, and in more than
    any other; for force, named so in its acts of force (a bloc that condemns a coup is no side of
    the coup). A report's events are told between its protagonists: the other side of a threat,
    a demand or an attack told alone is the one the story is about. Run once the mentions are
    grouped into events, so that a side one mention names is never doubled by another's guess.
    A refusal that answers a side (`answered`, by event key) is left to it."""
    events = _events(mentions)
    parties = _Parties(mentions)
    told = principal_sides(list(events.values()), parties)
    fought = principal_sides([e for e in events.values() if e[0].type in _FORCE_TYPES])
    for event in events.values():
        sides = _event_sides(event)
        if event[0].type not in _DIRECTED_TYPES or len(sides) != 1 or not _may_fight(sides[0]) \
                or answered and event[0].event_key in answered:
            continue
        other = _other_side(sides[0], fought if event[0].type in _FORCE_TYPES else told, parties)
        if other is not None:
            role = "recipient" if sides[0].role == "actor" else "actor"
            for mention in event:
                if mention.participants:   # not a bare mention the event's others name the side for
                    mention.participants.append(replace(other, role=role))


# Acts that address a side, which it may answer with a refusal ('Uganda turned it down').
ANY_ACT = "ANY"   # a refusal of no named thing ('Uganda refused') may answer any of them
_ADDRESSING_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SANCTION"})
# How far back (in sentences) a refusal finds what it answers: a reply follows its call.
_ANSWERED_WITHIN = 3


def last_addressed_to(sides: list[Participant], mentions: list[EventMention], sentence: int,
                      fits: Callable[[EventMention], bool]) -> EventMention | None:
    """The report's latest asserted act told in `sentence` or before, that `fits`, done by a side
    it names to one of these sides, by any name ('Belgrade' for Serbia)."""
    addressed = [m for m in mentions if m.modality == "asserted" and m.sentence <= sentence and fits(m) and doers_of(m)
                 and any(one_side(p, s) for p in m.participants if p.role == "recipient" for s in sides)]
    return max(addressed, key=lambda m: (m.sentence, m.trigger_start), default=None)


def refusals_answered(mentions: list[EventMention], refused: dict[int, str | None]) -> dict[int, list[Participant]]:
    """A refusal told with who refused and nothing refused by whom ('Hoxha rejected the calls',
    'Togo dismissed the charges', 'Uganda said no') answers whoever the report last told
    addressing a call, a charge, a threat or a sanction to the refuser, just before it: by event key,
    the sides so answered. Read on events, once their mentions are grouped; given by
    answer_refusals after the report's principal sides are counted, which a side found so must
    not sway. What a refusal refuses (`refused`, by trigger offset: judged.refused_kind) says
    which acts it may answer: 'rejected a proposal' answers no charge told before it."""
    answered = {}
    for key, event in _events(mentions).items():
        sides = _event_sides(event)
        doers = [p for p in sides if p.role in _DOERS]
        if event[0].type != "REJECT" or not doers or any(p.role == "recipient" for p in sides):
            continue
        kinds = {refused.get(m.trigger_start) for m in event}
        first = min(m.sentence for m in event)
        latest = last_addressed_to(doers, mentions, first, lambda m: m.type in _ADDRESSING_TYPES
                                   and first - m.sentence <= _ANSWERED_WITHIN and (m.type in kinds or ANY_ACT in kinds))
        callers = [p for p in doers_of(latest) if not any(one_side(p, d) for d in doers)]
        if callers:
            answered[key] = callers
    return answered


def answer_refusals(mentions: list[EventMention], answered: dict[int, list[Participant]]) -> None:
    """Each refusal refusing whoever addressed it (refusals_answered)."""
    for mention in mentions:
        if mention.modality == "asserted" and mention.participants and mention.event_key in answered:
            mention.participants.extend(replace(p, role="recipient") for p in answered[mention.event_key])


def cross_border_targets(mentions: list[EventMention]) -> None:
    """An attack by one state's side placed in another state, told without whom it hit
    ('Pakistani forces shelled villages in Kunar', 'Turkish jets struck targets in northern Iraq'),
    is on that state: the other side a reader and a coder give a strike across a border."""
    for event in _events(mentions).values():
        if event[0].type not in TWO_SIDED:
            continue
        sides = _event_sides(event)
        if not sides or any(p.role == "recipient" for p in sides):
            continue
        states = {_state_or_holder(p) for p in sides}
        place = next((m.place for m in event if m.place is not None and m.place.country), None)
        name = country_name(place.country) if place is not None else None
        if len(states) != 1 or None in states or name is None or place.country in states:
            continue
        for mention in event:
            if mention.participants:
                mention.participants.append(Participant(name=name, role="recipient", kind="GPE"))


# A plural of one call is several calls ('had phone calls with the leaders of A and B',
# 'conversations with each'); 'talks' is no plural of one talk.
_SEVERAL_CALLS = words("several_calls")


def split_calls(mentions: list[EventMention], anaphoric: list[bool]) -> tuple[list[EventMention], list[bool]]:
    """'X had phone calls with A and B': one call with each, two bilateral events
    between the first side named and each of the others (group.same_event keeps them apart)."""
    split, flags = [], []
    for mention, flag in zip(mentions, anaphoric):
        sides = _distinct_sides(mention)
        if mention.type == "CONSULT" and mention.modality == "asserted" \
                and mention.trigger.lower() in _SEVERAL_CALLS and len(sides) >= 3:
            for other in sides[1:]:
                split.append(replace(mention, participants=[sides[0], other]))
                flags.append(flag)
        else:
            split.append(mention)
            flags.append(flag)
    return split, flags


# Events between two sides that a report often names bare ("after talks in Mombasa", "the deal
# was signed on Friday") once it has named the sides elsewhere.
SIDES_FROM_CONTEXT = frozenset({"CONSULT", "AGREE"})


def _named_pair(mention: EventMention) -> list[Participant] | None:
    """The two sides an event names, when it names exactly two (a mediator makes three) and both
    by name (a person, a body or a state; not a group such as 'officials'). An agreement's
    parties may be a state's government or officials ('the government of Uganda'); a meeting's
    are the people or bodies named as meeting (tried for meetings too: a bare 'talks' then took
    the government and the rebels where the report named the two leaders who met)."""
    sides = _distinct_sides(mention)
    named = all(p.kind in ("PERSON", "ORG", "GPE", "NORP") or p.kind == "GROUP" and office_state(p.name) for p in sides)
    return sides if len(sides) == 2 and named else None


# How far (in sentences) the sides of a bare talk or agreement may be named.
_CONTEXT_SENTENCES = 3


def complete_bare_events(mentions: list[EventMention], bare_triggers: set[int]) -> None:
    """An asserted talk or agreement the report tells without naming its sides ("after talks in
    Mombasa") takes the two named sides of the nearest talk or agreement that names exactly two,
    a few sentences away at most; one its own words date is recalled from another time ("On 3
    March 2019, during a meeting") unless the named one is of that month too. Only a bare noun
    or an agreement's passive without its agent ("several documents were signed at the end of the visit") does
    (`bare_triggers` holds their trigger offsets): a named or owned event ("the Mercosur summit",
    "the leaders' summit") is another event with sides of its own, and an active verb without its
    sides ("they discussed it", "the plan was discussed") is no talk between two."""
    # a process ('years of dialogue with X') names sides, but not those of one meeting
    pairs = [(m, pair) for m in mentions if m.type in SIDES_FROM_CONTEXT and m.modality != "generic"
             and (pair := _named_pair(m)) is not None]
    for first in mentions:
        if first.type not in SIDES_FROM_CONTEXT or first.modality != "asserted" or first.participants \
                or first.trigger_start not in bare_triggers:
            continue
        near = [(m, pair) for m, pair in pairs if abs(m.sentence - first.sentence) <= _CONTEXT_SENTENCES
                and _same_month(m, first) and (first.type == "AGREE" or all(p.kind != "GROUP" for p in pair))]
        if near:
            _, pair = min(near, key=lambda mp: (abs(mp[0].sentence - first.sentence), mp[0].sentence > first.sentence))
            role = "participant" if first.type == "CONSULT" else "actor"
            first.participants = [replace(p, role=role) for p in pair]


def _same_month(named: EventMention, bare: EventMention) -> bool:
    own = bare.date.value if bare.date is not None and bare.date.basis == BASIS_TEXT else None
    other = named.date.value if named.date is not None else None
    return own is None or other is None or own[:7] == other[:7]


# How far back (in sentences) a crackdown told without whom it hit finds the gathering it hit.
_GATHERED_BEFORE = 2
_BARE_CROWD = words("bare_crowd_nouns")


def _protesting_group(protest: EventMention) -> Participant | None:
    """Who a protest's crowd is, when the report names whose crowd it is ('KWP supporters', the
    KWP): more than '(Paraguayan) protesters', which says nothing a crackdown's own words do not."""
    demonyms = country_words("demonym")
    return next((p for p in protest.participants if p.role in _DOERS and any(
        word[:1].isupper() and word.lower() not in demonyms for word in p.name.split())), None)


def _bare_crowd(side: Participant) -> bool:
    """'people', '23 people', 'Zambian people' (the country home.py gave them): no word says who they are."""
    *modifiers, head = side.name.split() or [""]
    return head.lower() in _BARE_CROWD and all(m[:1].isupper() or m[:1].isdigit() for m in modifiers)


def target_crowds(mentions: list[EventMention]) -> None:
    """'Thousands of KWP supporters gathered in Ndola. Police fired tear gas and detained 23
    people.': a crackdown whose doers are named but not whom it hit hit the crowd of the report's
    protest told in that sentence or just before (the latest such)."""
    protests = [(m, group) for m in mentions if m.type == "PROTEST" and m.modality == "asserted"
                and (group := _protesting_group(m)) is not None]
    for act in mentions:
        # '23 people' says no more of whom it hit than saying nothing
        told = [p for p in act.participants if p.role == "recipient" and not _bare_crowd(p)]
        if act.type != "COERCE" or act.modality != "asserted" or not doers_of(act) or told:
            continue
        before = [(m, group) for m, group in protests if 0 <= act.sentence - m.sentence <= _GATHERED_BEFORE
                  and not any(_same_side(group, d) for d in doers_of(act))]
        if before:
            _, group = max(before, key=lambda pair: (pair[0].sentence, pair[0].trigger_start))
            act.participants = [p for p in act.participants if p.role != "recipient"] + [replace(group, role="recipient")]


_ORGANISER_KINDS = frozenset({"ORG", "GROUP", "PROPN"})


def _organiser(protest: EventMention) -> Participant | None:
    return next((p for p in protest.participants if p.role in _DOERS and p.kind in _ORGANISER_KINDS
                 and not is_crowd(p)), None)


def crowds_of_the_organiser(mentions: list[EventMention]) -> None:
    """A report that names one body behind its protests ('a rally organised by the miners'
    federation', 'the federation's strike') tells the crowd's other acts of protest as that
    body's: 'protesters chanted outside parliament' are its marchers. Two bodies protesting
    (rival rallies) leave each crowd unnamed."""
    protests = [m for m in mentions if m.type == "PROTEST"]
    organisers = _distinct(o for m in protests if (o := _organiser(m)) is not None)
    if len(organisers) != 1:
        return
    body = organisers[0]
    for protest in protests:
        doers = doers_of(protest)
        crowds = [d for d in doers if is_crowd(d)]
        if not crowds or not all(is_crowd(d) or _same_side(d, body) for d in doers):
            continue
        kept = [p for p in protest.participants if p not in crowds]
        named = any(_same_side(d, body) for d in doers)
        protest.participants = kept if named else kept + [replace(body, role=crowds[0].role)]
