"""The learned event detector (analyze/detector.py) and its rebuild (python -m eventscribe.learn).

The sentences below were written for this test; none comes from the training files or a gold set."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest

from eventscribe.analyze.detector import (FEATURE_VERSION, NONE, FeatureHasher, lemma, load_detector,
                                          read_detector, tokenize)

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training" / "events"
REBUILD = "python -m eventscribe.learn"


@pytest.fixture(scope="module")
def detector():
    return load_detector()


def test_model_loads_offline_from_the_package(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the detector must not open a network connection")
    monkeypatch.setattr(socket, "socket", no_network)
    load_detector.cache_clear()
    det = load_detector()
    assert det.labels[0] == NONE and len(det.labels) == 17
    assert det.meta["feature_version"] == FEATURE_VERSION
    assert load_detector() is det   # cached


def test_model_is_built_from_the_current_training_data(detector):
    from eventscribe.learn.data import data_sha256, training_files
    files = training_files(TRAINING)
    meta = detector.meta
    assert not meta.get("limit_per_file"), f"the shipped model was built on a subset; rebuild it: {REBUILD}"
    assert meta["training_files"] == [f.name for f in files], \
        f"training files changed since the model was built; rebuild it: {REBUILD}"
    assert meta["training_data_sha256"] == data_sha256(files), \
        f"training/events changed since the model was built (stale model); rebuild it: {REBUILD}"


def test_model_files_are_small():
    folder = Path(sys.modules[load_detector.__module__].__file__).parent / "models"
    assert sum((folder / n).stat().st_size for n in ("event_detector.npz", "event_detector.json")) <= 30 * 2**20


def test_tokens_carry_offsets():
    text = "Moscow-backed fighters shelled Kharkiv on 3.5.2024, killing 1,200 people; the U.N. said."
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
    assert [t.text for t in tokenize("Moscow-backed forces")] == ["Moscow-backed", "forces"]
    assert "1,200" in [t.text for t in tokenize(text)]


def test_crude_lemma():
    assert lemma("accused") == lemma("accuses") == lemma("accusing") == lemma("accuse")
    assert lemma("met") == "meet" and lemma("struck") == "strike" and lemma("stopped") == "stop"
    assert lemma("sanctions") == lemma("sanctioned") == "sanction"


def test_hashed_features_are_the_readable_ones():
    hasher = FeatureHasher(18)
    words = [t.text for t in tokenize("Police detained 40 protesters outside the parliament in Lusaka.")]
    strings, sentence = hasher.feature_strings(words)
    rows, sent = hasher.hash_sentence(words)
    crc = lambda f: zlib.crc32(f.encode("utf-8")) & hasher.mask  # noqa: E731
    assert rows == [[crc(f) for f in row] for row in strings]
    assert sent == [crc(f) for f in sentence]


def test_scores_are_deterministic_across_processes(detector):
    text = "Rebel fighters attacked an army checkpoint near the border town of Tessit on Monday."
    first = detector.score(text)
    assert first == detector.score(text)
    code = ("import json; from eventscribe.analyze.detector import load_detector; "
            f"print(json.dumps([s.distribution for s in load_detector().score({text!r})]))")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        assert json.loads(out) == [list(s.distribution) for s in first]


def test_distribution_is_complete(detector):
    scores = detector.score("The two presidents met in Accra on Tuesday.")
    for s in scores:
        assert len(s.distribution) == len(detector.labels)
        assert abs(sum(s.distribution) - 1) < 1e-6
        assert s.p_none == pytest.approx(s.distribution[detector.labels.index(NONE)])
        assert s.prob == max(s.distribution) and s.label == detector.labels[int(np.argmax(s.distribution))]
    assert detector.score("") == [] and not detector.may_hold_event("")


CLEAR = [
    ("Rebel fighters attacked an army checkpoint near the border town of Tessit on Monday, killing six soldiers.",
     "ASSAULT", {"attacked"}),
    ("Police arrested the opposition leader Maren Tobiko at his home in the capital late on Friday.",
     "COERCE", {"arrested"}),
    ("Thousands of nurses protested outside the health ministry in Lilongwe on Wednesday over unpaid wages.",
     "PROTEST", {"protested"}),
    ("The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday to discuss the border dispute.",
     "CONSULT", {"met"}),
    ("The European Union imposed sanctions on three senior army generals on Thursday.",
     "SANCTION", {"sanctions", "imposed"}),
]


@pytest.mark.parametrize("text, event_type, triggers", CLEAR, ids=[c[1] for c in CLEAR])
def test_clear_events_are_typed_with_the_trigger_ranked_first(detector, text, event_type, triggers):
    scores = detector.score(text)
    top = max(scores, key=lambda s: s.p_event)
    assert top.text in triggers, [(s.text, round(s.p_event, 3)) for s in scores]
    assert top.best_type == event_type and top.label == event_type
    assert top.p_event >= detector.thresholds["typing"]
    assert detector.may_hold_event(text)
    assert detector.sentence_type(text)[0] == event_type


@pytest.mark.parametrize("text", [
    "The earthquake struck the coastal town early on Sunday, destroying hundreds of homes.",
    "Brazil beat Argentina 2-1 in Saturday's qualifier in front of a sold-out stadium.",
])
def test_non_events_stay_below_the_typing_threshold(detector, text):
    scores = detector.score(text)
    assert max(s.p_event for s in scores) < detector.thresholds["typing"], \
        [(s.text, s.best_type, round(s.p_event, 3)) for s in scores]


def test_filter_agrees_with_the_scores(detector):
    text = "Hundreds of farmers blocked the main highway into Quito to protest fuel prices."
    best = max(s.p_event for s in detector.score(text))
    assert detector.may_hold_event(text, best - 1e-9) and not detector.may_hold_event(text, best + 1e-9)
    assert detector.max_event_probability(text) == pytest.approx(best)


def test_rebuild_is_deterministic(tmp_path):
    from eventscribe.learn.__main__ import main
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        assert main(["--limit-per-file", "6", "--out", str(out), "--seed", "7", "--max-iter", "40"]) == 0
        outs.append(out)
    with np.load(outs[0] / "event_detector.npz") as a, np.load(outs[1] / "event_detector.npz") as b:
        assert sorted(a.files) == sorted(b.files)
        for key in a.files:
            assert np.array_equal(a[key], b[key]), key
    meta = json.loads((outs[0] / "event_detector.json").read_text())
    assert meta["seed"] == 7 and meta["limit_per_file"] == 6
    assert meta == json.loads((outs[1] / "event_detector.json").read_text())
    small = read_detector(outs[0])
    assert len(small.score("Troops shelled the village.")) == 5


@pytest.mark.parametrize("text, trigger, expected", [
    ("Peru recalled its envoy to Quito on Monday over the border row.", "recalled",
     "Peru on Monday recalled its envoy to Quito over the border row."),
    ("Riot police detained 40 students in Dhaka yesterday.", "detained", "Riot police yesterday detained 40 students in Dhaka."),
    # a trigger opening the sentence has no subject before it to move the time past
    ("Detained on Sunday, the students were freed.", "Detained", None),
    # nor does a sentence whose time comes first
    ("On Sunday police detained 40 students.", "detained", None),
])
def test_training_sentences_are_also_read_with_the_time_before_the_verb(text, trigger, expected):
    from eventscribe.learn.data import with_time_fronted
    assert with_time_fronted(text, [{"trigger": trigger, "type": "SANCTION", "modality": "asserted"}]) == expected


def test_a_time_between_subject_and_verb_does_not_hide_the_event(analyze_text):
    # wire copy often puts the day before the verb: "Canada on Friday sanctioned …"
    analysis = analyze_text("Canada on Friday sanctioned two judges of Belarus's supreme court.", published="2024-03-09")
    assert [m.type for m in analysis.mentions if m.modality == "asserted"] == ["SANCTION"]
