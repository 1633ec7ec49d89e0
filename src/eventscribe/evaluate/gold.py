"""Score exported events against gold events (the corpus README's rules).

An exported event serves a gold event when both have one type, the gold report is among the
event's mentions, and the event's actors name two of the gold actors, or the only one, by any
spelling the actors file lists. Each exported event serves a single gold event, or several of
one cluster; an optional gold event is never a miss and never makes a false positive.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from ..analyze.places import fold, lookup, unaccented
from ..timeparse import compatible_dates


def _norm(text: str) -> str:
    text = text.replace("’", "").replace("'", "")
    text = unaccented(text).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def load_gold(path: str | Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def load_actor_spellings(path: str | Path) -> dict[str, list[str]]:
    actors = json.loads(Path(path).read_text(encoding="utf-8"))
    return {name: sorted({_norm(s) for s in [name, *spellings]} - {""}, key=len, reverse=True)
            for name, spellings in actors.items()}


def names_actor(predicted_name: str, spellings: list[str]) -> bool:
    """A predicted participant names a gold actor when a spelling is a whole-word part of it."""
    name = f" {_norm(predicted_name)} "
    return any(f" {s} " in name for s in spellings)


@dataclass
class Score:
    gold_required: int = 0
    found: int = 0
    consult_predicted: int = 0
    consult_correct: int = 0
    dated: int = 0
    date_correct: int = 0
    located: int = 0
    location_correct: int = 0
    cluster_pairs: int = 0
    cluster_pairs_merged: int = 0
    actors_named: int = 0        # actors of the matched events
    actors_right: int = 0        # of those, the ones naming an actor of their gold event (or its cluster)
    exhaustive: bool = False     # gold lists every event of every type (world2-dev): precision over all types
    predicted: int = 0           # events in gold documents, less those matching only optional gold
    correct: int = 0             # of those, the ones serving a required gold event
    by_type: dict[str, Counter] = field(default_factory=dict)   # type -> gold, found, predicted, correct
    false_merges: int = 0        # events joining two reports whose gold events of the event's type share no cluster
    misses: list[dict] = field(default_factory=list)
    false_merge_events: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    date_errors: list[str] = field(default_factory=list)
    location_errors: list[str] = field(default_factory=list)
    actor_errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold_required if self.gold_required else 1.0

    @property
    def consult_precision(self) -> float:
        return self.consult_correct / self.consult_predicted if self.consult_predicted else 1.0

    @property
    def consult_recall(self) -> float:
        return self._consult_recall

    _consult_recall: float = 1.0

    @property
    def consult_f1(self) -> float:
        p, r = self.consult_precision, self.consult_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        """All types: right events over predicted ones (meaningful when the gold is exhaustive)."""
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def type_table(self) -> dict[str, dict[str, float]]:
        """Per type: gold and found (recall), predicted and correct (precision)."""
        table = {}
        for type_, counts in sorted(self.by_type.items()):
            table[type_] = {**counts,
                            "recall": round(counts["found"] / counts["gold"], 4) if counts["gold"] else None,
                            "precision": round(counts["correct"] / counts["predicted"], 4) if counts["predicted"] else None}
        return table

    @property
    def date_accuracy(self) -> float:
        return self.date_correct / self.dated if self.dated else 1.0

    @property
    def location_accuracy(self) -> float:
        return self.location_correct / self.located if self.located else 1.0

    @property
    def actor_precision(self) -> float:
        return self.actors_right / self.actors_named if self.actors_named else 1.0

    @property
    def merged_pairs(self) -> float:
        return self.cluster_pairs_merged / self.cluster_pairs if self.cluster_pairs else 1.0

    def summary(self) -> dict[str, float]:
        return {
            "recall": round(self.recall, 4), "consult_precision": round(self.consult_precision, 4),
            "consult_recall": round(self.consult_recall, 4), "consult_f1": round(self.consult_f1, 4),
            "date_accuracy": round(self.date_accuracy, 4), "location_accuracy": round(self.location_accuracy, 4),
            "merged_same_cluster_pairs": round(self.merged_pairs, 4), "false_merges": self.false_merges,
            "actor_precision": round(self.actor_precision, 4),
            "gold_required": self.gold_required, "found": self.found,
            "consult_predicted": self.consult_predicted, "consult_correct": self.consult_correct,
        } | ({"precision": round(self.precision, 4), "f1": round(self.f1, 4),
              "predicted": self.predicted, "correct": self.correct} if self.exhaustive else {})


def _matches(event: dict, gold: dict, spellings: dict[str, list[str]]) -> bool:
    if event["type"] != gold["type"]:
        return False
    if gold["doc"] not in {m["doc_id"] for m in event["mentions"]}:
        return False
    names = [a["name"] for a in event["actors"]]
    named = sum(1 for actor in gold["actors"]
                if any(names_actor(n, spellings.get(actor, [_norm(actor)])) for n in names))
    return named >= min(2, len(gold["actors"]))


def _place_matches(event: dict, gold_location: str, spellings: dict[str, list[str]]) -> bool:
    location = event.get("location") or {}
    if not location.get("name"):
        return False
    predicted = fold(location["name"])
    gold_place = lookup(gold_location)
    return predicted == fold(gold_location) or (gold_place is not None and fold(gold_place.name) == predicted)


def score(events: list[dict], gold: list[dict], spellings: dict[str, list[str]], exhaustive: bool = False) -> Score:
    """Greedy one-to-one matching, gold in file order; cluster-mates may share an event. With
    `exhaustive` gold (every event of every type listed), every predicted event is judged:
    precision and F1 over all types, per-type figures, and every false positive listed."""
    result = Score(exhaustive=exhaustive)
    gold_docs = {g["doc"] for g in gold}
    # One fixed order, whatever order the caller listed them in: ties between candidates go to
    # the earliest event (undated last, then by id), so a score never depends on a list's sort.
    events = sorted((e for e in events if any(m["doc_id"] in gold_docs for m in e["mentions"])),
                    key=lambda e: (e.get("date") is None, e.get("date") or "", e["event_id"]))
    used: dict[int, str | None] = {}     # event index -> cluster it serves (None: no cluster)
    matched_event: dict[str, int] = {}
    # Required gold first: an optional event must not take the match a required one needs.
    for g in sorted(gold, key=lambda g: bool(g["optional"])):
        candidates = [i for i, e in enumerate(events) if _matches(e, g, spellings)]
        free = [i for i in candidates if i not in used or (g["cluster"] and used[i] == g["cluster"])]
        if free:
            # The best-fitting candidate: same date first, then a date that may be the same
            # ('2025-03' may be 2025-03-08; 2023 may not), then in list order.
            index = min(free, key=lambda i: (events[i].get("date") != g["date"],
                                             not compatible_dates(events[i].get("date"), g["date"]), free.index(i)))
            used[index] = g["cluster"]
            matched_event[g["id"]] = index
    consult_gold = [g for g in gold if g["type"] == "CONSULT" and not g["optional"]]
    # A merged event carries what all its reports say: its date is judged against the most
    # precise gold date of the real event (the gold cluster), not the one report's.
    cluster_date: dict[str, str | None] = {}
    for g in gold:
        if g["cluster"] and g["date"] and len(g["date"]) > len(cluster_date.get(g["cluster"]) or ""):
            cluster_date[g["cluster"]] = g["date"]
    for g in gold:
        if g["optional"]:
            continue
        result.gold_required += 1
        if g["id"] not in matched_event:
            result.misses.append(g)
            continue
        result.found += 1
        event = events[matched_event[g["id"]]]
        result.dated += 1
        expected = g["date"]
        if g["cluster"] and len({m["doc_id"] for m in event["mentions"]}) > 1:
            expected = cluster_date.get(g["cluster"], g["date"])
        if (event.get("date") or None) == expected:
            result.date_correct += 1
        else:
            result.date_errors.append(f"{g['id']}: gold {expected} predicted {event.get('date')}")
        if g["location"]:
            result.located += 1
            if _place_matches(event, g["location"], spellings):
                result.location_correct += 1
            else:
                predicted = (event.get("location") or {}).get("name")
                result.location_errors.append(f"{g['id']}: gold {g['location']} predicted {predicted}")
    _judge_actors(result, events, gold, matched_event, spellings)
    if exhaustive:
        _judge_all_types(result, events, gold, matched_event, spellings)
    consult_found = sum(1 for g in consult_gold if g["id"] in matched_event)
    result._consult_recall = consult_found / len(consult_gold) if consult_gold else 1.0
    for index, event in enumerate(events):
        if event["type"] != "CONSULT":
            continue
        result.consult_predicted += 1
        if index in used:
            result.consult_correct += 1
        elif not exhaustive:
            result.false_positives.append(event)
    by_cluster: dict[str, list[str]] = {}
    for g in gold:
        if g["cluster"]:
            by_cluster.setdefault(g["cluster"], []).append(g["id"])
    _judge_merges(result, events, gold)
    for ids in by_cluster.values():
        for first, second in combinations(ids, 2):
            result.cluster_pairs += 1
            if first in matched_event and matched_event.get(first) == matched_event.get(second):
                result.cluster_pairs_merged += 1
    return result


def _judge_merges(result: Score, events: list[dict], gold: list[dict]) -> None:
    """False merges: events joining two reports whose gold events of the event's type are no one
    event (no gold event of that type in one of them, or none sharing a cluster)."""
    clusters: dict[tuple[str, str], set[str]] = {}
    for g in gold:
        clusters.setdefault((g["doc"], g["type"]), set()).add(g["cluster"] or g["id"])
    for event in events:
        docs = sorted({m["doc_id"] for m in event["mentions"]} & {g["doc"] for g in gold})
        if any(not clusters.get((x, event["type"]), set()) & clusters.get((y, event["type"]), set())
               for x, y in combinations(docs, 2)):
            result.false_merges += 1
            result.false_merge_events.append(event)


def _judge_actors(result: Score, events: list[dict], gold: list[dict], matched_event: dict[str, int],
                  spellings: dict[str, list[str]]) -> None:
    """Actor precision: each actor of a matched event is right when it names an actor of the
    gold event it serves, or of that event's cluster (other reports may name more sides)."""
    cluster_actors: dict[str, set[str]] = {}
    for g in gold:
        if g["cluster"]:
            cluster_actors.setdefault(g["cluster"], set()).update(g["actors"])
    allowed: dict[int, set[str]] = {}
    served: dict[int, str] = {}
    for g in gold:
        if g["id"] in matched_event:
            allowed.setdefault(matched_event[g["id"]], set()).update(
                cluster_actors.get(g["cluster"], set()) | set(g["actors"]))
            served.setdefault(matched_event[g["id"]], g["id"])
    for index, actors in allowed.items():
        for actor in events[index]["actors"]:
            right = any(names_actor(actor["name"], spellings.get(a, [_norm(a)])) for a in actors)
            result.actors_named += 1
            result.actors_right += right
            if not right:
                result.actor_errors.append(f"{served[index]}: {actor['name']!r} is none of {sorted(actors)}")


def _judge_all_types(result: Score, events: list[dict], gold: list[dict], matched_event: dict[str, int],
                     spellings: dict[str, list[str]]) -> None:
    """Precision over every type: an event serving a required gold event is right; one that
    serves or matches only optional gold is neither; any other is a false positive."""
    serving_required = {matched_event[g["id"]] for g in gold if not g["optional"] and g["id"] in matched_event}
    optional = [g for g in gold if g["optional"]]
    for g in gold:
        if not g["optional"]:
            counts = result.by_type.setdefault(g["type"], Counter(gold=0, found=0, predicted=0, correct=0))
            counts["gold"] += 1
            counts["found"] += g["id"] in matched_event
    for index, event in enumerate(events):
        right = index in serving_required
        if not right and any(_matches(event, g, spellings) for g in optional):
            continue
        counts = result.by_type.setdefault(event["type"], Counter(gold=0, found=0, predicted=0, correct=0))
        counts["predicted"] += 1
        counts["correct"] += right
        result.predicted += 1
        result.correct += right
        if not right:
            result.false_positives.append(event)
