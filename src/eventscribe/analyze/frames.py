"""Frames as data: read and validate a language's vocabulary files, and the registry of checks.

A language folder (analyze/lang/en/) holds three tab-separated files with a header row; lines
starting with '#' and blank lines are ignored:

    frames.tsv           lemma, pos, type, mode, check, notes   (one frame a row; '-' for none)
    wordsets.tsv         set, word                                (one word a row)
    irregular_verbs.tsv  lemma, form                              (one form a row)

Everything is checked when the folder is loaded, at start-up: an unknown PLOVER type, CONSULT
mode, check or word set, a malformed row or a duplicate row raises FrameError naming file:line.
Argument checks are functions registered by name (as spaCy's registry does); a frame names its
check and the loader resolves it, so a misspelt name fails loudly instead of passing silently.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from ..errors import EventscribeError
from ..model import CONSULT_MODES, EVENT_TYPES

FRAMES_FILE = "frames.tsv"
WORDSETS_FILE = "wordsets.tsv"
IRREGULAR_VERBS_FILE = "irregular_verbs.tsv"
FRAME_COLUMNS = ("lemma", "pos", "type", "mode", "check", "notes")
WORDSET_COLUMNS = ("set", "word")
IRREGULAR_COLUMNS = ("lemma", "form")
PARTS_OF_SPEECH = ("verb", "noun")
NONE = "-"          # an empty cell: no mode, no check
COMMENT = "#"

MALFORMED, DUPLICATE, UNKNOWN_TYPE, UNKNOWN_MODE, UNKNOWN_CHECK, UNKNOWN_WORDSET, UNREACHABLE = (
    "F001", "F002", "F003", "F004", "F005", "F006", "F007")
FIXES = {
    MALFORMED: "give every row the header's columns, separated by tabs",
    DUPLICATE: "delete the repeated row",
    UNKNOWN_TYPE: f"use one of the PLOVER types: {' '.join(EVENT_TYPES)}",
    UNKNOWN_MODE: f"give CONSULT frames one of the modes {' '.join(CONSULT_MODES)}, other frames '-'",
    UNKNOWN_CHECK: "use a check registered in analyze/checks.py, or register one there",
    UNKNOWN_WORDSET: "add the word set to wordsets.tsv, or correct its name",
    UNREACHABLE: "move the frame above the unchecked frame of the same word, or delete it",
}


class FrameError(EventscribeError):
    """A vocabulary file that cannot be used: `code` says what is wrong, `where` is file:line."""

    def __init__(self, code: str, where: str, detail: str, fix: str | None = None):
        super().__init__(code, f"{where}: {detail}", fix or FIXES[code])
        self.where = where


# --- the registry of argument checks ---------------------------------------------------------

@dataclass(frozen=True)
class Check:
    """An argument check: `test(token, frame)` says whether the trigger's arguments fit."""

    name: str
    test: Callable[[Token, "Frame"], bool]
    reads: tuple[str, ...] = ()   # the word sets it looks words up in
    # An exclusion: when it fails, the word is in a sense that reports no event ("declined to
    # comment", "denied reports that…"), and the learned detector may not make it a trigger.
    excludes: bool = False


class CheckRegistry:
    """Checks by name; `@checks.register("person_object", reads=("not_people",))`."""

    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}

    def register(self, name: str, reads: Sequence[str] = (), excludes: bool = False) -> Callable:
        def add(test: Callable[[Token, Frame], bool]) -> Callable[[Token, Frame], bool]:
            if name in self._checks:
                raise ValueError(f"check {name!r} is registered twice")
            self._checks[name] = Check(name, test, tuple(reads), excludes)
            return test
        return add

    def get(self, name: str) -> Check | None:
        return self._checks.get(name)

    def names(self) -> list[str]:
        return sorted(self._checks)


checks = CheckRegistry()


# --- frames and the language they make up -------------------------------------------------------

def _always(token: Token, frame: Frame) -> bool:
    return True


@dataclass(frozen=True)
class Frame:
    """One reading of a trigger word: 'receive' + a person as object is a CONSULT meeting."""

    lemma: str
    pos: str
    type: str
    mode: str | None = None
    check: str | None = None
    notes: str = ""
    where: str = ""    # file:line it was read from
    test: Callable[[Token, Frame], bool] = field(default=_always, compare=False, repr=False)
    words: Mapping[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    excludes: bool = False   # its check is an exclusion (Check.excludes)

    def passes(self, token: Token) -> bool:
        return self.test(token, self)


class FrameTable:
    """Frames by (lemma, part of speech), each family in file order."""

    def __init__(self, frames: Sequence[Frame]):
        self._families: dict[tuple[str, str], tuple[Frame, ...]] = {}
        for frame in frames:
            key = (frame.lemma, frame.pos)
            self._families[key] = self._families.get(key, ()) + (frame,)

    def __iter__(self) -> Iterator[Frame]:
        for family in self._families.values():
            yield from family

    def family(self, lemma: str, pos: str) -> tuple[Frame, ...]:
        return self._families.get((lemma, pos), ())

    def lemmas(self, pos: str) -> frozenset[str]:
        return frozenset(lemma for lemma, part in self._families if part == pos)

    def first_passing(self, token: Token, lemma: str, pos: str) -> Frame | None:
        """The first frame of the family whose check passes on this token."""
        return next((frame for frame in self.family(lemma, pos) if frame.passes(token)), None)

    def excludes(self, lemma: str, pos: str) -> bool:
        """Whether a frame of the family has an exclusion check: when none of the family passed
        (first_passing gave None), the word is in a sense that reports no event."""
        return any(frame.excludes for frame in self.family(lemma, pos))

    def fallback(self, lemma: str, pos: str) -> Frame | None:
        """The family's last frame: the reading left when the narrower ones' checks fail."""
        family = self.family(lemma, pos)
        return family[-1] if family else None


@dataclass(frozen=True)
class Language:
    """A language's vocabulary, as the mechanisms ask for it: `english.frames`, `english.wordset("forces")`."""

    name: str
    frames: FrameTable
    wordsets: Mapping[str, frozenset[str]]
    irregular_forms: Mapping[str, tuple[str, ...]]

    def wordset(self, name: str) -> frozenset[str]:
        if name not in self.wordsets:
            raise FrameError(UNKNOWN_WORDSET, f"{self.name}/{WORDSETS_FILE}", f"no word set {name!r}")
        return self.wordsets[name]


# --- reading the files -----------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    where: str
    cells: dict[str, str]


def read_rows(path: Path, columns: Sequence[str], optional: int = 0) -> Iterator[Row]:
    """The data rows of a tab-separated file whose header is `columns`; the last `optional`
    columns may be left off a row."""
    header_seen = False
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith(COMMENT):
                continue
            where = f"{path.name}:{number}"
            cells = [cell.strip() for cell in line.split("\t")]
            if not header_seen:
                if tuple(cells) != tuple(columns):
                    raise FrameError(MALFORMED, where, f"header is {cells}, expected {list(columns)}")
                header_seen = True
                continue
            if not len(columns) - optional <= len(cells) <= len(columns) or not all(cells[:len(columns) - optional]):
                raise FrameError(MALFORMED, where, f"row has {len(cells)} cells {cells}, expected {list(columns)}")
            yield Row(where, dict(zip(columns, cells + [""] * (len(columns) - len(cells)))))
    if not header_seen:
        raise FrameError(MALFORMED, f"{path.name}:1", f"no header row {list(columns)}")


def load_wordsets(path: Path) -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {}
    for row in read_rows(path, WORDSET_COLUMNS):
        name, word = row.cells["set"], row.cells["word"]
        if word in words.setdefault(name, set()):
            raise FrameError(DUPLICATE, row.where, f"duplicate word {word!r} in set {name!r}")
        words[name].add(word)
    return {name: frozenset(members) for name, members in words.items()}


def load_irregular_verbs(path: Path) -> dict[str, tuple[str, ...]]:
    forms: dict[str, tuple[str, ...]] = {}
    for row in read_rows(path, IRREGULAR_COLUMNS):
        lemma, form = row.cells["lemma"], row.cells["form"]
        if form in forms.get(lemma, ()):
            raise FrameError(DUPLICATE, row.where, f"duplicate form {form!r} of {lemma!r}")
        forms[lemma] = forms.get(lemma, ()) + (form,)
    return forms


def _optional(cell: str) -> str | None:
    return None if cell == NONE else cell


def _frame_from_row(row: Row, wordsets: Mapping[str, frozenset[str]], registry: CheckRegistry) -> Frame:
    cells = row.cells
    lemma, pos, type_ = cells["lemma"], cells["pos"], cells["type"]
    mode, check_name = _optional(cells["mode"]), _optional(cells["check"])
    if pos not in PARTS_OF_SPEECH:
        raise FrameError(MALFORMED, row.where, f"part of speech {pos!r} is not one of {list(PARTS_OF_SPEECH)}")
    if type_ not in EVENT_TYPES:
        raise FrameError(UNKNOWN_TYPE, row.where, f"unknown PLOVER type {type_!r} for {lemma!r}")
    if (type_ == "CONSULT") != (mode is not None) or (mode is not None and mode not in CONSULT_MODES):
        raise FrameError(UNKNOWN_MODE, row.where, f"mode {cells['mode']!r} does not fit a {type_} frame for {lemma!r}")
    if check_name is None:
        return Frame(lemma, pos, type_, mode, None, cells["notes"], row.where)
    check = registry.get(check_name)
    if check is None:
        raise FrameError(UNKNOWN_CHECK, row.where, f"unknown check {check_name!r} for {lemma!r} "
                         f"(registered: {', '.join(registry.names())})")
    missing = [name for name in check.reads if name not in wordsets]
    if missing:
        raise FrameError(UNKNOWN_WORDSET, row.where, f"check {check_name!r} reads word set {missing[0]!r}, "
                         f"which {WORDSETS_FILE} does not define")
    return Frame(lemma, pos, type_, mode, check_name, cells["notes"], row.where, check.test,
                 {name: wordsets[name] for name in check.reads}, check.excludes)


def load_frames(path: Path, wordsets: Mapping[str, frozenset[str]], registry: CheckRegistry = checks) -> FrameTable:
    frames: list[Frame] = []
    seen: dict[tuple, str] = {}
    unchecked: dict[tuple[str, str], str] = {}    # (lemma, pos) -> where its check-less frame is
    for row in read_rows(path, FRAME_COLUMNS, optional=1):
        frame = _frame_from_row(row, wordsets, registry)
        key = (frame.lemma, frame.pos, frame.type, frame.mode, frame.check)
        if key in seen:
            raise FrameError(DUPLICATE, row.where, f"duplicate frame {frame.lemma!r} {frame.pos} {frame.type} "
                             f"(first at {seen[key]})")
        family = (frame.lemma, frame.pos)
        if family in unchecked:
            raise FrameError(UNREACHABLE, row.where, f"frame {frame.lemma!r} {frame.pos} {frame.type} is never "
                             f"tried: the frame at {unchecked[family]} has no check and always wins")
        seen[key] = row.where
        if frame.check is None:
            unchecked[family] = row.where
        frames.append(frame)
    return FrameTable(frames)


def load_language(folder: Path, name: str, registry: CheckRegistry = checks) -> Language:
    """Read and validate a language folder's vocabulary files."""
    wordsets = load_wordsets(folder / WORDSETS_FILE)
    return Language(name=name,
                    frames=load_frames(folder / FRAMES_FILE, wordsets, registry),
                    wordsets=wordsets,
                    irregular_forms=load_irregular_verbs(folder / IRREGULAR_VERBS_FILE))


def read_form_lemmas(path: Path) -> dict[str, str]:
    """A form -> lemma table (form, lemma columns); a form listed twice is an error (F00x)."""
    found: dict[str, str] = {}
    for row in read_rows(path, ("form", "lemma")):
        if row.cells["form"] in found:
            raise FrameError(DUPLICATE, row.where, f"duplicate form {row.cells['form']!r}")
        found[row.cells["form"]] = row.cells["lemma"]
    return found
