"""One record (a JSON object, a Parquet row, a WARC response) to an Article, or a Problem.

A record with a usable body is stored even when other fields are bad: those are converted or
dropped, each with a warning (a W code) that comes just before the Article. A record without
a usable body is skipped with one E code.
"""
from __future__ import annotations

from ..errors import Problem
from ..model import Article
from .fields import RECORD_DATE_BASIS, describe, id_text, published_field, text_field
from .html import html_to_article
from .sanitize import clean_text, make_article

# A 5 MB report (5 MiB, or 5 MB saved with CRLF line ends) must fit; a 6 MiB report ingests in
# about 130 s and under 600 MB peak on a 2-core machine (bench/long_report_bench.py).
DEFAULT_MAX_BYTES = 6 * 1024 * 1024
ID_FIELDS = ("doc_id", "id")           # the first usable one is the record's id
TEXT_FIELDS = ("url", "outlet", "title")
TEXT_FIELD, HTML_FIELD = "text", "html"
BODY_FIELDS = (TEXT_FIELD, HTML_FIELD)  # text wins when both are given


def from_record(record: object, default_id: str, source: str,
                max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article | Problem]:
    """The record's warnings then its Article, or the one Problem that skipped it."""
    if not isinstance(record, dict):
        return [Problem(source, "E005", f"expected an object, got {describe(record)}")]
    body = _body(record, source, max_bytes)
    if isinstance(body, Problem):
        return [body]
    warnings: list[Problem] = []
    doc_id = _doc_id(record, default_id, source, warnings)
    known = _metadata(record, source, warnings)
    field, value = body
    if field == TEXT_FIELD:
        article = make_article(doc_id, value, source,
                               published_basis=RECORD_DATE_BASIS if known["published"] else None, **known)
    else:
        article = html_to_article(value, doc_id, source, known)
    if article is None:
        return [Problem(source, "E007")]
    return [*warnings, article]


def _body(record: dict, source: str, max_bytes: int) -> tuple[str, str] | Problem:
    """(field, value) of the body to read: 'text' if it has any, else 'html'."""
    for field in BODY_FIELDS:
        value = record.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            return Problem(source, "E014", f"'{field}' is {describe(value)}")
        if _longer_than(value, max_bytes):
            return Problem(source, "E003", f"'{field}' is more than {max_bytes:,} bytes")
        cleaned = clean_text(value) if field == TEXT_FIELD else value    # html is cleaned before parsing
        if cleaned.strip():
            return field, cleaned
    return Problem(source, "E006")


def _longer_than(value: str, max_bytes: int) -> bool:
    """Whether the value takes more than max_bytes in UTF-8 (encoding only when in doubt)."""
    if len(value) > max_bytes:
        return True
    if 4 * len(value) <= max_bytes:      # UTF-8 takes at most 4 bytes a character
        return False
    return len(value.encode("utf-8", "surrogatepass")) > max_bytes


def _doc_id(record: dict, default_id: str, source: str, warnings: list[Problem]) -> str:
    rejected: list[str] = []
    chosen = default_id
    for field in ID_FIELDS:
        value = record.get(field)
        if value is None:
            continue
        text = id_text(value)
        if text is None:
            rejected.append(f"{field} is {describe(value)}")
        elif text:
            chosen = text
            break
    warnings.extend(Problem(source, "W003", f"{reason}; used {chosen!r}") for reason in rejected)
    return chosen


def _metadata(record: dict, source: str, warnings: list[Problem]) -> dict[str, str | None]:
    checked = {field: text_field(field, record.get(field)) for field in TEXT_FIELDS}
    checked["published"] = published_field(record.get("published"))
    warnings.extend(Problem(source, item.code, item.detail) for item in checked.values() if item.code)
    return {field: item.value for field, item in checked.items()}
