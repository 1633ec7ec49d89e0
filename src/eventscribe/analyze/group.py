"""Within one document: mentions of the same event become one event (shared event_key).

"The meeting was attended by ..." refers back to the meeting just named; a later sentence
that names the same pair on a compatible date is the same meeting again. Two meetings of one
leader with different visitors stay apart.
"""
from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz

from ..model import DATE_BASIS_RANK, EventMention, Participant
from ..timeparse import compatible_dates, days_between
from .places import side_country
from .scene import guessed_place
from .words import words

_HONORIFICS = re.compile(r"^(?:(?:h\.?e\.?|mr|mrs|ms|dr|president|prime|minister|king|prince|sheikh|emir|crown|"
                         r"first lady|chancellor|general|gen|colonel)\b\.?\s*)+", re.I)


@functools.lru_cache(maxsize=500_000)
def name_tokens(name: str) -> frozenset[str]:
    words = re.findall(r"[^\W\d_]+", _HONORIFICS.sub("", name).lower())
    return frozenset(w for w in words if w not in ("al", "el", "bin", "ibn", "de", "the", "of", "s"))


def _token_match(word: str, others: frozenset[str]) -> bool:
    if word in others:
        return True
    if len(word) == 1:
        return any(o.startswith(word) for o in others)   # an initial: "A. Lavrentiev"
    # Transliterations differ by a letter or two: Lavrentiev / Lavrentyev / Lavrenteev, and
    # short names by a doubled letter: Sisi / Sissi.
    if len(word) >= 5 and any(len(o) >= 5 and fuzz.ratio(word, o) >= 80 for o in others):
        return True
    return len(word) >= 4 and any(len(o) >= 4 and _undoubled(o) == _undoubled(word) for o in others)


@functools.lru_cache(maxsize=500_000)
def _undoubled(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


_SMALL = frozenset("the and a an".split())


def initials(words: list[str]) -> str:
    """Initials of the capitalised words and 'of': Southern African Development Community -> sadc."""
    capitals = [w for w in words if (w[:1].isupper() or w == "of") and w.lower() not in _SMALL]
    return "".join(w[0] for w in capitals).lower() if sum(w != "of" for w in capitals) >= 2 else ""


def same_body(first: str, second: str) -> bool:
    """Two names of one body: the same name, or one the other's initials ('SADC'), also when
    named by its people ('SADC member states', 'NATO leaders')."""
    if same_name(first, second):
        return True
    a, b = _without_members(first.split()), _without_members(second.split())
    return _acronym_of(a, b) or _acronym_of(b, a)


def _acronym_of(short: list[str], full: list[str]) -> bool:
    return len(short) == 1 and short[0].isupper() and initials(full) == short[0].lower()


def _without_members(words: list[str]) -> list[str]:
    """A body's name without the words for its people: 'SADC member states' -> SADC, 'Leaders of
    the Southern African Development Community' -> Southern African Development Community."""
    if len(words) > 2 and words[0].lower() in _MEMBER_WORDS and words[1].lower() == "of":
        words = words[2:]
    if words and words[0].lower() == "the":
        words = words[1:]
    # only a short name ('SADC member states') ends in its people; 'Central African States' is a name
    while len(words) > 1 and words[-1].lower() in _MEMBER_WORDS and words[0].isupper():
        words = words[:-1]
    return words


# Words that name a body's people after its name: 'SADC member states', 'NATO leaders'.
_MEMBER_WORDS = words("body_member_words")


@functools.lru_cache(maxsize=200_000)
def same_name(first: str, second: str) -> bool:
    """'Sheikh Idris' ~ 'Idris bin Salem Al-Harthy'; 'Haddad' ~ 'Abdel-Karim el-Haddad'."""
    a, b = name_tokens(first), name_tokens(second)
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return all(_token_match(word, longer) for word in shorter)


def share_a_side(a: EventMention, b: EventMention) -> bool:
    """A side in common; for a meeting, however named ('SADC' is the Southern African
    Development Community), its sides being all alike; one state's forces however the report
    words them ('Azerbaijani forces', 'Azerbaijani artillery'). An act one side did to several
    others is told once for each ('urged the EU …', 'called on the government …') and stays apart."""
    same = same_body if a.type == b.type == "CONSULT" else same_name
    return any(same(p.name, q.name) or _one_states_forces(p, q) for p in a.participants for q in b.participants)


# A state's weapons and craft, singular and plural ('Russian missiles', 'an Uzbek patrol'): its forces.
ARMS_AND_CRAFT = frozenset(w + s for w in words("state_weapon_nouns") | words("crewed_things") | words("state_craft_nouns")
                           for s in ("", "s"))
# Words of a state's forces, their weapons and craft ('Chinese troops', 'Russian missiles').
_FORCE_WORDS = words("forces") | ARMS_AND_CRAFT


def _one_states_forces(p: Participant, q: Participant) -> bool:
    """Two descriptions of one state's forces: a nationality, then words of forces only."""
    def state(side: Participant) -> str | None:
        first, *rest = side.name.split() or [""]
        return side_country(first) if side.kind == "GROUP" and rest and all(w.lower() in _FORCE_WORDS for w in rest) else None
    return p.name != q.name and (code := state(p)) is not None and code == state(q)


def _unmatched(a: EventMention, b: EventMention, same=same_name, kinds: frozenset[str] | None = None) -> bool:
    """Whether a names a side (of these kinds) that b does not."""
    return any((kinds is None or p.kind in kinds) and not any(same(p.name, q.name) for q in b.participants)
               for p in a.participants)


_PEOPLE = frozenset({"PERSON"})


def _unmatched_people(a: EventMention, b: EventMention) -> bool:
    return _unmatched(a, b, kinds=_PEOPLE)


def _firm_date(mention: EventMention) -> str | None:
    date = mention.date
    if date is None or date.value is None or date.basis.startswith("publication"):
        return None
    return date.value


# A mention dated only by its report's publication is of the report's present: a date the text
# gives this long before it is a recalled event ("three years ago Azeria retook the valley").
RECALLED_DAYS = 180


def _dates_agree(a: EventMention, b: EventMention) -> bool:
    first, second = _firm_date(a), _firm_date(b)
    if (first is None) != (second is None):
        firm, other = (a, b) if first is not None else (b, a)
        published = other.date.value if other.date is not None and other.date.basis.startswith("publication") else None
        gap = days_between(firm.date.value, published) if published else None
        if gap is not None and gap > RECALLED_DAYS and firm.date.value < published:
            return False
    return compatible_dates(first, second)


def _places_agree(a: EventMention, b: EventMention) -> bool:
    if a.place is None or b.place is None:
        return True
    if _unplaced_town(a.place) or _unplaced_town(b.place):
        return True   # a town the gazetteer does not know may lie in or by the other place
    if (guessed_place(a.place) or guessed_place(b.place)) and a.place.country == b.place.country:
        return True   # where the story was filed, or the scene just told: a guess at the town, not the country
    return a.place.name == b.place.name or a.place.country == b.place.country and (a.place.lat is None or b.place.lat is None)


def _unplaced_town(place) -> bool:
    """A place named in the text that the gazetteer does not know: no country, no coordinates."""
    return place.lat is None and place.country is None


def people_conflict(a: EventMention, b: EventMention) -> bool:
    """Each names a person the other does not: Assad with Zarif vs Assad with Shoigu."""
    return _unmatched_people(a, b) and _unmatched_people(b, a)


def roles_swap(a: EventMention, b: EventMention) -> bool:
    """One side did the one act and suffered the other ('arrested after he dissolved Congress'):
    two events, whatever else they share."""
    roles_a = {p.name: p.role for p in a.participants}
    return any({roles_a.get(p.name), p.role} == {"actor", "recipient"} for p in b.participants)


def other_recipients(a: EventMention, b: EventMention, joined: set[frozenset[int]]) -> bool:
    """'urged the rebels to … and called on the army to …', 'warned Venezuela … and threatened
    Guyana': two verbs joined by 'and' (`joined`: pairs of trigger offsets), each done to a side
    the other does not name, are two events (an act done to several sides at once, 'urged
    Pakistan and India', is one)."""
    if frozenset({a.trigger_start, b.trigger_start}) not in joined:
        return False
    def recipients(mention: EventMention) -> list[Participant]:
        return [p for p in mention.participants if p.role == "recipient"]
    left, right = recipients(a), recipients(b)
    return bool(left and right) and not any(same_name(p.name, q.name) or _one_states_forces(p, q)
                                            for p in left for q in right)


_NAMED_SIDES = frozenset({"PERSON", "ORG", "GPE"})


def named_recipients_differ(a: EventMention, b: EventMention) -> bool:
    """Each act is done to a side named by its own name, and none of either's is the other's
    ('left the bloc' and 'broke off relations with Belgium'): two acts, whatever sides did them. A side
    named only by what it is ('the villagers', 'a convoy') may be the other's, told again."""
    def named(mention: EventMention) -> list[Participant]:
        return [p for p in mention.participants if p.role == "recipient" and p.kind in _NAMED_SIDES]
    left, right = named(a), named(b)
    return bool(left and right) and not any(same_name(p.name, q.name) or same_body(p.name, q.name)
                                            for p in left for q in right)


def same_event(a: EventMention, b: EventMention, joined: set[frozenset[int]] = frozenset()) -> bool:
    """Within one report: same type, a shared participant, no conflicting person, date, place,
    roles or recipient."""
    if a.type != b.type or not _dates_agree(a, b) or not _places_agree(a, b) or roles_swap(a, b):
        return False
    if other_recipients(a, b, joined):
        return False   # told side by side, two acts; a later sentence's new target extends the act
    if named_recipients_differ(a, b):
        return False   # 'left the bloc' and 'broke off relations with Belgium': one side's two acts
    if a.trigger_start == b.trigger_start and a.sentence == b.sentence and _each_names_another(a, b):
        return False   # one trigger split into several events ('calls with A and B')
    if a.mode == b.mode == "multilateral" and _firm_date(a) and _firm_date(a) == _firm_date(b) \
            and a.place is not None and b.place is not None:
        return True   # one gathering on one day in one city
    if a.type == b.type == "CONSULT" and hosts_differ(a, b):
        return False   # a visitor with the president, then with parliament: two meetings of one visit
    return share_a_side(a, b) and not people_conflict(a, b)


# Sides named by a name of their own: a person, or a body ('Congress'), not a state or a group.
_NAMED_KINDS = frozenset({"PERSON", "ORG"})


_MEDIATING = words("mediating_words")


def hosts_differ(a: EventMention, b: EventMention) -> bool:
    """Each meeting names someone by a name of their own that the other does not (not a state,
    which may stand for anyone of it, nor a group such as 'officials'): two meetings. One who
    brought the talks about ('brokered by the Coastal Union') is a side of those talks."""
    if a.trigger.lower() in _MEDIATING or b.trigger.lower() in _MEDIATING:
        return False
    return _unmatched(a, b, same_body, _NAMED_KINDS) and _unmatched(b, a, same_body, _NAMED_KINDS)


def _each_names_another(a: EventMention, b: EventMention) -> bool:
    return _unmatched(a, b, same_body) and _unmatched(b, a, same_body)


def assign_event_keys(mentions: list[EventMention], anaphoric: list[bool], headline: set[int] = frozenset(),
                      joined: set[frozenset[int]] = frozenset()) -> None:
    """Give each mention the key of the first earlier mention it repeats, else its own.

    A headline announces the report's main event: its mention joins the first body event of
    its type that it does not contradict, even when it names the sides differently
    ("Chile, Peruvian leaders hold summit" / "Ruiz held a summit with Salas").
    """
    groups: list[EventMention] = []   # first mention of each event, by key
    # The firm dates of each event's mentions: a mention with a date of its own joins an event
    # only when it fits them all, not just its first, undated mention ("detained on 8 October"
    # and "detained again on 22 October" both fit a dateless "detained" told first).
    dated: dict[int, list[EventMention]] = {}
    # The same groups by (type, modality), in key order: a mention only ever joins its own kind.
    kinds: dict[tuple[str, str], list[EventMention]] = {}
    order = [i for i in range(len(mentions)) if mentions[i].sentence not in headline] + \
        [i for i in range(len(mentions)) if mentions[i].sentence in headline]
    for index in order:
        mention = mentions[index]
        kind = kinds.setdefault((mention.type, mention.modality), [])
        if mention.sentence in headline:
            fitting = [g for g in groups if g.type == mention.type and g.modality == mention.modality
                       and _dates_agree(g, mention) and not people_conflict(g, mention)]
            target = fitting[0] if fitting else None
            if (target is None or not target.participants) and mention.modality == "asserted":
                # "Delegation meets mediators" over a body that says it "was due to meet": a
                # headline's present tense is ambiguous and the report's own words decide.
                planned = next((g for g in groups if g.type == mention.type and g.modality in ("future", "negated")
                                and _words_overlap(g, mention) and not people_conflict(g, mention)), None)
                if planned is not None:
                    mention.modality, target = planned.modality, planned
            if target is not None:
                mention.event_key = target.event_key
                continue
        target = None
        if anaphoric[index]:
            # A bare mention with a date of its own that the last event lacks is another event
            # ("the negotiations, which collapsed last spring").
            fitting = (g for g in reversed(kind) if _dates_agree(g, mention)
                       and not (_firm_date(mention) and not _firm_date(g))
                       and (mention.mode != "multilateral" or g.mode == "multilateral"))
            # Prefer the last meeting whose sides are named over a vague one.
            latest = None
            for g in fitting:
                if sum(p.kind == "PERSON" for p in g.participants) >= 2:
                    target = g
                    break
                latest = latest or g
            target = target or latest
        if target is None:
            target = next((g for g in kind if same_event(g, mention, joined) and _fits_dates(dated.get(g.event_key, ()), mention)),
                          None)
        if target is None:
            mention.event_key = len(groups)
            groups.append(mention)
            kind.append(mention)
        else:
            mention.event_key = target.event_key
        if _firm_date(mention):
            dated.setdefault(mention.event_key, []).append(mention)


def _fits_dates(members: list[EventMention], mention: EventMention) -> bool:
    return all(_dates_agree(member, mention) for member in members)


_MODE_STRENGTH = {"visit": 0, "phone": 1, "multilateral": 2, "meet": 3, None: 4}


def _date_rank(mention: EventMention) -> tuple[int, int]:
    date = mention.date
    if date is None or date.value is None:
        return (9, 0)
    precision = {"day": 0, "month": 1, "year": 2}.get(date.precision or "", 3)
    return (DATE_BASIS_RANK.get(date.basis, 5), precision)


def summarize(mentions: list[EventMention]) -> dict:
    """An event's participants, date, place and mode from all its mentions (first wins ties)."""
    participants: list = []
    for mention in mentions:
        for participant in mention.participants:
            twin = next((p for p in participants if same_name(p.name, participant.name)), None)
            if twin is None:
                participants.append(participant)
            elif len(participant.name) > len(twin.name):
                # Keep the fullest spelling: "Bashar al-Assad" over "Assad".
                participants[participants.index(twin)] = participant
                if participant.title is None:
                    participant.title = twin.title
    dated = min(mentions, key=_date_rank)
    # the event's own words before a guess
    places = sorted((m.place for m in mentions if m.place is not None), key=guessed_place)
    # a city the mentions name is where, more precisely than its country ('Egypt' … 'Cairo') or
    # than a town the gazetteer does not know
    place = next((p for p in places if p.lat is not None and any(p.country == q.country or _unplaced_town(q)
                                                                 for q in places if q.lat is None)),
                 places[0] if places else None)
    mode = min((m.mode for m in mentions), key=lambda m: _MODE_STRENGTH.get(m, 4))
    return {"participants": participants, "date": dated.date, "place": place, "mode": mode}


_GENERIC_WORDS = frozenset("delegation delegations officials official leaders leader government side sides "
                           "team forces security senior top group members mediators and".split())


def _words_overlap(a: EventMention, b: EventMention) -> bool:
    """A looser test than naming the same participant: 'Omani and Swiss mediators' and
    'Swiss and Omani officials' share their distinctive words."""
    words_a = {w for p in a.participants for w in name_tokens(p.name)} - _GENERIC_WORDS
    words_b = {w for p in b.participants for w in name_tokens(p.name)} - _GENERIC_WORDS
    return bool(words_a & words_b)


def _affiliation_words(mention: EventMention) -> set[str]:
    words = set()
    for p in mention.participants:
        if p.kind == "PERSON":
            words |= set(name_tokens(" ".join(filter(None, [p.title, p.affiliation]))))
    return words


_OFFICE_HEADS = words("title_nouns") - _GENERIC_WORDS   # 'speaker', 'president': one person's office


def absorb_vague_groups(mentions: list[EventMention]) -> None:
    """'Veldra hosts Tamar delegation' and 'a Tamar delegation headed by Dask arrived in Port Aven
    to meet Halloran' are one visit: an event whose sides are only groups joins the event with
    named people when a group's own word (Tamar) is in their titles, and date and place agree."""
    firsts = {}
    members: dict[int, list[EventMention]] = {}
    for mention in mentions:
        firsts.setdefault(mention.event_key, mention)
        members.setdefault(mention.event_key, []).append(mention)
    named: dict[tuple[str, str], list[EventMention]] = {}   # by (type, modality), in order
    for m in firsts.values():
        if any(p.kind == "PERSON" for p in m.participants):
            named.setdefault((m.type, m.modality), []).append(m)
    for key, first in firsts.items():
        if any(p.kind == "PERSON" for p in first.participants) or not first.participants:
            continue
        group_words = {w for p in first.participants for w in name_tokens(p.name)} - _GENERIC_WORDS
        # an office named alone is one person's: 'the Assembly Speaker' joins no meeting of the President
        offices = {p.name.split()[-1].lower() for p in first.participants if p.name.split()} & _OFFICE_HEADS
        target = next((m for m in named.get((first.type, first.modality), ())
                       if _dates_agree(m, first) and _places_agree(m, first)
                       and group_words & _affiliation_words(m) and offices <= _affiliation_words(m)), None)
        if target is None:
            continue
        # A target is an event with named people, never one of these vague ones: the members
        # listed before any re-keying are still exactly this key's.
        for mention in members[key]:
            mention.event_key = target.event_key
