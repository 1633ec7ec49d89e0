"""Hashed features -> sparse matrix -> linear model (scikit-learn, build time only) -> npz + JSON."""
from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from ..analyze.detector import FEATURE_VERSION, MODEL_NAME, EventDetector, FeatureHasher
from .data import LABELS, Sentence

MODELS_DIR = Path(__file__).resolve().parents[1] / "analyze" / "models"


@dataclass(frozen=True)
class Config:
    bits: int = 18
    model: str = "lr"              # "lr": multinomial LogisticRegression (lbfgs); "sgd": SGDClassifier(log_loss), one-vs-rest
    C: float = 2.0                 # lr: inverse L2 strength (1, 2, 4 and 0.3 compared: 2 chosen)
    alpha: float = 1e-5            # sgd: L2 strength
    sentence_features: bool = True
    sentence_scale: float = 0.2    # value of each sentence-level feature (small weight)
    temperature: float = 1.0       # softmax temperature applied at run time
    max_iter: int = 300
    modality_C: float = 0.5
    span_labels: str = "all"       # "all" tokens of a trigger span, or only its "content" words (3+ token spans)
    fronted_times: bool = True     # each sentence also with its time before the verb ("X on Monday accused Y")
    seed: int = 13


def build_matrix(sentences: list[Sentence], cfg: Config, with_labels: bool = True):
    hasher = FeatureHasher(cfg.bits, cfg.sentence_features)
    indices, data, indptr = [], [], [0]
    y, asserted, sent_id = [], [], []
    for s_i, sentence in enumerate(sentences):
        rows, sent = hasher.hash_sentence(sentence.words)
        for t_i, row in enumerate(rows):
            indices.extend(row)
            data.extend([1.0] * len(row))
            if sent:
                indices.extend(sent)
                data.extend([cfg.sentence_scale] * len(sent))
            indptr.append(len(indices))
            sent_id.append(s_i)
            if with_labels:
                y.append(LABELS.index(sentence.labels[t_i]))
                asserted.append(sentence.asserted[t_i])
    X = sp.csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int32),
                       np.asarray(indptr, dtype=np.int64)), shape=(len(indptr) - 1, 1 << cfg.bits))
    X.sum_duplicates()
    return X, np.asarray(y, dtype=np.int64), asserted, np.asarray(sent_id, dtype=np.int64)


def _softmax_lbfgs(X, y, n_classes: int, C: float, max_iter: int, tol: float = 2e-7):
    """Multinomial logistic regression, the objective of scikit-learn's LogisticRegression(lbfgs):
    sum of cross-entropy + ||W||^2 / (2C), intercept unpenalised, minimised with scipy's L-BFGS
    over the columns that occur (about 10x faster here than the scikit-learn solver)."""
    used = np.unique(X.indices)
    Xc = X[:, used].tocsr()
    n, d = Xc.shape
    Y = np.zeros((n, n_classes))
    Y[np.arange(n), y] = 1.0
    XT = Xc.T.tocsr()

    def loss_grad(theta):
        W = theta[: d * n_classes].reshape(d, n_classes)
        b = theta[d * n_classes:]
        Z = Xc @ W + b
        Z -= Z.max(axis=1, keepdims=True)
        E = np.exp(Z)
        S = E.sum(axis=1, keepdims=True)
        loss = float(-(Z * Y).sum() + np.log(S).sum() + 0.5 / C * (W * W).sum())
        G = E / S - Y
        gW = XT @ G + W / C
        return loss, np.concatenate([gW.ravel(), G.sum(axis=0)])

    # one BLAS thread: a threaded dot product sums in a machine-dependent order, and L-BFGS
    # carries such last-bit differences into the weights; with one thread a rebuild is bit-exact
    from threadpoolctl import threadpool_limits
    with threadpool_limits(limits=1):
        theta, info = _lbfgs(loss_grad, np.zeros(d * n_classes + n_classes), max_iter, tol)
    W = np.zeros((X.shape[1], n_classes))
    W[used] = theta[: d * n_classes].reshape(d, n_classes)
    return W, theta[d * n_classes:], info


def _lbfgs(loss_grad, x, max_iter: int, tol: float, memory: int = 10):
    """Plain L-BFGS (two-loop recursion, backtracking Armijo line search) in numpy: deterministic,
    and far cheaper per step than scipy's L-BFGS-B on a few million unbounded parameters."""
    f, g = loss_grad(x)
    s_hist, y_hist, rho_hist = [], [], []
    f0 = abs(f)
    it = 0
    for it in range(1, max_iter + 1):
        q = g.copy()
        alphas = []
        for s_k, y_k, r_k in zip(reversed(s_hist), reversed(y_hist), reversed(rho_hist)):
            a = r_k * float(s_k @ q)
            alphas.append(a)
            q -= a * y_k
        if s_hist:
            q *= float(s_hist[-1] @ y_hist[-1]) / float(y_hist[-1] @ y_hist[-1])
        else:
            q /= max(1.0, float(np.abs(g).max()))
        for (s_k, y_k, r_k), a in zip(zip(s_hist, y_hist, rho_hist), reversed(alphas)):
            q += (a - r_k * float(y_k @ q)) * s_k
        direction = -q
        slope = float(g @ direction)
        if slope >= 0:   # not a descent direction: restart from the gradient
            s_hist, y_hist, rho_hist = [], [], []
            direction, slope = -g, -float(g @ g)
        step = 1.0
        while True:
            x_new = x + step * direction
            f_new, g_new = loss_grad(x_new)
            if f_new <= f + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s_k, y_k = x_new - x, g_new - g
        sy = float(s_k @ y_k)
        if sy > 1e-10:
            s_hist.append(s_k)
            y_hist.append(y_k)
            rho_hist.append(1.0 / sy)
            if len(s_hist) > memory:
                s_hist.pop(0), y_hist.pop(0), rho_hist.pop(0)
        converged = (f - f_new) <= tol * max(f0, 1.0)
        x, f, g = x_new, f_new, g_new
        if converged:
            break
    return x, {"iterations": it, "loss": f}


def fit_types(X, y, cfg: Config):
    """Returns (weights n_buckets x n_labels float32, bias n_labels float32), columns in LABELS order."""
    n_labels = len(LABELS)
    if cfg.model == "lr":
        W, b, _ = _softmax_lbfgs(X, y, n_labels, cfg.C, cfg.max_iter)
        present = np.bincount(y, minlength=n_labels) > 0
        b = np.where(present, b, -30.0)   # a label absent from a small subset: never predicted
        return W.astype(np.float32), b.astype(np.float32)
    if cfg.model == "sklearn-lr":   # reference: same objective, scikit-learn's solver (slow)
        from sklearn.linear_model import LogisticRegression
        clf = LogisticRegression(C=cfg.C, max_iter=cfg.max_iter, tol=1e-5, random_state=cfg.seed)
    elif cfg.model == "sgd":
        from sklearn.linear_model import SGDClassifier
        clf = SGDClassifier(loss="log_loss", alpha=cfg.alpha, max_iter=20, tol=None, random_state=cfg.seed,
                            average=True)
    else:
        raise ValueError(cfg.model)
    clf.fit(X, y)
    coef = np.zeros((n_labels, X.shape[1]), dtype=np.float64)
    bias = np.full(n_labels, -30.0)
    # sgd is one-vs-rest: each class's own logit is stored; softmax over them at run time is
    # the multinomial reading of OvR scores (its calibration is measured, not assumed)
    for row, cls in enumerate(clf.classes_):
        coef[cls], bias[cls] = clf.coef_[row], clf.intercept_[row]
    return coef.T.astype(np.float32), bias.astype(np.float32)


def fit_modality(X, asserted, cfg: Config):
    """P(asserted) for event tokens, from the same features: (weights n_buckets float32, bias)."""
    rows = np.array([i for i, a in enumerate(asserted) if a is not None], dtype=np.int64)
    target = np.array([bool(asserted[i]) for i in rows], dtype=np.int64)
    if len(set(target.tolist())) < 2:
        return np.zeros(X.shape[1], dtype=np.float32), 0.0
    # two-class softmax == logistic regression: P(asserted) = sigmoid(z1 - z0)
    W, b, _ = _softmax_lbfgs(X[rows], target, 2, cfg.modality_C, cfg.max_iter)
    return (W[:, 1] - W[:, 0]).astype(np.float32), float(b[1] - b[0])


def make_meta(cfg: Config, sha: str, n_sentences: int, n_tokens: int, files: list[str],
              thresholds: dict | None = None, extra: dict | None = None) -> dict:
    import sklearn
    return {
        "name": MODEL_NAME,
        "labels": list(LABELS),
        "feature_version": FEATURE_VERSION,
        "hashing": "zlib.crc32(utf-8 feature string) & (2**hash_bits - 1); sentence features scaled by sentence_scale",
        "hash_bits": cfg.bits,
        "sentence_features": cfg.sentence_features,
        "sentence_scale": cfg.sentence_scale,
        "temperature": cfg.temperature,
        "weights_dtype": "float16",
        "training_data_sha256": sha,
        "training_files": files,
        "training_sentences": n_sentences,
        "training_tokens": n_tokens,
        "seed": cfg.seed,
        "config": asdict(cfg),
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "thresholds": thresholds or {"filter": 0.05, "typing": 0.5},
        **(extra or {}),
    }


def detector_from(weights, bias, meta, mw=None, mb=0.0) -> EventDetector:
    """A runtime detector from in-memory weights, rounded to float16 exactly as shipped."""
    return EventDetector(weights.astype(np.float16), bias, meta,
                         None if mw is None else mw.astype(np.float16), mb)


def save(out_dir: Path, weights, bias, meta, mw=None, mb=0.0) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays = {"weights": weights.astype(np.float16), "bias": bias.astype(np.float32)}
    if mw is not None:
        arrays["modality_weights"] = mw.astype(np.float16)
        arrays["modality_bias"] = np.float32(mb)
    npz = out_dir / (MODEL_NAME + ".npz")
    np.savez_compressed(npz, **arrays)
    js = out_dir / (MODEL_NAME + ".json")
    js.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return [npz, js]


class Timer:
    def __enter__(self):
        self.t = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.t
