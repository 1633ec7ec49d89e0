"""Dates a sentence leaves to the report: an agreement's day is the day of the meeting of its
sides (a leader's meeting is their state's), and a sentence that goes on from talks named
without sides takes their day. Every sentence here was written for the test; the people are
invented."""


def _dated(analysis, trigger):
    mention = next(m for m in analysis.mentions if m.trigger == trigger)
    return mention.date.value


def test_a_states_agreement_takes_the_day_its_leaders_met(analyze_text):
    analysis = analyze_text("Chile and Peru have agreed to reopen their border crossings during a long-awaited "
                            "summit. Chilean President Ana Ruiz and Peruvian President Luis Soto met in Lima on "
                            "Thursday.", published="2024-05-10")
    assert _dated(analysis, "agreed") == "2024-05-09"


def test_a_states_agreement_keeps_its_month_when_no_leader_of_it_met(analyze_text):
    analysis = analyze_text("Chile and Peru have agreed to reopen their border crossings. Ghanaian President Kofi "
                            "Boateng met Nigerian President Musa Bello in Abuja on Thursday.", published="2024-05-10")
    assert _dated(analysis, "agreed") == "2024-05"


def test_a_sentence_going_on_from_talks_named_without_sides_takes_their_day(analyze_text):
    analysis = analyze_text("Talks resumed in Geneva on Thursday following a pause of two months. The foreign ministers of "
                            "Chile and Peru also signed a fisheries accord.", published="2024-05-10")
    assert _dated(analysis, "accord") == "2024-05-09"
