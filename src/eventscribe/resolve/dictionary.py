"""Actor dictionaries users already have: PETRARCH/Phoenix `.actors.txt` and a plain CSV.

PETRARCH format, one entry per block:

    BASHAR_AL-ASSAD_  [SYRGOV 20000717-]
    +PRESIDENT_AL-ASSAD_
    +BASHAR_ASSAD_
    # comments start with a hash

A bracket holds a CAMEO-style code (country + sector) with an optional validity: `YYYYMMDD-`,
`-YYYYMMDD`, `YYYYMMDD-YYYYMMDD`, or PETRARCH's `>YYYYMMDD` / `<YYYYMMDD`.
CSV columns: name, aliases (separated by ';'), country, sector, kb_id, valid_from, valid_to.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FileLineError


@dataclass
class Code:
    country: str | None
    sector: str | None
    valid_from: str | None = None
    valid_to: str | None = None

    def valid_on(self, day: str | None) -> bool:
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or day >= self.valid_from) and (self.valid_to is None or day <= self.valid_to)


@dataclass
class Entry:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    kb_id: str | None = None

    def code_on(self, day: str | None) -> Code | None:
        valid = [c for c in self.codes if c.valid_on(day)]
        return (valid or self.codes or [None])[-1]


def _pretty(raw: str) -> str:
    words = [w for w in raw.strip().strip("_").split("_") if w]
    return " ".join(w if len(w) <= 3 and w.isupper() and not w.startswith("AL") else w.capitalize()
                    for w in words).replace("Al-", "al-")


def _iso_day(raw: str) -> str | None:
    raw = raw.strip()
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if re.fullmatch(r"\d{8}", raw) else None


def _code(text: str) -> Code:
    """'SYRGOV 20000717-' -> Code(SYR, GOV, 2000-07-17, None)."""
    parts = text.split()
    label = parts[0] if parts else ""
    country, sector = (label[:3], label[3:6] or None) if len(label) >= 3 else (None, None)
    start = end = None
    for part in parts[1:]:
        if part.startswith(">"):
            start = _iso_day(part[1:])
        elif part.startswith("<"):
            end = _iso_day(part[1:])
        elif "-" in part:
            first, _, last = part.partition("-")
            start, end = _iso_day(first), _iso_day(last)
    return Code(country, sector, start, end)


def read_petrarch(path: str | Path) -> list[Entry]:
    entries: list[Entry] = []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        codes = [_code(c) for c in re.findall(r"\[([^\]]+)\]", text)]
        name = re.sub(r"\[[^\]]*\]", "", text).strip()
        if name.startswith("+"):
            if entries:
                entries[-1].aliases.append(_pretty(name[1:]))
                entries[-1].codes.extend(codes)
            continue
        if name.startswith("<") or name.startswith("{") or not name:
            continue   # dictionary-level markup this reader does not use
        entries.append(Entry(_pretty(name), [], codes))
    return entries


_CSV_FIX = "give a header row with name (and any of aliases, country, sector, kb_id, valid_from, valid_to)"


def read_csv(path: str | Path) -> list[Entry]:
    """A CSV dictionary: name, aliases (';'-separated), country (ISO3), sector, kb_id,
    valid_from, valid_to (YYYY-MM-DD). A row that cannot be used is an error naming
    file:line (E107)."""
    entries = []
    with open(path, newline="", encoding="utf-8-sig") as handle:    # -sig: a spreadsheet's BOM is no column name
        reader = csv.DictReader(handle)
        if "name" not in (reader.fieldnames or []):
            raise FileLineError("E107", path, 1, f"no 'name' column (the columns are {reader.fieldnames or 'none'})", _CSV_FIX)
        for row in reader:
            entry = _csv_entry(path, reader.line_num, row)
            if entry is not None:
                entries.append(entry)
    return entries


def _csv_entry(path, line: int, row: dict) -> Entry | None:
    def value_of(name: str) -> str:
        return (row.get(name) or "").strip()
    name = value_of("name")
    if not name:
        return None
    country, sector = value_of("country").upper() or None, value_of("sector").upper() or None
    if country and not re.fullmatch(r"[A-Z]{3}", country):
        raise FileLineError("E107", path, line, f"country {value_of('country')!r} is not an ISO3 code", "write three letters such as SYR")
    for column in ("valid_from", "valid_to"):
        if value_of(column) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value_of(column)):
            raise FileLineError("E107", path, line, f"{column} {value_of(column)!r} is not a date", "write YYYY-MM-DD, or leave it empty")
    aliases = [a.strip() for a in value_of("aliases").split(";") if a.strip()]
    code = Code(country, sector, value_of("valid_from") or None, value_of("valid_to") or None)
    return Entry(name, aliases, [code], value_of("kb_id") or None)


def read_dictionary(path: str | Path) -> list[Entry]:
    """A PETRARCH/Phoenix .actors.txt file, or a CSV (by its name's ending)."""
    try:
        return read_csv(path) if str(path).lower().endswith(".csv") else read_petrarch(path)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise FileLineError("E106", path, None, f"the dictionary cannot be read ({err.__class__.__name__}: {err})",
                            "check the path, and save the file as UTF-8 text") from err
