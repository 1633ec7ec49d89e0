"""python -m eventscribe.learn.merge [--reports training/reports] [--out FILE] [--no-write]

Fits the weights with which the cross-document stage weighs the evidence that two dated document
events are one real event (`resolve/evidence.py`), and writes
src/eventscribe/resolve/models/merge_weights.json.

The pairs come from the project's own invented training reports (`training/reports/t*`: each
folder three stories told by three outlets, with a gold file saying which events are one). Each
folder is ingested into a scratch store; a document event takes the gold event of its report and
type whose evidence its sentence holds; every two dated events of one type from two reports of a
folder, both so labelled, are a pair — one event when their gold events are one or share a
cluster. Each level's weight is its match weight (`estimate`); folders are left out one at a time
to choose the threshold (see BETA_INVERSE).

Example:
    python -m eventscribe.learn.merge --no-write
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from ..evaluate.gold import load_gold
from ..resolve.evidence import EVIDENCE, MODEL_PATH, MergeModel, evidence, veto
from ..resolve.run import _Texts, doc_events
from ..store import Store

DEFAULT_REPORTS = Path(__file__).resolve().parents[3] / "training" / "reports"
# The threshold: the one at which the left-out folders' merges score the best F-measure with
# precision counted BETA_INVERSE times as much as recall (a wrong merge hides an event; a missed
# one leaves it told twice).
BETA_INVERSE = 2.0
_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))   # 0.05 … 0.95


def _evidence_fragments(gold_event: dict) -> list[str]:
    return [part.strip()[:50] for part in (gold_event.get("evidence") or "").split("...") if len(part.strip()) > 15]


def _labeller(store: Store, gold: list[dict]):
    """A document event's gold event: of its report and type, the first whose evidence one of its
    mentions' sentences holds (or begins it)."""
    sentences: dict[str, list[str]] = defaultdict(list)
    for event_id, sentence in store.connection.execute("SELECT event_id, sentence FROM mentions WHERE event_id IS NOT NULL"):
        sentences[event_id].append(sentence)
    by_report: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for g in gold:
        by_report[(g["doc"], g["type"])].append(g)

    def gold_of(event) -> dict | None:
        return next((g for g in by_report[(event.doc_id, event.type)]
                     if any(f in s or s[:50] in f for s in sentences[event.event_id] for f in _evidence_fragments(g))), None)
    return gold_of


def folder_pairs(folder: Path, workdir: Path) -> list[tuple[dict[str, str], bool]]:
    """(evidence levels, one event?) for every labelled pair of dated events of one folder."""
    from ..ingest import ingest   # (the whole pipeline: only the learner needs it here)
    gold = load_gold(folder / "gold.jsonl")
    with Store(workdir / f"{folder.name}.db") as store:
        ingest([folder / "input"], store)
        gold_of = _labeller(store, gold)
        events = [e for e in doc_events(store) if e.firm_date]
        labels = {e.event_id: gold_of(e) for e in events}
        texts = _Texts(store.connection)
        pairs = []
        for a, b in combinations(sorted(events, key=lambda e: e.event_id), 2):
            ga, gb = labels[a.event_id], labels[b.event_id]
            if a.type != b.type or a.doc_id == b.doc_id or ga is None or gb is None:
                continue
            one = ga["id"] == gb["id"] or (ga["cluster"] is not None and ga["cluster"] == gb["cluster"])
            pairs.append((evidence(a, b, texts.reports(a.doc_id, b.doc_id)), one))
    return pairs


def estimate(pairs: list[tuple[dict[str, str], bool]]) -> MergeModel:
    """Match weights as in Fellegi and Sunter (and splink): for each level of each kind of
    evidence, log(m/u), m its share among pairs that are one event and u among pairs that are
    two (add-one smoothed); the bias is the prior log-odds. Read from every labelled pair, vetoed
    or not, so that each level's weight rests on as many pairs as there are."""
    ones = [levels for levels, one in pairs if one]
    twos = [levels for levels, one in pairs if not one]
    weights: dict[str, dict[str, float]] = {}
    for kind in EVIDENCE:
        seen = sorted({levels[kind] for levels, _ in pairs})
        m = Counter(levels[kind] for levels in ones)
        u = Counter(levels[kind] for levels in twos)
        weights[kind] = {level: round(math.log((m[level] + 1) / (len(ones) + len(seen))) -
                                      math.log((u[level] + 1) / (len(twos) + len(seen))), 4) for level in seen}
    bias = round(math.log((len(ones) + 1) / (len(twos) + 1)), 4)
    return MergeModel(bias=bias, weights=weights, threshold=0.5)


def _f_beta(precision: float, recall: float) -> float:
    beta2 = 1.0 / BETA_INVERSE ** 2
    return (1 + beta2) * precision * recall / (beta2 * precision + recall) if precision + recall else 0.0


def fit(pairs_by_folder: dict[str, list]) -> tuple[MergeModel, dict]:
    """The weights from every folder, the threshold chosen with each folder left out in turn
    (scored on the left-out folder's pairs the stage weighs, those no veto rules out), and the
    left-out measurements at each threshold."""
    scored: list[tuple[float, bool]] = []
    for folder in sorted(pairs_by_folder):
        model = estimate([pair for other, pairs in pairs_by_folder.items() if other != folder for pair in pairs])
        scored += [(model.probability(levels), one) for levels, one in pairs_by_folder[folder] if veto(levels) is None]
    measured = {}
    for t in _THRESHOLDS:
        merged = [one for p, one in scored if p >= t]
        ones = sum(1 for _, one in scored if one)
        measured[str(t)] = {"merged": len(merged), "right": sum(merged), "one_event_pairs": ones,
                            "precision": round(sum(merged) / max(1, len(merged)), 3), "recall": round(sum(merged) / max(1, ones), 3)}
    threshold = max(_THRESHOLDS, key=lambda t: (_f_beta(measured[str(t)]["precision"], measured[str(t)]["recall"]), t))
    model = estimate([pair for pairs in pairs_by_folder.values() for pair in pairs])
    return MergeModel(bias=model.bias, weights=model.weights, threshold=threshold), measured


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eventscribe.learn.merge", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=Path, default=DEFAULT_REPORTS, help="folder of training report folders (t1 …)")
    ap.add_argument("--out", type=Path, default=MODEL_PATH, help="where the weights go")
    ap.add_argument("--no-write", action="store_true", help="fit and measure, but write nothing")
    args = ap.parse_args(argv)
    folders = sorted(p for p in args.reports.iterdir() if (p / "gold.jsonl").exists())
    with tempfile.TemporaryDirectory() as workdir:
        pairs_by_folder = {}
        for number, folder in enumerate(folders, start=1):
            pairs_by_folder[folder.name] = folder_pairs(folder, Path(workdir))
            print(f"[{number}/{len(folders)}] {folder.name}: {len(pairs_by_folder[folder.name])} pairs", file=sys.stderr)
    model, measured = fit(pairs_by_folder)
    pairs = [pair for found in pairs_by_folder.values() for pair in found]
    report = {**model.to_json(), "fitted_on": {"folders": len(folders), "pairs": len(pairs),
                                               "one_event_pairs": sum(1 for _, one in pairs if one)},
              "left_out_folders": measured}
    print(json.dumps({"threshold": model.threshold, **report["fitted_on"],
                      "left_out_at_threshold": measured[str(model.threshold)]}, indent=1))
    if not args.no_write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
