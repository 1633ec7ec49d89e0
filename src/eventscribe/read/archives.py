"""Archive formats that hold many reports: Parquet tables and WARC web archives.

A Parquet file is a table of records with the JSON record's columns (doc_id or id, url,
outlet, title, published, text or html). A WARC file (Common Crawl News style) holds HTTP
responses; each HTML response becomes one report, its id derived from the record's id.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import Problem
from ..model import Article, short_id


def read_parquet(path: Path, source: str, from_record: Callable) -> Iterator[Article | Problem]:
    import pyarrow.parquet as pq
    try:
        table = pq.ParquetFile(path)
    except Exception as err:    # pyarrow raises several types for a broken file
        yield Problem(source, "E013", str(err).splitlines()[0][:200])
        return
    number = 0
    for batch in table.iter_batches(batch_size=1000):
        for record in batch.to_pylist():
            number += 1
            yield from_record(record, f"{path.stem}-{number}", f"{source}[{number}]")


def read_warc(path: Path, source: str, from_record: Callable) -> Iterator[Article | Problem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    try:
        with open(path, "rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in content_type:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                record_id = record.rec_headers.get_header("WARC-Record-ID") or f"{path.name}:{number}"
                body = record.content_stream().read()
                html = body.decode(_charset(content_type), errors="replace")
                yield from_record({"doc_id": short_id("warc", record_id), "url": url, "html": html,
                                   "published": record.rec_headers.get_header("WARC-Date")},
                                  f"{path.stem}-{number}", f"{source}#{record_id}")
    except ArchiveLoadFailed as err:
        yield Problem(source, "E013", str(err).splitlines()[0][:200])


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key == "charset" and value:
            return value.strip("\"'")
    return "utf-8"
