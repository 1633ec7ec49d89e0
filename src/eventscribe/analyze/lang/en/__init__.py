"""English: the frames, word sets and irregular verb forms in this folder, loaded and checked once.

    from eventscribe.analyze.lang.en import english
    english.frames.family("strike", "noun")     # the frames tried for the noun "strike", in order
    english.wordset("forces")                    # words the checks and mechanisms look up
"""
from __future__ import annotations

from pathlib import Path

from ... import checks as _checks   # noqa: F401  registers the checks frames.tsv names
from ...frames import Language, load_language

english: Language = load_language(Path(__file__).parent, name="en")
