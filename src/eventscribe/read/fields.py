"""The values of a record's fields, checked: what to keep, what to convert, what to drop.

A record (a JSON object, a Parquet row, a WARC response) may hold anything in any field. Each
check returns the value to store and, when the value was converted or dropped, the detail of
a warning; it never turns an arbitrary object into text with str(), which can fail (a
5,000-digit number) or produce nonsense ("{'a': 1}" as a title).
"""
from __future__ import annotations

import datetime as dt
import numbers
from dataclasses import dataclass

from ..timeparse import is_iso_date
from .sanitize import clean_line

MAX_ID_CHARS = 256
# A whole number of more digits is not an id, and str() of one over 4,300 digits raises.
MAX_NUMBER_DIGITS = MAX_ID_CHARS
_NUMBER_LIMIT = 10 ** MAX_NUMBER_DIGITS
_SHOWN_CHARS = 60     # of a bad value, in a warning
# Article.published_basis of a date given with the record, and of one the page declares.
RECORD_DATE_BASIS = "metadata"
PAGE_DATE_BASIS = "html metadata"


@dataclass(frozen=True)
class OverlongNumber:
    """A JSON integer too long to be a value (Python refuses to parse past 4,300 digits)."""

    digits: int


def parse_json_int(digits: str) -> int | OverlongNumber:
    """json's parse_int hook: an overlong number becomes a marker instead of failing the record."""
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        return OverlongNumber(len(digits.lstrip("-")))
    return int(digits)


def describe(value: object) -> str:
    """What a bad value is, safe for any value (no str() of unknown objects)."""
    if isinstance(value, OverlongNumber):
        return f"a {value.digits:,}-digit number"
    if isinstance(value, str):
        return repr(value if len(value) <= _SHOWN_CHARS else value[:_SHOWN_CHARS] + "...")
    shown = _number_text(value) if _is_number(value) else None
    return shown if shown is not None else f"a {type(value).__name__}"


def _is_number(value: object) -> bool:
    # bool is an int to Python, but True is no id, title or date.
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _number_text(value: object) -> str | None:
    """A number as text, None when it is too long to be a value."""
    if isinstance(value, int) and abs(value) >= _NUMBER_LIMIT:
        return None
    return str(value)


def id_text(value: object) -> str | None:
    """A record id as text ("" when blank), or None when the value cannot be an id."""
    if isinstance(value, str):
        text = clean_line(value)
        return text if len(text) <= MAX_ID_CHARS else None
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):    # numpy's too
        return _number_text(int(value))
    return None


@dataclass(frozen=True)
class Checked:
    """A field's value to store, and the warning code and detail when it was changed."""

    value: str | None
    code: str | None = None
    detail: str = ""


def text_field(name: str, value: object) -> Checked:
    """url, outlet, title: strings kept, numbers converted (W004), anything else dropped (W005)."""
    if value is None:
        return Checked(None)
    if isinstance(value, str):
        return Checked(clean_line(value) or None)
    if _is_number(value):
        text = _number_text(value)
        if text is not None:
            return Checked(text, "W004", f"{name}: {text}")
    return Checked(None, "W005", f"{name}: {describe(value)}")


def published_field(value: object) -> Checked:
    """`published` kept only when it is an ISO date the later stages can read (W002 otherwise);
    Parquet date and timestamp cells are ISO dates already."""
    if isinstance(value, dt.date):     # datetime too
        text = value.isoformat()
        return Checked(text) if is_iso_date(text) else Checked(None, "W002", describe(text))
    checked = text_field("published", value)
    if checked.value is None or is_iso_date(checked.value):
        return checked
    shown = describe(value) if checked.code else describe(checked.value)
    return Checked(None, "W002", shown)


