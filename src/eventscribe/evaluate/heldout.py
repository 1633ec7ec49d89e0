"""Event-type check on the project's held-out sentences (bench/heldout/*.jsonl).

Written for eventscribe by writers who saw neither the training text nor the gold sets, in
styles and regions chosen to differ from both (conflict monitors' event notes, wire copy, local
and translated press, coders' short validation sentences, headlines, statements). Nothing
trains on them: `learn` reads training/events only. Each sentence carries the type of its main
asserted event, or NONE when it reports nothing that happened. Scored like `check plover`,
but only on what becomes an event: the type of the first asserted mention `analyze` emits.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from ..analyze import analyze_articles, load_model
from ..model import Article
from .plover import classify, macro_f1


def load_sentences(path: str | Path) -> list[dict]:
    """The records of one .jsonl file, or of every .jsonl file in a folder (sorted by name)."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    records = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line) | {"file": file.name})
    return records


def evaluate(path: str | Path, model: str | None = None) -> dict:
    records = load_sentences(path)
    nlp = load_model(model) if model else load_model()
    articles = (Article(doc_id=f"heldout-{i}", text=r["text"]) for i, r in enumerate(records))
    predicted = classify(analyze_articles(articles, nlp=nlp), old_names={}, asserted_only=True)
    gold = [r["type"] for r in records]
    score, per_type = macro_f1(gold, predicted)
    by_style: dict[str, list[bool]] = defaultdict(list)
    for record, label in zip(records, predicted):
        by_style[record.get("style", "")].append(label == record["type"])
    return {"macro_f1": round(score, 4), "sentences": len(records),
            "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / max(len(records), 1), 4),
            "per_type": {k: round(v, 3) for k, v in per_type.items()},
            "accuracy_by_style": {style: round(sum(right) / len(right), 3) for style, right in sorted(by_style.items())},
            "unlabelled": Counter(predicted)["NONE"],
            "files": sorted({r["file"] for r in records})}
