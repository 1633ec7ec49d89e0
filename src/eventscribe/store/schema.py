"""The store's schema as numbered migrations; `migrate` brings any older file up to date."""
from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: documents, mentions with their participants, events with their actors.
    """
    CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        url TEXT, outlet TEXT, title TEXT,
        published TEXT, published_basis TEXT,
        source_path TEXT, language TEXT,
        text TEXT NOT NULL,
        stats TEXT
    );
    CREATE INDEX documents_hash ON documents(content_hash);
    CREATE TABLE entities (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,
        sentence INTEGER
    );
    CREATE INDEX entities_doc ON entities(doc_id);
    CREATE TABLE mentions (
        mention_id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        event_id TEXT,
        type TEXT NOT NULL, mode TEXT, modality TEXT NOT NULL,
        trigger TEXT, trigger_start INTEGER, trigger_end INTEGER,
        sentence_index INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL,
        date TEXT, date_precision TEXT, date_expression TEXT, date_basis TEXT,
        place_name TEXT, place_country TEXT, place_lat REAL, place_lon REAL, place_expression TEXT
    );
    CREATE INDEX mentions_doc ON mentions(doc_id);
    CREATE INDEX mentions_event ON mentions(event_id);
    CREATE TABLE mention_participants (
        mention_id TEXT NOT NULL REFERENCES mentions(mention_id) ON DELETE CASCADE,
        position INTEGER NOT NULL, name TEXT NOT NULL, role TEXT, title TEXT, affiliation TEXT,
        kind TEXT, start INTEGER, "end" INTEGER
    );
    CREATE INDEX participants_mention ON mention_participants(mention_id);
    CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        type TEXT NOT NULL, mode TEXT,
        date TEXT, date_precision TEXT, date_expression TEXT, date_basis TEXT,
        location_name TEXT, location_country TEXT, lat REAL, lon REAL,
        confidence REAL, mention_count INTEGER, source_count INTEGER, merge_reason TEXT
    );
    CREATE INDEX events_type_date ON events(type, date);
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        position INTEGER NOT NULL, actor_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT,
        title TEXT, affiliation TEXT, kind TEXT
    );
    CREATE INDEX event_actors_event ON event_actors(event_id);
    CREATE INDEX event_actors_name ON event_actors(name);
    """,
]


def current_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection) -> int:
    """Apply every migration the file has not seen, each in its own transaction."""
    version = current_version(connection)
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        with connection:
            connection.executescript(f"BEGIN; {script} PRAGMA user_version = {number}; COMMIT;")
    return current_version(connection)
