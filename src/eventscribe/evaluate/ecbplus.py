"""Document clustering on ECB+: which reports tell of the same real event.

Each ECB+ topic holds reports of two different real events of one kind (two arrests, two
earthquakes); the `ecb` and `ecbplus` halves of a topic are the two events. Reports are
clustered within each topic by average-link agglomeration over cosine similarity of word
weights in which the words that pin an event down — names, numbers, dates and places that the
time and place resolvers recognise — count more than common words. The threshold is chosen on
topics 1-35 and the score reported on topics 36-45 (B-cubed F1 against the real events).
"""
from __future__ import annotations

import json
import math
import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from ..timeparse import find_expressions

_TOKEN = re.compile(r'<token[^>]*>([^<]*)</token>')
_STOP = frozenset("the a an and or of to in on at for with by from as is was were be been has have had "
                  "it its he she they his her their this that these those said says will would could "
                  "not but after before about over into up out who which what when where also than "
                  "more most one two new year years s t".split())


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


def _features(text: str) -> Counter:
    words = re.findall(r"[A-Za-z][A-Za-z'-]+|\d+", text)
    features: Counter = Counter()
    for word in words:
        lower = word.lower()
        if lower in _STOP or len(lower) < 2:
            continue
        # Names and numbers tell one event from another of the same kind.
        features[lower] += 3 if word[0].isupper() or word.isdigit() else 1
    for _, _, expression in find_expressions(text):
        features["time:" + expression.lower()] += 3
    return features


def _vectors(texts: list[str]) -> list[dict[str, float]]:
    counts = [_features(t) for t in texts]
    document_frequency = Counter(term for c in counts for term in c)
    total = len(texts)
    vectors = []
    for count in counts:
        vector = {term: (1 + math.log(n)) * math.log((1 + total) / (1 + document_frequency[term]))
                  for term, n in count.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({term: v / norm for term, v in vector.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(term, 0.0) for term, v in a.items())


def merge_history(texts: list[str]) -> list[tuple[float, int, int]]:
    """The average-link merges in the order they happen: (score, kept cluster, merged cluster).
    Stopping at a threshold is cutting this list at the first score below it."""
    vectors = _vectors(texts)
    similarity = [[_cosine(vectors[i], vectors[j]) for j in range(len(texts))] for i in range(len(texts))]
    clusters = {i: [i] for i in range(len(texts))}
    history = []
    while len(clusters) > 1:
        keys = sorted(clusters)
        best, pair = -1.0, None
        for index, x in enumerate(keys):
            for y in keys[index + 1:]:
                score = sum(similarity[i][j] for i in clusters[x] for j in clusters[y]) / (len(clusters[x]) * len(clusters[y]))
                if score > best:
                    best, pair = score, (x, y)
        x, y = pair
        history.append((best, x, y))
        clusters[x].extend(clusters.pop(y))
    return history


def cut(size: int, history: list[tuple[float, int, int]], threshold: float) -> list[int]:
    labels = list(range(size))
    for score, kept, merged in history:
        if score < threshold:
            break
        labels = [kept if label == merged else label for label in labels]
    return labels


def cluster_topic(texts: list[str], threshold: float) -> list[int]:
    """Average-link agglomerative clustering; returns a cluster number per text."""
    return cut(len(texts), merge_history(texts), threshold)


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


def _score(topics: dict, threshold: float, histories: dict) -> tuple[float, float, float]:
    predicted, gold = [], []
    for topic, documents in sorted(topics.items()):
        labels = cut(len(documents), histories[topic], threshold)
        predicted += [f"{topic}-{label}" for label in labels]
        gold += [label for _, _, label in documents]
    return bcubed(predicted, gold)


def product_clusters(topics: dict[int, list[tuple[str, str, str]]]) -> dict[str, str]:
    """Each report's cluster as the product itself makes it: the reports are ingested into a
    scratch store (analysis, actors, merging across reports), and two reports are one cluster when
    an exported event holds mentions of both (joined transitively). Topics are not told to it."""
    from ..ingest import ingest   # (the whole pipeline: only this check needs it here)
    from ..resolve.linking import linked_groups
    from ..store import Store
    names = [name for documents in topics.values() for name, _, _ in documents]
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "ecbplus.jsonl"
        inputs.write_text("".join(json.dumps({"doc_id": name, "text": text}) + "\n"
                                  for documents in topics.values() for name, text, _ in documents), encoding="utf-8")
        with Store(Path(folder) / "ecbplus.db") as store:
            ingest([inputs], store)
            shared = [sorted({m["doc_id"] for m in event["mentions"]}) for event in store.iter_records()]
    # a report's own name is its first key, so every report is in a group, alone or not
    roots = linked_groups([name, *(("event", tuple(docs)) for docs in shared if name in docs)] for name in names)
    return {name: f"c{root}" for name, root in zip(names, roots)}


def evaluate(folder: str | Path, product: bool = True) -> dict:
    """B-cubed scores of the TF-IDF clusterer (threshold chosen on topics 1-35) and, with
    `product`, of the product's own ingest and resolve, on topics 36-45."""
    dev = load_topics(Path(folder) / "ECB+", range(1, 36))
    test = load_topics(Path(folder) / "ECB+", range(36, 46))
    histories = {topic: merge_history([text for _, text, _ in documents])
                 for topic, documents in {**dev, **test}.items()}
    thresholds = [round(0.02 * i, 2) for i in range(1, 30)]
    tuned = max(thresholds, key=lambda t: _score(dev, t, histories)[2])
    precision, recall, f1 = _score(test, tuned, histories)
    result = {"bcubed_f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4),
              "threshold": tuned, "dev_bcubed_f1": round(_score(dev, tuned, histories)[2], 4),
              "documents": sum(len(d) for d in test.values()), "topics": "36-45 (threshold chosen on 1-35)"}
    if product:
        clusters = product_clusters(test)
        labelled = [(clusters[name], label) for documents in test.values() for name, _, label in documents]
        precision, recall, f1 = bcubed([p for p, _ in labelled], [g for _, g in labelled])
        result |= {"resolve_bcubed_f1": round(f1, 4), "resolve_precision": round(precision, 4),
                   "resolve_recall": round(recall, 4)}
    return result
