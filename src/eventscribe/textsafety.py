"""Text written by strangers (a report's url, outlet, names, sentences), made safe for the two
places where it could run code: an analyst's browser (a link's href) and spreadsheet (a CSV
cell). Every writer of links or CSV imports these; nothing else decides it.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

# A browser drops C0 controls and spaces at the ends of an href and tabs and newlines
# anywhere in it (WHATWG URL parsing), so " java\tscript:" is still javascript:. The check
# looks at the URL as the browser will, and the link written is that same cleaned text.
_URL_ENDS = "".join(chr(code) for code in range(0x21))
_URL_DROPPED = re.compile(r"[\t\n\r]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
LINK_SCHEMES = ("http", "https")

# OWASP's CSV injection list: a spreadsheet reads a cell starting with one of these as a
# formula (tab and carriage return start one in some programs after import).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_ESCAPE = "'"


def web_link(url: str | None) -> str | None:
    """The URL to put in an href when it is a plain web address (http or https with a host,
    the scheme compared in any case after dropping what a browser drops), else None: then the
    page shows the text, never a link (javascript:, data:, vbscript: and the like run code)."""
    if not isinstance(url, str):
        return None
    cleaned = _URL_DROPPED.sub("", url.strip(_URL_ENDS))
    if _CONTROL.search(cleaned):
        return None
    try:
        parts = urlsplit(cleaned)
    except ValueError:      # e.g. a malformed IPv6 host
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return cleaned


def csv_cell(value):
    """A value as it may be written into a CSV cell: text that a spreadsheet would read as a
    formula gets a leading apostrophe (shown as text, the formula never runs).

    Only text is checked. Numbers (int, float) and None pass unchanged: a spreadsheet reads a
    number cell as a number, so a longitude written as the float -3.7 stays -3.7. Text that
    merely looks like a negative number ("-3.7") is prefixed, as OWASP advises: from a string
    we cannot tell a stranger's formula from a number, so numeric fields are written as numbers.
    Leading spaces do not hide a formula: some importers trim them ("  =1+1" is prefixed too).
    """
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS):
        return CSV_ESCAPE + value
    return value


def csv_row(values):
    """csv_cell over a row: a list (csv.writer) or a dict (csv.DictWriter, pandas records)."""
    if isinstance(values, dict):
        return {key: csv_cell(value) for key, value in values.items()}
    return [csv_cell(value) for value in values]
