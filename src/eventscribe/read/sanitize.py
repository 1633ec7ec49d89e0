"""Text as every later stage expects it, whatever reader it came from.

Inputs carry control characters (a NUL escaped in JSON, C1 bytes from a mis-decoded page,
form feeds from a PDF dump) and lone surrogates ("\\ud800" in JSON). Left in, they end up
inside names and sentences, and a lone surrogate makes encoding the text as UTF-8 fail when
it is hashed or stored. Every Article is built by `make_article`, which cleans each field.
"""
from __future__ import annotations

import re

from ..model import Article

REPLACEMENT = "\ufffd"
# A str can hold lone surrogates (JSON "\ud800", undecodable file-name bytes); UTF-8 cannot.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Line breaks of other systems and page breaks: the rest of the pipeline splits lines on "\n".
_LINE_BREAK = re.compile("\r\n?|[\x0b\x0c\x85]")
# C0 controls but tab and newline, DEL, and C1 controls (NEL, a line break, is mapped above).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# In one-line fields (titles, ids, URLs) every break or tab becomes a space.
_LINE_CONTROL = re.compile("[\t\n\r\x0b\x0c\x85]")


def replace_surrogates(value: str) -> str:
    return _SURROGATE.sub(REPLACEMENT, value)


def clean_text(text: str) -> str:
    """Body text: lone surrogates replaced, line breaks as "\\n", tabs kept, other controls removed."""
    text = replace_surrogates(text)
    text = _LINE_BREAK.sub("\n", text)
    return _CONTROL.sub("", text)


def clean_line(value: str) -> str:
    """A one-line field: breaks and tabs become spaces, other controls go, ends are trimmed."""
    value = replace_surrogates(value)
    value = _LINE_CONTROL.sub(" ", value)
    return _CONTROL.sub("", value).strip()


def _optional_line(value: str | None) -> str | None:
    return (clean_line(value) or None) if value is not None else None


def storable_name(name: str) -> str:
    """A file name as storable text, literal otherwise: bytes that are not UTF-8 (which Python
    keeps as lone surrogates) are written as \\xNN, so two such names never become one."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:      # a lone surrogate that no file-name byte produced
        return replace_surrogates(name)
    return raw.decode("utf-8", "backslashreplace")


def make_article(doc_id: str, text: str, source_path: str | None, title: str | None = None,
                 url: str | None = None, outlet: str | None = None, published: str | None = None,
                 published_basis: str | None = None) -> Article:
    """An Article whose every text field is clean. The id and the source path may come from a
    file name, which is carried literally: they are only made storable."""
    return Article(
        doc_id=storable_name(doc_id),
        text=clean_text(text),
        title=_optional_line(title),
        url=_optional_line(url),
        outlet=_optional_line(outlet),
        published=_optional_line(published),
        published_basis=published_basis,
        source_path=storable_name(source_path) if source_path is not None else None,
    )
