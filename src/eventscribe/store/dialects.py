"""The few SQL phrases that differ between the store's backends. Everything else is written
once, in the SQL both SQLite and PostgreSQL speak, with `?` placeholders."""
from __future__ import annotations

from dataclasses import dataclass

# Filters match words anywhere in a name with LIKE; the words are a user's, so their % and _
# must match themselves, not any text: escaped with this character, named in every LIKE.
LIKE_ESCAPE = "\\"


def like_pattern(words: str) -> str:
    """The LIKE pattern for `words` anywhere in a text, with %, _ and the escape literal."""
    escaped = "".join(LIKE_ESCAPE + c if c in ("%", "_", LIKE_ESCAPE) else c for c in words)
    return f"%{escaped}%"


@dataclass(frozen=True)
class Dialect:
    name: str
    like: str                   # case-insensitive LIKE
    concat_sentences: str       # the sentences of a merged event's mentions, as one text
    insert_ignore: str          # "INSERT ... VALUES" that skips a row whose key exists: {table}, {values}
    search_events: str          # event ids whose evidence matches ? (words, each quoted)
    index_event: str            # make one merged event (?) searchable

    def contains(self, column: str) -> str:
        """`column` matches a ? given as like_pattern(words), in any case."""
        return f"{column} {self.like} ? ESCAPE '{LIKE_ESCAPE}'"


SQLITE = Dialect(
    name="sqlite",
    like="LIKE",
    concat_sentences="group_concat(m.sentence, ' ')",
    insert_ignore="INSERT OR IGNORE INTO {table} VALUES ({values})",
    search_events="SELECT e2.event_id FROM event_search s JOIN events e2 ON e2.rowid = s.rowid"
                  " WHERE event_search MATCH ?",
    index_event="INSERT INTO event_search(rowid, sentences) SELECT e.rowid, (SELECT group_concat(m.sentence, ' ')"
                " FROM doc_events de JOIN mentions m ON m.event_id = de.event_id WHERE de.cluster_id = e.event_id)"
                " FROM events e WHERE e.event_id = ?",
)

POSTGRES = Dialect(
    name="postgresql",
    like="ILIKE",
    concat_sentences="string_agg(m.sentence, ' ')",
    insert_ignore="INSERT INTO {table} VALUES ({values}) ON CONFLICT DO NOTHING",
    search_events="SELECT event_id FROM event_search WHERE document @@ plainto_tsquery('simple', ?)",
    index_event="INSERT INTO event_search(event_id, document) SELECT e.event_id, to_tsvector('simple',"
                " coalesce((SELECT string_agg(m.sentence, ' ') FROM doc_events de JOIN mentions m"
                " ON m.event_id = de.event_id WHERE de.cluster_id = e.event_id), ''))"
                " FROM events e WHERE e.event_id = ?",
)
