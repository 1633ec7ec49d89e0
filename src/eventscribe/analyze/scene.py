"""Where an act told without its place happened: where the paragraph has just been.

"Gunmen stormed the market in Tumbi on Saturday. The attackers also set fire to the clinic."
A reader places the fire in Tumbi: a paragraph tells one scene until its words move it. An act
done on the ground (an attack, an arrest, a protest, a deployment, aid handed out, a withdrawal)
that its own words do not place takes the place of the last such act placed by its own words
in an earlier sentence of the same paragraph, when their dates may be one day. What is said
(accusations, appeals, statements) is not carried there: a government condemns a raid from its
capital. The place keeps where it came from (PLACE_SCENE), and, like a dateline's, it is a
guess: no evidence that two acts are apart (group.guessed_place).
"""
from __future__ import annotations

from dataclasses import replace

from ..model import PLACE_DATELINE, PLACE_SCENE, EventMention, Sentence
from ..timeparse import compatible_dates

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


def _told_by_its_words(mention: EventMention) -> bool:
    return mention.place is not None and not mention.place.expression.startswith((PLACE_DATELINE, PLACE_SCENE))


def _same_day_may_be(first: EventMention, second: EventMention) -> bool:
    values = [m.date.value for m in (first, second) if m.date is not None and m.date.value]
    return len(values) < 2 or compatible_dates(values[0], values[1])


def add_scene_places(mentions: list[EventMention], sentences: list[Sentence], text: str) -> None:
    """Places the paragraph's unplaced acts on the ground where its last placed one was."""
    paragraph = paragraphs_of(sentences, text)
    last: dict[int, EventMention] = {}   # paragraph -> its latest act placed by its own words
    for mention in sorted(mentions, key=lambda m: (m.sentence, m.trigger_start)):
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
