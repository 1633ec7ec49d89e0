"""A protest against a measure, or a demand to undo it, is against the government whose measure
it is, when the words do not name its maker ('marched against the new pension law', 'in
protest at the new fuel levy', 'to demand the repeal of the decree'); home.py names the
government by the report's country, or leaves it out where the report does not say. Every
sentence was written for the test."""
import pytest


def _targets(analysis, type_):
    return {p.name for m in analysis.mentions if m.type == type_ for p in m.participants if p.role == "recipient"}


@pytest.mark.parametrize("text, type_, government", [
    ("Thousands of teachers marched in Lusaka on Monday against the new pension law.", "PROTEST", "Zambian government"),
    ("Taxi drivers went on strike in Nairobi on Monday in protest at the new fuel levy.", "PROTEST",
     "Kenyan government"),
    ("Students protested the tuition hike outside the university in Accra.", "PROTEST", "Ghanaian government"),
    ("Miners in Potosi went on strike on Monday to demand the repeal of the mining decree.", "REQUEST",
     "Bolivian government"),
])
def test_a_measure_opposed_is_its_governments(analyze_text, text, type_, government):
    assert _targets(analyze_text(text, published="2025-03-12"), type_) == {government}


def test_a_measure_whose_maker_is_named_is_that_makers(analyze_text):
    analysis = analyze_text("Farmers rallied against Kenya's new land tax in Nakuru on Friday.", published="2025-03-12")
    assert _targets(analysis, "PROTEST") == {"Kenya"}


def test_a_protest_against_no_measure_gets_no_government(analyze_text):
    analysis = analyze_text("Hundreds of fans protested outside the stadium in Accra against the referee.",
                            published="2025-03-12")
    assert not any("government" in name for name in _targets(analysis, "PROTEST"))
