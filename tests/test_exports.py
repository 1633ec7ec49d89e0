"""Exports load as they are in the tools analysts use: nested Parquet (pyarrow, pandas, R's
arrow), GeoJSON (QGIS), the actor network (networkx, Gephi), CSV with its codebook, and CSV in
POLECAT's and ICEWS's column names. The store is built from invented reports."""
import csv
import json

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_query_library import REPORTS
from typer.testing import CliRunner

from eventscribe.cli import app
from eventscribe.errors import EXIT_OK, EXIT_USAGE
from eventscribe.export import Layout, codebook_path, write_events
from eventscribe.ingest import ingest
from eventscribe.store import Store

POLECAT_COLUMNS = ["Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
                   "Actor Name", "Actor Country", "Primary Actor Sector", "Actor Title", "Actor Name Raw",
                   "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Primary Recipient Sector",
                   "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "Country",
                   "Latitude", "Longitude", "Source", "Publication Date", "Story ID", "Language", "Version"]
ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    reports = folder / "reports.jsonl"
    reports.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    with Store(folder / "e.db") as store:
        ingest([reports], store)
        return store.query_events()


def _of_type(records, type_):
    return next(r for r in records if r["type"] == type_)


def test_parquet_keeps_the_record_nested(records, tmp_path):
    path = tmp_path / "events.parquet"
    assert write_events(records, path, "parquet") == len(records)
    table = pq.read_table(path)
    actors = table.schema.field("actors").type
    assert pa.types.is_list(actors) and pa.types.is_struct(actors.value_type)
    assert {"name", "role", "actor_id", "country", "sector", "aliases"} <= {f.name for f in actors.value_type}
    mentions = table.schema.field("mentions").type
    assert pa.types.is_struct(mentions.value_type) and "sentence" in {f.name for f in mentions.value_type}
    read = table.to_pylist()
    assert [r["event_id"] for r in read] == [r["event_id"] for r in records]
    for got, record in zip(read, records):
        assert got["actors"] == record["actors"] and got["mentions"] == record["mentions"]
        assert got["location"] == record["location"] and got["date"] == record["date"]


def test_geojson_is_a_feature_collection_of_the_placed_events(records, tmp_path):
    path = tmp_path / "events.geojson"
    placed = [r for r in records if r["location"] and r["location"]["lat"] is not None]
    assert write_events(records, path, "geojson") == len(placed) >= 3
    collection = json.loads(path.read_text())
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == len(placed)
    for feature, record in zip(collection["features"], placed):
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        assert (lat, lon) == (record["location"]["lat"], record["location"]["lon"]) and -90 <= lat <= 90 and -180 <= lon <= 180
        assert feature["properties"]["event_id"] == record["event_id"] == feature["id"]


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_the_actor_network_opens_in_networkx(records, tmp_path, fmt, read):
    path = tmp_path / f"network.{fmt}"
    assert write_events(records, path, fmt) == len(records)
    graph = read(path)
    assert graph.is_directed()
    assert set(graph.nodes) == {a["actor_id"] for r in records for a in r["actors"]}
    arrest = _of_type(records, "COERCE")       # police arresting protesters: doer -> target only
    [doer] = [a["actor_id"] for a in arrest["actors"] if a["role"] == "actor"]
    [target] = [a["actor_id"] for a in arrest["actors"] if a["role"] == "recipient"]
    assert graph.has_edge(doer, target) and not graph.has_edge(target, doer)
    assert "COERCE 1" in graph.edges[doer, target]["types"]
    meeting = next(r for r in records if r["type"] == "CONSULT" and all(a["role"] == "participant" for a in r["actors"]))
    first, second = [a["actor_id"] for a in meeting["actors"]][:2]
    assert graph.has_edge(first, second) and graph.has_edge(second, first)     # a meeting joins both ways
    assert int(graph.edges[first, second]["symmetric"]) == int(graph.edges[first, second]["weight"]) >= 1
    assert graph.nodes[first]["label"] in [a["name"] for a in meeting["actors"]]


def _csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("layout, columns, doer, target", [
    (Layout.POLECAT, POLECAT_COLUMNS, "Actor Name", "Recipient Name"),
    (Layout.ICEWS, ICEWS_COLUMNS, "Source Name", "Target Name"),
])
def test_polecat_and_icews_layouts_have_their_columns_and_a_codebook(records, tmp_path, layout, columns, doer, target):
    path = tmp_path / f"{layout.value}.csv"
    write_events(records, path, "csv", layout)
    rows = _csv(path)
    assert list(rows[0]) == columns and len(rows) == len(records)
    arrest = _of_type(records, "COERCE")
    row = next(r for r in rows if r["Event ID"] == arrest["event_id"])
    assert row[doer] == next(a["name"] for a in arrest["actors"] if a["role"] == "actor")
    assert row[target] == next(a["name"] for a in arrest["actors"] if a["role"] == "recipient")
    book = _csv(codebook_path(path))
    assert [entry["column"] for entry in book] == columns and all(entry["meaning"] for entry in book)


def test_the_polecat_quad_and_the_icews_country_names(records, tmp_path):
    write_events(records, tmp_path / "p.csv", "csv", Layout.POLECAT)
    write_events(records, tmp_path / "i.csv", "csv", Layout.ICEWS)
    by_id = {r["event_id"]: r for r in records}
    for row in _csv(tmp_path / "p.csv"):
        expected = {"CONSULT": "1", "COERCE": "4", "ASSAULT": "4"}.get(by_id[row["Event ID"]]["type"])
        assert expected is None or row["Quad Code"] == expected
    meeting = next(r for r in _csv(tmp_path / "i.csv") if by_id[r["Event ID"]]["location"]["name"] == "Lima")
    assert meeting["Country"] == "Peru" and meeting["City"] == "Lima" and meeting["CAMEO Code"] == "04"


def test_a_layout_is_for_flat_files_only(records, tmp_path):
    with pytest.raises(ValueError):
        write_events(records, tmp_path / "x.jsonl", "jsonl", Layout.ICEWS)
    db = tmp_path / "empty.db"
    Store(db).close()
    result = CliRunner().invoke(app, ["export", "--db", str(db), "-f", "jsonl", "--layout", "icews", "-o", str(tmp_path / "x")])
    assert result.exit_code == EXIT_USAGE and "[Q003]" in result.stderr and not (tmp_path / "x").exists()
    done = CliRunner().invoke(app, ["export", "--db", str(db), "-f", "csv", "-o", str(tmp_path / "e.csv")])
    assert done.exit_code == EXIT_OK and codebook_path(tmp_path / "e.csv").is_file()
