"""Web UI response times on a large store: list, filter, search, timeline, map and actor pages.

Builds a store of about N merged events from the synthetic reports of resolve_bench.py (no
language model), then asks each page several times in-process and reports the median and the
slowest time per page (server work and rendering; no network).

    python bench/web_bench.py --events 100000
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import resolve_bench  # noqa: E402


def build_store(path: Path, events: int) -> dict:
    from eventscribe.resolve import resolve
    from eventscribe.store import Store

    # About 0.53 merged events per synthetic mention (reports per event: one to four).
    resolve_bench.build(path, int(events / 0.53))
    with Store(path) as store:
        resolve(store)
        return store.counts()


def time_pages(path: Path, repeats: int) -> list[dict]:
    from starlette.testclient import TestClient

    from eventscribe.web.app import create_app

    client = TestClient(create_app(path), base_url="http://127.0.0.1")   # the app answers to loopback names
    first = client.get("/events.json").json()["events"][0]
    actor = first["actors"][0]["actor_id"]
    pages = ["/events", "/events.json", "/events?type=CONSULT", "/events?actor=Petrov",
             f"/events?actor={actor}", "/events?since=2019-01-01&until=2019-06", "/events?q=synthetic",
             "/events?page=900", "/events?place_country=SYR", "/events?actor_country=SYR", "/events?outlet=wire",
             f"/events/{first['event_id']}", f"/events/{first['event_id'][:8]}", f"/actors/{actor}",
             "/actors", "/timeline", "/timeline.json", "/map.json"]
    results = []
    for page in pages:
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            response = client.get(page)
            times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (page, response.status_code)
        results.append({"page": page, "median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)})
        print(json.dumps(results[-1]), flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "web.db"
        began = time.perf_counter()
        counts = build_store(path, args.events)
        print(json.dumps({"store": counts, "build_seconds": round(time.perf_counter() - began, 1)}), flush=True)
        time_pages(path, args.repeats)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
