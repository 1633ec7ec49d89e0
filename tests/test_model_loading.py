"""The loaded pipeline: matrix products through numpy's BLAS give the parse blis gives, and an
engine's worker keeps to one BLAS thread."""
import os
import subprocess
import sys

from thinc.api import NumpyOps

from eventscribe.analyze import DEFAULT_MODEL, load_model
from eventscribe.analyze.nlp import layers_of, multiply_with

# Made-up sentences in several outlets' styles.
SENTENCES = [
    "Police in Varnholt detained 14 protesters on Saturday after a rally outside the regional assembly turned violent.",
    "KESSARI, March 3 (Wire) - Foreign Minister Adaeze Umeh held talks with her Tamarese counterpart on Tuesday.",
    "Drones struck two fuel depots near the border overnight, the defence ministry said, blaming rebel fighters.",
    "The union called off its strike after the transport authority agreed to raise wages by 8 percent.",
    "\"We will not negotiate under threat,\" said Oren Blatt, spokesman for the coalition, late on Friday.",
]


def _parse(nlp):
    return [[(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc] for doc in nlp.pipe(SENTENCES)]


def test_every_layer_multiplies_through_numpy(nlp):
    layers = layers_of(nlp)
    assert len(layers) > 20
    assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)


def test_the_parse_is_the_one_blis_gives(nlp):
    with_blis = load_model.__wrapped__(DEFAULT_MODEL)    # a second copy, not the cached one
    multiply_with(with_blis, blis=True)
    assert all(layer.ops.use_blis for layer in layers_of(with_blis))
    parsed = _parse(nlp)
    assert parsed == _parse(with_blis)
    assert any(entity == "GPE" for sentence in parsed for *_, entity in sentence)


def test_a_worker_keeps_to_one_blas_thread():
    code = ("from eventscribe.analyze import one_blas_thread; import threadpoolctl; "
            "before = [p['num_threads'] for p in threadpoolctl.threadpool_info() if p['user_api'] == 'blas']; "
            "one_blas_thread(); "
            "after = [p['num_threads'] for p in threadpoolctl.threadpool_info() if p['user_api'] == 'blas']; "
            "print(before, after)")
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2"}
    output = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    before, after = output.stdout.strip().split("] [")
    assert before.strip("[]") == "2"
    assert after.strip("[]") == "1"
