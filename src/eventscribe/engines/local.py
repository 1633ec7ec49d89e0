"""The local engine: documents analysed in a process pool, units clustered in this process."""
from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from ..analyze import (DEFAULT_MODEL, analyze_articles, analyze_share, is_long, join_shares, load_model,
                       one_blas_thread)
from ..errors import Problem
from ..model import Article, DocumentAnalysis
from ..read import iter_articles
from ..resolve.run import cluster_units

_CHUNK = 32
_CHUNKS, _SHARES = "chunks", "shares"    # kinds of work in a plan
_worker_model: str = DEFAULT_MODEL


def _init_worker(model: str) -> None:
    global _worker_model
    _worker_model = model
    one_blas_thread()
    load_model(model)


def _analyze_chunk(articles: list[Article]) -> list[DocumentAnalysis]:
    return list(analyze_articles(articles, model=_worker_model))


def _analyze_share(task: tuple[Article, int, int]) -> DocumentAnalysis:
    article, share, shares = task
    return analyze_share(article, share, shares, model=_worker_model)


class LocalEngine:
    name = "local"

    def __init__(self, workers: int = 1):
        self.workers = workers

    @staticmethod
    def read(paths, max_bytes: int) -> Iterator[Article | Problem]:
        return iter_articles(paths, max_bytes=max_bytes)

    def analyses(self, articles: list[Article], model: str = DEFAULT_MODEL) -> Iterator[DocumentAnalysis]:
        """Analyses in input order; with workers, chunks of documents go to a process pool."""
        if self.workers <= 1 or (len(articles) <= _CHUNK and not any(is_long(a) for a in articles)):
            yield from analyze_articles(articles, model=model, batch_documents=_CHUNK)
            return
        with ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker, initargs=(model,)) as pool:
            for kind, work in self._plan(articles):
                if kind == _SHARES:    # a long report: its sections shared among the workers
                    yield join_shares(list(pool.map(_analyze_share, work)))
                else:
                    for analyses in pool.map(_analyze_chunk, work):
                        yield from analyses

    def _plan(self, articles: list[Article]):
        """Runs of short reports in chunks, and each long report as one share per worker, in
        input order."""
        short: list[Article] = []
        for article in articles:
            if is_long(article):
                if short:
                    yield _CHUNKS, [short[i:i + _CHUNK] for i in range(0, len(short), _CHUNK)]
                    short = []
                yield _SHARES, [(article, share, self.workers) for share in range(self.workers)]
            else:
                short.append(article)
        if short:
            yield _CHUNKS, [short[i:i + _CHUNK] for i in range(0, len(short), _CHUNK)]

    clusters = staticmethod(cluster_units)   # each unit in turn, in this process

    def close(self) -> None:
        pass
