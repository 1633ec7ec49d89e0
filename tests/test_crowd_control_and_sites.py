"""Force used on a crowd (whom tear gas, water cannon or batons were aimed at, the gathering broken
up), a 'by' phrase the parser hangs on the verb instead of the event's noun, a site in a town
named like a town abroad, relations broken off or restored, aid and forces sent to a state, and
who is who across a report (a court a town names, soldiers who name themselves). Texts are made
up for these tests."""
from spacy.tokens import Span

from eventscribe.analyze.entities import EntityTable
from eventscribe.analyze.participants import participants_for


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
    analysis = analyze_text("Police fired tear gas canisters to break up a rally by opposition supporters in Lusaka on "
                            "Monday. The governor has vowed to break up any protest in the capital.", published="2024-05-09")
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


def test_relations_broken_off_restored_or_resumed_are_one_event_with_the_other_state(analyze_text):
    analysis = analyze_text("Bolivia broke off diplomatic relations with Israel on Tuesday, accusing it of war crimes. "
                            "Chad restored diplomatic relations with Qatar on Monday.", published="2024-05-09")
    [rupture] = _of_type(analysis, "SANCTION")
    assert (rupture.trigger, _names(rupture)) == ("broke", ["Bolivia", "Israel"])
    [restoration] = _of_type(analysis, "COOPERATE")
    assert _names(restoration) == ["Chad", "Qatar"]
    # the accusation beside the rupture was made, not called off with the relations
    assert [m.modality for m in _of_type(analysis, "ACCUSE")] == ["asserted"]


def test_aid_goes_to_the_side_after_to_not_to_what_was_sent(analyze_text):
    analysis = analyze_text("Cuba sent 120 doctors to Honduras on Sunday.", published="2024-05-09")
    [aid] = _of_type(analysis, "AID")
    assert _names(aid) == ["Cuba", "Honduras"]


def test_warships_sent_toward_a_state_are_a_show_of_force_at_it(analyze_text):
    analysis = analyze_text("Tirana sent three warships toward Montenegro on Tuesday.", published="2024-05-09")
    [deployment] = _of_type(analysis, "MOBILIZE")
    assert _names(deployment)[1:] == ["Montenegro"]


def test_a_resignation_demanded_of_someone_presses_that_person(analyze_text):
    analysis = analyze_text("Protesters in Lusaka demanded the resignation of Interior Minister Kalonde Banda on Saturday.",
                            published="2024-05-09")
    [demand] = _of_type(analysis, "REQUEST")
    assert _names(demand)[1:] == ["Kalonde Banda"]


def test_a_common_word_ner_took_for_a_place_names_no_state(nlp):
    doc = nlp("Border guards arrested smugglers of khat near the crossing.")
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index("khat"), words.index("khat") + 1, label="GPE")]
    sides = participants_for(doc[words.index("smugglers")], "recipient", lambda token, role: None)
    assert [p.name for p in sides] == ["smugglers"]


def test_a_court_a_town_names_is_no_court_of_another_name(analyze_text):
    analysis = analyze_text("The former minister Chanda Mwale has filed a complaint with the African Court on Human "
                            "and Peoples' Rights. On Friday a Lusaka court barred Mwale from leaving the country.",
                            published="2024-05-09")
    [ban] = [m for m in analysis.mentions if m.trigger == "barred"]
    assert _names(ban)[0] == "Zambia"


def test_soldiers_who_call_themselves_a_council_are_that_council_through_the_report(analyze_text):
    analysis = analyze_text("Mutinous troops took over the radio station in Freetown at dawn on Monday. The troops, who "
                            "now call themselves the Committee for National Renewal (CNR), ordered a curfew from dusk. "
                            "On Tuesday troops fired tear gas at hundreds of anti-coup protesters in Freetown.",
                            published="2024-05-09")
    assert [(m.trigger, _names(m)[0]) for m in _of_type(analysis, "COERCE")] == [
        ("curfew", "Committee for National Renewal"), ("fired", "Committee for National Renewal")]
    assert "call" not in [m.trigger for m in analysis.mentions]


def test_a_capital_standing_for_a_state_is_no_opponent_of_that_states_forces(analyze_text):
    analysis = analyze_text("Kampala has carried out strikes inside Congo against rebel smugglers. On Wednesday, "
                            "Ugandan forces shelled a rebel depot near Beni with rockets.", published="2024-05-09")
    [strike] = [m for m in analysis.mentions if m.trigger == "shelled"]
    assert "Kampala" not in _names(strike)


def test_a_peoples_name_of_two_or_three_words_says_their_state(analyze_text):
    from eventscribe.analyze.places import side_country
    from eventscribe.countrywords import demonym
    assert [side_country(n) for n in ("Sierra Leonean police", "Papua New Guinean troops", "Guinean police")] == \
        ["SLE", "PNG", "GIN"]
    assert [demonym(code) for code in ("SLE", "GNB", "KEN")] == ["Sierra Leonean", "Bissau-Guinean", "Kenyan"]


def test_armed_men_unnamed_in_a_report_naming_one_armed_group_are_that_groups(analyze_text):
    analysis = analyze_text("Katanga Tigers, a separatist militia, said in a statement that its fighters had ambushed an "
                            "army convoy near Likasi on Sunday. On Monday gunmen attacked a police post near Kolwezi.",
                            published="2024-05-09")
    assert [(m.trigger, _names(m)[0]) for m in _of_type(analysis, "ASSAULT")] == [
        ("ambushed", "Katanga Tigers"), ("attacked", "Katanga Tigers")]


def test_unidentified_gunmen_or_men_of_two_groups_stay_unnamed(analyze_text):
    analysis = analyze_text("The Kasai Liberation Front, a separatist militia, attacked an army base near Kananga on "
                            "Sunday. Unidentified gunmen attacked a bus near Tshikapa on Monday.", published="2024-05-09")
    [bus] = [m for m in _of_type(analysis, "ASSAULT") if "bus" in analysis.text[m.sentence_start:m.sentence_end]]
    assert _names(bus) == ["Unidentified gunmen"]
    analysis = analyze_text("The Kasai Liberation Front attacked an army base near Kananga on Sunday. On Monday the Kivu "
                            "Defence Brigades clashed with soldiers near Goma, and gunmen attacked a police post near "
                            "Tshikapa.", published="2024-05-09")
    [post] = [m for m in _of_type(analysis, "ASSAULT") if m.trigger == "attacked" and m.sentence > 0]
    assert _names(post)[0] == "gunmen"


def test_the_monarch_of_a_one_country_report_is_that_state(analyze_text):
    analysis = analyze_text("AMMAN, May 6 - His Majesty the King received the Malaysian prime minister at Basman Palace "
                            "yesterday. The King praised Malaysia's role in ASEAN.", published="2024-05-09")
    [audience] = _of_type(analysis, "CONSULT")
    assert _names(audience)[0] == "Jordan"


def test_a_meeting_expected_or_scheduled_is_yet_to_come(analyze_text):
    analysis = analyze_text("A meeting of the truce commission is expected on Thursday at the border post. Talks "
                            "between the two sides are scheduled for next week in Geneva.", published="2024-05-09")
    assert [(m.trigger, m.modality) for m in _of_type(analysis, "CONSULT")] == [("meeting", "future"), ("Talks", "future")]


def test_a_call_for_people_to_be_freed_is_a_demand_on_those_who_hold_them(analyze_text):
    analysis = analyze_text("KATHMANDU, May 3 - Nepali police detained 40 students outside parliament on Monday. "
                            "The Loktantrik Sangh party called for the detainees to be freed.", published="2024-05-09")
    [call] = _of_type(analysis, "REQUEST")
    assert _names(call) == ["Loktantrik Sangh party", "Nepali police"]


def test_a_long_title_keeps_the_name_after_its_portfolio(analyze_text):
    analysis = analyze_text("Deputy Prime Minister for Reintegration Mihai Cojocaru accused Tiraspol of blocking the "
                            "talks.", published="2024-05-09")
    [accusation] = _of_type(analysis, "ACCUSE")
    assert _names(accusation)[0] == "Mihai Cojocaru"


def test_a_peoples_name_ner_took_for_a_person_before_a_side_noun_names_that_peoples_side(analyze_text):
    analysis = analyze_text("FREETOWN, May 6 - Sierra Leonean police fired tear gas at traders in the city centre on "
                            "Monday.", published="2024-05-09")
    [force] = _of_type(analysis, "COERCE")
    assert _names(force)[0] == "Sierra Leonean police"


# What the session's rules must leave alone (found by a review of the change)
def test_a_past_event_planned_by_someone_is_no_event_to_come(analyze_text):
    analysis = analyze_text("The raid on the depot, which killed six guards, was planned by militia commanders in "
                            "Bunia, officials said.", published="2024-05-09")
    assert [m.modality for m in _of_type(analysis, "ASSAULT")] == ["asserted"]


def test_an_attack_drills_are_designed_to_repel_is_not_said_to_have_happened(analyze_text):
    analysis = analyze_text("Latvia held drills on Monday designed to repel an attack on its eastern border.",
                            published="2024-05-09")
    assert [m.modality for m in _of_type(analysis, "ASSAULT")] == ["hypothetical"]


def test_an_aside_between_commas_leaves_what_was_ruled_out_ruled_out(analyze_text):
    analysis = analyze_text("Berlin ruled out, for now, sending tanks to Ukraine.", published="2024-05-09")
    [sending] = [m for m in analysis.mentions if m.trigger == "sending"]
    assert sending.modality == "negated"


def test_an_arrest_to_stop_someone_doing_something_is_not_aimed_at_them(analyze_text):
    analysis = analyze_text("Police arrested 40 people in Dhaka to stop the opposition from holding a rally.",
                            published="2024-05-09")
    [arrest] = _of_type(analysis, "COERCE")
    assert _names(arrest)[1:] == ["40 people"]


def test_gunmen_who_shot_a_groups_commander_are_not_that_group(analyze_text):
    analysis = analyze_text("The Salween Front attacked an army post on Sunday. On Monday a commander of the Salween "
                            "Front was shot dead by gunmen near Myawaddy.", published="2024-05-09")
    [shooting] = [m for m in analysis.mentions if m.trigger == "shot"]
    assert _names(shooting)[0] == "gunmen"


def test_a_town_before_a_site_noun_still_places_the_event(analyze_text):
    analysis = analyze_text("Police fired tear gas at traders in Kisumu market on Monday.", published="2024-05-09")
    [force] = _of_type(analysis, "COERCE")
    assert force.place.name == "Kisumu"


def test_striking_people_one_was_convicted_of_is_still_an_assault(analyze_text):
    analysis = analyze_text("The soldier was convicted of striking detainees at the camp in Bagram.", published="2024-05-09")
    assert [m.trigger for m in _of_type(analysis, "ASSAULT")] == ["striking"]


def test_a_body_whose_name_opens_with_a_title_word_stays_a_body(nlp):
    doc = nlp("Egypt's General Intelligence Service hosted negotiators in Cairo on Sunday.")
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index("General"), words.index("Service") + 1, label="ORG")]
    assert list(EntityTable.from_docs([doc], [0]).entities) == ["general intelligence service"]


def test_a_landmark_several_capitals_have_places_nothing_abroad_but_one_of_a_kind_does(analyze_text):
    analysis = analyze_text("FREETOWN, May 6 - Sierra Leonean police fired tear gas at traders gathered outside the "
                            "Capitol on Monday.", published="2024-05-09")
    [force] = _of_type(analysis, "COERCE")
    assert force.place.name == "Freetown"
    analysis = analyze_text("Kenyan doctors held a rally outside the White House on Saturday.", published="2024-05-09")
    [rally] = _of_type(analysis, "PROTEST")
    assert rally.place.name == "Washington"


def test_a_people_named_once_in_passing_does_not_stop_a_local_reports_country(analyze_text):
    analysis = analyze_text("Riot police detained 30 opposition supporters in Serrekunda on Monday. The Sierra Leonean "
                            "mediator Amadu Koroma arrived in Banjul on Tuesday. Police fired tear gas in Brikama on "
                            "Wednesday.", published="2024-05-09")
    assert [_names(m)[0] for m in _of_type(analysis, "COERCE")] == ["Gambian riot police", "Gambian police"]
    analysis = analyze_text("Troops sent from Rwanda entered Goma on Monday. Troops then shelled the airport.",
                            published="2024-05-09")
    assert [_names(m)[0] for m in _of_type(analysis, "ASSAULT")] == ["Troops"]


def test_a_crowd_weapon_used_on_people_is_force_on_them(analyze_text):
    analysis = analyze_text("Gendarmes used batons and stun grenades against marching opposition supporters in Abidjan "
                            "on Monday. Officers used pepper spray on demonstrators outside parliament in Tbilisi. The "
                            "army used helicopters to evacuate villagers from Beira.", published="2024-05-09")
    assert [(m.trigger, _names(m)[-1]) for m in _of_type(analysis, "COERCE")] == [
        ("used", "marching opposition supporters"), ("used", "Georgian demonstrators")]
