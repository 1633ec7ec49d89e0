"""Who acted after an attack or a riot answered it and did not do it; talks 'expected to resume'
or 'likely to drag on' are yet to come; what a call is for has not happened, what an inquiry is
into has; a blocked package was not given. Every sentence here was written for the test."""
import pytest


def _mention(analysis, trigger):
    return next(m for m in analysis.mentions if m.trigger == trigger)


@pytest.mark.parametrize("text, trigger, responder", [
    ("Armenia mobilised its reservists after the border shooting.", "shooting", "Armenia"),
    ("Following the massacre, the United Nations imposed an arms embargo on Tarvia.", "massacre", "United Nations"),
    ("Authorities imposed a curfew on the city of Kandara after the riots.", "riots", "Authorities"),
])
def test_who_acted_after_an_attack_did_not_do_it(analyze_text, text, trigger, responder):
    act = _mention(analyze_text(text), trigger)
    assert responder not in [p.name for p in act.participants]


def test_who_spoke_after_talks_took_part_in_them(analyze_text):
    analysis = analyze_text("After talks with Chancellor Olaf Brandt, President Lena Ruiz said the border would reopen.")
    assert "Lena Ruiz" in [p.name for p in _mention(analysis, "talks").participants]


@pytest.mark.parametrize("text, trigger", [
    ("Talks between Serbia and Kosovo are expected to resume in Brussels next week.", "Talks"),
    ("Negotiations on the border are likely to drag on for months.", "Negotiations"),
    ("The summit of regional leaders is due to start in Accra on Thursday.", "summit"),
])
def test_what_a_subject_is_yet_to_do_is_future(analyze_text, text, trigger):
    assert _mention(analyze_text(text), trigger).modality == "future"


def test_what_a_call_is_for_is_future_and_what_an_inquiry_is_into_happened(analyze_text):
    analysis = analyze_text("Activists renewed their calls for a full inquiry into the killings.")
    assert _mention(analysis, "inquiry").modality == "future"
    assert _mention(analysis, "killings").modality == "asserted"


def test_a_blocked_package_was_not_given(analyze_text):
    analysis = analyze_text("Hungary blocked the EU aid package for Ukraine on Monday.")
    assert _mention(analysis, "package").modality == "negated"
    assert _mention(analysis, "blocked").type == "REJECT"


@pytest.mark.parametrize("text, main_type", [
    ("At a meeting on Monday the strikers accepted the company's offer on piece rates.", "AGREE"),
    ("On a visit to Accra, the Nigerian president voiced strong support for the new Ghanaian cabinet.", "SUPPORT"),
    ("After months of negotiations, Peru and Bolivia signed a water-sharing accord.", "AGREE"),
])
def test_a_sentence_reports_its_main_clauses_event(analyze_text, text, main_type):
    """A background phrase before the main clause ('at a meeting', 'on a visit') is read as its
    own mention, deeper in the sentence; the sentence's label is its main clause's event."""
    from eventscribe.evaluate.plover import classify
    analysis = analyze_text(text)
    assert len({m.type for m in analysis.mentions}) >= 2
    assert classify([analysis]) == [main_type]


@pytest.mark.parametrize("text, ask", [
    ("Turkey denied Sweden's request for the extradition of two journalists.", "request"),
    ("Chile rejected Bolivia's request for talks on sea access.", "request"),
    ("Kenya turned down Somalia's appeal for more troops.", "appeal"),
])
def test_a_refused_request_was_still_made(analyze_text, text, ask):
    analysis = analyze_text(text)
    assert _mention(analysis, ask).modality == "asserted"
    assert "REJECT" in [m.type for m in analysis.mentions if m.modality == "asserted"]


def test_a_cancelled_visit_did_not_happen(analyze_text):
    assert _mention(analyze_text("The ministry cancelled the visit of the Danish minister."), "visit").modality == "negated"


@pytest.mark.parametrize("text, trigger, modality", [
    ("Governments routinely condemn such raids.", "condemn", "generic"),
    ("Every year, police arrest thousands of migrants at the border.", "arrest", "generic"),
    ("Police often detain journalists in the capital.", "detain", "generic"),
    # one long act, not a habit
    ("Jihadists besieged the town of Djibo for months.", "besieged", "asserted"),
    ("Protesters occupied the square for weeks.", "occupied", "asserted"),
])
def test_a_habit_is_no_event_and_a_long_act_is_one(analyze_text, text, trigger, modality):
    assert _mention(analyze_text(text), trigger).modality == modality
