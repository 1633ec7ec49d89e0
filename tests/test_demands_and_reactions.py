"""What a speaker says another side must be ready to do is the speaker's demand, not that side's
offer. Every sentence here was written for the test; people, bodies and towns are invented."""
import pytest


def _sides(mention):
    return sorted((p.name, p.role) for p in mention.participants)


@pytest.mark.parametrize("text, speaker, addressee", [
    ("Kenyan President Daniel Mwangi said on Tuesday that Ethiopia must be ready to return to the talks.",
     "Daniel Mwangi", "Ethiopia"),
    ("Chile's president said the rebels must be willing to negotiate before any aid is sent.",
     "Chile's president", "rebels"),
    ("The Ghanaian foreign minister said in Accra that Togo must be ready to reopen the border crossing.",
     "Ghanaian foreign minister", "Togo"),
])
def test_must_be_ready_to_act_is_the_speakers_demand(analyze_text, text, speaker, addressee):
    analysis = analyze_text(text, published="2025-03-12")
    demands = [m for m in analysis.mentions if m.type == "REQUEST" and m.modality == "asserted"]
    assert demands, [(m.type, m.trigger, _sides(m)) for m in analysis.mentions]
    sides = _sides(demands[0])
    assert (addressee, "recipient") in sides and (speaker, "actor") in sides
    # the addressee offered nothing: being ready is what it was asked for
    assert not [m for m in analysis.mentions if m.type in ("AGREE", "THREATEN") and m.modality == "asserted"]


@pytest.mark.parametrize("text, side", [
    ("The rebel commander Ilunga Kabeya said his fighters were ready to negotiate with the government.", "fighters"),
    ("The Peruvian government said it is willing to resume talks with the miners.", "Peruvian government"),
])
def test_a_side_saying_it_is_ready_to_act_still_offers_it(analyze_text, text, side):
    analysis = analyze_text(text, published="2025-03-12")
    offers = [m for m in analysis.mentions if m.type == "AGREE" and m.modality == "asserted"]
    assert offers and (side, "actor") in _sides(offers[0])
    assert not [m for m in analysis.mentions if m.type == "REQUEST"]


def test_the_last_part_of_a_hyphenated_word_stands_for_it(nlp):
    """The detector scores 're-took' as one word, spaCy reads three tokens: the prefix and the
    hyphen share the word's score, but what happened is told by its last part."""
    import importlib

    extract = importlib.import_module("eventscribe.analyze.extract")
    doc = nlp("Government troops re-took the town of Kalemba, and the army counter-attacked near Bunia.")
    scores = extract._DetectorScores(doc.text)
    assert [(t.text, scores.last_part(t).text) for t in doc if scores.last_part(t) is not t] == [
        ("re", "took"), ("-", "took"), ("counter", "attacked"), ("-", "attacked")]


@pytest.mark.parametrize("text, doer, crowd", [
    ("Police fired tear gas to disperse the protesters outside the ministry in Lilongwe on Monday.",
     "police", "protesters"),
    ("Thousands of Mabvuto Union supporters marched through Blantyre on Saturday. Riot police fired tear gas "
     "to disperse them.", "riot police", "Mabvuto Union supporters"),
])
def test_force_used_to_disperse_a_crowd_did_disperse_it(analyze_text, text, doer, crowd):
    analysis = analyze_text(text, published="2025-03-12")
    acts = [m for m in analysis.mentions if m.type == "COERCE" and m.modality == "asserted"]
    assert acts, [(m.type, m.modality, m.trigger) for m in analysis.mentions]
    names = [(p.name.lower(), p.role) for m in acts for p in m.participants]
    assert any(role == "actor" and doer in name for name, role in names)
    assert any(role == "recipient" and crowd.lower() in name for name, role in names)


def test_a_dispersal_only_threatened_did_not_happen(analyze_text):
    analysis = analyze_text("The police chief threatened to disperse the sit-in outside parliament by force.",
                            published="2025-03-12")
    assert not [m for m in analysis.mentions if m.type == "COERCE" and m.modality == "asserted"]


@pytest.mark.parametrize("text, followers", [
    ("Police fired tear gas at hundreds of Kasama Workers Party supporters in Ndola on Saturday.",
     "Kasama Workers Party supporters"),
    ("Police arrested dozens of supporters of former president Amadou Keita in Bamako on Monday.",
     "supporters of former president Amadou Keita"),
])
def test_followers_are_named_with_whom_they_follow_without_their_count(analyze_text, text, followers):
    analysis = analyze_text(text, published="2025-03-12")
    assert followers in [p.name for m in analysis.mentions for p in m.participants]


def test_a_crackdown_without_its_sufferers_hit_the_crowd_just_told(analyze_text):
    text = ("Crackdown in Ndola\n\n"
            "Several thousand supporters of the opposition Kasama Workers Party (KWP) gathered in central "
            "Ndola on Saturday to demand early elections.\n\n"
            "Police later detained 23 people near the market, a police spokesman said.\n\n"
            "In the capital, officers arrested a journalist, Mwila Banda, on Sunday.")
    analysis = analyze_text(text, published="2025-03-12")
    detained = next(m for m in analysis.mentions if m.trigger == "detained")
    assert ("supporters of the opposition Kasama Workers Party (KWP)", "recipient") in [
        (p.name, p.role) for p in detained.participants]
    # an act that names whom it hit keeps them alone
    arrested = next(m for m in analysis.mentions if m.trigger == "arrested")
    assert [p.name for p in arrested.participants if p.role == "recipient"] == ["Mwila Banda"]


@pytest.mark.parametrize("text, dispersal", [
    ("Police dispersed the striking teachers outside the ministry in Lilongwe on Monday.", True),
    ("The rally was dispersed by soldiers on Tuesday evening.", True),
    ("The crowd dispersed peacefully after the speeches.", False),
    ("The ministry dispersed the relief funds to six districts.", False),
])
def test_dispersing_people_or_a_gathering_is_coercion(analyze_text, text, dispersal):
    acts = [m for m in analyze_text(text, published="2025-03-12").mentions if m.type == "COERCE"]
    assert bool(acts) == dispersal


@pytest.mark.parametrize("text, asked", [
    ("The opposition leader called for Nairobi to suspend imports from Uganda.", "Nairobi"),
    ("The bishops' conference appealed for the Tuwan Alliance to call off its boycott.", "Tuwan Alliance"),
])
def test_whom_a_call_for_action_names_as_the_actor_is_asked(analyze_text, text, asked):
    calls = [m for m in analyze_text(text, published="2025-03-12").mentions if m.type == "REQUEST"]
    assert calls and (asked, "recipient") in _sides(calls[0])


def test_a_counter_offensive_is_an_attack_told_by_its_last_part(analyze_text):
    analysis = analyze_text("Government forces launched a counter-offensive against rebel fighters near Goma on Monday.",
                            published="2025-03-12")
    attacks = [m for m in analysis.mentions if m.type == "ASSAULT" and m.modality == "asserted"]
    assert [m.trigger for m in attacks] == ["offensive"]
    assert ("rebel fighters", "recipient") in _sides(attacks[0])



@pytest.mark.parametrize("text, person", [
    ("Fourteen people were arrested in Arso on Monday, among them the clan head Yohanes Kwambre.", "Yohanes Kwambre"),
    ("Nine activists were detained on Tuesday, including the student leader Anjali Thapa.", "Anjali Thapa"),
    ("Police arrested five council members, Tomas Chumpi among them.", "Tomas Chumpi"),
])
def test_the_people_a_count_of_detainees_names_were_detained(analyze_text, text, person):
    acts = [m for m in analyze_text(text, published="2025-03-12").mentions if m.type == "COERCE"]
    assert acts and (person, "recipient") in _sides(acts[0])


@pytest.mark.parametrize("text, attack", [
    ("Government troops launched a counter-offensive on the rebels near Goma on Monday.", True),
    ("The minister gave an offensive speech in parliament.", False),
    ("The remarks were deeply offensive to the families.", False),
])
def test_a_noun_the_tagger_took_for_an_adjective_after_a_hyphen_is_read_as_a_noun(analyze_text, text, attack):
    attacks = [m for m in analyze_text(text, published="2025-03-12").mentions if m.type == "ASSAULT"]
    assert [m.trigger for m in attacks] == (["offensive"] if attack else [])


@pytest.mark.parametrize("text, body, role", [
    ("Hundreds of Harapan Tani Union members blocked the highway outside Pekanbaru on Monday.", "Harapan Tani Union", "actor"),
    ("Police arrested twelve Mabvuto Union members in Blantyre.", "Mabvuto Union", "recipient"),
])
def test_members_named_after_their_body_stand_for_it(analyze_text, text, body, role):
    mentions = analyze_text(text, published="2025-03-12").mentions
    assert mentions and (body, role) in _sides(mentions[0])


@pytest.mark.parametrize("text, accused", [
    ("Forty members of the Estonian parliament on Friday called for sanctions against Georgian officials.",
     "Georgian officials"),
    ("Rights groups demanded an arms embargo against the junta.", "junta"),
])
def test_a_call_for_penalties_asking_no_one_accuses_their_target(analyze_text, text, accused):
    call = next(m for m in analyze_text(text).mentions if m.trigger in ("called", "demanded"))
    assert (call.type, call.modality) == ("ACCUSE", "asserted")
    assert {p.name for p in call.participants if p.role == "recipient"} == {accused}


def test_asking_a_side_to_impose_penalties_is_a_request_of_that_side_alone(analyze_text):
    call = next(m for m in analyze_text("The foreign minister called on the EU to impose sanctions on Belarus.").mentions
                if m.trigger == "called")
    assert call.type == "REQUEST"
    assert {p.name for p in call.participants if p.role == "recipient"} == {"EU"}
