"""The store: idempotent ingest, replacement of changed texts, export records, bad inputs."""
import json
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from eventscribe.cli import app
from eventscribe.export import write_events
from eventscribe.ingest import ingest
from eventscribe.store import Store

DESIGN_FIELDS = {"event_id", "type", "mode", "actors", "date", "date_precision", "location", "confidence", "mentions"}


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "examples.db"
    with Store(path) as store:
        report = ingest([EXAMPLES], store)
    assert not report.problems
    return path


def _snapshot(store: Store) -> list:
    return sorted(json.dumps(r, sort_keys=True) for r in store.iter_records())


def test_reingest_changes_nothing(examples_store):
    with Store(examples_store) as store:
        before, counts = _snapshot(store), store.counts()
        report = ingest([EXAMPLES], store)
        assert report.stats["unchanged"] == 4
        assert _snapshot(store) == before and store.counts() == counts


def test_changed_text_replaces_the_document(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    report = folder / "r.txt"
    report.write_text("Talks\n\nMinister Lina Sabry met envoy Nikolai Sorokin in Amman on Monday.\n")
    with Store(tmp_path / "s.db") as store:
        ingest([folder], store)
        first = _snapshot(store)
        report.write_text("Talks\n\nMinister Lina Sabry met envoy Karl Olsen in Amman on Monday.\n")
        ingest([folder], store)
        assert store.counts()["documents"] == 1
        [record] = store.query_events(type="CONSULT")
        assert "Karl Olsen" in [a["name"] for a in record["actors"]] and _snapshot(store) != first


def test_same_text_under_another_name_is_kept_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("T\n\nMinister Lina Sabry met envoy Nikolai Sorokin in Amman.")
    shutil.copy(folder / "a.txt", folder / "b.txt")
    with Store(tmp_path / "s.db") as store:
        report = ingest([folder], store)
        assert store.counts()["documents"] == 1
        assert [p.code for p in report.problems] == ["E012"]


def test_a_text_told_by_several_reports_is_kept_by_the_same_one_in_any_order_or_batches(tmp_path):
    """Exact copies: the report kept is the one with the earliest publication date given with
    it, then the smallest id — not whichever came first. One that ranks before the stored
    holder takes its place, and the holder gets the E012 line."""
    text = ("Foreign Minister Tove Arnesen-Diallo met envoy Kwabena Sarpong-Lind in Valletta on Tuesday "
            "to discuss fishing rights, officials said.")
    given = {"w1": None, "w2": "2026-03-06", "w3": "2026-03-05"}   # w3: the earliest publication
    folder = tmp_path / "in"
    folder.mkdir()
    for doc, published in given.items():
        record = {"doc_id": doc, "text": text, "url": f"https://example.org/{doc}"} | ({"published": published} if published else {})
        (folder / f"{doc}.json").write_text(json.dumps(record))

    def run(batches, name):
        with Store(tmp_path / name) as store:
            for batch in batches:
                report = ingest([folder / f"{doc}.json" for doc in batch], store)
                stored = [row[0] for row in store.connection.execute("SELECT doc_id FROM documents")]
                assert not report.skipped and len(stored) == 1, batch
                # every copy line of a run names the report the store keeps at its end
                assert {p.detail for p in report.problems} <= {f"kept as {stored[0]}"}, batch
            url = store.connection.execute("SELECT url FROM documents").fetchone()[0]
            return stored, url, sorted(json.dumps(r, sort_keys=True) for r in store.iter_records())
    together = run([["w1", "w2", "w3"]], "a.db")
    assert together[:2] == (["w3"], "https://example.org/w3")
    assert together == run([["w1"], ["w2"], ["w3"]], "b.db") == run([["w3"], ["w2", "w1"]], "c.db") \
        == run([["w2"], ["w1", "w3"]], "d.db")
    [meeting] = [json.loads(r) for r in together[2] if json.loads(r)["type"] == "CONSULT"]
    assert {m["doc_id"] for m in meeting["mentions"]} == {"w3"}
    # with no date given, the smallest id keeps it
    for doc in given:
        (folder / f"{doc}.json").write_text(json.dumps({"doc_id": doc, "text": text}))
    assert run([["w3"], ["w2"], ["w1"]], "e.db")[0] == ["w1"] == run([["w2", "w1", "w3"]], "f.db")[0]


def test_bad_inputs_do_not_stop_or_damage_the_run(tmp_path, examples_store):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "french.txt").write_text("Titre\n\nLe ministre a rencontré la délégation à Paris lundi et ils ont discuté du plan.")
    (folder / "bad.jsonl").write_text('{"doc_id": "x", "text": "Minister Lina Sabry met envoy Karl Olsen."}\n{oops\n')
    db = tmp_path / "copy.db"
    shutil.copy(examples_store, db)
    with Store(db) as store:
        before = _snapshot(store)
        report = ingest([folder], store)
        codes = sorted(p.code for p in report.problems)
        assert codes == ["E001", "E002", "E005", "E008"]
        after = _snapshot(store)
        assert set(before) <= set(after) and store.counts()["documents"] == 5


def test_export_record_has_the_design_fields(examples_store, tmp_path):
    with Store(examples_store) as store:
        records = list(store.iter_records())
        document_texts = {row["doc_id"]: row["text"] for row in store.connection.execute("SELECT doc_id, text FROM documents")}
    assert records
    for record in records:
        assert DESIGN_FIELDS <= set(record)
        for actor in record["actors"]:
            assert {"name", "role", "actor_id", "aliases", "title", "country", "sector", "kb_id"} <= set(actor)
        for mention in record["mentions"]:
            assert document_texts[mention["doc_id"]][mention["start"]:mention["end"]] == mention["sentence"]
    out = tmp_path / "events.jsonl"
    assert write_events(records, out, "jsonl") == len(records)
    assert [json.loads(line)["event_id"] for line in out.read_text().splitlines()] == [r["event_id"] for r in records]
    write_events(records, tmp_path / "events.parquet", "parquet")
    assert len(pd.read_parquet(tmp_path / "events.parquet")) == len(records)


def test_examples_give_the_events_they_report(examples_store):
    with Store(examples_store) as store:
        geneva = store.query_events(type="CONSULT", actor="Reyes")
        assert len(geneva) == 1
        names = {a["name"] for a in geneva[0]["actors"]}
        assert {"Elena Varga", "Tomas Reyes", "Amina Okafor"} <= names
        assert geneva[0]["date"] == "2024-03-05" and geneva[0]["location"]["name"] == "Geneva"
        # "Varga will travel to Vienna next week" is a plan, not an event.
        assert not store.query_events(place="Vienna")
        frame = store.events_frame(type="SANCTION")
        assert isinstance(frame, pd.DataFrame) and len(frame) >= 1


def test_cli_commands(examples_store, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["events", "--db", str(examples_store), "--type", "CONSULT", "--format", "json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.output)
    assert events and all(e["type"] == "CONSULT" for e in events)
    shown = runner.invoke(app, ["show", events[0]["event_id"], "--db", str(examples_store)])
    assert shown.exit_code == 0 and events[0]["mentions"][0]["doc_id"] in shown.output
    missing = runner.invoke(app, ["show", "nope", "--db", str(examples_store)])
    assert missing.exit_code == 1
    out = tmp_path / "e.csv"
    exported = runner.invoke(app, ["export", "--format", "csv", "-o", str(out), "--db", str(examples_store)])
    assert exported.exit_code == 0 and len(pd.read_csv(out)) == len(runner.invoke(
        app, ["events", "--db", str(examples_store), "--format", "json"]).output and json.loads(
        runner.invoke(app, ["events", "--db", str(examples_store), "--format", "json"]).output))


@pytest.mark.parametrize("command", ["ingest", "events", "show", "export", "evaluate", "check", "resolve",
                                     "actors", "actor", "merge-actors", "import-actors"])
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example: eventscribe" in result.output


def test_actor_commands(examples_store, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(examples_store, db)
    runner = CliRunner()
    listed = runner.invoke(app, ["actors", "--db", str(db), "--search", "Varga", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    [varga] = json.loads(listed.output)
    assert varga["name"] == "Elena Varga" and "Varga" in varga["aliases"]
    shown = runner.invoke(app, ["actor", "Varga", "--db", str(db), "--json"])
    detail = json.loads(shown.output)
    assert detail["events"] and {c["name"] for c in detail["counterparts"]} >= {"Tomas Reyes", "Amina Okafor"}
    assert any(t["title"] == "Norvanian Foreign Minister" and t["first_seen"] for t in detail["titles"])
    merged = runner.invoke(app, ["merge-actors", "Tomas Reyes", "Amina Okafor", "--db", str(db)])
    assert merged.exit_code == 0
    with Store(db) as store:
        assert store.actor("Tomas Reyes")["actor_id"] == store.actor("Amina Okafor")["actor_id"]


def test_a_copy_of_a_report_whose_text_changes_in_the_same_run_is_stored(tmp_path):
    """b.txt holds the text a.txt had; a.txt changes in the same run: b's text must not be lost."""
    folder = tmp_path / "in"
    folder.mkdir()
    first = "Talks\n\nMinister Lina Sabry met envoy Nikolai Sorokin in Amman on Monday.\n"
    (folder / "a.txt").write_text(first)
    with Store(tmp_path / "s.db") as store:
        ingest([folder], store)
        (folder / "a.txt").write_text("Talks\n\nMinister Lina Sabry met envoy Karl Olsen in Amman on Monday.\n")
        (folder / "b.txt").write_text(first)
        report = ingest([folder], store)
        texts = dict(store.connection.execute("SELECT doc_id, text FROM documents").fetchall())
    assert not report.problems and report.stats["stored changed"] == 1 and report.stats["stored new"] == 1
    assert "Sorokin" in texts["b"] and "Olsen" in texts["a"]


def test_two_reports_with_one_id_in_a_run_keep_the_first_and_say_so(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.jsonl").write_text(
        '{"doc_id": "r1", "text": "Minister Lina Sabry met envoy Nikolai Sorokin in Amman on Monday."}\n'
        '{"doc_id": "r1", "text": "Minister Lina Sabry met envoy Karl Olsen in Amman on Tuesday."}\n')
    with Store(tmp_path / "s.db") as store:
        report = ingest([folder], store)
        [text] = [row[0] for row in store.connection.execute("SELECT text FROM documents")]
    assert [p.code for p in report.problems] == ["E022"] and "Sorokin" in text
    assert report.problems[0].source.endswith("wire.jsonl:2")
