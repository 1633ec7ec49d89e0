"""Write event records to files, streamed as the store yields them wherever the format allows:
JSONL (the nested record of DESIGN.md), CSV in a flat layout with its codebook beside it,
Parquet keeping the record's nesting (actors and mentions as lists of structs), GeoJSON of the
events that have a place, and the actor network as GEXF or GraphML (layouts.py, network.py)."""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..textsafety import csv_row
from .layouts import Layout, codebook, row
from .network import write_network

FORMATS = ("jsonl", "csv", "parquet", "geojson", "gexf", "graphml")
FLAT_FORMATS = ("csv",)            # the formats a --layout applies to
_BATCH = 1000                      # records per Parquet row group

_ACTOR = pa.struct([("name", pa.string()), ("role", pa.string()), ("actor_id", pa.string()),
                    ("aliases", pa.list_(pa.string())), ("title", pa.string()), ("affiliation", pa.string()),
                    ("country", pa.string()), ("sector", pa.string()), ("kb_id", pa.string())])
_MENTION = pa.struct([("doc_id", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
                      ("published", pa.string()), ("sentence", pa.string()), ("start", pa.int64()),
                      ("end", pa.int64()), ("modality", pa.string()), ("trigger", pa.string()),
                      ("trigger_start", pa.int64()), ("trigger_end", pa.int64()),
                      ("date_expression", pa.string()), ("date_basis", pa.string()), ("p_event", pa.float64()),
                      ("copy_of", pa.string()), ("story_id", pa.string())])
# The record's fields as columns; merge_reason varies in shape, so it stays a JSON text.
EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("type", pa.string()), ("mode", pa.string()), ("actors", pa.list_(_ACTOR)),
    ("date", pa.string()), ("date_precision", pa.string()), ("date_expression", pa.string()),
    ("date_basis", pa.string()),
    ("location", pa.struct([("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64())])),
    ("confidence", pa.float64()), ("source_count", pa.int64()), ("merge_reason", pa.string()),
    ("mentions", pa.list_(_MENTION))])


def write_events(records: Iterable[dict], path: str | Path, fmt: str, layout: Layout | str = Layout.EVENTSCRIBE) -> int:
    """Write the records to `path` in `fmt`; returns how many events were written (for a
    network, the events it was drawn from)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    layout = Layout(layout)
    if layout is not Layout.EVENTSCRIBE and fmt not in FLAT_FORMATS:
        raise ValueError(f"a layout other than eventscribe is a set of flat columns: use it with {', '.join(FLAT_FORMATS)}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)    # -o some/new/folder/events.jsonl
    # written beside the target and moved over it at the end: a run that fails (a bad filter,
    # a full disk) leaves an earlier file of that name as it was
    partial = path.with_name(path.name + ".part")
    try:
        if fmt == "parquet":
            written = _parquet(records, partial)
        elif fmt in ("gexf", "graphml"):
            written = write_network(records, partial, fmt)
        elif fmt == "csv":
            written = _csv(records, partial, layout, codebook_path(path))
        elif fmt == "geojson":
            written = _geojson(records, partial)
        else:
            written = _jsonl(records, partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, path)
    return written


def codebook_path(path: str | Path) -> Path:
    """events.csv -> events.codebook.csv"""
    path = Path(path)
    return path.with_name(path.stem + ".codebook.csv")


def _jsonl(records: Iterable[dict], path: Path) -> int:
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written


def _csv(records: Iterable[dict], path: Path, layout: Layout, book_path: Path) -> int:
    """One row per event; a spreadsheet opens this, so no cell may start a formula (Parquet
    keeps the text as it is). The codebook says what each column holds."""
    book = codebook(layout)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[c["column"] for c in book])
        writer.writeheader()
        for record in records:
            writer.writerow(csv_row(row(record, layout)))
            written += 1
    with book_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["column", "meaning"])
        writer.writeheader()
        writer.writerows(csv_row(entry) for entry in book)
    return written


def _parquet_row(record: dict) -> dict:
    values = {name: record.get(name) for name in EVENT_SCHEMA.names}
    values["merge_reason"] = json.dumps(record["merge_reason"], ensure_ascii=False) if record.get("merge_reason") else None
    return values


def _batches(records: Iterable[dict]) -> Iterator[list[dict]]:
    iterator = iter(records)
    while batch := list(islice(iterator, _BATCH)):
        yield batch


def _parquet(records: Iterable[dict], path: Path) -> int:
    written = 0
    with pq.ParquetWriter(path, EVENT_SCHEMA) as writer:
        for batch in _batches(records):
            writer.write_table(pa.Table.from_pylist([_parquet_row(r) for r in batch], schema=EVENT_SCHEMA))
            written += len(batch)
    return written


def _feature(record: dict) -> dict:
    location = record["location"]
    sides = [{"name": a["name"], "role": a["role"], "actor_id": a["actor_id"], "country": a["country"]}
             for a in record["actors"]]
    return {"type": "Feature", "id": record["event_id"],
            "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
            "properties": {"event_id": record["event_id"], "type": record["type"], "mode": record["mode"],
                           "date": record["date"], "date_precision": record["date_precision"],
                           "place": location["name"], "place_country": location["country"],
                           "actors": sides, "confidence": record["confidence"],
                           "source_count": record.get("source_count"),
                           "reports": sorted({m["doc_id"] for m in record["mentions"]})}}


def _geojson(records: Iterable[dict], path: Path) -> int:
    """A FeatureCollection (RFC 7946: longitude first) of the events that have coordinates;
    events without a known place are left out."""
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [')
        for record in records:
            location = record["location"] or {}
            if location.get("lat") is None or location.get("lon") is None:
                continue
            handle.write(("," if written else "") + "\n" + json.dumps(_feature(record), ensure_ascii=False))
            written += 1
        handle.write("\n]}\n")
    return written
