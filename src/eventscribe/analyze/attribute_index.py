"""The installed pipeline's attribute ruler, matched by lookup instead of by running its ~180
patterns over every token.

spaCy's AttributeRuler maps tags to coarse parts of speech and fixes a few words' lemmas and
morphology with Matcher patterns; in en_core_web_sm it costs about a fifth of parsing a
sentence. Almost all its patterns are one token long and test a token's LOWER, TAG, DEP or
IS_SPACE, so the rules a token can fire are found from dictionaries keyed on its tag and lower
form, and what a token with given values fires is remembered; the few longer patterns still go
to a Matcher of their own, run only on a doc with a token that may open one. The matches are exactly those
the ruler's Matcher finds, sorted and applied by the ruler itself, so every annotation is the
same (tests/test_analyze.py compares them on the shared corpus).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc

# A token is read as the tuple (lower, tag, dep, is_space), taken from the doc's arrays: making
# a Token object for each word costs more than the matching itself.
_ATTRIBUTES: dict[str, int] = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [LOWER, TAG, DEP, IS_SPACE]
_SIMPLE_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})
_REMEMBERED = 200_000    # token value tuples whose firing rules are kept (bounds the memory)


def _test(value) -> Callable[[object], bool] | None:
    """A predicate for one attribute's pattern value; None when the form is not one handled here."""
    if not isinstance(value, dict):
        return lambda seen: seen == value
    if len(value) != 1 or next(iter(value)) not in _SIMPLE_OPERATORS:
        return None
    operator, argument = next(iter(value.items()))
    if operator == "IN":
        members = frozenset(argument)
        return lambda seen: seen in members
    if operator == "NOT_IN":
        members = frozenset(argument)
        return lambda seen: seen not in members
    pattern = re.compile(argument)
    return lambda seen: bool(pattern.search(str(seen)))


class _Rule:
    def __init__(self, attr_id: int, match_id: int, token_pattern: dict):
        self.attr_id, self.match_id = attr_id, match_id
        self.tests = [(_ATTRIBUTES[key], _test(value)) for key, value in token_pattern.items()]

    def fires(self, values: tuple) -> bool:
        for field, test in self.tests:
            if not test(values[field]):
                return False
        return True


def _keys(value) -> list[str]:
    """The values a token's attribute must have for the pattern to fire (none: any value)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and list(value) == ["IN"]:
        return list(value["IN"])
    return []


def _indexable(pattern: list[dict]) -> bool:
    return len(pattern) == 1 and all(key in _ATTRIBUTES and _test(value) is not None
                                     for key, value in pattern[0].items())


class IndexedRulerMatch:
    """A replacement for `AttributeRuler.match` giving the same sorted matches."""

    def __init__(self, ruler):
        self.by_lower: dict[str, list[_Rule]] = {}
        self.by_tag: dict[str, list[_Rule]] = {}
        self.by_dep: dict[str, list[_Rule]] = {}
        self.spaces: list[_Rule] = []      # rules that need IS_SPACE
        self.anywhere: list[_Rule] = []
        self.rest = Matcher(ruler.vocab)
        # The longer patterns' first tokens: a doc with no token that may open one is not
        # given to the Matcher (most are not; None: some opening cannot be tested here).
        self.openings: list[_Rule] | None = []
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = ruler.vocab.strings.add(str(attr_id))
            for pattern in entry["patterns"]:
                if not _indexable(pattern):
                    self.rest.add(str(attr_id), [pattern])
                    self._add_opening(pattern[0])
                    continue
                rule, token_pattern = _Rule(attr_id, match_id, pattern[0]), pattern[0]
                lowers, tags = _keys(token_pattern.get("LOWER")), _keys(token_pattern.get("TAG"))
                deps = _keys(token_pattern.get("DEP"))
                for index, keys in ((self.by_lower, lowers), (self.by_tag, tags), (self.by_dep, deps)):
                    if keys:
                        for key in keys:
                            index.setdefault(key, []).append(rule)
                        break
                else:
                    (self.spaces if token_pattern.get("IS_SPACE") is True else self.anywhere).append(rule)
        self.vocab = ruler.vocab
        # token's array values -> the one-token rules it fires, and whether it may open a longer one
        self.fired: dict[tuple, tuple[tuple[tuple[int, int], ...], bool]] = {}

    def _add_opening(self, token_pattern: dict) -> None:
        if self.openings is not None and _indexable([token_pattern]):
            self.openings.append(_Rule(-1, -1, token_pattern))
        else:
            self.openings = None

    def _firing(self, key: tuple) -> tuple[tuple[tuple[int, int], ...], bool]:
        """The (attr_id, match_id) of the one-token rules a token with these array values
        fires, and whether it may open a longer pattern; the answer depends on nothing else,
        so it is remembered (words recur)."""
        lower, tag, dep, space = key
        strings, empty = self.vocab.strings, []
        values = (strings[lower], strings[tag], strings[dep], bool(space))
        found = tuple((rule.attr_id, rule.match_id)
                      for rules in (self.by_lower.get(values[0], empty), self.by_tag.get(values[1], empty),
                                    self.by_dep.get(values[2], empty), self.spaces if space else empty,
                                    self.anywhere)
                      for rule in rules if rule.fires(values))
        opens = self.openings is None or any(rule.fires(values) for rule in self.openings)
        if len(self.fired) >= _REMEMBERED:
            self.fired.clear()
        self.fired[key] = found, opens
        return found, opens

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        matches, opened = set(), False
        fired = self.fired
        for i, key in enumerate(map(tuple, doc.to_array(_ARRAY).tolist())):
            rules, opens = fired.get(key) or self._firing(key)
            opened = opened or opens
            for attr_id, match_id in rules:
                matches.add((attr_id, match_id, i, i + 1))
        if opened and len(self.rest):
            for match_id, start, end in self.rest(doc, allow_missing=True, as_spans=False):
                matches.add((int(self.vocab.strings[match_id]), match_id, start, end))
        return sorted(matches)


# The attributes the rules set that are written back as arrays; any other (a rule setting DEP)
# is set token by token as spaCy does.
_ARRAY_SET = (POS, MORPH, LEMMA, TAG)


class ArraySetAnnotations:
    """A replacement for `AttributeRuler.set_annotations`: the rules' values, applied in the
    matches' order (a later rule's value wins, as when spaCy sets them one by one), written back
    with one array call instead of a Span and a Token per match."""

    def __init__(self, ruler):
        self.ruler = ruler
        self.original = ruler.set_annotations

    def __call__(self, doc: Doc, matches) -> None:
        if not matches:
            return
        columns = doc.to_array(list(_ARRAY_SET))
        changed = False
        others = []
        for attr_id, match_id, start, end in matches:
            attrs = self.ruler.attrs[attr_id]
            index = self.ruler.indices[attr_id]
            position = start + index if index >= 0 else end + index
            if not start <= position < end:
                others.append((attr_id, match_id, start, end))   # let spaCy raise its own error
                continue
            for column, attr in enumerate(_ARRAY_SET):
                if attr in attrs:
                    columns[position, column] = attrs[attr]
                    changed = True
            if any(attr not in _ARRAY_SET for attr in attrs):
                others.append((attr_id, match_id, start, end))
        if changed:
            doc.from_array(list(_ARRAY_SET), columns)
        if others:
            self.original(doc, others)


def index_attribute_ruler(nlp) -> None:
    """Give the pipeline's attribute ruler (if any) the indexed matcher and the array writer."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.match = IndexedRulerMatch(ruler)
        ruler.set_annotations = ArraySetAnnotations(ruler)
