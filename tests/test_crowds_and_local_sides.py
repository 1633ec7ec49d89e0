"""Crowds, police and other sides a report does not name: a crowd that protests is protesters,
and a crowd or the police are of the country where they act. Every sentence here was written
for the test; people, bodies and small towns are invented, capitals are real."""
import pytest


def _mention(analysis, type_):
    return next(m for m in analysis.mentions if m.type == type_ and m.modality == "asserted")


def _names(mention, role=None):
    return {p.name for p in mention.participants if role is None or p.role == role}


@pytest.mark.parametrize("sentence, protesters", [
    ("About 300 people demonstrated in front of the parliament in Nairobi on Tuesday.", "Kenyan protesters"),
    ("Some 20,000 people rallied in Dhaka against the rise in bread prices.", "Bangladeshi protesters"),
    ("Thousands staged a sit-in outside the presidential palace in Lima on Friday.", "Peruvian protesters"),
    ("A crowd demonstrated in front of the court in Accra after the verdict.", "Ghanaian protesters"),
    ("On 2 May some 150 people demonstrated near the electricity board in Lusaka, demanding cheaper power.",
     "Zambian protesters"),
])
def test_a_crowd_that_protests_is_the_protesters_of_the_place(analyze_text, sentence, protesters):
    protest = _mention(analyze_text(sentence), "PROTEST")
    assert _names(protest, "actor") == {protesters}
    crowd = next(p for p in protest.participants if p.name == protesters)
    assert sentence[crowd.start:crowd.end] == crowd.surface   # the words it was read from


def test_a_crowd_marching_to_demand_is_one_protest_with_no_country_said(analyze_text):
    analysis = analyze_text("Hundreds of people marched across central Quito on Friday to demand the "
                            "reinstatement of the dismissed judges.")
    assert _names(_mention(analysis, "PROTEST"), "actor") == {"protesters"}   # no country said
    # what the crowd demands is its protest's cause, not a request of its own
    assert not any(m.type == "REQUEST" and m.participants for m in analysis.mentions)


def test_where_a_march_went_is_no_side(analyze_text):
    analysis = analyze_text("Thousands of teachers marched to Parliament in Nairobi on Monday.")
    assert _names(_mention(analysis, "PROTEST")) == {"teachers"}


def test_a_march_that_draws_a_crowd_is_the_crowds(analyze_text):
    analysis = analyze_text("The march on the ministry of labour in Tunis drew perhaps 5,000 people.")
    assert _names(_mention(analysis, "PROTEST")) == {"Tunisian protesters"}   # the ministry is where it went


def test_a_crowd_is_no_side_of_other_acts(analyze_text):
    # a number of people killed or met is no protest's crowd and no named side
    analysis = analyze_text("Gunmen killed 12 people in a village near Maiduguri on Sunday.")
    assert "protesters" not in " ".join(_names(_mention(analysis, "ASSAULT")))


def test_those_a_rally_is_of_hold_it(analyze_text):
    analysis = analyze_text("Police broke up a rally of nurses in Harare on Monday.")
    assert "nurses" in _names(_mention(analysis, "PROTEST"), "actor")


def test_a_crowd_is_of_the_country_where_it_protests_not_the_one_the_report_names_most(analyze_text):
    text = ("Kenya and Uganda signed a fishing accord on Monday. Kenya's fisheries minister said Kenya would "
            "patrol the lake, and Kenya's navy would escort the boats. On Wednesday a crowd demonstrated in front "
            "of the Kenyan high commission in Kampala.")
    assert _names(_mention(analyze_text(text), "PROTEST"), "actor") == {"Ugandan protesters"}


def test_police_said_to_be_in_a_town_are_that_towns_countrys(analyze_text):
    analysis = analyze_text("Riot police in Lima detained 40 students on Thursday.")
    assert _names(_mention(analysis, "COERCE"), "actor") == {"Peruvian riot police"}


def test_a_local_report_that_never_names_its_country_takes_it_from_where_its_events_are(analyze_text):
    text = ("ASUNCION — Police detained three union leaders in Luque on Wednesday. "
            "Police later used tear gas against strikers at a bus depot.")
    actors = {p.name for m in analyze_text(text).mentions if m.type == "COERCE" for p in m.participants
              if p.role == "actor"}
    assert actors == {"Paraguayan police"}


@pytest.mark.parametrize("sentence, side", [
    ("Rebels in Goma attacked a convoy on Tuesday.", "Rebels"),
    ("Soldiers in Gao arrested a journalist.", "Soldiers"),
])
def test_a_name_after_in_is_no_holder_of_the_side_noun_before_it(analyze_text, sentence, side):
    # NER may take a small town for a person; the side is still the noun before it
    mention = analyze_text(sentence).mentions[0]
    assert side in _names(mention, "actor")


def test_people_of_a_group_named_before_armed_group_stand_for_it(analyze_text):
    # the parser hangs 'Lisu' on 'armed', not on 'group'
    analysis = analyze_text("Commanders of the Northern Hills Defence Force met envoys of a Lisu armed group near "
                            "the river on Sunday.")
    meeting = _mention(analysis, "CONSULT")
    assert "Lisu" in _names(meeting)


@pytest.mark.parametrize("sentence, police", [
    ("Riot police turned water cannon on students outside the university in Dhaka.", "Bangladeshi riot police"),
    ("Rubber bullets and a water cannon, which the police turned on the marchers in Quito, injured dozens.",
     "Ecuadorian police"),
    ("Soldiers turned their guns on the marchers in Khartoum on Sunday.", "Soldiers"),
])
def test_force_turned_on_people_is_coercion_by_those_who_turned_it(analyze_text, sentence, police):
    coerced = _mention(analyze_text(sentence), "COERCE")
    assert police in _names(coerced, "actor")


def test_turning_a_page_on_a_dispute_is_no_force(analyze_text):
    assert not analyze_text("The minister turned the page on the dispute with the unions.").mentions


@pytest.mark.parametrize("sentence, organiser", [
    ("About 20,000 commuters filled the streets of Kisumu on Tuesday in a rally organised by the "
     "Confederation of Transport Workers.", "Confederation of Transport Workers"),
    ("Hundreds of farmers blocked the highway at a protest led by the Lowland Growers Alliance.",
     "Lowland Growers Alliance"),
    ("The march, called by the Secondary Teachers Federation, drew 5,000 people on Sunday.",
     "Secondary Teachers Federation"),
    ("The strike was called by the Dockers Solidarity Union after pay talks collapsed.", "Dockers Solidarity Union"),
])
def test_a_crowd_marches_for_whoever_organised_the_march(analyze_text, sentence, organiser):
    assert _names(_mention(analyze_text(sentence, published="2024-05-08"), "PROTEST"), "actor") == {organiser}


def test_a_report_with_one_organiser_tells_its_crowd_s_protests_as_the_organiser_s(analyze_text):
    """Protesters chanting and throwing stones at a rally the report says one body organised are
    its marchers; the body is not the side their protest is against."""
    text = ("Thousands of people marched through Kisumu on Tuesday against a new fuel levy, in a rally "
            "organised by the Confederation of Transport Workers. "
            "Protesters chanted slogans outside the county offices. "
            "Later some protesters threw stones at police, who fired tear gas.")
    protests = [m for m in analyze_text(text, published="2024-05-08").mentions if m.type == "PROTEST"]
    assert {m.trigger for m in protests} >= {"marched", "chanted", "threw"}
    for protest in protests:
        assert _names(protest, "actor") == {"Confederation of Transport Workers"}
        assert "Confederation of Transport Workers" not in _names(protest, "recipient")


def test_two_bodies_protesting_leave_each_crowd_its_own(analyze_text):
    text = ("Supporters of the Sunrise Alliance rallied outside the court in Nairobi on Monday. "
            "The Green Youth movement began a sit-in by the ministry gates on the same day. "
            "Protesters chanted slogans until late evening.")
    chanted = next(m for m in analyze_text(text, published="2024-05-08").mentions if m.trigger == "chanted")
    assert _names(chanted, "actor") == {"Kenyan protesters"}


@pytest.mark.parametrize("sentence, protest", [
    ("Some protesters threw bottles at police outside the stadium.", True),
    ("Students hurled stones at riot police near the campus gates.", True),
    ("Soldiers threw grenades into the compound.", False),
    ("The senator threw his support behind the bill.", False),
])
def test_a_crowd_throwing_stones_riots_and_soldiers_throwing_grenades_do_not(analyze_text, sentence, protest):
    found = any(m.type == "PROTEST" and m.trigger in ("threw", "hurled") for m in analyze_text(sentence).mentions)
    assert found == protest


def test_a_town_many_countries_have_says_no_country_of_its_own(analyze_text):
    """A local report that names only 'Valencia' may be in Spain or Venezuela: its police are
    left unnamed rather than given the larger city's country."""
    from eventscribe.analyze.places import has_namesakes
    assert has_namesakes("Valencia") and has_namesakes("San Jose")
    assert not has_namesakes("Paris") and not has_namesakes("Lima")   # the capital dwarfs its namesakes
    analysis = analyze_text("Police detained twelve dock workers in Valencia on Tuesday.", published="2024-05-08")
    assert _names(_mention(analysis, "COERCE"), "actor") == {"Police"}


@pytest.mark.parametrize("sentence, body", [
    ("Agents of the State Intelligence Bureau seized the editor at his flat in Bujumbura.", "State Intelligence Bureau"),
    ("Officers of the Highway Patrol Command stopped and detained the convoy's drivers on Sunday.",
     "Highway Patrol Command"),
    ("Plain-clothes agents arrested two activists outside the court.", "Plain-clothes agents"),
])
def test_agents_or_officers_of_a_named_body_are_that_body(analyze_text, sentence, body):
    arrests = [m for m in analyze_text(sentence, published="2024-05-08").mentions if m.type in ("COERCE", "ASSAULT")]
    assert arrests and body in _names(arrests[0], "actor")
