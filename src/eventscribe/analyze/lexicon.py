"""The cheap filter before the parser: a sentence can only hold an event if it has a trigger
word in some inflection. The words come from the language's frames (lang/en/frames.tsv), its
irregular verb forms and the filter's own word set, so the filter and the frames never disagree.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .frames import Language
from .lang.en import english

_VOWELS = "aeiou"
# A final consonant that doubles before -ed/-ing after a short vowel ("ban" -> "banned");
# w, x and y never double.
_NEVER_DOUBLED = "aeiouwxy"


def _inflections(lemma: str, irregular: Iterable[str]) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in _NEVER_DOUBLED and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}   # ban -> banned, ship -> shipping
    return forms | set(irregular)


def _plurals(noun: str) -> set[str]:
    forms = {noun, noun + "s", noun + "es"}
    if noun.endswith("y"):
        forms.add(noun[:-1] + "ies")
    return forms


def trigger_forms(language: Language) -> frozenset[str]:
    """Every word form a frame of the language can be triggered by."""
    return frozenset(
        {form for lemma in language.frames.lemmas("verb")
         for form in _inflections(lemma, language.irregular_forms.get(lemma, ()))}
        | {form for noun in language.frames.lemmas("noun") for form in _plurals(noun)}
        | language.wordset("filter_forms")
    )


TRIGGER_FORMS = trigger_forms(english)
_WORDS = re.compile(r"[a-zA-Z][a-zA-Z\-]*")


def may_hold_event(sentence: str) -> bool:
    """Whether the sentence has a trigger form at all (see trigger_words)."""
    return bool(trigger_words(sentence))


_CONSTRUCTION_FORMS = english.wordset("filter_forms")


_CONSTRUCTION_PHRASES = re.compile(r"\b(?:" + "|".join(
    r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in sorted(english.wordset("filter_phrases"))) + r")\b",
    re.IGNORECASE)


def trigger_words(sentence: str) -> list[tuple[int, bool]]:
    """(offset, is a construction's word) of each trigger form in the sentence — as a word, or as
    the last part of a hyphenated one ("re-arrested", "counter-attack": spaCy reads the parts as
    tokens): the words the frames may read as triggers, and those the constructions look for."""
    found = []
    for match in _WORDS.finditer(sentence):
        word = match.group().lower()
        last = word.rpartition("-")[2]
        if word in TRIGGER_FORMS or last in TRIGGER_FORMS:
            found.append((match.start(), word in _CONSTRUCTION_FORMS or last in _CONSTRUCTION_FORMS))
    found += [(match.start(), True) for match in _CONSTRUCTION_PHRASES.finditer(sentence)]
    return found
