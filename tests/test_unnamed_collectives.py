"""A collective no name is given for is still a side when a common noun before its head says
who it is ('rights groups', 'the fishermen's cooperative union', 'business leaders'); 'the
government' is the report's state when the report tells which, and no side when it does not.
Every sentence and report here was written for the test; people and bodies are invented."""
import pytest


def _sides(analysis, type_):
    return [(p.role, p.name) for m in analysis.mentions if m.type == type_ for p in m.participants]


@pytest.mark.parametrize("text, type_, side", [
    ("Rights groups condemned the detention of the blogger in Tashkent.", "ACCUSE", "rights groups"),
    ("The dockers' union accused the port authority of breaking the wage deal.", "ACCUSE", "dockers' union"),
    ("Church leaders have urged both camps to stop the killings.", "REQUEST", "church leaders"),
    ("On Thursday, student organisations denounced the new tuition law.", "ACCUSE", "student organisations"),
    ("Human rights organizations criticised the mass trial in Cairo on Monday.", "ACCUSE", "human rights organizations"),
])
def test_a_collective_said_who_it_is_by_a_common_noun_is_the_actor(analyze_text, text, type_, side):
    assert ("actor", side) in _sides(analyze_text(text), type_)


@pytest.mark.parametrize("text", [
    "Armed groups attacked three villages near the river on Sunday.",   # what, not who
    "Some groups condemned the decision.",                               # a count, not a side
])
def test_a_collective_said_only_by_an_adjective_or_a_count_is_no_side(analyze_text, text):
    names = [p.name.lower() for m in analyze_text(text).mentions for p in m.participants]
    assert not any(n.endswith("groups") for n in names)


def test_a_collective_owned_by_a_body_is_that_body_not_a_new_side(analyze_text):
    text = ("The Andean Trade Bloc met in Lima on Monday.\n\n"
            "The bloc's leaders agreed on Tuesday to lower tariffs on grain.")
    names = [p.name for m in analyze_text(text, published="2024-06-05").mentions for p in m.participants]
    assert not any("leaders" in n for n in names)


REPORT = ("HARARE, June 4 - Zimbabwe's opposition said on Tuesday that police had beaten its "
          "supporters in Harare.\n\n"
          "Zimbabwean lawyers said more than 40 people had been held since the weekend across Zimbabwe.\n\n"
          "Opposition leader Tendai Moyo criticised the government for the arrests.")


def test_the_government_of_a_one_country_report_is_that_states(analyze_text):
    sides = _sides(analyze_text(REPORT, published="2024-06-04"), "ACCUSE")
    assert ("recipient", "Zimbabwean government") in sides


@pytest.mark.parametrize("text", [
    "Opposition leader Tendai Moyo criticised the government for the arrests.",
    "The farmers' federation accused the government of hoarding fertiliser.",
])
def test_the_government_of_a_report_that_does_not_say_whose_is_no_side(analyze_text, text):
    names = [p.name for m in analyze_text(text).mentions for p in m.participants]
    assert "government" not in names and names   # the other side is still read


STATEMENT = ("The Sahel Water Alliance condemns the attack on the Koro well on 3 May.\n\n"
             "Since 4 May our tankers have delivered clean water to families in Koro. "
             "We have trucked in 90,000 litres.\n\n"
             "\"We will not leave,\" said the alliance's director, Awa Traore.")


def _aid_actors(analysis):
    return [p.name for m in analysis.mentions if m.type == "AID" for p in m.participants if p.role == "actor"]


def test_we_in_a_bodys_own_statement_is_that_body(analyze_text):
    analysis = analyze_text(STATEMENT, outlet="Sahel Water Alliance")
    actors = _aid_actors(analysis)
    assert actors and set(actors) == {"Sahel Water Alliance"}


def test_we_in_a_report_by_an_outlet_it_does_not_name_is_no_one(analyze_text):
    assert _aid_actors(analyze_text(STATEMENT, outlet="Daily Courier")) == []


def test_us_in_capitals_is_the_united_states_not_we(analyze_text):
    analysis = analyze_text("US imposes fresh sanctions on Bolivian judges")
    assert [p.name for m in analysis.mentions if m.type == "SANCTION" for p in m.participants if p.role == "actor"] == ["US"]


def test_a_plurals_possessive_mark_stays_in_the_name(analyze_text):
    analysis = analyze_text("Labour Minister Ana Ruiz met leaders of the porters' union in Callao on Monday.")
    names = [p.name for m in analysis.mentions for p in m.participants]
    assert any("porters' union" in n for n in names) and not any("portersunion" in n for n in names)
