"""Date-value check on TempEval-3 platinum: normalise each gold TIMEX3 expression against its
document creation time and compare with the gold value (value F1, as in TempEval-3 task A);
and end to end: the product's own expression finder on each document's raw text, its spans
(strict and relaxed) and values scored against the gold TIMEX3s.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from ..timeparse import find_expressions, resolve_timex

_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"', re.S)
_TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def load(folder: str | Path) -> list[tuple[dt.date, str, str, str]]:
    """(creation date, expression, gold type, gold value) for every non-DCT TIMEX3."""
    items = []
    for path in sorted(Path(folder).glob("*.tml")):
        text = path.read_text(encoding="utf-8")
        match = _DCT.search(text) or re.search(r'<DCT>.*?value="([^"]+)"', text, re.S)
        created = dt.date.fromisoformat(match.group(1)[:10])
        for timex in _TIMEX.finditer(text):
            attrs = dict(_ATTR.findall(timex.group(1)))
            if attrs.get("functionInDocument") == "CREATION_TIME":
                continue
            expression = html.unescape(re.sub(r"<[^>]+>", "", timex.group(2)))
            items.append((created, expression, attrs.get("type", ""), attrs.get("value", "")))
    return items


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


def load_documents(folder: str | Path) -> list[tuple[dt.date, str, list[tuple[int, int, str]]]]:
    """(creation date, the TEXT element as plain text, gold (start, end, value) spans in it)."""
    documents = []
    for path in sorted(Path(folder).glob("*.tml")):
        marked = path.read_text(encoding="utf-8")
        created = dt.date.fromisoformat((_DCT.search(marked) or re.search(r'<DCT>.*?value="([^"]+)"', marked, re.S)).group(1)[:10])
        body = marked[marked.index("<TEXT>") + len("<TEXT>"): marked.index("</TEXT>")]
        plain, gold, opened, position = [], [], None, 0
        for tag in _TAG.finditer(body):
            plain.append(html.unescape(body[position:tag.start()]))
            position = tag.end()
            length = sum(len(part) for part in plain)
            if tag.group(2) == "TIMEX3" and not tag.group(1):
                opened = (length, dict(_ATTR.findall(tag.group(3))).get("value", ""))
            elif tag.group(2) == "TIMEX3" and opened is not None:
                gold.append((opened[0], length, opened[1]))
                opened = None
        plain.append(html.unescape(body[position:]))
        documents.append((created, "".join(plain), gold))
    return documents


def _f1(right: int, predicted: int, gold: int) -> float:
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate_end_to_end(folder: str | Path) -> dict:
    """Spans found by `find_expressions` on the raw text (strict: the same characters;
    relaxed: overlapping) and their values (`resolve_timex` against the creation date)."""
    strict = relaxed = valued = predicted = gold_count = 0
    for created, text, gold in load_documents(folder):
        found = [(start, end, resolve_timex(words, created)) for start, end, words in find_expressions(text)]
        predicted += len(found)
        gold_count += len(gold)
        for start, end, value in gold:
            overlapping = [f for f in found if f[0] < end and start < f[1]]
            strict += any((f[0], f[1]) == (start, end) for f in overlapping)
            relaxed += bool(overlapping)
            valued += any(f[2] == value for f in overlapping)
    return {"span_f1_strict": round(100 * _f1(strict, predicted, gold_count), 1),
            "span_f1_relaxed": round(100 * _f1(relaxed, predicted, gold_count), 1),
            "value_f1": round(100 * _f1(valued, predicted, gold_count), 1),
            "gold": gold_count, "found": predicted}


def evaluate(folder: str | Path) -> dict:
    items = load(folder)
    answered = correct = 0
    for created, expression, _kind, gold in items:
        value = resolve_timex(expression, created)
        if value is None:
            continue
        answered += 1
        correct += value == gold
    precision = correct / answered if answered else 0.0
    recall = correct / len(items) if items else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"value_f1": round(100 * f1, 1), "precision": round(precision, 4), "recall": round(recall, 4),
            "expressions": len(items), "answered": answered, "correct": correct} | {
            f"end_to_end_{key}": value for key, value in evaluate_end_to_end(folder).items()}
