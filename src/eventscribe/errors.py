"""Problems with inputs, each with a code and a fix, in the manner of spaCy's errors.

A problem never stops a run: the reader yields it beside the articles it could read, the
CLI prints one line per file, and the rest of the run goes on. Codes starting with "E" mean
the input (a file, a record or a line) was skipped; codes starting with "W" are warnings about
an input that was still stored (a value dropped or converted), yielded just before its Article.
"""
from __future__ import annotations

from dataclasses import dataclass

MESSAGES = {
    "E001": ("file is empty", "nothing to do; remove the file or fill it"),
    "E002": ("file looks binary (NUL bytes or undecodable)", "pass text, HTML or JSON files only"),
    "E003": ("file is too large", "split it, or raise --max-bytes"),
    "E004": ("text encoding could not be determined", "re-save the file as UTF-8"),
    "E005": ("malformed JSON", "fix the record; each JSONL line must be one JSON object"),
    "E006": ("JSON record has neither 'text' nor 'html'", "add a 'text' or 'html' field"),
    "E007": ("HTML has no extractable main text", "pass the article page, or its text"),
    "E008": ("text is not English", "eventscribe analyses English reports only"),
    "E009": ("no text left after cleaning", "the file holds page furniture only"),
    "E010": ("unsupported file type", "use .txt, .html, .htm, .json, .jsonl (optionally .gz), .parquet, .warc(.gz)"),
    "E011": ("file could not be read", "check the path and its permissions"),
    "E012": ("same text already stored under another id", "nothing to do; it was kept once"),
    "E013": ("archive could not be read (Parquet or WARC)", "check that the file is complete; re-download it"),
}

# Exit status of every command (documented in the README).
EXIT_OK = 0          # everything stored, unchanged, or a copy of a stored report
EXIT_FAILED = 1      # the run itself failed (store unreachable, a bug): nothing half-written
EXIT_USAGE = 2       # bad command line (Typer's own code for usage errors)
EXIT_SKIPPED = 3     # the run finished, but some inputs were skipped (one line each was printed)


@dataclass(frozen=True)
class Problem:
    """One input that was skipped, and why."""

    source: str
    code: str
    detail: str = ""

    @property
    def is_warning(self) -> bool:
        """A warning: the input was stored, with a value dropped or converted."""
        return self.code.startswith("W")

    @property
    def message(self) -> str:
        what, fix = MESSAGES[self.code]
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.source}: [{self.code}] {what}{detail}. Fix: {fix}."

    def __str__(self) -> str:
        return self.message


class EventscribeError(Exception):
    """An error in how eventscribe was called (not a bad input file)."""

    def __init__(self, code: str, message: str, fix: str):
        super().__init__(f"[{code}] {message}. Fix: {fix}.")
        self.code = code
