"""Cross-document resolution at scale: time and peak memory for N synthetic event mentions.

Synthetic document events are written straight into a fresh store (no language model): a
population of people with spelling variants (transliterations, titles, bare surnames), countries
and organisations; meetings, accusations and sanctions spread over ten years, each reported by
one to four outlets with the participants spelled differently. Then `resolve` runs once.

    python bench/resolve_bench.py --mentions 10000 100000 1000000
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Alexander", "Sergey", "Mohammed", "Ahmed", "Maria", "Elena", "John", "Li", "Kim", "Omar",
         "Fatima", "Ivan", "Jorge", "Ana", "Yusuf", "Hassan", "Olga", "Pierre", "Hans", "Aisha"]
LAST = ["Lavrentiev", "Haddad", "Petrov", "Rahman", "Garcia", "Okafor", "Nakamura", "Schmidt", "Dubois",
        "Kowalski", "Mensah", "Sorokin", "Khalil", "Novak", "Silva", "Tanaka", "Abdullah", "Ivanova",
        "Hussein", "Moreau", "Kuznetsov", "Rossi", "Yilmaz", "Nguyen", "Park", "Chen", "Singh", "Kaya"]
TITLES = ["President", "Foreign Minister", "Special Envoy", "Defence Minister", "Prime Minister", ""]
COUNTRIES = ["Syria", "Russia", "Egypt", "Qatar", "Japan", "Brazil", "Kenya", "France", "India", "Turkey",
             "Mexico", "Nigeria", "Iran", "Germany", "Indonesia", "Chile", "Ukraine", "Jordan"]
TYPES = [("CONSULT", "meet"), ("CONSULT", "visit"), ("ACCUSE", None), ("SANCTION", None), ("AGREE", None)]


def _variants(first: str, last: str) -> list[str]:
    vowels = {"i": "y", "y": "i", "e": "ee"}
    changed = "".join(vowels.get(ch, ch) if index == len(last) - 3 else ch for index, ch in enumerate(last))
    # Reports complete bare surnames within themselves, so the variants that reach resolution
    # are full names, transliterations, initials and titled forms.
    return [f"{first} {last}", f"{first} {changed}", f"{first[0]}. {last}", f"President {first} {last}"]


def build(path: Path, mentions: int, seed: int = 7) -> int:
    """Write synthetic reports' document events into a store; returns the number of mentions."""
    import datetime as dt

    from eventscribe.analyze.story_words import story_fingerprint
    from eventscribe.model import short_id
    from eventscribe.store import Store

    rng = random.Random(seed)
    people = [(f, l, rng.choice(TITLES), rng.choice(COUNTRIES)) for f in FIRST for l in LAST]
    start = dt.date(2015, 1, 1)
    written = 0
    documents, doc_events, mention_rows, actors, participants, terms = [], [], [], [], [], []
    event_number = 0
    while written < mentions:
        event_number += 1
        kind, mode = rng.choice(TYPES)
        sides = rng.sample(people, 2)
        day = start + dt.timedelta(days=rng.randrange(3650))
        for outlet in range(rng.randint(1, 4)):
            doc_id = f"d{event_number}-{outlet}"
            event_id = short_id(doc_id, kind, 0)
            mention_id = short_id(doc_id, "m")
            published = (day + dt.timedelta(days=rng.randint(0, 2))).isoformat()
            precise = rng.random() < 0.8
            date = day.isoformat() if precise else day.isoformat()[:7]
            documents.append((doc_id, short_id("text", doc_id), f"report {doc_id}", published, "en"))
            # the fingerprint ingest stores with each report (its stories are drawn by resolve)
            found, keys = story_fingerprint(f"report {doc_id}")
            terms.extend((doc_id, term, weight, int(term in keys)) for term, weight in found.items())
            doc_events.append((event_id, kind, mode, date, "day" if precise else "month", "text",
                               sides[1][3] if rng.random() < 0.5 else None, 0.6, 1, 1, doc_id))
            mention_rows.append((mention_id, doc_id, event_id, kind, mode, "asserted", 0, 10, "synthetic sentence",
                                 date, "text"))
            for position, (first, last, title, _country) in enumerate(sides):
                spelled = rng.choice(_variants(first, last))
                role = "participant" if kind == "CONSULT" else ("actor" if position == 0 else "recipient")
                actors.append((event_id, position, "", spelled, role, title or None, None, "PERSON"))
                participants.append((mention_id, position, spelled, role, title or None, None, "PERSON", None, None))
            written += 1
    with Store(path) as store:
        connection = store.connection
        connection.execute("PRAGMA synchronous=OFF")
        with connection:
            connection.executemany("INSERT INTO documents (doc_id, content_hash, text, published, language)"
                                   " VALUES (?,?,?,?,?)", documents)
            connection.executemany("INSERT INTO doc_events (event_id, type, mode, date, date_precision, date_basis,"
                                   " location_name, confidence, mention_count, source_count, doc_id)"
                                   " VALUES (?,?,?,?,?,?,?,?,?,?,?)", doc_events)
            connection.executemany("INSERT INTO mentions (mention_id, doc_id, event_id, type, mode, modality, start,"
                                   " \"end\", sentence, date, date_basis) VALUES (?,?,?,?,?,?,?,?,?,?,?)", mention_rows)
            connection.executemany("INSERT INTO doc_event_actors VALUES (?,?,?,?,?,?,?,?)", actors)
            connection.executemany("INSERT INTO mention_participants VALUES (?,?,?,?,?,?,?,?,?)", participants)
            connection.executemany("INSERT INTO doc_terms VALUES (?,?,?,?)", terms)
    return written


def run_resolve(path: Path) -> dict:
    from eventscribe.resolve import resolve
    from eventscribe.store import Store

    with Store(path) as store:
        began = time.perf_counter()
        done = resolve(store)
        seconds = time.perf_counter() - began
    return {"seconds": round(seconds, 2), **done,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentions", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_resolve(args.child)))
        return
    results = []
    for count in args.mentions:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.db"
            written = build(path, count)
            output = subprocess.run([sys.executable, __file__, "--child", str(path)], check=True,
                                    capture_output=True, text=True)
            result = json.loads(output.stdout.strip().splitlines()[-1])
            results.append({"mentions": written, **result})
            print(json.dumps(results[-1]), flush=True)
    for previous, current in zip(results, results[1:]):
        growth = current["seconds"] / max(previous["seconds"], 1e-9)
        size = current["mentions"] / previous["mentions"]
        per_doubling = growth ** (1 / math.log2(size))
        print(f"{previous['mentions']} -> {current['mentions']} mentions (x{size:.1f}): time x{growth:.2f},"
              f" x{per_doubling:.2f} per doubling")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
