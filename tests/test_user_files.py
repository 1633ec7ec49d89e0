"""An analyst's own files — actor overrides and actor dictionaries — that cannot be used stop the
command before anything is changed, with one line naming file:line, a code and a fix."""
import pytest
from typer.testing import CliRunner

from eventscribe.cli import app
from eventscribe.errors import EXIT_OK, EXIT_USAGE, FileLineError
from eventscribe.resolve import load_overrides
from eventscribe.resolve.dictionary import read_dictionary


@pytest.mark.parametrize("line, said", [
    ('{"merge": ["Ana Roldan", "A. Roldan"]', "not JSON"),
    ('["merge", "A", "B"]', "one key"),
    ('{"join": ["A", "B"]}', "'join' is not one of merge, apart, rename, country, sector"),
    ('{"merge": ["A"]}', "two names"),
    ('{"rename": ["A", ""]}', "two names"),
    ('{"country": ["A", "Chile"]}', "'Chile' is not three capital letters"),
])
def test_a_bad_overrides_line_is_named_by_file_and_line(tmp_path, line, said):
    path = tmp_path / "mine.jsonl"
    path.write_text('# my corrections\n{"apart": ["Ana Roldan", "Ana Roldan Vega"]}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(FileLineError) as raised:
        load_overrides(path)
    assert raised.value.code == "E105" and raised.value.line == 4
    assert str(raised.value).startswith(f"[E105] {path}:4: ") and said in str(raised.value) and "Fix:" in str(raised.value)


def test_good_overrides_load_in_order(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"merge": ["Ana Roldan", "A. Roldan"]}\n{"country": ["Roldan", "CHL"]}\n', encoding="utf-8")
    assert load_overrides(path) == [("merge", "Ana Roldan", "A. Roldan"), ("country", "Roldan", "CHL")]


@pytest.mark.parametrize("text, line, said", [
    ("actor,country\nKwame Boateng,GHA\n", 1, "no 'name' column"),
    ("name,country\nKwame Boateng,GHA\nYao Agbeko,Togo\n", 3, "'Togo' is not an ISO3 code"),
    ('name,valid_from\nKwame Boateng,"March 2021"\n', 2, "valid_from 'March 2021' is not a date"),
])
def test_a_bad_dictionary_row_is_named_by_file_and_line(tmp_path, text, line, said):
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileLineError) as raised:
        read_dictionary(path)
    assert raised.value.code == "E107" and raised.value.line == line and said in str(raised.value)


def test_the_cli_prints_one_line_and_changes_nothing(tmp_path):
    runner = CliRunner()
    reports = tmp_path / "a.txt"
    reports.write_text("Talks in Accra\n\nGhana's president Kwame Boateng met Togo's president Yao Agbeko in Accra on Monday.\n")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(reports), "--db", db]).exit_code == EXIT_OK
    before = runner.invoke(app, ["actors", "--db", db, "--format", "json"]).stdout
    bad = tmp_path / "mine.jsonl"
    bad.write_text('{"rename": ["Kwame Boateng", "President Boateng"]}\n{"country": ["Yao Agbeko"]}\n')
    for command in (["resolve", "--db", db, "--overrides", str(bad)],
                    ["ingest", str(reports), "--db", db, "--overrides", str(bad)]):
        result = runner.invoke(app, command)
        assert result.exit_code == EXIT_USAGE, result.output
        [line] = result.stderr.splitlines()
        assert line.startswith(f"error: [E105] {bad}:2: ") and "Traceback" not in result.output
    assert runner.invoke(app, ["actors", "--db", db, "--format", "json"]).stdout == before   # the rename not applied
    missing = runner.invoke(app, ["import-actors", str(tmp_path / "nope.csv"), "--db", db])
    assert missing.exit_code == EXIT_USAGE and "[E106]" in missing.stderr and "nope.csv" in missing.stderr


def test_files_saved_with_a_byte_order_mark_read_as_any_other(tmp_path):
    table = tmp_path / "from-excel.csv"
    table.write_text("name,country\nKwame Boateng,GHA\n", encoding="utf-8-sig")
    [entry] = read_dictionary(table)
    assert entry.name == "Kwame Boateng" and entry.codes[0].country == "GHA"
    overrides = tmp_path / "mine.jsonl"
    overrides.write_text('{"merge": ["Kwame Boateng", "K. Boateng"]}\n', encoding="utf-8-sig")
    assert load_overrides(overrides) == [("merge", "Kwame Boateng", "K. Boateng")]
