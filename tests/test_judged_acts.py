"""A judgement's other side is whoever did the act it judges ('condemned Rwanda's shelling of
Goma' accuses Rwanda), and an answer's is whoever made the proposal answered ('agreed to a
Kenyan proposal'). Every text here was written for these tests; the people are invented."""
import pytest


def _sides(analysis, trigger):
    mention = next(m for m in analysis.mentions if m.trigger == trigger)
    return {(p.name, p.role) for p in mention.participants}


@pytest.mark.parametrize("text, trigger, accused", [
    ("The African Union condemned Rwanda's shelling of Goma on Monday.", "condemned", "Rwanda"),
    ("Ghana condemned the arrest of opposition leader Kofi Mensah by Togolese police.", "condemned", "Togolese police"),
    ("Chile criticised the detention of three journalists by Venezuelan authorities.", "criticised",
     "Venezuelan authorities"),
])
def test_the_doer_of_a_condemned_act_is_accused(analyze_text, text, trigger, accused):
    assert (accused, "recipient") in _sides(analyze_text(text, published="2024-05-02"), trigger)


def test_an_act_judged_without_its_doer_takes_them_from_the_report(analyze_text):
    analysis = analyze_text("Police in Lome have held the opposition leader Kofi Agbeko since Friday.\n\n"
                            "The Catholic bishops condemned the detention of Agbeko on Sunday.", published="2024-05-02")
    assert ("Togolese police", "recipient") in _sides(analysis, "condemned")


def test_a_judgement_of_something_else_takes_no_side_from_it(analyze_text):
    # the arrests only date the condemnation: the police are not accused of the vote
    analysis = analyze_text("The council condemned the vote in Lome, hours after Togolese police arrested three lawmakers.",
                            published="2024-05-02")
    assert not any(role == "recipient" for _, role in _sides(analysis, "condemned"))


@pytest.mark.parametrize("text, trigger, proposer", [
    ("The dock workers agreed to a Kenyan proposal for binding arbitration.", "agreed", "Kenya"),
    ("The opposition accepted Kenya's proposal for a new electoral commission on Friday.", "accepted", "Kenya"),
    ("The rebels rejected the UN demand to free the hostages.", "rejected", "UN"),
    ("The Sahel Front accepted a proposal from Algeria to hold talks in Algiers.", "accepted", "Algeria"),
    ("The government accepted the terms offered by the Popular Front.", "accepted", "Popular Front"),
])
def test_an_accepted_or_refused_proposal_makes_its_proposer_the_other_side(analyze_text, text, trigger, proposer):
    assert (proposer, "recipient") in _sides(analyze_text(text, published="2024-05-02"), trigger)


def test_an_unowned_plan_gives_no_other_side(analyze_text):
    assert _sides(analyze_text("The opposition agreed to the plan on Friday.", published="2024-05-02"), "agreed") \
        <= {("opposition", "actor")}


@pytest.mark.parametrize("text, trigger, expected", [
    # the speakers' own threatened act names whom the threat is against; a count is still the group
    ("Several Chilean ministers warned that they would halt gas exports to Argentina.", "warned",
     {("Chilean ministers", "actor"), ("Argentina", "recipient")}),
    # whom an ultimatum or a call is for is whom it demands of
    ("The governor issued an ultimatum for the militia to leave the town within two days.", "ultimatum",
     {("militia", "recipient")}),
    ("Guyana's caretaker government issued an ultimatum for the gold smugglers to leave the reserve.", "ultimatum",
     {("Guyana's caretaker government", "actor"), ("gold smugglers", "recipient")}),
    ("The council issued a call for the Popular Front to lay down its arms.", "call",
     {("Popular Front", "recipient")}),
])
def test_threats_and_demands_are_against_whom_they_name(analyze_text, text, trigger, expected):
    assert _sides(analyze_text(text, published="2024-05-02"), trigger) == expected


def test_a_session_of_member_states_named_by_an_acronym_is_the_bodys(analyze_text):
    analysis = analyze_text("The vote came during a session of the EAC member states in Arusha.", published="2024-05-02")
    assert _sides(analysis, "session") == {("EAC member states", "participant")}


def test_an_agreement_as_proposed_by_a_side_answers_that_side(analyze_text):
    analysis = analyze_text("The Sahel Front agreed to a ceasefire, as proposed by Algeria.", published="2024-05-02")
    assert ("Algeria", "recipient") in _sides(analysis, "agreed")
    # an agent makes its clause passive whatever subject the clause borrows: the demand is the police's
    demand = analyze_text("The opposition called off the march, as demanded by the police.", published="2024-05-02")
    assert ("police", "actor") in _sides(demand, "demanded")


@pytest.mark.parametrize("text, trigger, speaker", [
    ("Ruritania's trade minister Anna Velk said on Monday that Borduria's central bank had falsified its reserves.\n"
     "Bordurian officials angrily condemned the comments on Tuesday.", "condemned", "Anna Velk"),
    ("Ruritania's trade minister Anna Velk described the Bordurian budget as fraudulent.\n"
     "Borduria's government rejected the remarks.", "rejected", "Anna Velk"),
    ("Bordurian officials condemned Velk's remarks on Tuesday.", "condemned", "Velk"),
    # an accusation or a criticism answered is its maker's, as a remark is
    ("The Lanark Farmers Union accused the Ruritanian grain board of hoarding seed.\n"
     "The grain board dismissed the allegations on Wednesday.", "dismissed", "Lanark Farmers Union"),
    ("Senator Ilse Brandauer criticised the Ruritanian navy for the collision.\n"
     "The Ruritanian navy rejected the criticism.", "rejected", "Ilse Brandauer"),
])
def test_comments_judged_are_against_whoever_made_them(analyze_text, text, trigger, speaker):
    analysis = analyze_text(text, published="2024-05-15")
    assert (speaker, "recipient") in _sides(analysis, trigger)


def test_comments_with_no_speaker_before_them_are_nobody_s(analyze_text):
    analysis = analyze_text("Flooding closed the main road on Monday.\n"
                            "Bordurian officials condemned the comments on Tuesday.", published="2024-05-15")
    assert {role for _, role in _sides(analysis, "condemned")} == {"actor"}


@pytest.mark.parametrize("text, trigger, target", [
    ("Norway announced a suspension of flights to Belarus on Monday.", "suspension", "Belarus"),
    ("Morocco on Tuesday announced a freeze of relations with Algeria.", "freeze", "Algeria"),
    ("Rights groups called for an arms embargo on Myanmar.", "called", "Myanmar"),
])
def test_what_is_cut_or_called_for_is_against_whom_its_own_phrase_names(analyze_text, text, trigger, target):
    assert (target, "recipient") in _sides(analyze_text(text, published="2024-05-02"), trigger)



@pytest.mark.parametrize("text, trigger, addressee", [
    ("Andean leaders issued an ultimatum to the militia in Cobija, demanding they disarm within a week.",
     "demanding", "militia"),
    ("Chile wrote to the Bolivian generals on Monday, demanding that they release the truck drivers.",
     "demanding", "Bolivian generals"),
])
def test_they_who_are_told_to_act_are_whom_the_demand_was_addressed_to(analyze_text, text, trigger, addressee):
    assert (addressee, "recipient") in _sides(analyze_text(text, published="2024-05-02"), trigger)


def test_a_sanction_between_its_own_side_and_another_is_against_the_other(analyze_text):
    text = "The EAC announced the suspension of all cargo flights between EAC member states and Burundi."
    assert _sides(analyze_text(text, published="2024-05-02"), "suspension") == {("EAC", "actor"), ("Burundi", "recipient")}
