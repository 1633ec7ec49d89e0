"""Walk input paths and turn each file (or JSONL line) into an Article or a Problem."""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Problem
from ..model import Article
from .decode import DecodeError, decode_bytes
from .archives import read_parquet, read_warc
from .html import html_to_article

DEFAULT_MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
ARCHIVE_SUFFIXES = {".parquet", ".warc"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | ARCHIVE_SUFFIXES


def _kind_and_stem(path: Path) -> tuple[str, str]:
    """('.txt', '001_x') for 001_x.txt.gz: the format suffix and the name without extensions."""
    name = path.name
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix.lower()
    stem = name[: -len(suffix)] if suffix else name
    return suffix, stem


def list_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Every file under the given paths (folders recursively), in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            found.append(path)
    return found


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DecodeError("E003", f"more than {max_bytes:,} bytes")
    return data


def iter_articles(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    for path in list_inputs(paths):
        yield from read_file(path, max_bytes)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    source = str(path)
    suffix, stem = _kind_and_stem(path)
    if suffix not in SUPPORTED:
        yield Problem(source, "E010", suffix or "no extension")
        return
    if suffix == ".parquet":
        yield from read_parquet(path, source, from_record)
        return
    if suffix == ".warc":    # .warc and .warc.gz: warcio reads both
        yield from read_warc(path, source, from_record)
        return
    try:
        data = _read_bytes(path, max_bytes)
    except DecodeError as err:
        yield Problem(source, err.code, err.detail)
        return
    except (OSError, EOFError) as err:
        yield Problem(source, "E011", str(err))
        return
    if not data.strip():
        yield Problem(source, "E001")
        return
    try:
        text, _encoding = decode_bytes(data)
    except DecodeError as err:
        yield Problem(source, err.code, err.detail)
        return
    if suffix in TEXT_SUFFIXES:
        yield _from_plain_text(text, stem, source)
    elif suffix in HTML_SUFFIXES:
        yield _checked_html(text, stem, source, {})
    elif suffix == ".json" and text.lstrip()[:1] in "[{":
        yield from _from_json_document(text, stem, source)
    else:
        yield from _from_json_lines(text, stem, source)


def _from_plain_text(text: str, stem: str, source: str) -> Article | Problem:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return Problem(source, "E001", "only white space")
    title = next((line.strip() for line in text.split("\n") if line.strip()), None)
    return Article(doc_id=stem, text=text, title=title, source_path=source)


def _checked_html(html: str, doc_id: str, source: str, record: dict) -> Article | Problem:
    article = html_to_article(html, doc_id, source, record)
    return article if article is not None else Problem(source, "E007")


def _from_json_document(text: str, stem: str, source: str) -> Iterator[Article | Problem]:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as err:
        # Not one document: perhaps JSON Lines saved as .json.
        if "\n" in text.strip():
            yield from _from_json_lines(text, stem, source)
        else:
            yield Problem(source, "E005", f"line {err.lineno} column {err.colno}: {err.msg}")
        return
    records = payload if isinstance(payload, list) else [payload]
    for number, record in enumerate(records, start=1):
        default_id = stem if len(records) == 1 else f"{stem}-{number}"
        where = source if len(records) == 1 else f"{source}[{number}]"
        yield from_record(record, default_id, where)


def _from_json_lines(text: str, stem: str, source: str) -> Iterator[Article | Problem]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Problem(where, "E005", f"column {err.colno}: {err.msg}")
            continue
        yield from_record(record, f"{stem}-{number}", where)


def _clean_field(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def from_record(record: object, default_id: str, source: str) -> Article | Problem:
    if not isinstance(record, dict):
        return Problem(source, "E005", f"expected an object, got {type(record).__name__}")
    doc_id = _clean_field(record.get("doc_id")) or _clean_field(record.get("id")) or default_id
    fields = {key: _clean_field(record.get(key)) for key in ("url", "outlet", "title", "published")}
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        return Article(doc_id=doc_id, text=text.replace("\r\n", "\n"), source_path=source,
                       published_basis="metadata" if fields["published"] else None, **fields)
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        return _checked_html(html, doc_id, source, fields)
    return Problem(source, "E006")
