"""Bytes to text: BOMs, UTF-8, then charset detection; binary is refused."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail)
        self.code = code
        self.detail = detail


def _looks_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repaired_bytes: int = 0     # bytes that were not UTF-8 in mostly UTF-8 data, read as cp1252


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Raises DecodeError with an errors.py code."""
    decoded = decode_data(data)
    return decoded.text, decoded.encoding


def decode_data(data: bytes) -> Decoded:
    """The text of the bytes, how it was decoded and how many bytes were repaired.
    Raises DecodeError with an errors.py code."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding != "utf-8-sig":
                # a BOM before a cut-off last character ("\xfe\xff\x00"): the rest is still read
                return Decoded(data.decode(encoding, errors="replace"), encoding)
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                data = data[len(bom):]   # UTF-8 with a few stray bytes: repaired below
            break
    utf16 = _looks_utf16_without_bom(data)
    if utf16:
        return Decoded(data.decode(utf16, errors="replace"), utf16)
    if b"\x00" in data[:65536]:
        raise DecodeError("E002", "NUL bytes")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is not None:
        return repaired
    encoding = _likely_encoding(data[:200_000])
    if encoding is None:
        raise DecodeError("E004")
    text = data.decode(encoding, errors="replace")
    if _control_share(text) > 0.05:
        raise DecodeError("E002", f"decoded as {encoding} but mostly control characters")
    return Decoded(text, encoding)


# UTF-8 text with a few Latin-1 bytes pasted in: decoding the whole as cp1252 would garble every
# correct accented letter, so the UTF-8 is kept when at most this share of the non-ASCII bytes
# is invalid. A Latin-1 file has no valid UTF-8 sequences at all and goes to detection.
_MAX_REPAIRED_SHARE = 0.25
_REPAIR_ENCODING = "cp1252"      # what stray non-UTF-8 bytes in news text usually are
_ASCII = bytes(range(128))
# surrogateescape keeps each undecodable byte as one lone surrogate U+DC80..U+DCFF.
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(data: bytes) -> Decoded | None:
    non_ascii = len(data.translate(None, _ASCII))
    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(len(run) for run in _ESCAPED_RUN.findall(escaped))
    if invalid > _MAX_REPAIRED_SHARE * non_ascii:
        return None
    text = _ESCAPED_RUN.sub(_as_cp1252, escaped)
    return Decoded(text, f"utf-8 (+{_REPAIR_ENCODING})", repaired_bytes=invalid)


def _as_cp1252(run: re.Match) -> str:
    raw = bytes(ord(escaped) - 0xDC00 for escaped in run.group())
    return raw.decode(_REPAIR_ENCODING, errors="replace")


# What news text not in UTF-8 is usually in; DOS code pages tie with them on short samples.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "cp1256",
              "iso8859_6", "cp1253", "cp1254", "cp1255", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr")


def _likely_encoding(data: bytes) -> str | None:
    matches = list(from_bytes(data))
    if not matches:
        return None
    least_chaos = min(m.chaos for m in matches)
    calm = [m.encoding for m in matches if m.chaos <= least_chaos + 0.01]
    for encoding in _PREFERRED:
        if encoding in calm:
            return encoding
    return calm[0]


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample)
