"""python -m eventscribe.learn [--evaluate] [--external ../shared/corpus] [--limit-per-file N] [--out DIR]

Rebuilds the event detector from training/events/*.jsonl (fixed seed, deterministic) and writes
src/eventscribe/analyze/models/event_detector.{npz,json}."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from .data import DEFAULT_DATA, data_sha256, load_sentences, training_files
from .train import MODELS_DIR, Config, Timer, build_matrix, detector_from, fit_modality, fit_types, make_meta, save


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eventscribe.learn", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of training *.jsonl")
    ap.add_argument("--out", type=Path, default=MODELS_DIR, help="where the model files go")
    ap.add_argument("--limit-per-file", type=int, default=None, help="train on the first N sentences of each file (tests)")
    ap.add_argument("--no-write", action="store_true", help="train and measure, but write no model")
    ap.add_argument("--evaluate", action="store_true", help="5-fold grouped cross-validation first")
    ap.add_argument("--ungrouped", action="store_true", help="cross-validate over shuffled sentences instead of near-duplicate groups")
    ap.add_argument("--external", type=Path, default=None, help="shared corpus folder: PLOVER checks of the built model (measure only)")
    ap.add_argument("--report", type=Path, default=None, help="write the measurements as JSON here")
    ap.add_argument("--no-modality", action="store_true", help="skip the P(asserted) head")
    for name, typ in (("bits", int), ("model", str), ("C", float), ("alpha", float), ("sentence_scale", float),
                      ("temperature", float), ("seed", int), ("max_iter", int), ("modality_C", float)):
        ap.add_argument("--" + name.replace("_", "-"), dest=name, type=typ, default=None)
    ap.add_argument("--no-sentence-features", action="store_true")
    ap.add_argument("--no-fronted-times", action="store_true", help="train without the time-before-verb variants")
    ap.add_argument("--span-labels", choices=("all", "content"), default=None,
                    help="all: every token of a trigger span is labelled; content: in spans of 3+ tokens only the content words")
    args = ap.parse_args(argv)

    cfg = Config()
    overrides = {k: getattr(args, k) for k in ("bits", "model", "C", "alpha", "sentence_scale", "temperature",
                                              "seed", "max_iter", "modality_C") if getattr(args, k) is not None}
    if args.span_labels:
        overrides["span_labels"] = args.span_labels
    if args.no_sentence_features:
        overrides["sentence_features"] = False
    if args.no_fronted_times:
        overrides["fronted_times"] = False
    cfg = replace(cfg, **overrides)
    report: dict = {"config": cfg.__dict__}

    files = training_files(args.data)
    sentences = load_sentences(args.data, args.limit_per_file, cfg.span_labels, cfg.fronted_times)
    print(f"{len(sentences)} sentences from {len(files)} files; config {cfg}", file=sys.stderr)

    if args.evaluate:
        from .evaluate import cross_validate
        with Timer() as t:
            cv = cross_validate(sentences, cfg, grouped=not args.ungrouped, modality=not args.no_modality)
        probs, y, sent_id = cv.pop("_oof")
        if args.report:
            import numpy as np
            np.savez_compressed(args.report.with_suffix(".oof.npz"), probs=probs, y=y, sent_id=sent_id)
        cv["seconds"] = round(t.seconds, 1)
        report["cross_validation"] = cv
        print(json.dumps(cv, indent=1), file=sys.stderr)

    with Timer() as t:
        X, y, asserted, _ = build_matrix(sentences, cfg)
        W, b = fit_types(X, y, cfg)
        mw, mb = (None, 0.0) if args.no_modality else fit_modality(X, asserted, cfg)
    report["train_seconds"] = round(t.seconds, 1)
    meta = make_meta(cfg, data_sha256(files), len(sentences), int(X.shape[0]), [f.name for f in files],
                     extra={"limit_per_file": args.limit_per_file} if args.limit_per_file else None)
    if not args.no_write:
        paths = save(args.out, W, b, meta, mw, mb)
        report["files"] = {str(p): p.stat().st_size for p in paths}
        print(f"wrote {', '.join(str(p) for p in paths)} in {t.seconds:.1f} s", file=sys.stderr)
    if args.external:
        from .evaluate import external
        ext = external(detector_from(W, b, meta, mw, mb), args.external)
        report["external"] = ext
        print(json.dumps(ext, indent=1), file=sys.stderr)
    if args.report:
        args.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
