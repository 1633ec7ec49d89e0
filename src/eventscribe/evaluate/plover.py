"""Event-type check on PLOVER gold sentences (plv_sentences.csv, test split).

Each sentence is analysed by the product itself (`analyze`, nothing check-only) and gets the
type of its first event mention; macro-F1 over the gold labels. PLOVER 1's YIELD covers PLOVER 2's CONCEDE and RETREAT.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from ..analyze import analyze_articles, load_model
from ..model import Article

_OLD_NAMES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def classify(analyses, old_names: dict[str, str] = _OLD_NAMES) -> list[str]:
    """Each sentence's label: the type of the first event mention `analyze` emits for it (an
    asserted one before others); NONE when it emits none. Exactly what the product reads."""
    labels = []
    for analysis in analyses:
        mentions = sorted(analysis.mentions, key=lambda m: (m.modality != "asserted", m.trigger_start))
        label = mentions[0].type if mentions else "NONE"
        labels.append(old_names.get(label, label))
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
    articles = (Article(doc_id=f"plover-{i}", text=text) for i, (text, _) in enumerate(rows))
    predicted = classify(analyze_articles(articles, nlp=nlp))
    gold = [label for _, label in rows]
    score, per_type = macro_f1(gold, predicted)
    return {"macro_f1": round(score, 4), "sentences": len(rows),
            "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / len(rows), 4),
            "per_type": {k: round(v, 3) for k, v in per_type.items()},
            "unlabelled": Counter(predicted)["NONE"]}



# PLOVER 0.5 names in PLOVER_GSR_CAMEO.txt -> the PLOVER 2 type that absorbed them.
GSR_OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def evaluate_gsr(path: str | Path, model: str | None = None) -> dict:
    """Type accuracy on the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt): each record's
    text analysed by the product; the older label names mapped as GSR_OLD_NAMES says."""
    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8"))
               if r.get("text") and r.get("event") != "DOCUMENT"]
    nlp = load_model(model) if model else load_model()
    articles = (Article(doc_id=f"gsr-{i}", text=r["text"]) for i, r in enumerate(records))
    predicted = classify(analyze_articles(articles, nlp=nlp), old_names={})
    gold = [GSR_OLD_NAMES.get(r["event"], r["event"]) for r in records]
    score, _ = macro_f1(gold, predicted)
    return {"type_accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / len(records), 4),
            "macro_f1": round(score, 4), "records": len(records), "old_names_mapped": GSR_OLD_NAMES,
            "unlabelled": Counter(predicted)["NONE"]}
