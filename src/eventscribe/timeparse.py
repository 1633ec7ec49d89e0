"""Time expressions: find them in text and normalise them against an anchor date.

Shared by `clean` (publication dates in the page) and `analyze` (event dates). Values follow
TIMEX3 (ISO 8601 plus TimeML's week, season, duration and *_REF forms), so the resolver can be
scored on TempEval-3; events keep only the calendar part (day, month or year precision).
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
           "hundred": 100, "several": "X", "few": "X", "many": "X", "some": "X"}
UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
         "year": "Y", "decade": "DE", "century": "CE", "season": "X", "quarter": "Q"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI"}

_MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
             r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_RE = r"(?:morning|afternoon|evening|night)"

# Ordered: longer, more specific patterns first; each match is one expression.
_PATTERNS = [
    rf"(?:{_WEEKDAY_RE},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE},?\s+\d{{4}}",
    rf"(?:{_WEEKDAY_RE},?\s+)?{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}/\d{1,2}/\d{4}\b",
    # 'in July 2024' whole: 'in July' alone, found first, would be last July
    rf"(?:in\s+)?(?:(?:early|mid|late|the end of|the beginning of)[\s-]+)?(?:last\s+|this\s+|next\s+)?{_MONTH_RE}\s+(?:of\s+)?\d{{4}}",
    rf"{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}\b(?!\s*,?\s*\d)",
    r"\b(?:the\s+)?day\s+before\s+yesterday\b",
    rf"\b(?:yester(?:day)?[\s-]*(?:{_PART_RE})?|yesterday)\b",
    r"\b(?:last\s+night|tonight|earlier\s+today|later\s+today|today|tomorrow"
    r"|(?:earlier|later)\s+(?:in\s+)?(?:the|that)\s+day|this\s+(?:morning|afternoon|evening))\b",
    rf"\b(?:(?:on|last|this|next|past|early|late)\s+)?{_WEEKDAY_RE}(?:\s+{_PART_RE})?(?:\s*\(local time\))?",
    rf"\b(?:(?:early|late|mid)[\s-]+)?(?:last|this|next|past)\s+(?:{_MONTH_RE}|spring|summer|autumn|fall|winter)\b",
    r"\b(?:last|this|next|past|the\s+past|the\s+last|the\s+next|the\s+coming|coming)\s+(?:week|month|year|weekend|decade)\b",
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
    r"(?:days?|weeks?|months?|years?|decades?)\s+ago\b",
    rf"\b(?:(?:early|mid|late)[\s-]+|in\s+)?{_MONTH_RE}(?=[\s,.;])",
    # a year; not a 24-hour clock time ('at 1945 GMT', '2030 hours', '0600 local time')
    r"\b(?:(?:early|mid|late)[\s-]+)?(?:19|20)\d{2}\b(?!\s*(?:GMT|UTC|hrs\b|hours\b|h\b|local\s+time))",
]
_FINDER = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
# "May" and "March" are verbs and names too: a bare month must be capitalised.
_BARE_MONTH = re.compile(rf"^(?:(?:early|mid|late)[\s-]+|in\s+)?{_MONTH_RE}$", re.IGNORECASE)


@dataclass
class TimeValue:
    value: str                # TIMEX3 value
    precision: str | None     # day, month, year for calendar dates; None otherwise
    direction: str = "none"   # past / future / none (what the expression itself implies)

    @property
    def calendar(self) -> str | None:
        """The value as an event date (YYYY-MM-DD, YYYY-MM, YYYY) or None."""
        return self.value if self.precision in ("day", "month", "year") else None


@functools.lru_cache(maxsize=4096)
def find_expressions(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, words) of every time expression, left to right, not overlapping. Cached: a
    sentence is searched for its own dates and again as the one before the next."""
    found = []
    for match in _FINDER.finditer(text):
        words = match.group(0).strip(" ,")
        # a bare month is a capitalised one ('mid-September' too)
        if _BARE_MONTH.match(words) and not re.split(r"[\s-]", words)[-1][0].isupper():
            continue
        if words.lower().rstrip(".") in ("may", "march"):
            continue  # the verbs; "in May" and "May 2" still match
        start = match.start() + match.group(0).index(words)
        found.append((start, start + len(words), words))
    return tuple(found)


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _absolute(words: str) -> TimeValue | None:
    lower = words.lower()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", lower):
        y, mo, d = map(int, m.groups())
        return TimeValue(_iso(y, mo, d), "day") if _valid(y, mo, d) else None
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", lower):
        d, mo, y = map(int, m.groups())
        if mo > 12 and d <= 12:   # month/day/year
            d, mo = mo, d
        return TimeValue(_iso(y, mo, d), "day") if _valid(y, mo, d) else None
    day_first = re.search(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})", lower)
    month_first = re.search(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", lower)
    for m, order in ((day_first, "dmy"), (month_first, "mdy")):
        if not m:
            continue
        a, b, year = m.groups()
        day, month = (int(a), _month_number(b)) if order == "dmy" else (int(b), _month_number(a))
        if month and _valid(int(year), month, day):
            return TimeValue(_iso(int(year), month, day), "day")
    if m := re.search(r"([a-z]+)\.?\s+(?:of\s+)?(\d{4})$", lower):
        month = _month_number(m.group(1))
        if month:
            return TimeValue(_iso(int(m.group(2)), month), "month")
    if m := re.fullmatch(r"(?:(?:early|mid|late)[\s-]+)?((?:19|20)\d{2})", lower):
        return TimeValue(m.group(1), "year")
    return None


def _closest_month_day(anchor: dt.date, month: int, day: int | None, direction: str) -> int:
    """Year for a month (and day) given without one: the nearest occurrence in `direction`."""
    if direction == "future":
        later = (month, day or 31) >= (anchor.month, anchor.day)
        return anchor.year if later else anchor.year + 1
    # Past (the default for reports): this year unless that lies clearly after the anchor.
    slack = anchor + dt.timedelta(days=3)
    earlier = (month, day or 1) <= (slack.month, slack.day) or slack.year > anchor.year
    return anchor.year if earlier else anchor.year - 1


def _weekday(anchor: dt.date, weekday: int, modifier: str) -> dt.date:
    if modifier == "next":
        delta = (weekday - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=delta)
    if modifier == "last" and anchor.weekday() == weekday:
        return anchor - dt.timedelta(days=7)
    if modifier == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    # News convention: a bare weekday names the most recent one, the publication day included.
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _relative(words: str, anchor: dt.date, tense: str | None) -> TimeValue | None:
    lower = re.sub(r"\s+", " ", words.lower().replace("(local time)", "")).strip()
    lower = re.sub(r"^(on|in) ", "", lower)
    if "day before yesterday" in lower:
        return TimeValue((anchor - dt.timedelta(days=2)).isoformat(), "day", "past")
    if lower.startswith("yester") or lower == "last night":
        return TimeValue((anchor - dt.timedelta(days=1)).isoformat(), "day", "past")
    if lower in ("today", "tonight", "earlier today", "later today") or "the day" in lower \
            or "that day" in lower or lower.startswith("this morning") or lower.startswith("this afternoon") \
            or lower.startswith("this evening"):
        return TimeValue(anchor.isoformat(), "day")
    if lower == "tomorrow":
        return TimeValue((anchor + dt.timedelta(days=1)).isoformat(), "day", "future")
    if m := re.fullmatch(r"(?:(last|this|next|past|early|late) )?(\w+day)(?: (morning|afternoon|evening|night))?", lower):
        modifier, name, _part = m.groups()
        if name in WEEKDAYS:
            mode = modifier if modifier in ("last", "next") else ("future" if tense == "future" else "")
            day = _weekday(anchor, WEEKDAYS[name], mode)
            return TimeValue(day.isoformat(), "day", "future" if day > anchor else "past")
    if m := re.fullmatch(r"(?:the )?(last|this|next|past|coming) (week|month|year|weekend|decade)", lower):
        which, unit = m.groups()
        shift = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[which]
        direction = "past" if shift < 0 else ("future" if shift > 0 else "none")
        if unit == "year":
            return TimeValue(_iso(anchor.year + shift), "year", direction)
        if unit == "month":
            month_index = anchor.year * 12 + anchor.month - 1 + shift
            return TimeValue(_iso(month_index // 12, month_index % 12 + 1), "month", direction)
        if unit in ("week", "weekend"):
            day = anchor + dt.timedelta(weeks=shift)
            year, week, _ = day.isocalendar()
            return TimeValue(f"{year}-W{week:02d}", None, direction)
        return TimeValue(f"{anchor.year // 10 + shift}", None, direction)
    if m := re.fullmatch(r"(\w+) (day|week|month|year|decade)s? ago", lower):
        count = int(m.group(1)) if m.group(1).isdigit() else NUMBERS.get(m.group(1))
        if not isinstance(count, int):
            return TimeValue("PAST_REF", None, "past")
        unit = m.group(2)
        if unit == "day":
            return TimeValue((anchor - dt.timedelta(days=count)).isoformat(), "day", "past")
        if unit == "week":
            year, week, _ = (anchor - dt.timedelta(weeks=count)).isocalendar()
            return TimeValue(f"{year}-W{week:02d}", None, "past")
        if unit == "month":
            month_index = anchor.year * 12 + anchor.month - 1 - count
            return TimeValue(_iso(month_index // 12, month_index % 12 + 1), "month", "past")
        years = count * (10 if unit == "decade" else 1)
        return TimeValue(_iso(anchor.year - years), "year", "past")
    if m := re.fullmatch(r"(?:(?:early|mid|late)[\s-]+)?(last|this|next|past)? ?(\w+)\.?", lower):
        modifier, name = m.groups()
        if name in SEASONS:
            year = anchor.year - (1 if modifier in ("last", "past") else 0) + (1 if modifier == "next" else 0)
            return TimeValue(f"{year}-{SEASONS[name]}", None)
        month = _month_number(name)
        if month:
            if modifier in ("last", "past"):
                year = anchor.year if month < anchor.month else anchor.year - 1
            elif modifier == "next":
                year = anchor.year if month > anchor.month else anchor.year + 1
            elif modifier == "this":
                year = anchor.year
            else:
                year = _closest_month_day(anchor, month, None, tense or "past")
            return TimeValue(_iso(year, month), "month")
    if m := re.fullmatch(r"(?:(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)|([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?)", lower):
        day = int(m.group(1) or m.group(4))
        month = _month_number(m.group(2) or m.group(3) or "")
        if month:
            year = _closest_month_day(anchor, month, day, tense or "past")
            if _valid(year, month, day):
                return TimeValue(_iso(year, month, day), "day")
    return None


def resolve(words: str, anchor: dt.date | None, tense: str | None = None) -> TimeValue | None:
    """Normalise one expression. Without an anchor only absolute dates resolve."""
    absolute = _absolute(words.strip())
    if absolute is not None or anchor is None:
        return absolute
    return _relative(words, anchor, tense)


def compatible_dates(first: str | None, second: str | None) -> bool:
    """Dates at any precision agree when one holds the other (2023-03 holds 2023-03-16); an
    unknown date agrees with everything."""
    if first is None or second is None:
        return True
    return first.startswith(second) or second.startswith(first)


def _date_range(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO value of year, month or day precision may be."""
    try:
        if len(value) >= 10:
            day = dt.date.fromisoformat(value[:10])
            return day, day
        if len(value) == 7:
            first = dt.date.fromisoformat(value + "-01")
            return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def days_between(first: str | None, second: str | None) -> int | None:
    """The fewest days between two ISO dates of any precision (0 when they may be one day);
    None when either is unknown."""
    a, b = (_date_range(v) if v else None for v in (first, second))
    if a is None or b is None:
        return None
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def parse_iso_date(value: str | None) -> dt.date | None:
    """The calendar day of an ISO date or datetime string, else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_DURATION = re.compile(
    r"^(?:the\s+|a\s+mere\s+|almost\s+|about\s+|nearly\s+|more\s+than\s+|over\s+|some\s+)?"
    r"(?:(past|last|next|following|coming|recent|first)\s+)?"
    r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|hundred|several|few|many|some)?[\s-]*"
    r"(second|minute|hour|day|week|month|year|decade|century|season|quarter)s?'?$", re.IGNORECASE)
_PRESENT = {"now", "currently", "present", "nowadays", "today's", "the present", "right now", "these days"}
_PAST = {"the past", "at the time", "previously", "formerly", "once", "recently", "then"}
_FUTURE = {"the future", "future", "soon", "in the future"}


def number_of(word: str) -> int | None:
    """A count written in digits or words: '24', 'a', 'two', 'Twenty-four'; None otherwise."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    parts = [NUMBERS.get(part) for part in word.split("-")]
    if not parts or not all(isinstance(part, int) for part in parts):
        return None
    return sum(parts)


def _duration_value(match: re.Match) -> str | None:
    modifier, count, unit = match.groups()
    unit = unit.lower()
    code = UNITS.get(unit)
    if code is None or code == "X":
        return None
    plural = match.group(0).rstrip("'").lower().endswith("s")
    if count is None:
        number: object = "X" if plural else 1
    else:
        number = int(count) if count.isdigit() else NUMBERS.get(count.lower(), "X")
    if code == "DE" and number != "X":
        return f"P{number * 10}Y"
    if code == "CE" and number != "X":
        return f"P{number * 100}Y"
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    return f"{prefix}{number}{code}"


def resolve_timex(words: str, anchor: dt.date) -> str | None:
    """A TIMEX3 value for an expression (dates, weeks, seasons, durations, *_REF), or None."""
    text = " ".join(words.strip().split())
    lower = text.lower()
    if lower in _PRESENT:
        return "PRESENT_REF"
    if lower in _PAST:
        return "PAST_REF"
    if lower in _FUTURE:
        return "FUTURE_REF"
    if m := re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", lower):
        h, mi, se = m.groups()
        return f"PT{int(h)}H{int(mi)}M" + (f"{int(se)}S" if se else "")
    if m := re.fullmatch(r"(?:the\s+)?(\d{2})(?:st|nd|rd|th)\s+century", lower):
        return f"{int(m.group(1)) - 1:02d}"
    if m := re.fullmatch(r"(?:the\s+)?(past|last|next|coming)\s+(\w+)\s+(years|months|weeks|days|decades)", lower):
        count = NUMBERS.get(m.group(2)) if not m.group(2).isdigit() else int(m.group(2))
        unit = UNITS[m.group(3)[:-1]]
        if count is None:
            return None
        return f"P{count if isinstance(count, int) else 'X'}{'Y' if unit == 'DE' else unit}"
    if re.fullmatch(r"(?:the|that|this)\s+day", lower):
        return None   # a day named elsewhere in the text
    if m := re.fullmatch(r"every\s+(morning|afternoon|evening|night)", lower):
        return f"XXXX-XX-XXT{PARTS_OF_DAY[m.group(1)]}"
    if (m := _DURATION.match(lower)) and not re.search(r"\b(this|last|next)\s+(week|month|year)$", lower) \
            or (m := re.fullmatch(r"(\d+)-(second|minute|hour|day|week|month|year)", lower)):
        if m.re is not _DURATION:
            return f"{'PT' if m.group(2) in ('second', 'minute', 'hour') else 'P'}{m.group(1)}{UNITS[m.group(2)]}"
        value = _duration_value(m)
        if value:
            return value
    if m := re.fullmatch(r"(early|late|mid)?[\s-]*(this|last|next)?\s*(spring|summer|autumn|fall|winter)", lower):
        year = anchor.year + {"last": -1, "next": 1}.get(m.group(2) or "", 0)
        return f"{year}-{SEASONS[m.group(3)]}"
    if m := re.fullmatch(r"(?:early|late|mid)?[\s-]*(this|last|next)\s+(?:fiscal\s+)?year", lower):
        return str(anchor.year + {"this": 0, "last": -1, "next": 1}[m.group(1)])
    if m := re.fullmatch(r"(?:early|late|mid)[\s-]+((?:19|20)\d{2})", lower):
        return m.group(1)
    if m := re.fullmatch(r"'?(\d{2})", lower):
        return f"19{m.group(1)}"
    stripped = re.sub(r"^(?:early|late|mid|the end of|the beginning of)[\s-]+", "", lower)
    stripped = re.sub(r"\s*\(local time\)$", "", stripped)
    value = resolve(stripped, anchor)
    if value is not None:
        if re.fullmatch(r"(?:(?:on|last|this|next|past)\s+)?\w+day\s+(morning|afternoon|evening|night)", stripped):
            part = PARTS_OF_DAY[stripped.split()[-1]]
            return f"{value.value}T{part}"
        return value.value
    return None


# YYYY, YYYY-MM or YYYY-MM-DD, then optionally a time; compact forms (20190401) are refused
# because the later stages read the day from the first ten characters.
_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})([T ].+)?)?)?")


def is_iso_date(text: str, times: bool = True) -> bool:
    """An ISO date naming a year, month or day that exists (not 2018-02-30), with a time
    after it only when `times` allows."""
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        return False
    year, month, day, time = match.groups()
    try:
        if time:
            dt.datetime.fromisoformat(text)
        elif day:
            dt.date(int(year), int(month), int(day))
        else:
            dt.date(int(year), int(month or 1), 1)
    except ValueError:
        return False
    return times or not time
