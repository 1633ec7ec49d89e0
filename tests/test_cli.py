"""The command line on bad input: one literal line per problem, never a crash, and an exit
status that says how the run went (README, "Exit status"). Inputs are invented, written here."""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console
from typer.testing import CliRunner

from eventscribe import errors as errors_module
from eventscribe.analyze import DEFAULT_MODEL
from eventscribe.cli import app
from eventscribe.engines import LocalEngine
from eventscribe.errors import EXIT_FAILED, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, Problem
from eventscribe.ingest import ingest
from eventscribe.store import Store

ENGLISH = "Talks in Amman\n\nForeign Minister Lina Sabry met envoy Nikolai Sorokin in Amman on Monday.\n"
FRENCH = ("Réunion à Lyon\n\nLa ministre a reçu mardi les représentants du syndicat à Lyon pour parler "
          "du budget de la ville et des écoles du quartier.\n")


def _before_summary(stderr: str) -> list[str]:
    """The lines ingest printed before its summary (which starts 'store PATH:')."""
    lines = stderr.splitlines()
    return lines[:next(i for i, line in enumerate(lines) if line.startswith("store ") and line.endswith(":"))]


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def _problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(("skipped ", "warning ", "copy "))]


def _summary_row(stderr: str, label: str) -> list[str]:
    """The cells after `label` in ingest's summary table ('stored new  1  ')."""
    rows = (line.strip()[len(label):].split() for line in stderr.splitlines() if line.strip().startswith(label + " "))
    return next(cells for cells in rows if cells and all(cell.isdigit() for cell in cells))


def _empty_files(folder: Path, *names: str) -> Path:
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")
    return folder


def test_markup_in_file_and_folder_names_is_printed_literally(tmp_path):
    folder = _empty_files(tmp_path / "in", "m[/x].txt", "[bold]a.txt", "[red]b[/red].txt", "c:smile:.txt")
    result = _run("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == EXIT_SKIPPED, result.output
    lines = _problem_lines(result.stderr)
    assert len(lines) == 4
    for name in ("m[/x].txt", "[bold]a.txt", "[red]b[/red].txt", "c:smile:.txt"):
        assert sum(name in line and "[E001]" in line for line in lines) == 1, (name, lines)


def test_copy_message_naming_a_doc_id_with_markup_is_printed_literally(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"doc_id": "[/x]kept", "text": ENGLISH}) + "\n")
    (folder / "z[red]b.txt").write_text(ENGLISH)    # read after a.jsonl
    result = _run("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == EXIT_OK, result.output     # E012 is not a skip: the text is kept
    [line] = _problem_lines(result.stderr)
    assert line.startswith("copy ") and "z[red]b.txt: [E012]" in line and "kept as [/x]kept" in line
    assert _summary_row(result.stderr, "copies E012") == ["1"]
    assert "skipped" not in result.stderr


def test_control_characters_in_names_are_escaped_one_line_per_problem(tmp_path):
    folder = _empty_files(tmp_path / "in", "esc\x1b[31mred.txt", "new\nline.txt", "tab\there.txt", "rtl\u202etxt.txt")
    result = _run("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == EXIT_SKIPPED
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(_before_summary(result.stderr)) == 4, lines
    for shown in ("esc\\x1b[31mred.txt", "new\\nline.txt", "tab\\there.txt", "rtl\\u202etxt.txt"):
        assert sum(shown in line for line in lines) == 1, (shown, lines)


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file name that is not UTF-8")
def test_undecodable_file_name_is_escaped_not_a_crash(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder) + b"/\xff\xfe.txt"))).write_text("")
    result = _run("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == EXIT_SKIPPED, result.output
    [line] = _problem_lines(result.stderr)
    assert "\\udcff\\udcfe.txt" in line


def test_long_names_do_not_wrap_at_80_columns(tmp_path):
    long_name = "report-" + "x" * 193 + ".txt"       # 204 characters
    folder = _empty_files(tmp_path / "in", long_name, "[b]short.txt", "folder with spaces/and a name.txt")
    (folder / "bad.jsonl").write_text('{"doc_id": "q", "text": ""}\n{not json\n')
    environment = {**os.environ, "COLUMNS": "80", "LINES": "25", "TERM": "xterm-256color"}
    done = subprocess.run([sys.executable, "-m", "eventscribe.cli", "ingest", str(folder), "--db", str(tmp_path / "s.db")],
                          capture_output=True, text=True, env=environment, timeout=300)
    assert done.returncode == EXIT_SKIPPED, done.stderr
    problems = 5     # three empty files, a record without text, a line that is not JSON
    lines = _before_summary(done.stderr)
    assert len(lines) == problems, lines
    assert len(_problem_lines(done.stderr)) == problems
    assert any(long_name in line and len(line) > 200 for line in lines)


def test_copy_of_a_rejected_report_gets_its_own_rejection_not_e012(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(FRENCH)
    (folder / "b.txt").write_text(FRENCH)
    result = _run("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == EXIT_SKIPPED, result.output
    lines = _problem_lines(result.stderr)
    assert sorted(line.split(": [")[0].rsplit("/", 1)[-1] for line in lines) == ["a.txt", "b.txt"]
    assert all("[E008]" in line for line in lines) and "E012" not in result.stderr


class _RejectsByName(LocalEngine):
    """The local engine, but the report with the given id comes out as not English."""

    def __init__(self, rejected: str):
        super().__init__(workers=1)
        self.rejected = rejected

    def analyses(self, articles, model=DEFAULT_MODEL):
        for analysis in super().analyses(articles, model):
            yield dataclasses.replace(analysis, language="xx") if analysis.doc_id == self.rejected else analysis


def test_copy_names_a_report_that_is_kept_when_the_first_was_rejected(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(ENGLISH)
    with Store(tmp_path / "s.db") as store:
        report = ingest([folder], store, engine=_RejectsByName("a"))
        stored = [row[0] for row in store.connection.execute("SELECT doc_id FROM documents")]
    assert stored == ["b"]
    by_file = {Path(p.source).name: p for p in report.problems}
    assert by_file["a.txt"].code == "E008"
    assert by_file["c.txt"].code == "E012" and by_file["c.txt"].detail == "kept as b"
    assert "b.txt" not in by_file and report.stats["stored new"] == 1


def test_copy_of_a_stored_report_names_it_across_runs(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(ENGLISH)
    (second / "b.txt").write_text(ENGLISH)
    db = str(tmp_path / "s.db")
    assert _run("ingest", str(first), "--db", db).exit_code == EXIT_OK
    again = _run("ingest", str(second), "--db", db)
    assert again.exit_code == EXIT_OK
    [line] = _problem_lines(again.stderr)
    assert "[E012]" in line and "kept as a" in line


def _with_a_warning(monkeypatch, code: str = "W900"):
    """Every Article comes with a warning before it, as the readers yield them."""
    if code not in errors_module.MESSAGES:
        monkeypatch.setitem(errors_module.MESSAGES, code, ("a value was converted", "nothing to do"))
    original = LocalEngine.read

    def read(paths, max_bytes):
        for item in original(paths, max_bytes):
            if not isinstance(item, Problem):
                yield Problem(item.source_path or item.doc_id, code, "published [date] dropped")
            yield item
    monkeypatch.setattr(LocalEngine, "read", staticmethod(read))


def test_warnings_are_one_line_each_and_counted_as_warnings_not_skipped(tmp_path, monkeypatch):
    _with_a_warning(monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH)
    result = _run("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == EXIT_OK, result.output     # warnings alone: everything was stored
    [line] = _problem_lines(result.stderr)
    assert line.startswith("warning ") and "[W900]" in line and "published [date] dropped" in line
    assert _summary_row(result.stderr, "warnings W900") == ["1"] and "skipped" not in result.stderr
    assert _summary_row(result.stderr, "reports read") == ["1"] and _summary_row(result.stderr, "stored new") == ["1"]


def test_exit_status_is_3_when_some_inputs_are_skipped_and_0_when_all_are_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH)
    db = str(tmp_path / "s.db")
    assert _run("ingest", str(folder), "--db", db).exit_code == EXIT_OK
    assert _run("ingest", str(folder), "--db", db).exit_code == EXIT_OK       # unchanged
    (folder / "bad.json").write_text("{oops")
    mixed = _run("ingest", str(folder), "--db", db)
    assert mixed.exit_code == EXIT_SKIPPED and "[E005]" in mixed.stderr


def test_missing_path_is_one_line_and_exits_3(tmp_path):
    (tmp_path / "real.txt").write_text(ENGLISH)
    for missing in (tmp_path / "nope.txt", tmp_path / "no-folder", tmp_path / "no[/b]where"):
        result = _run("ingest", str(missing), "--db", str(tmp_path / "s.db"))
        assert result.exit_code == EXIT_SKIPPED, result.output
        [line] = _problem_lines(result.stderr)
        assert str(missing) in line and "[E" in line
        assert len(_before_summary(result.stderr)) == 1


def test_no_readable_input_at_all_exits_3(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _run("ingest", str(empty), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert len(_problem_lines(result.stderr)) == 1 and str(empty) in result.stderr
    bad = _empty_files(tmp_path / "bad", "a.txt", "b.html")
    assert _run("ingest", str(bad), "--db", str(tmp_path / "s.db")).exit_code == EXIT_SKIPPED


def test_unexpected_error_is_one_line_with_where_the_traceback_is_and_exits_1(tmp_path):
    db = tmp_path / "no-such-folder" / "deeper" / "s.db"     # sqlite cannot make the file
    folder = _empty_files(tmp_path / "in", "a.txt")
    result = _run("ingest", str(folder), "--db", str(db))
    assert result.exit_code == EXIT_FAILED
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ") and "(sqlite3.OperationalError)" in line and "Traceback" not in line
    written = Path(line.split("traceback in ", 1)[1].split(" (or rerun", 1)[0])
    assert "Traceback" in written.read_text()
    written.unlink()
    shown = _run("--debug", "ingest", str(folder), "--db", str(db))
    assert shown.exit_code == EXIT_FAILED and "Traceback" in shown.stderr
    assert shown.stderr.splitlines()[-1].startswith("error: ")


def test_a_bug_during_ingest_exits_1_with_one_line(tmp_path, monkeypatch):
    def broken(self):
        raise KeyError("documents")
    monkeypatch.setattr(Store, "counts", broken)
    folder = _empty_files(tmp_path / "in", "a.txt")
    result = _run("--debug", "ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == EXIT_FAILED
    assert result.stderr.splitlines()[-1] == "error: 'documents' (KeyError)"


def test_usage_errors_exit_2(tmp_path):
    assert _run("ingest").exit_code == EXIT_USAGE
    assert _run("ingest", str(tmp_path), "--engine", "nope").exit_code == EXIT_USAGE
    assert _run("events", "--limit", "0").exit_code == EXIT_USAGE


def test_not_found_exits_1_and_prints_the_name_literally(tmp_path):
    db = str(tmp_path / "s.db")
    with Store(db):
        pass
    for command in ("show", "actor"):
        result = _run(command, "[bold]x[/y]", "--db", db)
        assert result.exit_code == EXIT_FAILED
        assert "'[bold]x[/y]'" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_creates_missing_folders(tmp_path, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH)
    db = str(tmp_path / "s.db")
    assert _run("ingest", str(folder), "--db", db).exit_code == EXIT_OK
    out = tmp_path / "some" / "missing [folder]" / f"events.{fmt}"
    result = _run("export", "--format", fmt, "-o", str(out), "--db", db)
    assert result.exit_code == EXIT_OK, result.output
    assert out.is_file() and str(out) in result.stderr
    events = json.loads(_run("events", "--db", db, "--format", "json").stdout)
    if fmt == "jsonl":
        assert len(out.read_text().splitlines()) == len(events)
    elif fmt == "csv" and events:
        assert len(pd.read_csv(out)) == len(events)


def test_parquet_out_creates_missing_folders(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH)
    out = tmp_path / "some" / "missing" / "parquet"
    result = _run("ingest", str(folder), "--db", str(tmp_path / "s.db"), "--parquet-out", str(out))
    assert result.exit_code == EXIT_OK, result.output
    assert (out / "documents" / "part-0.parquet").is_file()


class _FakeStore:
    """A store holding one event whose texts carry markup and control characters."""

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def event(self, event_id):
        return {"event_id": event_id, "type": "CONSULT", "mode": "[bold]meet", "confidence": 0.9,
                "date": "2024-01-02", "date_precision": "day", "date_expression": "[on] Monday",
                "date_basis": "published", "location": {"name": "[red]Amman", "country": "JOR", "lat": 31.9, "lon": 35.9},
                "actors": [{"role": "source", "name": "Lina [/] Sabry", "title": "[i]Minister"}],
                "source_count": 1, "merge_reason": [],
                "mentions": [{"doc_id": "[bold]a", "start": 0, "end": 9, "outlet": "Outlet\x1b[2J",
                              "published": None, "sentence": "Sabry met\nSorokin [link=http://x]here[/link]."}]}

    def iter_records(self, limit=None, **filters):
        event = self.event("e1")
        event["mentions"] = event["mentions"] * 2
        return [event]


def test_show_and_events_print_stored_texts_literally(monkeypatch, tmp_path):
    import eventscribe.cli as cli
    monkeypatch.setattr(cli, "Store", _FakeStore)
    monkeypatch.setattr(cli, "console", Console(width=400))     # table cells are not wrapped
    db = tmp_path / "fake.db"
    db.write_bytes(b"")      # there, so that the commands open it (as the fake store)
    shown = _run("show", "e1", "--db", str(db))
    assert shown.exit_code == EXIT_OK, shown.output
    for text in ("[bold]meet", "'[on] Monday'", "[red]Amman", "Lina [/] Sabry", "[i]Minister", "- [bold]a [0:9] Outlet\\x1b[2J",
                 "Sabry met\\nSorokin [link=http://x]here[/link]."):
        assert text in shown.stdout, (text, shown.stdout)
    assert "\x1b" not in shown.stdout
    listed = _run("events", "--format", "table", "--db", str(db))
    assert listed.exit_code == EXIT_OK, listed.output
    assert "[bold]meet" in listed.stdout and "Lina [/] Sabry" in listed.stdout


def test_the_same_file_given_twice_is_analysed_once(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH)
    with Store(tmp_path / "s.db") as store:
        report = ingest([path, path], store)
    assert report.stats["stored new"] == 1 and report.stats["unchanged"] == 1 and not report.problems


def test_the_summary_of_a_rerun_shows_what_the_store_holds_beside_what_the_run_did(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH)
    first = _run("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    made = _summary_row(first.stderr, "events made")
    assert first.exit_code == EXIT_OK and made[0] == made[1] and int(made[1]) >= 1
    again = _run("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    assert _summary_row(again.stderr, "events made") == ["0", made[1]]      # none made, the store's kept
    assert _summary_row(again.stderr, "unchanged") == ["1"] and _summary_row(again.stderr, "reports") == ["1"]
    assert _summary_row(again.stderr, "stored new") == ["0"]
