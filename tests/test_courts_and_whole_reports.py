"""The state's courts and prosecutors named by their kind, and who a report's acts are between.

A court, a judge or prosecutors that act without a name of their own ('a district court jailed
…', 'Prosecutors charged …') act for the state whose courts they are, which is the side a reader
and a coder name; a court with a name of its own stays itself. Every sentence here was written
for the test; people, places and bodies are invented."""
import pytest


def _of_type(analysis, type_):
    return [m for m in analysis.mentions if m.type == type_]


def _sides(mention, role):
    return [p.name for p in mention.participants if p.role == role]


@pytest.mark.parametrize("text, type_, state", [
    ("Bulgarian prosecutors charged the former mayor Dorin Valescu with fraud last week.", "ACCUSE", "Bulgaria"),
    ("A court in Kumasi ordered the opposition weekly closed on Monday.", "COERCE", "Ghana"),
    ("On 20 November the Ostrava district court sentenced nine protesters to prison terms.", "COERCE", "Czechia"),
])
def test_an_unnamed_court_or_prosecutor_acts_for_its_state(analyze_text, text, type_, state):
    mention = _of_type(analyze_text(text, published="2025-03-12"), type_)[0]
    assert _sides(mention, "actor") == [state]
    assert next(p.title for p in mention.participants if p.role == "actor").lower().endswith(
        ("prosecutors", "court"))


def test_a_court_with_a_name_of_its_own_stays_itself(analyze_text):
    mention = _of_type(analyze_text("The Constitutional Court rejected the petition on Tuesday.",
                                    published="2025-03-12"), "REJECT")[0]
    assert _sides(mention, "actor") == ["Constitutional Court"]


def test_two_of_the_states_bodies_on_both_sides_stay_apart(analyze_text):
    mention = _of_type(analyze_text("In Lodz, the judge rejected the prosecutors' request to extend the detention "
                                    "of Lina Orsolic.", published="2025-03-12"), "REJECT")[0]
    assert (_sides(mention, "actor"), _sides(mention, "recipient")) == (["judge"], ["prosecutors"])


@pytest.mark.parametrize("text, refuser, caller", [
    ("The opposition Liberal Front accused Prime Minister Ola Brenner of rigging the vote on Monday. "
     "Brenner dismissed the charges on Tuesday.", "Brenner", "Liberal Front"),
    ("Kenya asked Uganda on Friday to extradite the two suspects. Uganda refused, its foreign ministry said.",
     "Uganda", "Kenya"),
    ("Chile accused Bolivia of hoarding water from the Silala springs. Bolivia rejected the allegations on Thursday.",
     "Bolivia", "Chile"),
])
def test_a_refusal_answers_whoever_just_addressed_the_refuser(analyze_text, text, refuser, caller):
    refusal = _of_type(analyze_text(text, published="2025-03-12"), "REJECT")[0]
    assert (_sides(refusal, "actor"), _sides(refusal, "recipient")) == ([refuser], [caller])


def test_a_refusal_long_after_any_call_is_left_to_the_report(analyze_text):
    text = ("Kenya asked Uganda on Friday to extradite the two suspects. The suspects are held in Gulu. "
            "Their lawyers met them on Saturday. Ugandan police moved them to Kampala on Sunday. "
            "Markets in Kampala were calm. Uganda refused on Monday.")
    refusal = _of_type(analyze_text(text, published="2025-03-12"), "REJECT")[0]
    assert "Kenya" not in _sides(refusal, "recipient")


def test_a_bare_act_a_refusal_answers_is_the_act_addressed_to_the_refuser(analyze_text):
    analysis = analyze_text("Kenya asked Uganda to hand over the suspects. Uganda turned down the request.",
                            published="2025-03-12")
    refusal = _of_type(analysis, "REJECT")[0]
    assert _sides(refusal, "recipient") == ["Kenya"]
    requests = _of_type(analysis, "REQUEST")
    assert len({m.event_key for m in requests}) == 1   # 'the request' is the asking told before


@pytest.mark.parametrize("text, target", [
    ("Pakistani jets bombed a weapons depot near Kabul overnight, officials said.", "Afghanistan"),
    ("Israeli aircraft bombed a weapons depot near Damascus overnight.", "Syria"),
])
def test_an_attack_placed_in_another_state_is_on_that_state(analyze_text, text, target):
    attack = _of_type(analyze_text(text, published="2025-03-12"), "ASSAULT")[0]
    assert _sides(attack, "recipient") == [target]


def test_an_attack_at_home_gets_no_guessed_target(analyze_text):
    attack = _of_type(analyze_text("Nigerian troops shelled a camp near Maiduguri on Monday.",
                                   published="2025-03-12"), "ASSAULT")[0]
    assert _sides(attack, "recipient") == []



_LOG = ("Incident log of the Coastal Rights Watch, covering the dockworkers' dispute.\n\n"
        "3 May - Tema: Several hundred dockworkers of the Harbour Workers Union march to the port authority. "
        "Police fired tear gas at the marchers near the main gate. Two union organisers were detained.\n\n"
        "5 May - Takoradi: Union members blocked the access road to the container terminal for four hours. "
        "Police arrested eleven of them in the evening.\n\n"
        "7 May - Accra: The labour minister met union leaders at the ministry.")


def test_every_sentence_of_a_logs_entry_is_of_the_entrys_day(analyze_text):
    analysis = analyze_text(_LOG, published="2025-05-09")
    days = {m.trigger: m.date.value for m in analysis.mentions}
    assert (days["march"], days["fired"], days["detained"]) == ("2025-05-03",) * 3
    assert (days["blocked"], days["arrested"]) == ("2025-05-05",) * 2
    assert days["met"] == "2025-05-07"


def test_acts_of_one_kind_on_two_days_of_a_log_are_two_events(analyze_text):
    analysis = analyze_text(_LOG, published="2025-05-09")
    arrests = [m for m in analysis.mentions if m.trigger in ("detained", "arrested")]
    assert len({m.event_key for m in arrests}) == 2


def test_a_root_noun_with_a_subject_is_a_present_tense_verb(analyze_text):
    march = _of_type(analyze_text("Several hundred dockworkers of the Harbour Workers Union march to the port "
                                  "authority.", published="2025-05-09"), "PROTEST")[0]
    assert _sides(march, "actor") == ["Harbour Workers Union"]


def test_a_person_named_as_often_as_a_state_leaves_the_state_as_the_guess():
    from eventscribe.analyze.sides import _other_side, _Parties
    from eventscribe.model import Participant
    rights_group = Participant(name="Baltic Rights Group", role="actor", kind="ORG")
    vos = Participant(name="Lina Vos", role="recipient", kind="PERSON")
    latvia = Participant(name="Latvia", role="actor", kind="GPE")
    estonia = Participant(name="Estonia", role="actor", kind="GPE")
    parties = _Parties([])
    assert _other_side(rights_group, [(vos, 3), (latvia, 3)], parties).name == "Latvia"
    assert _other_side(rights_group, [(latvia, 3), (estonia, 3)], parties) is None   # two states: no guess
    assert _other_side(rights_group, [(vos, 3), (latvia, 2)], parties) is None       # the person stands out


@pytest.mark.parametrize("text", [
    "The Kenyan president's meeting with Chancellor Olaf Brenner on Monday came ahead of a meeting with "
    "the Bundestag's foreign affairs committee the same day.",
    "President Amani Kiprono met Chancellor Olaf Brenner on Monday. Kiprono also had a meeting with the Bundestag on Monday.",
])
def test_meetings_with_two_hosts_each_named_are_two_meetings(analyze_text, text):
    meetings = [m for m in _of_type(analyze_text(text, published="2025-03-12"), "CONSULT") if m.participants]
    hosts = {m.event_key: {p.name for p in m.participants} for m in meetings}
    assert len(hosts) == 2
    assert not any({"Olaf Brenner", "Bundestag"} <= names for names in hosts.values())


def test_a_ministry_named_department_is_the_reports_state(analyze_text):
    text = ("Irish trawlers were ordered out of fishing grounds off Cork by a Russian warship on Saturday, Irish "
            "fishermen said. The Irish navy sent a patrol vessel. Irish officials called the order unlawful. "
            "On Sunday the Department of Foreign Affairs summoned the Russian ambassador.")
    summons = [m for m in analyze_text(text, published="2025-03-12").mentions if m.trigger == "summoned"][0]
    assert _sides(summons, "actor") == ["Ireland"]


def _meeting(key, *sides):
    from eventscribe.model import EventMention, Participant
    participants = [Participant(name=name, role="participant", kind=kind, title=title) for name, kind, title in sides]
    return EventMention(type="CONSULT", mode="meet", modality="asserted", trigger="met", trigger_start=key * 10,
                        trigger_end=key * 10 + 3, sentence=key, sentence_start=0, sentence_end=0,
                        participants=participants, event_key=key)


def test_an_office_named_alone_joins_no_meeting_of_another_office():
    from eventscribe.analyze.group import absorb_vague_groups
    visit = _meeting(0, ("Amani Kiprono", "PERSON", "Kenyan President"), ("Lena Korhonen", "PERSON", "Finnish Prime Minister"))
    speaker = _meeting(1, ("Kenyan Assembly Speaker", "GROUP", None))
    delegation = _meeting(2, ("Kenyan delegation", "GROUP", None))
    absorb_vague_groups([visit, speaker, delegation])
    assert (speaker.event_key, delegation.event_key) == (1, 0)   # the delegation is the president's people


def test_acts_of_one_side_on_two_named_sides_in_two_sentences_are_two_events(analyze_text):
    analysis = analyze_text("Mali, Niger and Chad announced on Sunday that they were leaving the Economic Community "
                            "of Central African States. On Monday the three states severed diplomatic relations with "
                            "Belgium.", published="2024-01-29")
    leaving, severed = (next(m for m in analysis.mentions if m.trigger == t) for t in ("leaving", "severed"))
    assert leaving.event_key != severed.event_key
    assert _sides(severed, "actor") == ["Mali", "Niger", "Chad"]   # the three states listed before
    # read from the first sentence, each keeps the offsets of the words it was read from
    assert [analysis.text[p.start:p.end] for p in severed.participants if p.role == "actor"] == ["Mali", "Niger", "Chad"]


def test_a_day_counted_in_the_acts_own_clause_beats_another_clauses_date(analyze_text):
    analysis = analyze_text("Police detained two organisers in Sousse on 3 May; a court released them two days later.",
                            published="2026-06-01")
    released = next(m for m in analysis.mentions if m.trigger == "released")
    assert released.date.value == "2026-05-05"


@pytest.mark.parametrize("text", [
    "The police wrote to the party that they had no objection to the rally going ahead on 14 March.",
    "Opposition leaders said the vote would be held on March 9 whatever the court decided.",
])
def test_a_months_name_in_a_date_is_no_march(analyze_text, text):
    assert not [m for m in analyze_text(text, published="2026-03-17").mentions if m.trigger == "March"]


def test_the_owner_of_an_act_done_to_someone_named_after_of_did_it(analyze_text):
    analysis = analyze_text("France criticised Russia's expulsion of its ambassador.", published="2026-03-17")
    expulsion = next(m for m in analysis.mentions if m.trigger == "expulsion")
    criticism = next(m for m in analysis.mentions if m.trigger == "criticised")
    assert (_sides(expulsion, "actor"), _sides(criticism, "recipient")) == (["Russia"], ["Russia"])
    arrest = next(m for m in analyze_text("Ghana condemned Kofi Asante's arrest.").mentions if m.trigger == "arrest")
    assert _sides(arrest, "recipient") == ["Kofi Asante"]   # without 'of', whose arrest: who suffered it


@pytest.mark.parametrize("text, side", [
    ("The Tecolotes gang ambushed a police patrol in Choloma on Thursday.", "Tecolotes gang"),
    ("Members of the Rio Verde cartel attacked an army post near Culiacan on Monday.", "Rio Verde cartel"),
])
def test_a_named_gang_or_cartel_is_a_side(analyze_text, text, side):
    attack = _of_type(analyze_text(text, published="2026-03-17"), "ASSAULT")[0]
    assert _sides(attack, "actor") == [side]


def test_a_description_of_one_nation_is_no_body_named_for_another(analyze_text):
    analysis = analyze_text("The Philippine Coast Guard said the Chinese coast guard rammed its vessel near the shoal.",
                            published="2026-03-17")
    ramming = _of_type(analysis, "ASSAULT")[0]
    assert _sides(ramming, "actor") == ["Chinese coast guard"]


@pytest.mark.parametrize("text, target", [
    ("Norway condemned China's provocations near the shoal.", "China"),
    ("The EU criticised Russia's activities in the Black Sea.", "Russia"),
])
def test_what_a_side_did_wrong_stands_for_it(analyze_text, text, target):
    mention = _of_type(analyze_text(text, published="2026-03-17"), "ACCUSE")[0]
    assert _sides(mention, "recipient") == [target]


def test_a_doubt_about_who_did_it_is_no_part_of_the_sides_name(analyze_text):
    attack = _of_type(analyze_text("Suspected KLF fighters ambushed an army convoy near Beni on Monday.",
                                   published="2026-03-17"), "ASSAULT")[0]
    assert _sides(attack, "actor") == ["KLF fighters"]


def test_a_craft_of_a_named_force_stands_for_it(analyze_text):
    attack = _of_type(analyze_text("The Chinese coast guard rammed a vessel of the Philippine Coast Guard near the shoal.",
                                   published="2026-03-17"), "ASSAULT")[0]
    assert (_sides(attack, "actor"), _sides(attack, "recipient")) == (["Chinese coast guard"], ["Philippine Coast Guard"])


def test_an_office_holder_flying_to_two_capitals_visits_each_state(analyze_text):
    analysis = analyze_text("Chilean Foreign Minister Marta Olave flew to Lima on Monday and then to Quito on "
                            "Tuesday.", published="2026-03-17")
    visits = [(m.mode, _sides(m, "participant"), m.date.value, m.place.name) for m in _of_type(analysis, "CONSULT")]
    assert visits == [("visit", ["Marta Olave", "Peru"], "2026-03-16", "Lima"),
                      ("visit", ["Marta Olave", "Ecuador"], "2026-03-17", "Quito")]


@pytest.mark.parametrize("text", [
    "Kenyan peacekeepers arrived in Mogadishu on Monday.",
    "Thousands of migrants travelled to the border at Tijuana.",
])
def test_troops_or_crowds_going_somewhere_pay_no_visit(analyze_text, text):
    assert not _of_type(analyze_text(text, published="2026-03-17"), "CONSULT")
