"""Frames as data: the loader's validation (on small files written here), the shipped English
data, and the order in which a word's frames are tried. Sentences are written for these tests."""
from pathlib import Path

import pytest

from eventscribe.analyze.frames import (
    DUPLICATE, FRAME_COLUMNS, IRREGULAR_COLUMNS, MALFORMED, UNKNOWN_CHECK, UNKNOWN_MODE, UNKNOWN_TYPE,
    UNKNOWN_WORDSET, UNREACHABLE, WORDSET_COLUMNS, CheckRegistry, FrameError, checks, load_language,
)
from eventscribe.analyze.lang.en import english
from eventscribe.analyze.lexicon import TRIGGER_FORMS, may_hold_event, trigger_forms
from eventscribe.errors import EventscribeError
from eventscribe.model import CONSULT_MODES, EVENT_TYPES

ENGLISH_FOLDER = Path(__file__).resolve().parents[1] / "src" / "eventscribe" / "analyze" / "lang" / "en"
FIRST_ROW = 3   # each test file starts with a comment line and the header


def _write(path: Path, columns, rows) -> None:
    lines = ["# written by tests/test_frames.py", "\t".join(columns), *rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _language(folder: Path, frames=(), wordsets=(), irregular=(), registry=checks):
    _write(folder / "frames.tsv", FRAME_COLUMNS, frames)
    _write(folder / "wordsets.tsv", WORDSET_COLUMNS, wordsets)
    _write(folder / "irregular_verbs.tsv", IRREGULAR_COLUMNS, irregular)
    return load_language(folder, name="test", registry=registry)


def _row(*cells: str) -> str:
    return "\t".join(cells)


MEET = _row("meet", "verb", "CONSULT", "meet", "-")

BAD_FRAMES = {
    "duplicate": ([MEET, _row("visit", "verb", "CONSULT", "visit", "-"), MEET], DUPLICATE, FIRST_ROW + 2),
    "unknown type": ([MEET, _row("greet", "verb", "SALUTE", "-", "-")], UNKNOWN_TYPE, FIRST_ROW + 1),
    "unknown mode": ([_row("chat", "verb", "CONSULT", "chat", "-")], UNKNOWN_MODE, FIRST_ROW),
    "mode on a non-CONSULT frame": ([_row("sign", "verb", "AGREE", "meet", "-")], UNKNOWN_MODE, FIRST_ROW),
    "CONSULT frame without a mode": ([_row("confer", "verb", "CONSULT", "-", "-")], UNKNOWN_MODE, FIRST_ROW),
    "unknown check": ([_row("receive", "verb", "CONSULT", "meet", "person_objet")], UNKNOWN_CHECK, FIRST_ROW),
    # aid_object reads the word set aid_objects, which this language's wordsets.tsv lacks.
    "unknown word set": ([MEET, _row("supply", "verb", "AID", "-", "aid_object")], UNKNOWN_WORDSET, FIRST_ROW + 1),
    "too few cells": ([_row("meet", "verb", "CONSULT")], MALFORMED, FIRST_ROW),
    "too many cells": ([MEET + "\tnote\textra"], MALFORMED, FIRST_ROW),
    "spaces, not tabs": (["meet verb CONSULT meet -"], MALFORMED, FIRST_ROW),
    "empty lemma": ([_row("", "verb", "CONSULT", "meet", "-")], MALFORMED, FIRST_ROW),
    "unknown part of speech": ([_row("meet", "adverb", "CONSULT", "meet", "-")], MALFORMED, FIRST_ROW),
    "frame after an unchecked one": ([_row("convene", "verb", "AGREE", "-", "-"),
                                      _row("convene", "verb", "CONSULT", "multilateral", "plural_subject")],
                                     UNREACHABLE, FIRST_ROW + 1),
}


@pytest.mark.parametrize("case", sorted(BAD_FRAMES))
def test_bad_frame_is_an_error_naming_file_and_line(tmp_path, case):
    rows, code, line = BAD_FRAMES[case]
    with pytest.raises(FrameError) as caught:
        _language(tmp_path, frames=rows)
    assert caught.value.code == code
    assert f"frames.tsv:{line}:" in str(caught.value)
    assert caught.value.where == f"frames.tsv:{line}"


def test_frame_error_carries_code_and_fix(tmp_path):
    with pytest.raises(EventscribeError) as caught:
        _language(tmp_path, frames=[_row("meet", "verb", "PARLEY", "-", "-")])
    message = str(caught.value)
    assert message.startswith(f"[{UNKNOWN_TYPE}]") and "PARLEY" in message and "Fix:" in message


def test_wrong_header_is_malformed(tmp_path):
    (tmp_path / "frames.tsv").write_text("lemma\tpos\ttype\n" + MEET + "\n", encoding="utf-8")
    _write(tmp_path / "wordsets.tsv", WORDSET_COLUMNS, [])
    _write(tmp_path / "irregular_verbs.tsv", IRREGULAR_COLUMNS, [])
    with pytest.raises(FrameError) as caught:
        load_language(tmp_path, name="test")
    assert caught.value.code == MALFORMED and "frames.tsv:1:" in str(caught.value)


def test_duplicate_word_in_a_word_set(tmp_path):
    words = [_row("forces", "troops"), _row("forces", "army"), _row("forces", "troops")]
    with pytest.raises(FrameError) as caught:
        _language(tmp_path, frames=[MEET], wordsets=words)
    assert caught.value.code == DUPLICATE and f"wordsets.tsv:{FIRST_ROW + 2}:" in str(caught.value)


def test_duplicate_irregular_form(tmp_path):
    forms = [_row("meet", "met"), _row("meet", "met")]
    with pytest.raises(FrameError) as caught:
        _language(tmp_path, frames=[MEET], irregular=forms)
    assert caught.value.code == DUPLICATE and f"irregular_verbs.tsv:{FIRST_ROW + 1}:" in str(caught.value)


def test_asking_for_an_unknown_word_set_is_an_error(tmp_path):
    language = _language(tmp_path, frames=[MEET], wordsets=[_row("forces", "troops")])
    assert language.wordset("forces") == {"troops"}
    with pytest.raises(FrameError) as caught:
        language.wordset("force")
    assert caught.value.code == UNKNOWN_WORDSET


def test_frames_differing_in_type_or_check_form_a_family_in_file_order(tmp_path):
    words = [_row("protest_context", "workers"), _row("protest_organizing_verbs", "stage"),
             _row("crowd_drawing_verbs", "draw"), _row("attack_prepositions", "on"), _row("attack_verbs", "launch"), _row("doing_participles", "carry")]
    language = _language(tmp_path, wordsets=words, frames=[
        _row("strike", "noun", "PROTEST", "-", "protest_noun"),
        _row("strike", "noun", "ASSAULT", "-", "agent_or_target", "a strike on the base"),
    ])
    family = language.frames.family("strike", "noun")
    assert [(f.type, f.check) for f in family] == [("PROTEST", "protest_noun"), ("ASSAULT", "agent_or_target")]
    assert family[1].notes == "a strike on the base" and family[1].where == f"frames.tsv:{FIRST_ROW + 1}"
    assert language.frames.fallback("strike", "noun") is family[1]


# --- the shipped English data -----------------------------------------------------------------

def test_shipped_english_loads_and_uses_every_check():
    reloaded = load_language(ENGLISH_FOLDER, name="en")
    assert list(reloaded.frames) == list(english.frames)
    frames = list(english.frames)
    assert {f.pos for f in frames} == {"verb", "noun"}
    assert {f.type for f in frames} <= set(EVENT_TYPES)
    assert {f.mode for f in frames if f.type == "CONSULT"} == set(CONSULT_MODES)
    used = {f.check for f in frames if f.check}
    assert used == set(checks.names()), "a registered check no frame names, or the reverse"


def test_sentence_filter_reads_the_frames():
    assert {"met", "struck", "banned", "talks", "summits"} <= TRIGGER_FORMS
    assert may_hold_event("Troops were deployed near the border.")
    assert not may_hold_event("The weather was mild and the market was quiet.")


def test_sentence_filter_follows_new_data(tmp_path):
    language = _language(tmp_path, frames=[_row("parley", "verb", "CONSULT", "meet", "-"),
                                           _row("powwow", "noun", "CONSULT", "meet", "-")],
                         wordsets=[_row("filter_forms", "persona")], irregular=[_row("parley", "parlayed")])
    assert {"parley", "parleyed", "parleying", "parlayed", "powwows", "persona"} <= trigger_forms(language)
    assert "parleyed" not in TRIGGER_FORMS


# --- the order of a family's frames, on parsed sentences --------------------------------------

def _order_registry() -> CheckRegistry:
    registry = CheckRegistry()

    @registry.register("person_as_object")
    def person_as_object(token, frame):
        return any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in token.children)

    @registry.register("any_object")
    def any_object(token, frame):
        return any(c.dep_ == "dobj" for c in token.children)

    return registry


def _verb(nlp, text: str, lemma: str):
    return next(t for t in nlp(text) if t.lemma_ == lemma and t.pos_ == "VERB")


@pytest.mark.parametrize("order, expected", [
    (("CONSULT", "AID"), {"person": "CONSULT", "thing": "AID", "none": "REQUEST"}),
    (("AID", "CONSULT"), {"person": "AID", "thing": "AID", "none": "REQUEST"}),
])
def test_first_frame_whose_check_passes_wins(nlp, tmp_path, order, expected):
    rows = {"CONSULT": _row("receive", "verb", "CONSULT", "meet", "person_as_object"),
            "AID": _row("receive", "verb", "AID", "-", "any_object")}
    language = _language(tmp_path, registry=_order_registry(), frames=[
        *(rows[type_] for type_ in order),
        _row("receive", "verb", "REQUEST", "-", "-", "no check: the family's last resort"),
    ])
    sentences = {"person": "President Omar Haddad received Anna Virtanen in Oslo on Monday.",
                 "thing": "The villagers received two tonnes of rice last week.",
                 "none": "The proposal was received coolly."}
    for kind, text in sentences.items():
        frame = language.frames.first_passing(_verb(nlp, text, "receive"), "receive", "verb")
        assert frame.type == expected[kind], (kind, text)


@pytest.mark.parametrize("sentence, expelled", [
    ("The foreign ministry gave the Burundian envoy until Friday to leave.", "Burundian envoy"),
    ("The foreign ministry ordered the Danish envoy Karen Holm to leave within three days.", "Karen Holm"),
    ("Peru told Mexico's ambassador to leave Lima on Tuesday.", "Mexico's ambassador"),
])
def test_an_order_to_leave_is_an_expulsion(analyze_text, sentence, expelled):
    analysis = analyze_text(sentence, published="2024-06-04")
    sanctions = [m for m in analysis.mentions if m.type == "SANCTION" and m.modality == "asserted"]
    assert sanctions and expelled in [p.name for p in sanctions[0].participants if p.role == "recipient"]


@pytest.mark.parametrize("sentence", [
    "The army ordered its troops to leave the town on Friday.",
    "Police gave residents two hours to leave their homes before the flood.",
])
def test_troops_or_residents_told_to_leave_are_not_expelled(analyze_text, sentence):
    analysis = analyze_text(sentence, published="2024-06-04")
    assert not [m for m in analysis.mentions if m.type == "SANCTION" and m.modality == "asserted"]


@pytest.mark.parametrize("sentence, actor", [
    ("Uruguay said it will support Bolivia's bid to join the trade bloc.", "Uruguay"),
    ("Chile said it will send two planes of medical supplies to Ecuador.", "Chile"),
])
def test_what_a_side_says_it_will_do_for_another_is_its_promise(analyze_text, sentence, actor):
    analysis = analyze_text(sentence, published="2024-06-04")
    promises = [m for m in analysis.mentions if m.type == "AGREE" and m.modality == "asserted"]
    assert promises and [p.name for p in promises[0].participants if p.role == "actor"] == [actor]
    # the act promised has not happened
    assert all(m.modality != "asserted" for m in analysis.mentions if m.type in ("SUPPORT", "AID"))


def test_a_visit_a_side_says_it_will_pay_is_a_plan_not_a_promise(analyze_text):
    analysis = analyze_text("The minister said she will visit Quito in May.", published="2024-04-04")
    assert not [m for m in analysis.mentions if m.type == "AGREE"]


@pytest.mark.parametrize("sentence", [
    "The Chilean president agreed with the Peruvian leader that trade between the countries was vital.",
    "Ministers from both countries agreed that the drought had hurt farmers badly.",
])
def test_a_view_agreed_with_is_no_agreement(analyze_text, sentence):
    analysis = analyze_text(sentence, published="2024-06-04")
    assert not [m for m in analysis.mentions if m.type == "AGREE"]


@pytest.mark.parametrize("sentence", [
    "Chile and Peru agreed that border talks would resume in March.",
    "Chile and Peru agreed on Monday to reopen the border crossing at Chacalluta.",
    # whatever clause the parser hangs on 'agreed' besides what was agreed to
    "Chile and Peru agreed to reopen the border after a dispute over fishing rights angered farmers in the north.",
])
def test_what_two_sides_agree_to_do_is_an_agreement(analyze_text, sentence):
    analysis = analyze_text(sentence, published="2024-06-04")
    agreements = [m for m in analysis.mentions if m.type == "AGREE" and m.modality == "asserted"]
    assert agreements and {p.name for p in agreements[0].participants} == {"Chile", "Peru"}


@pytest.mark.parametrize("sentence, type_, sides", [
    ("On Thursday, Chile and Peru announced a raft of agreements on mining, fishing and rail freight.", "AGREE", {"Chile", "Peru"}),
    ("Canada imposed a package of sanctions on Belarus on Friday.", "SANCTION", {"Canada", "Belarus"}),
])
def test_a_batch_of_events_is_carried_by_its_light_verb(analyze_text, sentence, type_, sides):
    analysis = analyze_text(sentence, published="2024-06-07")
    found = [m for m in analysis.mentions if m.type == type_ and m.modality == "asserted"]
    assert found and {p.name for p in found[0].participants} == sides


@pytest.mark.parametrize("sentence, type_, actor", [
    ("President Okonjo ordered the arrest of the former finance minister on Friday.", "COERCE", "Okonjo"),
    ("On Monday Prime Minister Vella ordered the release of the two detained fishermen.", "CONCEDE", "Vella"),
])
def test_who_ordered_an_act_did_it(analyze_text, sentence, type_, actor):
    analysis = analyze_text(sentence, published="2024-06-07")
    found = [m for m in analysis.mentions if m.type == type_ and m.modality == "asserted"]
    assert found and actor in {p.name for p in found[0].participants if p.role == "actor"}, analysis.mentions


@pytest.mark.parametrize("sentence, type_", [
    # giving in to a demand is a concession; agreeing to a proposal an agreement
    ("The government accepted the demands of the teachers' union on Friday.", "CONCEDE"),
    ("The strikers have agreed to a full return to work, as demanded by the port authority.", "CONCEDE"),
    ("The rebels agreed to a Kenyan proposal for talks.", "AGREE"),
    # things handed back, strikes called off, tariffs cut
    ("Uruguay returned 12 impounded fishing boats to Argentina on Monday.", "CONCEDE"),
    ("Dockworkers in Durban called off their strike after the deal.", "CONCEDE"),
    ("Mexico cut tariffs on Chinese steel on Monday.", "CONCEDE"),
    ("Mexico cut aid to Nicaragua on Monday.", "SANCTION"),
    # verdicts and searches are accusations (PLOVER ACCUSE covers investigating)
    ("A court in Graz found the choir director guilty of fraud.", "ACCUSE"),
    ("Prosecutors searched the harbour master's office on Thursday.", "ACCUSE"),
    # fighting a truce forbids, going back on an accord, failing to agree, recognition
    ("Gunmen of the Delta Brigade violated the monsoon ceasefire in the river district.", "ASSAULT"),
    ("Chile reneged on the fishing accord with Peru.", "REJECT"),
    ("Chile and Peru failed to reach agreement on the border.", "REJECT"),
    ("Paraguay has established diplomatic ties with Mauritius.", "SUPPORT"),
    ("An Omani-led strike on a smugglers' camp killed 17 fighters.", "ASSAULT"),
    ("Venezuela launched cyber warfare against Guyana.", "ASSAULT"),
    # a seized ship let go, talks ended, peacekeepers and observers deployed abroad
    ("Chilean marines released a Peruvian fishing vessel they seized near Arica.", "CONCEDE"),
    ("Swiss diplomats ended mediation efforts between the rival fishing cooperatives in Valparaiso.", "SANCTION"),
    ("Uruguay announced the deployment of 140 troops to Cyprus on a peacekeeping mission.", "AID"),
    ("The Commonwealth has deployed 60 election monitors in Lesotho.", "AID"),
    # a law repealed, restrictions removed; a refusal by the speaker's own country
    ("Jordan has repealed its press licensing law.", "CONCEDE"),
    ("The court revoked the ban on the opposition party.", "CONCEDE"),
    # made to act: forced out or down, ordered to shut or to appear
    ("Troops forced the former finance minister out of the province on Sunday.", "COERCE"),
    ("Chilean jets forced a light aircraft to land in Antofagasta.", "COERCE"),
    ("The regulator ordered three radio stations to stop broadcasting.", "COERCE"),
    ("Prosecutors ordered the former port director to appear in court on Monday.", "REQUEST"),
    ("Speaking in Oslo, the trade minister said her country will not drop its ban on Chilean salmon.", "REJECT"),
])
def test_each_frame_family_reads_its_own_sense(analyze_text, sentence, type_):
    analysis = analyze_text(sentence, published="2024-06-04")
    first = sorted(analysis.mentions, key=lambda m: (m.modality != "asserted", m.trigger_start))
    assert first and first[0].type == type_


@pytest.mark.parametrize("sentence", [
    "The delegation returned to Kabul on Monday.",
    "Rescuers searched for survivors in the rubble.",
    "The minister met leaders of the striking miners on Friday.",
    "Workers began a strike over pay on Monday.",
    "The two countries established a joint commission on fisheries.",
    "The talks ended on Friday without a deal.",
    "Rising prices forced the bank to raise rates.",
])
def test_words_of_those_frames_in_other_senses_are_not_those_events(analyze_text, sentence):
    analysis = analyze_text(sentence, published="2024-06-04")
    assert not [m for m in analysis.mentions if m.type in ("CONCEDE", "ACCUSE", "ASSAULT", "SUPPORT", "SANCTION")]
    assert not [m for m in analysis.mentions if m.type == "AGREE" and m.modality == "asserted"]


def test_recognition_is_one_event_with_the_state_recognised(analyze_text):
    analysis = analyze_text("Paraguay has established diplomatic ties with Mauritius.", published="2024-06-04")
    assert [(m.type, {p.name for p in m.participants}) for m in analysis.mentions] == [("SUPPORT", {"Paraguay", "Mauritius"})]


def test_what_is_lifted_or_removed_is_part_of_that_concession_against_whom_it_was_on(analyze_text):
    analysis = analyze_text("Chile removed travel restrictions on Peruvians on Monday.", published="2024-06-04")
    assert [(m.type, {(p.name, p.role) for p in m.participants}) for m in analysis.mentions] == \
        [("CONCEDE", {("Chile", "actor"), ("Peruvians", "recipient")})]


@pytest.mark.parametrize("sentence, giver, receiver", [
    ("Japan made a donation of medical supplies to Nepal.", "Japan", "Nepal"),
    ("The World Bank approved a grant of 200 million dollars for Malawi.", "World Bank", "Malawi"),
])
def test_money_and_goods_given_are_aid_to_whom_they_are_for(analyze_text, sentence, giver, receiver):
    aid = [m for m in analyze_text(sentence, published="2024-06-04").mentions if m.type == "AID"]
    assert aid and {(giver, "actor"), (receiver, "recipient")} <= {(p.name, p.role) for p in aid[0].participants}


@pytest.mark.parametrize("sentence, investigator, investigated", [
    ("Europol has joined the investigation of the cargo theft.", "Europol", None),
    ("Kenyan police opened an inquiry into Senator Ruth Wanjiku on Monday.", "Kenyan police", "Ruth Wanjiku"),
])
def test_an_investigation_joined_or_opened_is_an_accusation_against_whom_it_looks_into(
        analyze_text, sentence, investigator, investigated):
    found = [m for m in analyze_text(sentence, published="2024-06-04").mentions if m.type == "ACCUSE"]
    sides = {(p.name, p.role) for p in found[0].participants} if found else set()
    assert (investigator, "actor") in sides
    assert investigated is None or (investigated, "recipient") in sides
