"""Sides a sentence does not name: a side's claim that another side attacked is an accusation (a source
telling what happened is none); an agreement told without its sides after a meeting is the meeting's.
Every sentence here was written for the test."""
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


@pytest.mark.parametrize("agreement", [
    "During the meeting, which lasted four hours, the parties agreed on a timetable for wage talks.",
    "They agreed to set up a joint committee on dock safety.",
])
def test_an_agreement_told_without_its_sides_after_a_meeting_is_the_meetings(analyze_text, agreement):
    text = "Labour Minister Teresa Oyarzo met leaders of the Dockworkers' Federation in Valparaiso on Monday. " + agreement
    agreed = next(m for m in analyze_text(text, published="2026-03-20").mentions if m.type == "AGREE")
    assert {(p.name, p.role) for p in agreed.participants} == {("Teresa Oyarzo", "actor"), ("Dockworkers' Federation", "actor")}


def test_an_agreement_long_after_a_meeting_is_not_given_its_sides(analyze_text):
    text = ("Labour Minister Teresa Oyarzo met leaders of the Dockworkers' Federation in Valparaiso on Monday. "
            "Ships waited outside the port all week. Cargo piled up on the quays. "
            "Exporters said losses were mounting. On Friday it was agreed that work would resume.")
    agreed = [m for m in analyze_text(text, published="2026-03-20").mentions if m.type == "AGREE"]
    assert all(not m.participants for m in agreed)
