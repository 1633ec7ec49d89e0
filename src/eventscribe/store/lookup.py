"""Rows for many ids at once, in chunks that stay under the databases' parameter limits."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

CHUNK = 500


def rows_for_ids(connection, sql: str, ids: Iterable[str]) -> Iterator:
    """The rows of `sql` for every id; `sql` holds one `{ids}` where the placeholders go
    ("... WHERE event_id IN ({ids}) ..."). Order holds within each chunk of ids."""
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        yield from connection.execute(sql.format(ids=",".join("?" * len(chunk))), chunk)
