"""One suite, every store backend: SQLite and PostgreSQL hold the same events for the same
reports, incremental runs and reruns behave the same, and the web app reads both."""
import json
import shutil

import pytest

from conftest import EXAMPLES

from eventscribe.ingest import ingest
from eventscribe.store import Store


def _records(location):
    with Store(location) as store:
        return [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in store.iter_records()]


def _ingest(paths, location):
    with Store(location) as store:
        return ingest(paths, store)


@pytest.mark.parametrize("part", ["seeds", "world-dev/input"])
def test_corpora_give_the_same_events_on_every_backend(corpus, tmp_path, store_location, part):
    reference = tmp_path / "reference.db"
    _ingest([corpus / part], reference)
    report = _ingest([corpus / part], store_location)
    assert report.stats["stored new"] >= 5
    assert _records(store_location) == _records(reference)
    again = _ingest([corpus / part], store_location)       # a rerun changes nothing
    assert again.stats["unchanged"] == report.stats["stored new"] and _records(store_location) == _records(reference)


def test_incremental_ingest_equals_one_ingest(corpus, store_location, tmp_path):
    files = sorted((corpus / "seeds").iterdir())
    for part in (files[:2], files[2:]):
        _ingest(part, store_location)
    once = tmp_path / "once.db"
    _ingest(files, once)
    assert _records(store_location) == _records(once)


def test_readers_see_old_events_until_changed_reports_are_resolved(tmp_path, store_location):
    """A re-ingest of changed texts swaps their old and new merged events in one transaction:
    a second connection reading while the reports are stored sees the old events, whole."""
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    db = store_location
    with Store(db) as store:
        ingest([folder], store)
        before = sorted(row[0] for row in store.connection.execute("SELECT event_id FROM events"))
    assert len(before) >= 3
    for path in folder.glob("*.txt"):       # the same events, told with one more sentence
        path.write_text(path.read_text() + "\nOfficials gave no further details.\n")
    seen_while_storing = []

    def read_events(done: int, total: int) -> None:
        with Store(db, read_only=True) as reader:
            seen_while_storing.append(sorted(r[0] for r in reader.connection.execute("SELECT event_id FROM events")))

    with Store(db) as store:
        report = ingest([folder], store, on_progress=read_events)
        after = sorted(row[0] for row in store.connection.execute("SELECT event_id FROM events"))
    assert report.stats["stored changed"] == 2 and len(seen_while_storing) == 1 + report.stats["read"] - report.stats["unchanged"]
    assert all(seen == before for seen in seen_while_storing)
    assert len(after) == len(before)


def test_actors_overrides_and_search_on_every_backend(corpus, store_location):
    from eventscribe.resolve import resolve
    from eventscribe.store import resolution
    _ingest([corpus / "seeds"], store_location)
    with Store(store_location) as store:
        lavrentiev = store.actor("Lavrenteev")
        assert lavrentiev and len(lavrentiev["aliases"]) >= 2
        assert [a["actor_id"] for a in store.actors(search="lavrent")] == [lavrentiev["actor_id"]]
        resolution.add_override(store.connection, "rename", lavrentiev["name"], "A. Lavrentiev (envoy)")
        resolve(store, full=True)
        assert store.actor(lavrentiev["actor_id"])["name"] == "A. Lavrentiev (envoy)"
        consult = store.query_events(type="CONSULT", actor="Lavrentiev", since="2018", until="2018-12")
        assert consult and all(e["date"].startswith("2018") for e in consult)


def test_web_app_reads_every_backend(corpus, store_location):
    from starlette.testclient import TestClient

    from eventscribe.web.app import create_app
    _ingest([corpus / "seeds"], store_location)
    client = TestClient(create_app(store_location), base_url="http://127.0.0.1")   # a Host the app answers to
    listing = client.get("/events.json", params={"q": "Damascus", "actor": "Lavrentyev"}).json()
    assert listing["total"] >= 1
    event = client.get(f"/events/{listing['events'][0]['event_id']}.json").json()
    assert event["mentions"] and any(p["mark"] == "trigger" for p in event["mentions"][0]["pieces"])
    assert client.get("/timeline.json").json()["events"] and client.get("/map.json").json()["places"]
    actor = listing["events"][0]["actors"][0]["actor_id"]
    assert client.get(f"/actors/{actor}.json").json()["network"]["nodes"]


def test_parquet_export_and_import_give_the_same_events(corpus, tmp_path, store_location):
    from eventscribe.export import read_partitioned, write_partitioned
    source = tmp_path / "source.db"
    _ingest([corpus / "seeds"], source)
    with Store(source) as store:
        written = write_partitioned(store, tmp_path / "parquet")
    assert written["events"] and (tmp_path / "parquet" / "events" / "type=CONSULT").is_dir()
    with Store(store_location) as store:
        loaded = read_partitioned(store, tmp_path / "parquet")
    assert loaded == written
    assert _records(store_location) == _records(source)
    with Store(store_location) as store:
        assert store.query_events(type="CONSULT", actor="Lavrentiev")


def test_command_line_takes_a_database_url(corpus, store_location, tmp_path):
    from typer.testing import CliRunner

    from eventscribe.cli import app
    runner = CliRunner()
    done = runner.invoke(app, ["ingest", str(corpus / "seeds"), "--db", store_location])
    assert done.exit_code == 0, done.output
    listing = runner.invoke(app, ["events", "--db", store_location, "--type", "CONSULT", "--format", "json"])
    assert listing.exit_code == 0 and json.loads(listing.stdout)
    exported = runner.invoke(app, ["export-store", str(tmp_path / "out"), "--db", store_location])
    assert exported.exit_code == 0 and (tmp_path / "out" / "mentions").is_dir()


def test_readers_are_served_while_an_ingest_writes(corpus, store_location):
    import threading

    from starlette.testclient import TestClient

    from eventscribe.web.app import create_app
    with Store(store_location):
        pass
    client = TestClient(create_app(store_location), base_url="http://127.0.0.1")   # a Host the app answers to
    writer = threading.Thread(target=_ingest, args=([corpus / "seeds"], store_location))
    writer.start()
    answers = []
    while writer.is_alive() or len(answers) < 3:
        answers.append(client.get("/events.json").status_code)
    writer.join()
    assert set(answers) == {200}
    assert client.get("/events.json").json()["total"] > 0


def test_mentions_keep_the_detectors_probability_on_every_backend(tmp_path, store_location):
    """Each mention keeps the detector's calibrated P(event); an event's confidence starts from
    its surest mention, so a sure attack outranks a doubtful one with the same evidence."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kasai.txt").write_text("Rebels shelled the town of Kasai on Monday.\n")
    (tmp_path / "in" / "dolo.txt").write_text("Militants struck a checkpoint near Dolo on Tuesday.\n")
    _ingest([tmp_path / "in"], store_location)
    with Store(store_location) as store:
        records = store.query_events(type="ASSAULT")
    assert len(records) == 2
    for record in records:
        [mention] = record["mentions"]
        assert 0.0 < mention["p_event"] < 1.0
    by_p = sorted(records, key=lambda r: r["mentions"][0]["p_event"])
    assert by_p[0]["mentions"][0]["p_event"] < by_p[1]["mentions"][0]["p_event"]
    assert by_p[0]["confidence"] < by_p[1]["confidence"]


def test_a_store_from_before_the_probability_column_is_migrated(tmp_path):
    import sqlite3

    from eventscribe.store.schema import MIGRATIONS
    old = tmp_path / "old.db"
    connection = sqlite3.connect(old)
    for number, script in enumerate(MIGRATIONS[:4], start=1):
        connection.executescript(f"BEGIN; {script} PRAGMA user_version = {number}; COMMIT;")
    connection.close()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "report.txt").write_text("Rebels shelled the town of Kasai on Monday.\n")
    _ingest([tmp_path / "in"], str(old))
    with Store(str(old)) as store:
        [record] = store.query_events(type="ASSAULT")
    assert record["mentions"][0]["p_event"] > 0
