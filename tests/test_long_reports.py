"""Long reports are analysed section by section (analyze.pipeline.SECTION_CHARS); the passes
over a whole report are near-linear. Texts are made up for these tests. No timing here: see
bench/long_report_bench.py."""
import copy
import random
import re

import pytest

from eventscribe.analyze import pipeline
from eventscribe.analyze.group import name_tokens, same_name
from eventscribe.analyze.pipeline import _complete_people, _offices_differ, split_sections
from eventscribe.analyze.sentences import MAX_SENTENCE_CHARS, _ends_with_abbreviation, split_sentences
from eventscribe.model import Participant

# Three short reports; lines within one, a blank line between them.
_PARTS = [
    "President Omar Haddad met Prime Minister Tomas Reyes in Geneva on Tuesday to discuss the border.\n"
    "The meeting was attended by the United Nations envoy for the region, Amina Okafor.\n"
    "Haddad later visited Vienna, where he held talks with Chancellor Maria Lang on Wednesday.",
    "NAIROBI, March 7 (Reuters) - On March 3, police arrested twelve members of the Northern Front in Mombasa.\n"
    "Thousands of protesters rallied in Nairobi on Friday to demand their release.\n"
    "Interior Minister Karim Nasser condemned the protest and accused the opposition of stirring unrest.",
    "Foreign Minister Elena Varga phoned Mr. Reyes on Monday to discuss the ceasefire and the prisoners.\n"
    "Gunmen attacked a police station in Cairo on Sunday, killing four officers, the ministry said.\n"
    "Varga accused the rebels of the attack and urged the army to withdraw its troops from the border.",
]
_PUBLISHED = "2024-03-08"
_SEPARATOR = "\n\n"


def _joined() -> tuple[str, list[int]]:
    offsets, position = [], 0
    for part in _PARTS:
        offsets.append(position)
        position += len(part) + len(_SEPARATOR)
    return _SEPARATOR.join(_PARTS), offsets


def _shift_mention(mention: dict, chars: int, sentences: int, keys: int) -> dict:
    mention = copy.deepcopy(mention)
    for key in ("trigger_start", "trigger_end", "sentence_start", "sentence_end"):
        mention[key] += chars
    mention["sentence"] += sentences
    mention["event_key"] += keys
    for participant in mention["participants"]:
        if participant["start"] is not None:
            participant["start"] += chars
            participant["end"] += chars
    if mention["date"] and mention["date"]["start"] is not None:
        mention["date"]["start"] += chars
        mention["date"]["end"] += chars
    return mention


@pytest.fixture
def small_sections(monkeypatch):
    """Sections just large enough for the longest part, so each part is a section."""
    monkeypatch.setattr(pipeline, "SECTION_CHARS", max(len(part) for part in _PARTS))


def test_the_parts_are_the_sections(small_sections):
    text, offsets = _joined()
    sections = split_sections(text, split_sentences(text))
    assert [(s[0].start, s[-1].end) for s in sections] == [(o, o + len(p)) for o, p in zip(offsets, _PARTS)]


def test_a_long_report_gives_the_events_of_its_sections_read_alone(analyze_text, small_sections):
    text, offsets = _joined()
    whole = analyze_text(text, published=_PUBLISHED)
    assert whole.text == text and whole.stats["sections"] == 3
    expected_mentions, expected_entities, sentences, keys = [], [], 0, 0
    for part, offset in zip(_PARTS, offsets):
        alone = analyze_text(part, published=_PUBLISHED).to_dict()
        assert "sections" not in alone["stats"]
        expected_mentions += [_shift_mention(m, offset, sentences, keys) for m in alone["mentions"]]
        expected_entities += [dict(e, start=e["start"] + offset, end=e["end"] + offset, sentence=e["sentence"] + sentences)
                              for e in alone["entities"]]
        sentences += len(alone["sentences"])
        keys += max((m["event_key"] for m in alone["mentions"]), default=-1) + 1
    got = whole.to_dict()
    assert got["mentions"] == expected_mentions
    assert got["entities"] == expected_entities
    assert len(got["sentences"]) == sentences
    assert whole.stats["mentions"] == len(expected_mentions) and {m.type for m in whole.mentions} >= {
        "CONSULT", "COERCE", "PROTEST", "ACCUSE", "ASSAULT"}
    # Offsets point into the whole text.
    for mention in whole.mentions:
        assert text[mention.trigger_start:mention.trigger_end] == mention.trigger
        assert text[mention.sentence_start:mention.sentence_end] == whole.sentences[mention.sentence].text
        for participant in mention.participants:
            if participant.start is not None:
                assert text[participant.start:participant.end] in (participant.name, participant.surface) or \
                    participant.name in text[participant.start:participant.end]
        if mention.date and mention.date.start is not None:
            assert text[mention.date.start:mention.date.end] == mention.date.expression
    for entity in whole.entities:
        assert text[entity.start:entity.end] == entity.text


def test_names_dates_and_repeated_mentions_still_work_within_a_section(analyze_text, small_sections):
    text, offsets = _joined()
    whole = analyze_text(text, published=_PUBLISHED)
    first_section = [m for m in whole.mentions if m.sentence_end <= offsets[1]]
    # 'Haddad' after 'President Omar Haddad' in the same section is Omar Haddad.
    visit = next(m for m in first_section if m.trigger == "visited")
    haddad = next(p for p in visit.participants if p.surface == "Haddad")
    assert haddad.name == "Omar Haddad" and text[haddad.start:haddad.end] == "Haddad"
    # The attendee sentence repeats the meeting: one event, with the envoy in it.
    met = next(m for m in first_section if m.trigger == "met")
    attended = next(m for m in first_section if m.trigger == "meeting")
    assert met.event_key == attended.event_key
    assert met.date.value == "2024-03-05"
    # A section is read as a report of its own: 'Reyes' in the third is not completed from the first.
    phoned = next(m for m in whole.mentions if m.trigger == "phoned")
    assert "Tomas Reyes" not in phoned.names and any(name.endswith("Reyes") for name in phoned.names)
    # Event keys stay distinct across sections.
    keys_by_section = [{m.event_key for m in whole.mentions if start <= m.sentence_start < end}
                       for start, end in zip(offsets, offsets[1:] + [len(text) + 1])]
    assert all(keys_by_section) and not set.intersection(*keys_by_section)


def test_a_report_up_to_the_section_size_is_read_whole(analyze_text):
    text, _ = _joined()
    assert len(text) <= pipeline.SECTION_CHARS
    whole = analyze_text(text, published=_PUBLISHED)
    assert "sections" not in whole.stats
    phoned = next(m for m in whole.mentions if m.trigger == "phoned")
    assert "Tomas Reyes" in phoned.names   # the whole report is one section: Reyes is completed


def _made_up_long_text(paragraphs: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    words = "the minister said talks would resume after the vote in the capital next week".split()
    out = []
    for _ in range(paragraphs):
        sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(5, 30))).capitalize() + "."
                     for _ in range(rng.randint(1, 8))]
        # Some paragraphs are lines of one block, most are separated by a blank line.
        out.append(" ".join(sentences) + ("\n" if rng.random() < 0.2 else "\n\n"))
    return "".join(out)


@pytest.mark.parametrize("limit", [300, 1000, 5000])
def test_sections_are_bounded_cover_the_report_and_end_at_paragraphs(limit):
    text = _made_up_long_text(400)
    sentences = split_sentences(text)
    sections = split_sections(text, sentences, limit)
    assert [s for section in sections for s in section] == sentences
    for section, following in zip(sections, sections[1:]):
        assert section[-1].end - section[0].start <= limit or len(section) == 1
        gap = text[section[-1].end:following[0].start]
        # At a paragraph break whenever one leaves the section at least half full.
        later_breaks = [s for s, n in zip(section, section[1:] + [following[0]])
                        if "\n\n" in text[s.end:n.start] and s.end - section[0].start >= limit // 2]
        if later_breaks:
            assert "\n\n" in gap and later_breaks[-1] is section[-1]


def test_a_sentence_without_ends_is_cut_into_pieces_the_parser_takes():
    line = " ".join(f"word{i}" for i in range(6000))          # about 50,000 characters, no full stop
    text = "First a normal sentence.\n" + line + "\nThen another one."
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert "".join(s.text.replace(" ", "") for s in sentences) == text.replace(" ", "").replace("\n", "")
    assert sentences[0].text == "First a normal sentence." and sentences[-1].text == "Then another one."


def test_abbreviation_check_reads_only_the_chunk_tail_with_the_same_answer():
    rng = random.Random(5)
    pieces = ["Mr.", "Dr.", "U.S.", "J.", "word", "x" * 120, "y" * 99 + ".", ")", '"', " ", "  ", "etc.", "(Gen."]

    def reference(chunk: str) -> bool:   # the former check, on the whole chunk
        match = re.search(r"(\S+)\.[\"”’')\]]*$", chunk)
        if not match:
            return False
        word = match.group(1).lower().lstrip("(\"“")
        return word in {"mr", "dr", "gen", "etc", "u.s"} or len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word))

    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _ends_with_abbreviation(text, start, end) == reference(text[start:end]), (text, start, end)


def _complete_by_scan(people, person_names):
    """The former pairwise completion, kept here as the reference."""
    for participant in people:
        fuller = [other for other in people if len(other.name) > len(participant.name)
                  and name_tokens(participant.name) < name_tokens(other.name)]
        if not fuller:
            continue
        best = max(fuller, key=lambda other: len(other.name))
        rivals = [other.name for other in fuller if not name_tokens(other.name) <= name_tokens(best.name)]
        rivals += [name for name in person_names if name_tokens(participant.name) < name_tokens(name)
                   and not same_name(name, best.name)]
        if rivals or _offices_differ(participant.title, best.title):
            continue
        participant.surface = participant.surface or participant.name
        participant.name = best.name
        participant.title = participant.title or best.title


def test_indexed_name_completion_matches_comparing_every_pair():
    rng = random.Random(11)
    words = ["Omar", "Haddad", "Hadad", "Lina", "Varga", "al-Masri", "Salim", "Mr.", "President", "Jr", "O.", "Reyes"]
    for _ in range(4000):
        objects = [Participant(" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))), "participant",
                               rng.choice([None, "President", "Foreign Minister"]), kind="PERSON")
                   for _ in range(rng.randint(1, 8))]
        # One Participant may stand in several mentions ("the two leaders").
        people = [rng.choice(objects) for _ in range(rng.randint(1, 12))]
        names = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(0, 3))]
        expected, got = copy.deepcopy(people), copy.deepcopy(people)
        _complete_by_scan(expected, names)
        _complete_people(got, names)
        assert [vars(p) for p in got] == [vars(p) for p in expected]


@pytest.mark.parametrize("shares", [2, 3])
def test_shares_of_a_long_report_join_into_its_analysis(small_sections, nlp, shares):
    """An engine with several workers analyses a long report's sections in shares; joined,
    they are exactly the analysis of the whole report."""
    from eventscribe.analyze import analyze_article, analyze_share, join_shares
    from eventscribe.model import Article
    text, _ = _joined()
    article = Article(doc_id="long", text=text, published=_PUBLISHED, published_basis="given")
    whole = analyze_article(article, nlp=nlp)
    assert whole.stats["sections"] == 3 and len(whole.mentions) >= 6
    joined = join_shares([analyze_share(article, share, shares, nlp=nlp) for share in range(shares)])
    assert joined.to_dict() == whole.to_dict()


def test_the_local_engine_shares_a_long_report_among_its_workers(monkeypatch, tmp_path):
    """Through the process pool (a fork keeps the lowered section size in the workers)."""
    import multiprocessing

    from eventscribe.analyze import analyze_article
    from eventscribe.engines.local import LocalEngine
    from eventscribe.model import Article
    if multiprocessing.get_start_method() != "fork":
        pytest.fail("this test needs the fork start method (Linux)")
    monkeypatch.setattr(pipeline, "SECTION_CHARS", max(len(part) for part in _PARTS))
    text, _ = _joined()
    long = Article(doc_id="long", text=text, published=_PUBLISHED, published_basis="given")
    short = Article(doc_id="short", text=_PARTS[0], published=_PUBLISHED, published_basis="given")
    analyses = list(LocalEngine(workers=2).analyses([short, long, short]))
    assert [a.doc_id for a in analyses] == ["short", "long", "short"]
    assert analyses[1].to_dict() == analyze_article(long).to_dict()


@pytest.mark.parametrize("text, expected", [
    # paragraphs joined without a space still end where the stop is
    ("The summit ended, the statement says.The ministers left on Monday.",
     ["The summit ended, the statement says.", "The ministers left on Monday."]),
    # abbreviations and initialisms do not end a sentence
    ("The U.S. envoy met Mr. Okafor at Acme Inc. in Lagos.", ["The U.S. envoy met Mr. Okafor at Acme Inc. in Lagos."]),
])
def test_sentences_end_at_a_stop_glued_to_the_next_word(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)
