"""The installed pipeline's rule lemmatizer, remembered by (word, part of speech, morphology).

spaCy's rule lemmatizer caches its answer per (orth, pos, morph) except for the commonest case:
a word it finds already in its base form ("talks" as a verb aside, most nouns and verbs in news
text) is recomputed at every occurrence, and each token is visited as a Python Token object. This
component reads the same keys from the doc's arrays, asks the lemmatizer once per key and per
process, and writes the lemmas back in one array call. The lemmatizer's answer depends on
nothing but that key and its tables, so every lemma is the one spaCy gives (tests/test_analyze.py
compares them on the shared corpus).
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc


MEMO_FACTORY = "eventscribe_memo_lemmatizer"


class MemoLemmatize:
    """Lemmatises as the pipeline's rule lemmatizer does, asking it once per key."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemma_ids: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        for index, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if not overwrite and lemma != 0:
                continue   # set by the attribute ruler, kept as spaCy keeps it
            key = (orth, pos, morph)
            lemma_id = self.lemma_ids.get(key)
            if lemma_id is None:
                lemma_id = strings.add(self.lemmatizer.lemmatize(doc[index])[0])
                self.lemma_ids[key] = lemma_id
            lemmas[index] = lemma_id
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory(MEMO_FACTORY)
def _make_memo(nlp: Language, name: str) -> MemoLemmatize:
    return MemoLemmatize(nlp.get_pipe("lemmatizer"))


def memoise_lemmatizer(nlp: Language) -> None:
    """Put the remembering pass in place of the pipeline's rule lemmatizer (if it has one): the
    pass runs where the lemmatizer ran and the lemmatizer itself is disabled, not removed,
    since the pass asks it."""
    if "lemmatizer" not in nlp.pipe_names or getattr(nlp.get_pipe("lemmatizer"), "mode", None) != "rule":
        return
    nlp.add_pipe(MEMO_FACTORY, after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
