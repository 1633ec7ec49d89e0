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

    def run(text: str, published: str | None = None, title: str | None = None, doc_id: str = "t",
            outlet: str | None = None):
        article = Article(doc_id=doc_id, text=text, title=title, published=published, outlet=outlet,
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


def _free_port() -> int:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the backend tests: $EVENTSCRIBE_TEST_PG (a URL to a database
    that may create databases), else a throw-away cluster started here on 127.0.0.1 from the
    machine's PostgreSQL binaries (Debian: postgresql; .ci/run installs it)."""
    import shutil
    import subprocess
    if os.environ.get("EVENTSCRIBE_TEST_PG"):
        yield os.environ["EVENTSCRIBE_TEST_PG"]
        return
    bindir = next((Path(p) for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"))[::-1]), None) \
        if Path("/usr/lib/postgresql").is_dir() else None
    initdb = shutil.which("initdb") or (str(bindir / "initdb") if bindir else None)
    if not initdb or not Path(initdb).exists():
        pytest.fail("PostgreSQL not found: install it (Debian: apt-get install postgresql) or set EVENTSCRIBE_TEST_PG")
    import tempfile
    pg_ctl = str(Path(initdb).parent / "pg_ctl")
    folder = Path(tempfile.mkdtemp(prefix="eventscribe-pg-"))    # outside pytest's root-only folders
    data = folder / "data"
    # PostgreSQL refuses to run as root: as root, run it as the 'postgres' user.
    runner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if runner:
        shutil.chown(folder, "postgres")
    port = _free_port()
    subprocess.run(runner + [initdb, "-D", str(data), "--no-locale", "-E", "UTF8", "-A", "trust", "-U", "postgres"],
                   check=True, capture_output=True)
    subprocess.run(runner + [pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
                             f"-p {port} -h 127.0.0.1 -k {folder} -F", "start"], check=True, capture_output=True)
    yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    subprocess.run(runner + [pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request, tmp_path):
    """Where a fresh store lives, once per backend: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    import uuid

    import psycopg
    server = request.getfixturevalue("postgres_server")
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C' ENCODING 'UTF8'")
    return server.rsplit("/", 1)[0] + "/" + name
