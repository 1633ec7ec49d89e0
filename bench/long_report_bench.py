"""One long report: ingest time and peak memory against its size.

Writes a made-up report of each requested size (invented people, real capitals, paragraphs of
meetings, attacks, arrests, protests and statements with dates like "on Tuesday" and "On March
3", and sentences that name no event) to a temporary folder, runs `eventscribe ingest FILE --db
x.db` on it in a fresh subprocess under `/usr/bin/time -v` and prints size, wall seconds, CPU
seconds, peak RSS and seconds per MB. Time should grow linearly with size and peak memory stay
bounded. The text is dense in events (three parsed sentences in four, a mention per ~125
bytes), so it is a hard case: most of the time is spaCy parsing the candidate sentences.

    python bench/long_report_bench.py --mb 1 5 10
    python bench/long_report_bench.py --mb 5 --workers 2
    python bench/long_report_bench.py --mb 20 --max-bytes 25000000
    python bench/long_report_bench.py --mb 1 5 --src /tmp/old_src    # another copy of src/, to compare

--max-bytes is raised to fit the largest report when the CLI's default is smaller.

/usr/bin/time is Debian's `time` package (`apt-get install time`); without it the bench falls
back to the child's own resource usage and says so.
"""
from __future__ import annotations

import argparse
import calendar
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1_000_000

_FIRST = ("Omar Lina Tomas Elena Amina Karim Sofia Pavel Nadia Jonas Mariam Idris Helga Ruben Leila Viktor "
          "Anika Samir Marta Kofi Irena Dario Yusuf Greta Malik Ines Arjun Petra Hamid Clara").split()
_LAST = ("Haddad Varga Reyes Okafor Lindqvist Moreau Petrenko Adeyemi Castellanos Brandt Nasser Kowalczyk "
         "Fontaine Mbeki Sorensen Tahir Albescu Quiroga Halvorsen Demir Novak Achebe Ferreira Rahimi Lund "
         "Szabo Costa Ibrahim Kessler Oduya").split()
_TITLES = ("President", "Prime Minister", "Foreign Minister", "Defence Minister", "Interior Minister",
           "opposition leader", "General", "Senator")
_CITIES = ("Nairobi", "Cairo", "Ankara", "Vienna", "Berlin", "Madrid", "Lisbon", "Warsaw", "Athens", "Oslo",
           "Dakar", "Accra", "Lima", "Bogota", "Santiago", "Hanoi", "Manila", "Jakarta", "Tehran", "Baghdad",
           "Amman", "Beirut", "Doha", "Riyadh", "Kabul", "Tunis", "Rabat", "Algiers", "Khartoum", "Kampala")
_COUNTRIES = ("Norvania", "Castella", "Veloria", "Ostrava", "Meridia", "Kalemba", "Suvania", "Tarrin")
_GROUPS = ("the Northern Liberation Front", "the National Workers Union", "the Green Path movement",
           "the Coastal Defence Brigade", "the Students for Reform coalition")
_DAYS = tuple(calendar.day_name)            # Monday ... Sunday (the C locale's names)
_MONTHS = tuple(calendar.month_name)[1:]    # January ... December

# Event sentences (meetings, attacks, arrests, protests, statements, agreements, aid) ...
_EVENTS = (
    "{t1} {p1} met {t2} {p2} in {city} on {day} to discuss the border dispute and the future of the "
    "joint water commission, the first such meeting since the crisis began.",
    "On {month} {n}, {p1} held talks with {p2} in {city}, officials said, adding that the two sides had "
    "agreed to meet again before the end of the year.",
    "The meeting was attended by the United Nations envoy for the region, {p3}, and by senior officials "
    "from both foreign ministries.",
    "Gunmen attacked a police station on the outskirts of {city} on {day}, killing {k} officers and "
    "wounding several civilians, the interior ministry said in a statement.",
    "Security forces arrested {k} members of {group} in {city} on {month} {n}, accusing them of planning "
    "attacks on government buildings.",
    "Thousands of protesters rallied in the centre of {city} on {day} to demand the release of {p3}, who "
    "has been held without charge since last year.",
    "{t1} {p1} condemned the attack and accused {group} of trying to derail the peace process that "
    "{country} and {country2} launched in the spring.",
    "{country} and {country2} signed an agreement on trade and energy in {city} on {month} {n}, ending "
    "months of negotiations over tariffs and pipeline fees.",
    "{p2} visited {city} last week, her first trip abroad since taking office, and was received by "
    "{t1} {p1} at the presidential palace.",
    "The government of {country} expelled two diplomats from {country2} on {day}, saying they had "
    "engaged in activities incompatible with their status.",
    "{last2} warned that {country} would respond firmly to any further provocation along the border, "
    "according to a transcript released by his office.",
    "Police detained the journalist {p3} at the airport in {city} on {day}, his lawyer said, without "
    "giving a reason for the arrest.",
    "{country} sent humanitarian aid to {city} after the floods, the foreign ministry said, including "
    "tents, medicine and several tonnes of food.",
    "During the meeting, the two leaders agreed to reopen three border crossings and to exchange "
    "prisoners held since the fighting last autumn.",
    "{t2} {p2} phoned {p1} on {day} to discuss the ceasefire and the return of refugees, the two "
    "governments said in separate statements.",
    "Opposition supporters marched through the centre of {city} on {month} {n}, chanting slogans "
    "against the government and calling for early elections.",
    "The army shelled positions held by {group} near {city} on {day}, a day after the group ambushed "
    "a military convoy on the main highway.",
    "{p1} rejected the proposal on {day}, saying it ignored the concerns of {country} and would not be "
    "accepted by parliament.",
    "{t1} {p1} urged {country2} to withdraw its troops from the disputed area before the talks resume "
    "in {city} next month.",
)
# ... and sentences that name no event: context, figures, quotes.
_BACKGROUND = (
    "Analysts said the economy of {country} had grown by {k} percent this year, helped by higher "
    "prices for its main exports.",
    "The border between the two countries has been disputed since independence, and several rounds "
    "of mediation have failed to settle it.",
    "{city} is home to about {k} million people and is the main commercial centre of the region.",
    "Inflation remains high, and many families in the capital say they can no longer afford basic goods.",
    "\"We are ready to go further if the other side shows good faith,\" one official said on condition "
    "of anonymity.",
    "The region has seen repeated droughts in recent years, and aid agencies say millions of people "
    "depend on food assistance.",
    "Turnout in the last election was below {k} percent, the lowest figure recorded since the vote "
    "was first held.",
    "Officials in {city} declined to comment on the reports, which could not be independently verified.",
)


def _stored(db: Path) -> dict | None:
    """What the ingest left in the store (None when it made none)."""
    if not db.is_file():
        return None
    from eventscribe.store import Store
    with Store(db) as store:
        return store.counts()


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    return f"{first} {last}", last


def make_report(size: int, seed: int = 7) -> str:
    """A made-up report of about `size` bytes (characters; the text is ASCII): a title, a
    dateline, then paragraphs of 3-6 sentences, seven in ten naming an event. Deterministic
    for a seed; no text from the shared corpus."""
    rng = random.Random(seed)
    parts = ["Leaders meet as tensions rise along the border\n\n",
             "NAIROBI, March 5, 2024 - "]
    total = sum(len(p) for p in parts)
    while total < size:
        (p1, last1), (p2, last2), (p3, _) = _person(rng), _person(rng), _person(rng)
        country, country2 = rng.sample(_COUNTRIES, 2)
        fill = dict(p1=p1, p2=p2, p3=p3, last1=last1, last2=last2, t1=rng.choice(_TITLES),
                    t2=rng.choice(_TITLES), city=rng.choice(_CITIES), day=rng.choice(_DAYS),
                    month=rng.choice(_MONTHS), n=rng.randint(1, 28), k=rng.randint(2, 40),
                    group=rng.choice(_GROUPS), country=country, country2=country2)
        sentences = [rng.choice(_EVENTS if rng.random() < 0.7 else _BACKGROUND).format(**fill)
                     for _ in range(rng.randint(3, 6))]
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        total += len(paragraph)
    return "".join(parts)[:size].rsplit(" ", 1)[0] + ".\n"


def _parse_time_v(stderr: str) -> tuple[float | None, float | None, float | None]:
    """(wall seconds, CPU seconds, peak RSS MB) from the report of `/usr/bin/time -v`."""
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", stderr)
    seconds = None
    if wall:
        seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    cpu = float(user.group(1)) + float(system.group(1)) if user and system else None
    return seconds, cpu, (int(rss.group(1)) / 1024 if rss else None)


def run_one(megabytes: float, folder: Path, max_bytes: int | None, src: Path | None = None, workers: int = 1) -> dict:
    size = int(megabytes * MB)
    path = folder / f"long-{megabytes:g}mb.txt"
    path.write_text(make_report(size), encoding="utf-8")
    db = folder / f"long-{megabytes:g}mb.db"
    env = dict(os.environ)
    if src is not None:   # another source tree (e.g. a copy of src/ from before a change)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    command = [sys.executable, "-c", "from eventscribe.cli import main; main()",
               "ingest", str(path), "--db", str(db), "--workers", str(workers)]
    if max_bytes is not None:
        command += ["--max-bytes", str(max_bytes)]
    timer = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
    started = time.perf_counter()
    if timer:
        done = subprocess.run([timer, "-v", *command], capture_output=True, text=True, env=env)
        seconds, cpu, rss_mb = _parse_time_v(done.stderr)
    else:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
        rss_mb = usage.ru_maxrss / 1024   # the largest child so far
    counts = _stored(db) if done.returncode == 0 else None
    if not counts or counts["documents"] != 1:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-15:])
        raise SystemExit(f"ingest of {path.name} failed or stored nothing ({done.returncode}):\n{tail}")
    steps = re.search(r"seconds: (.*)", done.stderr)
    return {"mb": megabytes, "bytes": path.stat().st_size, "seconds": seconds, "cpu": cpu, "rss_mb": rss_mb,
            "mentions": counts["mentions"], "events": counts["events"],
            "steps": steps.group(1).strip() if steps else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 5, 10], help="report sizes in MB (10^6 bytes)")
    parser.add_argument("--max-bytes", type=int, default=None,
                        help="passed to ingest (default: the CLI's, raised to fit the largest report)")
    parser.add_argument("--workers", type=int, default=1,
                        help="ingest --workers: with 2 or more, a long report's sections are shared among them")
    parser.add_argument("--keep", type=Path, help="write the reports and databases here instead of a temp folder")
    parser.add_argument("--src", type=Path, help="run eventscribe from this source folder (e.g. a copy of src/ "
                                                 "from before a change) instead of the installed one")
    args = parser.parse_args()
    if not Path("/usr/bin/time").exists():
        print("note: /usr/bin/time is missing (apt-get install time); using the child's rusage instead")
    from eventscribe.read import DEFAULT_MAX_BYTES
    max_bytes = args.max_bytes
    if max_bytes is None and max(args.mb) * MB > DEFAULT_MAX_BYTES:
        max_bytes = int(max(args.mb) * MB) + MB
    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()};"
          f" ingest --workers {args.workers}")
    print("seconds: wall clock; cpu: user + system (steadier when other work shares the machine)")
    print(f"{'size MB':>8} {'bytes':>11} {'seconds':>9} {'cpu s':>8} {'peak RSS MB':>12} {'s/MB':>7} {'mentions':>9}"
          "  steps (s)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for megabytes in args.mb:
            row = run_one(megabytes, folder, max_bytes, args.src, args.workers)
            per_mb = row["seconds"] / (row["bytes"] / MB)
            print(f"{megabytes:>8g} {row['bytes']:>11,} {row['seconds']:>9.1f} {row['cpu']:>8.1f} {row['rss_mb']:>12.0f} "
                  f"{per_mb:>7.1f} "
                  f"{row['mentions']:>9,}  {row['steps']}", flush=True)


if __name__ == "__main__":
    main()
