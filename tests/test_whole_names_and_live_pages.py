"""A body's name NER cut short ('the Federation of Salt Miners | of the Highlands'), a name set
off after a long title and its body's acronym, and the day of a live page's entries stamped with
a time of day. Texts are made up for these tests."""
from eventscribe.model import BASIS_DAY_HEADING, BASIS_LIVE_ENTRY


def _of_type(analysis, type_):
    return [m for m in analysis.mentions if m.type == type_]


def _names(mention):
    return [p.name for p in mention.participants]


def test_a_bodys_name_keeps_the_region_it_is_of_and_later_mentions_of_it_too(analyze_text):
    analysis = analyze_text(
        "The Federation of Salt Miners of the Highlands began an indefinite strike on Monday. "
        "On Wednesday the Federation accused the mining ministry of hiring replacement crews.",
        published="2024-05-09")
    [strike] = _of_type(analysis, "PROTEST")
    [accusation] = _of_type(analysis, "ACCUSE")
    assert _names(strike)[0] == "Federation of Salt Miners of the Highlands"
    assert _names(accusation)[0] == "Federation of Salt Miners of the Highlands"


def test_a_name_set_off_after_a_title_and_its_bodys_acronym_is_the_person(analyze_text):
    analysis = analyze_text("Police detained the head of the Union of Salt Miners (USM), "
                            "Ilko Brandvold, at his home in Teskara on Monday.", published="2024-05-09")
    [arrest] = _of_type(analysis, "COERCE")
    assert "Ilko Brandvold" in _names(arrest)
    assert not any("secretary general" in name for name in _names(arrest))


def test_the_subject_of_a_main_clause_after_a_title_and_an_acronym_is_not_the_titles_holder(analyze_text):
    analysis = analyze_text("When soldiers arrested the head of the Union of Salt Miners (USM), Ilko Brandvold "
                            "called a general strike.", published="2024-05-09")
    [arrest] = _of_type(analysis, "COERCE")
    assert "Ilko Brandvold" not in _names(arrest)


LIVE_PAGE = """Live: Unrest in Kessaly after the vote

18:40 GMT - The regional bloc condemned the seizure of the state broadcaster by soldiers.

16:05 GMT - Riot police turned water cannon on marchers near the parliament.

Wednesday, 8 May

22:10 - Police detained two opposition leaders at their homes in Kessaly, their lawyers said.
"""


def test_a_live_pages_entries_stamped_with_a_time_are_of_the_pages_day_or_the_day_heading_them(analyze_text):
    analysis = analyze_text(LIVE_PAGE, published="2024-05-09")
    [water_cannon] = [m for m in _of_type(analysis, "COERCE") if m.trigger == "turned"]
    [detention] = [m for m in _of_type(analysis, "COERCE") if m.trigger == "detained"]
    assert (water_cannon.date.value, water_cannon.date.precision, water_cannon.date.expression) == ("2024-05-09", "day", "16:05 GMT")
    assert (detention.date.value, detention.date.basis) == ("2024-05-08", BASIS_DAY_HEADING)


def test_a_time_in_a_sentence_is_no_entry_stamp(analyze_text):
    analysis = analyze_text("Police detained two opposition leaders in Kessaly.\n\n"
                            "The arrests were made at 22:10 - an hour after the curfew began.", published="2024-05-09")
    acts = _of_type(analysis, "COERCE")
    assert acts and all(m.date.basis != BASIS_LIVE_ENTRY and m.date.precision == "month" for m in acts)



def test_what_a_body_wrote_or_said_stands_for_the_body_that_it_names(analyze_text):
    analysis = analyze_text("The interior minister, Ilko Brandvold, rejected the report released on Monday by "
                            "the Ruvena Human Rights Centre. A study by Amnesty International accused the "
                            "police of torturing detainees in Teskara.", published="2024-05-09")
    [rejection] = _of_type(analysis, "REJECT")
    [accusation] = _of_type(analysis, "ACCUSE")
    assert _names(rejection) == ["Ilko Brandvold", "Ruvena Human Rights Centre"]
    assert _names(accusation) == ["Amnesty International", "police"]


def test_a_team_of_the_unnamed_government_is_the_reports_government(analyze_text):
    analysis = analyze_text("Philippine rebels talk peace\n\nMANILA, May 6 (Wire) - The Philippines said on Tuesday "
                            "its forces in Mindoro were on alert. Negotiators for the government met the rebel "
                            "Marash Liberation Front in Davao on Monday.", published="2024-05-07")
    [talks] = _of_type(analysis, "CONSULT")
    assert [(p.name, p.title) for p in talks.participants] == [("Filipino government", "negotiators"),
                                                               ("Marash Liberation Front", None)]


def test_a_team_of_a_named_state_stays_that_states(analyze_text):
    analysis = analyze_text("Philippine rebels talk peace\n\nMANILA, May 6 (Wire) - The Philippines said on Tuesday "
                            "its forces in Mindoro were on alert. Government representatives of Malaysia met the "
                            "rebel Marash Liberation Front in Davao on Monday.", published="2024-05-07")
    [talks] = _of_type(analysis, "CONSULT")
    assert "Filipino government" not in _names(talks)
    assert any("Malaysia" in name for name in _names(talks))
