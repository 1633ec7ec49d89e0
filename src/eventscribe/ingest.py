"""Run the flow for a set of inputs: read -> analyze (on an engine) -> store -> resolve.

The per-document step is the pure `analyze_article` and the cross-document step clusters
independent units; an engine (engines/) only decides where they run. Statistics are counted
per step, the same way for every engine.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .analyze import DEFAULT_MODEL
from .engines import LocalEngine
from .errors import COPY, Problem, ProblemKind
from .model import Article, DocumentAnalysis
from .clean import TEXT_DATE_BASIS
from .read import DEFAULT_MAX_BYTES
from .timeparse import parse_iso_date
from .resolve import resolve
from .store import Store

_STAT = {ProblemKind.WARNING: "warnings", ProblemKind.COPY: "copies", ProblemKind.SKIPPED: "skipped"}


@dataclass
class IngestReport:
    stats: Counter = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)    # inputs not stored (E codes, E012 included)
    warnings: list[Problem] = field(default_factory=list)    # inputs stored with a value dropped or converted (W codes)
    seconds: Counter = field(default_factory=Counter)     # wall time per step: read, analyse, store, resolve

    @property
    def skipped(self) -> list[Problem]:
        """Inputs that were skipped and are not kept in any form (every E code but E012)."""
        return [p for p in self.problems if p.kind is ProblemKind.SKIPPED]


def _source(article: Article) -> str:
    return article.source_path or article.doc_id


def holder_rank(published: str | None, published_basis: str | None, doc_id: str) -> tuple:
    """Which of several reports of one text keeps it: the earliest publication date given with
    the report (not one found in the text, which copies share), then the smallest id — so that
    the same reports keep the same text under the same id in any order or batches."""
    # (as the store keeps it: the day of a date and time, none of a month alone)
    day = parse_iso_date(published) if published and not (published_basis or "").startswith(TEXT_DATE_BASIS) else None
    return (day is None, day.isoformat() if day else "", doc_id)


def _rank(article: Article) -> tuple:
    return holder_rank(article.published, article.published_basis, article.doc_id)


class _Run:
    """One ingest's bookkeeping: what is pending, which copies wait for which text, and what
    the store keeps. A text read twice (under two ids, in this run or the store) is kept once,
    by the report `holder_rank` puts first, and analysed once: the other copies wait for its
    fate. When it is stored they are E012 naming it; when it is rejected (E008, E009) the next
    copy is judged on its own, so an E012 always names a kept report. A report that ranks
    before the one the store holds the text under takes its place (and the stored one gets the
    E012), in the transaction resolve commits."""

    def __init__(self, store: Store, report: IngestReport, on_problem, on_progress):
        self.store, self.report = store, report
        self.on_problem, self.on_progress = on_problem, on_progress
        self.pending: list[Article] = []
        self.changed: set[str] = set()             # doc ids stored with another text
        self.first_of: dict[str, str] = {}         # content hash -> doc_id of the first report pending with it
        self.waiting: dict[str, list[Article]] = {}    # content hash -> later copies, in reading order
        self.kept: dict[str, str] = {}             # content hash -> doc_id the store keeps it under
        self.ids: dict[str, tuple[str, str]] = {}  # doc id -> (source, content hash) of the report taken
        self.stored_copies: list[tuple[Article, str]] = []   # (report, stored id holding its text)
        self.read_copies: dict[str, list[Article]] = {}      # content hash -> new reports of it, settled once all are read
        self.displacing: dict[str, tuple[str, str]] = {}   # doc id -> (the stored report it displaces, its source)
        self.deferred: list[tuple[Article, DocumentAnalysis]] = []   # changed reports, stored with resolve
        self.rescued: set[str] = set()             # reports holding a text a changed report gives up
        self.done = self.total = 0

    def problem(self, p: Problem) -> None:
        (self.report.warnings if p.is_warning else self.report.problems).append(p)
        self.report.stats[f"{_STAT[p.kind]} {p.code}"] += 1
        if self.on_problem:
            self.on_problem(p)

    def take(self, item: Article | Problem) -> None:
        """Sort one read item: a problem, unchanged, a copy, pending, or waiting for its twin."""
        if isinstance(item, Problem):
            if not item.is_warning:                # a warning comes just before the Article it is about
                self.report.stats["read"] += 1
            self.problem(item)
            return
        self.report.stats["read"] += 1
        status = self.store.status_of(item)
        taken = self.ids.get(item.doc_id)
        if status == "unchanged" or (taken and taken[1] == item.content_hash):   # the same input twice
            self.report.stats["unchanged"] += 1
            return
        if taken:                                  # another text under an id this run already has
            self.problem(Problem(_source(item), "E022", f"the id {item.doc_id} is kept for {taken[0]}"))
            return
        self.ids[item.doc_id] = (_source(item), item.content_hash)
        if status.startswith("copy:"):             # the store keeps this text already: judged
            self.stored_copies.append((item, status[5:]))    # once every report is read
            return
        self._queue(item, status)

    def _queue(self, item: Article, status: str) -> None:
        if status == "changed":
            # (a report whose id is stored with another text is replaced: it keeps its new text)
            self.first_of.setdefault(item.content_hash, item.doc_id)
            self.pending.append(item)
            self.changed.add(item.doc_id)
        else:
            self.read_copies.setdefault(item.content_hash, []).append(item)

    def judge_stored_copies(self) -> None:
        """Once every report is read: which report of each text is analysed first, and which
        wait. A report whose text the store holds is E012 naming the holder, unless this run
        changes the holder's text (then it is a new report: the text would be lost) or the
        report ranks before the holder (then it displaces it)."""
        holders = {item.content_hash: holder for item, holder in self.stored_copies}
        for item, holder in self.stored_copies:
            if holder in self.changed:
                self.rescued.add(item.doc_id)
            self.read_copies.setdefault(item.content_hash, []).append(item)
        for digest, copies in self.read_copies.items():
            copies.sort(key=_rank)
            holder = holders.get(digest)
            if holder is not None and holder not in self.changed:
                stored = self.store.provenance(holder)
                # (a text the store holds twice, as a changed report may leave it, is not taken from either)
                if _rank(copies[0]) < holder_rank(stored.get("published"), stored.get("published_basis"), holder) \
                        and stored.get("holders") == 1:
                    self.displacing[copies[0].doc_id] = (holder, stored.get("source_path") or holder)
                else:
                    for item in copies:
                        self.problem(Problem(_source(item), COPY, f"kept as {holder}"))
                    continue
            first = self.first_of.setdefault(digest, copies[0].doc_id)
            # a text pending under another id (a changed report's): its fate decides these
            waits = copies if first != copies[0].doc_id else copies[1:]
            if waits:
                self.waiting[digest] = waits
            if first == copies[0].doc_id:
                self.pending.append(copies[0])
        self.read_copies.clear()

    def store_analysis(self, article: Article, analysis: DocumentAnalysis) -> None:
        """Store one analysed report, or say why not. New reports are committed one by one;
        changed ones are held and stored in the transaction that resolve commits (`store_deferred`), so
        a reader sees a changed report's old merged events until the new ones replace them,
        never a store with those events missing."""
        if analysis.language != "en":
            self.problem(Problem(_source(article), "E008"))
        elif not analysis.text.strip():
            self.problem(Problem(_source(article), "E009"))
        elif article.doc_id in self.changed or article.doc_id in self.rescued or article.doc_id in self.displacing:
            self.deferred.append((article, analysis))
            self.kept.setdefault(article.content_hash, article.doc_id)
            self._count_stored("changed" if article.doc_id in self.changed else "new", analysis)
        else:
            storing = time.perf_counter()
            status = self.store.add(article, analysis)
            self.report.seconds["store"] += time.perf_counter() - storing
            if status.startswith("copy:"):         # stored meanwhile by another run
                self.kept.setdefault(article.content_hash, status[5:])
                self.problem(Problem(_source(article), COPY, f"kept as {status[5:]}"))
            else:
                self.kept.setdefault(article.content_hash, article.doc_id)
                self._count_stored(status, analysis)
        self.done += 1
        if self.on_progress:
            self.on_progress(self.done, self.total)

    def store_deferred(self) -> None:
        """Write the held reports into the open transaction (resolve commits it): changed
        reports first, so the texts they give up are free for the reports that hold them."""
        for article, analysis in sorted(self.deferred, key=lambda pair: pair[0].doc_id not in self.changed):
            displaced = self.displacing.get(article.doc_id)
            if displaced:
                self.store.remove(displaced[0])
            self.store.add(article, analysis, commit=False)
            if displaced:
                self.problem(Problem(displaced[1], COPY, f"kept as {article.doc_id}"))

    def _count_stored(self, status: str, analysis: DocumentAnalysis) -> None:
        stats = self.report.stats
        stats[f"stored {status}"] += 1
        stats["mentions"] += len(analysis.mentions)
        stats["parsed sentences"] += analysis.stats.get("parsed_sentences", 0)
        stats["sentences"] += analysis.stats.get("sentences", 0)

    def next_round(self) -> list[Article]:
        """The reports to analyse now: first everything pending, then, round after round, the
        first waiting copy of each text whose report was rejected."""
        if self.pending:
            batch, self.pending = self.pending, []
        else:
            batch = self._next_copies()
        self.total += len(batch)
        return batch

    def _next_copies(self) -> list[Article]:
        """Copies of a kept text are E012 naming it; of a rejected one, the next is judged."""
        batch = []
        for digest in list(self.waiting):
            if digest in self.kept:
                for copy in self.waiting.pop(digest):
                    self.problem(Problem(_source(copy), COPY, f"kept as {self.kept[digest]}"))
            else:
                batch.append(self.waiting[digest].pop(0))
                if not self.waiting[digest]:
                    del self.waiting[digest]
        return batch


def ingest(paths: Iterable[str | Path], store: Store, workers: int = 1, model: str = DEFAULT_MODEL,
           max_bytes: int = DEFAULT_MAX_BYTES, on_problem: Callable[[Problem], None] | None = None,
           on_progress: Callable[[int, int], None] | None = None, overrides: list | None = None,
           engine=None) -> IngestReport:
    """Read, analyse (on the engine), store one document per transaction, then resolve (the
    engine clusters the units). Both engines report the same statistics."""
    engine = engine or LocalEngine(workers=workers)
    report = IngestReport()
    run = _Run(store, report, on_problem, on_progress)
    began = time.perf_counter()
    for item in engine.read(paths, max_bytes):
        run.take(item)
    run.judge_stored_copies()
    report.seconds["read"] = time.perf_counter() - began

    began = time.perf_counter()
    if on_progress:
        on_progress(0, len(run.pending))
    while batch := run.next_round():
        for article, analysis in zip(batch, engine.analyses(batch, model)):
            run.store_analysis(article, analysis)
    report.seconds["analyse"] = time.perf_counter() - began - report.seconds["store"]
    # Across reports: runs even when nothing new was read, so an interrupted run is finished.
    # Changed reports are written in the transaction resolve commits (one swap for readers).
    began = time.perf_counter()
    try:
        run.store_deferred()
        for key, value in resolve(store, overrides=overrides, clusterer=engine.clusters).items():
            report.stats[key] = value
    except BaseException:
        store.rollback()
        raise
    report.seconds["resolve"] = time.perf_counter() - began
    return report
