"""The Spark engine (optional: pip install -e ".[spark]", Java 17+).

Documents are analysed per partition with `mapInPandas`, the language model loaded once per
Python worker; the units of the cross-document stage are clustered with
`groupBy("unit").applyInPandas`. Both run the very functions the local engine runs
(`analyze_articles`, `resolve.events.cluster`), so the two engines give the same events; the
driver keeps the store and writes to it, as the local engine does.
"""
from __future__ import annotations

import functools
import os
import pickle
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from ..analyze import DEFAULT_MODEL
from ..errors import EventscribeError, Problem
from ..model import Article, DocumentAnalysis
from ..read import iter_articles
from ..read.files import from_record

_ANALYSES = "position long, analysis binary"
_CLUSTERS = "unit long, clusters binary"


def _analyze_partition(model: str, frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """On an executor: unpickle articles, analyse them in one batch per Arrow frame."""
    from eventscribe.analyze import analyze_articles, one_blas_thread
    one_blas_thread()   # Spark runs a Python worker per core
    for frame in frames:
        articles = [pickle.loads(blob) for blob in frame["article"]]
        analyses = list(analyze_articles(articles, model=model, batch_documents=32))
        yield pd.DataFrame({"position": frame["position"], "analysis": [pickle.dumps(a) for a in analyses]})


def _warc_articles(item: tuple[str, bytes], max_bytes: int) -> list[bytes]:
    """On an executor: one WARC file's reports (or problems), pickled; `max_bytes` bounds
    each record's body as the local reader does."""
    import tempfile

    from eventscribe.read.archives import read_warc
    from eventscribe.read.files import from_record
    url, content = item
    with tempfile.NamedTemporaryFile(suffix=".warc") as handle:
        handle.write(content)
        handle.flush()
        return [pickle.dumps(found) for found in read_warc(Path(handle.name), url, from_record, max_bytes)]


class _Runs:
    """The `Wording` of one unit on an executor: the reports' word runs, shipped with it."""

    def __init__(self, runs: dict[str, frozenset[int]]):
        self.runs = runs

    def reports(self, first: str, second: str) -> bool:
        return bool(self.runs.get(first, frozenset()) & self.runs.get(second, frozenset()))


def _cluster_group(frame: pd.DataFrame) -> pd.DataFrame:
    """On an executor: cluster one unit; members come back as ids, with their reasons."""
    from eventscribe.resolve.events import cluster
    [unit_number] = set(frame["unit"])
    events = [event for blob in frame["events"] for event in pickle.loads(blob)]
    runs: dict = {}
    for blob in frame["runs"]:
        runs.update(pickle.loads(blob))
    found = [([member.event_id for member in members], reasons) for members, reasons in cluster(events, _Runs(runs))]
    return pd.DataFrame({"unit": [unit_number], "clusters": [pickle.dumps(found)]})


def _java_or_fail() -> None:
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise EventscribeError("E102", "the Spark engine needs Java 17 or newer, and none is on PATH or in JAVA_HOME",
                               "install it (Debian: apt-get install openjdk-17-jre-headless) or use --engine local")


class SparkEngine:
    name = "spark"

    def __init__(self, master: str = "local[2]"):
        _java_or_fail()
        try:
            from pyspark.sql import SparkSession
        except ImportError as err:
            raise EventscribeError("E103", "the Spark engine needs PySpark, which is not installed",
                                   'pip install -e ".[spark]", or use --engine local') from err
        if master.startswith("local"):
            # PySpark starts its Python workers with $PYSPARK_PYTHON, else `python3` from PATH
            # (spark.pyspark.python below is read by spark-submit, not by an in-process session):
            # in local mode they must run this interpreter, the one that can import eventscribe.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        self.session = (SparkSession.builder.master(master).appName("eventscribe")
                        .config("spark.ui.enabled", "false")
                        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                        .config("spark.pyspark.python", sys.executable)
                        .config("spark.pyspark.driver.python", sys.executable)
                        .getOrCreate())
        self.session.sparkContext.setLogLevel("ERROR")
        self.parallelism = self.session.sparkContext.defaultParallelism

    def read(self, paths, max_bytes: int) -> Iterator[Article | Problem]:
        """Local paths as the local engine reads them; URLs Spark can read (s3a://, hdfs://,
        gs://, file://…) of .parquet tables and .warc(.gz) files are read by the executors."""
        for path in paths:
            text = str(path)
            if "://" not in text:
                yield from iter_articles([path], max_bytes=max_bytes)
            elif text.rstrip("/").endswith(".parquet"):
                records = self.session.read.parquet(text)
                for number, row in enumerate(records.toLocalIterator(), start=1):
                    yield from from_record(row.asDict(), f"{Path(text).stem}-{number}", f"{text}[{number}]", max_bytes)
            elif ".warc" in text:
                files = self.session.sparkContext.binaryFiles(text)
                for blob in files.flatMap(functools.partial(_warc_articles, max_bytes=max_bytes)).toLocalIterator():
                    yield pickle.loads(blob)
            else:
                yield Problem(text, "E010", "a URL must name .parquet or .warc(.gz) data")

    def analyses(self, articles: list[Article], model: str = DEFAULT_MODEL) -> Iterator[DocumentAnalysis]:
        """Analyses in input order, computed by the executors."""
        if not articles:
            return
        frame = pd.DataFrame({"position": range(len(articles)), "article": [pickle.dumps(a) for a in articles]})
        partitions = max(1, min(len(articles) // 8 or 1, self.parallelism * 4))
        documents = self.session.createDataFrame(frame).repartition(partitions)
        analysed = documents.mapInPandas(functools.partial(_analyze_partition, model), _ANALYSES)
        for row in analysed.orderBy("position").toLocalIterator():
            yield pickle.loads(row["analysis"])

    def clusters(self, units, wording) -> list:
        """The units of one batch, clustered by the executors, one group per unit."""
        rows = []
        for number, unit in enumerate(units):
            undated = any(event.firm_date is None for event in unit)
            runs = {event.doc_id: wording.runs_of(event.doc_id) for event in unit} if undated else {}
            rows.append({"unit": number, "events": pickle.dumps(unit), "runs": pickle.dumps(runs)})
        frame = self.session.createDataFrame(pd.DataFrame(rows)).repartition(self.parallelism)
        grouped = frame.groupBy("unit").applyInPandas(_cluster_group, _CLUSTERS)
        by_unit = {row["unit"]: pickle.loads(row["clusters"]) for row in grouped.collect()}
        found = []
        for number, unit in enumerate(units):
            by_id = {event.event_id: event for event in unit}
            found.extend(([by_id[event_id] for event_id in members], reasons) for members, reasons in by_unit[number])
        return found

    def close(self) -> None:
        self.session.stop()
