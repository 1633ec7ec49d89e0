"""Acts two sides do to each other ('accused each other', 'traded accusations', 'each government
blamed the other') are two events, one each way, as PLOVER's directed types are; a fight they
exchange stays one event of both. Every sentence was written for the test."""
import pytest


def _directed(analysis, type_):
    return {(tuple(p.name for p in m.participants if p.role == "actor"),
             tuple(p.name for p in m.participants if p.role == "recipient"))
            for m in analysis.mentions if m.type == type_ and m.modality == "asserted"}


@pytest.mark.parametrize("text, first, second", [
    ("Armenia and Azerbaijan accused each other of violating the truce on Monday.", "Armenia", "Azerbaijan"),
    ("India and Pakistan accused one another of shelling villages along the frontier.", "India", "Pakistan"),
    ("Kenya and Somalia traded accusations over the border raid on Tuesday.", "Kenya", "Somalia"),
    ("Troops of Uganda and South Sudan clashed near the border on Sunday. Each government blamed the other "
     "for starting the shooting.", "Uganda", "South Sudan"),
])
def test_an_accusation_made_each_way_is_two_events(analyze_text, text, first, second):
    assert _directed(analyze_text(text, published="2025-03-12"), "ACCUSE") == {((first,), (second,)), ((second,), (first,))}


def test_fire_exchanged_is_one_fight_of_both(analyze_text):
    analysis = analyze_text("Uzbek and Tajik border guards exchanged fire near the frontier on Sunday.",
                            published="2025-03-12")
    fights = [m for m in analysis.mentions if m.type == "ASSAULT" and m.modality == "asserted"]
    assert len(fights) == 1 and len(fights[0].participants) == 2, fights


def test_an_accusation_of_one_side_stays_one_event(analyze_text):
    analysis = analyze_text("Armenia accused Azerbaijan of violating the truce on Monday.", published="2025-03-12")
    assert _directed(analysis, "ACCUSE") == {(("Armenia",), ("Azerbaijan",))}
