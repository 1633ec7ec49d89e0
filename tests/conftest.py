"""Shared fixtures. The shared corpus sits beside the project (../shared/corpus); tests read it
from there and never copy it. When it is missing, corpus tests fail with a clear message."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("EVENTSCRIBE_CORPUS", ROOT.parent / "shared" / "corpus"))
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "seeds").is_dir():
        pytest.fail(f"shared corpus not found at {CORPUS}; set EVENTSCRIBE_CORPUS to its folder")
    return CORPUS


@pytest.fixture(scope="session")
def nlp():
    from eventscribe.analyze import load_model
    return load_model()


@pytest.fixture
def analyze_text(nlp):
    """Analyse a made-up report; returns the DocumentAnalysis."""
    from eventscribe.model import Article
    from eventscribe.analyze import analyze_article

    def run(text: str, published: str | None = None, title: str | None = None, doc_id: str = "t"):
        article = Article(doc_id=doc_id, text=text, title=title, published=published,
                          published_basis="given" if published else None)
        return analyze_article(article, nlp=nlp)
    return run


def asserted_events(analysis, type_: str | None = None):
    """(names, date, place) of each asserted event group, first mention's view."""
    from eventscribe.analyze.group import summarize
    out = []
    for group in analysis.events():
        if type_ and group[0].type != type_:
            continue
        summary = summarize(group)
        out.append({"names": [p.name for p in summary["participants"]],
                    "date": summary["date"].value if summary["date"] else None,
                    "place": summary["place"].name if summary["place"] else None,
                    "mode": summary["mode"], "mentions": group})
    return out


@pytest.fixture(scope="session")
def seeds_db(corpus, tmp_path_factory) -> Path:
    """The seeds ingested once into a store file, for tests that only read it."""
    from eventscribe.ingest import ingest
    from eventscribe.store import Store
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(path) as store:
        ingest([corpus / "seeds"], store)
    return path
