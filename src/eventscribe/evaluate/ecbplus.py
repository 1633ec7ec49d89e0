"""Document clustering on ECB+: which reports tell of the same real event.

Each ECB+ topic holds reports of two different real events of one kind (two arrests, two
earthquakes); the `ecb` and `ecbplus` halves of a topic are the two events. The reports of
topics 36-45 are ingested together into a scratch store, as a user's reports would be, without
their topics; the score is the B-cubed F1 of the stories the product draws (resolve/stories.py)
against the real events. The product's threshold was chosen on its own training reports, not on
ECB+. Beside it, the report clusters that merged events make (two reports in one cluster when an
exported event holds mentions of both): ECB+ events are mostly not PLOVER events, so that figure
says little.
"""
from __future__ import annotations

import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path

_TOKEN = re.compile(r'<token[^>]*>([^<]*)</token>')


def load_topics(folder: str | Path, topics: range) -> dict[int, list[tuple[str, str, str]]]:
    """topic -> [(file name, text, real event label)]."""
    found: dict[int, list[tuple[str, str, str]]] = {}
    for topic in topics:
        directory = Path(folder) / str(topic)
        if not directory.is_dir():
            continue
        documents = []
        for path in sorted(directory.glob("*.xml")):
            text = " ".join(_TOKEN.findall(path.read_text(encoding="utf-8", errors="replace")))
            label = f"{topic}-{'plus' if path.name.endswith('ecbplus.xml') else 'ecb'}"
            documents.append((path.name, text, label))
        found[topic] = documents
    return found


def bcubed(predicted: list[str], gold: list[str]) -> tuple[float, float, float]:
    by_predicted, by_gold = defaultdict(set), defaultdict(set)
    for index, (p, g) in enumerate(zip(predicted, gold)):
        by_predicted[p].add(index)
        by_gold[g].add(index)
    precision = recall = 0.0
    for p, g in zip(predicted, gold):
        same = len(by_predicted[p] & by_gold[g])
        precision += same / len(by_predicted[p])
        recall += same / len(by_gold[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def product_clusters(topics: dict[int, list[tuple[str, str, str]]]) -> tuple[dict[str, str], dict[str, str]]:
    """Each report's story and its merged-event cluster as the product makes them: the reports
    are ingested into a scratch store (analysis, stories, actors, merging across reports).
    Topics are not told to it."""
    from ..ingest import ingest   # (the whole pipeline: only this check needs it here)
    from ..resolve.linking import linked_groups
    from ..read import iter_articles
    from ..store import Store
    names = [name for documents in topics.values() for name, _, _ in documents]
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "ecbplus.jsonl"
        inputs.write_text("".join(json.dumps({"doc_id": name, "text": text}) + "\n"
                                  for documents in topics.values() for name, text, _ in documents), encoding="utf-8")
        hashes = {article.doc_id: article.content_hash for article in iter_articles([inputs])}
        with Store(Path(folder) / "ecbplus.db") as store:
            ingest([inputs], store)
            stored = {row[0]: (row[1], row[2]) for row in store.connection.execute("SELECT doc_id, content_hash, story_id FROM documents")}
            shared = [sorted({m["doc_id"] for m in event["mentions"]}) for event in store.iter_records()]
    # a report's own name is its first key, so every report is in a group, alone or not
    roots = linked_groups([name, *(("event", tuple(docs)) for docs in shared if name in docs)] for name in names)
    # a report ingested again under another name (the same text) is stored once: its story is that one's
    by_hash = {digest: story for digest, story in stored.values()}
    stories = {name: stored[name][1] if name in stored else by_hash.get(hashes[name], f"alone:{name}") for name in names}
    return (stories,
            {name: f"c{root}" for name, root in zip(names, roots)})


def evaluate(folder: str | Path, topics: range = range(36, 46)) -> dict:
    """B-cubed scores, on topics 36-45 (or others), of the stories the product draws and of the
    report clusters its merged events make."""
    test = load_topics(Path(folder) / "ECB+", topics)
    stories, clusters = product_clusters(test)
    gold = [label for documents in test.values() for _, _, label in documents]
    names = [name for documents in test.values() for name, _, _ in documents]
    precision, recall, f1 = bcubed([stories[name] for name in names], gold)
    events_f1 = bcubed([clusters[name] for name in names], gold)[2]
    return {"bcubed_f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4),
            "events_bcubed_f1": round(events_f1, 4), "documents": len(names), "topics": f"{topics.start}-{topics.stop - 1}",
            "stories": len(set(stories.values()))}
