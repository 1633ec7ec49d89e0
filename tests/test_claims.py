"""A side's claim that another side attacked is an accusation; a source telling what happened is
not. Every sentence here was written for the test."""
import pytest


def _accusations(analysis):
    return [({p.name for p in m.participants if p.role == "actor"}, {p.name for p in m.participants if p.role == "recipient"})
            for m in analysis.mentions if m.type == "ACCUSE"]


def test_a_state_saying_anothers_soldiers_fired_accuses_them(analyze_text):
    analysis = analyze_text("Suriname says Guyanese soldiers fired on a river patrol near Apoera late on Sunday.",
                            published="2026-03-10")
    assert _accusations(analysis) == [({"Suriname"}, {"Guyanese soldiers"})]
    accusation = next(m for m in analysis.mentions if m.type == "ACCUSE")
    attack = next(m for m in analysis.mentions if m.type == "ASSAULT")
    assert attack.date.value == "2026-03-08"          # the attack is Sunday's
    assert accusation.date.value != "2026-03-08"      # the claim is not dated by the time inside it


@pytest.mark.parametrize("text", [
    "Witnesses said soldiers fired into the crowd.",
    "The army said its helicopters had struck rebel camps overnight.",
    "Police said gunmen killed five villagers near the town.",
    "Suriname says its soldiers fired warning shots near Apoera.",
])
def test_a_source_or_a_side_telling_its_own_acts_accuses_no_one(analyze_text, text):
    assert _accusations(analyze_text(text, published="2026-03-10")) == []
