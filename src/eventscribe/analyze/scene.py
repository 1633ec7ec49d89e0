"""Where an act told without its place happened: where the paragraph has just been.

"Gunmen stormed the market in Tumbi on Saturday. The attackers also set fire to the clinic."
A reader places the fire in Tumbi: a paragraph tells one scene until its words move it. An act
done on the ground (an attack, an arrest, a protest, a deployment, aid handed out, a withdrawal)
that its own words do not place takes the place of the last such act placed by its own words
(or its entry's label, or the meeting it was decided at) in an earlier sentence of the same
paragraph, when their dates may be one day. What is said
(accusations, appeals, statements) is not carried there: a government condemns a raid from its
capital. Recent acts that neither their paragraph nor the dateline places are where the
headline puts the story. The place keeps where it came from (PLACE_SCENE, PLACE_HEADLINE), and, like a
dateline's, it is a guess: no evidence that two acts in one country are apart
(group.guessed_place).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..model import PLACE_GUESSES, PLACE_HEADLINE, PLACE_SCENE, EventMention, Place, Sentence
from ..timeparse import compatible_dates
from .places import city_named_first, lookup, side_country
from .words import words

# Acts done where they happen, whose place a paragraph carries from one to the next
ON_THE_GROUND = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "RETREAT"})


def paragraphs_of(sentences: list[Sentence], text: str) -> dict[int, int]:
    """Each sentence's paragraph: a new one after each line break."""
    paragraph, end, found = 0, 0, {}
    for sentence in sentences:
        if "\n" in text[end:sentence.start]:
            paragraph += 1
        found[sentence.index] = paragraph
        end = sentence.end
    return found


def guessed_place(place: Place) -> bool:
    """A place given by the report's dateline, headline or paragraph's scene, not by the
    words of the event."""
    return place.expression.startswith(PLACE_GUESSES)


def _told_by_its_words(mention: EventMention) -> bool:
    return mention.place is not None and not guessed_place(mention.place)


def _same_day_may_be(first: EventMention, second: EventMention) -> bool:
    values = [m.date.value for m in (first, second) if m.date is not None and m.date.value]
    return len(values) < 2 or compatible_dates(values[0], values[1])


# Within this many days of the report's day an act is recent: told as news, not recalled
RECENT_DAYS = 7


def is_recent(mention: EventMention, anchor: dt.date | None) -> bool:
    """Told as news: undated, dated by the report's day, or within RECENT_DAYS of it."""
    date = mention.date
    if date is None or date.value is None or date.basis.startswith("publication"):
        return True
    return anchor is not None and date.precision == "day" and \
        abs((dt.date.fromisoformat(date.value) - anchor).days) <= RECENT_DAYS


# 'Dockworkers' strike in Tarija', 'Curfew imposed outside Gulu after clashes'
_HEADLINE_PLACE = re.compile(r"\b(?:in|near|at|outside)\s+((?:[A-Z][\w'’.-]*)(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})")
_BODY_WORDS = words("institution_nouns") | words("body_name_heads") | words("body_name_ends") | words("protested_buildings")
_SITE_WORDS = words("place_label_nouns")
_REGION_WORDS = words("regions")


def headline_place(title: str | None) -> Place | None:
    """The town a headline puts its story in: after its first 'in', 'near', 'at' or 'outside',
    the longest run of its capitalised words that is a city the gazetteer knows; else, in a
    headline written in sentence case, a town it does not know. Not a country, which says
    little of where, nor a body ('in Parliament'), a region or a site of the town ('at Wendeka
    bridge'); in a headline in title case the words after a town are not its name ('Arrests in
    Tarija As Strike Spreads')."""
    match = _HEADLINE_PLACE.search(title or "")
    if match is None:
        return None
    after = (title or "")[match.end():].split()
    if after and after[0].lower().strip(",:;") in _SITE_WORDS:
        return None
    words_ = match.group(1).split()
    known = city_named_first(words_)
    if known is not None:
        return known
    name = match.group(1)
    if _in_title_case(title or "") or lookup(name) is not None or side_country(name) is not None \
            or any(w.lower() in _BODY_WORDS | _SITE_WORDS | _REGION_WORDS for w in words_):
        return None
    return Place(name, None, None, None, name)


# A headline whose longer words are this capitalised is in title case
_TITLE_CASE_SHARE = 0.75


def _in_title_case(title: str) -> bool:
    """'Ministers in Talks Over Border Row': its words of four letters or more mostly capitalised
    (a label in capitals, 'LIVE', aside)."""
    longer = [w for w in re.findall(r"[^\W\d_][\w'’-]{3,}", title) if not w.isupper()]
    return bool(longer) and sum(w[:1].isupper() for w in longer) >= _TITLE_CASE_SHARE * len(longer)


def add_scene_places(mentions: list[EventMention], sentences: list[Sentence], text: str) -> None:
    """Places the paragraph's unplaced acts on the ground where its last placed one was."""
    paragraph = paragraphs_of(sentences, text)
    ordered = sorted(mentions, key=lambda m: (m.sentence, m.trigger_start))
    last: dict[int, EventMention] = {}   # paragraph -> its latest act placed by its own words
    for mention in ordered:
        if mention.type not in ON_THE_GROUND or mention.sentence not in paragraph:
            continue
        where = paragraph[mention.sentence]
        if _told_by_its_words(mention):
            last[where] = mention
            continue
        before = last.get(where)
        if mention.place is None and before is not None and before.sentence < mention.sentence \
                and _same_day_may_be(before, mention):
            mention.place = replace(before.place, expression=PLACE_SCENE + before.place.expression)


def add_headline_places(mentions: list[EventMention], headline: Place | None, anchor: dt.date | None) -> None:
    """Places the recent acts on the ground that nothing else placed where the headline puts the
    story ('Dockworkers' strike in Tarija' heads a live page whose entries name no town)."""
    if headline is None:
        return
    for mention in mentions:
        if mention.place is None and mention.type in ON_THE_GROUND and is_recent(mention, anchor):
            mention.place = replace(headline, expression=PLACE_HEADLINE + headline.expression)
