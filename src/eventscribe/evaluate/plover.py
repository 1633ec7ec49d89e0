"""Event-type check on PLOVER gold sentences (plv_sentences.csv, test split).

Each sentence gets the type of its main trigger (the one nearest the root of the parse);
macro-F1 over the gold labels. PLOVER 1's YIELD covers PLOVER 2's CONCEDE and RETREAT.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from ..analyze import load_model
from ..analyze.extract import find_triggers
from ..analyze.lang.en import english
from ..analyze.modality import modality_of

_OLD_NAMES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "CONCEDE", "AID", "SUPPORT", "COOPERATE", "RETREAT"})


def _depth(token) -> int:
    depth = 0
    while token.head != token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _loose_triggers(doc):
    """Every lexicon word, without the argument checks the extractor applies."""
    found = []
    for token in doc:
        pos = "verb" if token.pos_ == "VERB" else "noun" if token.pos_ in ("NOUN", "PROPN") else None
        trigger = english.frames.fallback(token.lemma_.lower(), pos) if pos else None
        if trigger:
            found.append((token, trigger))
    return found


def classify(docs) -> list[str]:
    labels = []
    for doc in docs:
        triggers = find_triggers(doc) or _loose_triggers(doc)
        if not triggers:
            labels.append("NONE")
            continue
        # Words used as modifiers ("the detained men") describe, the clause's own verb reports.
        token, trigger = min(triggers, key=lambda item: (item[0].dep_ in ("amod", "compound"), _depth(item[0]), item[0].i))
        label = trigger.type
        if label in _COOPERATIVE and modality_of(token) == "negated":
            label = "REJECT"   # PLOVER: refusing to agree, meet, aid or concede is a rejection
        labels.append(_OLD_NAMES.get(label, label))
    return labels


def load_split(path: str | Path, split: str) -> list[tuple[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [(row["text"], row["label"]) for row in csv.DictReader(handle) if f"split={split}" in row["meta"]]


def macro_f1(gold: list[str], predicted: list[str]) -> tuple[float, dict[str, float]]:
    per_type = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        per_type[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return sum(per_type.values()) / len(per_type), per_type


def evaluate(path: str | Path, split: str = "test", model: str | None = None) -> dict:
    rows = load_split(path, split)
    nlp = load_model(model) if model else load_model()
    predicted = classify(nlp.pipe(text for text, _ in rows))
    gold = [label for _, label in rows]
    score, per_type = macro_f1(gold, predicted)
    return {"macro_f1": round(score, 4), "sentences": len(rows),
            "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / len(rows), 4),
            "per_type": {k: round(v, 3) for k, v in per_type.items()},
            "unlabelled": Counter(predicted)["NONE"]}
