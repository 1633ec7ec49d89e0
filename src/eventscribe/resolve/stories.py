"""Stories: the reports that tell of one real happening, whatever events were read from them.

Two reports are alike when the cosine of their fingerprints (fingerprint.py) reaches the
threshold and, when both carry a publication date, they were published within WINDOW_DAYS
of each other. A story is a complete-link cluster: every two reports in it are alike. (Single
links chain one earthquake's reports to another's through one report that names both;
complete links do not.) Merging in the order of the weakest link, ties broken by report ids,
makes the stories a function of the reports alone: however and in whatever order they were
ingested, a connected set of alike reports is drawn the same. A run draws again only the
connected sets that new or changed reports touch.

The threshold was chosen on ECB+ topics 1-35 (`python -m eventscribe.learn.stories`, which
writes models/stories.json); topics 36-45 only measure it.
"""
from __future__ import annotations

import datetime as dt
import functools
import heapq
import json
from collections import defaultdict
from pathlib import Path

from ..fingerprint import fingerprint, similarity
from ..model import short_id
from ..store import resolution as rows

MODEL = Path(__file__).parent / "models" / "stories.json"

COMMON_MOST = 1000      # a term more reports than this share is too common to find a story by
CONNECTED_MOST = 20000  # reports drawn together at most (past it, a story is drawn from those found)
BATCH = 5000            # reports not yet in a story, taken together with those linked to them

Fingerprinted = dict[str, tuple[str | None, dict[str, float]]]   # doc_id -> (published, fingerprint)


@functools.lru_cache(maxsize=1)
def settings() -> tuple[float, int]:
    """(least cosine of two alike reports, most days between their publication dates)."""
    fitted = json.loads(MODEL.read_text(encoding="utf-8"))
    return fitted["similarity"], fitted["window_days"]


def _days_apart(first: str | None, second: str | None) -> int:
    if not first or not second:
        return 0
    return abs((dt.date.fromisoformat(first[:10]) - dt.date.fromisoformat(second[:10])).days)


def alike(first: tuple, second: tuple, threshold: float, window: int) -> float | None:
    """The cosine of two (published, fingerprint) reports when they are alike, else None."""
    if _days_apart(first[0], second[0]) > window:
        return None
    score = similarity(first[1], second[1])
    return score if score >= threshold else None


def complete_link(docs: list[str], links: dict[tuple[str, str], float]) -> list[list[str]]:
    """Complete-link clusters of `docs`, where only `links` (pair -> cosine, pair sorted) may
    join: two clusters join when every pair across them is linked, strongest weakest-link
    first. Only pairs of clusters linked throughout are kept: a pair that is not can never
    become so, since joining only adds pairs that must be linked."""
    members = {doc: [doc] for doc in docs}
    linked: dict[str, dict[str, float]] = defaultdict(dict)
    queue = []
    for (a, b), score in links.items():
        linked[a][b] = linked[b][a] = score
        queue.append((-score, a, b))
    heapq.heapify(queue)
    while queue:
        negative, a, b = heapq.heappop(queue)
        if a not in members or b not in members or linked[a].get(b) != -negative:
            continue
        members[a] += members.pop(b)
        of_a, of_b = linked.pop(a), linked.pop(b)
        linked[a] = {}
        for other in of_a.keys() | of_b.keys():
            if other in (a, b):
                continue
            linked[other].pop(a, None)
            linked[other].pop(b, None)
            if other in of_a and other in of_b:
                weakest = min(of_a[other], of_b[other])
                linked[a][other] = linked[other][a] = weakest
                heapq.heappush(queue, (-weakest, min(a, other), max(a, other)))
    return sorted(sorted(group) for group in members.values())


def story_id(group: list[str]) -> str:
    return short_id("story", min(group))


def stories_of(reports: Fingerprinted, threshold: float | None = None, window: int | None = None) -> dict[str, str]:
    """doc_id -> story id for a whole set of reports held in memory (the fitting command and
    tests; `resolve_stories` does the same on a store, set by connected set)."""
    if threshold is None or window is None:
        threshold, window = settings()
    by_term = defaultdict(list)
    for doc in sorted(reports):
        for term in reports[doc][1]:
            by_term[term].append(doc)
    pairs = {(a, b) for docs in by_term.values() if len(docs) <= COMMON_MOST for i, a in enumerate(docs) for b in docs[i + 1:]}
    links = {pair: score for pair in pairs if (score := alike(reports[pair[0]], reports[pair[1]], threshold, window)) is not None}
    return {doc: story_id(group) for group in complete_link(sorted(reports), links) for doc in group}


def _connected(connection, start: list[str], common: set[str], threshold: float, window: int) -> tuple[Fingerprinted, dict]:
    """The reports linked to `start` through alike reports, with their links. Reports are found
    through the terms they share, save terms too common to tell a story by."""
    held: Fingerprinted = rows.fingerprints(connection, start)
    links: dict[tuple[str, str], float] = {}
    expanded: set[str] = set()
    frontier = sorted(held)
    while frontier and len(held) <= CONNECTED_MOST:
        expanded.update(frontier)
        posted = rows.postings(connection, {term for doc in frontier for term in held[doc][1]} - common)
        held.update(rows.fingerprints(connection, {doc for docs in posted.values() for doc in docs} - held.keys()))
        reached = set()
        for doc in frontier:
            for other in {other for term in held[doc][1] for other in posted.get(term, ())}:
                pair = (min(doc, other), max(doc, other))
                if other == doc or pair in links:
                    continue
                score = alike(held[doc], held[other], threshold, window)
                if score is not None:
                    links[pair] = score
                    reached.add(other)
        frontier = sorted(reached - expanded)
    linked = {doc for pair in links for doc in pair}
    return {doc: held[doc] for doc in sorted(linked | set(start))}, links


def resolve_stories(connection, every: bool = False) -> int:
    """Draw the stories of reports not yet in one (all, with `every`), a batch of reports and
    all those linked to them at a time; returns how many reports were given a story."""
    threshold, window = settings()
    start = rows.unstoried_documents(connection, every)
    missing = rows.untermed_documents(connection, start)
    rows.add_terms(connection, {doc: fingerprint(text) for doc, text in missing.items()})
    common = rows.common_terms(connection, COMMON_MOST)
    done: set[str] = set()
    for first in range(0, len(start), BATCH):
        batch = [doc for doc in start[first:first + BATCH] if doc not in done]
        if not batch:
            continue
        reports, links = _connected(connection, batch, common, threshold, window)
        stories = {doc: story_id(group) for group in complete_link(sorted(reports), links) for doc in group}
        rows.set_stories(connection, stories)
        done.update(stories)
    return len(done)
