"""Date-value check on TempEval-3 platinum: normalise each gold TIMEX3 expression against its
document creation time and compare with the gold value (value F1, as in TempEval-3 task A).
"""
from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from ..timeparse import resolve_timex

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
            "expressions": len(items), "answered": answered, "correct": correct}
