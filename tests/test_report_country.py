"""Which country a report is about, read from the whole report.

A reader knows whose police act in a report from Bogota on a release that Mexico brokered, and
that 'Mérida' in a report on Venezuela is the Venezuelan town, not the larger Mexican one. Every
sentence here was written for the test; people, groups and bodies are invented."""
import pytest

from eventscribe.analyze.home import place_names


def _of_type(analysis, type_):
    return [m for m in analysis.mentions if m.type == type_]


def _sides(mention, role):
    return [p.name for p in mention.participants if p.role == role]


# A report filed in Bogota on a release that Mexico and Norway guarantee: Colombia and Mexico
# are named about as often; the unnamed army is the country's the report was filed in, not the
# country of the town its sentence names.
_BROKERED_RELEASE = (
    "BOGOTA, March 3 - Four Colombian police officers held by the Frente Andino del Norte were freed "
    "on Monday, officials said.\n\n"
    "The officers were handed to a commission of Mexican and Norwegian diplomats near the town of Tame.\n\n"
    "Mexico and Norway guarantee the talks between the group and the government of Colombia, which "
    "are due to resume in Mexico City this month.\n\n"
    "The army deployed 600 troops to the area on Tuesday, a day after a round of talks in Mexico City "
    "was put off.\n\n"
    "Talks last met in Mexico in January; Colombia suspended them after an attack on a pipeline.\n\n"
    "Officials in Colombia said the release was a gesture of goodwill."
)


def test_a_report_without_a_dominant_country_is_of_the_country_it_was_filed_in(analyze_text):
    analysis = analyze_text(_BROKERED_RELEASE, published="2026-03-03")
    deployment = _of_type(analysis, "MOBILIZE")[0]
    assert [p.name for p in deployment.participants if "army" in p.name.lower()] == ["Colombian army"]


def test_a_dateline_named_seldom_does_not_make_the_report_its_countrys(analyze_text):
    # filed in Panama City, about Colombia and Mexico, which the report names far more often
    text = _BROKERED_RELEASE.replace("BOGOTA, March 3", "PANAMA CITY, March 3").replace(
        "Officials in Colombia", "Officials in Mexico").replace("government of Colombia", "government")
    deployment = _of_type(analyze_text(text, published="2026-03-03"), "MOBILIZE")[0]
    assert not any(p.name.startswith("Panamanian") for p in deployment.participants)


def test_countries_named_where_no_event_is_told_count_too():
    names = place_names("Relatives waited outside. In Colombia, they said, nobody is safe. The Colombian flag flew.")
    assert "In Colombia" in names and "The Colombian" in names


_SPANISH_MERIDA = (
    "Spain's farmers blocked roads across Extremadura on Thursday.\n\n"
    "Police in Mérida detained eleven protesters after tractors closed the ring road, Spanish media said.\n\n"
    "The farmers' union called for more protests in Spain next week."
)


def test_a_town_of_a_name_several_countries_hold_is_the_one_in_the_country_the_report_names(analyze_text):
    detention = _of_type(analyze_text(_SPANISH_MERIDA, published="2026-02-12"), "COERCE")[0]
    assert detention.place is not None and (detention.place.name, detention.place.country) == ("Mérida", "ESP")
    assert "Spanish police" in _sides(detention, "actor")


def test_a_town_in_a_country_the_report_names_stays_where_it_is(analyze_text):
    text = _SPANISH_MERIDA.replace("Spain's farmers", "Mexican farmers").replace("Spanish media", "local media") \
        .replace("in Spain next week", "next week").replace("across Extremadura", "across Yucatán")
    detention = _of_type(analyze_text(text, published="2026-02-12"), "COERCE")[0]
    assert detention.place is not None and detention.place.country == "MEX"


def test_the_country_a_report_was_filed_in_is_its_country_however_often_it_names_another(analyze_text):
    text = ("NARVA - Relatives of three Estonian fishermen held in Russia since Sunday waited at the border "
            "bridge on Tuesday.\n\n"
            "Russia says the men crossed into Russian waters on Lake Peipus. Russian border guards took them to "
            "Pskov, and a Russian court is due to rule on their custody this week. Russia has not let Estonian "
            "consuls see them.\n\n"
            "On Monday the Foreign Ministry summoned Russia's ambassador and handed him a protest note.\n\n"
            "Estonia's prime minister said Russia was holding the men as hostages.")
    summons = _of_type(analyze_text(text, published="2026-03-10"), "ACCUSE")[0]
    assert (_sides(summons, "actor"), _sides(summons, "recipient")) == (["Estonia"], ["Russia"])


def test_a_coup_reports_soldiers_are_not_named_as_the_state_they_seized(analyze_text):
    text = ("NIAMEY - Soldiers seized the state broadcaster on Wednesday and announced that the president had "
            "been removed.\n\nThe junta said it had dissolved the government of Niger. Troops detained the "
            "president at the residence.\n\nNiger's neighbours condemned the coup, and Niger's borders stayed shut.")
    analysis = analyze_text(text, published="2025-07-27")
    doers = {p.name for m in _of_type(analysis, "COERCE") for p in m.participants if p.role == "actor"}
    assert {"Soldiers", "Troops"} <= doers
    assert not any(name.startswith("Nigerien") for name in doers)


def test_a_doer_inferred_for_an_arrest_does_not_make_it_another_act_of_the_state(analyze_text):
    text = ("TBILISI, 20 May - On 14 May riot police dispersed a rally of some 2,000 people in "
            "Tbilisi's Freedom Square.\n\n"
            "The opposition leader Levan Gogoladze has been detained, his lawyer said on Monday.\n\n"
            "Georgia's government says the rally was unauthorised. Georgian officials declined to comment on "
            "the detention, and Georgia's ombudswoman asked to visit him.")
    dispersal, detention = _of_type(analyze_text(text, published="2026-05-20"), "COERCE")
    assert dispersal.event_key != detention.event_key
    assert (_sides(detention, "actor"), _sides(detention, "recipient")) == (["Georgia"], ["Levan Gogoladze"])


def test_a_seat_of_power_said_to_be_in_a_town_is_in_that_town(analyze_text):
    # Russia's seat of government in Moscow is called the White House too
    analysis = analyze_text("Riot police dispersed a rally outside the White House in Moscow on Monday.",
                            published="2025-11-10")
    dispersal = _of_type(analysis, "COERCE")[0]
    assert dispersal.place is not None and (dispersal.place.name, dispersal.place.country) == ("Moscow", "RUS")
    assert _sides(dispersal, "actor") == ["Russian riot police"]
    alone = _of_type(analyze_text("Riot police dispersed a rally outside the White House on Monday.",
                                  published="2025-11-10"), "COERCE")[0]
    assert alone.place is not None and alone.place.name == "Washington"


_MARCH_AND_DETENTIONS = (
    "LUSAKA - Supporters of the Kafue Workers' Alliance marched on parliament in Lusaka on Tuesday to demand "
    "higher maize prices.\n\n"
    "Twenty-three people were detained, the alliance said. Zambia's government called the march illegal.\n\n"
    "Zambia's interior minister said officers had acted within the law, and Zambian officials promised an inquiry."
)


def test_people_detained_without_a_doer_were_detained_by_the_state_from_the_crowd_just_told(analyze_text):
    analysis = analyze_text(_MARCH_AND_DETENTIONS, published="2026-04-09")
    march = _of_type(analysis, "PROTEST")[0]
    detention = _of_type(analysis, "COERCE")[0]
    assert _sides(detention, "actor") == ["Zambia"]
    assert _sides(detention, "recipient") == _sides(march, "actor")


def test_a_detention_whose_doer_is_told_is_not_given_the_state(analyze_text):
    text = ("CHISINAU - Moldova said on Monday that two Moldovan truck drivers whom Transnistrian guards detained at "
            "a checkpoint last week were still held.\n\nMoldova's foreign ministry called the detention unlawful. "
            "Moldovan officials demanded their release.")
    detention = _of_type(analyze_text(text, published="2026-04-09"), "COERCE")[0]
    assert _sides(detention, "actor") == ["Transnistrian guards"]


def test_officers_who_arrest_are_the_report_countrys(analyze_text):
    text = ("BANGKOK - Thailand's student movement said on Monday that officers from a Bangkok police station "
            "arrested two of its leaders at dawn.\n\nThai police said the two were wanted for sedition. Thailand's "
            "government declined to comment. Thai officials said the arrests were lawful.")
    arrest = _of_type(analyze_text(text, published="2026-03-20"), "COERCE")[0]
    assert _sides(arrest, "actor") == ["Thai officers"]


@pytest.mark.parametrize("text, summoned", [
    ("Tajik Foreign Minister Farid Rahimov summoned the Uzbek ambassador on Sunday.", "Uzbekistan"),
    ("Baghdad summoned Kuwait's charge d'affaires after the border incident.", "Kuwait"),
    ("Pakistan's Foreign Office summoned the Afghan head of mission in Islamabad on Tuesday.", "Afghanistan"),
])
def test_an_envoy_summoned_by_office_alone_is_summoned_for_the_state(analyze_text, text, summoned):
    summons = _of_type(analyze_text(text, published="2026-03-12"), "ACCUSE")[0]
    assert _sides(summons, "recipient") == [summoned]


def test_an_envoy_expelled_stays_the_envoy(analyze_text):
    text = "Guinea's junta expelled the Senegalese ambassador on Tuesday."
    expulsion = _of_type(analyze_text(text, published="2026-03-12"), "SANCTION")[0]
    assert _sides(expulsion, "recipient") == ["Senegalese ambassador"]


@pytest.mark.parametrize("text, place", [
    ("Canadian and Chinese trade ministers met in London on Monday.", ("London", "GBR")),
    ("The U.S. envoy met Iranian officials in Paris on Tuesday.", ("Paris", "FRA")),
])
def test_a_capital_stays_where_it_is_whatever_countries_the_report_names(analyze_text, text, place):
    meeting = _of_type(analyze_text(text, published="2026-03-12"), "CONSULT")[0]
    assert meeting.place is not None and (meeting.place.name, meeting.place.country) == place


def test_a_full_stop_ends_a_run_of_names():
    assert place_names("Refugees crossed from Chad. Cameroon says the camps are full.") == ["Refugees", "Chad", "Cameroon"]
