"""The local engine: documents analysed in a process pool, units clustered in this process."""
from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from ..analyze import DEFAULT_MODEL, analyze_articles, load_model
from ..errors import Problem
from ..model import Article, DocumentAnalysis
from ..read import iter_articles
from ..resolve.run import cluster_units

_CHUNK = 32
_worker_model: str = DEFAULT_MODEL


def _init_worker(model: str) -> None:
    global _worker_model
    _worker_model = model
    load_model(model)


def _analyze_chunk(articles: list[Article]) -> list[DocumentAnalysis]:
    return list(analyze_articles(articles, model=_worker_model))


class LocalEngine:
    name = "local"

    def __init__(self, workers: int = 1):
        self.workers = workers

    @staticmethod
    def read(paths, max_bytes: int) -> Iterator[Article | Problem]:
        return iter_articles(paths, max_bytes=max_bytes)

    def analyses(self, articles: list[Article], model: str = DEFAULT_MODEL) -> Iterator[DocumentAnalysis]:
        """Analyses in input order; with workers, chunks of documents go to a process pool."""
        if self.workers <= 1 or len(articles) <= _CHUNK:
            yield from analyze_articles(articles, model=model, batch_documents=_CHUNK)
            return
        chunks = [articles[i:i + _CHUNK] for i in range(0, len(articles), _CHUNK)]
        with ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker, initargs=(model,)) as pool:
            for analyses in pool.map(_analyze_chunk, chunks):
                yield from analyses

    clusters = staticmethod(cluster_units)   # each unit in turn, in this process

    def close(self) -> None:
        pass
