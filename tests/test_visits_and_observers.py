"""Who took part in a visit told as the time of another act ('flew home at the end of a state
visit'), which state hosted a visit so called, and observers or monitors of a body standing for
it. Every sentence here was written for the test; people are invented."""
import pytest


def _consult_sides(analysis):
    return [p.name for m in analysis.mentions if m.type == "CONSULT" for p in m.participants]


@pytest.mark.parametrize("text, visitor", [
    ("The Malawian president flew home on Sunday at the end of his visit to Lusaka.", "Malawian president"),
    ("On the second day of his visit to Hanoi, the Chilean foreign minister opened a trade fair.",
     "Chilean foreign minister"),
    ("At the start of talks with Georgian officials, the Armenian premier laid a wreath.", "Armenian premier"),
])
def test_the_subject_of_an_act_told_at_a_part_of_a_visit_took_part_in_it(analyze_text, text, visitor):
    assert visitor in _consult_sides(analyze_text(text))


def test_a_part_of_some_other_time_makes_no_one_a_party(analyze_text):
    text = "The Malawian president flew home at the end of the week."
    assert "Malawian president" not in _consult_sides(analyze_text(text))


@pytest.mark.parametrize("text, host", [
    ("The Malawian president is back in Lilongwe after a state visit to Zambia.", "Zambia"),
    ("Bolivia's foreign minister is on an official visit to Paraguay this week.", "Paraguay"),
])
def test_a_state_or_official_visit_to_a_country_is_hosted_by_that_state(analyze_text, text, host):
    assert host in _consult_sides(analyze_text(text))


def test_a_plain_trip_to_a_country_names_no_host(analyze_text):
    text = "The Malawian trade minister made a short trip to Zambia in March."
    assert "Zambia" not in _consult_sides(analyze_text(text))


@pytest.mark.parametrize("text, actor", [
    ("The count in Ndola was criticised by EU observers.", "EU observers"),
    ("UN monitors accused both militias of looting the market.", "UN monitors"),
])
def test_observers_and_monitors_of_a_body_are_its_side(analyze_text, text, actor):
    sides = [p.name for m in analyze_text(text).mentions if m.type == "ACCUSE" for p in m.participants]
    assert actor in sides
