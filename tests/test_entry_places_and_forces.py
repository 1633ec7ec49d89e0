"""A monitor's note opens with where it happened ("Kavumbo: At about 23:40 shells hit …",
"3 May - Wakamas and Chumbitza: …"): the label is no side of the sentence after it and places
the entry's events; a dateline may end with a plain dash; soldiers and officers the words do
not say whose are the state's where they act, unless the report tells of a coup. Every
sentence and report here was written for the test; people, bodies and towns are invented."""
import pytest

from eventscribe.analyze.sentences import entry_place, split_sentences


@pytest.mark.parametrize("line, places, sentence", [
    ("Kavumbo: At about 23:40, at least six shells hit the market area.", ["Kavumbo"],
     "At about 23:40, at least six shells hit the market area."),
    ("11 March - Myitkalay, Zay Gyi market: A mortar round struck the stalls at dawn.", ["Myitkalay", "Zay Gyi market"],
     "A mortar round struck the stalls at dawn."),
    ("Banjul / Brikama: The mission held talks with the regional governor.", ["Banjul", "Brikama"],
     "The mission held talks with the regional governor."),
    ("12 January - Wakamas, Chumbitza and Puerto Nankais: Federation members blocked the highway.",
     ["Wakamas", "Chumbitza", "Puerto Nankais"], "Federation members blocked the highway."),
])
def test_a_place_label_opening_a_note_is_split_from_its_sentence(line, places, sentence):
    segments = split_sentences(line)
    assert [s.text for s in segments][-1] == sentence
    assert entry_place(segments[0].text) == places


@pytest.mark.parametrize("line", [
    "The minister said: we will answer this provocation.",
    "What happened: the ambassador returned to his post on Thursday.",
    "Police in Harare detained six vendors on Monday.",
])
def test_prose_with_a_colon_is_no_place_label(line):
    segments = split_sentences(line)
    assert [s.text for s in segments] == [line]
    assert entry_place(line) == []


NOTES = ("Incidents logged by the monitor this week.\n\n"
         "3 March - Kavumbo: At about 23:40, at least six shells hit the market area, killing two traders.\n\n"
         "4 March - Mopti: Soldiers arrested eleven herders at the weekly market.\n\n"
         "Bukavu: Members of the Lucha movement held a sit-in outside the governor's office.")


def test_a_note_places_its_events_where_its_label_says(analyze_text):
    analysis = analyze_text(NOTES, published="2026-03-10")
    places = {m.trigger: m.place.name for m in analysis.mentions if m.modality == "asserted" and m.place}
    assert places["hit"] == "Kavumbo"        # a town the gazetteer does not know, named all the same
    assert places["arrested"] == "Mopti"
    assert places["in"] == "Bukavu"
    assert not any(p.name in ("Kavumbo", "Mopti", "Bukavu") for m in analysis.mentions for p in m.participants)


def test_a_stamp_with_a_place_label_still_dates_its_entry(analyze_text):
    analysis = analyze_text(NOTES, published="2026-03-10")
    dates = {m.trigger: m.date.value for m in analysis.mentions if m.modality == "asserted"}
    assert dates["hit"] == "2026-03-03"
    assert dates["arrested"] == "2026-03-04"


@pytest.mark.parametrize("text, side", [
    ("Mopti, 14 March 2026 - Soldiers arrested eleven herders at the weekly market on Saturday.", "Malian soldiers"),
    ("Officers detained four students outside the university in Kumasi on Monday, witnesses said.", "Ghanaian officers"),
    ("In Cusco, soldiers fired tear gas at farmers blocking the road on Tuesday.", "Peruvian soldiers"),
])
def test_soldiers_and_officers_are_the_state_s_where_they_act(analyze_text, text, side):
    analysis = analyze_text(text, published="2026-03-20")
    acting = [p.name for m in analysis.mentions if m.type in ("COERCE", "ASSAULT") for p in m.participants if p.role == "actor"]
    assert side in acting


def test_in_a_report_of_a_coup_soldiers_are_not_taken_for_the_state(analyze_text):
    text = ("Soldiers stormed the state broadcaster in Freetown before dawn on Monday and announced that they "
            "had seized power. The president is being held at an army barracks, a junta spokesman said.")
    analysis = analyze_text(text, published="2026-03-20")
    stormers = [p.name for m in analysis.mentions if m.trigger == "stormed" for p in m.participants if p.role == "actor"]
    assert stormers == ["Soldiers"]
