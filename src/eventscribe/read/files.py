"""Walk input paths and turn each file (or JSONL line) into an Article or a Problem.

Nothing an input holds stops the walk: every file, line or record that cannot be read is one
Problem naming it (an E code), and the items read before it are kept.
"""
from __future__ import annotations

import gzip
import json
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import Problem
from ..model import Article
from .archives import read_parquet, read_warc
from .decode import DecodeError, decode_data
from .fields import parse_json_int
from .html import html_to_article
from .records import DEFAULT_MAX_BYTES, from_record
from .sanitize import clean_text, make_article

__all__ = ["DEFAULT_MAX_BYTES", "from_record", "iter_articles", "list_inputs", "read_file"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
ARCHIVE_SUFFIXES = {".parquet", ".warc"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | ARCHIVE_SUFFIXES
GZIP_SUFFIX = ".gz"
HIDDEN_PREFIX = "."
# A .gz whose deflate data is corrupt raises zlib.error; one cut short raises EOFError.
_BROKEN_GZIP = (gzip.BadGzipFile, zlib.error, EOFError)


def _kind_and_stem(path: Path) -> tuple[str, str]:
    """('.txt', '001_x') for 001_x.txt.gz: the format suffix and the name without extensions."""
    name = path.name
    if name.endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    suffix = Path(name).suffix.lower()
    stem = name[: -len(suffix)] if suffix else name
    return suffix, stem


# ---------------------------------------------------------------------------- finding the files

def list_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Every file under the given paths (folders recursively), in a stable order. What cannot
    be listed is left out here; `iter_articles` reports it."""
    return [item for item in _walk(paths) if isinstance(item, Path)]


def _walk(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """The files to read, and a Problem for each folder or link that could not be walked."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk_folder(path)
        else:
            yield path      # read_file reports a path that does not exist or is no file


def _walk_folder(root: Path) -> Iterator[Path | Problem]:
    """The folder's files, in sorted order, without following links to folders: a link such
    as `loop -> .` would otherwise be walked for ever, or read the same files twice."""
    found: list[tuple[Path, Path | Problem]] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = _entries(folder)
        except OSError as err:
            found.append((folder, Problem(str(folder), "E018", err.strerror or type(err).__name__)))
            continue
        for entry in entries:
            path = folder / entry.name
            if _is_real_folder(entry):
                pending.append(path)
            elif entry.name.startswith(HIDDEN_PREFIX):
                continue
            elif _is_folder_link(entry):
                found.append((path, Problem(str(path), "E019")))
            else:
                found.append((path, path))   # files, and what is none: read_file reports that
    found.sort(key=lambda pair: pair[0])
    for _, item in found:
        yield item


def _entries(folder: Path) -> list[os.DirEntry]:
    with os.scandir(folder) as entries:
        return list(entries)


def _is_real_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_folder_link(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink() and entry.is_dir()
    except OSError:
        return False


# ---------------------------------------------------------------------------- reading them

def iter_articles(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """Every input's Articles and Problems in a stable order; a W Problem comes just before
    the Article it is about. Nothing an input holds makes this raise."""
    for item in _walk(paths):
        if isinstance(item, Problem):
            yield item
        else:
            yield from read_file(item, max_bytes)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Problem]:
    """The file's Articles and Problems; whatever happens, one file never stops the run."""
    source = str(path)      # carried literally: the printer escapes it
    try:
        yield from _read_file(Path(path), source, max_bytes)
    except Exception as err:  # noqa: BLE001 - last line of defence; the fuzz tests keep it unused
        yield Problem(source, "E029", f"{type(err).__name__}: {str(err)[:200]}")


def _read_file(path: Path, source: str, max_bytes: int) -> Iterator[Article | Problem]:
    missing = _not_a_file(path, source)
    if missing is not None:
        yield missing
        return
    suffix, stem = _kind_and_stem(path)
    if suffix not in SUPPORTED:
        yield Problem(source, "E010", suffix or "no extension")
    elif suffix == ".parquet":
        yield from read_parquet(path, source, from_record, max_bytes)
    elif suffix == ".warc":    # .warc and .warc.gz: warcio reads both
        yield from read_warc(path, source, from_record, max_bytes)
    else:
        yield from _read_document(path, source, suffix, stem, max_bytes)


def _not_a_file(path: Path, source: str) -> Problem | None:
    """A Problem when the path names no regular file (opening a pipe would wait for ever)."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return Problem(source, "E017")
    except OSError as err:      # a link loop, a folder we may not enter, ...
        return Problem(source, "E011", err.strerror or type(err).__name__)
    return None if stat.S_ISREG(mode) else Problem(source, "E020")


def _read_document(path: Path, source: str, suffix: str, stem: str, max_bytes: int) -> Iterator[Article | Problem]:
    """A text, HTML or JSON(L) file, optionally gzipped."""
    try:
        data = _read_bytes(path, max_bytes)
    except DecodeError as err:
        yield Problem(source, err.code, err.detail)
        return
    except _BROKEN_GZIP as err:
        yield Problem(source, "E015", str(err)[:200])
        return
    except OSError as err:
        yield Problem(source, "E011", err.strerror or str(err)[:200])
        return
    if not data.strip():
        yield Problem(source, "E001")
        return
    try:
        decoded = decode_data(data)
    except DecodeError as err:
        yield Problem(source, err.code, err.detail)
        return
    if decoded.repaired_bytes:
        yield Problem(source, "W001", f"{decoded.repaired_bytes:,} bytes")
    text = decoded.text
    if suffix in TEXT_SUFFIXES:
        yield _from_plain_text(text, stem, source)
    elif suffix in HTML_SUFFIXES:
        article = html_to_article(text, stem, source, {})
        yield article if article is not None else Problem(source, "E007")
    elif suffix == ".json" and text.lstrip()[:1] in ("[", "{"):
        yield from _from_json_document(text, stem, source, max_bytes)
    else:
        yield from _from_json_lines(text, stem, source, max_bytes)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """At most max_bytes of the (decompressed) file, read so: a gzip bomb stops at the limit."""
    opener = gzip.open if path.name.endswith(GZIP_SUFFIX) else open
    with opener(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DecodeError("E003", f"more than {max_bytes:,} bytes")
    return data


def _from_plain_text(text: str, stem: str, source: str) -> Article | Problem:
    text = clean_text(text)
    if not text.strip():
        return Problem(source, "E001", "only white space")
    title = next((line.strip() for line in text.split("\n") if line.strip()), None)
    return make_article(stem, text, source, title=title)


# ---------------------------------------------------------------------------- JSON

class _JsonFailure(ValueError):
    """Why a JSON text could not be read: an errors.py code, a message, and where."""

    def __init__(self, code: str, message: str = "", line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column

    def detail(self, with_line: bool) -> str:
        if self.column is None:
            return self.message
        where = f"line {self.line} column {self.column}" if with_line else f"column {self.column}"
        return f"{where}: {self.message}"


def _load_json(text: str) -> object:
    """The JSON value; raises _JsonFailure. Raw control characters inside strings are accepted
    (strict=False) rather than costing the record: they are cleaned from the fields later."""
    try:
        return json.loads(text, strict=False, parse_int=parse_json_int)
    except json.JSONDecodeError as err:
        raise _JsonFailure("E005", err.msg, err.lineno, err.colno) from None
    except RecursionError:      # nesting deeper than Python's recursion limit
        raise _JsonFailure("E016") from None


def _from_json_document(text: str, stem: str, source: str, max_bytes: int) -> Iterator[Article | Problem]:
    try:
        payload = _load_json(text)
    except _JsonFailure as err:
        if _looks_like_json_lines(text):    # JSON Lines saved as .json
            yield from _from_json_lines(text, stem, source, max_bytes)
        else:
            yield Problem(source, err.code, err.detail(with_line=True))
        return
    records = payload if isinstance(payload, list) else [payload]
    for number, record in enumerate(records, start=1):
        default_id = stem if len(records) == 1 else f"{stem}-{number}"
        where = source if len(records) == 1 else f"{source}[{number}]"
        yield from from_record(record, default_id, where, max_bytes)


def _looks_like_json_lines(text: str) -> bool:
    """Several lines, the first a whole object: not a pretty-printed document (its first line
    is a lone "{" or "["), which would give one Problem per line."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return len(lines) > 1 and lines[0].startswith("{") and lines[0] != "{"


def _from_json_lines(text: str, stem: str, source: str, max_bytes: int) -> Iterator[Article | Problem]:
    # Lines end at "\n" only: splitlines() would also cut at U+2028 or U+0085, which JSON
    # strings may hold as they are.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = _load_json(line)
        except _JsonFailure as err:
            yield Problem(where, err.code, err.detail(with_line=False))
            continue
        yield from from_record(record, f"{stem}-{number}", where, max_bytes)
