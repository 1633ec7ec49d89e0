"""Dates a sentence leaves to the report: an agreement's day is the day of the meeting of its
sides (a leader's meeting is their state's), and a sentence that goes on from talks named
without sides takes their day. Every sentence here was written for the test; the people are
invented."""
import pytest


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


def _event_day(analysis, trigger):
    """The day of the event the trigger's mention is grouped into (its best-dated mention)."""
    key = next(m.event_key for m in analysis.mentions if m.trigger == trigger)
    dates = [m.date for m in analysis.mentions if m.event_key == key and m.date is not None and m.date.value]
    return max((d.value for d in dates), key=len)


def test_a_day_in_a_quotation_is_the_speakers_not_the_publications(analyze_text):
    """Published on Friday, a mediator's 'today' of Wednesday is Wednesday."""
    analysis = analyze_text("The two sides reached a deal in Addis Ababa late on Wednesday, after ten days of talks.\n\n"
                            "\"The ceasefire agreed today must now be respected by every commander,\" the mediator "
                            "told reporters.", published="2025-11-07")
    assert _dated(analysis, "agreed") == "2025-11-05"
    # a quotation the sentence splitter cut in two: the day is still the speaker's, unknown here
    for opening, closing in (('"', '"'), ("“", "”")):
        analysis = analyze_text(f"The two sides reached a deal in Addis Ababa late on Wednesday.\n\n{opening}This is a "
                                f"beginning. The ceasefire agreed today must now be respected,{closing} the mediator said.",
                                published="2025-11-07")
        assert _dated(analysis, "agreed") == "2025-11"
    # outside quotation marks 'today' is the day of publication
    analysis = analyze_text("The ceasefire agreed today by the army and the Kivu Front held through the night, "
                            "residents said.", published="2025-11-07")
    assert _dated(analysis, "agreed") == "2025-11-07"


def test_a_day_owned_by_a_reference_dates_the_event_it_refers_to(analyze_text):
    """'Tuesday's accord' is the agreement the report told of, on that Tuesday."""
    analysis = analyze_text("KAMPALA, Nov 5 (Wire) - Mediators said on Tuesday that the government of Uganda and the "
                            "Rwenzori Freedom Movement had agreed to halt hostilities in the western districts.\n\n"
                            "The chief mediator, a retired judge, called Tuesday's accord a turning point for the "
                            "region.", published="2025-11-05")
    assert _dated(analysis, "agreed") == "2025-11"   # the day it was said, not the day agreed
    assert _event_day(analysis, "agreed") == "2025-11-04"


def test_an_act_aimed_at_what_was_just_told_goes_on_from_its_day(analyze_text):
    """'denounced this reckless attack' after a dated strike: the strike's day, though another event's."""
    strike = "Three villagers were killed when Pakistani drones struck a market near Khost early on Monday, 3 March 2025."
    text = strike + "\n\nKabul's foreign ministry denounced this \"reckless attack\" in a statement."
    assert _dated(analyze_text(text, published="2025-03-05"), "denounced") == "2025-03-03"
    # without pointing back, another event's day is not its own
    text = strike + "\n\nKabul's foreign ministry denounced a new wave of border closures in a statement."
    assert _dated(analyze_text(text, published="2025-03-05"), "denounced") == "2025-03"


def test_hours_counted_on_the_after_of_a_clause_set_its_day(analyze_text):
    """'about 24 hours after Libya's army launched an offensive', the parser hanging the hours on
    'after': the offensive was the day before."""
    text = ("Rebel leaders accepted a Turkish plan for a ceasefire on Monday (March 10), about 24 hours after "
            "Libya's army launched an offensive on Sirte to take control of the port.")
    analysis = analyze_text(text, published="2025-03-10")
    assert (_dated(analysis, "accepted"), _dated(analysis, "offensive")) == ("2025-03-10", "2025-03-09")
    # told on the clause itself, as before
    text = ("Rebel commanders accepted a truce brokered by Kenya on Friday (June 6), nearly 48 hours after the army "
            "began an assault on their stronghold.")
    analysis = analyze_text(text, published="2025-06-06")
    assert (_dated(analysis, "accepted"), _dated(analysis, "assault")) == ("2025-06-06", "2025-06-04")


def test_a_later_year_an_act_is_about_is_not_when_it_happened(analyze_text):
    analysis = analyze_text("President Lund said Ardenia supports Kenya's candidacy for a seat on the Security Council "
                            "for the 2029-2030 term.", published="2025-10-20")
    support = next(m for m in analysis.mentions if m.type == "SUPPORT")
    assert (support.modality, support.date.value) == ("asserted", "2025-10")


@pytest.mark.parametrize("text, value", [
    ("The rebels had seized the town years earlier.", None),
    ("The two countries had signed a border treaty in the 1990s.", None),
    ("The army said the rebels had seized the town.", "2025-06"),   # someone's words: the days just past
])
def test_an_act_told_as_background_has_no_date_of_the_report(analyze_text, text, value):
    mention = next(m for m in analyze_text(text, published="2025-06-10").mentions)
    assert mention.date.value == value
