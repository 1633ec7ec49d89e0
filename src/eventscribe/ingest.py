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
from .errors import Problem
from .model import Article
from .read import DEFAULT_MAX_BYTES
from .resolve import resolve
from .store import Store


@dataclass
class IngestReport:
    stats: Counter = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    seconds: Counter = field(default_factory=Counter)     # wall time per step: read, analyse, store, resolve


def ingest(paths: Iterable[str | Path], store: Store, workers: int = 1, model: str = DEFAULT_MODEL,
           max_bytes: int = DEFAULT_MAX_BYTES, on_problem: Callable[[Problem], None] | None = None,
           on_progress: Callable[[int, int], None] | None = None, overrides: list | None = None,
           engine=None) -> IngestReport:
    """Read, analyse (on the engine), store one document per transaction, then resolve (the
    engine clusters the units). Both engines report the same statistics."""
    engine = engine or LocalEngine(workers=workers)
    report = IngestReport()

    def problem(p: Problem) -> None:
        report.problems.append(p)
        report.stats[f"skipped {p.code}"] += 1
        if on_problem:
            on_problem(p)

    began = time.perf_counter()
    pending: list[Article] = []
    changed: set[str] = set()          # doc ids whose stored text differs: stored last, see below
    seen_hashes: dict[str, str] = {}   # copies within this run, before any is stored
    for item in engine.read(paths, max_bytes):
        report.stats["read"] += 1
        if isinstance(item, Problem):
            problem(item)
            continue
        status = store.status_of(item)
        if status == "unchanged":
            report.stats["unchanged"] += 1
            continue
        first = seen_hashes.setdefault(item.content_hash, item.doc_id)
        if status.startswith("copy:") or first != item.doc_id:
            kept = status[5:] if status.startswith("copy:") else first
            problem(Problem(item.source_path or item.doc_id, "E012", f"kept as {kept}"))
            continue
        if status == "changed":
            changed.add(item.doc_id)
        pending.append(item)
    # New reports are committed one by one; changed ones come last and join the transaction
    # that resolve commits, so a reader sees their old merged events until the new ones replace
    # them (never a store with those events missing).
    pending.sort(key=lambda article: article.doc_id in changed)
    report.seconds["read"] = time.perf_counter() - began
    if on_progress:
        on_progress(0, len(pending))
    began = time.perf_counter()
    for done, (article, analysis) in enumerate(zip(pending, engine.analyses(pending, model)), start=1):
        if analysis.language != "en":
            problem(Problem(article.source_path or article.doc_id, "E008"))
        elif not analysis.text.strip():
            problem(Problem(article.source_path or article.doc_id, "E009"))
        else:
            storing = time.perf_counter()
            status = store.add(article, analysis, commit=article.doc_id not in changed)
            report.seconds["store"] += time.perf_counter() - storing
            report.stats[f"stored {status}"] += 1
            report.stats["mentions"] += len(analysis.mentions)
            report.stats["parsed sentences"] += analysis.stats.get("parsed_sentences", 0)
            report.stats["sentences"] += analysis.stats.get("sentences", 0)
        if on_progress:
            on_progress(done, len(pending))
    report.seconds["analyse"] = time.perf_counter() - began - report.seconds["store"]
    # Across reports: runs even when nothing new was read, so an interrupted run is finished.
    began = time.perf_counter()
    for key, value in resolve(store, overrides=overrides, clusterer=engine.clusters).items():
        report.stats[key] = value
    report.seconds["resolve"] = time.perf_counter() - began
    return report
