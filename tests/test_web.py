"""The web app at HTTP level: every page and its JSON twin, filters, downloads, escaping, errors."""
import csv
import io
import json
import re
import shutil
import sqlite3

import pytest
from starlette.testclient import TestClient

from eventscribe.web.app import create_app

LOCAL = "http://127.0.0.1"     # the app answers to loopback names only (TestClient's own is "testserver")


@pytest.fixture(scope="module")
def client(seeds_db):
    return TestClient(create_app(seeds_db), base_url=LOCAL)


def _first_event(client, **params):
    return client.get("/events.json", params=params).json()["events"][0]


def test_events_page_and_its_json_twin_show_the_same_events(client):
    page = client.get("/events")
    twin = client.get("/events.json").json()
    assert page.status_code == 200 and twin["total"] > 0
    for event in twin["events"]:
        assert f'/events/{event["event_id"]}' in page.text


def test_filters_live_in_the_url_and_narrow_the_selection(client):
    everything = client.get("/events.json").json()["total"]
    consult = client.get("/events.json", params={"type": "consult"}).json()
    assert 0 < consult["total"] < everything and {e["type"] for e in consult["events"]} == {"CONSULT"}
    by_actor = client.get("/events.json", params={"actor": "Lavrentyev"}).json()
    assert by_actor["total"] >= 2
    assert all(any("Lavrent" in a["name"] for a in e["actors"]) for e in by_actor["events"])
    dated = client.get("/events.json", params={"since": "2018-01-01", "until": "2018-12"}).json()
    assert dated["events"] and all(e["date"][:4] == "2018" for e in dated["events"])
    page = client.get("/events", params={"type": "CONSULT", "actor": "Lavrentyev"})
    assert 'value="Lavrentyev"' in page.text and "CONSULT" in page.text


def test_full_text_search_over_evidence(client):
    found = client.get("/events.json", params={"q": "Damascus"}).json()
    assert found["total"] >= 1
    nothing = client.get("/events.json", params={"q": "zzqxjunkword"}).json()
    assert nothing["total"] == 0
    # FTS syntax in the words is taken as words, not as a query language.
    assert client.get("/events.json", params={"q": 'NEAR( "AND OR * -'}).status_code == 200


def test_pagination(client):
    first = client.get("/events.json", params={"per_page": 2}).json()
    second = client.get("/events.json", params={"per_page": 2, "page": 2}).json()
    assert first["pages"] >= 2 and not {e["event_id"] for e in first["events"]} & {e["event_id"] for e in second["events"]}
    assert 'rel="next"' in client.get("/events", params={"per_page": 2}).text


def test_downloads_hold_the_whole_selection(client):
    total = client.get("/events.json", params={"type": "CONSULT"}).json()["total"]
    rows = list(csv.DictReader(io.StringIO(client.get("/events.csv", params={"type": "CONSULT", "per_page": 1}).text)))
    assert len(rows) == total and all(r["type"] == "CONSULT" for r in rows)
    lines = client.get("/events.jsonl", params={"type": "CONSULT"}).text.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == total and all(r["mentions"] for r in records)


def test_event_page_highlights_the_evidence_and_explains_merges(client):
    merged = next(e for e in client.get("/events.json", params={"per_page": 500}).json()["events"] if e["source_count"] > 1)
    twin = client.get(f"/events/{merged['event_id']}.json").json()
    page = client.get(f"/events/{merged['event_id']}").text
    assert twin["merge_reason"] and "Why these were merged" in page
    mention = twin["mentions"][0]
    trigger = next(p["text"] for p in mention["pieces"] if p["mark"] == "trigger")
    assert "".join(p["text"] for p in mention["pieces"]) == mention["sentence"]
    assert f'<mark class="trigger">{trigger}</mark>' in page
    assert {m["doc_id"] for m in twin["mentions"]} >= {"002", "003"} or len({m["doc_id"] for m in twin["mentions"]}) >= 2


def test_actor_page_has_aliases_titles_counterparts_and_network(client):
    event = _first_event(client, actor="Lavrentyev")
    actor_id = next(a["actor_id"] for a in event["actors"] if "Lavrent" in a["name"])
    twin = client.get(f"/actors/{actor_id}.json").json()
    assert len(twin["aliases"]) >= 2 and twin["counterparts"] and twin["network"]["links"]
    page = client.get(f"/actors/{actor_id}").text
    assert all(alias["alias"] in page for alias in twin["aliases"])
    assert 'id="network"' in page and 'id="timeline"' in page
    listing = client.get("/actors.json", params={"q": "Lavrenteev"}).json()["actors"]
    assert [a["actor_id"] for a in listing] == [actor_id]


def test_timeline_and_map_twins(client):
    timeline = client.get("/timeline.json", params={"type": "CONSULT"}).json()
    assert timeline["events"] and all(e["type"] == "CONSULT" and e["date"] for e in timeline["events"])
    places = client.get("/map.json").json()["places"]
    assert places and all(p["lat"] is not None for p in places)
    assert client.get("/timeline").status_code == client.get("/map").status_code == 200


@pytest.mark.parametrize("params, reason", [
    ({"since": "last week"}, "since"), ({"type": "PICNIC"}, "type"), ({"place_country": "Syria"}, "place_country"),
    ({"actor_country": "SY"}, "actor_country"), ({"mode": "brunch"}, "mode"), ({"sort": "random"}, "sort"),
    ({"page": "0"}, "page"), ({"per_page": "100000"}, "per_page"), ({"page": "1; DROP TABLE events"}, "page"),
])
def test_bad_filter_values_are_400_with_the_reason(client, params, reason):
    for path in ("/events", "/events.json", "/timeline.json", "/events.csv"):
        response = client.get(path, params=params)
        assert response.status_code == 400 and reason in response.text


def test_unknown_ids_are_404(client):
    for path in ("/events/ffffffffffffffff", "/events/ffffffffffffffff.json", "/actors/nobody", "/nowhere"):
        assert client.get(path).status_code == 404


def test_filters_are_parameters_not_sql(client):
    hostile = "x' OR '1'='1"
    assert client.get("/events.json", params={"actor": hostile}).json()["total"] == 0
    assert client.get("/events.json", params={"place": "%' --"}).json()["total"] == 0


def test_article_text_and_names_are_escaped(seeds_db, tmp_path):
    db = tmp_path / "hostile.db"
    shutil.copy(seeds_db, db)
    connection = sqlite3.connect(db)
    with connection:
        event_id, = connection.execute("SELECT event_id FROM events LIMIT 1").fetchone()
        # the hostile sentence replaces the stored one whole: no trigger or name offsets cut it into pieces
        connection.execute("UPDATE mentions SET sentence = '<script>alert(1)</script> met <img src=x onerror=alert(2)>',"
                           " trigger_start = NULL, trigger_end = NULL"
                           " WHERE event_id IN (SELECT event_id FROM doc_events WHERE cluster_id = ?)", (event_id,))
        connection.execute("UPDATE mention_participants SET start = NULL WHERE mention_id IN (SELECT mention_id FROM"
                           " mentions WHERE event_id IN (SELECT event_id FROM doc_events WHERE cluster_id = ?))", (event_id,))
        connection.execute("UPDATE actors SET name = '<img src=x onerror=alert(3)>' WHERE actor_id IN"
                           " (SELECT actor_id FROM event_actors WHERE event_id = ?)", (event_id,))
        connection.execute("UPDATE documents SET outlet = '<b>Outlet</b>'")
    connection.close()
    client = TestClient(create_app(db), base_url=LOCAL)
    for path in (f"/events/{event_id}", "/events", "/actors"):
        page = client.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>Outlet" not in page
    assert "&lt;img src=x onerror=alert(3)&gt;" in client.get("/events").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/events/{event_id}").text


def test_every_script_and_style_is_served_by_the_app(client, seeds_db):
    import re
    event = _first_event(client)
    actor_id = event["actors"][0]["actor_id"]
    for path in ("/events", f"/events/{event['event_id']}", f"/actors/{actor_id}", "/timeline", "/map"):
        page = client.get(path).text
        assets = re.findall(r'(?:src|href)="(/assets/[^"]+)"', page)
        assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
        for asset in assets:
            assert client.get(asset).status_code == 200, asset
    assert client.get("/assets/countries.geojson").json()["features"], "world-atlas not installed: npm ci in src/eventscribe/web/assets"


def test_large_selections_are_sampled_with_a_visible_note(client, monkeypatch):
    from eventscribe.web import queries
    full = client.get("/timeline.json").json()
    assert full["note"] is None and len(full["events"]) == full["total"] > 4
    monkeypatch.setattr(queries, "GRAPH_CAP", 4)
    monkeypatch.setattr(queries.sample, "__defaults__", (4,))
    capped = client.get("/timeline.json").json()
    assert len(capped["events"]) == 4 and capped["total"] == full["total"] and "showing 4 of" in capped["note"]
    dates = [e["date"] for e in capped["events"]]
    assert dates == sorted(dates) and dates[0] == min(e["date"] for e in full["events"])
    assert "showing 4 of" in client.get("/timeline").text


def test_the_overview_counts_the_whole_selection_and_each_count_is_a_filter(client):
    page = client.get("/events.json", params={"per_page": 2}).json()
    overview = page["overview"]
    assert sum(f["events"] for f in overview["by_type"]) == page["total"] > 2     # the selection, not the page
    for facet in overview["by_type"][:3] + overview["by_actor"][:3] + overview["by_country"][:3]:
        narrowed = client.get("/events.json", params=facet["filter"]).json()
        assert narrowed["total"] == facet["events"], facet
    bars = overview["over_time"]["bars"]
    assert bars and sum(b["events"] for b in bars) <= page["total"]
    busiest = max(bars, key=lambda b: b["events"])
    assert client.get("/events.json", params=busiest["filter"]).json()["total"] >= busiest["events"]


def test_rows_say_who_did_what_to_whom_with_a_line_of_evidence(client):
    events = client.get("/events.json", params={"per_page": 500}).json()["events"]
    directed = [e for e in events if e["sides"]["doers"] and e["sides"]["targets"]]
    assert directed and all(e["evidence"] and len(e["evidence"]) <= 160 for e in events)
    page = client.get("/events").text
    assert 'class="arrow"' in page and 'class="snippet"' in page


def test_sorting_by_sources_puts_the_most_told_events_first(client):
    events = client.get("/events.json", params={"sort": "sources", "per_page": 500}).json()["events"]
    counts = [e["source_count"] for e in events]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]


def test_the_actor_page_lists_the_actors_events(client):
    actor = _first_event(client, actor="Lavrentyev")["actors"]
    lavrentyev = next(a for a in actor if "Lavrent" in a["name"])
    page = client.get(f"/actors/{lavrentyev['actor_id']}.json").json()
    assert page["recent_events"] and page["event_count"] >= len(page["recent_events"])
    assert all(any(a["actor_id"] == lavrentyev["actor_id"] for side in e["sides"].values() for a in side)
               for e in page["recent_events"])


def test_merge_reasons_name_reports_and_actors_not_ids(client):
    merged = next(e for e in client.get("/events.json", params={"sort": "sources"}).json()["events"] if e["source_count"] > 1)
    words = client.get(f"/events/{merged['event_id']}.json").json()["merge_explained"]
    told = [w for w in words if "joined" in w]
    assert told and all("the account in report" in w for w in told)
    assert not any(re.search(r"\b[0-9a-f]{16} from ", w) for w in words) and not any("None" in w for w in words)


def test_the_map_and_the_timeline_take_the_lists_filters(client):
    everything = client.get("/map.json").json()
    consult = client.get("/map.json", params={"type": "CONSULT"}).json()
    assert sum(consult["countries"].values()) < sum(everything["countries"].values())
    assert sum(p["events"] for p in consult["places"]) == sum(consult["countries"].values())
    assert all(p["event_id"] for p in everything["places"] if p["events"] == 1)
    timeline = client.get("/timeline.json", params={"type": "CONSULT"}).json()
    assert timeline["domain"][0] <= min(e["date"] for e in timeline["events"]) and timeline["outliers"] == []


def test_country_outlines_span_at_most_half_the_world(client):
    shapes = client.get("/assets/countries.geojson").json()["features"]
    for feature in shapes:
        longitudes = [p[0] for polygon in feature["geometry"]["coordinates"] for ring in polygon for p in ring]
        assert max(longitudes) - min(longitudes) <= 180, feature["properties"]["name"]
    assert sum(1 for f in shapes if f["properties"]["iso3"]) >= len(shapes) - 3
    assert {"RUS", "FJI", "USA"} <= {f["properties"]["iso3"] for f in shapes}


@pytest.mark.parametrize("periods, span", [
    ([("1962-05", 1), ("2023-01", 8)], ("2023", "2023")),          # one stray date among few
    ([("1962", 1)] + [(f"20{y}-{m:02d}", 1) for y in range(19, 25) for m in (1, 6)], ("2019", "2024")),
    ([(f"{y}", 1) for y in range(1990, 2025)], ("1990", "2024")),  # spread out: the whole span
    ([("2010", 5), ("2023", 5)], ("2010", "2023")),                # two clusters: both kept
    ([("2023", 3)], ("2023", "2023")),
])
def test_the_bulk_of_the_dates_leaves_out_only_stray_ones(periods, span):
    from eventscribe.web.queries import bulk
    assert bulk(periods) == span


def test_the_chart_counts_by_month_or_by_year_and_says_what_it_leaves_out():
    from eventscribe.web.queries import over_time
    months = over_time([("1962-05", 1), ("2023", 2), ("2023-01", 5), ("2023-03", 3)])
    assert months["unit"] == "month" and [(b["period"], b["events"]) for b in months["bars"]] == [
        ("2023-01", 5), ("2023-02", 0), ("2023-03", 3)]
    assert "1 event(s) dated outside 2023 – 2023" in months["note"] and "2 event(s) dated to a year only" in months["note"]
    years = over_time([("2023", 3)])
    assert years["unit"] == "year" and years["bars"][0]["events"] == 3 and years["note"] is None
    assert over_time([]) == {"unit": "month", "bars": [], "note": None}
