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


@pytest.mark.parametrize("text, person", [
    ("The communique was issued after the meeting by Gabonese president and CEMAC chairman Paul Ndong.",
     "Paul Ndong"),
    ("The talks were chaired by Senegalese president and AU chairman Amadou Fall.", "Amadou Fall"),
])
def test_an_office_coordinated_with_another_before_a_name_is_that_person(analyze_text, text, person):
    sides = [p.name for m in analyze_text(text).mentions if m.type == "CONSULT" for p in m.participants]
    assert person in sides and not any(s.endswith("president") for s in sides)


def test_an_office_with_an_article_before_a_titled_name_is_another_person(nlp):
    from eventscribe.analyze.participants import second_title_holder
    doc = nlp("The summit was opened by the foreign minister and President Ruto.")
    assert second_title_holder(next(t for t in doc if t.text == "minister")) is None


def _mention(type_, *sides):
    from eventscribe.model import EventMention, Participant
    return EventMention(type_, None, "asserted", "met", 0, 3, 0, 0, 10,
                        [Participant(name, role, kind=kind) for name, role, kind in sides])


def test_a_meeting_told_by_a_bodys_name_and_by_its_initials_is_one_event():
    from eventscribe.analyze.group import same_event
    summit = _mention("CONSULT", ("Southern African Development Community", "participant", "ORG"))
    meeting = _mention("CONSULT", ("SADC", "participant", "ORG"), ("Joseph Banda", "participant", "PERSON"))
    assert same_event(summit, meeting)


def test_other_acts_are_joined_by_a_sides_own_name_only():
    from eventscribe.analyze.group import same_event
    first = _mention("REQUEST", ("Andean Rights Network", "actor", "ORG"), ("Peru", "recipient", "GPE"))
    second = _mention("REQUEST", ("ARN", "actor", "ORG"), ("Chile", "recipient", "GPE"))
    assert not same_event(first, second)


def test_requests_one_body_made_to_different_sides_stay_apart(analyze_text):
    text = ("The Andean Rights Network (ARN) on Friday called on Peru to free the detained reporters.\n\n"
            "ARN also urged Chile and Bolivia to suspend arms sales to Lima.")
    analysis = analyze_text(text, published="2024-03-04")
    assert len({m.event_key for m in analysis.mentions if m.type == "REQUEST" and m.modality == "asserted"}) == 2


@pytest.mark.parametrize("second, side", [
    ("Union leaders met Prime Minister Vera Holm on Wednesday.", "Confederation of Labour Unions"),
    ("The union's leaders met Prime Minister Vera Holm on Wednesday.", "Confederation of Labour Unions"),
    ("The union met Prime Minister Vera Holm on Wednesday.", "Confederation of Labour Unions"),
])
def test_a_word_of_one_body_s_name_stands_for_that_body(analyze_text, second, side):
    """'the union' of a report whose one body with 'union' in its name is the Confederation of
    Labour Unions: that body, though its head word is 'Confederation'."""
    text = "The Confederation of Labour Unions called a general strike in Karsk on Monday. " + second
    met = next(m for m in analyze_text(text, published="2024-04-11").mentions if m.type == "CONSULT")
    assert {p.name for p in met.participants} == {side, "Vera Holm"}


def test_a_word_two_bodies_share_names_neither(analyze_text):
    text = ("The Confederation of Labour Unions and the Federation of Transport Unions called a strike on Monday. "
            "The union met Prime Minister Vera Holm on Wednesday.")
    met = next(m for m in analyze_text(text, published="2024-04-11").mentions if m.type == "CONSULT")
    assert not {"Confederation of Labour Unions", "Federation of Transport Unions"} & {p.name for p in met.participants}
