"""An office named alone ('the Ghanaian president') is the one person of the report, named
before or after, whose title and country fit it; a nationality fits its country ('Ghanaian' is
'of Ghana'); the article opening a sentence is no part of a body's or a country's name. Every
report here was written for the test; people are invented."""
import pytest


def _consult(analysis):
    return next(m for m in analysis.mentions if m.type == "CONSULT" and m.trigger == "summit")


@pytest.mark.parametrize("text", [
    # named before, with the country after the name
    "President Kofi Mensah of Ghana arrived in Abuja on Saturday.\n\n"
    "On Sunday the Ghanaian president opened an emergency summit of the bloc.",
    # named only after the office
    "The Ghanaian president opened an emergency summit of the bloc in Abuja on Sunday.\n\n"
    "President Kofi Mensah of Ghana told delegates that sanctions would follow.",
])
def test_an_office_named_alone_is_the_one_person_of_the_report_who_holds_it(analyze_text, text):
    summit = _consult(analyze_text(text, published="2024-03-04"))
    assert [p.name for p in summit.participants] == ["Kofi Mensah"]


def test_an_office_of_another_country_is_not_that_person(analyze_text):
    text = ("The Ghanaian president opened an emergency summit of the bloc in Abuja on Sunday.\n\n"
            "President Ada Obi of Nigeria told delegates that sanctions would follow.")
    summit = _consult(analyze_text(text, published="2024-03-04"))
    assert "Ada Obi" not in [p.name for p in summit.participants]


@pytest.mark.parametrize("text, actor", [
    ("The Philippines recalled its ambassador from Beijing on Friday.", "Philippines"),
    ("The Southern African Development Community suspended Madagascar from the bloc on Sunday.",
     "Southern African Development Community"),
    ("The African Union condemned the coup in Libreville.", "African Union"),
])
def test_an_article_opening_a_sentence_is_no_part_of_the_name(analyze_text, text, actor):
    names = [p.name for m in analyze_text(text).mentions for p in m.participants if p.role == "actor"]
    assert actor in names


@pytest.mark.parametrize("text, name", [
    ("The government held talks with the ELN in Havana on Monday.", "ELN"),
    ("Envoys met the Kivu Alliance in Goma on Friday.", "Kivu Alliance"),
])
def test_a_name_ner_missed_drops_its_article(analyze_text, text, name):
    assert name in [p.name for m in analyze_text(text).mentions for p in m.participants]


@pytest.mark.parametrize("text, side", [
    ("Senior leaders of Hezbollah met the UN envoy in Beirut on Monday.", "Hezbollah"),
    ("A delegation of Hezbollah officials met French envoys in Beirut on Monday.", "Hezbollah"),
    ("Senior officials of the World Bank met the finance minister in Accra.", "World Bank"),
    # people of a state stay a group of it
    ("Officials of Ghana met the envoy in Accra.", "Officials of Ghana"),
])
def test_unnamed_people_of_an_organisation_stand_for_it(analyze_text, text, side):
    assert side in [p.name for m in analyze_text(text).mentions for p in m.participants]
