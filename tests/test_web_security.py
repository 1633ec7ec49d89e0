"""The web UI is safe to open on reports written by strangers: no script from a report runs in
the browser, every response says what may run, only this server's own names are served, and
every query value is checked (a bad one is a 400 naming the parameter and the reason)."""
import re

import pytest
from starlette.testclient import TestClient

import hostile_store
from eventscribe.textsafety import web_link
from eventscribe.web import guard
from eventscribe.web.app import create_app
from eventscribe.store.query import MAX_SEARCH_TERMS
from eventscribe.web.queries import MAX_VALUE_LENGTH

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    return hostile_store.build(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def client(hostile_db):
    return TestClient(create_app(hostile_db), base_url=LOCAL)


def _event_of(client, doc_id: str) -> str:
    for event in client.get("/events.json", params={"per_page": 500}).json()["events"]:
        record = client.get(f"/events/{event['event_id']}.json").json()
        if any(m["doc_id"] == doc_id for m in record["mentions"]):
            return event["event_id"]
    raise AssertionError(f"no event from {doc_id}")


# ---- links -------------------------------------------------------------------------------

def test_javascript_url_is_not_a_link(client):
    for doc_id in (hostile_store.FORMULA_DOC_ID, "mixed-case"):
        page = client.get(f"/events/{_event_of(client, doc_id)}").text
        assert not re.search(r"<a\b[^>]*href=\"\s*(javascript|data|vbscript):", page, re.IGNORECASE)
        assert 'class="source-link"' not in page
        assert re.search(r'<span class="source-url">javascript:alert\(\d\)</span>', page, re.IGNORECASE)


def test_http_url_is_still_a_link(client):
    page = client.get(f"/events/{_event_of(client, 'plain')}").text
    assert f'<a class="source-link" href="{hostile_store.SAFE_URL.replace("&", "&amp;")}"' in page


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "  javascript:alert(1)", "\x01\x08javascript:alert(1)",
    "java\tscript:alert(1)", "java\nscript:alert(1)", "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)", "https:javascript:alert(1)", "//evil.example/x", "/events", "ftp://a.example/x",
    "http://a\x00.example/", "http://[::1", "", None, 42,
])
def test_only_http_and_https_urls_become_links(url):
    assert web_link(url) is None


@pytest.mark.parametrize("url, link", [
    ("http://a.example/x", "http://a.example/x"), ("HTTPS://a.example", "HTTPS://a.example"),
    ("  https://a.example/?q=1 \x00", "https://a.example/?q=1"), ("https://a.exam\tple/", "https://a.example/"),
])
def test_web_link_is_the_url_as_a_browser_reads_it(url, link):
    assert web_link(url) == link


def test_templates_and_scripts_never_put_a_report_url_in_an_href():
    from pathlib import Path
    web = Path(guard.__file__).parent
    templates = "".join(path.read_text() for path in (web / "templates").glob("*.html"))
    assert "m.url }}\"" not in templates and "href=\"{{ m.url" not in templates
    script = (web / "static" / "app.js").read_text()
    assert ".url" not in script     # the JS links only to the app's own /events and /actors pages


# ---- headers -----------------------------------------------------------------------------

def test_security_headers_on_every_page(client, hostile_db):
    event_id = _event_of(client, "plain")
    paths = ["/events", "/events.json", f"/events/{event_id}", "/actors", "/timeline", "/map", "/map.json",
             "/events.csv", "/events.jsonl", "/assets/app/app.js", "/assets/countries.geojson",
             "/nowhere", "/events?page=0", "/"]
    for path in paths:
        _assert_security_headers(client.get(path, follow_redirects=False), path)
    refused = TestClient(create_app(hostile_db)).get("/events")     # Host: testserver
    assert refused.status_code == 400
    _assert_security_headers(refused, "refused host")


def _assert_security_headers(response, what: str) -> None:
    for name, value in guard.SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (what, name)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff" and response.headers["referrer-policy"] == "no-referrer"


def test_content_security_policy_allows_no_inline_script():
    policy = dict(part.split(" ", 1) for part in guard.CONTENT_SECURITY_POLICY.split("; "))
    assert policy["script-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in guard.CONTENT_SECURITY_POLICY and policy["default-src"] == "'none'"


def test_templates_hold_no_inline_script_or_handler():
    from pathlib import Path
    for path in (Path(guard.__file__).parent / "templates").glob("*.html"):
        text = path.read_text()
        for tag in re.findall(r"<script[^>]*>", text):
            assert "src=" in tag or 'type="application/json"' in tag, (path.name, tag)
        assert not re.search(r"\son[a-z]+=", text), path.name
        assert not re.search(r"=\s*\"\s*javascript:", text, re.IGNORECASE) and "style=" not in text, path.name


# ---- hosts -------------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "localhost.evil.example:8000", "testserver", "", "[::2]:8000", "a b"])
def test_unknown_host_header_is_refused(client, host):
    response = client.get("/events.json", headers={"host": host})
    assert response.status_code == 400 and "host" in response.text


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]", "[::1]:8000"])
def test_loopback_host_headers_are_served(client, host):
    assert client.get("/events.json", headers={"host": host}).status_code == 200


def test_the_bound_address_is_served(hostile_db):
    named = TestClient(create_app(hostile_db, hosts=["192.168.1.5"]), base_url="http://192.168.1.5:8000")
    assert named.get("/events.json").status_code == 200
    assert named.get("/events.json", headers={"host": "192.168.1.6:8000"}).status_code == 400
    ipv6 = TestClient(create_app(hostile_db, hosts=["fd00::5"]), base_url="http://[fd00::5]:8000")
    assert ipv6.get("/events.json").status_code == 200


def test_every_address_serves_ip_literals_but_no_foreign_name(hostile_db):
    everywhere = TestClient(create_app(hostile_db, hosts=["0.0.0.0"]), base_url=LOCAL)
    for host in ("10.1.2.3:8000", "[fd00::7]:8000", "localhost"):
        assert everywhere.get("/events.json", headers={"host": host}).status_code == 200, host
    assert everywhere.get("/events.json", headers={"host": "evil.example"}).status_code == 400


# ---- query values ------------------------------------------------------------------------

_FILTERED_ROUTES = ("/events", "/events.json", "/timeline", "/timeline.json", "/map", "/map.json", "/events.csv")


@pytest.mark.parametrize("name", ["page", "per_page"])
@pytest.mark.parametrize("value", ["\u00b2", "\u0663", "\uff11", "1\u00b2", " 1", "1e3", "-1", "99999999999"])
def test_superscript_page_number_is_400(client, name, value):
    for path in _FILTERED_ROUTES:
        response = client.get(path, params={name: value})
        assert response.status_code == 400, (path, value)
        assert f"{name}:" in response.text and "whole number" in response.text


@pytest.mark.parametrize("value", ["2018-02-30", "9999-99-99", "2018-13", "2018-00", "2023-02-29", "0000",
                                   "2018-1-1", "\u0662\u0660\u0661\u0668", "2018-02-3O"])
def test_impossible_since_date_is_400(client, value):
    for name in ("since", "until"):
        for path in _FILTERED_ROUTES:
            response = client.get(path, params={name: value})
            assert response.status_code == 400, (path, name, value)
            assert f"{name}:" in response.text and "date" in response.text


@pytest.mark.parametrize("value", ["2024", "2024-02", "2024-02-29", "2024-12-31"])
def test_real_dates_are_accepted(client, value):
    assert client.get("/events.json", params={"since": value, "until": value}).status_code == 200


def test_percent_in_actor_filter_is_literal(client):
    everything = client.get("/events.json").json()["total"]
    assert everything > 0
    assert client.get("/events.json", params={"actor": "Marlow"}).json()["total"] == 1
    for wildcard in ("%", "_", "M_rlow", "Mar%ow", "\\", "\\%"):
        assert client.get("/events.json", params={"actor": wildcard}).json()["total"] == 0, wildcard
        assert client.get("/events.json", params={"place": wildcard}).json()["total"] == 0, wildcard
        assert client.get("/actors.json", params={"q": wildcard}).json()["actors"] == [], wildcard
    assert client.get("/events.json", params={"place": "Nairobi"}).json()["total"] == 1


def test_percent_in_store_filters_is_literal(hostile_db):
    from eventscribe.store import Store
    with Store(hostile_db, read_only=True) as store:
        assert len(store.query_events(actor="Marlow")) == 1
        assert store.query_events(actor="%") == [] and store.query_events(actor="M_rlow") == []
        assert store.query_events(place="%") == [] and store.actors(search="_") == []


def test_like_pattern_escapes_wildcards_and_the_escape():
    from eventscribe.store.dialects import POSTGRES, SQLITE, like_pattern
    assert like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"
    assert SQLITE.contains("name") == "name LIKE ? ESCAPE '\\'"
    assert POSTGRES.contains("name") == "name ILIKE ? ESCAPE '\\'"


def test_too_many_search_terms_is_400(client):
    many = " ".join(f"w{i}" for i in range(MAX_SEARCH_TERMS + 1))
    for path in _FILTERED_ROUTES:
        response = client.get(path, params={"q": many})
        assert response.status_code == 400 and "q:" in response.text and str(MAX_SEARCH_TERMS) in response.text
    assert client.get("/events.json", params={"q": " ".join(many.split()[:MAX_SEARCH_TERMS])}).status_code == 200


def test_thirty_thousand_terms_are_refused(client):
    """Refused by the query's size before any term is looked at (the timing is in bench/)."""
    response = client.get("/events.json", params={"q": " ".join(["a"] * 30_000)})
    assert response.status_code == 400 and "60001 characters" in response.json()["reason"]


def test_overlong_query_values_are_400(client):
    long = "x" * (MAX_VALUE_LENGTH + 1)
    for params in ({"actor": long}, {"place": long}, {"mode": long}, {"unknown": long}):
        response = client.get("/events.json", params=params)
        name = next(iter(params))
        assert response.status_code == 400 and f"{name}:" in response.text and "characters" in response.text
    response = client.get("/actors", params={"q": long})
    assert response.status_code == 400 and "q:" in response.text
    crowded = {f"p{i}": "x" * 100 for i in range(30)}
    response = client.get("/events.json", params=crowded)
    assert response.status_code == 400 and "query:" in response.text
    assert client.get("/events.json", params={"actor": "x" * MAX_VALUE_LENGTH}).status_code == 200


@pytest.mark.parametrize("params, name", [
    ({"page": "\u00b2"}, "page"), ({"since": "2018-02-30"}, "since"), ({"until": "9999-99-99"}, "until"),
    ({"type": "PICNIC"}, "type"), ({"q": "w " * 40}, "q"), ({"actor": "y" * 300}, "actor"),
])
def test_each_bad_value_is_a_400_naming_the_parameter_in_html_and_json(client, params, name):
    page = client.get("/events", params=params)
    twin = client.get("/events.json", params=params)
    assert page.status_code == twin.status_code == 400
    assert f"{name}:" in page.text and twin.json()["error"] == "bad filter" and twin.json()["reason"].startswith(f"{name}:")


def test_the_not_found_page_links_only_to_this_site(client):
    response = client.get(LOCAL + "//evil.example/x")
    assert response.status_code == 404 and "no page at //evil.example/x" in response.text
    assert 'href="//evil.example' not in response.text and 'action="//' not in response.text


def test_percent_and_underscore_are_literal_on_every_backend(store_location, tmp_path):
    """SQLite's LIKE and PostgreSQL's ILIKE both take the ESCAPE the filters name."""
    from eventscribe.store import Store
    location = hostile_store.build(tmp_path, store_location)
    web = TestClient(create_app(location), base_url=LOCAL)
    assert web.get("/events.json", params={"actor": "marlow"}).json()["total"] == 1
    for wildcard in ("%", "_", "M_rlow", "\\"):
        assert web.get("/events.json", params={"actor": wildcard}).json()["total"] == 0, wildcard
        assert web.get("/events.json", params={"place": wildcard}).json()["total"] == 0, wildcard
        assert web.get("/actors.json", params={"q": wildcard}).json()["actors"] == [], wildcard
    with Store(location) as store:
        assert store.query_events(actor="%") == [] and store.query_events(place="N_irobi") == []
        assert len(store.query_events(place="nairobi")) == 1


def test_serve_answers_to_the_host_it_is_given(hostile_db, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from eventscribe.cli import app
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda web, **options: started.update(web=web, **options))
    done = CliRunner().invoke(app, ["serve", "--db", str(hostile_db), "--host", "192.168.7.7", "--port", "8123"])
    assert done.exit_code == 0, done.output
    web = TestClient(started["web"], base_url="http://192.168.7.7:8123")
    assert web.get("/events.json").status_code == 200
    assert web.get("/events.json", headers={"host": "localhost:8123"}).status_code == 200
    assert web.get("/events.json", headers={"host": "evil.example:8123"}).status_code == 400
