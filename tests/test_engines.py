"""One conformance suite for every engine: the same corpus gives the same events (same ids,
same merges, same records) and the same statistics on the local engine and on Spark local[2]."""
import json

import pytest

from eventscribe.engines import get_engine
from eventscribe.ingest import ingest
from eventscribe.store import Store

ENGINES = ["local", "spark"]


@pytest.fixture(scope="module")
def engines():
    made = {name: get_engine(name, master="local[2]") for name in ENGINES}
    yield made
    for engine in made.values():
        engine.close()


def _run(paths, db, engine):
    with Store(db) as store:
        report = ingest(paths, store, engine=engine)
        records = [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in store.iter_records()]
        actors = [(a["actor_id"], a["name"], tuple(a["aliases"])) for a in store.actors()]
    return report.stats, records, actors


@pytest.mark.parametrize("corpus_part", ["seeds", "world-dev/input"])
def test_engines_give_identical_events(corpus, tmp_path, engines, corpus_part):
    results = {name: _run([corpus / corpus_part], tmp_path / f"{name}.db", engine) for name, engine in engines.items()}
    local_stats, local_records, local_actors = results["local"]
    assert local_records
    if corpus_part == "seeds":
        assert any(json.loads(r)["source_count"] > 1 for r in local_records)   # the April 2019 meeting
    for name in ENGINES[1:]:
        stats, records, actors = results[name]
        assert records == local_records, f"{name} differs from local"
        assert actors == local_actors
        assert {k: v for k, v in stats.items() if not k.startswith("seconds")} == \
            {k: v for k, v in local_stats.items() if not k.startswith("seconds")}


def test_spark_engine_runs_a_second_ingest_incrementally(corpus, tmp_path, engines):
    db = tmp_path / "twice.db"
    with Store(db) as store:
        ingest([corpus / "seeds" / sorted(p.name for p in (corpus / "seeds").iterdir())[0]], store, engine=engines["spark"])
        ingest([corpus / "seeds"], store, engine=engines["spark"])
        stepwise = sorted(json.dumps(r, sort_keys=True) for r in store.iter_records())
    with Store(tmp_path / "once.db") as store:
        ingest([corpus / "seeds"], store, engine=engines["local"])
        once = sorted(json.dumps(r, sort_keys=True) for r in store.iter_records())
    assert stepwise == once


def _archives(folder):
    """A Parquet table and a WARC file of made-up reports."""
    from io import BytesIO

    import pyarrow as pa
    import pyarrow.parquet as pq
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    folder.mkdir()
    texts = ["Foreign Minister Anna Berg met her Vestian counterpart Paul Roe in Oslo on Monday.",
             "President Omar Haddad received Prime Minister Lena Okafor in Beirut on Tuesday."]
    pq.write_table(pa.table({"doc_id": ["a1", "a2"], "published": ["2021-03-03", "2021-03-04"], "text": texts}),
                   folder / "reports.parquet")
    page = ("<html><body><article><h1>Talks in Oslo</h1><p>Foreign Minister Anna Berg met Paul Roe in Oslo on"
            " Monday, officials said, and the two ministers agreed to meet again in the spring to discuss"
            " fishing rights in the northern waters.</p></article></body></html>")
    with open(folder / "news.warc.gz", "wb") as output:
        writer = WARCWriter(output, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record("https://example.org/oslo", "response",
                                           payload=BytesIO(page.encode()), http_headers=headers)
        writer.write_record(record)
        record.raw_stream.close()      # warcio buffers the payload in a temporary file of its own
    return [folder / "reports.parquet", folder / "news.warc.gz"]


def test_spark_reads_parquet_and_warc_by_url(tmp_path, engines):
    paths = _archives(tmp_path / "in")
    _, local_records, _ = _run(paths, tmp_path / "local.db", engines["local"])
    urls = [path.resolve().as_uri() for path in paths]
    _, spark_records, _ = _run(urls, tmp_path / "spark.db", engines["spark"])
    assert local_records and spark_records == local_records


def test_spark_runs_from_the_venvs_command_without_the_venv_on_path(corpus, tmp_path):
    """`.venv/bin/eventscribe ingest --engine spark` from a shell that never activated the venv:
    the workers must run the command's own interpreter, not `python3` from PATH."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path
    command = Path(sys.executable).parent / "eventscribe"
    bare_path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if Path(p) != command.parent)
    assert shutil.which("eventscribe", path=bare_path) is None
    environment = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYSPARK_PYTHON", "PYTHONPATH")}
    done = subprocess.run([str(command), "ingest", str(corpus / "seeds"), "--engine", "spark", "--db", str(tmp_path / "s.db")],
                          capture_output=True, text=True, env=environment | {"PATH": bare_path}, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    with Store(tmp_path / "s.db") as spark_store:
        spark_records = [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in spark_store.iter_records()]
    _, local_records, _ = _run([corpus / "seeds"], tmp_path / "local.db", get_engine("local"))
    assert spark_records == local_records
