"""No CSV cell that eventscribe writes starts a spreadsheet formula, whoever wrote the report:
the web download, `eventscribe export --format csv` and `eventscribe events --format csv` all
pass their cells through eventscribe.textsafety.csv_cell."""
import csv
import io

import pytest
from starlette.testclient import TestClient

import hostile_store
from eventscribe.textsafety import FORMULA_STARTS, csv_cell, csv_row


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    return hostile_store.build(tmp_path_factory.mktemp("hostile-csv"))


def _web_csv(db) -> list[dict]:
    from eventscribe.web.app import create_app
    response = TestClient(create_app(db), base_url="http://127.0.0.1").get("/events.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.text)))


def _export_csv(db, tmp_path) -> list[dict]:
    from eventscribe.export import write_events
    from eventscribe.store import Store
    with Store(db, read_only=True) as store:
        write_events(store.iter_records(), tmp_path / "events.csv", "csv")
    with open(tmp_path / "events.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _cli_csv(db) -> list[dict]:
    from typer.testing import CliRunner

    from eventscribe.cli import app
    done = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "csv"])
    assert done.exit_code == 0, done.output
    return list(csv.DictReader(io.StringIO(done.stdout)))


_NUMBER_COLUMNS = {"lat", "lon", "confidence", "conf", "source_count", "mention_count", "mentions"}


def _no_cell_starts_a_formula(rows: list[dict]) -> None:
    """Text cells never start a formula; number columns hold plain numbers (a minus sign there
    is a negative number, which a spreadsheet reads as such)."""
    assert rows
    for row in rows:
        for name, cell in row.items():
            if name in _NUMBER_COLUMNS:
                assert cell == "" or float(cell) == float(cell), (name, cell)
                continue
            assert not (cell or "").startswith(FORMULA_STARTS), (name, cell)
            assert not (cell or "").lstrip().startswith(FORMULA_STARTS), (name, cell)


def test_csv_cells_that_start_a_formula_are_prefixed_in_every_writer(hostile_db, tmp_path):
    escaped_actor = "'" + hostile_store.FORMULA_ACTOR
    web, exported, listed = _web_csv(hostile_db), _export_csv(hostile_db, tmp_path), _cli_csv(hostile_db)
    for rows in (web, exported, listed):
        _no_cell_starts_a_formula(rows)
        assert any(row["actors"].startswith(escaped_actor) for row in rows)
    # The whole text is kept after the apostrophe: nothing is lost, it only cannot run.
    assert any(row["doc_ids"] == "'" + hostile_store.FORMULA_DOC_ID for row in exported)


def test_numbers_stay_numbers_in_csv(hostile_db, tmp_path):
    """Nairobi lies south of the equator: its latitude is written as the number, unprefixed."""
    for rows, lat in ((_web_csv(hostile_db), "lat"), (_export_csv(hostile_db, tmp_path), "lat")):
        nairobi = next(row for row in rows if row.get("location_name", row.get("location")) == "Nairobi")
        assert nairobi[lat] == "-1.2833"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "  =1+1", "-3.7",
                                  "=cmd|' /C calc'!A0"])
def test_text_that_starts_a_formula_gets_an_apostrophe(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-3.7, -1, 0, 2.5, None, "", "Vienna", "O'Brien", "a=b", "x-y", "1+1"])
def test_numbers_and_plain_text_are_written_as_they_are(value):
    assert csv_cell(value) == value


def test_csv_row_takes_lists_and_dicts():
    assert csv_row(["=a", -1.5, "b"]) == ["'=a", -1.5, "b"]
    assert csv_row({"x": "@a", "lon": -3.7}) == {"x": "'@a", "lon": -3.7}
