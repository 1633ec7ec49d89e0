"""Ingest throughput and peak memory: eventscribe vs a plain spaCy `nlp.pipe` on the same texts.

Both run in fresh subprocesses so each peak RSS is its own. The texts are the shared corpus's
seeds and world-dev reports, repeated (with a copy marker so they are not deduplicated) to
--docs documents.

    python bench/ingest_bench.py --docs 400 --workers 1

eventscribe multiplies matrices through numpy's BLAS (analyze/nlp.py); `--spacy-products numpy` gives
raw spaCy the same (one BLAS thread), to show what the sentence filter and the workers alone gain.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _texts(count: int) -> list[dict]:
    base = []
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        base.append({"doc_id": path.stem, "text": path.read_text(encoding="utf-8"), "published": None})
    for path in sorted((CORPUS / "world-dev" / "input").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        base.append({"doc_id": record["doc_id"], "text": record["text"], "published": record.get("published")})
    records = []
    for index in range(count):
        record = dict(base[index % len(base)])
        copy = index // len(base)
        record["doc_id"] = f"{record['doc_id']}-copy{copy}"
        record["text"] = record["text"] + f"\n\n[copy {copy}]"
        records.append(record)
    return records


def run_eventscribe(folder: Path, workers: int) -> dict:
    from eventscribe.ingest import ingest
    from eventscribe.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        report = ingest([folder], store, workers=workers)
        elapsed = time.perf_counter() - start
        return {"seconds": elapsed, "documents": store.counts()["documents"],
                "parsed_sentences": report.stats["parsed sentences"], "sentences": report.stats["sentences"]}


def run_spacy(folder: Path, products: str) -> dict:
    import spacy

    from eventscribe.analyze.nlp import DEFAULT_MODEL

    texts = [json.loads(line)["text"] for line in (folder / "bench.jsonl").read_text().splitlines()]
    nlp = spacy.load(DEFAULT_MODEL)   # raw spaCy: the installed pipeline as it comes, all of it
    if products == "numpy":
        from eventscribe.analyze import one_blas_thread
        from eventscribe.analyze.nlp import multiply_with
        one_blas_thread()
        multiply_with(nlp, blis=False)
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "documents": len(docs)}


def _child(mode: str, folder: Path, workers: int, products: str) -> dict:
    result = run_eventscribe(folder, workers) if mode == "eventscribe" else run_spacy(folder, products)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["peak_rss_mb"] = round(max(own, children) / 1024, 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--spacy-products", choices=["blis", "numpy"], default="blis",
                        help="matrix products of the raw spaCy run: as it comes (blis), or as eventscribe's")
    parser.add_argument("--child", choices=["eventscribe", "spacy"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.folder, args.workers, args.spacy_products)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        records = _texts(args.docs)
        (folder / "bench.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
        words = sum(len(r["text"].split()) for r in records)
        results = {}
        for mode in ("spacy", "eventscribe"):
            output = subprocess.run([sys.executable, __file__, "--child", mode, "--folder", str(folder),
                                     "--workers", str(args.workers), "--spacy-products", args.spacy_products],
                                    check=True, capture_output=True, text=True)
            results[mode] = json.loads(output.stdout.strip().splitlines()[-1])
    for result in results.values():
        result["articles_per_s"] = round(result["documents"] / result["seconds"], 2)
        result["words_per_s"] = round(words / result["seconds"])
        result["seconds"] = round(result["seconds"], 2)
    summary = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "command": " ".join(["python", "bench/ingest_bench.py", "--docs", str(args.docs), "--workers", str(args.workers),
                             "--spacy-products", args.spacy_products]),
        "documents": len(records), "words": words, **results,
        "speedup_vs_spacy": round(results["spacy"]["seconds"] / results["eventscribe"]["seconds"], 2),
    }
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
