"""A verb that only makes an act more ('intensified its shelling', 'stepped up raids') carries the
act, as a light verb does: the event is the act's, done by the verb's subject, and no
mobilisation of its own. A participle that describes a noun ('coordinated attacks', 'the
detained editor') is no event of its own. Every sentence here was written for the test."""
import pytest


def _asserted(analysis):
    return [m for m in analysis.mentions if m.modality == "asserted"]


@pytest.mark.parametrize("text, actor", [
    ("The army intensified its shelling of the southern districts of Tarsk on Friday.", "army"),
    ("Government forces escalated their attacks on villages around Oruba this week.", "Government forces"),
    ("Since Monday the navy has stepped up its raids on smugglers' boats off the coast.", "navy"),
])
def test_an_act_made_more_is_the_act_by_the_subject(analyze_text, text, actor):
    events = _asserted(analyze_text(text))
    assert "MOBILIZE" not in [m.type for m in events]
    act = next(m for m in events if m.type in ("ASSAULT", "COERCE"))
    assert actor in [p.name for p in act.participants if p.role == "actor"]


def test_forces_reinforced_are_still_mobilised(analyze_text):
    events = _asserted(analyze_text("Brazil reinforced its troops along the western border on Tuesday."))
    assert [m.type for m in events] == ["MOBILIZE"]


@pytest.mark.parametrize("text, modifier", [
    ("Gunmen carried out coordinated attacks on two police stations in the north.", "coordinated"),
    ("A Lisbon-backed candidate won the vote in the coastal province.", "backed"),
    ("The detained editor's lawyers filed an appeal in Harlow on Monday.", "detained"),
])
def test_a_participle_describing_a_noun_is_no_event(analyze_text, text, modifier):
    assert not [m for m in analyze_text(text).mentions if m.trigger.endswith(modifier)]


@pytest.mark.parametrize("text, type_, actor", [
    ("The army retaliated with air strikes on rebel positions near Gao.", "ASSAULT", "army"),
    ("Riot police responded with tear gas outside the stadium.", "COERCE", "Riot police"),
])
def test_what_a_side_answered_with_is_its_act(analyze_text, text, type_, actor):
    act = next(m for m in _asserted(analyze_text(text)) if m.type == type_)
    assert actor in [p.name for p in act.participants if p.role == "actor"]


def test_an_attack_and_the_answer_to_it_are_two_acts_with_swapped_sides(analyze_text):
    analysis = analyze_text("Militants fired rockets at the border town, and the army responded with artillery fire.")
    sides = {frozenset((p.role, p.name) for p in m.participants) for m in _asserted(analysis) if m.type == "ASSAULT"}
    assert frozenset({("actor", "army"), ("recipient", "Militants")}) in sides
