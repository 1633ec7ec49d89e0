"""The store's schema as numbered migrations; `migrate` brings any older file up to date."""
from __future__ import annotations

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
    # 2: cross-document resolution. Per-document events become doc_events; `events` holds the
    # merged, real-world events (one per cluster of doc_events); canonical actors; copies.
    """
    ALTER TABLE events RENAME TO doc_events;
    ALTER TABLE event_actors RENAME TO doc_event_actors;
    ALTER TABLE doc_events ADD COLUMN cluster_id TEXT;
    ALTER TABLE doc_events ADD COLUMN doc_id TEXT;
    ALTER TABLE doc_events ADD COLUMN merge_reason_in_cluster TEXT;
    CREATE INDEX doc_events_cluster ON doc_events(cluster_id);
    CREATE INDEX doc_events_doc ON doc_events(doc_id);
    ALTER TABLE documents ADD COLUMN copy_of TEXT;
    CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        type TEXT NOT NULL, mode TEXT,
        date TEXT, date_precision TEXT, date_expression TEXT, date_basis TEXT,
        location_name TEXT, location_country TEXT, lat REAL, lon REAL,
        confidence REAL, mention_count INTEGER, source_count INTEGER, merge_reason TEXT
    );
    CREATE INDEX events_type_date2 ON events(type, date);
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        position INTEGER NOT NULL, actor_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT,
        title TEXT, affiliation TEXT, kind TEXT
    );
    CREATE INDEX event_actors_event2 ON event_actors(event_id);
    CREATE INDEX event_actors_actor ON event_actors(actor_id);
    CREATE TABLE actors (
        actor_id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, sector TEXT, kb_id TEXT,
        kind TEXT, mention_count INTEGER
    );
    CREATE TABLE actor_aliases (
        actor_id TEXT NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
        alias TEXT NOT NULL, count INTEGER NOT NULL
    );
    CREATE INDEX actor_aliases_alias ON actor_aliases(alias);
    CREATE TABLE actor_titles (
        actor_id TEXT NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
        title TEXT NOT NULL, first_seen TEXT, last_seen TEXT, count INTEGER NOT NULL
    );
    CREATE TABLE actor_overrides (
        position INTEGER PRIMARY KEY, action TEXT NOT NULL, first TEXT NOT NULL, second TEXT
    );
    """,
    # 3: actor dictionaries imported by the user (PETRARCH .actors.txt or CSV).
    """
    CREATE TABLE dictionary_entries (
        position INTEGER PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL, codes TEXT NOT NULL,
        kb_id TEXT, source TEXT
    );
    """,
    # 4: full-text search over each merged event's evidence sentences (the web UI's ?q=). The
    # resolve stage writes a row with each event; deleting an event deletes its row.
    """
    CREATE VIRTUAL TABLE event_search USING fts5(sentences);
    INSERT INTO event_search(rowid, sentences)
        SELECT e.rowid, group_concat(m.sentence, ' ') FROM events e
        JOIN doc_events de ON de.cluster_id = e.event_id JOIN mentions m ON m.event_id = de.event_id
        GROUP BY e.rowid;
    CREATE TRIGGER events_unsearchable AFTER DELETE ON events BEGIN
        DELETE FROM event_search WHERE rowid = old.rowid;
    END;
    CREATE INDEX events_date_id ON events(date, event_id);
    CREATE INDEX events_country ON events(location_country);
    """,
    # 5: the detector's calibrated P(the trigger names an event), kept on each mention.
    """
    ALTER TABLE mentions ADD COLUMN p_event REAL;
    """,
    # 6: stories. Each report's fingerprint terms (fingerprint.py), those it is searched by
    # marked, indexed by term to find the reports that share one; the story (reports of one real
    # happening) resolve put it in.
    """
    CREATE TABLE doc_terms (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        term TEXT NOT NULL, weight REAL NOT NULL, search INTEGER NOT NULL
    );
    CREATE INDEX doc_terms_term ON doc_terms(term);
    CREATE INDEX doc_terms_doc ON doc_terms(doc_id);
    ALTER TABLE documents ADD COLUMN story_id TEXT;
    CREATE INDEX documents_story ON documents(story_id);
    """,
]


# PostgreSQL starts at the schema the SQLite migrations above reach (version 4), written in
# its own types; later versions add a step to both lists (POSTGRES_MIGRATIONS from version 5).
POSTGRES_BASELINE = 4
POSTGRES_MIGRATIONS: list[str] = [
    # 5: as SQLite's 5.
    "ALTER TABLE mentions ADD COLUMN p_event DOUBLE PRECISION;",
    # 6: as SQLite's 6.
    """
    CREATE TABLE doc_terms (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        term TEXT NOT NULL, weight DOUBLE PRECISION NOT NULL, search INTEGER NOT NULL
    );
    CREATE INDEX doc_terms_term ON doc_terms(term);
    CREATE INDEX doc_terms_doc ON doc_terms(doc_id);
    ALTER TABLE documents ADD COLUMN story_id TEXT;
    CREATE INDEX documents_story ON documents(story_id);
    """,
]
POSTGRES_SCHEMA = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, url TEXT, outlet TEXT, title TEXT,
    published TEXT, published_basis TEXT, source_path TEXT, language TEXT, text TEXT NOT NULL,
    stats TEXT, copy_of TEXT
);
CREATE INDEX documents_hash ON documents(content_hash);
CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL, sentence INTEGER
);
CREATE INDEX entities_doc ON entities(doc_id);
CREATE TABLE mentions (
    mention_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    event_id TEXT, type TEXT NOT NULL, mode TEXT, modality TEXT NOT NULL,
    trigger TEXT, trigger_start INTEGER, trigger_end INTEGER,
    sentence_index INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT NOT NULL,
    date TEXT, date_precision TEXT, date_expression TEXT, date_basis TEXT,
    place_name TEXT, place_country TEXT, place_lat DOUBLE PRECISION, place_lon DOUBLE PRECISION,
    place_expression TEXT
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE TABLE mention_participants (
    mention_id TEXT NOT NULL REFERENCES mentions(mention_id) ON DELETE CASCADE,
    position INTEGER NOT NULL, name TEXT NOT NULL, role TEXT, title TEXT, affiliation TEXT,
    kind TEXT, start INTEGER, "end" INTEGER
);
CREATE INDEX participants_mention ON mention_participants(mention_id);
CREATE TABLE doc_events (
    event_id TEXT PRIMARY KEY, type TEXT NOT NULL, mode TEXT,
    date TEXT, date_precision TEXT, date_expression TEXT, date_basis TEXT,
    location_name TEXT, location_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
    confidence DOUBLE PRECISION, mention_count INTEGER, source_count INTEGER, merge_reason TEXT,
    cluster_id TEXT, doc_id TEXT, merge_reason_in_cluster TEXT
);
CREATE INDEX doc_events_cluster ON doc_events(cluster_id);
CREATE INDEX doc_events_doc ON doc_events(doc_id);
CREATE TABLE doc_event_actors (
    event_id TEXT NOT NULL REFERENCES doc_events(event_id) ON DELETE CASCADE,
    position INTEGER NOT NULL, actor_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT,
    title TEXT, affiliation TEXT, kind TEXT
);
CREATE INDEX doc_event_actors_event ON doc_event_actors(event_id);
CREATE TABLE events (
    event_id TEXT PRIMARY KEY, type TEXT NOT NULL, mode TEXT,
    date TEXT, date_precision TEXT, date_expression TEXT, date_basis TEXT,
    location_name TEXT, location_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
    confidence DOUBLE PRECISION, mention_count INTEGER, source_count INTEGER, merge_reason TEXT
);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_date_id ON events(date, event_id);
CREATE INDEX events_country ON events(location_country);
CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    position INTEGER NOT NULL, actor_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT,
    title TEXT, affiliation TEXT, kind TEXT
);
CREATE INDEX event_actors_event ON event_actors(event_id);
CREATE INDEX event_actors_actor ON event_actors(actor_id);
CREATE TABLE actors (
    actor_id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, sector TEXT, kb_id TEXT,
    kind TEXT, mention_count INTEGER
);
CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
    alias TEXT NOT NULL, count INTEGER NOT NULL
);
CREATE INDEX actor_aliases_alias ON actor_aliases(alias);
CREATE TABLE actor_titles (
    actor_id TEXT NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
    title TEXT NOT NULL, first_seen TEXT, last_seen TEXT, count INTEGER NOT NULL
);
CREATE TABLE actor_overrides (
    position BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, action TEXT NOT NULL,
    first TEXT NOT NULL, second TEXT
);
CREATE TABLE dictionary_entries (
    position BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name TEXT NOT NULL,
    aliases TEXT NOT NULL, codes TEXT NOT NULL, kb_id TEXT, source TEXT
);
CREATE TABLE event_search (
    event_id TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE, document TSVECTOR NOT NULL
);
CREATE INDEX event_search_document ON event_search USING GIN (document);
"""


def current_version(connection) -> int:
    if connection.dialect.name == "postgresql":
        connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
        return row[0] or 0
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection) -> int:
    """Apply every migration the store has not seen, each in its own transaction."""
    if connection.dialect.name == "postgresql":
        with connection:
            # One writer at a time migrates; others wait here, then find the schema current.
            connection.execute("SELECT pg_advisory_xact_lock(7316)")
            if current_version(connection) < POSTGRES_BASELINE:
                connection.executescript(POSTGRES_SCHEMA)
                connection.execute(f"INSERT INTO schema_version VALUES ({POSTGRES_BASELINE})")
            version = current_version(connection)
            for number, script in enumerate(POSTGRES_MIGRATIONS[version - POSTGRES_BASELINE:], start=version + 1):
                connection.executescript(script)
                connection.execute(f"INSERT INTO schema_version VALUES ({number})")
        return current_version(connection)
    version = current_version(connection)
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        with connection:
            connection.executescript(f"BEGIN; {script} PRAGMA user_version = {number}; COMMIT;")
    return current_version(connection)
