"""Random inputs never stop the reader: every item is an Article or a Problem with a message.

Each test writes what hypothesis makes to a fresh temporary folder and reads it back with
iter_articles. The last-resort code E029 (an unexpected error inside the reader) must not
appear either: each kind of bad input has a code of its own.
"""
import gzip
import json
import os
import tempfile
from io import BytesIO
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventscribe.errors import MESSAGES, Problem
from eventscribe.model import Article
from eventscribe.read import iter_articles

MAX_BYTES = 20_000
# A longer hunt: EVENTSCRIBE_FUZZ_EXAMPLES=5000 python -m pytest tests/test_read_fuzz.py
EXAMPLES = int(os.environ.get("EVENTSCRIBE_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
UNEXPECTED = "E029"
SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".txt.gz", ".json.gz", ".jsonl.gz", ".warc", ".warc.gz", ".parquet"]


def _read_as(name: str, data: bytes) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(iter_articles([path], max_bytes=MAX_BYTES))


def _check(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, Problem)), item
        if isinstance(item, Problem):
            assert item.code in MESSAGES and item.message and item.code != UNEXPECTED, item
        else:
            item.text.encode("utf-8")       # storable: no lone surrogates left
            assert item.content_hash and item.doc_id


class Digits(str):
    """A JSON number written out digit by digit: too long for Python's int() (4,300 digits)."""


# Any text, lone surrogates included (hypothesis draws them from the "Cs" category).
any_text = st.text(st.characters(codec=None), max_size=40)
huge_ints = (st.integers() | st.integers(min_value=10 ** 250, max_value=10 ** 4000)
             | st.integers(min_value=4301, max_value=6000).map(lambda length: Digits("9" * length)))
json_scalars = st.none() | st.booleans() | huge_ints | st.floats(allow_nan=True) | any_text
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(any_text, inner, max_size=4), max_leaves=12)
FIELDS = ["doc_id", "id", "url", "outlet", "title", "published", "text", "html"]
records = st.dictionaries(st.sampled_from(FIELDS), json_values | any_text, max_size=8)


def _to_json(value: object) -> str:
    """JSON text as another tool would write it: lone surrogates as \\ud800 escapes, numbers
    of any length written out in full."""
    if isinstance(value, Digits):
        return str(value)
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(key) + ":" + _to_json(item) for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_to_json(item) for item in value) + "]"
    return json.dumps(value)


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_any_name(data, suffix):
    _check(_read_as("random" + suffix, data))


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".warc", ".parquet", ".warc.gz"]))
def test_random_bytes_behind_a_valid_archive_head(data, suffix):
    heads = {".warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 100\r\n\r\nHTTP/1.1 200 OK\r\n",
             ".parquet": b"PAR1", ".warc.gz": b""}
    payload = heads[suffix] + data + (b"PAR1" if suffix == ".parquet" else b"")
    if suffix == ".warc.gz":
        payload = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + data)
    _check(_read_as("random" + suffix, payload))


@FUZZ
@given(values=st.lists(records | json_values, min_size=1, max_size=4), as_lines=st.booleans())
def test_random_json_records(values, as_lines):
    texts = [_to_json(value) for value in values]
    if as_lines:
        _check(_read_as("batch.jsonl", "\n".join(texts).encode()))
    else:
        _check(_read_as("batch.json", ("[" + ",".join(texts) + "]").encode()))


@FUZZ
@given(depth=st.integers(min_value=1, max_value=3000), opener=st.sampled_from(["[", '{"a":']))
def test_nesting_of_any_depth(depth, opener):
    closer = "]" if opener == "[" else "}"
    _check(_read_as("deep.jsonl", (opener * depth + "1" + closer * depth).encode()))


html_bits = st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div>", "<script>", "</script>", "<!--", "-->",
                             "<meta charset='x'>", "<title>", "&amp;", "&#0;", "&#xD800;", "<![CDATA[", "\x00", "\r",
                             "<article>", "The minister met the envoy in Oslo on Monday. "])
html_pages = st.lists(html_bits | any_text, max_size=60).map("".join)


@FUZZ
@given(page=html_pages)
def test_random_html_ish_text(page):
    _check(_read_as("page.html", page.encode("utf-8", "surrogatepass")))


@FUZZ
@given(page=html_pages, record=records)
def test_random_html_in_json_records(page, record):
    record = dict(record, html=page)
    _check(_read_as("r.json", _to_json(record).encode()))


@FUZZ
@given(data=st.binary(max_size=5000), cut=st.integers(min_value=0, max_value=5000))
def test_random_and_truncated_gzip_members(data, cut):
    packed = gzip.compress(data)
    _check(_read_as("member.txt.gz", packed[: len(packed) - cut % (len(packed) + 1)]))
    _check(_read_as("member.jsonl.gz", packed))


def _warc_bytes(pages: list, compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    output = BytesIO()
    writer = WARCWriter(output, gzip=compress)
    for url, body, content_type, encoding in pages:
        fields = [("Content-Type", content_type)] + ([("Content-Encoding", encoding)] if encoding else [])
        headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
        record = writer.create_warc_record(url or "https://x.example/", "response", payload=BytesIO(body),
                                           http_headers=headers)
        if url is None:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    return output.getvalue()


warc_pages = st.tuples(
    st.none() | st.sampled_from(["https://example.org/a", "dns:example.org", "http://x/\u00e9"]),
    st.binary(max_size=2000) | html_pages.map(lambda page: page.encode("utf-8", "surrogatepass")),
    st.sampled_from(["text/html", "text/html; charset=latin-1", "text/html; charset=bogus", "text/html; charset=undefined", "image/png",
                     "text/html; charset=utf-16"]),
    st.sampled_from([None, "gzip", "deflate", "br"]),
)


@FUZZ
@given(pages=st.lists(warc_pages, min_size=1, max_size=4), compress=st.booleans(),
       cut=st.integers(min_value=0, max_value=3000))
def test_random_warc_records_whole_and_truncated(pages, compress, cut):
    data = _warc_bytes(pages, compress)
    _check(_read_as("news.warc.gz" if compress else "news.warc", data))
    _check(_read_as("news.warc.gz" if compress else "news.warc", data[: max(0, len(data) - cut)]))


cells = st.none() | st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@FUZZ
@given(rows=st.lists(st.tuples(cells, cells, cells, st.none() | st.integers(-2 ** 63, 2 ** 63 - 1),
                                 st.binary(max_size=20)), max_size=5),
       cut=st.integers(min_value=0, max_value=400))
def test_random_parquet_tables_whole_and_truncated(rows, cut):
    import pyarrow as pa
    import pyarrow.parquet as pq
    columns = list(zip(*rows)) or [[], [], [], [], []]
    table = pa.table({"doc_id": pa.array(columns[0], pa.string()), "title": pa.array(columns[1], pa.string()),
                      "text": pa.array(columns[2], pa.string()), "published": pa.array(columns[3], pa.int64()),
                      "html": pa.array(columns[4], pa.binary())})
    sink = BytesIO()
    pq.write_table(table, sink)
    data = sink.getvalue()
    _check(_read_as("t.parquet", data))
    _check(_read_as("t.parquet", data[: max(0, len(data) - cut)]))


def _mutated(data: bytes, edits: list) -> bytes:
    """The bytes with some replaced, dropped or inserted: what a bad disk or transfer does."""
    buffer = bytearray(data)
    for position, value, kind in edits:
        if not buffer:
            break
        at = position % len(buffer)
        if kind == "replace":
            buffer[at] = value
        elif kind == "drop":
            del buffer[at]
        else:
            buffer.insert(at, value)
    return bytes(buffer)


edits = st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255), st.sampled_from(["replace", "drop", "insert"])),
                 min_size=1, max_size=6)


@FUZZ
@given(pages=st.lists(warc_pages, min_size=1, max_size=3), compress=st.booleans(), changes=edits)
def test_mutated_warc_files(pages, compress, changes):
    data = _mutated(_warc_bytes(pages, compress), changes)
    _check(_read_as("news.warc.gz" if compress else "news.warc", data))


@FUZZ
@given(rows=st.lists(cells, min_size=1, max_size=5), changes=edits)
def test_mutated_parquet_files(rows, changes):
    import pyarrow as pa
    import pyarrow.parquet as pq
    sink = BytesIO()
    pq.write_table(pa.table({"doc_id": pa.array(rows, pa.string()), "text": pa.array(rows, pa.string())}), sink)
    _check(_read_as("t.parquet", _mutated(sink.getvalue(), changes)))


@FUZZ
@given(values=st.lists(records, min_size=1, max_size=3), changes=edits)
def test_mutated_gzipped_json_lines(values, changes):
    packed = gzip.compress("\n".join(_to_json(value) for value in values).encode())
    _check(_read_as("batch.jsonl.gz", _mutated(packed, changes)))
