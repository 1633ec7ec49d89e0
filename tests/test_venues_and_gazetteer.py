"""Where and when: a decision takes the place and day of the meeting that took it; place phrases
name their city past its description; the gazetteer does not turn words into far-off towns.
Every report here is written for these tests."""
from __future__ import annotations

import pytest

from eventscribe.analyze.places import lookup, side_country


def _mention(analysis, trigger):
    return next(m for m in analysis.mentions if m.trigger == trigger)


@pytest.mark.parametrize("text, trigger", [
    ("ASEAN foreign ministers met in Jakarta on Friday.\n\nASEAN also urged the generals to free political prisoners.", "urged"),
    ("The Arab League held an emergency summit in Cairo on 4 August 2024.\n\n"
     "The Arab League suspended Syria's membership and imposed sanctions on its government.", "suspended"),
    ("The Arab League met in Cairo on Sunday, when the League condemned the strikes.", "condemned"),
])
def test_a_decision_takes_the_place_of_the_meeting_that_took_it(analyze_text, text, trigger):
    analysis = analyze_text(text, published="2024-08-06")
    meeting = next(m for m in analysis.mentions if m.type == "CONSULT")
    decision = _mention(analysis, trigger)
    assert decision.place is not None and decision.place.name == meeting.place.name
    assert decision.place.expression.startswith("meeting:")


def test_an_act_done_elsewhere_keeps_no_place_from_a_meeting(analyze_text):
    text = ("Leaders of SADC met in Gaborone on Sunday.\n\n"
            "Gunmen attacked a SADC convoy on Monday, police said.")
    analysis = analyze_text(text, published="2024-08-06")
    assert _mention(analysis, "attacked").place is None


def test_a_decision_during_a_summit_takes_the_summit_s_day(analyze_text):
    text = ("Chile and Peru agreed to reopen two border crossings during a summit in Lima on Tuesday, officials said.\n\n"
            "Both countries also agreed to share water data.")
    analysis = analyze_text(text, published="2024-08-09")
    later = [m for m in analysis.mentions if m.type == "AGREE"][-1]
    assert later.date.value == "2024-08-06"


@pytest.mark.parametrize("sentence, city", [
    ("Army and rebel commanders signed a truce on Monday in the lakeside town of Kisumu, mediators said.", "Kisumu"),
    ("Riot police broke up a march in the capital, Lusaka, on Thursday.", "Lusaka"),
    ("Police detained the opposition leader at a Nairobi hotel on Monday.", "Nairobi"),
])
def test_a_place_phrase_names_its_city_past_the_description(analyze_text, sentence, city):
    analysis = analyze_text(sentence, published="2024-08-06")
    assert analysis.mentions and analysis.mentions[0].place is not None and analysis.mentions[0].place.name == city


def test_a_demanded_release_has_not_happened(analyze_text):
    analysis = analyze_text("The union demanded the release of the jailed editor Ali Kone on Monday.", published="2024-08-06")
    assert [m.modality for m in analysis.mentions if m.trigger == "release"] == ["future"]


@pytest.mark.parametrize("name, country", [
    ("Idleb", "SYR"), ("Kharkov", "UKR"), ("Jiddah", "SAU"), ("Islamabad", "PAK"), ("Sana'a", "YEM"),
    ("Sweida", "SYR"), ("Suwayda", "SYR"), ("Washington", "USA"), ("Nur-Sultan", "KAZ"),
])
def test_the_gazetteer_knows_spellings_of_a_city(name, country):
    place = lookup(name)
    assert place is not None and place.country == country and place.lat is not None


@pytest.mark.parametrize("name, country, city", [
    ("Kuwait City", "KWT", "Kuwait City"), ("PANAMA CITY", "PAN", "Panama City"), ("Guatemala City", "GTM", "Guatemala City"),
    ("Kuwait", "KWT", None), ("Panama", "PAN", None),
])
def test_a_capital_called_its_country_s_city_is_the_city_and_the_country_the_country(name, country, city):
    place = lookup(name)
    assert (place.country, place.name if place.lat is not None else None) == (country, city)


def test_a_report_filed_in_a_city_named_for_its_country_is_placed_in_the_city(analyze_text):
    analysis = analyze_text("KUWAIT CITY, March 4 (Gulf Wire) - President Anna Velt of Estonia held talks with the "
                            "Emir of Kuwait at the Bayan Palace on Tuesday.", published="2025-03-04")
    meeting = next(m for m in analysis.mentions if m.type == "CONSULT")
    assert (meeting.place.name, meeting.place.lat is not None) == ("Kuwait City", True)


@pytest.mark.parametrize("name", ["January", "Nov", "Tigray", "Karabakh", "Hamas", "Daesh", "Apple"])
def test_the_gazetteer_maps_no_month_or_near_miss_to_a_town(name):
    place = lookup(name)
    assert place is None or place.lat is None


def test_an_alternate_name_from_another_script_is_not_the_city():
    """geonames lists 'Bali' among the names of Paris; a report's Bali is not Paris."""
    place = lookup("Bali")
    assert place is None or place.country != "FRA"


def test_a_wire_dateline_is_not_where_another_country_acted(analyze_text):
    text = ("NAIROBI (Reuters) - Tanzania ordered Burundi's envoy Ali Kone to leave within two days, "
            "its foreign ministry said.")
    analysis = analyze_text(text, published="2024-06-04")
    expulsion = next(m for m in analysis.mentions if m.type == "SANCTION")
    assert expulsion.place is None or expulsion.place.name != "Nairobi"


def test_a_dateline_still_places_its_own_country_s_acts(analyze_text):
    text = "NAIROBI (Reuters) - Kenya's government on Monday expelled two Somali diplomats, officials said."
    analysis = analyze_text(text, published="2024-06-04")
    expulsion = next(m for m in analysis.mentions if m.type == "SANCTION")
    assert expulsion.place is not None and expulsion.place.name == "Nairobi"


def test_an_agreement_takes_the_one_venue_of_the_talks_not_their_first_day(analyze_text):
    analysis = analyze_text("Talks between the government and the Delta Front began in Accra on 3 March.\n\n"
                            "On Friday the two negotiators, Ama Owusu and Kojo Mensah, signed an agreement to end the fighting.",
                            published="2024-03-16")
    agreement = _mention(analysis, "agreement")
    assert agreement.place is not None and agreement.place.name == "Accra"
    assert agreement.date.value == "2024-03-15"


def test_a_where_clause_places_its_event_at_the_place_it_follows(analyze_text):
    analysis = analyze_text("The envoy flew to Oslo, where he met Sami leaders on Sunday.", published="2024-03-16")
    meetings = [m for m in analysis.mentions if m.type == "CONSULT"]   # the flight there is a visit too
    assert meetings and all(m.place.name == "Oslo" for m in meetings)


def test_a_date_in_another_clause_is_not_the_event_s(analyze_text):
    # the offensive began on 3 March; the shelling the army reports is not dated by that clause
    analysis = analyze_text("Rebels shelled the market, the army said in Goma, where the offensive began on 3 March.",
                            published="2024-03-16")
    assert _mention(analysis, "shelled").date.value == "2024-03"


@pytest.mark.parametrize("sentence", [
    "Two rival clans signed a grazing pact in the Horn of Africa on Friday.",
    "Pirates attacked a tanker in the Gulf of Aden on Monday.",
])
def test_a_region_named_with_of_is_not_the_town_its_first_word_spells(analyze_text, sentence):
    assert all(m.place is None for m in analyze_text(sentence, published="2024-03-16").mentions)


def test_a_background_year_in_the_sentence_before_dates_nothing(analyze_text):
    analysis = analyze_text("The new stadium, which opened in 2009, holds 40,000 people.\n\n"
                            "President Ruto praised the national team for its victory.", published="2024-03-16")
    assert _mention(analysis, "praised").date.value == "2024-03"


def test_a_city_named_after_its_description_is_the_place(analyze_text):
    analysis = analyze_text("Envoys of Chad and Sudan met in the Ugandan capital Kampala on Monday.", published="2024-03-16")
    assert _mention(analysis, "met").place.name == "Kampala"


@pytest.mark.parametrize("text, host", [
    ("Kenyan President William Ruto arrived in Kampala on Tuesday for a two-day state visit.", "Uganda"),
    # coming home from a state visit elsewhere: the state visited hosted it, not the capital
    ("Ugandan President Yoweri Museveni arrived in Kampala on Tuesday after a state visit to China.", "China"),
    # a meeting held in a capital names no host, nor does a trip to a country
    ("President Ruto met the delegation in Kampala on Tuesday.", None),
    ("President Ruto began a two-day trip to Uganda on Tuesday.", None),
])
def test_a_visit_to_a_capital_was_hosted_by_its_state(analyze_text, text, host):
    mention = next(m for m in analyze_text(text, published="2024-03-16").mentions if m.type == "CONSULT")
    hosts = [p.name for p in mention.participants if p.kind == "GPE"]
    assert hosts == ([host] if host else [])


def test_a_government_named_of_a_country_ner_takes_for_a_person_is_that_state_s(analyze_text):
    # NER often reads a country's name after 'of' as a person's; the government still acts, and
    # a dateline abroad does not place its act
    text = "ACCRA (Wire) - The interim government of Togo on Monday gave Ghana's envoy two days to leave the country."
    expulsion = next(m for m in analyze_text(text, published="2024-06-04").mentions if m.type == "SANCTION")
    assert ("interim government of Togo", "actor") in {(p.name, p.role) for p in expulsion.participants}
    assert expulsion.place is None or expulsion.place.name != "Accra"


@pytest.mark.parametrize("text, type_, city", [
    # a body named by its people ('SADC member states'), or by its region ('East African leaders')
    ("Leaders of the Southern African Development Community met in Gaborone on Sunday.\n"
     "At the summit, SADC member states threatened to suspend Lesotho from the bloc.", "THREATEN", "Gaborone"),
    ("The East African Community held an extraordinary summit in Arusha on Saturday.\n"
     "East African leaders demanded that the rebels withdraw from the border towns.", "REQUEST", "Arusha"),
])
def test_what_a_body_s_members_decide_is_placed_at_its_summit(analyze_text, text, type_, city):
    decision = next(m for m in analyze_text(text, published="2024-06-04").mentions if m.type == type_)
    assert decision.place is not None and decision.place.name == city


@pytest.mark.parametrize("text, trigger, day", [
    ("The miners' militia accepted a ceasefire on Wednesday, barely 24 hours after troops began an offensive near the quarry.",
     "offensive", "2024-05-14"),
    ("Two days after the army shelled the port, the rebels agreed to a truce on Friday.", "shelled", "2024-05-15"),
    ("The rebels agreed to a truce on Friday, a day after clashes in the north.", "clashes", "2024-05-16"),
    ("Hours before the ministers met on Thursday, rebels attacked a pipeline in the delta.", "met", "2024-05-16"),
    ("The ministers met in Lagos on Thursday, hours after rebels attacked a pipeline in the delta.", "attacked", "2024-05-16"),
])
def test_an_event_set_a_time_before_or_after_a_dated_one_is_dated_by_it(analyze_text, text, trigger, day):
    analysis = analyze_text(text, published="2024-05-20")
    mention = next(m for m in analysis.mentions if m.trigger == trigger)
    assert (mention.date.value, mention.date.precision) == (day, "day")


@pytest.mark.parametrize("text, trigger", [
    ("The rebels agreed to a truce in Lera on Friday after talks in Mombasa.", "talks"),
    ("The pact was sealed on Friday, some ten days after talks began in Lera.", "talks"),
])
def test_an_event_only_told_as_earlier_than_a_dated_one_keeps_its_month(analyze_text, text, trigger):
    analysis = analyze_text(text, published="2024-05-20")
    mention = next(m for m in analysis.mentions if m.trigger == trigger)
    assert (mention.date.value, mention.date.precision) == ("2024-05", "month")


def test_a_site_seized_is_in_the_town_it_is_named_by_not_a_namesake_of_its_noun(analyze_text):
    analysis = analyze_text("Rebels seized Goma airport on Monday.", published="2024-05-02")
    assert analysis.mentions[0].place is not None and analysis.mentions[0].place.name == "Goma"


def test_a_page_time_stamp_is_no_scene_for_the_headline_after_it(analyze_text):
    text = "7 Mar, 2021 11:20\n\nNorway sanctions Belarus prison chiefs\n\nNorway on Friday sanctioned two prison chiefs."
    analysis = analyze_text(text, published="2021-03-07")
    headline = next(m for m in analysis.mentions if m.sentence == 1)
    assert headline.date.value != "2021-03-07"


def test_a_decision_at_a_meeting_placed_by_country_is_placed_there_a_city_first(analyze_text):
    text = ("Nordic trade ministers agreed on new tariffs on Russian fertiliser following a meeting in Singapore on Monday.")
    analysis = analyze_text(text, published="2024-05-02")
    # agreeing on tariffs against a state imposes them (SANCTION); a decision all the same
    agreement = next(m for m in analysis.mentions if m.trigger == "agreed")
    assert agreement.type == "SANCTION"
    assert agreement.place is not None and agreement.place.name == "Singapore"


def test_an_event_a_telling_is_about_is_not_dated_by_the_telling(analyze_text):
    text = "The church envoy, in a briefing on the wage talks, said on Wednesday that both unions had accepted the offer."
    analysis = analyze_text(text, published="2024-05-20")
    talks = next(m for m in analysis.mentions if m.trigger == "talks")
    assert talks.date.precision == "month"


def test_a_time_that_only_bounds_a_period_dates_no_event(analyze_text):
    text = ("The mayor ordered the dissolution of the city council before a budget vote, the fourth he has faced "
            "since he was sworn in two years ago.")
    analysis = analyze_text(text, published="2021-09-14")
    dissolution = next(m for m in analysis.mentions if m.trigger == "dissolution")
    assert dissolution.date.value == "2021-09"


@pytest.mark.parametrize("name, code", [
    ("North Korea", "PRK"), ("South Sudan", "SSD"), ("Papua New Guinea", "PNG"), ("the United States", "USA"),
    ("the Central African Republic", "CAF"), ("South Africa's army", "ZAF"), ("Sudan", "SDN"), ("Chadian troops", "TCD"),
])
def test_a_country_named_in_several_words_is_that_country_not_the_last_words(name, code):
    assert side_country(name) == code


@pytest.mark.parametrize("text, town", [
    ("Gendarmes arrested dozens of youths in and around Dosso over the weekend.", "Dosso"),
    ("Troops raided homes in and near Maradi overnight.", "Maradi"),
    ("The army imposed a night curfew on Tessaoua after the riots.", "Tessaoua"),
    ("Gunmen raided the town of Garoumi at dawn. Two days later the army imposed a night curfew on Garoumi.",
     "Garoumi"),
])
def test_a_measure_or_an_arrest_is_placed_in_the_town_its_phrase_names(analyze_text, text, town):
    measure = next(m for m in analyze_text(text, published="2025-03-12").mentions if m.type == "COERCE")
    assert measure.place.name == town


def test_a_town_named_after_a_place_noun_is_a_place_whatever_ner_calls_it(analyze_text):
    analysis = analyze_text("Gendarmes detained eleven fuel smugglers in the regional capital, Mao, on Friday.",
                            published="2025-03-12")   # NER calls Mao a person
    assert next(m for m in analysis.mentions if m.type == "COERCE").place.name == "Mao"


@pytest.mark.parametrize("text, stops", [
    ("The Ardenian foreign minister, Ana Ruiz, paid visits to Lima on 2 June and to Quito on 3 June.",
     [("Peru", "Lima", "2025-06-02"), ("Ecuador", "Quito", "2025-06-03")]),
    ("The Ardenian foreign minister visited Lima and Quito last week.",
     [("Peru", "Lima", "2025-06"), ("Ecuador", "Quito", "2025-06")]),
])
def test_each_capital_of_a_tour_is_a_visit_of_its_own(analyze_text, text, stops):
    visits = [m for m in analyze_text(text, published="2025-06-10").mentions if m.type == "CONSULT"]
    assert [(m.participants[-1].name, m.place.name, m.date.value) for m in visits] == stops
    assert len({m.event_key for m in visits}) == 2


def test_a_visit_to_one_capital_stays_one_visit(analyze_text):
    visits = [m for m in analyze_text("The Ardenian foreign minister paid a visit to Lima on 2 June.", published="2025-06-10").mentions
              if m.type == "CONSULT"]
    assert [(m.place.name, m.date.value) for m in visits] == [("Lima", "2025-06-02")]


@pytest.mark.parametrize("words, country", [
    ("the Democratic Republic of the Congo", "COD"),   # its own words, not 'Congo' alone
    ("Republic of the Congo", "COG"),
    ("Republic of Congo", "COG"),
    ("Congo-Brazzaville", "COG"),
    ("Congo", "COD"),                                   # as news names it today
    ("Bosnia and Herzegovina", "BIH"),
    ("DR Congo", "COD"),
])
def test_a_countrys_name_of_several_words_with_of_the_and_names_that_country(words, country):
    assert side_country(words) == country
