"""Problems with inputs, each with a code and a fix, in the manner of spaCy's errors.

A problem never stops a run: the reader yields it beside the articles it could read, the
CLI prints one line per file, and the rest of the run goes on. Codes starting with "E" mean
the input (a file, a record or a line) was skipped; codes starting with "W" are warnings about
an input that was still stored (a value dropped or converted), yielded just before its Article.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

MESSAGES = {
    "E001": ("file is empty", "nothing to do; remove the file or fill it"),
    "E002": ("file looks binary (NUL bytes or undecodable)", "pass text, HTML or JSON files only"),
    "E003": ("file (or one record of it) is too large", "split it, or raise --max-bytes"),
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
    "E014": ("the record's 'text' or 'html' is not a string",
             "give the report's text (or page) as a JSON string or a string column"),
    "E015": ("compressed (.gz) data is corrupt or cut short",
             "re-download or re-compress the file (`gzip -t FILE` checks it)"),
    "E016": ("JSON nested too deeply to read",
             "give each record as one object whose fields are strings or numbers"),
    "E017": ("no such file or folder", "check the path: its spelling, and the folder you run from"),
    "E018": ("folder could not be listed", "check that you may read it (`chmod +rx FOLDER`); its files were not read"),
    "E019": ("link to a folder not followed (links can loop or read files twice)",
             "pass the folder it points to as an input of its own"),
    "E020": ("not a regular file (a folder, pipe, socket or device)", "pass regular files or folders only"),
    "E021": ("WARC record is cut short (the file ends inside it)",
             "re-download the WARC file; the records before this one were read"),
    "E022": ("another report in this run has the same id", "give each report its own doc_id; the first one read is kept"),
    "E029": ("this input could not be read because of an unexpected error in eventscribe",
             "report it with the file; the other inputs were read"),
    # Warnings: the input was stored anyway; the Problem comes just before its Article.
    "W001": ("text was UTF-8 except for a few bytes, which were read as Windows-1252 (Latin-1)",
             "re-save the file as UTF-8, then check the characters around those bytes"),
    "W002": ("'published' is not an ISO date; it was ignored, and a date printed in the text is used if there is one",
             "give 'published' as YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time such as 2019-04-01T12:00:00Z"),
    "W003": ("'doc_id' (or 'id') is not a string or a whole number of at most 256 digits, so it was ignored",
             "give the id as a string of at most 256 characters, or as an integer"),
    "W004": ("a field that should be text was a number; it was stored as text", "give url, outlet, title and published as strings"),
    "W005": ("a field that should be text was a list, an object or another value; it was dropped",
             "give url, outlet, title and published as strings"),
    "W006": ("WARC response has no WARC-Target-URI, so it was stored without its URL",
             "nothing to do unless you need the URL; re-create the WARC file with WARC-Target-URI headers"),
}

COPY = "E012"    # the same text is kept under another id: informational, nothing was lost


class ProblemKind(str, Enum):
    """How a problem is shown and counted."""
    SKIPPED = "skipped"     # E codes: the input is not stored
    COPY = "copy"           # E012: the same text is kept under another id
    WARNING = "warning"     # W codes: stored, with a value dropped or converted


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
    def kind(self) -> ProblemKind:
        if self.is_warning:
            return ProblemKind.WARNING
        return ProblemKind.COPY if self.code == COPY else ProblemKind.SKIPPED

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


class FileLineError(EventscribeError):
    """A user's data file (overrides, actor dictionary) that cannot be used, named as
    file:line so that an editor jumps to it."""

    def __init__(self, code: str, path, line: int | None, problem: str, fix: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(code, f"{where}: {problem}", fix)
        self.path, self.line = str(path), line
