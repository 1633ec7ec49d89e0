"""Where an event happened when the words name the place by its kind: 'the town of Kaya',
'Tumbi village', 'an attack on the town of Ngarda', and 'the town' the report named before
(analyze/named_places.py). The towns here are invented, so the gazetteer does not know them: the
place is their name, without coordinates. Every sentence was written for the test."""
import pytest


def _place_of(analysis, type_, trigger=None):
    mention = next(m for m in analysis.mentions if m.type == type_ and (trigger is None or m.trigger == trigger))
    return mention.place.name if mention.place is not None else None


@pytest.mark.parametrize("text, type_, town", [
    ("Warplanes bombed Tumbi village east of Gulu on Monday night.", "ASSAULT", "Tumbi"),
    ("Soldiers clashed with smugglers near the village of Oqsari on Sunday.", "ASSAULT", "Oqsari"),
    ("Gunmen launched an attack on the town of Ngarda on Saturday night.", "ASSAULT", "Ngarda"),
    ("Police detained four traders in Sokoto-Bari village on Friday.", "COERCE", "Sokoto-Bari"),
])
def test_a_place_named_with_its_kind_is_where(analyze_text, text, type_, town):
    assert _place_of(analyze_text(text, published="2025-03-12"), type_) == town


def test_the_town_is_the_town_the_report_named(analyze_text):
    analysis = analyze_text("Militia fighters have encircled the town of Kaya-Noord since early March. "
                            "On Tuesday a shell fired by the militia hit the market in the town, killing five "
                            "civilians.", published="2025-03-12")
    assert _place_of(analysis, "ASSAULT", "shell") == "Kaya-Noord"


def test_the_town_is_the_latest_town_named_before_it(analyze_text):
    analysis = analyze_text("Rebels seized the town of Amboro in January. In March they attacked the town of "
                            "Tarabi. Troops arrested six traders in the town on Friday.", published="2025-03-12")
    assert _place_of(analysis, "COERCE") == "Tarabi"


def test_a_nearby_village_is_not_the_village_named(analyze_text):
    analysis = analyze_text("Floods cut the road to the village of Tumbo last week. On Friday soldiers detained "
                            "three herders in the nearby village.", published="2025-03-12")
    assert _place_of(analysis, "COERCE") != "Tumbo"


@pytest.mark.parametrize("text", [
    "Rebels attacked Tumbi village on Monday.",
    "Warplanes bombed a school in Tumbi village east of Gulu on Monday, killing two pupils.",
])
def test_a_village_is_where_not_who(analyze_text, text):
    analysis = analyze_text(text, published="2025-03-12")
    sides = {p.name for m in analysis.mentions for p in m.participants}
    assert not any(name.startswith(("Oqsari", "Tumbi")) for name in sides), sides


def test_a_town_the_report_named_is_a_place_wherever_it_is_named_again(analyze_text):
    """'the town of Tessouma', then 'soldiers in Tessouma': the arrest is there, not in the city
    the report was filed from; and the day that opens the sentence is no part of the soldiers."""
    analysis = analyze_text("BAMAKO, March 14 (Wire) - Militia fighters shelled the town of Tessouma on Tuesday, "
                            "residents said.\n\nOn Wednesday soldiers in Tessouma detained four traders accused of "
                            "helping the militia.", published="2025-03-14")
    arrest = next(m for m in analysis.mentions if m.type == "COERCE")
    assert arrest.place is not None and arrest.place.name == "Tessouma"
    assert [p.name for p in arrest.participants if p.role == "actor"] == ["soldiers"]
