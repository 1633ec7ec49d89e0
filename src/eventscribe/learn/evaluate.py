"""Measurements: grouped cross-validation on the training text, and the external PLOVER checks
(gold sets under ../shared/corpus: they only measure, nothing here trains on them)."""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import numpy as np

from ..analyze.detector import NONE, EventDetector
from ..evaluate.plover import macro_f1 as plover_macro_f1
from .data import LABELS, TYPES, Sentence
from .train import Config, build_matrix, fit_modality, fit_types

FILTER_THRESHOLDS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5)


def near_duplicate_groups(sentences: list[Sentence], jaccard: float = 0.5) -> np.ndarray:
    """Connected components of sentences whose lowercased word sets overlap >= ``jaccard``: a
    sentence and its rewordings (future, negated, hypothetical variants) land in one fold."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, s in enumerate(sentences):
        for w in {w.lower() for w in s.words if w.isalnum()}:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    B = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sentences), len(vocab)))
    sizes = np.asarray(B.sum(axis=1)).ravel()
    inter = (B @ B.T).tocoo()
    union = sizes[inter.row] + sizes[inter.col] - inter.data
    keep = (inter.data / np.maximum(union, 1) >= jaccard) & (inter.row != inter.col)
    n = len(sentences)
    graph = sp.csr_matrix((np.ones(keep.sum()), (inter.row[keep], inter.col[keep])), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def cross_validate(sentences: list[Sentence], cfg: Config, folds: int = 5, grouped: bool = True,
                   modality: bool = True) -> dict:
    from sklearn.model_selection import GroupKFold, KFold
    X, y, asserted, sent_id = build_matrix(sentences, cfg)
    probs = np.zeros((X.shape[0], len(LABELS)))
    p_asserted = np.full(X.shape[0], np.nan)
    if grouped:
        groups = near_duplicate_groups(sentences)
        splitter = GroupKFold(n_splits=folds, shuffle=True, random_state=cfg.seed)
        split = splitter.split(np.zeros(len(sentences)), groups=groups)
    else:
        groups = np.arange(len(sentences))
        split = KFold(n_splits=folds, shuffle=True, random_state=cfg.seed).split(np.zeros(len(sentences)))
    for train_s, test_s in split:
        tr = np.isin(sent_id, train_s)
        te = ~tr
        W, b = fit_types(X[tr], y[tr], cfg)
        W16 = W.astype(np.float16).astype(np.float32)   # as shipped
        logits = (X[te] @ W16 + b) / cfg.temperature
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        probs[te] = e / e.sum(axis=1, keepdims=True)
        if modality:
            a_tr = [asserted[i] for i in np.flatnonzero(tr)]
            mw, mb = fit_modality(X[tr], a_tr, cfg)
            z = X[te] @ mw.astype(np.float16).astype(np.float32) + mb
            p_asserted[te] = 1 / (1 + np.exp(-z))
    out = token_metrics(probs, y, sent_id, sentences)
    out["folds"] = folds
    out["grouping"] = f"near-duplicate groups (word-set Jaccard >= 0.5): {len(set(groups.tolist()))} groups" if grouped else "sentences shuffled"
    if modality:
        ev = np.array([a is not None for a in asserted])
        gold_a = np.array([bool(a) for a in np.array(asserted, dtype=object)[ev]])
        pred_a = p_asserted[ev] >= 0.5
        out["modality_asserted_accuracy"] = round(float((pred_a == gold_a).mean()), 4)
        out["modality_majority_baseline"] = round(float(max(gold_a.mean(), 1 - gold_a.mean())), 4)
        tp = float((pred_a & gold_a).sum())
        out["modality_non_asserted_recall"] = round(float((~pred_a & ~gold_a).sum() / max((~gold_a).sum(), 1)), 4)
        out["modality_asserted_precision"] = round(tp / max(pred_a.sum(), 1), 4)
    out["_oof"] = (probs, y, sent_id)
    return out


def token_metrics(probs: np.ndarray, y: np.ndarray, sent_id: np.ndarray, sentences: list[Sentence]) -> dict:
    none = LABELS.index(NONE)
    p_event = 1 - probs[:, none]
    gold_event = y != none
    pred = probs.argmax(axis=1)
    pred_event = pred != none
    tp = float((pred_event & gold_event).sum())
    precision = tp / max(pred_event.sum(), 1)
    recall = tp / max(gold_event.sum(), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    type_cols = np.array([i for i in range(len(LABELS)) if i != none])
    typed = type_cols[probs[gold_event][:, type_cols].argmax(axis=1)]
    type_acc = float((typed == y[gold_event]).mean())
    per_type = {}
    for t in TYPES:
        k = LABELS.index(t)
        tpk = float(((pred == k) & (y == k)).sum())
        pk = tpk / max((pred == k).sum(), 1)
        rk = tpk / max((y == k).sum(), 1)
        per_type[t] = round(2 * pk * rk / max(pk + rk, 1e-12), 3)
    # calibration of P(event): 10 equal-width bins
    bins = np.minimum((p_event * 10).astype(int), 9)
    ece = 0.0
    reliability = []
    for b in range(10):
        m = bins == b
        if m.any():
            gap = abs(p_event[m].mean() - gold_event[m].mean())
            ece += m.mean() * gap
            reliability.append((b / 10, int(m.sum()), round(float(p_event[m].mean()), 3), round(float(gold_event[m].mean()), 3)))
    # the filter: sentence passes when its max P(event) >= threshold
    n_sent = int(sent_id.max()) + 1
    sent_max = np.zeros(n_sent)
    np.maximum.at(sent_max, sent_id, p_event)
    negative = np.array([all(lab == NONE for lab in s.labels) for s in sentences])
    filt = {}
    for t in FILTER_THRESHOLDS:
        passes = sent_max >= t
        filt[str(t)] = {"trigger_token_recall": round(float(passes[sent_id[gold_event]].mean()), 4),
                        "event_sentence_recall": round(float(passes[~negative].mean()), 4),
                        "negative_sentences_filtered": round(float((~passes[negative]).mean()), 4),
                        "all_sentences_filtered": round(float((~passes).mean()), 4)}
    # typing threshold: precision / recall of "event" when P(event) >= t (token level)
    typing = {}
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        pe = p_event >= t
        tpt = float((pe & gold_event).sum())
        typing[str(t)] = {"precision": round(tpt / max(pe.sum(), 1), 4), "recall": round(tpt / max(gold_event.sum(), 1), 4)}
    # trigger level: an event is found when a token of its trigger is predicted as an event, and
    # typed right when the most probable token of the span has its type
    first_row = np.searchsorted(sent_id, np.arange(n_sent))
    found = typed_right = n_events = 0
    for s_i, s in enumerate(sentences):
        for idx, etype, _mod in s.spans:
            rows = first_row[s_i] + np.asarray(idx, dtype=np.int64)
            n_events += 1
            found += bool(pred_event[rows].any())
            best = rows[p_event[rows].argmax()]
            typed_right += LABELS[type_cols[probs[best, type_cols].argmax()]] == etype
    nll = float(-np.log(np.maximum(probs[np.arange(len(y)), y], 1e-12)).mean())
    return {"tokens": int(len(y)), "trigger_tokens": int(gold_event.sum()),
            "detection": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)},
            "type_accuracy_on_gold_triggers": round(type_acc, 4),
            "trigger_level": {"events": n_events, "found": round(found / max(n_events, 1), 4),
                              "type_accuracy": round(typed_right / max(n_events, 1), 4)},
            "macro_f1_types": round(float(np.mean(list(per_type.values()))), 4),
            "per_type_f1": per_type, "ece_p_event": round(float(ece), 4), "nll": round(nll, 4),
            "reliability": reliability, "filter": filt, "typing_threshold": typing,
            "negative_sentences": int(negative.sum())}


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    """Macro-F1 over the gold labels, as the product's PLOVER check computes it."""
    return plover_macro_f1(gold, predicted)[0]


_YIELD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
# PLOVER 0.5 names in PLOVER_GSR_CAMEO.txt -> the PLOVER 2 / POLECAT type that absorbed them
GSR_OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def external(detector: EventDetector, corpus: Path) -> dict:
    out = {}
    plv = corpus / "plover" / "plv_sentences.csv"
    if plv.exists():
        with plv.open(newline="", encoding="utf-8") as handle:
            rows = [(r["text"], r["label"]) for r in csv.DictReader(handle) if "split=test" in r["meta"]]
        gold = [label for _, label in rows]
        pred, conf = [], []
        for text, _ in rows:
            label, p = detector.sentence_type(text)
            pred.append(_YIELD.get(label, label))
            conf.append(p)
        acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
        out["plover_test"] = {"sentences": len(rows), "accuracy": round(acc, 4),
                              "macro_f1": round(macro_f1(gold, pred), 4),
                              "below_0.5": sum(c < 0.5 for c in conf)}
    gsr = corpus / "plover" / "PLOVER_GSR_CAMEO.txt"
    if gsr.exists():
        records = [r for r in json.loads(gsr.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT" and r.get("text")]
        gold = [GSR_OLD_NAMES.get(r["event"], r["event"]) for r in records]
        pred = [detector.sentence_type(r["text"])[0] for r in records]
        acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
        keep = [i for i, r in enumerate(records) if r["event"] != "INVESTIGATE"]
        acc_noinv = sum(gold[i] == pred[i] for i in keep) / len(keep)
        out["plover_gsr_cameo"] = {"sentences": len(records), "type_accuracy": round(acc, 4),
                                   "macro_f1": round(macro_f1(gold, pred), 4),
                                   "type_accuracy_without_INVESTIGATE": round(acc_noinv, 4),
                                   "old_names_mapped": GSR_OLD_NAMES, "confusions": Counter(
                                       f"{g}->{p}" for g, p in zip(gold, pred) if g != p).most_common(8)}
    return out
