"""Run the flow for a set of inputs: read -> analyze (in a process pool) -> store.

The per-document step is the pure `analyze_article`; this module only orchestrates, so a
distributed engine can call the same function. Statistics are counted per step.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .analyze import DEFAULT_MODEL, analyze_articles, load_model
from .errors import Problem
from .model import Article, DocumentAnalysis
from .read import DEFAULT_MAX_BYTES, iter_articles
from .resolve import resolve
from .store import Store


@dataclass
class IngestReport:
    stats: Counter = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)


_worker_model: str = DEFAULT_MODEL


def _init_worker(model: str) -> None:
    global _worker_model
    _worker_model = model
    load_model(model)


_CHUNK = 32


def _analyze_chunk(articles: list[Article]) -> list[DocumentAnalysis]:
    return list(analyze_articles(articles, model=_worker_model))


def _analyses(articles: list[Article], workers: int, model: str) -> Iterator[DocumentAnalysis]:
    """Analyses in input order; with workers, chunks of documents go to a process pool."""
    if workers <= 1 or len(articles) <= _CHUNK:
        yield from analyze_articles(articles, model=model, batch_documents=_CHUNK)
        return
    chunks = [articles[i:i + _CHUNK] for i in range(0, len(articles), _CHUNK)]
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(model,)) as pool:
        for analyses in pool.map(_analyze_chunk, chunks):
            yield from analyses


def ingest(paths: Iterable[str | Path], store: Store, workers: int = 1, model: str = DEFAULT_MODEL,
           max_bytes: int = DEFAULT_MAX_BYTES, on_problem: Callable[[Problem], None] | None = None,
           on_progress: Callable[[int, int], None] | None = None, overrides: list | None = None) -> IngestReport:
    report = IngestReport()

    def problem(p: Problem) -> None:
        report.problems.append(p)
        report.stats[f"skipped {p.code}"] += 1
        if on_problem:
            on_problem(p)

    pending: list[Article] = []
    seen_hashes: dict[str, str] = {}   # copies within this run, before any is stored
    for item in iter_articles(paths, max_bytes=max_bytes):
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
        pending.append(item)
    if on_progress:
        on_progress(0, len(pending))
    for done, (article, analysis) in enumerate(zip(pending, _analyses(pending, workers, model)), start=1):
        if analysis.language != "en":
            problem(Problem(article.source_path or article.doc_id, "E008"))
        elif not analysis.text.strip():
            problem(Problem(article.source_path or article.doc_id, "E009"))
        else:
            status = store.add(article, analysis)
            report.stats[f"stored {status}"] += 1
            report.stats["mentions"] += len(analysis.mentions)
            report.stats["parsed sentences"] += analysis.stats.get("parsed_sentences", 0)
            report.stats["sentences"] += analysis.stats.get("sentences", 0)
        if on_progress:
            on_progress(done, len(pending))
    # Across reports: runs even when nothing new was read, so an interrupted run is finished.
    for key, value in resolve(store, overrides=overrides).items():
        report.stats[key] = value
    return report
