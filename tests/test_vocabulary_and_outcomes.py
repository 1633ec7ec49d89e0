"""Conflict and speech words the vocabulary reads (bombard, loot, lynch, occupy, siege, exile,
deplore, implore, snub, relinquish…); acts that were foiled, ruled out or held back; hearsay;
a recalled event kept apart from the report's own; a clock time that is no year. Every sentence
here was written for the test; places and people are invented."""
import pytest

from eventscribe.timeparse import find_expressions


def _asserted_types(analysis):
    return [m.type for m in analysis.mentions if m.modality == "asserted"]


@pytest.mark.parametrize("text, type_", [
    ("Jets bombarded the port of Selim on Monday.", "ASSAULT"),
    ("Army helicopters strafed the rebel camp near Orvik at dawn.", "ASSAULT"),
    ("Militia fighters besieged the garrison town for nine days.", "ASSAULT"),
    ("Artillery pounded the eastern districts of Velka overnight.", "ASSAULT"),
    ("Soldiers razed two villages suspected of sheltering insurgents.", "ASSAULT"),
    ("Crowds looted shops in the capital after the verdict was read.", "ASSAULT"),
    ("A mob lynched a man outside the mosque in Rasa on Friday.", "ASSAULT"),
    ("Rebel fighters occupied the airport on Saturday.", "ASSAULT"),
    ("Students occupied the rector's office in protest at the fee rise.", "PROTEST"),
    ("The siege of Marrat by government troops ended on Sunday.", "ASSAULT"),
    ("A firefight between smugglers and border guards left two dead near Ulu.", "ASSAULT"),
    ("The junta exiled the former premier to Togo.", "COERCE"),
    ("The bishops deplored the killing of the three nuns.", "ACCUSE"),
    ("The mayor implored the government to send fuel to the besieged town.", "REQUEST"),
    ("The prime minister snubbed the summit, sending a junior minister instead.", "REJECT"),
    ("The colonel relinquished control of the northern garrison to civilian police.", "CONCEDE"),
])
def test_the_vocabulary_reads_these_acts(analyze_text, text, type_):
    assert type_ in _asserted_types(analyze_text(text))


def test_a_table_pounded_is_no_attack(analyze_text):
    assert "ASSAULT" not in _asserted_types(analyze_text("The senator pounded the table as she spoke."))


@pytest.mark.parametrize("text, trigger, modality", [
    ("Security forces foiled a plot to bomb the parliament in Dakar.", "plot", "negated"),
    ("The army thwarted an attack on the northern pipeline.", "attack", "negated"),
    ("The government ruled out sanctions against its northern neighbour.", "sanctions", "negated"),
    ("Kampala stopped short of accusing Kigali of arming the rebels.", "accusing", "negated"),
    ("The minister refrained from criticising the army in his speech.", "criticising", "negated"),
    ("Police allegedly beat the student inside the station.", "beat", "reported"),
    ("The minister claimed that Chad had supplied arms to the rebels.", "supplied", "reported"),
])
def test_acts_held_back_or_only_claimed_did_not_happen(analyze_text, text, trigger, modality):
    mention = next(m for m in analyze_text(text).mentions if m.trigger == trigger)
    assert mention.modality == modality


def test_a_recalled_event_with_its_own_year_is_apart_from_the_reports_own(analyze_text):
    """An act the report tells without a date is of the report's present: an act of the same
    sides three years earlier is another event, with its own date."""
    text = ("Azerian forces launched an offensive against Bellia's northern province.\n\n"
            "Three years ago, Azerian forces attacked Bellia's northern province as well.")
    analysis = analyze_text(text, published="2024-05-10")
    attacks = [m for m in analysis.mentions if m.type == "ASSAULT" and m.modality == "asserted"]
    assert len({m.event_key for m in attacks}) == 2


@pytest.mark.parametrize("text, expected", [
    ("Polling stations close at 2015 GMT on June 3.", ["June 3"]),
    ("The curfew starts at 2100 local time.", []),
    ("Troops moved at 0600 hours.", []),
    ("The accord of 1995 still holds.", ["1995"]),
])
def test_a_clock_time_is_no_year(text, expected):
    assert [words for _, _, words in find_expressions(text)] == expected


def test_tariffs_rolled_back_are_a_concession_and_a_plan_rolled_out_is_not(analyze_text):
    assert "CONCEDE" in _asserted_types(analyze_text("The government rolled back the new tariffs on rice."))
    assert not analyze_text("The ministry rolled out a new vaccination plan.").mentions


def test_a_thing_returned_to_a_state_is_given_back_however_parsed(analyze_text):
    mention = next(m for m in analyze_text("Belgium returned a looted bronze mask to Nigeria on Tuesday.").mentions
                   if m.type == "CONCEDE")
    assert [(p.role, p.name) for p in mention.participants] == [("actor", "Belgium"), ("recipient", "Nigeria")]


@pytest.mark.parametrize("text, type_", [
    ("The government announced a three-day ceasefire with the rebels to mark the holiday.", "CONCEDE"),
    ("The army and the rebels declared a truce on Sunday.", "AGREE"),
])
def test_a_ceasefire_one_side_announces_is_its_concession(analyze_text, text, type_):
    types = {m.type for m in analyze_text(text).mentions if m.trigger in ("ceasefire", "truce")}
    assert types == {type_}


@pytest.mark.parametrize("text, type_", [
    ("The rebels handed the hostages to the Red Cross in Goma.", "CONCEDE"),
    ("Armenia handed over four captured soldiers to Azerbaijani officials.", "CONCEDE"),
    ("The EU handed over two tonnes of medicine to the Red Cross.", "AID"),
])
def test_handing_over_captives_lets_them_go_and_handing_over_goods_is_aid(analyze_text, text, type_):
    assert [m.type for m in analyze_text(text).mentions if m.trigger == "handed"] == [type_]


def test_a_gang_said_who_it_is_is_a_side(analyze_text):
    accuse = next(m for m in analyze_text("The governor blamed smuggling gangs for the shortages.").mentions
                  if m.type == "ACCUSE")
    assert ("recipient", "smuggling gangs") in [(p.role, p.name) for p in accuse.participants]


@pytest.mark.parametrize("text, type_", [
    ("Authorities in Conakry suspended publication of the country's largest daily on Monday.", "COERCE"),
    ("The EU suspended budget aid to Mali.", "SANCTION"),
])
def test_suspending_a_newspaper_silences_it_and_suspending_aid_cuts_it(analyze_text, text, type_):
    assert [m.type for m in analyze_text(text).mentions if m.trigger == "suspended"] == [type_]


@pytest.mark.parametrize("text, trigger, type_", [
    ("Kenyan peacekeepers arrive in Mogadishu.", "arrive", "AID"),
    ("The first contingent of Ghanaian peacekeepers arrived in Juba on Monday.", "arrived", "AID"),
    ("The Kenyan president arrived in Kampala for talks.", "arrived", "CONSULT"),
    ("Japan doubled its humanitarian aid to Sudan.", "doubled", "AID"),
    ("Militiamen turned back the WFP convoy at a checkpoint near Kalemie.", "turned", "REJECT"),
])
def test_aid_that_arrives_or_grows_and_a_convoy_turned_back(analyze_text, text, trigger, type_):
    assert [m.type for m in analyze_text(text).mentions if m.trigger == trigger] == [type_]


@pytest.mark.parametrize("text", [
    "The central bank doubled interest rates.",
    "The governor turned back the clock on the reforms.",
])
def test_doubling_rates_or_turning_back_the_clock_is_no_event(analyze_text, text):
    assert not analyze_text(text).mentions
