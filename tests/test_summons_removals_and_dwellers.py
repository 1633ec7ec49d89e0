"""Frames for summonses, rejections by label, expulsions, removals and custody; people named by
where they live; protests by a mission. Every sentence here was
written for the test; people, groups and villages are invented."""
import pytest


def _events(analysis):
    return [(m.type, {(p.name, p.role) for p in m.participants}) for m in analysis.mentions]


@pytest.mark.parametrize("text, type_, side", [
    ("The Serbian embassy in Skopje called the ruling \"null and void\".", "REJECT", None),
    ("Minister Hana Dolezal calls the allegations \"a fabrication\".", "REJECT", ("Hana Dolezal", "actor")),
    ("The Latvian ambassador was called to the Russian foreign ministry on Monday.", "ACCUSE",
     ("Russian foreign ministry", "actor")),
    ("Two Polish diplomats were ordered out of Belarus on Wednesday.", "SANCTION", ("Polish diplomats", "recipient")),
    ("Police removed the protesters from the square two days later.", "COERCE", ("protesters", "recipient")),
    ("The three activists were remanded in custody until 29 October.", "COERCE", None),
])
def test_each_frame_finds_its_event(analyze_text, text, type_, side):
    found = [sides for t, sides in _events(analyze_text(text, published="2026-03-12")) if t == type_]
    assert found
    if side is not None:
        assert side in found[0]


@pytest.mark.parametrize("text", [
    "The president called the ambassador on Tuesday to discuss trade.",   # a phone call, no summons
    "The ministry removed tariffs on rice imports.",                        # a concession, not a removal by force
    "The court called for a fresh count in two districts.",
])
def test_the_frames_leave_other_senses_alone(analyze_text, text):
    types = {t for t, _ in _events(analyze_text(text, published="2026-03-12"))}
    assert not types & {"REJECT", "SANCTION"}
    if "removed" in text:
        assert "COERCE" not in types
    if "called the ambassador" in text:
        assert "ACCUSE" not in types


@pytest.mark.parametrize("text, crowd", [
    ("The district commissioner met residents of Kolda village on Monday.", "residents of Kolda village"),
    ("Police detained hundreds of residents of Kolda on Monday.", "residents of Kolda"),
    ("Gunmen killed six villagers of Tanga on Monday.", "villagers of Tanga"),
])
def test_people_named_by_where_they_live_are_a_crowd_of_that_place(analyze_text, text, crowd):
    names = {p.name for m in analyze_text(text, published="2026-03-12").mentions for p in m.participants}
    assert crowd in names
    assert not names & {"Kolda", "Tanga"}


def test_a_protest_by_a_foreign_mission_is_against_its_state(analyze_text):
    analysis = analyze_text("Hundreds of taxi drivers blocked a road outside the Nigerian embassy in Accra on Tuesday.",
                            published="2026-03-12")
    protest = next(m for m in analysis.mentions if m.type == "PROTEST")
    assert ("Nigeria", "recipient") in {(p.name, p.role) for p in protest.participants}


@pytest.mark.parametrize("text", [
    "Four Georgian shepherds held for a week by soldiers near the boundary line were released on Friday.",
    "Four Georgian shepherds held for a week by soldiers near the boundary line were released on Friday, "
    "Tbilisi said.",
])
def test_a_reduced_relative_is_no_main_verb_and_the_release_is_the_holders(analyze_text, text):
    analysis = analyze_text(text, published="2026-03-14")
    holding = next(m for m in analysis.mentions if m.type == "COERCE")
    release = next(m for m in analysis.mentions if m.type == "CONCEDE")
    assert ("soldiers", "actor") in {(p.name, p.role) for p in holding.participants}
    assert ("four Georgian shepherds", "recipient") in {(p.name, p.role) for p in release.participants}
    assert ("soldiers", "actor") in {(p.name, p.role) for p in release.participants}


def test_a_participle_after_its_clause_stays_a_clause(nlp):
    # 'that' marks a clause of its own: nothing to repair
    doc = nlp("Officials confirmed that the men detained on Monday were released.")
    assert doc[1].dep_ == "ROOT" and doc[1].lower_ == "confirmed"
    released = next(t for t in doc if t.lower_ == "released")
    assert released.dep_ != "ROOT"


def test_welcoming_a_release_is_towards_whoever_let_them_go(analyze_text):
    text = ("TUNIS - An appeals court in Sfax freed the blogger Sami Ferjani on bail this week.\n\n"
            "The Tunisian Journalists' Union welcomed the release on Thursday. Tunisia's justice ministry said the "
            "case was still open. Tunisian officials declined to comment.")
    analysis = analyze_text(text, published="2026-03-20")
    welcome = next(m for m in analysis.mentions if m.type == "SUPPORT")
    release = next(m for m in analysis.mentions if m.type == "CONCEDE" and m.trigger == "release")
    assert [p.name for p in welcome.participants if p.role == "recipient"] == ["appeals court"]
    assert [p.name for p in release.participants if p.role == "actor"] == ["Tunisia"]


def test_a_move_named_by_a_nationality_is_that_states(analyze_text):
    text = "Belarus expelled two Polish diplomats on Friday. Poland's foreign ministry condemned the Belarusian move."
    condemnation = next(m for m in analyze_text(text, published="2026-03-20").mentions if m.type == "ACCUSE")
    assert [p.name for p in condemnation.participants if p.role == "recipient"] == ["Belarus"]


@pytest.mark.parametrize("text, target", [
    ("Some 150 market traders protested outside the district police station in Kaolack on Friday.",
     "police"),
    ("Hundreds of teachers gathered outside the Education Ministry in Mbeya on Monday.", "Tanzania"),
])
def test_a_protest_at_a_state_building_is_against_the_state_housed_there(analyze_text, text, target):
    protest = next(m for m in analyze_text(text, published="2026-03-12").mentions if m.type == "PROTEST")
    assert [p.name for p in protest.participants if p.role == "recipient"] == [target]


@pytest.mark.parametrize("text", [
    "The commander ordered his troops out of the village on Monday.",
    "Residents were ordered out of their homes as the river rose.",
])
def test_people_ordered_out_who_are_no_envoys_are_not_expelled(analyze_text, text):
    assert not any(m.type == "SANCTION" for m in analyze_text(text, published="2026-03-12").mentions)
