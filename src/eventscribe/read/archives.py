"""Archive formats that hold many reports: Parquet tables and WARC web archives.

A Parquet file is a table of records with the JSON record's columns (doc_id or id, url,
outlet, title, published, text or html). A WARC file (Common Crawl News style) holds HTTP
responses; each HTML response becomes one report, its id derived from the record's id.

A bad record costs that record only: the records before it were already yielded, and those
after it are still read when the archive lets us find them.
"""
from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException

from ..errors import Problem
from ..model import Article, short_id
from . import records
from .records import DEFAULT_MAX_BYTES
from .sanitize import clean_line, storable_name

RecordReader = Callable[..., list]
# to_pylist() makes Python strings of a whole batch at once: small batches bound that memory
# (each cell is then checked against max_bytes by from_record).
_PARQUET_BATCH = 100
_HTTP_SCHEMES = ("http:", "https:")
_HTTP_PARSER = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=True)
_HTML_TYPE = "html"
_RESPONSE = "response"
# HTTP headers are small; this bounds what reading them may take from a hostile record.
_MAX_HTTP_HEADER_BYTES = 256 * 1024
_DRAIN_BLOCK = 64 * 1024
# What warcio raises for a file it cannot go on reading (found by fuzzing it).
_WARC_FAILURES = (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, OSError, zlib.error)


def _first_line(err: BaseException) -> str:
    lines = str(err).splitlines()
    return (lines[0] if lines else type(err).__name__)[:200]


def read_parquet(path: Path, source: str, from_record: RecordReader = records.from_record,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    stem = storable_name(path.stem)
    for item in _parquet_rows(path, source):
        if isinstance(item, Problem):
            yield item
        else:
            number, row = item
            yield from from_record(row, f"{stem}-{number}", f"{source}[{number}]", max_bytes)


def _parquet_rows(path: Path, source: str) -> Iterator[tuple[int, dict] | Problem]:
    """(number, row) of each row, and an E013 for what pyarrow cannot read. Only pyarrow's work
    is guarded here: a failure while building the Article is not an archive problem."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    failures = (pa.ArrowException, OSError, ValueError, TypeError, OverflowError)
    number = 0
    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=_PARQUET_BATCH):
            try:
                rows = batch.to_pylist()
            except failures as err:     # e.g. a timestamp beyond year 9999: skip this batch only
                yield Problem(source, "E013", f"records {number + 1}-{number + batch.num_rows}: {_first_line(err)}")
                number += batch.num_rows
                continue
            for row in rows:
                number += 1
                yield number, row
    except failures as err:     # pyarrow raises several types for a broken file
        where = f"after record {number}: " if number else ""
        yield Problem(source, "E013", where + _first_line(err))


def read_warc(path: Path, source: str, from_record: RecordReader = records.from_record,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    stem = storable_name(path.stem)
    for item in _warc_pages(path, source, max_bytes):
        if isinstance(item, Problem):
            yield item
        else:
            number, where, fields = item
            yield from from_record(fields, f"{stem}-{number}", where, max_bytes)


def _warc_pages(path: Path, source: str, max_bytes: int) -> Iterator[tuple[int, str, dict] | Problem]:
    """(number, where, record fields) of each HTML response, and the Problems of the others.
    A record that cannot be read costs that record (E013); when warcio cannot find the next
    record, the rest of the file is one E013."""
    number = 0
    try:
        with open(path, "rb") as stream:
            # no_record_parse: warcio's own HTTP parsing fails on a response without a target URI,
            # and that error would end the iteration, losing every later record.
            for number, record in enumerate(ArchiveIterator(stream, no_record_parse=True), start=1):
                record_id = _record_id(record, path, number)
                where = f"{source}#{record_id}"
                try:
                    yield from list(_warc_page(record, number, record_id, where, max_bytes))
                except _WARC_FAILURES as err:
                    yield Problem(where, "E013", f"record {number}: {_first_line(err)}")
    except _WARC_FAILURES as err:
        yield Problem(source, "E013", (f"after record {number}: " if number else "") + _first_line(err))


def _record_id(record, path: Path, number: int) -> str:
    return clean_line(record.rec_headers.get_header("WARC-Record-ID") or "") or f"{path.name}:{number}"


def _warc_page(record, number: int, record_id: str, where: str,
               max_bytes: int) -> Iterator[tuple[int, str, dict] | Problem]:
    """One WARC record: its page's fields if it is an HTML response, or why it was skipped."""
    headers = record.rec_headers
    url = clean_line(headers.get_header("WARC-Target-URI") or "") or None
    if not isinstance(record.raw_stream, LimitReader):
        # warcio found no Content-Length: the file ends inside the record's headers.
        yield Problem(where, "E021", f"record {number}")
        return
    http_headers = _http_headers(record) if _may_be_page(record.rec_type, url) else None
    if http_headers is None or _HTML_TYPE not in (http_headers.get_header("Content-Type") or "").lower():
        if _cut_short(record):      # not a page, but the file ends inside it
            yield Problem(where, "E021", f"record {number}")
        return
    record.http_headers = http_headers    # content_stream() then undoes chunking and compression
    body = _bounded_body(record, max_bytes)
    if body is None:
        yield Problem(where, "E003", f"the record's body is more than {max_bytes:,} bytes")
    elif _cut_short(record):
        yield Problem(where, "E021", f"record {number}")
    elif not body.strip():
        yield Problem(where, "E007", "the response body is empty")
    else:
        if url is None:
            yield Problem(where, "W006")
        html = _decode_body(body, http_headers.get_header("Content-Type") or "")
        yield number, where, {"doc_id": short_id("warc", record_id), "url": url, "html": html,
                              "published": headers.get_header("WARC-Date")}


def _may_be_page(rec_type: str | None, url: str | None) -> bool:
    """A response whose URL, if it has one, is a web page's (not dns:, whois:, ...)."""
    return rec_type == _RESPONSE and (url is None or url.lower().startswith(_HTTP_SCHEMES))


def _http_headers(record):
    """The response's HTTP headers, None when the block is not an HTTP response."""
    try:
        return _HTTP_PARSER.parse(LimitReader(record.raw_stream, _MAX_HTTP_HEADER_BYTES))
    except (StatusAndHeadersParserException, EOFError, ValueError, UnicodeError):
        return None


def _bounded_body(record, max_bytes: int) -> bytes | None:
    """The decoded body, or None when it is over max_bytes: never more than max_bytes + 1 bytes
    are decompressed, so a small record that expands to gigabytes costs nothing."""
    if record.raw_stream.limit > max_bytes:     # the raw bytes the record still declares
        return None
    body = record.content_stream().read(max_bytes + 1)
    return None if len(body) > max_bytes else body


def _cut_short(record) -> bool:
    """Whether the file ended before the record's declared Content-Length (read to its end)."""
    stream = record.raw_stream
    while stream.read(_DRAIN_BLOCK):
        pass
    return stream.limit > 0


def _decode_body(body: bytes, content_type: str) -> str:
    try:
        return body.decode(_charset(content_type), errors="replace")
    except (LookupError, ValueError):   # an unknown or non-text charset ("undefined", "idna"),
        return body.decode("utf-8", errors="replace")   # or one with a NUL in its name


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value:
            return value.strip().strip("\"'")
    return "utf-8"
