"""One person's 'they' in a quote is somebody else; a country the tagger took for a common noun
is still a state; cutting ties is a sanction; force aimed 'at' people has them as its target.
Every sentence here was written for the test; people and places are invented."""
import pytest


def _asserted(analysis, type_):
    return next(m for m in analysis.mentions if m.type == type_ and m.modality == "asserted")


def test_a_lone_speakers_they_is_not_the_speaker(analyze_text):
    analysis = analyze_text('"They came at night and shot everyone they found," said Amina Sule, a farmer.')
    assert "Amina Sule" not in [p.name for p in _asserted(analysis, "ASSAULT").participants]


def test_speakers_who_are_several_are_their_they(analyze_text):
    analysis = analyze_text("Chad, Niger and Mali said they had withdrawn their ambassadors from Paris.")
    mention = next(m for m in analysis.mentions if m.trigger == "withdrawn")
    assert {"Chad", "Niger", "Mali"} <= {p.name for p in mention.participants}


@pytest.mark.parametrize("text, actor, recipient", [
    ("Bahrain severed diplomatic ties with Iran on Sunday.", "Bahrain", "Iran"),
    ("Morocco cut diplomatic ties with Algeria in August.", "Morocco", "Algeria"),
])
def test_ties_cut_are_a_sanction_by_the_state_that_cut_them(analyze_text, text, actor, recipient):
    sanction = _asserted(analyze_text(text), "SANCTION")
    roles = {(p.role, p.name) for p in sanction.participants}
    assert {("actor", actor), ("recipient", recipient)} <= roles


@pytest.mark.parametrize("text, type_, target", [
    ("Soldiers fired tear gas at students outside the university.", "COERCE", "students"),
    ("Riot police fired rubber bullets at the strikers near the mine.", "COERCE", "strikers"),
    ("Police fired live rounds at the protesters in Harare.", "ASSAULT", "Zimbabwean protesters"),
])
def test_force_aimed_at_people_has_them_as_target(analyze_text, text, type_, target):
    mention = _asserted(analyze_text(text), type_)
    assert target in [p.name for p in mention.participants if p.role == "recipient"]


def test_a_town_force_was_used_at_is_no_target(analyze_text):
    mention = _asserted(analyze_text("Militia fighters fired at passing cars at Oyem on Monday."), "ASSAULT")
    assert "Oyem" not in [p.name for p in mention.participants]
