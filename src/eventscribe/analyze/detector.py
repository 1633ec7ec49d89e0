"""The learned event scorer: for every token of a sentence, P(label) over the 16 PLOVER types and
NONE (the token names no event), from cheap features only (a regex tokenizer, a crude lemma,
affixes, word shape, neighbours at -3..+3, bigrams, the sentence's words). No parse, no POS, no
scikit-learn at run time: the weights are a numpy array in the package (``models/``), features are
hashed with ``zlib.crc32`` (never Python's salted ``hash``), so scores are the same in every process.

It is also the filter before parsing: the pipeline (``extract.worth_parsing``) parses a sentence
only when some word's P(event) = 1 - P(NONE) is high enough to make a trigger, or a vocabulary
word's is high enough not to be vetoed; ``may_hold_event(text, threshold)`` asks the plain
question for one threshold.

The model is rebuilt from ``training/events/*.jsonl`` by ``python -m eventscribe.learn``; the
feature code here is shared by training and run time (``FEATURE_VERSION`` names the template).
"""
from __future__ import annotations

import functools

import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .frames import read_form_lemmas

FEATURE_VERSION = "v1"
MODEL_NAME = "event_detector"
NONE = "NONE"

# Numbers (1,000 / 3.5 / 10:30), words with inner hyphens or apostrophes (Moscow-backed, Côte
# d'Ivoire's), then any other single non-space character (punctuation, symbols).
_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Deterministic regex tokens with character offsets into ``text``."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


# Forms whose lemma a suffix rule cannot reach (met -> meet, children -> child): data, in the
# English language folder beside the frames.
LEMMA_EXCEPTIONS_FILE = Path(__file__).parent / "lang" / "en" / "lemma_exceptions.tsv"


_IRREGULAR = read_form_lemmas(LEMMA_EXCEPTIONS_FILE)
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A crude, deterministic English lemma of a lowercased word: irregular forms, then common
    inflections stripped (-ies/-ied -> y, -ing, -ed, -es, -s; doubled final consonant undone;
    final silent e dropped so accuse/accused/accusing meet at "accus")."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or not w.isalpha():
        return w
    stem = w
    if w.endswith(("ies", "ied")) and len(w) > 4:
        stem = w[:-3] + "y"
    elif w.endswith("eed"):
        stem = w[:-1]
    elif w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        stem = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        stem = w[:-1]
    if stem is not w and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsaeiouz":
        stem = stem[:-1]   # stopped -> stop, hitting -> hit (but shelled, massed keep theirs)
    if len(stem) > 3 and stem.endswith("e") and stem[-2] not in _VOWELS:
        stem = stem[:-1]   # accuse -> accus, like accused / accusing
    return stem


@functools.lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """Collapsed word shape: Xx, x, X, d, x-x, X.X, or the punctuation itself."""
    out = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


_CONTEXT_OFFSETS = (-3, -2, -1, 1, 2, 3)
_BOS, _EOS = "<s>", "</s>"


def _crc(feature: str, mask: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) & mask


class FeatureHasher:
    """Feature strings for each token, and their hashed bucket numbers (crc32 mod 2**bits)."""

    def __init__(self, bits: int, sentence_features: bool = True, version: str = FEATURE_VERSION):
        if version != FEATURE_VERSION:
            raise ValueError(f"feature template {version!r} is not this code's {FEATURE_VERSION!r}; rebuild the model")
        self.bits = bits
        self.mask = (1 << bits) - 1
        self.sentence_features = sentence_features
        self._own = lru_cache(maxsize=65536)(self._own_uncached)
        self._context = lru_cache(maxsize=65536)(self._context_uncached)

    # -- feature strings (readable; used by training audits and tests) --
    @staticmethod
    def own_features(word: str) -> list[str]:
        low = word.lower()
        lem = lemma(low)
        feats = ["bias", "w=" + low, "l=" + lem, "sh=" + shape(word),
                 "p3=" + low[:3], "s3=" + low[-3:], "s4=" + low[-4:]]
        if "-" in low:
            parts = low.split("-")
            feats += ["hf=" + parts[0], "hl=" + lemma(parts[-1])]
        return feats

    def feature_strings(self, words: list[str]) -> tuple[list[list[str]], list[str]]:
        """The readable features of each token and of the sentence; ``hash_sentence`` hashes
        exactly these (a test checks it). Context: neighbours' lemmas at -3..+3, the words right
        beside the token, lemma bigrams on each side and the trigram to the right (opened fire on)."""
        lows = [w.lower() for w in words]
        lemmas = [lemma(w) for w in lows]
        n = len(words)
        get = lambda j: lemmas[j] if 0 <= j < n else (_BOS if j < 0 else _EOS)  # noqa: E731
        rows = []
        for i in range(n):
            feats = self.own_features(words[i]) + [f"l{k:+d}={get(i + k)}" for k in _CONTEXT_OFFSETS]
            feats += ["w-1=" + (lows[i - 1] if i > 0 else _BOS), "w+1=" + (lows[i + 1] if i + 1 < n else _EOS),
                      f"b-={get(i - 1)}|{lemmas[i]}", f"b+={lemmas[i]}|{get(i + 1)}",
                      f"t+={lemmas[i]}|{get(i + 1)}|{get(i + 2)}"]
            if i == 0:
                feats.append("first")
            rows.append(feats)
        return rows, (self.sentence_feature_strings(lemmas) if self.sentence_features else [])

    @staticmethod
    def sentence_feature_strings(lemmas: list[str]) -> list[str]:
        return sorted({"S=" + lem for lem in lemmas if len(lem) > 2 and lem.isalpha()})

    # -- hashed --
    def _own_uncached(self, word: str) -> tuple[int, ...]:
        return tuple(_crc(f, self.mask) for f in self.own_features(word))

    def _context_uncached(self, lem: str) -> tuple[int, ...]:
        # bucket of "l{k}=lem" for each k in _CONTEXT_OFFSETS, in that order
        return tuple(_crc(f"l{k:+d}={lem}", self.mask) for k in _CONTEXT_OFFSETS)

    def hash_sentence(self, words: list[str]) -> tuple[list[list[int]], list[int]]:
        """Per token the bucket list, and the sentence-level buckets (empty if disabled)."""
        lows = [w.lower() for w in words]
        lemmas = [lemma(w) for w in lows]
        n = len(words)
        ctx = [self._context(lem) for lem in lemmas]
        bos, eos = self._context(_BOS), self._context(_EOS)
        mask = self.mask
        rows = []
        for i in range(n):
            row = list(self._own(words[i]))
            for slot, k in enumerate(_CONTEXT_OFFSETS):
                j = i + k
                row.append((ctx[j] if 0 <= j < n else (bos if j < 0 else eos))[slot])
            prev_l = lemmas[i - 1] if i > 0 else _BOS
            next_l = lemmas[i + 1] if i + 1 < n else _EOS
            next2_l = lemmas[i + 2] if i + 2 < n else _EOS
            row += [_crc("w-1=" + (lows[i - 1] if i > 0 else _BOS), mask),
                    _crc("w+1=" + (lows[i + 1] if i + 1 < n else _EOS), mask),
                    _crc(f"b-={prev_l}|{lemmas[i]}", mask),
                    _crc(f"b+={lemmas[i]}|{next_l}", mask),
                    _crc(f"t+={lemmas[i]}|{next_l}|{next2_l}", mask)]
            if i == 0:
                row.append(_crc("first", mask))
            rows.append(row)
        sent = [_crc(f, mask) for f in self.sentence_feature_strings(lemmas)] if self.sentence_features else []
        return rows, sent


@dataclass(frozen=True)
class TokenScore:
    text: str
    start: int
    end: int
    label: str          # the most probable label (a PLOVER type or NONE)
    prob: float         # its probability
    p_none: float       # P(NONE); P(event) = 1 - p_none
    best_type: str      # the most probable PLOVER type, even when NONE wins
    p_type: float       # its probability
    p_asserted: float | None   # P(modality = asserted | event), if the model has that head
    distribution: tuple[float, ...]   # over EventDetector.labels

    @property
    def p_event(self) -> float:
        return 1.0 - self.p_none


class EventDetector:
    """Scores tokens with the shipped linear model. Build with ``load_detector()``."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, meta: dict,
                 modality_weights: np.ndarray | None = None, modality_bias: float = 0.0):
        self.meta = meta
        self.labels: tuple[str, ...] = tuple(meta["labels"])
        self._none = self.labels.index(NONE)
        self._type_ids = np.array([i for i, lab in enumerate(self.labels) if lab != NONE])
        self._w = np.ascontiguousarray(weights, dtype=np.float32)
        self._b = np.asarray(bias, dtype=np.float32)
        self._temperature = float(meta.get("temperature", 1.0))
        self._sent_scale = float(meta["sentence_scale"])
        self._mw = None if modality_weights is None else np.asarray(modality_weights, dtype=np.float32)
        self._mb = float(modality_bias)
        self.hasher = FeatureHasher(int(meta["hash_bits"]), bool(meta["sentence_features"]),
                                    meta["feature_version"])
        self.thresholds = meta.get("thresholds", {})

    def probabilities(self, words: list[str], modality: bool = True) -> tuple[np.ndarray, np.ndarray | None]:
        """(n_tokens x n_labels) probabilities, and P(asserted) per token (None when the model
        has no modality head or `modality` is False)."""
        if not words:
            return np.zeros((0, len(self.labels)), dtype=np.float64), None
        rows, sent = self.hasher.hash_sentence(words)
        lengths = [len(r) for r in rows]
        flat = np.fromiter((b for r in rows for b in r), dtype=np.int64, count=sum(lengths))
        offsets = np.zeros(len(rows), dtype=np.int64)
        np.cumsum(lengths[:-1], out=offsets[1:])
        logits = np.add.reduceat(self._w[flat], offsets, axis=0) + self._b
        if sent:
            logits += self._sent_scale * self._w[sent].sum(axis=0)
        logits = logits.astype(np.float64) / self._temperature
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        asserted = None
        if self._mw is not None and modality:
            z = np.add.reduceat(self._mw[flat], offsets) + self._mb
            if sent:
                z = z + self._sent_scale * self._mw[sent].sum()
            asserted = 1.0 / (1.0 + np.exp(-z.astype(np.float64)))
        return logits, asserted

    def score(self, text: str) -> list[TokenScore]:
        tokens = tokenize(text)
        probs, asserted = self.probabilities([t.text for t in tokens])
        out = []
        types = self._type_ids
        for i, tok in enumerate(tokens):
            dist = probs[i]
            best = int(dist.argmax())
            best_type = int(types[dist[types].argmax()])
            out.append(TokenScore(tok.text, tok.start, tok.end, self.labels[best], float(dist[best]),
                                  float(dist[self._none]), self.labels[best_type], float(dist[best_type]),
                                  None if asserted is None else float(asserted[i]),
                                  tuple(float(p) for p in dist)))
        return out

    def event_scores_with_ends(self, text: str) -> list[tuple[int, int, float, str]]:
        """(start, end, P(event), most probable type) per token: what the pipeline asks of
        every parsed sentence, computed at once for the sentence (no TokenScore per token)."""
        tokens = tokenize(text)
        probs, _ = self.probabilities([t.text for t in tokens], modality=False)
        if not tokens:
            return []
        p_event = 1.0 - probs[:, self._none]
        best = self._type_ids[probs[:, self._type_ids].argmax(axis=1)]
        labels = self.labels
        return [(token.start, token.end, float(p), labels[int(b)]) for token, p, b in zip(tokens, p_event, best)]

    def max_event_probability(self, text: str) -> float:
        probs, _ = self.probabilities([t.text for t in tokenize(text)], modality=False)
        return float(1.0 - probs[:, self._none].min()) if len(probs) else 0.0

    def may_hold_event(self, text: str, threshold: float | None = None) -> bool:
        """True when some token's P(event) reaches ``threshold`` (default: the shipped filter
        threshold); the parser can skip a sentence for which this is False."""
        if threshold is None:
            threshold = float(self.thresholds.get("filter", 0.05))
        return self.max_event_probability(text) >= threshold

    def sentence_type(self, text: str) -> tuple[str | None, float]:
        """The type of the sentence's most probable trigger token, and that probability."""
        probs, _ = self.probabilities([t.text for t in tokenize(text)])
        if not len(probs):
            return None, 0.0
        sub = probs[:, self._type_ids]
        i, j = np.unravel_index(int(sub.argmax()), sub.shape)
        return self.labels[int(self._type_ids[j])], float(sub[i, j])


def _from_files(meta_text: str, npz_handle) -> EventDetector:
    meta = json.loads(meta_text)
    with np.load(npz_handle) as arrays:
        weights = arrays["weights"]
        bias = arrays["bias"]
        mw = arrays["modality_weights"] if "modality_weights" in arrays.files else None
        mb = float(arrays["modality_bias"]) if "modality_bias" in arrays.files else 0.0
    return EventDetector(weights, bias, meta, mw, mb)


def read_detector(directory, name: str = MODEL_NAME) -> EventDetector:
    """A detector from model files in ``directory`` (a path or an importlib.resources folder)."""
    from pathlib import Path
    root = Path(directory) if isinstance(directory, str) else directory
    with root.joinpath(name + ".npz").open("rb") as handle:
        return _from_files(root.joinpath(name + ".json").read_text(encoding="utf-8"), handle)


@lru_cache(maxsize=1)
def load_detector() -> EventDetector:
    """The shipped detector (cached; read from the installed package, no network)."""
    return read_detector(resources.files("eventscribe.analyze.models"))
