"""An event told with one side in all its mentions is towards the side the report names most
often besides it, when one stands out (analyze/sides.complete_from_principal_side); for force,
the side must stand out among the report's acts of force. Every report was written for the test."""

DISPUTE = ("Zambia raises fuel prices, miners threaten shutdown\n\n"
           "LUSAKA, June 3 - Zambia's government raised fuel prices by 30 percent on Monday, the second rise this year.\n\n"
           "The Mineworkers Union of Zambia accused the government of betraying workers and called on President "
           "Chanda Mwila to reverse the increase.\n\n"
           "Police arrested four union organisers in Kitwe on Tuesday, and the government banned marches across "
           "the Copperbelt.\n\n"
           "On Wednesday the union threatened to shut down every mine in the province.")


def _sides(mention, role):
    return {p.name for p in mention.participants if p.role == role}


def _recipients(analyze_text, text, trigger):
    """Whom the report's one mention with this trigger is towards."""
    found = [m for m in analyze_text(text, published="2025-06-03").mentions if m.trigger == trigger]
    assert len(found) == 1, found
    return _sides(found[0], "recipient")


def test_a_threat_told_alone_is_towards_the_side_the_story_is_about(analyze_text):
    mentions = analyze_text(DISPUTE, published="2025-06-03", title="Zambia raises fuel prices, miners threaten shutdown").mentions
    threats = [m for m in mentions if m.trigger == "threatened"]
    assert len(threats) == 1
    assert any("Mineworkers" in name for name in _sides(threats[0], "actor"))
    assert _sides(threats[0], "recipient") == {"Zambia"}   # the government, named as its state


def test_no_side_is_guessed_when_two_stand_out_equally(analyze_text):
    text = ("The Harbour Workers Union accused the Port Authority of Tema of cutting wages on Monday.\n\n"
            "The union also criticised the Ghana Shippers Council over delayed payments.\n\n"
            "The Port Authority of Tema rejected the accusation, and the Ghana Shippers Council dismissed the criticism.\n\n"
            "On Friday the Harbour Workers Union threatened to strike.")
    assert _recipients(analyze_text, text, "threatened") == set()


def test_a_side_named_in_the_report_is_not_added_to_an_event_that_names_its_own(analyze_text):
    mentions = analyze_text(DISPUTE, published="2025-06-03").mentions
    accusation = next(m for m in mentions if m.trigger == "accused")
    assert _sides(accusation, "recipient") == {"Zambian government"}


def test_a_crowd_is_never_the_guessed_side(analyze_text):
    text = ("Iranian protesters marched in Tabriz on Monday.\n\n"
            "Iranian protesters blocked the main highway into the city on Tuesday.\n\n"
            "The Nordic Council imposed sanctions on Wednesday.")
    assert _recipients(analyze_text, text, "imposed") == set()


def test_a_capital_and_its_leader_are_one_side(analyze_text):
    text = ("Japanese Prime Minister Haruto Mori accused South Korea of breaking the fisheries pact on Monday.\n\n"
            "Mori also condemned the seizure of a Japanese trawler by the South Korean coast guard.\n\n"
            "Mori summoned the South Korean ambassador on Monday evening.\n\n"
            "On Tuesday Tokyo rejected a proposal for joint patrols.")
    assert _recipients(analyze_text, text, "rejected") == {"South Korea"}


def test_a_person_is_never_the_guessed_side(analyze_text):
    """Whom an act was aimed at, when a person, is named where it is told: the most named person
    of the report is not guessed (a state or a group would be)."""
    text = ("The Bamani Front accused President Ferhat Dali of rigging the vote on Monday.\n\n"
            "Dali met the Sahel Union's envoy, Amara Keita, in the capital on Tuesday.\n\n"
            "On Wednesday the Bamani Front threatened to boycott the assembly.")
    assert _recipients(analyze_text, text, "threatened") == set()


VISIT = ("ACCRA, May 6 - The Malawian President arrived in Accra on Monday for a three-day state visit.\n\n"
         "The Ghanaian President received the visiting President at Jubilee House on Tuesday, and the two "
         "leaders held talks on trade.\n\n"
         "On Tuesday the President of Malawi thanked the Government of Ghana for its hospitality.\n\n"
         "On Thursday Ghana's Vice President praised the reforms under way in Lilongwe.")


def test_those_who_speak_for_a_state_are_one_side_and_a_guessed_side_is_the_state(analyze_text):
    """'the Ghanaian President', 'the Government of Ghana' and 'Ghana's Vice President' are one
    party; so are 'the Malawian President' and 'the President of Malawi'. The praise told with
    one side is towards the other party, named as the state."""
    praised = [m for m in analyze_text(VISIT, published="2025-05-06").mentions if m.trigger == "praised"]
    assert len(praised) == 1
    assert _sides(praised[0], "recipient") == {"Malawi"}
    guessed = next(p for p in praised[0].participants if p.role == "recipient")
    assert guessed.title and "Malawi" in VISIT[guessed.start:guessed.end] + guessed.title


def test_a_body_of_a_state_is_never_given_its_own_state_as_other_side(analyze_text):
    text = ("WASHINGTON, May 6 - The United States imposed new tariffs on Korean steel on Monday, and the "
            "United States raised duties on Korean cars on Tuesday.\n\n"
            "The U.S. Department of Commerce accused Korean exporters of dumping.")
    accused = next(m for m in analyze_text(text, published="2025-05-06").mentions if m.trigger == "accused")
    assert "United States" not in _sides(accused, "recipient")
