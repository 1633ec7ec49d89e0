"""A whole store as Parquet, and back: every table in its own folder, the big ones (mentions,
document events, events) partitioned by event type, as Spark and archive tools read them.
Importing the folder into an empty store, on either backend, gives the same events.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

# Parents before children, so that foreign keys hold while importing.
TABLES = ("documents", "entities", "mentions", "mention_participants", "doc_events", "doc_event_actors",
          "events", "event_actors", "actors", "actor_aliases", "actor_titles", "actor_overrides",
          "dictionary_entries")
_PARTITIONED = {"mentions": "type", "doc_events": "type", "events": "type"}


def _columns(connection, table: str) -> list[str]:
    cursor = connection.execute(f"SELECT * FROM {table} WHERE 1 = 0")
    return [column[0] for column in cursor.description]


def write_partitioned(store, folder: str | Path) -> dict[str, int]:
    """Write every table; a rerun replaces what an earlier one wrote. Returns rows per table."""
    folder = Path(folder)
    written = {}
    for table in TABLES:
        columns = _columns(store.connection, table)
        order = ", ".join(f'"{c}"' for c in columns)
        rows = store.connection.execute(f"SELECT {order} FROM {table} ORDER BY {order}").fetchall()
        values = {name: [row[i] for row in rows] for i, name in enumerate(columns)}
        data = pa.table({name: pa.array(column, type=_type_of(column)) for name, column in values.items()})
        target = folder / table
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        if table in _PARTITIONED and rows:
            pq.write_to_dataset(data, target, partition_cols=[_PARTITIONED[table]])
        else:
            pq.write_table(data, target / "part-0.parquet")
        written[table] = len(rows)
    return written


def _type_of(column: list) -> pa.DataType:
    present = [value for value in column if value is not None]
    if present and all(isinstance(value, int) for value in present):
        return pa.int64()
    if present and all(isinstance(value, (int, float)) for value in present):
        return pa.float64()
    return pa.string()


def read_partitioned(store, folder: str | Path) -> dict[str, int]:
    """Load a folder written by `write_partitioned` into an empty store, then make its events
    searchable. Returns rows per table."""
    folder = Path(folder)
    if store.connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]:
        raise ValueError(f"{store.path}: the store is not empty; import into a new one")
    loaded = {}
    with store.connection:
        for table in TABLES:
            columns = _columns(store.connection, table)
            records = pq.read_table(folder / table).to_pylist() if (folder / table).exists() else []
            if records:
                marks = ",".join("?" * len(columns))
                quoted = ", ".join(f'"{c}"' for c in columns)
                store.connection.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})",
                                             [tuple(record.get(c) for c in columns) for record in records])
            loaded[table] = len(records)
        events = store.connection.execute("SELECT event_id FROM events").fetchall()
        store.connection.executemany(store.connection.dialect.index_event, [(row[0],) for row in events])
    return loaded
