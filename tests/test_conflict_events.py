"""Conflict, protest and coercion read as well as meetings: the learned detector proposes
triggers the vocabulary lacks, unnamed armed, state and crowd sides are participants, and
cancelled or anticipated meetings are not events. Every sentence here was written for the test."""
from conftest import asserted_events

from eventscribe.ingest import ingest
from eventscribe.store import Store

REPORT = """Troops fire on protesters in Bamako

BAMAKO, March 4 - Soldiers opened fire on demonstrators outside the national assembly on Monday, witnesses said.
Police arrested opposition leader Ibrahim Keita Sangare at his home late on Monday.
Thousands of protesters rallied in the city centre on Tuesday demanding his release.
The Chinese navy began live-fire drills in the South China Sea on Wednesday.
"""


def _sides(mention):
    return {(p.name, p.role) for p in mention.participants}


def test_conflict_report_yields_attack_arrest_and_protest_with_their_sides(analyze_text):
    analysis = analyze_text(REPORT, published="2024-03-06")
    by_type = {m.type: m for m in analysis.mentions if m.modality == "asserted"}
    assert {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"} <= set(by_type)
    assert _sides(by_type["ASSAULT"]) == {("Soldiers", "actor"), ("demonstrators", "recipient")}
    assert _sides(by_type["COERCE"]) == {("Police", "actor"), ("Ibrahim Keita Sangare", "recipient")}
    assert ("protesters", "actor") in _sides(by_type["PROTEST"])
    assert ("Chinese navy", "actor") in _sides(by_type["MOBILIZE"])


def test_conflict_report_events_reach_the_store(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bamako.txt").write_text(REPORT)
    with Store(tmp_path / "s.db") as store:
        ingest([tmp_path / "in"], store)
        types = {record["type"]: record for record in store.query_events()}
    assert {"ASSAULT", "COERCE", "PROTEST"} <= set(types)
    # The headline ("Troops fire on protesters") and the body's sentence are one event.
    assault = {(a["name"], a["role"]) for a in types["ASSAULT"]["actors"]}
    assert assault == {("Troops", "actor"), ("Soldiers", "actor"), ("protesters", "recipient"),
                       ("demonstrators", "recipient")}


def test_a_compound_event_noun_is_read_at_its_head(analyze_text):
    analysis = analyze_text("A drone strike killed a senior commander of the Jaysh al-Nur militia near Marib on Sunday.",
                            published="2024-03-06")
    assert "strike" in [m.trigger for m in analysis.mentions if m.type == "ASSAULT"]
    assert "drone" not in [m.trigger for m in analysis.mentions]


def test_sides_of_clashes_hang_on_the_verb(analyze_text):
    analysis = analyze_text("Heavy clashes broke out between government forces and Ansar Dine fighters in Gao on Friday.",
                            published="2024-03-06")
    [clash] = [m for m in analysis.mentions if m.type == "ASSAULT"]
    assert "government forces" in [p.name for p in clash.participants]


def test_sides_with_a_name_or_a_count_are_the_named_or_counted(analyze_text):
    analysis = analyze_text("Hundreds of students marched to the ministry in Accra on Thursday.", published="2024-03-06")
    [march] = [m for m in analysis.mentions if m.type == "PROTEST"]
    assert [p.name for p in march.participants] == ["students"]


def test_cancelled_and_anticipated_meetings_are_not_events(analyze_text):
    called_off = analyze_text("The talks between Minister Rana Aziz and envoy Tomas Berg were called off on Monday.")
    cancelled = analyze_text("Kenya called off its talks with a Ugandan delegation led by Minister Grace Atim.")
    awaited = analyze_text("We look forward to our meeting with President Olu Adeyemi and Chancellor Marta Vogel.")
    for analysis in (called_off, cancelled, awaited):
        assert not asserted_events(analysis, "CONSULT"), [(m.trigger, m.modality) for m in analysis.mentions]


def test_disaster_and_sport_give_no_conflict_event(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "quake.txt").write_text(
        "Quake\n\nThe earthquake struck the coastal town of Esmeraldas on Sunday, destroying hundreds of homes.\n")
    (tmp_path / "in" / "match.txt").write_text("Qualifier\n\nNigeria beat Ghana 2-0 in a qualifier in Abuja on Saturday.\n")
    with Store(tmp_path / "s.db") as store:
        ingest([tmp_path / "in"], store)
        assert store.query_events() == []


def test_an_accused_act_is_the_speakers_claim_not_an_event(analyze_text):
    analysis = analyze_text("The European Union accused the authorities of torturing detainees in Minsk.")
    by_type = {m.type: m for m in analysis.mentions}
    assert by_type["ACCUSE"].modality == "asserted"
    assert ("authorities", "recipient") in _sides(by_type["ACCUSE"])
    assert by_type["ASSAULT"].modality == "reported"


def test_what_was_said_or_done_stands_for_who_did_it(analyze_text):
    analysis = analyze_text("Amnesty International condemned the remarks of General Osei Boateng on Friday.")
    [accuse] = [m for m in analysis.mentions if m.type == "ACCUSE"]
    assert _sides(accuse) == {("Amnesty International", "actor"), ("Osei Boateng", "recipient")}


def test_a_guard_is_a_side_unless_it_is_a_guard_of_honour(analyze_text):
    detained = analyze_text("The opposition leader Amadou Sy was detained by the presidential guard in Lome on Tuesday.")
    [coerce] = [m for m in detained.mentions if m.type == "COERCE"]
    assert _sides(coerce) == {("presidential guard", "actor"), ("Amadou Sy", "recipient")}
    welcomed = analyze_text("President Ana Costa was welcomed by an honour guard and met Prime Minister Li Wen in Beijing.")
    assert not [p for m in welcomed.mentions for p in m.participants if "guard" in p.name]


def test_the_detector_retypes_a_frame_it_is_sure_of(analyze_text):
    analysis = analyze_text("Rebels seized the border town of Tessalit after two days of fighting.")
    [seizure] = [m for m in analysis.mentions if m.trigger == "seized"]
    assert seizure.type == "ASSAULT" and ("Rebels", "actor") in _sides(seizure)


def test_a_trigger_inside_a_hyphenated_word_is_read_and_stored(tmp_path):
    """The detector reads "counter-attack" as one word, spaCy as three tokens."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "aleppo.txt").write_text("Counter-attack\n\nRebels launched a counter-attack near Idlib on "
                                                 "Monday, and police arrested twelve protesters in Homs.\n")
    (tmp_path / "in" / "hama.txt").write_text("Re-arrest\n\nPolice re-arrested the opposition leader Karim Nasser "
                                               "in Hama on Tuesday.\n")
    with Store(tmp_path / "s.db") as store:
        report = ingest([tmp_path / "in"], store)
        assert report.stats["stored new"] == 2
        triggers = {(doc, t, trigger) for doc, t, trigger in store.connection.execute("SELECT doc_id, type, trigger FROM mentions")}
        assert ("aleppo", "COERCE", "arrested") in triggers and ("hama", "COERCE", "arrested") in triggers


def test_what_a_demand_asks_for_has_not_happened(analyze_text):
    analysis = analyze_text("Kinshasa demanded that the rebel authorities hand over their weapons by Friday.")
    by_trigger = {m.trigger: m for m in analysis.mentions}
    assert by_trigger["demanded"].type == "REQUEST" and by_trigger["demanded"].modality == "asserted"
    assert ("rebel authorities", "recipient") in _sides(by_trigger["demanded"])
    assert by_trigger["hand"].modality == "hypothetical"


def test_questions_and_denials_are_not_events(analyze_text):
    asked = analyze_text("Did police arrest the activists in Lagos on Monday?")
    denied = analyze_text("The army denied shelling the village of Tamou on Sunday.")
    disputed = analyze_text("The ministry denied reports that troops had entered Tamou.")
    for analysis in (asked, denied, disputed):
        assert not [m for m in analysis.mentions if m.modality == "asserted"], \
            [(m.type, m.trigger, m.modality) for m in analysis.mentions]
    refused = analyze_text("The government denied the opposition's request for a permit in Lome.")
    assert "REJECT" in [m.type for m in refused.mentions if m.modality == "asserted"]
