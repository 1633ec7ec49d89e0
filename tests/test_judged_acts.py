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
    analysis = analyze_text("Members of the presidential guard have held President Alpha Barry in his residence "
                            "since Wednesday.\n\nThe West African bloc condemned the detention of Barry on Sunday.",
                            published="2024-05-02")
    assert ("presidential guard", "recipient") in _sides(analysis, "condemned")


def test_a_judgement_of_something_else_takes_no_side_from_it(analyze_text):
    # the arrests only date the condemnation: the police are not accused of the vote
    analysis = analyze_text("The council condemned the vote in Lome, hours after Togolese police arrested three lawmakers.",
                            published="2024-05-02")
    assert not any(role == "recipient" for _, role in _sides(analysis, "condemned"))


@pytest.mark.parametrize("text, trigger, proposer", [
    ("The rebels agreed to a Kenyan proposal for a ceasefire on Friday.", "agreed", "Kenyan"),
    ("The rebels accepted Kenya's proposal for a ceasefire on Friday.", "accepted", "Kenya"),
    ("The junta rejected the ECOWAS demand to hand over power.", "rejected", "ECOWAS"),
    ("The Sahel Front accepted a proposal from Algeria to hold talks in Algiers.", "accepted", "Algeria"),
    ("The government accepted the terms offered by the Popular Front.", "accepted", "the Popular Front"),
])
def test_an_accepted_or_refused_proposal_makes_its_proposer_the_other_side(analyze_text, text, trigger, proposer):
    assert (proposer, "recipient") in _sides(analyze_text(text, published="2024-05-02"), trigger)


def test_an_unowned_plan_gives_no_other_side(analyze_text):
    assert _sides(analyze_text("The opposition agreed to the plan on Friday.", published="2024-05-02"), "agreed") \
        <= {("opposition", "actor")}


@pytest.mark.parametrize("text, trigger, expected", [
    # the speakers' own threatened act names whom the threat is against; a count is still the group
    ("Several German ministers warned that they would impose new sanctions on Belarus.", "warned",
     {("German ministers", "actor"), ("Belarus", "recipient")}),
    # whom an ultimatum or a call is for is whom it demands of
    ("ECOWAS issued a one-week ultimatum for the mutineers in Bissau to release the president.", "ultimatum",
     {("ECOWAS", "actor"), ("mutineers", "recipient")}),
    ("The council issued a call for the Popular Front to lay down its arms.", "call",
     {("the Popular Front", "recipient")}),
])
def test_threats_and_demands_are_against_whom_they_name(analyze_text, text, trigger, expected):
    assert _sides(analyze_text(text, published="2024-05-02"), trigger) == expected


def test_a_session_of_member_states_named_by_an_acronym_is_the_bodys(analyze_text):
    analysis = analyze_text("The decision followed a session of the SADC member states in Windhoek.", published="2024-05-02")
    assert _sides(analysis, "session") == {("SADC member states", "participant")}


def test_an_agreement_as_demanded_by_a_side_answers_that_side(analyze_text):
    analysis = analyze_text("The Delta Front agreed to disarm, as demanded by Nigeria.", published="2024-05-02")
    assert ("Nigeria", "recipient") in _sides(analysis, "agreed")
    # the demand itself is Nigeria's, made of the Front
    assert _sides(analysis, "demanded") == {("Nigeria", "actor"), ("Delta Front", "recipient")}
