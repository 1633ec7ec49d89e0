"""Write event records to files. JSONL keeps the nested record; CSV and Parquet flatten it."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..textsafety import csv_row

FORMATS = ("jsonl", "csv", "parquet")


def _flat(record: dict) -> dict:
    location = record.get("location") or {}
    return {
        "event_id": record["event_id"], "type": record["type"], "mode": record["mode"],
        "date": record["date"], "date_precision": record["date_precision"],
        "actors": "; ".join(a["name"] for a in record["actors"]),
        "actor_ids": "; ".join(a["actor_id"] for a in record["actors"]),
        "location": location.get("name"), "country": location.get("country"),
        "lat": location.get("lat"), "lon": location.get("lon"), "confidence": record["confidence"],
        "source_count": record.get("source_count"),
        "doc_ids": "; ".join(sorted({m["doc_id"] for m in record["mentions"]})),
        "evidence": " | ".join(m["sentence"] for m in record["mentions"]),
        "record": json.dumps(record, ensure_ascii=False),
    }


def write_events(records: Iterable[dict], path: str | Path, fmt: str) -> int:
    path = Path(path)
    records = list(records)
    path.parent.mkdir(parents=True, exist_ok=True)    # -o some/new/folder/events.jsonl
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        # A spreadsheet opens this: no cell may start a formula (Parquet keeps the text as is).
        pd.DataFrame([csv_row(_flat(r)) for r in records]).to_csv(path, index=False)
    elif fmt == "parquet":
        pd.DataFrame([_flat(r) for r in records]).to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return len(records)
