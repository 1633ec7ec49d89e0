"""When a statement was made, and who blocks what. A statement told in the present tense is
made the day the report is; the time of the act an accusation is about is that act's, not the
accusation's. A crowd of a trade blocking a road protests, and the road is where, not a side.
Every sentence here was written for the test; people and places are invented."""
import pytest


def _mention(analysis, type_):
    return next(m for m in analysis.mentions if m.type == type_)


@pytest.mark.parametrize("text, type_", [
    ("The Coastal Relief Network condemns the shelling of the Kalo camp.", "ACCUSE"),
    ("We urge both armies to open a corridor for the wounded.", "REQUEST"),
    ("The ministry rejects the report as biased.", "REJECT"),
])
def test_a_statement_told_in_the_present_is_made_the_day_of_the_report(analyze_text, text, type_):
    date = _mention(analyze_text(text, published="2025-04-17"), type_).date
    assert (date.value, date.precision) == ("2025-04-17", "day")


@pytest.mark.parametrize("text, type_", [
    ("The Coastal Relief Network has condemned the shelling of the Kalo camp.", "ACCUSE"),
    ("Mercosur agrees to admit Bolivia as a full member", "AGREE"),   # a headline's present: a recent act
])
def test_a_present_perfect_or_a_headline_act_is_not_dated_by_the_report_day(analyze_text, text, type_):
    date = _mention(analyze_text(text, published="2025-04-17"), type_).date
    assert date.precision != "day"


@pytest.mark.parametrize("text, act_type, act_day", [
    ("The governor accused the militia of torching the granary in February.", "ASSAULT", "2025-02"),
    ("The senator criticised the army for closing the Gulu barracks last year.", None, None),
])
def test_the_time_of_the_act_an_accusation_is_about_is_not_the_accusations(analyze_text, text, act_type, act_day):
    analysis = analyze_text(text, published="2025-04-17")
    assert _mention(analysis, "ACCUSE").date.value == "2025-04"   # the text does not say when it was said
    if act_type:
        assert _mention(analysis, act_type).date.value == act_day


@pytest.mark.parametrize("text, actor", [
    ("Truck drivers blocked Route 9 near Tarija on Monday.", "Truck drivers"),
    ("The fishermen's blockade of Puerto Amado entered its third day.", "fishermen"),
    ("A blockade by cotton farmers cut the road to the capital for a week.", "cotton farmers"),
])
def test_a_crowd_of_a_trade_blocking_a_road_protests(analyze_text, text, actor):
    protest = _mention(analyze_text(text), "PROTEST")
    assert [(p.role, p.name) for p in protest.participants] == [("actor", actor)]


def test_a_navys_blockade_is_no_protest(analyze_text):
    analysis = analyze_text("The navy's blockade of the port entered its third month.")
    assert not [m for m in analysis.mentions if m.type == "PROTEST"]


@pytest.mark.parametrize("text, target", [
    ("The Treasury froze Tomas Varga's assets on Friday.", "Tomas Varga"),
    ("Canada froze the bank accounts of three Haitian gang leaders.", "Haitian gang leaders"),
    ("The assets of the Sahel Shield Brigades were frozen on Monday.", "Sahel Shield Brigades"),
])
def test_whose_assets_are_frozen_is_the_target(analyze_text, text, target):
    sanction = _mention(analyze_text(text), "SANCTION")
    assert ("recipient", target) in [(p.role, p.name) for p in sanction.participants]


def test_the_regional_body_is_the_union_of_states_the_report_names(analyze_text):
    text = ("Leaders of the Southern African Development Community gathered in Gaborone on Sunday.\n\n"
            "On Monday the regional body froze Lesotho's accounts at its development bank.")
    sanction = _mention(analyze_text(text, published="2025-03-11"), "SANCTION")
    assert [(p.role, p.name) for p in sanction.participants] == [
        ("actor", "Southern African Development Community"), ("recipient", "Lesotho")]


def test_a_ministers_portfolio_is_no_body_of_the_report(analyze_text):
    text = ("Britain on Tuesday slapped sanctions on Kenya's interior minister, a senior judge and two "
            "prison governors for their part in the crackdown.\n\n"
            "London also blocked any property in Britain held by Interior Minister Pavel Dorin and "
            "Judge Ana Rusu.")
    names = [p.name for m in analyze_text(text, published="2025-03-11").mentions for p in m.participants]
    assert "Interior" not in names


@pytest.mark.parametrize("text, type_, doers", [
    ("Police arrested nine teachers in Arequipa, and soldiers detained four farmers in Puno.", "COERCE",
     [["Peruvian police"], ["soldiers"]]),
    ("Bolivia rushed extra troops to the border on Monday, and Chile moved tanks to Arica a day later.", "MOBILIZE",
     [["Bolivia"], ["Chile"]]),
])
def test_acts_of_one_type_done_by_different_sides_in_one_sentence_are_two_events(analyze_text, text, type_, doers):
    mentions = [m for m in analyze_text(text).mentions if m.type == type_]
    assert [[p.name for p in m.participants if p.role == "actor"] for m in mentions] == doers


def test_two_verbs_of_one_side_in_one_sentence_stay_one_event(analyze_text):
    mentions = [m for m in analyze_text("Police arrested and detained nine teachers in Arequipa.").mentions
                if m.type == "COERCE"]
    assert len(mentions) == 1


@pytest.mark.parametrize("text, actor", [
    ("The Andean Parliament called for the release of the detained reporters.", "Andean Parliament"),
    ("On Monday the Red Cross called for calm in Goma.", "Red Cross"),
])
def test_a_call_for_something_is_a_request(analyze_text, text, actor):
    request = _mention(analyze_text(text), "REQUEST")
    assert ("actor", actor) in [(p.role, p.name) for p in request.participants]


@pytest.mark.parametrize("text", [
    "The trade envoy called on the president at his residence in Accra.",   # a courtesy visit
    "Elections were called for June.",
    "The premier called the summit for May.",
])
def test_calling_on_someone_or_calling_a_vote_is_no_request(analyze_text, text):
    assert not [m for m in analyze_text(text).mentions if m.type == "REQUEST"]


def test_a_call_for_a_release_is_made_to_whoever_took_them(analyze_text):
    text = ("Soldiers of the presidential guard seized President Malik Sow at his home on Wednesday.\n\n"
            "The Andean Parliament has called for the release of Sow.")
    request = _mention(analyze_text(text, published="2025-03-11"), "REQUEST")
    assert [(p.role, p.name) for p in request.participants] == [("actor", "Andean Parliament"), ("recipient", "presidential guard")]


@pytest.mark.parametrize("text", [
    "Gunmen looted the depot overnight, said a village elder, who asked that his name be withheld.",
    "Four men were held, a police officer said, asking not to be identified by name.",
    "A diplomat, who requested anonymity, said the convoy had turned back.",
])
def test_a_source_asking_not_to_be_named_makes_no_request(analyze_text, text):
    assert not [m for m in analyze_text(text).mentions if m.type == "REQUEST"]


@pytest.mark.parametrize("text", [
    "Riot police moved in to clear hundreds of farmers blocking the motorway.",
    "Police tried to disperse students occupying the campus.",
])
def test_what_people_were_doing_when_a_purpose_named_them_happened(analyze_text, text):
    assert _mention(analyze_text(text), "PROTEST").modality == "asserted"
