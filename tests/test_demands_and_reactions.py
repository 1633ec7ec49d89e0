"""What a speaker says another side must be ready to do is the speaker's demand, not that side's
offer. Every sentence here was written for the test; people, bodies and towns are invented."""
import pytest


def _sides(mention):
    return sorted((p.name, p.role) for p in mention.participants)


@pytest.mark.parametrize("text, speaker, addressee", [
    ("Kenyan President Daniel Mwangi said on Tuesday that Ethiopia must be ready to return to the talks.",
     "Daniel Mwangi", "Ethiopia"),
    ("Chile's president said the rebels must be willing to negotiate before any aid is sent.",
     "Chile's president", "rebels"),
    ("The Ghanaian foreign minister said in Accra that Togo must be ready to reopen the border crossing.",
     "Ghanaian foreign minister", "Togo"),
])
def test_must_be_ready_to_act_is_the_speakers_demand(analyze_text, text, speaker, addressee):
    analysis = analyze_text(text, published="2025-03-12")
    demands = [m for m in analysis.mentions if m.type == "REQUEST" and m.modality == "asserted"]
    assert demands, [(m.type, m.trigger, _sides(m)) for m in analysis.mentions]
    sides = _sides(demands[0])
    assert (addressee, "recipient") in sides and (speaker, "actor") in sides
    # the addressee offered nothing: being ready is what it was asked for
    assert not [m for m in analysis.mentions if m.type in ("AGREE", "THREATEN") and m.modality == "asserted"]


@pytest.mark.parametrize("text, side", [
    ("The rebel commander Ilunga Kabeya said his fighters were ready to negotiate with the government.", "fighters"),
    ("The Peruvian government said it is willing to resume talks with the miners.", "Peruvian government"),
])
def test_a_side_saying_it_is_ready_to_act_still_offers_it(analyze_text, text, side):
    analysis = analyze_text(text, published="2025-03-12")
    offers = [m for m in analysis.mentions if m.type == "AGREE" and m.modality == "asserted"]
    assert offers and (side, "actor") in _sides(offers[0])
    assert not [m for m in analysis.mentions if m.type == "REQUEST"]


def test_only_the_last_part_of_a_hyphenated_word_may_be_a_detected_trigger(nlp):
    """The detector scores 're-took' as one word, spaCy reads three tokens: the prefix and the
    hyphen share the word's score, but what happened is told by its last part."""
    import importlib

    extract = importlib.import_module("eventscribe.analyze.extract")
    doc = nlp("Government troops re-took the town of Kalemba, and the army counter-attacked near Bunia.")
    scores = extract._DetectorScores(doc.text)
    prefixes = [t.text for t in doc if scores.prefix_in_word(t)]
    assert prefixes == ["re", "-", "counter", "-"]
