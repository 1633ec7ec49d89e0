"""learn: build-time training of the learned components (needs the ``dev`` extra).

``python -m eventscribe.learn`` rebuilds ``analyze/models/event_detector.{npz,json}`` from
``training/events/*.jsonl`` (about 45 s on one core; deterministic: fixed seed, one BLAS thread).
``--evaluate`` first runs 5-fold cross-validation (folds keep near-duplicate sentences together),
``--external ../shared/corpus`` scores the built model on the PLOVER gold sentences (measure only:
nothing here trains on the shared corpus), ``--report FILE`` writes every figure as JSON.

The default model is multinomial logistic regression (L2, C=2) on hashed features, fitted by a
small numpy L-BFGS (``train._lbfgs``: the objective of scikit-learn's ``LogisticRegression``, about
ten times faster here); ``--model sgd`` / ``--model sklearn-lr`` train scikit-learn's estimators
for comparison. Run time (``analyze/detector.py``) needs numpy only, never this package.
"""
