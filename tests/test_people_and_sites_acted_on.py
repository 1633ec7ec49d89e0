"""Whom an attack or an arrest was done to, when the words name them only by what they are
('seven civilians', 'four teenage boys'), by the building they were in ('the offices of the
union', 'a police station'), or by where the fire was aimed ('fired on the crowd', 'dropped
bombs on'); and the casualties of an attack on a named side are not a side of their own. Every
sentence was written for the test; people, groups and small towns are invented."""
import json

import pytest

from eventscribe.ingest import ingest
from eventscribe.store import Store


def _asserted(analysis, type_):
    return [m for m in analysis.mentions if m.type == type_ and m.modality == "asserted"]


def _roles(mention) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for p in mention.participants:
        roles.setdefault(p.role, set()).add(p.name)
    return roles


@pytest.mark.parametrize("text, type_, target", [
    ("Soldiers detained four teenage boys in the northern town of Zaria on Tuesday.", "COERCE", "four teenage boys"),
    ("Police in Kisumu arrested six passengers of a minibus on Friday.", "COERCE", "six passengers"),
    ("Gunmen killed seven civilians in an attack on a minibus near Beni on Saturday.", "ASSAULT", "seven civilians"),
    ("Officers in riot gear detained three reporters outside the court in Dhaka on Monday.", "COERCE", "three reporters"),
])
def test_people_named_by_what_they_are_are_the_side_acted_on(analyze_text, text, type_, target):
    """They are named with their count, as a reader tells them."""
    mention = _asserted(analyze_text(text, published="2025-03-12"), type_)[0]
    assert [p.name for p in mention.participants if p.role == "recipient"] == [target], mention.participants


def test_people_killed_without_a_doer_are_left_to_the_report(analyze_text):
    """'Nine people were killed' names no side: the attack the report tells elsewhere is theirs."""
    analysis = analyze_text("Nine people were killed and 30 wounded in the market of Dosso on Friday.",
                            published="2025-03-12")
    killings = _asserted(analysis, "ASSAULT")
    assert killings and all(not m.participants for m in killings), analysis.mentions


def test_people_said_to_be_armed_are_the_side_that_acts(analyze_text):
    mention = _asserted(analyze_text("Masked men abducted two aid workers near Kidal on Wednesday.",
                                     published="2025-03-12"), "ASSAULT")[0]
    assert _roles(mention) == {"actor": {"Masked men"}, "recipient": {"aid workers"}}


def test_residents_who_only_tell_what_happened_are_no_side(analyze_text):
    mention = _asserted(analyze_text("Residents said soldiers burned down about 20 houses in Tamba on Monday.",
                                     published="2025-03-12"), "ASSAULT")[0]
    assert all("esident" not in p.name for p in mention.participants), mention.participants


@pytest.mark.parametrize("text, owner", [
    ("The National Guard stormed the headquarters of the Workers Union in Valencia on Friday.", "Workers Union"),
    ("Militants attacked a police station in Bannu on Sunday night.", "police"),
    ("Troops raided the Radio Kanaga building in Mopti on Thursday.", "Radio Kanaga"),
])
def test_a_building_stands_for_its_owner(analyze_text, text, owner):
    mentions = [m for m in analyze_text(text, published="2025-03-12").mentions if m.modality == "asserted"]
    targets = {p.name for m in mentions for p in m.participants if p.role == "recipient"}
    assert any(owner in name for name in targets), targets


@pytest.mark.parametrize("text, target", [
    # fire aimed 'on' people hits them
    ("Troops opened fire on a group of farmers near the border on Sunday.", "farmers"),
    ("Riot police fired on the crowd outside the stadium in Kumasi on Monday.", "crowd"),
    # people beaten are attacked
    ("Officers beat two journalists covering the rally in Mombasa on Friday.", "journalists"),
    ("Protesters were beaten by soldiers outside the governor's office in Kano.", "protesters"),
])
def test_people_fired_on_or_beaten_are_attacked(analyze_text, text, target):
    mention = _asserted(analyze_text(text, published="2025-03-12"), "ASSAULT")[0]
    assert any(p.name.endswith(target) for p in mention.participants if p.role == "recipient"), mention.participants


@pytest.mark.parametrize("text, actor", [
    ("Warplanes dropped barrel bombs on two villages south of Idrisabad overnight.", "Warplanes"),
    ("Army helicopters dropped three bombs near Sagala late on Tuesday.", "Army helicopters"),
])
def test_bombs_dropped_are_an_attack_by_who_dropped_them(analyze_text, text, actor):
    analysis = analyze_text(text, published="2025-03-12")
    assert not _asserted(analysis, "CONCEDE"), analysis.mentions   # no concession in 'dropped'
    assert [p.name for p in _asserted(analysis, "ASSAULT")[0].participants if p.role == "actor"] == [actor]


def test_charges_dropped_are_no_attack(analyze_text):
    analysis = analyze_text("Prosecutors dropped the charges against the opposition leader on Friday.",
                            published="2025-03-12")
    assert not _asserted(analysis, "ASSAULT")


def test_casualties_of_an_attack_on_a_named_side_are_not_a_side(analyze_text):
    mention = _asserted(analyze_text("Insurgents of the Kanem Brigade attacked an army post in Bari on Saturday, "
                                     "killing four soldiers and two civilians.", published="2025-03-12"), "ASSAULT")[0]
    assert not any("civilian" in p.name for p in mention.participants), mention.participants


def test_a_record_keeps_the_side_attacked_not_the_casualties_another_sentence_counts(tmp_path):
    text = ("Government troops shelled positions of the Kivu Freedom Front near Masisi on Tuesday. "
            "The troops also killed nine villagers in the shelling, residents said.")
    source = tmp_path / "report.jsonl"
    source.write_text(json.dumps({"doc_id": "r1", "text": text, "published": "2025-03-14"}) + "\n", encoding="utf-8")
    with Store(tmp_path / "casualties.db") as store:
        ingest([source], store)
        attacks = [e for e in store.iter_records() if e["type"] == "ASSAULT"]
    names = {a["name"] for e in attacks for a in e["actors"]}
    assert any("Kivu Freedom Front" in n for n in names) and not any("villagers" in n for n in names), names


@pytest.mark.parametrize("text", [
    "The opposition candidate beat the incumbent in the runoff on Sunday.",
    "Ghana beat Nigeria 2-1 in the final on Saturday.",
    "The ministry beat the deadline by two days.",
])
def test_a_contest_won_is_no_beating(analyze_text, text):
    assert not _asserted(analyze_text(text, published="2025-03-12"), "ASSAULT")


@pytest.mark.parametrize("text, actor, target", [
    ("Malian soldiers shelled a Nigerien army post near the frontier on Sunday.", "Malian soldiers", "Niger"),
    ("Malian soldiers shelled a Burkinabe army post near the frontier on Sunday.", "Malian soldiers", "Burkina Faso"),
    ("Gendarmes of the 3rd legion fired on an Ivorian customs post near Pogo on Friday.", "Gendarmes", "Ivory Coast"),
])
def test_a_post_named_by_a_nationality_is_that_states(analyze_text, text, actor, target):
    mention = _asserted(analyze_text(text, published="2025-03-12"), "ASSAULT")[0]
    roles = _roles(mention)
    assert any(actor in name for name in roles.get("actor", ())) and any(target in name or "Ivoire" in name
                                                                         for name in roles.get("recipient", ())), roles


def test_a_call_for_release_is_made_to_who_took_the_people_its_own_sentence_names(analyze_text):
    """Its own sentence tells of the arrests, without who made them: the soldiers of an earlier
    sentence did not take these men."""
    analysis = analyze_text("Soldiers detained two traders in the market of Diffa on Sunday. Families of the nine "
                            "men arrested on Monday gathered outside the prison on Wednesday to demand their release.",
                            published="2025-03-12")
    demands = [m for m in analysis.mentions if m.type == "REQUEST"]
    assert demands and not any("oldier" in p.name for m in demands for p in m.participants), demands
