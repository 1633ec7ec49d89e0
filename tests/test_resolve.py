"""The cross-document stage: actors across spellings, events across reports, order and reruns."""
import json
import random
import re
import shutil
from collections import Counter

import pytest

from eventscribe.ingest import ingest
from eventscribe.resolve.actors import NameStats, build_actors, collective_key
from eventscribe.resolve.events import DocEvent, cluster
from eventscribe.store import Store


def _names(*pairs):
    return [NameStats(name, kind, count) for name, kind, count in pairs]


def _actor_of(index, actors, name):
    return next(a for a in actors if a.actor_id == index[name])


def test_transliterations_are_one_actor_and_namesakes_are_not():
    actors, index = build_actors(_names(
        ("Sergei Grigoriev", "PERSON", 5), ("Sergey Grigoryev", "PERSON", 2), ("Grigoreev", "PERSON", 1),
        ("Salim al-Masri", "PERSON", 9), ("Salim Al Masri", "PERSON", 1), ("Masri", "PERSON", 6),
        ("Nabil al-Masri", "PERSON", 2), ("Salim Nabil al-Masri", "PERSON", 1)))
    assert index["Sergei Grigoriev"] == index["Sergey Grigoryev"] == index["Grigoreev"]
    assert index["Salim al-Masri"] == index["Salim Al Masri"] == index["Masri"]
    assert index["Nabil al-Masri"] != index["Salim al-Masri"]
    salim = _actor_of(index, actors, "Masri")
    assert salim.name == "Salim al-Masri" and salim.aliases["Masri"] == 6


def test_family_name_first_and_bare_names_meet():
    _, index = build_actors(_names(("Park Min Jun", "PERSON", 3), ("Park", "PERSON", 4),
                                   ("Maria Lang", "PERSON", 5), ("Lang", "PROPN", 2), ("Eva Lang", "PERSON", 1)))
    assert index["Park"] == index["Park Min Jun"]
    assert index["Lang"] == index["Maria Lang"] != index["Eva Lang"]


@pytest.mark.parametrize("first, second", [
    ("the United States", "U.S."), ("US", "United States"), ("Venezuelan officials", "Venezuela"),
    ("Chad's military", "Chad"), ("the European Union", "EU"),
    ("Chad's border police", "Chad's national border police"),
    ("leaders of the EU", "European Union"), ("ECOWAS", "the Economic Community of West African States"),
    ("NATO Heads of State and Government", "NATO leaders"), ("EU foreign ministers", "the European Union"),
    ("Russian missiles", "Russia"), ("Azerbaijani artillery", "Azerbaijani forces"),
    # a capitalised head is part of the name its initials stand for, unless the rest is a state's
    ("Marash Valley Liberation Army", "MVLA"), ("the Rapid Support Forces", "RSF"),
    ("the Ukrainian Army", "Ukraine"), ("Government Forces", "government forces"),
    # a state's aircraft and armour, one or many
    ("Turkish drones", "Turkey"), ("an Israeli warplane", "Israel"), ("Russian warplanes", "Russian forces"),
    # a state by its formal name, whichever way it is built
    ("the Kyrgyz Republic", "Kyrgyzstan"), ("the Republic of Tajikistan", "Tajikistan"),
    ("the Hashemite Kingdom of Jordan", "Jordan"), ("the People's Republic of China", "China"),
    ("the Kingdom of the Netherlands", "the Netherlands"), ("Lao People's Democratic Republic", "Laos"),
    ("the State of Qatar", "Qatar"), ("the Islamic Republic", "Iran"),
])
def test_collective_actors_share_a_key(first, second):
    assert collective_key(first) == collective_key(second)


@pytest.mark.parametrize("first, second", [
    ("Angry Belgian dock workers", "Alba (Bread) opposition bloc"),   # both 'AB'
    ("Tamil fishermen", "Tuvalu Federation"),                                       # both 'TF'
    ("Special Forces", "Southern Forces"),                                          # both 'SF'
])
def test_descriptions_sharing_initials_are_not_one_body(first, second):
    assert collective_key(first) != collective_key(second)


@pytest.mark.parametrize("people, body", [
    ("Green Union MPs", "Green Union"), ("Tide activists", "Tide"), ("ZLF fighters", "ZLF"),
])
def test_a_partys_or_groups_people_are_the_party_or_group(people, body):
    assert collective_key(people) == collective_key(body)


def test_a_nations_supporters_or_fighters_are_not_its_state():
    assert collective_key("Peruvian supporters") != collective_key("Peru")
    assert collective_key("Russian fighters") != collective_key("Russia")


def test_a_group_is_named_by_its_own_name_not_its_peoples():
    actors, index = build_actors(_names(("ZLF fighters", "GROUP", 4), ("ZLF", "ORG", 2),
                                        ("Zamba Liberation Front", "ORG", 1)))
    assert {_actor_of(index, actors, n).name for n in ("ZLF fighters", "ZLF")} == {"Zamba Liberation Front"}


def test_different_countries_differ():
    assert collective_key("Indian soldiers") != collective_key("Chinese troops")
    # formal names that share words name different states
    for first, second in (("the Republic of Korea", "the Democratic People's Republic of Korea"),
                          ("the Republic of China", "the People's Republic of China"),
                          ("the Republic of the Congo", "the Democratic Republic of the Congo")):
        assert collective_key(first) != collective_key(second), first
        assert collective_key(first).startswith("country:") and collective_key(second).startswith("country:")


@pytest.mark.parametrize("words", ["the Federation of Mine Workers", "the Nigerian Union", "a state of emergency",
                                   "the Union of Lake Basin Republics", "the Commonwealth of Independent States",
                                   # armed groups and a state's parts, named like states
                                   "the Islamic State of Iraq", "the Islamic Emirate of Afghanistan", "the State of Mexico",
                                   "the Federation of Bosnia and Herzegovina", "the Serbian Republic"])
def test_words_shaped_like_a_formal_state_name_that_name_no_state_are_no_state(words):
    assert not collective_key(words).startswith("country:")


@pytest.mark.parametrize("title, sector", [("Major General", "MIL"), ("Brigadier-General", "MIL"), ("Secretary-General", "GOV"),
                                           ("Secretary General", "GOV"), ("Attorney-General", "JUD"), ("Governor General", "GOV")])
def test_general_is_a_rank_only_where_no_office_holds_it(title, sector):
    from eventscribe.resolve.countries import sector_of
    assert sector_of("PERSON", "Ana Sorel", [title]) == sector


def test_a_formal_name_is_no_other_state_in_running_text():
    from eventscribe.analyze.places import side_country
    assert side_country("the People's Republic of China") == "CHN"
    assert side_country("the Democratic People's Republic of Korea") != "KOR"
    assert side_country("the Islamic Republic of Pakistan") == "PAK"


def test_a_state_told_by_its_formal_name_alone_is_named_by_its_common_name():
    actors, index = build_actors(_names(("the Kyrgyz Republic", "GPE", 3), ("the Republic of Tajikistan", "GPE", 2)))
    assert {_actor_of(index, actors, n).name for n in ("the Kyrgyz Republic", "the Republic of Tajikistan")} \
        == {"Kyrgyzstan", "Tajikistan"}
    # an organisation is named by its acronym when a report names only groups of its people
    actors, index = build_actors(_names(("NATO defence ministers", "ORG", 3), ("NATO leaders", "ORG", 1)))
    assert _actor_of(index, actors, "NATO leaders").name == "NATO"
    # a state by its name, not its formal name, however the reports call it most
    actors, index = build_actors(_names(("the Islamic Republic", "GPE", 3), ("Iran", "GPE", 1), ("Palestine", "GPE", 2)))
    assert {_actor_of(index, actors, n).name for n in ("the Islamic Republic", "Iran")} == {"Iran"}
    assert _actor_of(index, actors, "Palestine").name == "Palestine"   # (not the gazetteer's 'Palestinian Territory')


def test_an_organ_of_a_state_is_not_the_state():
    assert collective_key("Chad's border police") != collective_key("Chad")
    assert collective_key("Chad's supreme council") != collective_key("Chad")
    # a ministry or the military stands for its state, as news writes it
    assert collective_key("Chad's foreign ministry") == collective_key("Chad") == collective_key("Chad's army")


def test_a_state_is_named_by_its_name_when_a_report_gives_it():
    actors, index = build_actors(_names(("Chad's trade ministry", "GROUP", 3), ("Chadian officials", "GROUP", 2),
                                        ("Chad", "GPE", 1)))
    assert index["Chad"] == index["Chad's trade ministry"] == index["Chadian officials"]
    assert _actor_of(index, actors, "Chad").name == "Chad"
    # no spelling is the state's name: the fullest spelling used most
    actors, index = build_actors(_names(("Malian troops", "GROUP", 2), ("Mali's army", "GROUP", 1)))
    assert _actor_of(index, actors, "Mali's army").name == "Malian troops"


def test_two_full_names_sharing_initials_are_two_actors_and_the_acronym_joins_the_commoner():
    actors, index = build_actors(_names(("Kivu Assembly", "ORG", 2), ("Kofi Amponsah", "ORG", 1),
                                        ("Kivu Assembly", "ORG", 1), ("KA", "ORG", 1),
                                        ("Organisation of Lake States", "ORG", 2), ("Organization of Lake States", "ORG", 1)))
    assert index["Kivu Assembly"] != index["Kofi Amponsah"]
    assert index["KA"] == index["Kivu Assembly"]
    # one name spelled two ways stays one actor
    assert index["Organisation of Lake States"] == index["Organization of Lake States"]


def test_a_state_s_unnamed_office_holders_are_the_state_and_keep_their_offices():
    """'The Kenyan trade minister' names no person: the side is Kenya, the office its title; so
    are a state's people in arms ('Ugandan police'). An army alone keeps its name (a side of its
    own in a civil war); an envoy abroad stays an office."""
    actors, index = build_actors(_names(("Kenyan trade minister", "GROUP", 2), ("Kenya's interior ministry", "GROUP", 1),
                                        ("Ugandan police", "GROUP", 1), ("Tanzanian ambassador", "GROUP", 1),
                                        ("Sudanese army", "GROUP", 1)))
    kenya = _actor_of(index, actors, "Kenyan trade minister")
    assert index["Kenya's interior ministry"] == kenya.actor_id
    assert (kenya.name, kenya.country) == ("Kenya", "KEN")
    assert set(kenya.titles) == {"trade minister", "interior ministry"}
    assert (_actor_of(index, actors, "Ugandan police").name, _actor_of(index, actors, "Ugandan police").country) == (
        "Uganda", "UGA")
    assert _actor_of(index, actors, "Sudanese army").name == "Sudanese army"
    assert _actor_of(index, actors, "Tanzanian ambassador").name == "Tanzanian ambassador"


def test_ministers_of_two_states_are_the_two_states_with_their_office(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = ("The Kenyan and Ugandan trade ministers signed a customs accord in Kampala on Tuesday, "
            "ending a dispute over sugar quotas.")
    (folder / "k1.json").write_text(json.dumps({"doc_id": "k1", "published": "2024-06-13", "text": text}))
    with Store(tmp_path / "s.db") as store:
        ingest([folder], store)
        agreed = store.query_events(type="AGREE")
    assert [{(a["name"], a["title"], a["country"]) for a in e["actors"]} for e in agreed] == [
        {("Kenya", "trade minister", "KEN"), ("Uganda", "trade minister", "UGA")}]


def test_overrides_merge_and_keep_apart():
    names = _names(("Abdullah II", "PERSON", 3), ("King Abdullah", "PERSON", 2), ("Abdullah Abdullah", "PERSON", 2))
    _, index = build_actors(names, [("apart", "King Abdullah", "Abdullah Abdullah"),
                                    ("merge", "King Abdullah", "Abdullah II")])
    assert index["King Abdullah"] == index["Abdullah II"] != index["Abdullah Abdullah"]


def _event(event_id, doc, actors, date=None, basis="text", place=None, published=None, type_="CONSULT", roles=None):
    return DocEvent(event_id, doc, type_, "meet", date, basis if date else "unknown", place, None, published,
                    actors={a: "PERSON" for a in actors}, roles=roles or {})


def test_same_pair_on_different_days_stays_apart():
    events = [_event("a", "d1", ["assad", "zarif"], "2019-04-16"), _event("b", "d2", ["assad", "zarif"], "2019-04-16"),
              _event("c", "d3", ["assad", "zarif"], "2019-01-10")]
    groups = sorted(sorted(m.event_id for m in members) for members, _ in cluster(events))
    assert groups == [["a", "b"], ["c"]]


def test_month_date_joins_a_day_inside_it_and_reasons_are_kept():
    events = [_event("a", "d1", ["kishida", "yoon"], "2023-03-16", place="Tokyo"),
              _event("b", "d2", ["kishida", "yoon"], "2023-03", place="Tokyo")]
    [(members, reasons)] = cluster(events)
    assert len(members) == 2 and reasons[0]["shared_actors"] == ["kishida", "yoon"]


def test_other_person_keeps_meetings_apart():
    events = [_event("a", "d1", ["assad", "zarif"], "2019-04-16"), _event("b", "d2", ["assad", "shoigu"], "2019-04-16")]
    assert len(cluster(events)) == 2


def test_who_did_it_to_whom_matters():
    events = [_event("a", "d1", ["israel", "hamas"], "2023-10-07", type_="ASSAULT",
                     roles={"israel": "recipient", "hamas": "actor"}),
              _event("b", "d2", ["israel", "hamas"], type_="ASSAULT", roles={"israel": "actor", "hamas": "recipient"})]
    assert len(cluster(events)) == 2


def test_a_fight_told_without_direction_joins_either_direction():
    """'the clash between the two armies' (both sides in one role) is the attack another report
    tells as one side's; two reports that disagree on who attacked whom stay apart (above)."""
    clash = _event("a", "d1", ["uganda", "south sudan"], "2024-03-03", type_="ASSAULT",
                   roles={"uganda": "recipient", "south sudan": "recipient"})
    attack = _event("b", "d2", ["uganda", "south sudan"], type_="ASSAULT", published="2024-03-04",
                    roles={"uganda": "actor", "south sudan": "recipient"})
    assert len(cluster([clash, attack])) == 1


def test_undated_report_needs_strong_evidence():
    dated = [_event("a", "d1", ["x", "y"], "2020-01-05", place="Rome"), _event("b", "d2", ["x", "y"], "2020-03-09", place="Rome")]
    undated = _event("c", "d3", ["x", "y"], place="Rome")
    # Fits two dated meetings: it joins neither.
    assert sorted(len(m) for m, _ in cluster(dated + [undated])) == [1, 1, 1]
    # Fits one: it joins it.
    assert sorted(len(m) for m, _ in cluster(dated[:1] + [undated])) == [2]


def test_clusters_do_not_depend_on_order():
    events = [_event(f"e{i}", f"d{i}", ["x", "y"], date, place="Rome") for i, date in
              enumerate(["2020-01-05", "2020-01", "2020-01-05", "2020-02-01", None, "2020"])]
    expected = sorted(sorted(m.event_id for m in members) for members, _ in cluster(events))
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(sorted(m.event_id for m in members) for members, _ in cluster(shuffled)) == expected


def test_date_index_finds_the_same_clusters_as_every_pair(monkeypatch):
    """Large blocks look up candidates by date; the clusters must be those of trying every pair."""
    from eventscribe.resolve import events as module
    rng = random.Random(3)
    dates = ["2020-01-05", "2020-01-06", "2020-01", "2020", "2021-03-02", "2020-01-08", None]
    events = []
    for number in range(120):
        published = f"2020-01-{rng.randint(1, 12):02d}" if rng.random() < 0.8 else None
        sides = ["x", "y"] if rng.random() < 0.9 else ["x"]
        events.append(_event(f"e{number:03d}", f"d{number}", sides, rng.choice(dates),
                             place=rng.choice(["Rome", None]), published=published))
    with_index = sorted(sorted(m.event_id for m in members) for members, _ in cluster(events))
    monkeypatch.setattr(module, "_SMALL_BLOCK", 10_000)
    every_pair = sorted(sorted(m.event_id for m in members) for members, _ in cluster(events))
    assert with_index == every_pair and any(len(group) > 1 for group in with_index)


def test_units_are_independent_and_hold_their_old_events():
    from eventscribe.resolve.events import components
    events = [_event("a", "d1", ["x", "y"], "2020-01-05"), _event("b", "d2", ["x", "y"], "2020-01-05"),
              _event("c", "d3", ["p", "q"], "2020-01-05"), _event("d", "d4", ["r", "s"], "2020-01-05")]
    units = components(events, {"a": None, "b": None, "c": "c", "d": "c"})   # c and d were one event
    assert [sorted(e.event_id for e in unit) for unit in units] == [["a", "b"], ["c", "d"]]


def _records(db):
    with Store(db) as store:
        return sorted(json.dumps(r, sort_keys=True) for r in store.iter_records())


@pytest.mark.corpus
def test_seed_meeting_in_two_outlets_is_one_event(corpus, tmp_path):
    with Store(tmp_path / "s.db") as store:
        ingest([corpus / "seeds"], store)
        events = store.query_events(type="CONSULT", actor="Lavrent")
        merged = [e for e in events if len({m["doc_id"] for m in e["mentions"]}) == 2]
        assert len(merged) == 1
        assert {m["doc_id"][:3] for m in merged[0]["mentions"]} == {"002", "003"}
        assert merged[0]["merge_reason"] and merged[0]["source_count"] == 2
        spellings = {a for a, in store.connection.execute(
            "SELECT alias FROM actor_aliases WHERE actor_id = (SELECT actor_id FROM actor_aliases WHERE alias = 'Lavrenteev')")}
        assert {"Lavrenteev", "Alexander Lavrentyev", "Alexander Lavrentiev"} <= spellings


@pytest.mark.corpus
def test_any_ingest_order_gives_the_same_events(corpus, tmp_path):
    files = sorted((corpus / "seeds").glob("*.txt"))
    results = set()
    for seed in range(3):
        order = files[:]
        random.Random(seed).shuffle(order)
        db = tmp_path / f"order{seed}.db"
        with Store(db) as store:
            for path in order:      # one file per run: each run resolves incrementally
                ingest([path], store)
        results.add(tuple(_records(db)))
    assert len(results) == 1


@pytest.mark.corpus
def test_incremental_equals_all_at_once(corpus, tmp_path):
    folder = corpus / "world-dev" / "input"
    files = sorted(folder.glob("*.json"))
    with Store(tmp_path / "once.db") as store:
        ingest([folder], store)
    with Store(tmp_path / "steps.db") as store:
        for start in range(0, len(files), 9):
            ingest(files[start:start + 9], store)
        again = ingest([folder], store)
        assert again.stats["unchanged"] == len(files) and again.stats["events resolved"] == 0
    assert _records(tmp_path / "once.db") == _records(tmp_path / "steps.db")


def test_reprints_count_once(tmp_path):
    story = ("Minister Lina Sabry met envoy Nikolai Sorokin in Amman on Monday to discuss the refugee "
             "crisis and the reopening of border crossings, officials said after the talks ended late.")
    folder = tmp_path / "in"
    folder.mkdir()
    for index, outlet in enumerate(["Wire A", "Site B", "Paper C"]):
        text = story if index < 2 else story.replace("officials said", "a spokesman told reporters")
        (folder / f"r{index}.json").write_text(json.dumps(
            {"doc_id": f"r{index}", "outlet": outlet, "published": "2021-03-09", "text": f"Talks\n\n{text}\n\n[{outlet}]"}))
    with Store(tmp_path / "s.db") as store:
        ingest([folder], store)
        [event] = store.query_events(type="CONSULT")
        assert len({m["doc_id"] for m in event["mentions"]}) == 3
        # one original report (a report may give the event several mentions: headline and body)
        copies = Counter(m["copy_of"] for m in {m["doc_id"]: m for m in event["mentions"]}.values())
        assert copies[None] == 1 and event["source_count"] == 1
        assert any(r.get("rule") == "reprint" for r in event["merge_reason"])


@pytest.mark.corpus
def test_killed_ingest_finishes_identically(corpus, tmp_path):
    """SIGKILL in the middle of an ingest, run again: the store equals an uninterrupted run."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    shutil.copytree(corpus / "world-dev" / "input", folder)
    for path in sorted((corpus / "seeds").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    command = [sys.executable, "-m", "eventscribe.cli", "ingest", str(folder)]
    subprocess.run(command + ["--db", str(tmp_path / "whole.db")], check=True, capture_output=True)

    killed_db = tmp_path / "killed.db"
    process = subprocess.Popen(command + ["--db", str(killed_db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(killed_db) as connection:
                stored = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 5:
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait()
    assert 5 <= stored < 40, f"the kill came at {stored} documents"
    subprocess.run(command + ["--db", str(killed_db)], check=True, capture_output=True)
    assert _records(killed_db) == _records(tmp_path / "whole.db")


PETRARCH_FILE = """# a small dictionary written for this test
ELENA_VARGA_  [NORGOV 20200101-]
+FOREIGN_MINISTER_VARGA_
+E._VARGA_
TOMAS_REYES_  [CASGOV >20190101] [CASOPP <20181231]
AMINA_OKAFOR_ [IGOUNO]
"""

CSV_FILE = """name,aliases,country,sector,kb_id,valid_from,valid_to
Marek Dunn,Dunn;M. Dunn,HAL,OPP,Q000001,2010-01-01,
Norvanian government,Norvania;Norvanian authorities,NOR,GOV,,,
"""


def test_petrarch_and_csv_dictionaries(tmp_path):
    from eventscribe.resolve.dictionary import read_csv, read_petrarch
    (tmp_path / "small.actors.txt").write_text(PETRARCH_FILE)
    (tmp_path / "small.csv").write_text(CSV_FILE)
    entries = read_petrarch(tmp_path / "small.actors.txt")
    assert [e.name for e in entries] == ["Elena Varga", "Tomas Reyes", "Amina Okafor"]
    assert entries[0].aliases == ["Foreign Minister Varga", "E. Varga"]
    assert (entries[0].codes[0].country, entries[0].codes[0].sector, entries[0].codes[0].valid_from) == ("NOR", "GOV", "2020-01-01")
    reyes = entries[1]
    assert reyes.code_on("2018-06-01").sector == "OPP" and reyes.code_on("2021-06-01").sector == "GOV"
    dunn = read_csv(tmp_path / "small.csv")[0]
    assert dunn.aliases == ["Dunn", "M. Dunn"] and dunn.kb_id == "Q000001"


def test_imported_dictionary_codes_known_actors_and_corpus_teaches_the_rest(tmp_path):
    from eventscribe.resolve import import_dictionary
    (tmp_path / "small.actors.txt").write_text(PETRARCH_FILE)
    (tmp_path / "small.csv").write_text(CSV_FILE)
    from conftest import EXAMPLES
    with Store(tmp_path / "s.db") as store:
        ingest([EXAMPLES], store)
        import_dictionary(store, tmp_path / "small.actors.txt")
        import_dictionary(store, tmp_path / "small.csv")
        varga = store.actor("Varga")
        assert (varga["name"], varga["country"], varga["sector"]) == ("Elena Varga", "NOR", "GOV")
        dunn = store.actor("Marek Dunn")
        assert (dunn["country"], dunn["sector"], dunn["kb_id"]) == ("HAL", "OPP", "Q000001")
        # Not in any dictionary: still an actor, learnt from the reports.
        assert store.actor("Halden officials") is not None
        [geneva] = store.query_events(type="CONSULT", actor="Reyes")
        assert {a["country"] for a in geneva["actors"] if a["name"] == "Elena Varga"} == {"NOR"}


def test_bcubed_scores_clusters_against_gold():
    from eventscribe.evaluate.ecbplus import bcubed
    assert bcubed(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0, 1.0)
    precision, recall, _ = bcubed(["a", "a", "a"], ["x", "x", "y"])
    assert recall == 1.0 and precision < 1.0


def test_an_envoy_belongs_to_who_sends_him_not_where_he_goes():
    from eventscribe.resolve.countries import country_of
    assert country_of([], Counter(), Counter({"Turkish President Special Envoy on Libya": 2, "Libya": 2})) == "TUR"
    assert country_of([], Counter(), Counter({"ambassador to France": 3, "Egyptian": 1})) == "EGY"
    assert country_of([], Counter(), Counter({"Foreign Minister of Syria": 1})) == "SYR"


@pytest.mark.parametrize("name, kind, titles, affiliations, country", [
    ("Benin", "PERSON", {}, {}, "BEN"),                    # a country's name, whatever NER took it for
    ("Sri Lanka", "ORG", {}, {}, "LKA"),
    ("Burma", "GPE", {}, {}, "MMR"),                        # another name of the country
    ("Serbian parliament", "ORG", {}, {}, "SRB"),           # a body names its country
    ("Mozambique government", "GROUP", {}, {}, "MOZ"),
    ("Israeli soldiers", "GROUP", {}, {}, "ISR"),
    ("Palestinians", "NORP", {}, {}, "PSE"),                # a demonym's plural: the people
    ("pro-Iranian militia", "GROUP", {}, {}, None),         # the country it sides with is not its own
    ("Rebels", "GROUP", {}, {"Ivory Coast": 1}, "CIV"),    # 'rebels in Ivory Coast'
    ("Hassan", "PERSON", {"King": 1}, {"Morocco": 1}, "MAR"),
    ("Jordan Vale", "PERSON", {"Senator": 1}, {}, None),    # a titled person is no country
    ("Bosnian Serbs", "PERSON", {}, {}, "BIH"),            # a group NER took for a person: its demonym
    ("Dushanbe", "ORG", {}, {}, "TJK"),                     # a capital speaking for its state
    ("Monrovia", "GPE", {}, {}, "LBR"),
    ("Russian missiles", "GROUP", {}, {}, "RUS"),          # a state's weapons
])
def test_an_actor_gets_the_country_its_names_titles_or_affiliations_give(name, kind, titles, affiliations, country):
    from eventscribe.resolve.actors import NameStats, build_actors
    actors, _ = build_actors([NameStats(name, kind, 1, Counter(titles), {}, Counter(affiliations))])
    assert actors[0].country == country


def test_country_words_are_validated_data(tmp_path, monkeypatch):
    from eventscribe import countrywords
    assert countrywords.country_words("demonym")["nigerien"] == "NER"
    assert countrywords.country_words("alias")["burma"] == "MMR"
    assert countrywords.country_words("capital")["niamey"] == "NER"
    bad = tmp_path / "country_words.tsv"
    bad.write_text("word\tiso3\tkind\nruritanian\tRUR\tdemonym\nruritanian\tRUR\tdemonym\n", encoding="utf-8")
    monkeypatch.setattr(countrywords, "COUNTRY_WORDS", bad)
    countrywords._read.cache_clear()
    try:
        with pytest.raises(countrywords.CountryWordsError, match="country_words.tsv:3"):
            countrywords.country_words("demonym")
    finally:
        countrywords._read.cache_clear()


def test_the_shipped_known_actors_load_and_are_valid():
    from eventscribe.resolve.known_actors import known_actors
    entries = known_actors()
    assert len(entries) > 5000
    assert {e.codes[0].country for e in entries} >= {"USA", "RUS", "NGA", "IND", "BRA", "SYR"}


@pytest.mark.parametrize("rows, problem", [
    ("Ana Ruiz,,PER,GOV,,,\nAna Ruiz,,PER,GOV,,,\n", "x.csv:3: 'Ana Ruiz' is listed already"),
    ("Ana Ruiz,,RUR,GOV,,,\n", "x.csv:2: 'RUR' is not a country's ISO3 code"),
    ("Ana Ruiz,,PER,BOSS,,,\n", "x.csv:2: unknown sector 'BOSS'"),
    # only an organisation of many states or of none may have no country
    ("Ana Ruiz,,,GOV,,,\n", "x.csv:2: '' is not a country's ISO3 code (none is allowed only for the sectors IGO, NGO)"),
])
def test_known_actors_are_validated_with_file_and_line(tmp_path, rows, problem):
    from eventscribe.resolve.known_actors import KnownActorsError, read_known_actors
    (tmp_path / "x.csv").write_text("name,aliases,country,sector,kb_id,valid_from,valid_to\n" + rows, encoding="utf-8")
    with pytest.raises(KnownActorsError, match=re.escape(problem)):
        read_known_actors(tmp_path)


def test_an_international_organisation_is_named_by_its_name_whatever_words_of_its_people_tell_it():
    from eventscribe.resolve.known_actors import known_actors
    names = _names(("UN", "ORG", 3), ("EU foreign ministers", "GROUP", 2), ("the Intergovernmental Authority on Development", "ORG", 4),
                   ("the Arab League's leaders", "GROUP", 1), ("NATO leaders", "GROUP", 2), ("the WFP", "ORG", 1),
                   ("UN Secretary-General", "PERSON", 1), ("the OIC's secretary-general", "PERSON", 1),
                   ("Kwame Mensah's spokesman", "PERSON", 1))
    actors, index = build_actors(names, [], [], known_actors())
    named = {n.name: (_actor_of(index, actors, n.name).name, _actor_of(index, actors, n.name).sector) for n in names}
    assert named["UN"] == ("United Nations", "IGO")
    assert named["EU foreign ministers"] == ("European Union", "IGO")
    assert named["the Intergovernmental Authority on Development"] == ("IGAD", "IGO")
    assert named["the Arab League's leaders"] == ("Arab League", "IGO")
    assert named["NATO leaders"] == ("NATO", "IGO")
    assert named["the WFP"] == ("World Food Programme", "IGO")
    assert all(actor.country is None for actor in actors if actor.sector == "IGO")
    # one office of it is a person's, named or not ('general' of 'secretary-general' is no army's)
    for office in ("UN Secretary-General", "the OIC's secretary-general", "Kwame Mensah's spokesman"):
        assert named[office][0] == office and named[office][1] != "MIL", office


def _known(*rows):
    from eventscribe.resolve.dictionary import Code, Entry
    return [Entry(name, aliases, [Code(country, sector)]) for name, aliases, country, sector in rows]


KNOWN = _known(("Tomasz Wierzba", ["Tomasz Wierzba-Kol"], "POL", "GOV"),
               ("Jose Luis Maren Ortega", [], "PER", "GOV"),
               ("Northern Shield Brigades", ["NSB"], "TCD", "REB"))


@pytest.mark.parametrize("spellings, expected", [
    ([("Wierzba", "PERSON")], ("Tomasz Wierzba", "POL", "GOV")),          # a surname that fits one entry
    ([("NSB", "ORG")], ("Northern Shield Brigades", "TCD", "REB")),       # an acronym the entry lists
    ([("Northern Shield Brigades fighters", "GROUP")], ("Northern Shield Brigades", "TCD", "REB")),  # its people
    ([("Luis Maren", "PERSON")], None),                                  # ends otherwise than the entry
    ([("Wierzba", "PERSON"), ("Anna Wierzba", "PERSON")], None),         # another Wierzba in the reports
])
def test_a_known_actor_names_the_reports_spelling_only_when_sure(spellings, expected):
    names = [NameStats(name, kind, 1) for name, kind in spellings]
    actors, index = build_actors(names, known_entries=KNOWN)
    actor = next(a for a in actors if a.actor_id == index[spellings[0][0]])
    got = (actor.name, actor.country, actor.sector)
    if expected is None:
        assert actor.name not in {e.name for e in KNOWN}
    else:
        assert got == expected


def test_the_reports_decide_who_is_who_before_a_known_actor_names_them():
    """'Wierzba' goes with the Tomasz Wierzba the reports name most, and the known entry then
    names that whole actor; a person the reports do not tie to it keeps the corpus's name."""
    names = [NameStats("Tomasz Wierzba", "PERSON", 5), NameStats("Wierzba", "PERSON", 3),
             NameStats("Ewa Wierzba", "PERSON", 1)]
    actors, index = build_actors(names, known_entries=KNOWN)
    assert index["Wierzba"] == index["Tomasz Wierzba"] != index["Ewa Wierzba"]
    assert next(a for a in actors if a.actor_id == index["Wierzba"]).country == "POL"


def test_one_country_s_court_is_not_another_s():
    assert collective_key("Kenya's Supreme Court") != collective_key("Uganda's Supreme Court")
    assert collective_key("Kenya's Supreme Court") != collective_key("Kenya")


@pytest.mark.parametrize("name, country", [
    ("Fijian rebels", "FJI"), ("Togolese soldiers", "TGO"), ("Malawian police", "MWI"),
    # where a group is, its own name says: 'in', 'across', 'throughout' a country
    ("opposition parties in Ghana", "GHA"), ("student groups across Kenya", "KEN"),
    # not where an envoy is sent, nor the state a people is named after
    ("US envoys to Syria", "USA"), ("ethnic Hungarian parties in Slovakia", "SVK"),
])
def test_a_group_s_country_comes_from_its_own_name(name, country):
    from eventscribe.resolve.countries import country_of
    assert country_of([name], Counter({name: 1}), Counter()) == country


@pytest.mark.parametrize("name, key", [
    ("the transitional government of Togo", "country:TGO"),
    ("security forces of the Central African Republic", "country:CAF"),
    # a name of its own with a country in it is its own body
    ("Popular Liberation Army of Paraguay", "org:plaop"),
    # a people is not the state named like it
    ("ethnic Hungarians", "people:ethnichungarians"),
])
def test_a_body_described_as_a_country_s_is_that_country_a_people_is_not(name, key):
    from eventscribe.resolve.actors import collective_key
    assert collective_key(name) == key


def test_a_country_ner_took_for_a_person_is_one_actor_with_the_state(tmp_path):
    from eventscribe.resolve.actors import NameStats, build_actors
    names = [NameStats("Togo", "PERSON", count=2), NameStats("the transitional government of Togo", "GROUP")]
    actors, index = build_actors(names)
    assert len({index[n.name] for n in names}) == 1


def test_a_state_beside_its_own_official_is_that_officials_country(tmp_path):
    """'President X met President Y' and 'the summit between Chile and Bolivia' in one report
    are one meeting of two presidents: the states are their countries, not two more sides. A
    state with no official of its own in the event stays a participant."""
    folder = tmp_path / "in"
    folder.mkdir()
    texts = {
        "s1": "Chilean President Rosa Aldunate met Bolivian President Evo Quispe Mamani in Arica on Monday to "
              "discuss the shared aquifer. The summit between Chile and Bolivia was the first in a decade.",
        "s2": "Ecuador's trade minister Lucia Andrade met Peru in Quito on Tuesday, the ministry said.",
    }
    for doc_id, text in texts.items():
        (folder / f"{doc_id}.json").write_text(json.dumps({"doc_id": doc_id, "published": "2024-04-10", "text": text}))
    with Store(tmp_path / "s.db") as store:
        ingest([folder], store)
        by_doc = {e["mentions"][0]["doc_id"]: e for e in store.query_events(type="CONSULT")}
    summit = {(a["name"], a["country"]) for a in by_doc["s1"]["actors"]}
    assert summit == {("Rosa Aldunate", "CHL"), ("Evo Quispe Mamani", "BOL")}
    trade = {a["name"] for a in by_doc["s2"]["actors"]}
    assert "Lucia Andrade" in trade and "Peru" in trade


def test_a_capital_answering_is_its_state_and_a_title_keeps_no_day(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = ("TASHKENT, March 4 (Wire) - Uzbekistan's foreign ministry delivered a strong protest to the Kazakh "
            "ambassador on Monday over a shooting at a border post.\n\nOn Tuesday Astana replied through its own "
            "ministry and demanded that Tashkent hand back two detained Kazakh customs officers.")
    (folder / "b1.json").write_text(json.dumps({"doc_id": "b1", "published": "2025-03-04", "text": text}))
    with Store(tmp_path / "s.db") as store:
        ingest([folder], store)
        protest = store.query_events(type="ACCUSE")
        demand = store.query_events(type="REQUEST")
    assert not [a for a in protest[0]["actors"] if "Monday" in (a["title"] or "") + a["name"]]
    assert [(a["name"], a["role"]) for a in demand[0]["actors"]] == [("Kazakhstan", "actor"), ("Uzbekistan", "recipient")]


def test_a_states_forces_are_named_by_their_people_not_their_weapons():
    """A state's forces and weapons are one side; with an army among its spellings (a side of
    its own in a civil war) it is named by its people, else it is the state."""
    actors, index = build_actors(_names(("Azerbaijani artillery", "GROUP", 3), ("Azerbaijani army", "GROUP", 1)))
    assert index["Azerbaijani artillery"] == index["Azerbaijani army"]
    assert _actor_of(index, actors, "Azerbaijani artillery").name == "Azerbaijani army"
    actors, index = build_actors(_names(("Azerbaijani artillery", "GROUP", 3), ("Azerbaijani forces", "GROUP", 1)))
    assert _actor_of(index, actors, "Azerbaijani artillery").name == "Azerbaijan"


def test_a_bare_side_acted_on_leaves_a_record_naming_the_side():
    from eventscribe.resolve.sides import without_bare_sides
    rows = [("a1", "China", "actor", None, None, "GPE"), ("a2", "India", "recipient", None, None, "GPE"),
            ("a3", "soldiers", "recipient", None, None, "GROUP")]
    assert [r[1] for r in without_bare_sides(rows)] == ["China", "India"]
    # alone, the bare side is all the record says of who was acted on; who acted keeps every word
    assert [r[1] for r in without_bare_sides(rows[:1] + rows[2:])] == ["China", "soldiers"]
    acting = [("a4", "soldiers", "actor", None, None, "GROUP"), ("a5", "elite guard", "actor", None, None, "GROUP")]
    assert without_bare_sides(acting) == acting


def test_a_state_one_report_names_and_its_police_another_names_are_one_side(tmp_path):
    # one report tells the arrest without its doer (the state's, home.claim_custody), the other names the police
    folder = tmp_path / "in"
    folder.mkdir()
    first = ("QUITO - Ecuador's former interior minister, Tomas Arcos, was arrested on Friday, hours after "
             "prosecutors accused him of fraud. Ecuador's government said the arrest followed the law. Ecuadorian "
             "officials gave no further detail.")
    second = ("Ecuador's National Police arrested the former interior minister Tomas Arcos on Friday at his home "
              "in Quito, the police said.")
    for doc, text in (("e1", first), ("e2", second)):
        (folder / f"{doc}.json").write_text(json.dumps({"doc_id": doc, "published": "2026-02-14", "text": text}))
    with Store(tmp_path / "s.db") as store:
        ingest([folder], store)
        arrests = [e for e in store.query_events(type="COERCE") if any(a["name"] == "Tomas Arcos" for a in e["actors"])]
    assert len(arrests) == 1 and {m["doc_id"] for m in arrests[0]["mentions"]} == {"e1", "e2"}
    assert {(a["name"], a["role"]) for a in arrests[0]["actors"]} == {("Tomas Arcos", "recipient"),
                                                                       ("Ecuador's National Police", "actor")}


def test_a_state_and_one_of_its_bodies_meeting_someone_are_two_meetings():
    def meeting(event_id, doc, body):
        return DocEvent(event_id, doc, "CONSULT", "meet", "2026-02-14", "text", None, None, None,
                        actors={"arcos": "PERSON", body: "GPE" if body == "ecuador" else "ORG"},
                        roles={"arcos": "participant", body: "participant"},
                        standing={"arcos": (None, "ECU"), body: ("STATE", "ECU") if body == "ecuador" else ("BODY", "ECU")})
    assert len(cluster([meeting("a", "d1", "ecuador"), meeting("b", "d2", "ministry")])) == 2


@pytest.mark.parametrize("spelling", ["the Norwegian ambassador", "Norway's ambassador", "the ambassador of Norway",
                                      "Norwegian ambassador"])
def test_a_states_ambassador_is_one_side_however_told(spelling):
    assert collective_key(spelling) == "envoy:NOR:ambassador"
    assert collective_key("Norway's envoy") != collective_key(spelling) != collective_key("the Danish ambassador")


def test_a_states_envoys_to_two_countries_are_two_sides_and_a_name_after_the_posting_is_none():
    assert collective_key("the Norwegian ambassador to Sudan") == collective_key("Norway's ambassador to Sudan")
    assert collective_key("the Norwegian ambassador to Sudan") != collective_key("the Norwegian ambassador to Chad")
    assert not collective_key("the Norwegian ambassador to the UN Kari Holm Eide").startswith("envoy:")


def test_an_ambassador_is_named_by_nationality_not_by_possessive():
    actors, index = build_actors(_names(("Norway's ambassador", "GROUP", 3), ("Norwegian ambassador", "GROUP", 1)))
    assert index["Norway's ambassador"] == index["Norwegian ambassador"]
    assert _actor_of(index, actors, "Norway's ambassador").name == "Norwegian ambassador"


@pytest.mark.parametrize("spelling, key", [
    ("the Chadian regular army", "country:TCD"),
    ("the Chadian armed forces", "country:TCD"),
    ("Chadian opposition", "org:chadianopposition"),     # a side of its own, not the state
    ("Jordan Armed Forces", "org:ja"),                   # a name's own capitals stay its name
])
def test_words_that_do_not_change_whose_a_states_people_are_leave_the_state(spelling, key):
    assert collective_key(spelling) == key


def test_officials_bodies_and_armed_groups_stand_for_their_state_or_not():
    from eventscribe.resolve.sides import standing_of
    names = _names(("Liberia", "GPE", 3), ("National Patriotic Liberation Army", "ORG", 2),
                   ("U.S. Department of the Treasury", "ORG", 2))
    president = NameStats("Joseph Boakai", "ORG", 2)   # NER may call a titled person an organisation
    president.titles["Liberian President"] = 2
    actors, index = build_actors(names + [president])
    standing = {name: standing_of(_actor_of(index, actors, name)) for name in index}
    assert standing["Joseph Boakai"] == ("OFFICIAL", "LBR")
    assert standing["Liberia"] == ("STATE", "LBR")
    assert standing["National Patriotic Liberation Army"][0] is None      # a rebel army is no state's body
    assert standing["U.S. Department of the Treasury"] == ("BODY", "USA")


def test_a_state_army_named_for_liberation_is_a_body_and_a_leader_of_others_no_official():
    from eventscribe.resolve.sides import standing_of
    student = NameStats("Peter Odhiambo", "PERSON", 2)
    student.titles["Kenyan student leader"] = 2
    force = NameStats("Uganda Police Force", "ORG", 3)
    force.titles["the force"] = 1
    actors, index = build_actors(_names(("Chinese People's Liberation Army", "ORG", 2)) + [student, force])
    standing = {name: standing_of(_actor_of(index, actors, name)) for name in index}
    assert standing["Chinese People's Liberation Army"][0] == "BODY"   # its name names its state
    assert standing["Peter Odhiambo"][0] is None                        # a student leader holds no state office
    assert standing["Uganda Police Force"][0] == "BODY"                 # a body's name, whatever titles it was seen with
    assert collective_key("the Chadian national") != "country:TCD"      # a person, not the state's people


def test_a_state_one_report_names_and_its_leader_another_names_meeting_the_same_guest_are_one_meeting():
    def meeting(event_id, doc, host, standing):
        return DocEvent(event_id, doc, "CONSULT", "meet", "2026-03-02", "text", None, None, None,
                        actors={"guest": "PERSON", host: "PERSON" if standing == "OFFICIAL" else "GPE"},
                        roles={"guest": "participant", host: "participant"},
                        standing={"guest": ("OFFICIAL", "GHA"), host: (standing, "LBR")})
    joined = cluster([meeting("a", "d1", "liberia", "STATE"), meeting("b", "d2", "boakai", "OFFICIAL")])
    assert len(joined) == 1
    # both sides told by their states in one report and by their officials in another: one
    # meeting on the day both give, two on different days
    def states(event_id, date):
        return DocEvent(event_id, "d3", "CONSULT", "meet", date, "text", None, None, None,
                        actors={"liberia": "GPE", "ghana": "GPE"}, roles={"liberia": "participant", "ghana": "participant"},
                        standing={"liberia": ("STATE", "LBR"), "ghana": ("STATE", "GHA")})
    assert len(cluster([states("c", "2026-03-02"), meeting("b", "d2", "boakai", "OFFICIAL")])) == 1
    assert len(cluster([states("c", "2026-03-05"), meeting("b", "d2", "boakai", "OFFICIAL")])) == 2
    # two officials of one state are two people: each names a person the other does not
    apart = cluster([meeting("a", "d1", "boakai", "OFFICIAL"), meeting("b", "d2", "minister", "OFFICIAL")])
    assert len(apart) == 2


def test_an_undated_report_naming_the_state_joins_the_one_dated_event_of_its_body():
    def sanction(event_id, doc, doer, standing, date, basis):
        return DocEvent(event_id, doc, "SANCTION", None, date, basis, None, None, "2026-05-02",
                        actors={doer: "ORG" if standing == "BODY" else "GPE", "liberia": "GPE"},
                        roles={doer: "actor", "liberia": "recipient"},
                        standing={doer: (standing, "NOR"), "liberia": ("STATE", "LBR")})
    dated = sanction("a", "d1", "finance ministry", "BODY", "2026-05-01", "text")
    undated = sanction("b", "d2", "norway", "STATE", None, "unknown")
    assert len(cluster([dated, undated])) == 1
    # with two dated sanctions by the body it fits, it joins neither
    other = sanction("c", "d3", "finance ministry", "BODY", "2026-04-30", "text")
    assert len(cluster([dated, undated, other])) == 3


def _ingested(tmp_path, reports: dict[str, tuple[str, str]]):
    """The path of a store holding made-up reports {doc_id: (published, text)}, ingested and resolved."""
    folder = tmp_path / "in"
    folder.mkdir()
    for doc, (published, text) in reports.items():
        (folder / f"{doc}.json").write_text(json.dumps({"doc_id": doc, "published": published, "text": text}))
    with Store(tmp_path / "s.db") as store:
        ingest([folder], store)
    return tmp_path / "s.db"


def _reports_per_record(tmp_path, reports: dict[str, tuple[str, str]], type_: str) -> list[list[str]]:
    """The reports each record of this type holds, once the made-up reports are ingested."""
    with Store(_ingested(tmp_path, reports)) as store:
        return sorted(sorted({m["doc_id"] for m in e["mentions"]}) for e in store.query_events(type=type_))


def test_an_actor_named_by_its_countrys_own_name_is_the_state_and_border_guards_are_its_body():
    from eventscribe.resolve.sides import standing_of
    actors, index = build_actors(_names(("Uzbekistan", "GPE", 2), ("Uzbekistan's ambassador", "GROUP", 3),
                                        ("Uzbek officials", "GROUP", 2), ("Tajik border guards", "GROUP", 2)))
    assert standing_of(_actor_of(index, actors, "Uzbekistan")) == ("STATE", "UZB")
    assert standing_of(_actor_of(index, actors, "Tajik border guards")) == ("BODY", "TJK")


def test_a_clash_one_report_gives_to_a_states_border_guards_and_a_weeks_round_up_to_the_state_is_one(tmp_path):
    reports = {
        "k1": ("2026-03-02", "OSH - Kyrgyz and Tajik border guards exchanged fire near the village of Kok-Jar on "
                             "Saturday, 28 February, Kyrgyzstan's border service said."),
        "k2": ("2026-03-06", "Kyrgyzstan and Tajikistan exchanged fire on their disputed border, the latest of "
                             "several clashes this winter. Kyrgyzstan and Tajikistan have traded blame for the "
                             "violence. Tajikistan and Kyrgyzstan said talks would follow."),
    }
    with Store(_ingested(tmp_path, reports)) as store:
        clashes = store.query_events(type="ASSAULT")
    assert [sorted({m["doc_id"] for m in e["mentions"]}) for e in clashes] == [["k1", "k2"]]


# Two reports of one event, one placing it by its dateline alone, the other by its words.
_PLACED_TWICE = [
    ("ASSAULT", "Kok-Jar", {   # the first report's id sorts first: before, its dateline's town won
        "a1": ("2026-03-02", "BISHKEK, March 1 (Wire) - Kyrgyz and Tajik border guards exchanged fire on Saturday, "
                             "Kyrgyzstan's border service said."),
        "a2": ("2026-03-02", "Kyrgyz and Tajik border guards exchanged fire near the village of Kok-Jar on Saturday, "
                             "the Tajik border service said.")}),
    ("REQUEST", "Geneva", {    # before, the dateline's Bangkok kept the two apart
        "g1": ("2026-04-08", "BANGKOK, April 7 (Wire) - UN envoy Sunniva Rask on Tuesday urged the Marash Liberation "
                             "Front to open the road to Teskara."),
        "g2": ("2026-04-08", "UN envoy Sunniva Rask urged the Marash Liberation Front in Geneva on Tuesday to open "
                             "the road to Teskara.")}),
]


@pytest.mark.parametrize("type_, place, reports", _PLACED_TWICE)
def test_a_reports_dateline_neither_keeps_dated_events_apart_nor_places_them_where_words_do(tmp_path, type_, place, reports):
    with Store(_ingested(tmp_path, reports)) as store:
        events = store.query_events(type=type_)
    assert [sorted({m["doc_id"] for m in e["mentions"]}) for e in events] == [sorted(reports)]
    assert events[0]["location"]["name"] == place


def test_people_two_reports_count_alike_are_one_side_acted_on(tmp_path):
    reports = {
        "p1": ("2026-05-06", "Police in Ruvena detained nine people on Tuesday after scuffles outside the parliament, "
                             "Ruvena's interior ministry said."),
        "p2": ("2026-05-06", "Police detained nine participants of a rally outside the parliament in Ruvena on "
                             "Tuesday, organisers said."),
    }
    with Store(_ingested(tmp_path, reports)) as store:
        detentions = store.query_events(type="COERCE")
    assert [sorted({m["doc_id"] for m in e["mentions"]}) for e in detentions] == [["p1", "p2"]]
    assert len([a for a in detentions[0]["actors"] if a["role"] == "recipient"]) == 1   # the nine, named once


def test_an_undated_report_published_before_a_dated_event_is_not_about_it(tmp_path):
    reports = {
        "u1": ("2026-05-07", "Kyrgyz police have arrested opposition activist Dara Venn in Osh, his lawyer said."),
        "u2": ("2026-05-14", "Kyrgyz police arrested opposition activist Dara Venn in Osh on Wednesday, 13 May."),
    }
    assert _reports_per_record(tmp_path, reports, "COERCE") == [["u1"], ["u2"]]


def test_two_datelines_of_one_days_attacks_are_two_places(tmp_path):
    reports = {
        "d1": ("2026-05-05", "GARISSA, Kenya (Wire) - Gunmen of the Marash Liberation Front attacked a police post on "
                             "Monday, 4 May, police said."),
        "d2": ("2026-05-05", "LAMU, Kenya (Wire) - Gunmen of the Marash Liberation Front attacked a police post on "
                             "Monday, 4 May, police said."),
    }
    assert _reports_per_record(tmp_path, reports, "ASSAULT") == [["d1"], ["d2"]]


@pytest.mark.parametrize("name, count", [("nine people", 9), ("three young men", 3), ("23 students", 23),
                                         ("Bulgarian protesters", None), ("two soldiers", None), ("a man", None)])
def test_people_acted_on_are_counted_by_their_number(name, count):
    from eventscribe.resolve.sides import people_counted
    assert people_counted(name, "GROUP") == count
