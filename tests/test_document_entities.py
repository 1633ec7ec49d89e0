"""Who is who across a report: descriptions of named bodies ('the bloc'), pairs ('both
countries', 'the two sides') and groups named by their states ('envoys from Ghana and Togo').
Every text here is written for these tests; the bodies and people are invented."""
from __future__ import annotations

import pytest

from eventscribe.analyze.entities import Entity, singular
from eventscribe.model import Participant


def _sides(analysis, trigger: str) -> list[tuple[str, str]]:
    mention = next(m for m in analysis.mentions if m.trigger == trigger)
    return sorted((p.name, p.role) for p in mention.participants)


def _names(analysis, trigger: str) -> set[str]:
    return {name for name, _ in _sides(analysis, trigger)}


@pytest.mark.parametrize("text, trigger, body", [
    # an apposition names what the body is
    ("The Lake Basin Council, a regional bloc of six states, met in Kampala on Monday.\n\n"
     "On Tuesday the bloc suspended Burundi from its fisheries programme.", "suspended", "Lake Basin Council"),
    # the head word of its own name
    ("The Southern Grain Union imposed export quotas on Malawi in March.\n\n"
     "Two weeks later the union lifted the quotas after talks with Lilongwe.", "lifted", "Southern Grain Union"),
    # a modifier before the name; the description later in the plural
    ("Chad's paramilitary Desert Shield Brigades attacked an army garrison near Abeche on Sunday.\n\n"
     "The paramilitaries seized the town's airstrip hours later.", "seized", "Desert Shield Brigades"),
    # wire style: the description first, the name in apposition
    ("NAIROBI (Reuters) - The regional body, the Horn Security Alliance, condemned the raid on Friday.\n\n"
     "The alliance accused Eritrea of arming the raiders.", "accused", "Horn Security Alliance"),
])
def test_a_description_is_the_body_the_report_named(analyze_text, text, trigger, body):
    analysis = analyze_text(text, published="2023-04-02")
    mention = next(m for m in analysis.mentions if m.trigger == trigger)
    described = [p for p in mention.participants if p.surface is not None]
    assert [p.name for p in described] == [body]
    # the evidence shows the words it was read from
    assert analysis.text[described[0].start:described[0].end].lower().endswith(described[0].surface.lower().split()[-1])


def test_a_description_with_another_modifier_is_not_the_body(analyze_text):
    """'government forces' are not the rebel 'Red Hill Forces' the report named."""
    text = ("Fighters of the Red Hill Forces overran a police post in the north on Monday.\n\n"
            "Government forces shelled the rebels' positions on Tuesday.")
    analysis = analyze_text(text, published="2023-04-02")
    assert "Red Hill Forces" not in {p.name for m in analysis.mentions if m.trigger == "shelled"
                                     for p in m.participants if p.role == "actor"}


def test_the_army_is_not_a_rebel_army_the_report_named(analyze_text):
    text = ("The Kessel Liberation Army ambushed a convoy near the border on Monday.\n\n"
            "The army arrested twelve suspects in the capital on Tuesday.")
    analysis = analyze_text(text, published="2023-04-02")
    actors = {p.name for m in analysis.mentions if m.trigger == "arrested" for p in m.participants if p.role == "actor"}
    assert "Kessel Liberation Army" not in actors


def test_a_title_case_headline_is_no_body(analyze_text):
    """NER reads a whole title-case headline as one organisation; the table does not take it."""
    text = ("Regional Bloc Sanctions Port Authority Over Grain Seizure\n\n"
            "The bloc froze the accounts of four shipping firms on Monday.")
    analysis = analyze_text(text, title="Regional Bloc Sanctions Port Authority Over Grain Seizure", published="2023-04-02")
    assert not [p for m in analysis.mentions if m.trigger == "froze" for p in m.participants if p.surface == "bloc"]


@pytest.mark.parametrize("text, trigger, states", [
    ("Foreign ministers of Chile and Peru met in Geneva on Monday. Both countries agreed to reopen their embassies.",
     "agreed", {"Chile", "Peru"}),
    # the last two named, not the broker named first; a city is no state
    ("Kenya brokered the meeting. Officials from Ethiopia and Somalia met in Nairobi on Monday.\n\n"
     "The two countries agreed to reopen the Dolow border crossing.", "agreed", {"Ethiopia", "Somalia"}),
])
def test_both_countries_are_the_last_two_states_named(analyze_text, text, trigger, states):
    analysis = analyze_text(text, published="2023-04-02")
    assert _names(analysis, trigger) == states


def test_the_two_sides_are_the_sides_of_the_last_event_naming_two(analyze_text):
    text = ("Talks between the government of Moldova and the Gagauz Assembly resumed in Comrat on Friday.\n\n"
            "The two sides signed a memorandum on language rights.")
    analysis = analyze_text(text, published="2023-04-02")
    names = {n.removeprefix("the ") for n in _names(analysis, "memorandum")}
    assert "Gagauz Assembly" in names and any(n.endswith("Moldova") for n in names)


@pytest.mark.parametrize("sentence", [
    "Envoys from Ghana and Togo held talks in Accra.",
    "Envoys from Ghana and Togo held a second round of talks in Accra.",
    "The foreign ministers of Ghana and Togo held a new round of talks in Accra.",
    "Diplomats from Ghana and Togo met in Accra on Wednesday.",
])
def test_a_group_named_by_its_states_is_those_states(analyze_text, sentence):
    analysis = analyze_text(sentence, published="2023-04-02")
    consult = [m for m in analysis.mentions if m.type == "CONSULT"]
    assert consult and {p.name for p in consult[0].participants} == {"Ghana", "Togo"}


def test_a_description_fits_by_its_head_and_modifiers():
    bloc = Entity("Lake Basin Council", "ORG", "council", describers={"bloc", "regional"},
                  name_words={"lake", "basin", "council"})
    assert bloc.fits("bloc", set()) and bloc.fits("bloc", {"regional"}) and bloc.fits("council", set())
    assert not bloc.fits("bloc", {"western"})
    army = Entity("Kessel Liberation Army", "ORG", "army", name_words={"kessel", "liberation", "army"})
    assert not army.fits("army", set())          # a generic state noun: only through a description
    assert [singular(w) for w in ("paramilitaries", "forces", "bloc", "press")] == ["paramilitary", "force", "bloc", "press"]


@pytest.mark.parametrize("sentence, name, affiliation", [
    ("King Tomas of Sweden received the visiting envoy at the palace on Monday.", "Tomas", "Sweden"),
    ("Rebels in the Central African Republic attacked a police station near Bria.", "Rebels", "Central African Republic"),
    ("Security forces in Gabon arrested two reporters in Libreville on Friday.", "Security forces", "Gabon"),
    # a people named by its ethnicity lives in the land named after it
    ("Ethnic Hungarians in Slovakia protested against the language law on Sunday.", "Ethnic Hungarians", "Slovakia"),
])
def test_the_state_named_after_a_person_or_group_is_its_affiliation(analyze_text, sentence, name, affiliation):
    analysis = analyze_text(sentence, published="2023-04-02")
    found = [p for m in analysis.mentions for p in m.participants if p.name == name]
    assert found and found[0].affiliation == affiliation


def _consults(analysis):
    return [m for m in analysis.mentions if m.type == "CONSULT" and m.modality == "asserted"]


@pytest.mark.parametrize("text", [
    # wire style: the sides in the lead, the talks bare two sentences on
    ("Guatemala and Honduras agreed on Monday to reopen their shared border crossing at Agua Caliente.\n\n"
     "The decision came after talks in Tegucigalpa that lasted until late on Sunday."),
    # the talks first, the sides named in the next sentence
    ("The negotiations in Geneva ended without a breakthrough, a spokesman said.\n\n"
     "Serbia and Kosovo will meet again next month, he added."),
])
def test_bare_talks_take_the_sides_named_nearby(analyze_text, text):
    analysis = analyze_text(text, published="2024-05-14")
    bare = [m for m in _consults(analysis) if m.trigger in ("talks", "negotiations")]
    assert bare and len(bare[0].participants) == 2


@pytest.mark.parametrize("text", [
    # a named or owned summit is another event with its own sides
    ("Guatemala and Honduras agreed on Monday to reopen the crossing.\n\n"
     "The measure will be reviewed at the Mercosur summit in Asuncion."),
    ("Guatemala and Honduras agreed on Monday to reopen the crossing.\n\n"
     "It was not discussed at the leaders' summit in Panama City."),
    # a meeting dated by its own words is its own event
    ("Guatemala and Honduras agreed on Monday to reopen the crossing.\n\n"
     "On 3 March 2019, during a meeting in Antigua, the idea was first raised."),
    # a process is no meeting
    ("Guatemala and Honduras agreed on Monday to reopen the crossing after years of dialogue.\n\n"
     "The talks have never produced a treaty."),
])
def test_a_named_dated_or_unsure_event_takes_no_sides_from_nearby(analyze_text, text):
    analysis = analyze_text(text, published="2024-05-14")
    filled = [m for m in _consults(analysis) if m.trigger in ("summit", "meeting", "talks") and len(m.participants) == 2
              and {p.name for p in m.participants} == {"Guatemala", "Honduras"}]
    assert not filled, [(m.trigger, m.participants) for m in filled]


def test_unnamed_sides_of_a_one_country_report_are_that_country_s(analyze_text):
    text = ("LA PAZ - Bolivian riot police broke up a rally in Cochabamba on Saturday, Bolivian media said.\n\n"
            "Security forces arrested dozens of protesters, according to Bolivia's police.\n\n"
            "Chile urged restraint.")
    analysis = analyze_text(text, published="2024-02-12")
    arrested = next(m for m in analysis.mentions if m.trigger == "arrested")
    names = {p.name for p in arrested.participants}
    assert {"Bolivian security forces", "Bolivian protesters"} <= names


def test_unnamed_sides_of_a_two_country_report_stay_as_written(analyze_text):
    text = ("Ethiopian and Eritrean troops clashed near Zalambessa on Monday, Ethiopia's army said.\n\n"
            "Eritrea accused Ethiopia of crossing the border; Ethiopia said Eritrean forces fired first.\n\n"
            "Troops from both sides were injured.")
    analysis = analyze_text(text, published="2024-02-12")
    assert not [p for m in analysis.mentions for p in m.participants if p.name.startswith(("Ethiopian troops", "Eritrean troops")) and p.surface]


def test_the_sole_holder_of_a_title_is_who_the_title_means(analyze_text):
    text = ("Canadian Prime Minister Lena Dufresne met Mexican President Tomas Ibarra in Ottawa on Monday.\n\n"
            "The Prime Minister and the President signed a water-sharing accord.")
    analysis = analyze_text(text, published="2024-02-12")
    accord = next(m for m in analysis.mentions if m.type == "AGREE")
    assert {p.name for p in accord.participants} == {"Lena Dufresne", "Tomas Ibarra"}


def test_another_event_s_day_does_not_date_a_new_event(analyze_text):
    text = ("Police arrested the opposition leader Maria Kovacs on Tuesday.\n\n"
            "Farmers blocked highways across the country with tractors.")
    analysis = analyze_text(text, published="2024-02-16")
    protest = next(m for m in analysis.mentions if m.type == "PROTEST")
    assert protest.date.precision == "month" and protest.date.value == "2024-02"


def test_officials_of_the_two_sides_are_those_sides(analyze_text):
    text = ("Nepal and Bhutan agreed on Monday to hold border talks.\n\n"
            "Trade officials of the two sides are meeting in Phuentsholing this week to settle the dispute.")
    analysis = analyze_text(text, published="2024-03-08")
    meeting = next(m for m in analysis.mentions if m.trigger == "meeting")
    assert {p.name for p in meeting.participants} == {"Nepal", "Bhutan"}


@pytest.mark.parametrize("text, trigger, expected", [
    # 'it' continues the body the sentence before was about
    ("The Nordic Council met in Oslo on Monday.\n\nIt condemned the arrest of a Belarusian reporter.",
     "condemned", {("Nordic Council", "actor")}),
    # 'it' is the speaker whose words it is the subject of
    ("Kenya's interior ministry said on Friday that it had expelled two Ugandan diplomats.",
     "expelled", {("Kenya's interior ministry", "actor"), ("Ugandan diplomats", "recipient")}),
    # 'they' continues a plural subject, here in a second paragraph
    ("Border police cleared the main square of Tbilisi on Sunday night.\n\nThey detained thirty students.",
     "detained", {("Border police", "actor"), ("students", "recipient")}),
    # 'it' in a clause of what the main clause's subject was doing meanwhile (and the positions
    # shelled are the Front's)
    ("The army pushed towards Gao on Monday as it shelled the positions of the Sahel Front.", "shelled",
     {("army", "actor"), ("Sahel Front", "recipient")}),
    # 'they' for two named leaders: both of them
    ("President Aline Mutesi and President Joao Baptista met in Luanda on Monday.\n\n"
     "They signed a treaty on river shipping.", "treaty", {("Aline Mutesi", "actor"), ("Joao Baptista", "actor")}),
])
def test_a_pronoun_is_the_side_it_continues(analyze_text, text, trigger, expected):
    assert set(_sides(analyze_text(text, published="2023-04-02"), trigger)) == expected


@pytest.mark.parametrize("text, trigger", [
    # 'it' is never a person, 'they' never one body
    ("President Aline Mutesi toured the flooded districts on Monday.\n\nIt condemned the looting of aid depots.",
     "condemned"),
    ("The Nordic Council met in Oslo on Monday.\n\nThey condemned the arrest of a Belarusian reporter.", "condemned"),
    # only the sentence just before: a paragraph in between about something else breaks the chain
    ("The Nordic Council met in Oslo on Monday.\n\nThe afternoon was cold and wet in the capital.\n\n"
     "It condemned the arrest of a Belarusian reporter.", "condemned"),
])
def test_a_pronoun_that_does_not_agree_stays_unread(analyze_text, text, trigger):
    sides = _sides(analyze_text(text, published="2023-04-02"), trigger)
    assert not any(role == "actor" for _, role in sides), sides


def test_both_nations_are_the_states_their_leaders_were_named_by(analyze_text):
    analysis = analyze_text("Chilean President Ana Lagos received Peruvian President Tomas Quispe in Santiago on "
                            "Thursday.\n\nBoth nations later agreed to reopen the border crossing.", published="2024-03-08")
    assert _sides(analysis, "agreed") == [("Chile", "actor"), ("Peru", "actor")]



def test_a_visit_the_sentence_orders_before_another_is_its_own_event(analyze_text):
    # the premier's tour and the foreign minister's earlier visit are two events; the earlier
    # one does not take the day the narrative is at
    analysis = analyze_text("On Friday the Chinese premier landed in Nairobi for talks with President Ruto.\n\n"
                            "The premier's tour followed an earlier visit to Kenya by the Japanese foreign minister.",
                            published="2024-03-16")
    visit = next(m for m in analysis.mentions if m.trigger == "visit")
    trip = next(m for m in analysis.mentions if m.trigger == "tour")
    assert visit.event_key != trip.event_key
    assert visit.date.value == "2024-03"


def test_members_of_a_named_delegation_are_of_its_body(analyze_text):
    analysis = analyze_text("A SWAPO delegation made up of John Haufiku and Maria Shilongo met Zambia's foreign "
                            "minister in Lusaka on Thursday.", published="2024-03-16")
    met = next(m for m in analysis.mentions if m.trigger == "met")
    assert {p.name: p.affiliation for p in met.participants if p.kind == "PERSON"}["Maria Shilongo"] == "SWAPO"


def test_an_event_owned_by_an_of_phrase_takes_no_sides_from_elsewhere(analyze_text):
    # the mediation is the envoy's, not a meeting of the two states just named
    analysis = analyze_text("Chad and Sudan signed a border accord in Doha on Monday.\n\n"
                            "The mediation of the special envoy lasted two months.", published="2024-03-16")
    assert not {"Chad", "Sudan"} & _names(analysis, "mediation")


@pytest.mark.parametrize("text, trigger, person", [
    # the office named alone is the one holder the report named before, wherever he was named
    ("Ghana's foreign minister, Kwame Mensah, arrived in Lome on Monday.\n\n"
     "The minister met President Faure Gnassingbe on Tuesday.", "met", "Kwame Mensah"),
    ("The special envoy of Norway, Erik Solberg, arrived in Bamako on Monday.\n\n"
     "The visiting envoy held talks with Foreign Minister Abdoulaye Diop on Tuesday.", "talks", "Erik Solberg"),
    # two ministers: 'the minister' is neither
    ("Finance Minister Kwame Mensah and Trade Minister Joseph Boakye arrived in Lome on Monday.\n\n"
     "The minister met President Faure Gnassingbe on Tuesday.", "met", None),
    # a lower-case office the tagger takes for a name after a time ('On Monday the president')
    ("Ghana's President Kwame Mensah arrived in Dakar on Sunday for a two-day visit.\n\n"
     "On Monday the president held talks with Senegal's prime minister on fishing rights.", "talks", "Kwame Mensah"),
    ("Trade Minister Joseph Boakye landed in Nairobi late on Sunday.\n\n"
     "On Tuesday the minister signed a grain deal with his Kenyan counterpart.", "deal", "Joseph Boakye"),
    # an office the report gives a person in apposition, before the name or by 'as', in a
    # sentence that tells no event itself
    ("Kwame Mensah, the chairman of the Coastal Farmers Union, spoke in Accra on Monday.\n\n"
     "On Wednesday the chairman met the agriculture minister to discuss fertiliser prices.", "met", "Kwame Mensah"),
    ("Chairman Joseph Boakye opened the congress on Monday.\n\n"
     "The Chairman received the visiting delegation of miners on Tuesday.", "received", "Joseph Boakye"),
    ("Joseph Boakye was sworn in as governor of the central bank on Monday.\n\n"
     "The governor met the heads of the commercial banks on Thursday.", "met", "Joseph Boakye"),
    # the office is the appointee's, not the appointer's
    ("Kwame Mensah named Joseph Boakye as its chairman on Monday.\n\n"
     "On Wednesday the chairman met the leaders of the farmers' unions.", "met", "Joseph Boakye"),
    # written with a capital and named by the state it is of
    ("Ghanaian President Kwame Mensah flew to Lome on Monday.\n\n"
     "The President of Ghana met Togo's leader Faure Gnassingbe on Tuesday.", "met", "Kwame Mensah"),
])
def test_an_office_named_alone_is_its_one_holder(analyze_text, text, trigger, person):
    analysis = analyze_text(text, published="2024-03-06")
    mention = next(m for m in analysis.mentions if m.trigger == trigger)
    named = [p for p in mention.participants if p.name in ("Kwame Mensah", "Joseph Boakye", "Erik Solberg")]
    assert [p.name for p in named] == ([person] if person else [])
    # the evidence points at the words the holder was named with
    assert all(analysis.text[p.start:p.end] == p.name for p in named)


def test_the_warring_parties_are_the_two_sides_the_report_fights_between(analyze_text):
    analysis = analyze_text("The warring parties in Chad have reached a truce, Gabonese mediators announced on Sunday.\n\n"
                            "Fighting between the army and the Sahel Liberation Front has killed hundreds since April.",
                            published="2024-03-16")
    assert _names(analysis, "reached") == {"army", "Sahel Liberation Front"}
    # with no fight named, the mark is dropped, not exported as a side
    alone = analyze_text("The warring parties reached a truce on Monday.", published="2024-03-16")
    assert _sides(alone, "reached") == []


@pytest.mark.parametrize("headline, sides", [
    ("Philippine government and Moro rebels sign truce", {"Philippine government", "Moro rebels"}),
    ("Senegalese government and Casamance rebels resume peace talks in Bissau", {"Senegalese government", "Casamance rebels"}),
    ("Chilean government and Mapuche groups agree truce", {"Chilean government", "Mapuche groups"}),
])
def test_two_sides_a_headline_joins_with_and_are_two(analyze_text, headline, sides):
    analysis = analyze_text(headline + "\nThe announcement came on Tuesday.", published="2024-06-05")
    mention = next(m for m in analysis.mentions if m.sentence == 0)
    assert {p.name for p in mention.participants} == sides


def test_only_an_office_makes_a_title_holder():
    # NER may read a rebel front named beside a government as a person "titled" by it; the
    # government named alone elsewhere is still the government, not the front
    from eventscribe.analyze.pipeline import _people_by_title
    front = Participant("the Karnali People's Liberation Front", "actor", title="Nepali government", kind="PERSON")
    envoy = Participant("Mira Sellen", "actor", title="Norwegian special envoy", kind="PERSON")
    holders = _people_by_title([front, envoy])
    assert "nepali government" not in holders and "government" not in holders
    assert holders["special envoy"] is envoy


def test_a_state_visit_has_no_side_called_state(analyze_text):
    analysis = analyze_text("President Ruto is on a State visit to Japan.", published="2024-05-02")
    visit = next(m for m in analysis.mentions if m.trigger == "visit")
    assert "State" not in {p.name for p in visit.participants}


def test_a_side_owned_by_a_name_keeps_the_name(analyze_text):
    analysis = analyze_text("Cabinda's rebels welcomed the accord on Wednesday.", published="2024-05-02")
    assert "Cabinda's rebels" in {p.name for m in analysis.mentions for p in m.participants}


@pytest.mark.parametrize("headline, target", [
    ("Canada sanctions Belarus’s ‘prison guards’", "Belarus’s prison guards"),
    ("EU sanctions Ruritania’s ‘palace guard’", "palace guard"),
])
def test_a_headline_s_sanctioned_side_is_read_without_its_quote_marks(analyze_text, headline, target):
    analysis = analyze_text(headline + "\n\nThe measures were announced on Monday.", published="2024-05-02")
    sanction = next(m for m in analysis.mentions if m.type == "SANCTION")
    assert (target, "recipient") in {(p.name, p.role) for p in sanction.participants}


def test_an_owner_is_not_the_holder_of_the_office_it_owns(analyze_text):
    analysis = analyze_text("Scholz's envoy met Kagame in Kigali on Monday.", published="2024-05-02")
    assert "Scholz" not in {p.name for m in analysis.mentions for p in m.participants}


@pytest.mark.parametrize("text", [
    "The Front said it took control of Gulu railway station and the police barracks.",
    "The two sides signed an MoU on energy.",
])
def test_a_site_taken_or_a_paper_signed_is_no_side(analyze_text, text):
    analysis = analyze_text(text, published="2024-05-02")
    names = {p.name for m in analysis.mentions for p in m.participants}
    assert analysis.mentions and not {"Gulu railway station", "railway station", "station", "MoU"} & names


@pytest.mark.parametrize("text, trigger", [
    ("The army clashed with the Northern Front near Kova on Monday.\nA truce between the two contenders took effect on Friday.",
     "truce"),
    ("The army clashed with the Northern Front near Kova on Monday.\nThe belligerents agreed to a truce on Friday.", "agreed"),
    ("The army clashed with the Northern Front near Kova on Monday.\nA truce between the two sides took effect on Friday.",
     "truce"),
])
def test_the_two_sides_of_a_fighting_report_are_its_belligerents(analyze_text, text, trigger):
    analysis = analyze_text(text, published="2024-05-20")
    mention = next(m for m in analysis.mentions if m.trigger == trigger)
    assert {p.name for p in mention.participants} == {"army", "Northern Front"}


@pytest.mark.parametrize("sentence, trigger, name, title", [
    # NER leaves the name out: the title words and the demonym are still not the name
    ("Chancellor Ilse Varga held talks with South African President Thabo Mkhize in Berlin.", "talks",
     "Thabo Mkhize", "South African President"),
    ("Nepalese Prime Minister Sita Gurung received Bhutanese Foreign Minister Dorji Wangmo in Kathmandu.",
     "received", "Dorji Wangmo", "Bhutanese Foreign Minister"),
    ("Riot police detained Opposition Leader Kwame Boateng outside parliament.", "detained",
     "Kwame Boateng", "Opposition Leader"),
])
def test_a_title_before_a_name_is_the_persons_title_not_part_of_the_name(analyze_text, sentence, trigger, name, title):
    mention = next(m for m in analyze_text(sentence).mentions if m.trigger == trigger)
    [person] = [p for p in mention.participants if p.name.endswith(name.split()[-1])]
    assert (person.name, person.title) == (name, title)


@pytest.mark.parametrize("text, trigger, side", [
    # the people of one state told of before by their nationality
    ("Twenty Indian soldiers were killed in a clash with Chinese troops in the Galwan valley on Monday night.\n\n"
     "On Tuesday an army spokesman said the soldiers had been beaten with iron rods by Chinese troops.",
     "beaten", "Indian soldiers"),
    ("Fourteen Nepalese soldiers were wounded when rebels ambushed a patrol in Rolpa district on Friday.\n\n"
     "Maoist fighters attacked the soldiers again near a bridge on Sunday, the army said.", "attacked", "Nepalese soldiers"),
    ("Police in Harare detained 40 Zimbabwean protesters on Saturday.\n\n"
     "A court freed the protesters on bail two days later.", "freed", "Zimbabwean protesters"),
])
def test_the_people_of_one_state_told_of_before_are_those_people(analyze_text, text, trigger, side):
    analysis = analyze_text(text, published="2025-11-05")
    assert side in _names(analysis, trigger)


@pytest.mark.parametrize("text, trigger", [
    # two states' soldiers: 'the soldiers' are either
    ("Sudanese soldiers and Chadian soldiers clashed near the border town of Adre on Monday.\n\n"
     "The soldiers exchanged fire again on Tuesday, witnesses said.", "exchanged"),
    # without 'the', soldiers may be anyone's
    ("Indian soldiers patrolled the valley on Monday.\n\nGunmen killed two soldiers near Sopore on Tuesday.", "killed"),
])
def test_people_not_surely_of_the_state_told_of_stay_as_written(analyze_text, text, trigger):
    analysis = analyze_text(text, published="2025-11-05")
    names = _names(analysis, trigger)
    assert "soldiers" in names and not {"Sudanese soldiers", "Chadian soldiers", "Indian soldiers"} & names


@pytest.mark.parametrize("sentence, trigger, sides", [
    # the parser hangs the second side on the first's 'of' phrase
    ("Talks between the government of Mozambique and the Renamo movement resumed in Maputo on Friday.", "Talks",
     {"government of Mozambique", "Renamo movement"}),
    ("The government of Uganda and the Rwenzori Freedom Movement agreed to halt hostilities.", "agreed",
     {"government of Uganda", "Rwenzori Freedom Movement"}),
    # the presidents of two states are of both
    ("The presidents of Kenya and Uganda met in Arusha on Monday.", "met", {"Kenya", "Uganda"}),
    # soldiers of an army are the army's; a group's full name before its generic head
    ("Soldiers of the Malian army killed dozens of villagers near Mopti.", "killed", {"Malian army", "Malian villagers"}),
    ("The Nepalese government and the Karen National Liberation Army rebel group have agreed to a truce.", "agreed",
     {"Nepalese government", "Karen National Liberation Army rebel group"}),
])
def test_each_side_of_an_of_phrase_keeps_its_own_name(analyze_text, sentence, trigger, sides):
    assert _names(analyze_text(sentence), trigger) == sides


def test_a_capitalised_short_name_is_the_body_the_lead_named(analyze_text):
    """Two councils: 'the Council' written as a name is the one the report opened with, not the
    one named last before it."""
    text = ("CONAKRY, Sept 25 (Wire) - The Military Council for National Recovery, which took power on Sunday, freed twelve "
            "detained ministers on Wednesday.\n\n"
            "The Council's spokesman, Major Ibrahima Sow, met a delegation of the Guinean Council of Imams at the "
            "presidential palace.\n\n"
            "Sow added that the Council would hand power to civilians only after a referendum.")
    analysis = analyze_text(text, published="2025-09-25")
    hand = next(m for m in analysis.mentions if m.trigger == "hand")
    assert [p.name for p in hand.participants] == ["Military Council for National Recovery"]
    # a lower-case description is the body named last before it
    text = ("The Coastal Trade Union and the Harbour Workers Union met in Mombasa on Monday.\n\n"
            "The union held a sit-in outside the harbour office on Tuesday.")
    sit_in = next(m for m in analyze_text(text, published="2025-09-25").mentions if m.type == "PROTEST")
    assert [p.name for p in sit_in.participants] == ["Harbour Workers Union"]


def test_one_states_forces_however_worded_are_one_side(analyze_text):
    text = ("Georgian forces pounded the town of Tskhinvali with rockets on Friday, witnesses said.\n\n"
            "Georgian artillery also hit villages around Tskhinvali, local officials said.")
    analysis = analyze_text(text, published="2025-11-05")
    keys = {m.event_key for m in analysis.mentions if m.type == "ASSAULT"}
    assert len(keys) == 1
    # two states' forces stay two sides
    text = ("Georgian forces pounded the town of Tskhinvali on Friday.\n\nRussian artillery hit Gori on Friday.")
    analysis = analyze_text(text, published="2025-11-05")
    assert len({m.event_key for m in analysis.mentions if m.type == "ASSAULT"}) == 2


def test_the_executive_and_a_motion_asking_it(analyze_text):
    """'the Executive' of a one-country report is that state's; a motion asking is its movers'."""
    text = ("QUITO, May 3 (Wire) - Ecuadorian senators backed a motion on Friday urging the Executive to scrap the "
            "new fuel levy.\n\nOpposition leaders also called on the government to reopen the closed refineries.")
    analysis = analyze_text(text, published="2025-05-03")
    [urging] = [m for m in analysis.mentions if m.trigger == "urging"]
    assert [(p.name, p.role) for p in urging.participants] == [("Ecuadorian senators", "actor"),
                                                              ("Ecuadorian executive", "recipient")]


@pytest.mark.parametrize("sentence, actor", [
    ("The African Union adopted a communique calling on the junta to release the president.", "junta"),
    ("The Senate adopted a resolution calling on the rebels to release the hostages.", "rebels"),
])
def test_the_one_called_on_does_what_the_call_asks(analyze_text, sentence, actor):
    asked = [m for m in analyze_text(sentence).mentions if m.trigger in ("release", "return")]
    assert asked and [p.name for p in asked[0].participants if p.role == "actor"] == [actor]


def test_an_apposition_after_a_names_comma_describes_it_wherever_the_parser_hangs_it(analyze_text):
    text = ("The envoy's visit came after a meeting in Doha with leaders of the Taliban, the Islamist movement that "
            "rules Afghanistan.\n\nQatar is mediating with the Islamist movement and Pakistan to end the border clashes.")
    mediating = next(m for m in analyze_text(text, published="2025-11-05").mentions if m.trigger == "mediating")
    assert "Taliban" in [p.name for p in mediating.participants]
    # what follows the comma describes a body only when it is a body's noun, not an act
    text = ("President Ruiz ordered the closure of the senate, a step that drew protests within hours.\n\n"
            "The electoral tribunal denounced the step as unconstitutional.")
    analysis = analyze_text(text, published="2025-11-05")
    assert "senate" not in {p.name.lower() for m in analysis.mentions if m.trigger == "denounced" for p in m.participants}


def test_a_workers_federation_is_the_union_the_report_describes(analyze_text):
    text = ("The Federation of Copper Mine Employees of Bolivia announced an indefinite stoppage on Monday.\n\n"
            "On Tuesday the powerful mining union blocked the main highway to Oruro.")
    blocked = next(m for m in analyze_text(text, published="2025-11-05").mentions if m.trigger == "blocked")
    assert [p.name for p in blocked.participants] == ["Federation of Copper Mine Employees"]
    # a federation of no workers is no union
    text = ("The Federation of Bolivian Football Clubs suspended the league on Monday.\n\n"
            "On Tuesday the powerful mining union blocked the main highway to Oruro.")
    blocked = next(m for m in analyze_text(text, published="2025-11-05").mentions if m.trigger == "blocked")
    assert "Federation of Bolivian Football Clubs" not in [p.name for p in blocked.participants]
