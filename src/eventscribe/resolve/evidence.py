"""The evidence that two document events from different reports are one real event, weighed.

Each kind of evidence is read as a level ('the same day', 'one side shared', 'places differ');
the weight of every level was fitted (`python -m eventscribe.learn.merge`) on pairs of events from
the project's own invented training reports, where the same story is told by three outlets and a
gold file says which events are one. The score is a logistic sum of the weights of the levels a
pair shows, so every decision can be told as the levels that pushed it up or down (as splink's
match weights). Only events both dated by their words are weighed: an undated report joins an
event by the stricter rules of `events`.
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ..analyze.places import fold
from ..timeparse import compatible_dates
from .docevent import ACTS_THROUGH_ORGANS, DocEvent, places_compatible, roles_agree, stands_in

MODEL_PATH = Path(__file__).parent / "models" / "merge_weights.json"

# Acts told in words (a demand, an accusation): two of one day naming one side alike are often two
# statements; acts done (an arrest, a meeting) naming one side alike on one day seldom are.
SAID_TYPES = frozenset({"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN"})

_SHARED_WORDING = "a shared run of words"
_TOLD = "told"
_PEOPLE_CLASH = "each names a person the other does not"
TOLD_APART = "on both, told apart"
_ONLY_A_YEAR = "only a year told"
# The kinds of evidence, in the order an explanation lists them.
EVIDENCE = ("shared", "stand_ins", "unmatched", "sides", "people", "roles", "date", "place", "mode", "wording", "story")
ONE_STORY, TWO_STORIES, NO_STORY = "one story", "two stories", "not known"


class SideMatch(NamedTuple):
    shared: set[str]            # sides both name
    stood_in: set[str]          # sides of either one that stand for the same state as a side of the other
    only_a: set[str]            # sides of the first matched by neither
    only_b: set[str]


def side_match(a: DocEvent, b: DocEvent, lands_a: dict[str, str], lands_b: dict[str, str]) -> SideMatch:
    """The sides two events name alike, and those one names that stand for the same state as a
    side the other names (docevent.stands_in: 'the United States' and President Biden; 'Peru' and
    its National Police arresting someone, not Peru's ministry meeting someone). `lands_a`,
    `lands_b`: lands_of each event's standing."""
    shared = set(a.actors) & set(b.actors)
    rest_b = set(b.actors) - shared
    stood_in: set[str] = set()
    def stand_in(x: str, y: str) -> bool:
        kinds = {a.standing.get(x, (None, None))[0], b.standing.get(y, (None, None))[0]}
        return bool(lands_a.get(x)) and lands_a.get(x) == lands_b.get(y) and stands_in(kinds, a.type)
    for x in sorted(set(a.actors) - shared):
        match = next((y for y in sorted(rest_b - stood_in) if stand_in(x, y)), None)
        if match is not None:
            stood_in |= {x, match}
    return SideMatch(shared, stood_in, set(a.actors) - shared - stood_in, rest_b - stood_in)


# Kinds of side that are names, not descriptions: two of them that differ are two sides.
_NAMED_KINDS = frozenset({"PERSON", "PROPN", "ORG", "GPE", "NORP", "FAC"})


def _told_apart(a: DocEvent, x: str, b: DocEvent, y: str, lands_a: dict[str, str], lands_b: dict[str, str]) -> bool:
    """Whether side `x` of one event and side `y` of the other cannot be one: of two known
    countries; both a state, a state's body or official (a state and its ministry, two
    ministers), save one state's in an act it does through its organs; two names (the IAEA and
    the European Union; Hamas and Hezbollah); two holders of different offices one person holds
    (the UN Secretary-General and a bishop); or people acted on counted differently ('nine protesters', 'two journalists'). A description may be the
    other's side under another name ('the riot police' of one report, 'Gambia' of another; 'the
    French ambassador' and the ambassador's name)."""
    (kind_1, country_1), (kind_2, country_2) = a.standing.get(x, (None, None)), b.standing.get(y, (None, None))
    if kind_1 and kind_2 and a.type in ACTS_THROUGH_ORGANS and lands_a.get(x) and lands_a.get(x) == lands_b.get(y):
        return False   # one state's forces, however each report names them ('the National Police', 'Peru's police')
    count_1, count_2 = a.counts.get(x), b.counts.get(y)
    # (two offices one person holds, neither the other's: 'UN Secretary-General' is no bishop)
    offices_1, offices_2 = a.offices.get(x), b.offices.get(y)
    return bool(offices_1 and offices_2 and not offices_1 & offices_2) \
        or bool(country_1 and country_2 and country_1 != country_2) or (kind_1 is not None and kind_2 is not None) \
        or (a.actors.get(x) in _NAMED_KINDS and b.actors.get(y) in _NAMED_KINDS) \
        or (count_1 is not None and count_2 is not None and count_1 != count_2)


def _date_level(a: DocEvent, b: DocEvent) -> str:
    first, second = a.firm_date, b.firm_date
    if len(first or "") == 4 or len(second or "") == 4:
        return _ONLY_A_YEAR   # (a year holds many acts of one pair: 'in 2019 Iran accused Israel …')
    if first == second:
        return "same day" if len(first or "") >= 10 else "same month or year"
    return "one holds the other" if compatible_dates(first, second) else "differ"


def _place_level(a: DocEvent, b: DocEvent) -> str:
    # (a place guessed from a dateline or a scene yields to one the other report's words give)
    if a.place is None or b.place is None or a.place_guessed != b.place_guessed:
        return "one unplaced"
    if fold(a.place) == fold(b.place):
        return "same"
    return "compatible" if places_compatible(a, b) else "differ"


def evidence(a: DocEvent, b: DocEvent, shared_wording: bool) -> dict[str, str]:
    """The level of each kind of evidence for two dated document events of one type."""
    lands_a, lands_b = a.lands, b.lands
    sides = side_match(a, b, lands_a, lands_b)
    shared, stand_ins, only_a, only_b = len(sides.shared), len(sides.stood_in) // 2, sides.only_a, sides.only_b
    known_apart = all(_told_apart(a, x, b, y, lands_a, lands_b) for x in only_a for y in only_b)
    said = _TOLD if a.type in SAID_TYPES else "done"
    # (a person the other report names by their state is no other person: Biden and 'the United States')
    clash = (a.people - set(b.actors) - sides.stood_in) and (b.people - set(a.actors) - sides.stood_in)
    return {
        "shared": str(min(shared, 2)),
        "stand_ins": str(min(stand_ins, 2)),
        "unmatched": "none" if not only_a and not only_b else "on one side" if not only_a or not only_b
                     else TOLD_APART if known_apart else "on both, maybe one side",
        "sides": f"{said}: {min(shared + stand_ins, 2)}",
        "people": _PEOPLE_CLASH if clash else "no clash",
        "roles": "agree" if roles_agree(a, b) else "differ",
        "date": _date_level(a, b),
        "place": _place_level(a, b),
        "mode": "unknown" if not (a.mode and b.mode) else "same" if a.mode == b.mode else "differ",
        "wording": _SHARED_WORDING if shared_wording else "none shared",
        # (whether the two reports tell of one happening, by all their words: stories.py)
        "story": NO_STORY if not (a.story and b.story) else ONE_STORY if a.story == b.story else TWO_STORIES,
    }


# Evidence that two events are two, whatever else agrees: they name no side alike, nor a state and
# its official or body (one day's many arrests or meetings in one country are not one for sharing a
# date and a town); each names a side the other does not, and those sides cannot be one (a guest's
# meetings with a state and with one of its ministries: _told_apart); their words date them on different days;
# who did it to whom is reversed (a summons answered by a summons); each names a person the other
# does not (a guest's meetings with two hosts); acts done in two places neither holds (two
# datelines of one day's attacks); one of them dated by its year alone.
_VETOES = (("unmatched", TOLD_APART), ("date", "differ"), ("date", _ONLY_A_YEAR), ("roles", "differ"),
           ("people", _PEOPLE_CLASH), ("place", "differ"))


def veto(levels: dict[str, str]) -> str | None:
    """The evidence that rules two events apart before any weighing, if any."""
    if levels["shared"] == "0" and levels["stand_ins"] == "0":
        return "no side in common"
    # (where words were said is told loosely — the speaker's city, the city spoken of — so two
    # places only weigh against a statement)
    said = levels["sides"].startswith(_TOLD)
    return next((f"{kind}: {level}" for kind, level in _VETOES
                 if levels[kind] == level and not (said and kind == "place")), None)


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


@dataclass(frozen=True)
class MergeModel:
    """Fitted weights: a bias, one weight per (evidence, level), the probability above which two
    events are one."""
    bias: float
    weights: dict[str, dict[str, float]]
    threshold: float

    def contributions(self, levels: dict[str, str]) -> dict[str, float]:
        return {kind: self.weights.get(kind, {}).get(level, 0.0) for kind, level in levels.items()}

    def probability(self, levels: dict[str, str]) -> float:
        return _logistic(self.bias + sum(self.contributions(levels).values()))

    def to_json(self) -> dict:
        return {"bias": self.bias, "weights": self.weights, "threshold": self.threshold}


@cache
def merge_model(path: Path = MODEL_PATH) -> MergeModel:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return MergeModel(bias=data["bias"], weights=data["weights"], threshold=data["threshold"])


def weigh(a: DocEvent, b: DocEvent, shared_wording: Callable[[], bool], model: MergeModel | None = None) -> tuple[bool, dict]:
    """Whether two dated document events are one, with the reason: the score, the threshold and
    every level with its weight. `shared_wording` (whether the two reports share a long run of
    words, which means reading both texts) is asked only when its answer could change the verdict."""
    model = model or merge_model()
    if not compatible_dates(a.firm_date, b.firm_date):
        return False, {"rule": "apart: date: differ"}   # (the commonest veto, before reading the rest)
    if a.actors.keys().isdisjoint(b.actors) and not side_match(a, b, a.lands, b.lands).stood_in:
        return False, {"rule": "apart: no side in common"}   # (the next: one day's events of one land's sides)
    levels = evidence(a, b, False)
    ruled_out = veto(levels)
    if ruled_out:
        return False, {"rule": f"apart: {ruled_out}"}
    weights = model.contributions(levels)
    odds = model.bias + sum(weights.values())
    if _logistic(odds) < model.threshold:
        wording = {**levels, "wording": _SHARED_WORDING}
        if model.probability(wording) >= model.threshold and shared_wording():
            levels, weights = wording, model.contributions(wording)
            odds = model.bias + sum(weights.values())
    p = _logistic(odds)
    # (the log-odds too: near 1 the probabilities of a strong fit and a stronger one round alike)
    return p >= model.threshold, {
        "rule": "weighed evidence", "score": round(p, 3), "log_odds": round(odds, 2), "threshold": model.threshold,
        "evidence": {kind: [levels[kind], round(weights[kind], 2)] for kind in EVIDENCE}}   # (level, weight)


def explain_merge(reason: dict, reports: dict[str, str] | None = None, names: dict[str, str] | None = None) -> str:
    """A stored merge reason in words, as `show` and the event page tell it: whose accounts
    joined, which evidence agreed and how much it weighed, the score against the threshold, the
    runner-up beaten. `reports` names the report of each per-report event id, `names` each
    actor id (store/resolution.merge_context); without them the ids are shown."""
    reports, names = reports or {}, names or {}

    def account(event_id: str | None, doc_id: str | None = None) -> str:
        doc = doc_id or reports.get(event_id or "")
        return f"the account in report {doc}" if doc else f"the account {event_id}"
    rule = reason.get("rule", "")
    if rule == "same document":
        return f"{reason.get('mentions', 'several')} mentions in one report: {reason.get('why', 'alike')}"
    if rule == "weighed evidence":
        told = "; ".join(f"{kind.replace('_', ' ')}: {level} ({weight:+.2f})"
                         for kind, (level, weight) in reason.get("evidence", {}).items())
        words = (f"{account(reason.get('event'), reason.get('doc_id'))} joined {account(reason.get('joined'))}: score "
                 f"{reason.get('score')} against the threshold {reason.get('threshold')} — {told}")
    elif reason.get("event"):
        shared = reason.get("shared_actors") or []
        sides = ", ".join(names.get(a, a) for a in shared) if names and shared else f"{len(shared)} side(s) named alike"
        told = f"; both reports of story {reason['story']}" if reason.get("story") else ""
        words = (f"{account(reason['event'], reason.get('doc_id'))} joined {account(reason.get('joined'))}: {rule} "
                 f"({sides}{told})")
    else:
        words = rule + "".join(f"; {key.replace('_', ' ')}: {value}" for key, value in reason.items()
                               if key != "rule" and value is not None)
    runner_up = reason.get("runner_up")
    if runner_up:
        how = (f"scored {runner_up['score']}" if runner_up.get("score") is not None else runner_up.get("rule") or "fitted less well") \
            if runner_up.get("fits") else f"was ruled out ({runner_up.get('rule')})"
        words += f". Runner-up: {account(runner_up['event'])}, which {how}"
    return words
