"""Force used on a crowd (whom tear gas, water cannon or batons were aimed at, the gathering broken
up), a 'by' phrase the parser hangs on the verb instead of the event's noun, and a site in a town
named like a town abroad. Texts are made up for these tests."""
from spacy.tokens import Span

from eventscribe.analyze.entities import EntityTable


def _of_type(analysis, type_):
    return [m for m in analysis.mentions if m.type == type_]


def _names(mention):
    return [p.name for p in mention.participants]


def test_a_site_named_like_a_town_abroad_is_placed_in_the_town_named_after_it(analyze_text):
    analysis = analyze_text("Riot police fired tear gas at traders at Richmond roundabout in Kisumu on Monday.",
                            published="2024-05-09")
    [force] = _of_type(analysis, "COERCE")
    assert (force.place.name, force.place.country) == ("Kisumu", "KEN")


def test_a_name_ner_took_for_a_body_opened_by_a_title_is_no_body_of_the_report(nlp):
    # NER sometimes labels a titled person an organisation; a 'police spokesman' in apposition
    # would then make 'the police' elsewhere in the report stand for him
    doc = nlp("A police spokesman, Superintendent Kwesi Adjetey, said the pair were held.")
    start = [t.text for t in doc].index("Superintendent")
    doc.ents = [Span(doc, start, start + 3, label="ORG")]
    assert EntityTable.from_docs([doc], [0]).entities == {}
    doc.ents = [Span(doc, start + 1, start + 3, label="ORG")]   # a name without a title stays a body
    assert list(EntityTable.from_docs([doc], [0]).entities) == ["kwesi adjetey"]


def test_a_by_phrase_after_an_events_noun_names_who_held_it_however_the_parser_hangs_it(analyze_text):
    analysis = analyze_text("Police broke up a rally by opposition supporters in Lusaka on Monday.", published="2024-05-09")
    [rally] = _of_type(analysis, "PROTEST")
    assert _names(rally) == ["opposition supporters"]


def test_a_gathering_broken_up_was_held_whatever_the_purpose_clause_around_it(analyze_text):
    analysis = analyze_text("Police fired tear gas to break up a rally by opposition supporters in Lusaka on Monday. "
                            "The governor has vowed to break up any protest in the capital.", published="2024-05-09")
    rallies = _of_type(analysis, "PROTEST")
    assert [(m.trigger, m.modality) for m in rallies] == [("rally", "asserted")]
    [firing] = [m for m in _of_type(analysis, "COERCE") if m.trigger == "fired"]
    assert "opposition supporters" in _names(firing)


def test_force_used_on_a_crowd_is_aimed_at_the_people_its_purpose_clause_names(analyze_text):
    analysis = analyze_text("Soldiers fired tear gas to scatter a crowd of anti-coup demonstrators in Monrovia on Monday.",
                            published="2024-05-09")
    [force] = _of_type(analysis, "COERCE")
    assert _names(force)[1:] == ["anti-coup demonstrators"]


def test_weapons_used_against_people_are_the_users_act_on_those_people(analyze_text):
    analysis = analyze_text("Riot police used batons and tear gas against supporters of the opposition in Harare on Monday.",
                            published="2024-05-09")
    [force] = _of_type(analysis, "COERCE")
    assert len(_names(force)) == 2 and _names(force)[0].endswith("police") and _names(force)[1].startswith("supporters")


def test_striking_before_people_fired_at_says_what_they_do_and_is_no_attack(analyze_text):
    analysis = analyze_text("Police fired tear gas at striking teachers in Harare on Monday.", published="2024-05-09")
    assert _of_type(analysis, "ASSAULT") == []
    [force] = _of_type(analysis, "COERCE")
    assert _names(force)[1] == "teachers"


def test_a_weapon_fired_is_the_firings_event_not_an_attack_of_its_own(analyze_text):
    analysis = analyze_text("Riot police fired water cannon and detained 23 people outside the embassy in Kisumu on Thursday.",
                            published="2024-05-10")
    assert _of_type(analysis, "ASSAULT") == []
    assert [m.trigger for m in _of_type(analysis, "COERCE")] == ["fired"]


def test_by_force_says_how_a_crowd_was_dispersed_and_names_no_side(analyze_text):
    analysis = analyze_text("Police dispersed the crowd by force in Harare on Monday.", published="2024-05-09")
    [dispersal] = _of_type(analysis, "COERCE")
    assert not any(name.split()[-1] == "force" for name in _names(dispersal))
