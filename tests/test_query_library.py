"""One query library (store/query.py) behind every surface: the same filters through the Python
API, the CLI and the web's JSON twin select the same events in the same order, and each filter
means what its name says. Reports are invented for this test."""
import json
import sqlite3

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from eventscribe.cli import app
from eventscribe.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from eventscribe.ingest import ingest
from eventscribe.store import Store, query
from eventscribe.web.app import create_app

REPORTS = [
    {"doc_id": "q1", "outlet": "Harbour Gazette", "published": "2024-03-06",
     "text": "LIMA - Chile's foreign minister Ana Roldan met Peru's president Tomas Quinte in Lima on Tuesday "
             "to discuss a disputed fishing zone, officials said."},
    {"doc_id": "q2", "outlet": "Northern Wire", "published": "2023-11-10",
     "text": "Rebels shelled the town of Kidal in northern Mali on Thursday, killing five soldiers, "
             "the army said in a statement."},
    {"doc_id": "q3", "outlet": "Northern Wire", "published": "2022-05-02",
     "text": "Police in Nairobi arrested twelve protesters on Sunday after a march against fuel prices, "
             "witnesses said."},
    {"doc_id": "q4", "outlet": "Harbour Gazette", "published": "2021-08-19",
     "text": "Ghana's president Kwame Boateng held talks with Togo's president Yao Agbeko in Accra on Wednesday, "
             "his office said."},
    {"doc_id": "q5", "outlet": "Valley Radio",
     "text": "Uganda's foreign minister Grace Akello met Rwanda's foreign minister Jean Mugabo in Kampala, "
             "the ministry said."},    # no date anywhere: the event is undated
]

FILTER_SETS = [
    {}, {"type": "CONSULT"}, {"type": "consult", "mode": "meet"}, {"actor": "Roldan"}, {"actor_country": "CHL"},
    {"place": "Lima"}, {"place_country": "MLI"}, {"since": "2023"}, {"until": "2022-12"}, {"q": "arrested"},
    {"outlet": "northern"}, {"sort": "oldest"}, {"type": "CONSULT", "since": "2021", "until": "2024", "sort": "oldest"},
    {"sort": "place"}, {"sort": "confidence"}, {"sort": "type"}, {"sort": "sources"},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("query")
    reports = folder / "reports.jsonl"
    reports.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    path = folder / "q.db"
    with Store(path) as store:
        ingest([reports], store)
    return path


def _api(db, filters) -> list[str]:
    with Store(db) as store:
        return [r["event_id"] for r in store.query_events(**filters)]


def _cli(db, filters) -> list[str]:
    options = [part for name, value in filters.items() for part in ("--" + name.replace("_", "-"), value)]
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "json", *options])
    assert result.exit_code == EXIT_OK, result.output
    return [r["event_id"] for r in json.loads(result.stdout)]


def _web(db, filters) -> list[str]:
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    page = client.get("/events.json", params=filters | {"per_page": 500}).json()
    assert page["total"] == len(page["events"])
    return [e["event_id"] for e in page["events"]]


@pytest.mark.parametrize("filters", FILTER_SETS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()) or "all")
def test_the_api_the_cli_and_the_web_select_the_same_events_in_the_same_order(db, filters):
    found = _api(db, filters)
    assert found == _cli(db, filters) == _web(db, filters)
    everything = _api(db, {})
    assert sorted(found) == sorted(everything) if set(filters) <= {"sort"} else 0 < len(found) < len(everything)


def _records(db, **filters) -> list[dict]:
    with Store(db) as store:
        return store.query_events(**filters)


def test_each_filter_means_what_its_name_says(db):
    assert {r["type"] for r in _records(db, type="ASSAULT")} == {"ASSAULT"}
    assert all(any(a["country"] == "CHL" for a in r["actors"]) for r in _records(db, actor_country="CHL"))
    # the place's country is not an actor's: Chile's minister met in Peru
    assert not _records(db, place_country="CHL") and _records(db, actor_country="CHL")
    assert {r["location"]["country"] for r in _records(db, place_country="PER")} == {"PER"}
    assert {m["outlet"] for r in _records(db, outlet="Northern") for m in r["mentions"]} == {"Northern Wire"}
    assert all(r["date"] >= "2023" for r in _records(db, since="2023"))
    assert all(r["date"][:7] <= "2022-12" for r in _records(db, until="2022-12"))
    assert all("arrested" in " ".join(m["sentence"] for m in r["mentions"]) for r in _records(db, q="arrested"))


def test_an_actor_is_found_by_id_short_id_and_any_spelling(db):
    [meeting] = _records(db, type="CONSULT", actor="Roldan")
    chile = next(a for a in meeting["actors"] if "Roldan" in a["name"])
    for key in (chile["actor_id"], chile["actor_id"][:query.SHORT_ID], "roldan"):
        assert meeting["event_id"] in [r["event_id"] for r in _records(db, actor=key)], key


def test_newest_first_by_default_undated_last(db):
    dates = [r["date"] for r in _records(db)]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[:len(dated)] == dated and None in dates
    oldest = [r["date"] for r in _records(db, sort="oldest") if r["date"]]
    assert oldest == sorted(oldest)


@pytest.mark.parametrize("filters, named", [
    ({"type": "PICNIC"}, "type"), ({"mode": "brunch"}, "mode"), ({"actor_country": "Chile"}, "actor_country"),
    ({"since": "2023-02-30"}, "since"), ({"sort": "random"}, "sort"), ({"country": "PER"}, "country"),
])
def test_a_bad_filter_is_an_error_naming_it_and_the_values_it_takes(db, filters, named):
    with pytest.raises(query.BadFilter) as raised, Store(db) as store:
        store.query_events(**filters)
    assert raised.value.reason.startswith(named + ":")
    if named == "type":
        assert "ASSAULT" in str(raised.value) and "CONSULT" in str(raised.value)
    options = [part for name, value in filters.items() for part in ("--" + name.replace("_", "-"), value)]
    result = CliRunner().invoke(app, ["events", "--db", str(db), *options])
    assert result.exit_code == EXIT_USAGE and named.replace("_", "-") in result.output.replace("_", "-")


def test_records_stream_with_a_bounded_number_of_queries_per_page(db, monkeypatch):
    with Store(db) as store:
        total = store.count_events()
        assert total >= 3      # more than one page
        statements = []
        store.connection.set_trace_callback(statements.append)
        monkeypatch.setattr(query, "PAGE_SIZE", 2)
        streamed = list(store.iter_records())
        pages = -(-total // 2)
        assert len(streamed) == total
        assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 1 + 3 * pages
        store.connection.set_trace_callback(None)
        assert streamed == store.query_events()


def test_a_short_id_names_one_event_and_an_ambiguous_one_says_so(db, tmp_path):
    with Store(db) as store:
        record = store.query_events(type="ASSAULT")[0]
        assert store.event(record["event_id"][:query.SHORT_ID]) == record == store.event(record["event_id"])
        assert store.event("zz") is None
    copy = tmp_path / "two.db"
    copy.write_bytes(db.read_bytes())
    with sqlite3.connect(copy) as raw:    # two ids that begin alike, as a large store will have
        raw.execute("UPDATE events SET event_id = 'abcd' || substr(event_id, 5) WHERE rowid IN"
                    " (SELECT rowid FROM events ORDER BY rowid LIMIT 2)")
    with Store(copy) as store, pytest.raises(query.AmbiguousId) as raised:
        store.event("abcd")
    assert "abcd" in str(raised.value) and "more of the id" in str(raised.value)
    shown = CliRunner().invoke(app, ["show", record["event_id"][:query.SHORT_ID], "--db", str(db)])
    assert shown.exit_code == EXIT_OK and record["event_id"] in shown.stdout


@pytest.mark.parametrize("command", [["events"], ["show", "abcd1234"], ["export", "-o", "out.jsonl"], ["actors"],
                                     ["actor", "Roldan"], ["resolve"], ["merge-actors", "A", "B"], ["serve"]])
def test_a_missing_store_is_an_error_and_no_file_is_made(tmp_path, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "typo.db"
    result = CliRunner().invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == EXIT_FAILED, result.output
    assert "typo.db" in result.output and "ingest" in result.output
    assert not missing.exists() and not (tmp_path / "out.jsonl").exists()


def test_export_writes_what_the_filters_select(db, tmp_path):
    out = tmp_path / "attacks.jsonl"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(out), "--type", "ASSAULT"])
    assert result.exit_code == EXIT_OK
    written = [json.loads(line) for line in out.read_text().splitlines()]
    assert written and {r["type"] for r in written} == {"ASSAULT"}
    assert result.stderr.strip().endswith(f"{out}") and (" 1 event " in result.stderr) == (len(written) == 1)


def test_help_shows_no_type_beside_a_flag():
    shown = CliRunner().invoke(app, ["show", "--help"], terminal_width=120)
    assert shown.exit_code == EXIT_OK and "--json" in shown.stdout and "<bool>" not in shown.stdout
    listed = CliRunner().invoke(app, ["events", "--help"], terminal_width=120)
    assert "--sort" in listed.stdout and "confidence" in listed.stdout and "--actor-country" in listed.stdout


def test_serve_prints_the_address_it_serves(db, monkeypatch):
    import uvicorn
    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda web, host, port, log_level: served.update(host=host, port=port))
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", "8765"])
    assert result.exit_code == EXIT_OK and served == {"host": "127.0.0.1", "port": 8765}
    assert "http://127.0.0.1:8765/" in result.output


def test_a_bad_filter_leaves_an_earlier_export_as_it_was(db, tmp_path):
    kept = tmp_path / "keep.jsonl"
    kept.write_text("precious\n")
    for options in (["--type", "PICNIC"], ["--since", "2018-02-30"]):
        result = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(kept), *options])
        assert result.exit_code == EXIT_USAGE and kept.read_text() == "precious\n"
    fresh = tmp_path / "new" / "dir" / "x.parquet"
    CliRunner().invoke(app, ["export", "--db", str(db), "-f", "parquet", "-o", str(fresh), "--q", "!!!"])
    assert not fresh.exists() and not list((tmp_path / "new" / "dir").glob("*.part"))
    done = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(kept), "--type", "ASSAULT"])
    assert done.exit_code == EXIT_OK and json.loads(kept.read_text().splitlines()[0])["type"] == "ASSAULT"


def test_the_web_refuses_what_is_no_filter_and_a_search_with_no_word(db):
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    for params, named in (({"country": "PER"}, "country"), ({"q": "!!!"}, "q")):
        response = client.get("/events.json", params=params)
        assert response.status_code == 400 and response.json()["reason"].startswith(named + ":")
    assert client.get("/events.json", params={"page": 1, "per_page": 5, "sort": "oldest"}).status_code == 200


def test_the_web_opens_an_event_by_its_short_id_with_its_highlights(db, tmp_path):
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    with Store(db) as store:
        record = store.query_events(type="CONSULT", actor="Roldan")[0]
    whole = client.get(f"/events/{record['event_id']}.json").json()
    short = client.get(f"/events/{record['event_id'][:query.SHORT_ID]}.json").json()
    marks = [p["mark"] for m in whole["mentions"] for p in m["pieces"]]
    assert "actor" in marks and short == whole
    copy = tmp_path / "two.db"
    copy.write_bytes(db.read_bytes())
    with sqlite3.connect(copy) as raw:
        raw.execute("UPDATE events SET event_id = 'abcd' || substr(event_id, 5) WHERE rowid IN"
                    " (SELECT rowid FROM events ORDER BY rowid LIMIT 2)")
    response = TestClient(create_app(copy), base_url="http://127.0.0.1").get("/events/abcd.json")
    assert response.status_code == 400 and "more of the id" in response.json()["reason"]


def test_an_unnamed_argument_is_no_limit():
    with pytest.raises(TypeError):
        Store.query_events(object(), "CONSULT")      # filters are named: type="CONSULT"
