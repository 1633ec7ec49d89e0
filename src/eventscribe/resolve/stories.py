"""Stories: the reports that tell of one real happening, whatever events were read from them.

Two reports are alike when the cosine of their fingerprints (fingerprint.py) reaches the
threshold and, when both carry a publication date, they were published within the window. A
report is looked for by its search terms, its rarer words: reports alike and sharing one are
linked, and links join reports into connected sets. Within a set, a story is a complete-link
cluster: every two reports in it are alike, shared search term or not. (Single links chain one
earthquake's reports to another's through one report that names both; complete links do not.)
Clusters join strongest weakest-link first, ties broken by report ids, so the stories are a
function of the reports alone: however and in whatever order they were ingested, a connected
set is drawn the same. A run draws again only the connected sets that new or changed reports
touch, each whole (its cost grows with the set).

The threshold and the window were chosen on the project's invented reports (`python -m
eventscribe.learn.stories`, which writes models/stories.json); ECB+ only measures them.
"""
from __future__ import annotations

import datetime as dt
import functools
import heapq
import json
from collections import defaultdict
from pathlib import Path

from ..analyze.story_words import story_fingerprint
from ..fingerprint import search_terms, similarity
from ..model import short_id
from ..store import resolution as rows

MODEL = Path(__file__).parent / "models" / "stories.json"

BATCH = 5000            # reports not yet in a story, taken together with those linked to them

# doc_id -> (published, fingerprint[, search terms]); without them, they are found from the fingerprint
Fingerprinted = dict[str, tuple]


@functools.lru_cache(maxsize=1)
def settings() -> tuple[float, int]:
    """(least cosine of two alike reports, most days between their publication dates)."""
    fitted = json.loads(MODEL.read_text(encoding="utf-8"))
    return fitted["similarity"], fitted["window_days"]


def _days_apart(first: str | None, second: str | None) -> int:
    if not first or not second:
        return 0
    return abs(_day(first) - _day(second))


@functools.lru_cache(maxsize=1 << 16)
def _day(published: str) -> int:
    return dt.date.fromisoformat(published[:10]).toordinal()


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


def _keys(report: tuple) -> list[str]:
    return report[2] if len(report) > 2 else search_terms(report[1])


def story_id(group: list[str]) -> str:
    return short_id("story", min(group))


def _draw(reports: Fingerprinted, found: dict[tuple[str, str], float], threshold: float, window: int) -> dict[str, str]:
    """doc_id -> story id: the reports split into the sets that `found` links (pairs found through
    a search term), then each set clustered with the links of every two of its reports."""
    parent: dict[str, str] = {}

    def root(doc: str) -> str:
        while parent.setdefault(doc, doc) != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc
    for a, b in found:
        parent[root(a)] = root(b)
    sets: dict[str, list[str]] = defaultdict(list)
    for doc in sorted(reports):
        sets[root(doc) if doc in parent else doc].append(doc)
    stories = {}
    for docs in sets.values():
        if len(docs) <= 2:   # alone, or two that are linked
            groups = [docs]
        else:
            links = {(a, b): score for i, a in enumerate(docs) for b in docs[i + 1:]
                     if (score := found.get((a, b)) or alike(reports[a], reports[b], threshold, window)) is not None}
            groups = complete_link(docs, links)
        stories.update({doc: story_id(group) for group in groups for doc in group})
    return stories


def stories_of(reports: Fingerprinted, threshold: float | None = None, window: int | None = None) -> dict[str, str]:
    """doc_id -> story id for a whole set of reports held in memory (the fitting command and
    tests; `resolve_stories` does the same on a store, set by connected set)."""
    if threshold is None or window is None:
        threshold, window = settings()
    by_term = defaultdict(list)
    for doc in sorted(reports):
        for term in _keys(reports[doc]):
            by_term[term].append(doc)
    pairs = {(a, b) for docs in by_term.values() for i, a in enumerate(docs) for b in docs[i + 1:]}
    found = {pair: score for pair in pairs if (score := alike(reports[pair[0]], reports[pair[1]], threshold, window)) is not None}
    return _draw(reports, found, threshold, window)


def _connected(connection, start: list[str], threshold: float, window: int) -> tuple[Fingerprinted, dict]:
    """The reports linked to `start` through alike reports, with every link among them: each
    report reached is searched in turn, by its search terms (fingerprint.search_terms). A
    report's whole fingerprint is read only when another report is near enough to compare."""
    known = rows.story_keys(connection, start)   # doc -> (published, search terms)
    prints: dict[str, dict[str, float]] = {}
    links: dict[tuple[str, str], float] = {}
    searched: set[str] = set()
    frontier = sorted(known)
    while frontier:
        searched.update(frontier)
        known.update(rows.story_keys(connection, [doc for doc in frontier if doc not in known]))
        posted = rows.postings(connection, {term for doc in frontier for term in known[doc][1]})
        dated = {other: published for docs in posted.values() for other, published in docs}
        # only reports published near enough are read and compared
        near = {doc: {other for term in known[doc][1] for other, _ in posted.get(term, ())
                      if other != doc and _days_apart(known[doc][0], dated[other]) <= window} for doc in frontier}
        compared = {doc for doc in frontier if near[doc]} | set().union(*near.values())
        prints.update(rows.fingerprints(connection, compared - prints.keys()))
        reached = set()
        for doc in frontier:
            for other in near[doc]:
                pair = (min(doc, other), max(doc, other))
                if pair in links:
                    continue
                score = alike((known[doc][0], prints.get(doc, {})), (dated[other], prints.get(other, {})), threshold, window)
                if score is not None:
                    links[pair] = score
                    reached.add(other)
        frontier = sorted(reached - searched)
    linked = {doc for pair in links for doc in pair}
    known.update(rows.story_keys(connection, linked - known.keys()))
    return {doc: (known[doc][0], prints.get(doc, {}), known[doc][1]) for doc in sorted(linked | set(start))}, links


def resolve_stories(connection, every: bool = False) -> tuple[int, set[str]]:
    """Draw the stories of reports not yet in one (all, with `every`), a batch of reports and
    all those linked to them at a time; returns how many reports were given a story, and the
    stories that gained or lost a report (whose events are weighed again: a story is evidence)."""
    threshold, window = settings()
    start = rows.unstoried_documents(connection, every)
    for first in range(0, len(start), BATCH):   # (reports stored before fingerprints, a batch at a time)
        missing = rows.untermed_documents(connection, start[first:first + BATCH])
        rows.add_terms(connection, {doc: story_fingerprint(text) for doc, text in missing.items()})
    done: set[str] = set()
    touched: set[str] = set()
    for first in range(0, len(start), BATCH):
        batch = [doc for doc in start[first:first + BATCH] if doc not in done]
        if not batch:
            continue
        reports, found = _connected(connection, batch, threshold, window)
        stories = _draw(reports, found, threshold, window)
        touched |= rows.set_stories(connection, stories)
        done.update(stories)
    return len(done), touched
