"""The actors eventscribe knows before it reads a report: heads of state and government,
ministers, commanders, armed groups and movements since 1980, with country and sector, and
the international organisations news names by acronym (no country: sector IGO or NGO).

known_actors/*.csv was written for the project from general knowledge (facts, no copied text),
in the CSV format users import (`eventscribe import-dictionary`): name, aliases (';'), country
(ISO3), sector, kb_id, valid_from, valid_to. It is read once and validated: a name twice, a
country that is no ISO3 code or an unknown sector is an error naming the file and line.

Matching is strict (see actors.match_known): a report's spelling is an entry's when it is one of
the entry's spellings or acronyms, or, for a person, when exactly one entry's name fits its words
('Bouteflika' -> Abdelaziz Bouteflika; 'Assad' fits two and stays as written).
"""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from .countries import country_codes
from .dictionary import Code, Entry

KNOWN_ACTORS_DIR = Path(__file__).parent / "known_actors"
SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "LEG", "JUD", "COP", "DIP", "IGO", "NGO", "BUS", "MED", "REL", "CVL"})


# Organisations of many states or of none (the UN, ECOWAS, the Red Cross): no one country.
_STATELESS_SECTORS = frozenset({"IGO", "NGO"})


class KnownActorsError(ValueError):
    """A row of known_actors/*.csv is malformed; the message names the file and line."""


def _entry(row: dict, where: str) -> Entry:
    name = (row.get("name") or "").strip()
    country = (row.get("country") or "").strip().upper()
    sector = (row.get("sector") or "").strip().upper()
    if not name:
        raise KnownActorsError(f"{where}: no name")
    if country not in country_codes() and not (country == "" and sector in _STATELESS_SECTORS):
        raise KnownActorsError(f"{where}: {country!r} is not a country's ISO3 code"
                               f" (none is allowed only for the sectors {', '.join(sorted(_STATELESS_SECTORS))})")
    if sector not in SECTORS:
        raise KnownActorsError(f"{where}: unknown sector {sector!r} (one of {', '.join(sorted(SECTORS))})")
    aliases = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
    return Entry(name, aliases, [Code(country or None, sector)], (row.get("kb_id") or "").strip() or None)


def read_known_actors(folder: Path = KNOWN_ACTORS_DIR) -> list[Entry]:
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                where = f"{path.name}:{line}"
                entry = _entry(row, where)
                key = entry.name.casefold()
                if key in seen:
                    raise KnownActorsError(f"{where}: {entry.name!r} is listed already ({seen[key]})")
                seen[key] = where
                entries.append(entry)
    return entries


@cache
def known_actors() -> tuple[Entry, ...]:
    return tuple(read_known_actors())
