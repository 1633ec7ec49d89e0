"""Sides a sentence does not name: a side's claim that another side attacked is an accusation (a source
telling what happened is none); an agreement told without its sides after a meeting is the meeting's;
what people told in general do ('those who attack aid workers') is no act.
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
    "They agreed to form a panel on safety at the docks.",
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


@pytest.mark.parametrize("text, trigger", [
    ("The bloc banned travel by officers of the junta, their families and civilians who collaborate with them.",
     "collaborate"),
    ("The ministry warned that those who attack aid workers will be punished.", "attack"),
])
def test_what_people_told_in_general_do_is_no_act(analyze_text, text, trigger):
    mention = next(m for m in analyze_text(text, published="2026-03-20").mentions if m.trigger == trigger)
    assert mention.modality == "generic"


def test_what_people_told_by_the_report_did_is_an_act(analyze_text):
    analysis = analyze_text("The army said soldiers who fired on the crowd had been arrested.", published="2026-03-20")
    assert next(m for m in analysis.mentions if m.trigger == "fired").modality == "asserted"


def test_a_headlines_present_tells_acts_not_habits(analyze_text):
    analysis = analyze_text("Police detain farmers who block highway near Kolda", published="2026-03-20")
    assert next(m for m in analysis.mentions if m.trigger == "block").modality == "asserted"


def test_a_state_telling_what_unnamed_soldiers_did_accuses_no_one(analyze_text):
    analysis = analyze_text("GEORGETOWN - Guyana said soldiers fired on smugglers near the border on Sunday.",
                            published="2026-03-20")
    assert _accusations(analysis) == []
