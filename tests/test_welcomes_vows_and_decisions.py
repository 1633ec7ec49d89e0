"""Senses their arguments decide: a visitor welcomed is a meeting, a decision welcomed is
support; a vow to refrain is no threat; a decision is an agreement only when several take it.
And names in photo captions and 'President of <country> <name>'. Every sentence here was written
for the test; people are invented."""
import pytest


def _types(analysis, modality="asserted"):
    return [m.type for m in analysis.mentions if m.modality == modality]


def _mention(analysis, type_):
    return next(m for m in analysis.mentions if m.type == type_ and m.modality == "asserted")


@pytest.mark.parametrize("text, type_", [
    ("President Lula welcomed Chancellor Olaf Brandt at the Planalto Palace on Monday.", "CONSULT"),
    ("The emir welcomed the visiting Vietnamese president at the airport.", "CONSULT"),
    ("Kenya welcomed the decision of the court.", "SUPPORT"),
    ("The bloc welcomed East Timor as its eleventh member at the summit.", "SUPPORT"),
    # the meeting he was welcomed to is the event, and names itself
    ("The leaders warmly welcomed President Okafor to the first meeting of the council.", "SUPPORT"),
])
def test_a_visitor_welcomed_is_received_and_a_decision_welcomed_is_supported(analyze_text, text, type_):
    assert _types(analyze_text(text))[0] == type_


def test_where_a_visitor_is_welcomed_to_is_no_side(analyze_text):
    analysis = analyze_text("Tom Hale welcomed President of Chile Luis Ortega to the Grand Palace on Wednesday.")
    assert {p.name for p in _mention(analysis, "CONSULT").participants} == {"Tom Hale", "Luis Ortega"}


def test_a_title_of_a_country_read_into_the_name_is_the_title(analyze_text):
    analysis = analyze_text("Tom Hale welcomed President of Chile Luis Ortega to the Grand Palace on Wednesday.")
    ortega = next(p for p in _mention(analysis, "CONSULT").participants if p.name == "Luis Ortega")
    assert (ortega.kind, ortega.title) == ("PERSON", "President of Chile")


@pytest.mark.parametrize("text, names", [
    ("Prime Minister Ana Ruiz (L) meets President Kofi Boateng (R) at the palace in Accra on Monday.",
     {"Ana Ruiz", "Kofi Boateng"}),
    ("President Tomas Ruiz (center) met Foreign Minister Lea Varga in Santiago on Monday.",
     {"Tomas Ruiz", "Lea Varga"}),
])
def test_a_captions_place_marks_are_no_part_of_the_names(analyze_text, text, names):
    assert {p.name for p in _mention(analyze_text(text), "CONSULT").participants} == names


@pytest.mark.parametrize("text, threat", [
    ("The rebel commander Idris Kane vowed to retaliate for the ambush on his convoy.", True),
    ("Both factions vowed not to shell the city during the vaccination campaign.", False),
])
def test_a_vow_to_refrain_is_no_threat(analyze_text, text, threat):
    assert ("THREATEN" in _types(analyze_text(text))) is threat


@pytest.mark.parametrize("text, agreement", [
    ("The two sides decided to restore direct flights on Friday.", True),
    ("The military council decided to lift the curfew.", False),
    ("'We have decided to end this government,' the colonel said on television.", False),
])
def test_a_decision_is_an_agreement_only_when_several_take_it(analyze_text, text, agreement):
    decided = [m for m in analyze_text(text).mentions if m.trigger == "decided"]
    assert any(m.type == "AGREE" for m in decided) is agreement


@pytest.mark.parametrize("text, accused", [
    ("Sara Lind called the rebels terrorists.", "rebels"),
    ("The opposition leader Maria Okoye called the Unity Party's decree a coup.", "Unity Party"),
    ("Chile's foreign ministry described Bolivia's new tariffs as an act of aggression.", "Bolivia"),
    ("President Okafor called the militia's attacks on the villages a crime.", "militia"),
])
def test_naming_something_a_wrong_accuses_its_doer(analyze_text, text, accused):
    accusation = next(m for m in analyze_text(text).mentions if m.type == "ACCUSE")
    assert accusation.modality == "asserted"
    assert accused in {p.name.removeprefix("the ") for p in accusation.participants if p.role == "recipient"}


@pytest.mark.parametrize("text", [
    "The union called for an end to the coup.",
    "Mensah called Okafor on Monday to discuss the coup.",
    "A senior aide described the leaflet as a provocation.",   # whose, it does not say
])
def test_a_call_for_or_about_a_wrong_or_a_label_without_its_target_accuses_no_one(analyze_text, text):
    assert not any(m.type == "ACCUSE" and m.modality == "asserted" for m in analyze_text(text).mentions)


@pytest.mark.parametrize("text, host", [
    ("His Highness the Sultan received the Kenyan foreign minister at the palace in Muscat on Sunday.", "Sultan"),
    ("His Majesty King Harald received Prime Minister Ana Ruiz of Chile in Oslo on Monday.", "King Harald"),
])
def test_a_form_of_address_is_no_name(analyze_text, text, host):
    names = {p.name for p in _mention(analyze_text(text), "CONSULT").participants}
    assert host in names and not any(word in " ".join(names) for word in ("Highness", "Majesty"))


@pytest.mark.parametrize("text, type_", [
    ("Bishop Lea Varga spoke out against the eviction of the villagers.", "ACCUSE"),
    ("The foreign ministers of Chile and Peru spoke by phone on Tuesday.", "CONSULT"),
])
def test_speaking_out_against_is_criticism_and_speaking_with_is_talk(analyze_text, text, type_):
    assert _types(analyze_text(text)) == [type_]


@pytest.mark.parametrize("text, modality", [
    ("The mediators argue that the one remaining option is a full pullback of Ruritanian troops from the valley.",
     "hypothetical"),
    ("The solution is a ceasefire between the army and the rebels.", "hypothetical"),
    ("The first step was the withdrawal of troops from the town on Monday.", "asserted"),
])
def test_a_remedy_named_is_proposed_not_done(analyze_text, text, modality):
    named = next(m for m in analyze_text(text).mentions if m.trigger in ("withdrawal", "pullback", "ceasefire"))
    assert named.modality == modality


@pytest.mark.parametrize("text, type_, target", [
    ("The bloc's foreign ministers agreed on new penalties against Ruritania on Monday.", "SANCTION", "Ruritania"),
    ("Chile and Peru agreed on a new tariff schedule for copper.", "AGREE", None),
])
def test_agreeing_on_penalties_imposes_them(analyze_text, text, type_, target):
    agreed = next(m for m in analyze_text(text).mentions if m.trigger == "agreed")
    assert agreed.type == type_
    assert {p.name for p in agreed.participants if p.role == "recipient"} == ({target} if target else set())
