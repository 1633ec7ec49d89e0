"""HTML main-text check on the Zyte article-extraction benchmark: token F1 of the text our
reader extracts against the ground-truth article body, averaged over pages."""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from ..read.decode import decode_bytes
from ..read.html import extract_main_text

_TOKEN = re.compile(r"\w+", re.UNICODE)


def token_f1(predicted: str, truth: str) -> tuple[float, float, float]:
    pred, gold = Counter(_TOKEN.findall(predicted.lower())), Counter(_TOKEN.findall(truth.lower()))
    overlap = sum((pred & gold).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(gold.values()) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(folder: str | Path) -> dict:
    folder = Path(folder)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for page_id, record in sorted(truth.items()):
        path = folder / "html" / f"{page_id}.html.gz"
        html, _ = decode_bytes(gzip.decompress(path.read_bytes()))
        text = extract_main_text(html) or ""
        scores.append(token_f1(text, record["articleBody"]))
    count = len(scores)
    return {"token_f1": round(sum(s[2] for s in scores) / count, 4),
            "precision": round(sum(s[0] for s in scores) / count, 4),
            "recall": round(sum(s[1] for s in scores) / count, 4), "pages": count}
