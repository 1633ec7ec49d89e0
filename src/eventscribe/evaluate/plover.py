"""Event-type check on PLOVER gold sentences (plv_sentences.csv, test split).

Each sentence is analysed by the product itself (`analyze`, nothing check-only) and gets the
type of its first event mention; macro-F1 over the gold labels. PLOVER 1's YIELD covers PLOVER 2's CONCEDE and RETREAT.
"""
from __future__ import annotations

import csv
import json
import tempfile
from collections import Counter
from pathlib import Path

from ..analyze import analyze_articles, load_model
from ..model import Article
from ..resolve.countries import country_codes

_OLD_NAMES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def classify(analyses, old_names: dict[str, str] = _OLD_NAMES, asserted_only: bool = False) -> list[str]:
    """Each sentence's label: the type of the first event mention `analyze` emits for it (an
    asserted one before others; with `asserted_only`, only those, which become events); NONE
    when it emits none. Exactly what the product reads."""
    return [label for label, _ in classify_with_triggers(analyses, old_names, asserted_only)]


def classify_with_triggers(analyses, old_names: dict[str, str] = _OLD_NAMES, asserted_only: bool = False
                           ) -> list[tuple[str, int | None]]:
    """classify's labels, each with the offset of the trigger it read the label from (None for NONE)."""
    labels = []
    for analysis in analyses:
        mentions = sorted((m for m in analysis.mentions if m.modality == "asserted" or not asserted_only),
                          key=lambda m: (m.modality != "asserted", m.depth or 0, m.trigger_start))
        label = mentions[0].type if mentions else "NONE"
        labels.append((old_names.get(label, label), mentions[0].trigger_start if mentions else None))
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
    text analysed by the product; the older label names mapped as GSR_OLD_NAMES says. Beside it,
    the countries of the source and target actors, as the product exports them (see
    gsr_actor_countries)."""
    records = [r for r in json.loads(Path(path).read_text(encoding="utf-8"))
               if r.get("text") and r.get("event") != "DOCUMENT"]
    nlp = load_model(model) if model else load_model()
    articles = (Article(doc_id=f"gsr-{i}", text=r["text"]) for i, r in enumerate(records))
    read = classify_with_triggers(analyze_articles(articles, nlp=nlp), old_names={})
    predicted = [label for label, _ in read]
    gold = [GSR_OLD_NAMES.get(r["event"], r["event"]) for r in records]
    score, _ = macro_f1(gold, predicted)
    return {"type_accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / len(records), 4),
            "macro_f1": round(score, 4), "records": len(records), "old_names_mapped": GSR_OLD_NAMES,
            "unlabelled": Counter(predicted)["NONE"]} | gsr_actor_countries(records, read)


def gsr_actor_countries(records: list[dict], read: list[tuple[str, int | None]]) -> dict:
    """How often the exported event of a record gives its source actor's country, and how often
    that country is right. The records are ingested into a scratch store like any reports (so
    actors are resolved and get their countries exactly as in an export); each record's event is
    the exported one holding the trigger `classify` read its type from, else the first of that
    type, else its first. Only gold codes that are countries' ISO3 codes count (IGO, NGO and
    CAMEO's own codes are left out)."""
    events = _exported_events(records)
    countries = country_codes()
    source = {"gold": 0, "found": 0, "right": 0}
    target = {"gold": 0, "found": 0, "right": 0}
    for i, (record, (label, trigger)) in enumerate(zip(records, read)):
        mine = events.get(f"gsr-{i}", [])
        typed = [e for e in mine if e["type"] == label]
        event = next((e for e in typed if any(m["doc_id"] == f"gsr-{i}" and m["trigger_start"] == trigger
                                              for m in e["mentions"])), typed[0] if typed else mine[0] if mine else None)
        actors = event["actors"] if event else []
        symmetric = not any(a["role"] == "recipient" for a in actors)
        for side, roles, tally in (("source", ("actor", "participant"), source), ("target", ("recipient", "participant"), target)):
            gold = {a.get("code") for a in _actors(record, side)} & countries
            if not gold:
                continue
            tally["gold"] += 1
            given = {a["country"] for a in actors if a["role"] in roles and a.get("country")}
            if symmetric:
                # a meeting's participants are both sides: one of them is this side
                allowed = gold | ({a.get("code") for a in _actors(record, "target" if side == "source" else "source")} & countries)
                right = bool(given & gold) and given <= allowed
            else:
                right = bool(given) and given <= gold
            tally["found"] += bool(given)
            tally["right"] += right
    return {"source_country_found": round(source["found"] / max(source["gold"], 1), 4),
            "source_country_right": round(source["right"] / max(source["found"], 1), 4),
            "target_country_found": round(target["found"] / max(target["gold"], 1), 4),
            "target_country_right": round(target["right"] / max(target["found"], 1), 4),
            "records_with_source_country": source["gold"], "records_with_target_country": target["gold"]}


def _actors(record: dict, side: str) -> list[dict]:
    value = record.get(side)
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _exported_events(records: list[dict]) -> dict[str, list[dict]]:
    """Each record's exported events, in reading order, from a scratch store."""
    from ..ingest import ingest
    from ..store import Store
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "records.jsonl"
        inputs.write_text("".join(json.dumps({"doc_id": f"gsr-{i}", "text": r["text"]}) + "\n"
                                  for i, r in enumerate(records)), encoding="utf-8")
        with Store(Path(folder) / "gsr.db") as store:
            ingest([inputs], store)
            by_doc: dict[str, list[tuple[int, dict]]] = {}
            # oldest first: one fixed order, so that two events at one offset keep their order
            for event in store.iter_records(sort="oldest"):
                for mention in event["mentions"]:   # an event may hold several records' mentions
                    by_doc.setdefault(mention["doc_id"], []).append((mention["start"], event))
    return {doc: [e for _, e in sorted(found, key=lambda pair: pair[0])] for doc, found in by_doc.items()}
