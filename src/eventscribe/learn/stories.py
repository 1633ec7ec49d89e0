"""python -m eventscribe.learn.stories [--reports training/reports] [--stories training/stories] [--no-write]

Chooses the least fingerprint cosine at which two reports are alike (`resolve/stories.py`) and
writes src/eventscribe/resolve/models/stories.json.

The reports are the project's own invented ones: the training reports (`training/reports/t*`:
each folder three stories told by three outlets; two reports are of one story when their gold
events share a cross-report cluster, joined transitively), whose stories differ in place and
kind, and the story reports (`training/stories/*.jsonl`: each file two happenings of one kind —
two earthquakes, two arrests — told by three outlets each, every report labelled with its
happening), which only their names, places, numbers and days tell apart. All are drawn together, as a user's
store would hold them, and the threshold and the publication window are those whose stories
score the best B-cubed F1 against those stories (of equal ones, the lower threshold and the
wider window: stories are rather joined than split, since a happening's reports that a story
splits stay apart). The curve is kept in the file.

Example:
    python -m eventscribe.learn.stories --no-write
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..clean import remove_boilerplate
from ..evaluate.ecbplus import bcubed
from ..evaluate.gold import load_gold
from ..analyze.story_words import story_fingerprint
from ..resolve.linking import linked_groups
from ..resolve.stories import MODEL, stories_of

DEFAULT_REPORTS = Path(__file__).resolve().parents[3] / "training" / "reports"
DEFAULT_STORIES = Path(__file__).resolve().parents[3] / "training" / "stories"
_WINDOWS = (3, 7, 14, 30)   # days between the publication dates of two reports of one story
_THRESHOLDS = tuple(round(0.01 * i, 2) for i in range(3, 31))   # 0.03 … 0.30


def _fingerprinted(record: dict) -> tuple:
    """(published, fingerprint) of a report record, its text cleaned as ingest cleans it."""
    return record.get("published"), story_fingerprint(remove_boilerplate(record["text"])[0])[0]


def labelled_reports(folder: Path) -> tuple[dict, dict[str, str]]:
    """(doc_id -> (published, fingerprint), doc_id -> its story) over every training folder."""
    reports, groups = {}, []
    for part in sorted(p for p in folder.iterdir() if (p / "gold.jsonl").is_file()):
        for path in sorted((part / "input").glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            reports[record["doc_id"]] = _fingerprinted(record)
        clusters: dict[str, set[str]] = {}
        for event in load_gold(part / "gold.jsonl"):
            if event.get("cluster"):
                clusters.setdefault(f"{part.name}/{event['cluster']}", set()).add(event["doc"])
        groups += [sorted(docs) for docs in clusters.values()]
    names = sorted(reports)
    roots = linked_groups([name, *(("story", tuple(docs)) for docs in groups if name in docs)] for name in names)
    return reports, {name: f"story{root}" for name, root in zip(names, roots)}


def story_reports(folder: Path) -> tuple[dict, dict[str, str]]:
    """(doc_id -> (published, fingerprint), doc_id -> its happening) of the story reports."""
    reports, stories = {}, {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                reports[record["doc_id"]] = _fingerprinted(record)
                stories[record["doc_id"]] = record["story"]
    return reports, stories


def curve(reports: dict, stories: dict[str, str]) -> list[dict]:
    names = sorted(reports)
    found = []
    for window in _WINDOWS:
        for threshold in _THRESHOLDS:
            drawn = stories_of(reports, threshold, window)
            precision, recall, f1 = bcubed([drawn[n] for n in names], [stories[n] for n in names])
            found.append({"window_days": window, "similarity": threshold, "precision": round(precision, 4),
                          "recall": round(recall, 4), "bcubed_f1": round(f1, 4)})
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventscribe.learn.stories", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=Path, default=DEFAULT_REPORTS, help="folder of training report folders")
    parser.add_argument("--stories", type=Path, default=DEFAULT_STORIES, help="folder of story report files (*.jsonl)")
    parser.add_argument("--no-write", action="store_true", help="print the curve, keep the model file")
    args = parser.parse_args(argv)
    reports, stories = labelled_reports(args.reports)
    more, their_stories = story_reports(args.stories)
    reports, stories = {**reports, **more}, {**stories, **their_stories}
    points = curve(reports, stories)
    best = max(points, key=lambda p: (p["bcubed_f1"], -p["similarity"], p["window_days"]))
    for point in points:
        print(json.dumps(point))
    print(f"chosen: similarity {best['similarity']}, window {best['window_days']} days (B-cubed F1 {best['bcubed_f1']} on {len(reports)} reports,"
          f" {len(set(stories.values()))} stories)", file=sys.stderr)
    if not args.no_write:
        MODEL.write_text(json.dumps({"similarity": best["similarity"], "window_days": best["window_days"],
                                     "fitted_on": f"{len(reports)} training reports, {len(set(stories.values()))} stories",
                                     "curve": points}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
