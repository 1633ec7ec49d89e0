"""Sides a sentence leaves to the report or to its owner: an agreement signed in the passive
after named talks, 'both armies', 'the party's deputies', a unit's officers, a force sent into
another country, and a body forced out of one. Every sentence here was written for the test;
the people, units and small towns are invented."""
import pytest


def _mention(analysis, type_):
    return next(m for m in analysis.mentions if m.type == type_ and m.modality == "asserted")


def _sides(mention):
    return {(p.name, p.role) for p in mention.participants}


@pytest.mark.parametrize("second", [
    "Several documents were signed at the end of the visit.",
    "A memorandum on fisheries was also signed.",
])
def test_an_agreement_signed_in_the_passive_after_named_talks_is_between_their_sides(analyze_text, second):
    analysis = analyze_text("President Tomas Ruiz of Chile held talks with President Samuel Okafor of Ghana in "
                            "Santiago on Monday. " + second, published="2024-05-07")
    assert {name for name, _ in _sides(_mention(analysis, "AGREE"))} == {"Tomas Ruiz", "Samuel Okafor"}


def test_a_plan_discussed_in_the_passive_is_no_talk_of_its_own(analyze_text):
    analysis = analyze_text("President Tomas Ruiz of Chile met President Samuel Okafor of Ghana on Monday. "
                            "On Thursday a rail plan was discussed in Lima.", published="2024-05-10")
    discussed = [m for m in analysis.mentions if m.trigger == "discussed"]
    assert all(not m.participants for m in discussed)


def test_both_armies_are_the_two_sides_that_fought(analyze_text):
    analysis = analyze_text("Troops of Kyrgyzstan and Tajikistan clashed on the border on Monday. "
                            "Both armies completed their pullback from the ridge on Friday.", published="2024-05-20")
    assert {name for name, _ in _sides(_mention(analysis, "RETREAT"))} == {"Kyrgyzstan", "Tajikistan"}


def test_law_enforcement_agencies_are_a_state_side(analyze_text):
    analysis = analyze_text("In Almaty, law enforcement agencies arrested four bloggers on Tuesday.")
    assert ("Kazakh law enforcement agencies", "actor") in _sides(_mention(analysis, "COERCE"))


def test_officers_of_a_named_unit_are_the_unit(analyze_text):
    analysis = analyze_text("Officers of the Vityaz special unit detained 40 people in Minsk.")
    assert ("Vityaz", "actor") in _sides(_mention(analysis, "COERCE"))


@pytest.mark.parametrize("text, body", [
    ("The opposition Unity Party demanded new elections in Harare. The party's deputies walked out of "
     "parliament in protest.", "Unity Party"),
    ("The Harbour Workers Union called for higher wages on Monday. On Tuesday the union's members walked out "
     "in protest.", "Harbour Workers Union"),
])
def test_people_a_named_body_owns_are_the_body(analyze_text, text, body):
    assert (body, "actor") in _sides(_mention(analyze_text(text), "PROTEST"))


@pytest.mark.parametrize("text, type_", [
    ("The junta forced the Red Cross out of the country in May.", "SANCTION"),
    ("The junta forced the Danish Refugee Council out of the country in May.", "SANCTION"),
    ("Rebels forced government troops out of the town.", "COERCE"),
])
def test_a_body_forced_out_of_a_country_is_expelled_and_people_are_coerced(analyze_text, text, type_):
    assert [m.type for m in analyze_text(text).mentions] == [type_]


@pytest.mark.parametrize("text, target", [
    ("Turkey has reinforced its troops in northern Iraq after the border incident.", "Iraq"),
    ("Chad deployed 1,000 soldiers to Niger on Monday.", "Niger"),
])
def test_a_force_sent_into_another_country_is_aimed_at_it(analyze_text, text, target):
    mobilized = _mention(analyze_text(text), "MOBILIZE")
    assert {name for name, role in _sides(mobilized) if role == "recipient"} == {target}


@pytest.mark.parametrize("text", [
    "Nigeria deployed troops in Borno state.",   # its own region
    "France deployed warships in the Mediterranean.",   # a sea is no country
])
def test_a_force_moved_at_home_or_at_sea_has_no_target(analyze_text, text):
    mobilized = _mention(analyze_text(text), "MOBILIZE")
    assert not any(role == "recipient" for _, role in _sides(mobilized))
    assert not any(name.startswith("German") for name, _ in _sides(mobilized))   # 'Borno' is no German town


def test_the_speaker_owns_the_forces_their_reported_clause_tells_of(analyze_text):
    analysis = analyze_text("Kurdish commanders said on Friday their fighters had seized the bridge at Tal Rimah.")
    assert ("Kurdish commanders", "actor") in _sides(_mention(analysis, "ASSAULT"))


@pytest.mark.parametrize("text, chair", [
    ("The summit, chaired by Prime Minister Anna Lind of Norway, opened in Oslo on Friday.", "Anna Lind"),
    ("The summit, presided over by President Hage Geingob, closed in Windhoek on Monday.", "Hage Geingob"),
])
def test_whoever_chairs_a_meeting_takes_part_in_it(analyze_text, text, chair):
    assert chair in {name for name, _ in _sides(_mention(analyze_text(text), "CONSULT"))}


def test_those_who_voted_for_an_impeachment_impeached_the_one_it_names(analyze_text):
    analysis = analyze_text("Guards escorted Governor Ana Bello from the building after the National Assembly "
                            "voted for her impeachment.")
    assert _sides(_mention(analysis, "SANCTION")) == {("National Assembly", "actor"), ("Ana Bello", "recipient")}


def test_leaders_of_a_body_the_report_described_are_the_body(analyze_text):
    analysis = analyze_text("The Harbour Workers Federation, a dockers' union, called a strike on Friday. On Monday "
                            "Transport Minister Omar Haddad sat down with union officials in Mombasa.")
    talks = _mention(analysis, "CONSULT")
    assert {name for name, _ in _sides(talks)} == {"Omar Haddad", "Harbour Workers Federation"}


@pytest.mark.parametrize("text, states", [
    ("A ceasefire held on Monday after a night of clashes along the Kyrgyz–Tajik border.", {"Kyrgyzstan", "Tajikistan"}),
    ("Fighting broke out on the India-China frontier on Monday.", {"India", "China"}),
])
def test_a_fight_on_a_border_two_states_share_is_between_them(analyze_text, text, states):
    fight = _mention(analyze_text(text), "ASSAULT")
    assert {name for name, _ in _sides(fight)} == states


def test_a_fight_on_ones_own_border_keeps_its_sides(analyze_text):
    fight = _mention(analyze_text("Soldiers clashed with smugglers on the Chad border."), "ASSAULT")
    assert {name for name, _ in _sides(fight)} == {"Soldiers", "smugglers"}


@pytest.mark.parametrize("text, type_, actor", [
    # the country an envoy is told to leave expels him
    ("The Belarusian ambassador was ordered on Friday to leave Lithuania within five days.", "SANCTION", "Lithuania"),
    # 'whose fighters' are the side their clause is about
    ("Police named the Red Hand militia, whose fighters attacked the convoy on Monday.", "ASSAULT", "Red Hand militia"),
    # a subject the parser hung on the opening date still acts; where those expelled are from is no side
    ("On Tuesday the government of Lesotho declared three South African traders from the border town of Ficksburg "
     "persona non grata.", "SANCTION", "government of Lesotho"),
])
def test_a_side_the_sentence_names_indirectly_still_acts(analyze_text, text, type_, actor):
    sides = _sides(_mention(analyze_text(text), type_))
    assert (actor, "actor") in sides
    assert "Ficksburg" not in {name for name, _ in sides}


@pytest.mark.parametrize("text, type_, ruler", [
    ("The opposition accused the junta in Conakry of rigging the census.", "ACCUSE", "Guinean junta"),
    ("The regime in power in Minsk jailed 30 journalists last year.", "COERCE", "Belarusian regime"),
    ("Chad's ruling junta detained two ministers on Monday. The junta also shut the border.", "COERCE",
     "Chadian junta"),
])
def test_a_junta_is_the_ruling_body_of_the_country_it_rules(analyze_text, text, type_, ruler):
    assert ruler in {name for name, _ in _sides(_mention(analyze_text(text), type_))}


def test_a_junta_the_report_does_not_place_keeps_its_words(analyze_text):
    assert ("junta", "actor") in _sides(_mention(analyze_text("The junta arrested two ministers."), "COERCE"))
