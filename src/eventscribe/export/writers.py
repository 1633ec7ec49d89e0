"""Write event records to files. JSONL keeps the nested record; CSV and Parquet flatten it."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..textsafety import csv_row

FORMATS = ("jsonl", "csv", "parquet")
_COLUMNS = ["event_id", "type", "mode", "date", "date_precision", "actors", "actor_ids", "location", "country",
            "lat", "lon", "confidence", "source_count", "doc_ids", "evidence", "record"]


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
    """Write the records; JSONL and CSV one at a time as they come (a whole store need not fit
    in memory), Parquet as one table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)    # -o some/new/folder/events.jsonl
    written = 0
    if fmt == "parquet":
        rows = [_flat(r) for r in records]
        pd.DataFrame(rows, columns=_COLUMNS).to_parquet(path, index=False)
        return len(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=_COLUMNS) if fmt == "csv" else None
        if writer is not None:
            writer.writeheader()
        for record in records:
            if writer is not None:
                # A spreadsheet opens this: no cell may start a formula (Parquet keeps the text as is).
                writer.writerow(csv_row(_flat(record)))
            else:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written
