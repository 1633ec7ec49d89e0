"""PostgreSQL behind the same small connection surface the store uses with SQLite: `execute`
and `executemany` with `?` placeholders, rows readable by name and by position, `with
connection:` as one transaction. Needs psycopg 3 (pip install -e ".[postgres]").

The database should use the C collation (`createdb --locale=C` or `initdb --no-locale`), so that
ordered text comes out in the same order as from SQLite.
"""
from __future__ import annotations

import re

from .dialects import POSTGRES

_PLACEHOLDER = re.compile(r"\?")


def _to_psycopg(sql: str) -> str:
    """'?' placeholders to psycopg's '%s' (a literal '%' doubled). The store's SQL keeps no '?'
    inside literals: parameters carry all the text."""
    return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))


class Row(tuple):
    """A result row: row[0] and row["name"], and dict(row) gives the named columns."""

    names: tuple[str, ...] = ()

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self) -> tuple[str, ...]:
        return self.names


def _row_factory(cursor):
    names = tuple(column.name for column in cursor.description or ())
    row_type = type("Row", (Row,), {"names": names, "__slots__": ()})
    return lambda values: row_type(values)


class PostgresConnection:
    dialect = POSTGRES

    def __init__(self, url: str):
        import psycopg
        self.raw = psycopg.connect(url, row_factory=_row_factory)

    def execute(self, sql: str, params=()):
        if not params:
            return self.raw.execute(sql)
        return self.raw.execute(_to_psycopg(sql), tuple(params))

    def stream(self, sql: str, params=()):
        """Rows read from the server a batch at a time (a named, server-side cursor), where
        `execute` would bring every row over at once."""
        self._streams = getattr(self, "_streams", 0) + 1
        cursor = self.raw.cursor(name=f"eventscribe_stream_{self._streams}")
        cursor.execute(_to_psycopg(sql), tuple(params))
        return cursor

    def executemany(self, sql: str, rows) -> None:
        rows = [tuple(row) for row in rows]
        if rows:
            with self.raw.cursor() as cursor:
                cursor.executemany(_to_psycopg(sql), rows)

    def executescript(self, script: str) -> None:
        self.raw.execute(script)

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.raw.commit()
        else:
            self.raw.rollback()

    def close(self) -> None:
        self.raw.close()
