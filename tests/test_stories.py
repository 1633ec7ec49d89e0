"""Stories: reports of one real happening drawn together (fingerprint.py, resolve/stories.py),
on invented reports, on both store backends."""
import datetime as dt
import json
import random

import pytest

from eventscribe.analyze.story_words import story_fingerprint
from eventscribe.fingerprint import fingerprint, rarity, similarity
from eventscribe.ingest import ingest
from eventscribe.resolve import resolve
from eventscribe.resolve.stories import complete_link, settings, stories_of
from eventscribe.store import Store

# Two arrests and two floods: two happenings of each kind, each told by two outlets.
REPORTS = {
    "arrest-a1": ("2026-05-04", "Police in Port Veradin arrested opposition organiser Kalu Mbeki-Strand on Sunday, "
                  "hours after 3,000 people marched on the Veradin customs house. A spokesman for the Halvard "
                  "People's Front said Mbeki-Strand was held without charge."),
    "arrest-a2": ("2026-05-05", "Kalu Mbeki-Strand, the Halvard People's Front organiser who led Sunday's march on "
                  "the customs house in Port Veradin, remains in police custody, his lawyer told reporters."),
    "arrest-b1": ("2026-05-06", "Police in Ostrava-Lenz detained the union leader Dorota Wisniak-Ash on Tuesday "
                  "after a strike at the Lenz tram depot. The Ostrava Transit Union called the arrest an outrage."),
    "arrest-b2": ("2026-05-07", "Dorota Wisniak-Ash of the Ostrava Transit Union was detained at the Lenz tram depot "
                  "on Tuesday, police in Ostrava-Lenz confirmed; 40 strikers were also held."),
    "flood-a1": ("2026-05-04", "Flooding on the Quenby river displaced 12,000 people in the Tarrow valley, officials "
                 "said on Monday, after four days of rain burst the Quenby embankment near Millbeck."),
    "flood-a2": ("2026-05-05", "Residents of Millbeck waded through waist-deep water as the Quenby river broke its "
                 "embankment; the Tarrow valley council said 12,000 people had left their homes."),
    "flood-b1": ("2026-05-06", "The Saverne lagoon overflowed into the port district of Belcastro on Wednesday, "
                 "forcing 800 families out; the Belcastro mayor Renata Oduya-Pell declared an emergency."),
    "flood-b2": ("2026-05-07", "Mayor Renata Oduya-Pell toured Belcastro's flooded port district after the Saverne "
                 "lagoon overflowed, and said 800 families were in shelters."),
}
HAPPENINGS = [["arrest-a1", "arrest-a2"], ["arrest-b1", "arrest-b2"], ["flood-a1", "flood-a2"], ["flood-b1", "flood-b2"]]


def _write(folder, reports):
    folder.mkdir(exist_ok=True)
    files = {}
    for doc, (published, text) in reports.items():
        files[doc] = folder / f"{doc}.json"
        files[doc].write_text(json.dumps({"doc_id": doc, "published": published, "text": text}), encoding="utf-8")
    return files


def _stories(store) -> list[list[str]]:
    drawn = {}
    for doc, story in store.connection.execute("SELECT doc_id, story_id FROM documents"):
        drawn.setdefault(story, []).append(doc)
    return sorted(sorted(docs) for docs in drawn.values())


def test_a_fingerprint_weighs_rare_words_names_and_times_and_has_unit_length():
    text = REPORTS["arrest-a1"][1]
    terms = fingerprint(text)
    assert abs(sum(w * w for w in terms.values()) - 1) < 1e-6
    assert "the" not in terms and rarity("the") == 0.0
    assert terms["mbeki-strand"] > terms["police"] > terms.get("people", 0)
    assert "time:on sunday" in terms
    assert fingerprint(text) == terms and fingerprint("") == {}


def test_two_reports_of_one_happening_are_more_alike_than_two_of_one_kind():
    a1, a2, b1 = (fingerprint(REPORTS[d][1]) for d in ("arrest-a1", "arrest-a2", "arrest-b1"))
    threshold, _ = settings()
    assert similarity(a1, a2) >= threshold > similarity(a1, b1)


def test_complete_links_do_not_chain_one_happening_to_another():
    # b is alike both a and c, but a and c are not alike: b joins its stronger side only
    links = {("a", "b"): 0.5, ("b", "c"): 0.3}
    assert complete_link(["a", "b", "c"], links) == [["a", "b"], ["c"]]
    links[("a", "c")] = 0.2
    assert complete_link(["a", "b", "c"], links) == [["a", "b", "c"]]


def test_reports_published_far_apart_are_two_stories():
    text = REPORTS["arrest-a1"][1]
    _, window = settings()
    later = (dt.date(2026, 5, 4) + dt.timedelta(days=window + 1)).isoformat()
    near = stories_of({"x": ("2026-05-04", fingerprint(text)), "y": ("2026-05-06", fingerprint(text))})
    far = stories_of({"x": ("2026-05-04", fingerprint(text)), "y": (later, fingerprint(text))})
    undated = stories_of({"x": (None, fingerprint(text)), "y": ("2026-05-06", fingerprint(text))})
    assert near["x"] == near["y"] and far["x"] != far["y"] and undated["x"] == undated["y"]


def test_ingest_draws_each_happening_as_one_story_in_any_order_or_batches(tmp_path, store_location):
    files = _write(tmp_path / "in", REPORTS)
    with Store(tmp_path / "together.db") as store:
        ingest(list(files.values()), store)
        assert _stories(store) == HAPPENINGS
        together = dict(store.connection.execute("SELECT doc_id, story_id FROM documents"))
    order = sorted(files)
    random.Random(5).shuffle(order)
    with Store(store_location) as store:
        for first in range(0, len(order), 3):
            ingest([files[doc] for doc in order[first:first + 3]], store)
        assert dict(store.connection.execute("SELECT doc_id, story_id FROM documents")) == together


def test_stories_drawn_run_by_run_are_those_drawn_from_all_reports_at_once(tmp_path):
    # one happening told by five outlets arriving one at a time, next to the others
    outlets = {f"arrest-a{n}": ("2026-05-0" + str(3 + n), REPORTS["arrest-a1"][1] + extra) for n, extra in enumerate(
        ["", " His party called it an abduction.", " The customs house was shut on Monday.",
         " Two of his aides were also questioned.", " The march had been peaceful, witnesses said."], start=1)}
    reports = {**REPORTS, **outlets}
    files = _write(tmp_path / "in", reports)
    with Store(tmp_path / "s.db") as store:
        for doc in sorted(files, reverse=True):
            ingest([files[doc]], store)
        stored = dict(store.connection.execute("SELECT doc_id, story_id FROM documents"))
        whole = stories_of({doc: (published, story_fingerprint(store.connection.execute(
            "SELECT text FROM documents WHERE doc_id = ?", (doc,)).fetchone()[0])[0]) for doc, (published, _) in reports.items()})
    assert stored == whole
    assert len({stored[doc] for doc in outlets} | {stored["arrest-a2"]}) == 1


def test_a_report_in_another_language_has_no_fingerprint(analyze_text):
    # (such reports are not stored: without a fingerprint they could not join an English story
    # through words the English list takes for rare)
    german = ("Die Polizei in Port Veradin nahm am Sonntag den Organisator Kalu Mbeki-Strand fest, nachdem "
              "dreitausend Menschen zum Zollhaus gezogen waren. Seine Partei sprach von einer Entführung.")
    analysis = analyze_text(german)
    assert analysis.language == "other" and analysis.fingerprint == {}
    made = analyze_text(REPORTS["arrest-a1"][1])
    assert (made.fingerprint, made.story_keys) == story_fingerprint(REPORTS["arrest-a1"][1])


def test_a_changed_report_moves_to_the_story_it_now_tells(tmp_path):
    files = _write(tmp_path / "in", REPORTS)
    with Store(tmp_path / "s.db") as store:
        ingest(list(files.values()), store)
        _write(tmp_path / "in", {"arrest-a2": ("2026-05-07", REPORTS["flood-b2"][1] + " The clean-up began at dawn.")})
        ingest([files["arrest-a2"]], store)
        assert _stories(store) == [["arrest-a1"], ["arrest-a2", "flood-b1", "flood-b2"], HAPPENINGS[1], HAPPENINGS[2]]


def test_a_changed_report_that_joined_two_sets_lets_them_be_drawn_again(tmp_path):
    # hand-built fingerprints: c is searched by both 'alphazq' (b's) and 'betazq' (d's), and d
    # by 'gammazq' (a's); a and b are alike through a word nobody is searched by. Drawn: {a, b}
    # and {c, d}. Once c tells of something else, a and d are one set and b another, as they
    # are when drawn from all reports at once.
    from eventscribe.resolve.stories import resolve_stories
    prints = {"a": {"gammazq": 0.5, "minister": 1.0}, "b": {"alphazq": 0.5, "minister": 1.0},
              "c": {"alphazq": 1.0, "betazq": 1.0}, "d": {"betazq": 1.0, "gammazq": 1.0}}
    searched = {"alphazq", "betazq", "gammazq", "choirzq"}

    def store_report(store, doc, terms):
        store.connection.execute("INSERT INTO documents (doc_id, content_hash, text, published, language)"
                                 " VALUES (?, ?, ?, '2026-05-04', 'en')", (doc, doc + str(len(terms)), doc))
        store.connection.executemany("INSERT INTO doc_terms VALUES (?,?,?,?)",
                                     [(doc, term, weight, int(term in searched)) for term, weight in terms.items()])
    with Store(tmp_path / "s.db") as store, store.connection:
        for doc, terms in prints.items():
            store_report(store, doc, terms)
        resolve_stories(store.connection)
        assert _stories(store) == [["a", "b"], ["c", "d"]]
        store._forget_document("c")
        prints["c"] = {"choirzq": 1.0}
        store_report(store, "c", prints["c"])
        resolve_stories(store.connection)
        stored = dict(store.connection.execute("SELECT doc_id, story_id FROM documents"))
    assert stored == stories_of({doc: ("2026-05-04", terms) for doc, terms in prints.items()})
    assert len(set(stored.values())) == 3


def test_reports_stored_before_fingerprints_get_them_when_resolved(tmp_path):
    files = _write(tmp_path / "in", REPORTS)
    with Store(tmp_path / "s.db") as store:
        ingest(list(files.values()), store)
        with store.connection:
            store.connection.execute("DELETE FROM doc_terms")
            store.connection.execute("UPDATE documents SET story_id = NULL")
        assert resolve(store)["reports storied"] == len(REPORTS)
        assert _stories(store) == HAPPENINGS
        assert store.connection.execute("SELECT COUNT(DISTINCT doc_id) FROM doc_terms").fetchone()[0] == len(REPORTS)


def test_the_export_names_each_reports_story(tmp_path):
    files = _write(tmp_path / "in", {doc: REPORTS[doc] for doc in HAPPENINGS[0]})
    with Store(tmp_path / "s.db") as store:
        ingest(list(files.values()), store)
        stories = {m["story_id"] for record in store.iter_records() for m in record["mentions"]}
    assert len(stories) == 1 and None not in stories


@pytest.mark.parametrize("texts, together", [
    (["Talks in Veradin", "Veradin talks"], True),    # short, but one rare name in common
    (["The the the and of", "A an of the and"], False),   # only common words: no fingerprint at all
    (["Talks were held", "Talks were held"], False),  # common words only: nothing to look the other up by
])
def test_reports_without_telling_words_stay_apart(texts, together):
    drawn = stories_of({f"d{i}": ("2026-01-01", fingerprint(t)) for i, t in enumerate(texts)})
    assert (drawn["d0"] == drawn["d1"]) is together


def _add_report(connection, doc, published, words):
    """A report's row and its fingerprint terms, all searched by (as ingest stores them)."""
    connection.execute("INSERT INTO documents (doc_id, content_hash, published, language, text) VALUES (?,?,?,?,?)",
                       (doc, doc + json.dumps(words), published, "en", f"report {doc}"))
    connection.executemany("INSERT INTO doc_terms (doc_id, term, weight, search) VALUES (?,?,?,1)",
                           [(doc, term, weight) for term, weight in words.items()])


def _add_events(connection, events, type_="COERCE"):
    """Document events {event_id: (doc, date or None, [(name, role, kind)])}."""
    for event_id, (doc, date, sides) in events.items():
        connection.execute("INSERT INTO doc_events (event_id, type, date, date_precision, date_basis, confidence,"
                           " mention_count, source_count, doc_id) VALUES (?,?,?,?,?,?,?,?,?)",
                           (event_id, type_, date, "day" if date else None, "text" if date else None, 0.5, 1, 1, doc))
        connection.executemany("INSERT INTO doc_event_actors VALUES (?,?,?,?,?,?,?,?)",
                               [(event_id, i, name.lower(), name, role, None, None, kind)
                                for i, (name, role, kind) in enumerate(sides)])


def _merged(store, type_="COERCE"):
    return sorted(sorted(r[0] for r in store.connection.execute("SELECT event_id FROM doc_events WHERE cluster_id = ?", e))
                  for e in store.connection.execute("SELECT event_id FROM events WHERE type = ?", (type_,)))


def test_a_changed_report_redraws_the_whole_story_of_a_report_it_shared_a_word_with(store_location):
    # n1 is in one story with m1 and p1, and shares a search word with d1, of another story. d1
    # changes, alike n1 now: n1 leaves for d1's story. m1's undated detention had fitted n1's and
    # p1's as well and joined neither; now it fits p1's alone, as when all is ingested at once.
    terms = {"m1": ("2026-07-30", {"vorstadtzq": 0.8, "m1zq": 0.6}), "n1": ("2026-07-29", {"vorstadtzq": 0.6, "n1zq": 0.8}),
             "p1": ("2026-07-28", {"vorstadtzq": 0.8, "p1zq": 0.6}), "d1": ("2026-07-30", {"n1zq": 0.05, "d1zq": 0.99875})}
    held = ("Amara Kessely", "recipient", "PERSON")
    detentions = {"u": ("m1", None, [held, ("the gunmen", "actor", "GROUP")]),
                  "x1": ("n1", "2026-07-29", [held, ("the guards", "actor", "GROUP")]),
                  "x2": ("p1", "2026-07-27", [held, ("the attackers", "actor", "GROUP")])}
    with Store(store_location) as store:
        with store.connection as connection:
            for doc, (published, words) in terms.items():
                _add_report(connection, doc, published, words)
            _add_events(connection, detentions)
        resolve(store)
        assert _merged(store) == [["u"], ["x1"], ["x2"]]
        with store.connection as connection:      # as Store.add does for a changed report
            store._forget_document("d1")
            _add_report(connection, "d1", "2026-07-30", {"n1zq": 1.0})
        resolve(store)
        assert _merged(store) == [["u", "x2"], ["x1"]]


def test_an_actor_whose_kind_changes_has_its_merges_weighed_again(tmp_path):
    # two reports of one story name 'Ostrel' alike, as an organisation, in one detention (one
    # undated): one event. Reports of another kind of act, later, name 'Ostrel' as a place three
    # times: it is a place, which singles out no event of a story, as when all came at once.
    story = {"s1": ("2026-07-30", {"ostrelzq": 0.8, "s1zq": 0.6}), "s2": ("2026-07-31", {"ostrelzq": 0.8, "s2zq": 0.6})}
    detentions = {"a": ("s1", "2026-07-29", [("Ostrel", "actor", "ORG"), ("the mayor", "recipient", "GROUP")]),
                  "b": ("s2", None, [("Ostrel", "actor", "ORG"), ("a councillor", "recipient", "GROUP")])}
    later = {f"t{n}": ("2026-08-20", {f"t{n}zq": 1.0}) for n in range(3)}
    accusations = {f"c{n}": (f"t{n}", "2026-08-19", [("Ostrel", "actor", "GPE"), ("Vandor", "recipient", "GPE")])
                   for n in range(3)}

    def run(batches, name):
        """Each batch: reports and [(events, type)], stored, then resolved."""
        with Store(tmp_path / name) as store:
            for reports, typed in batches:
                with store.connection as connection:
                    for doc, (published, words) in reports.items():
                        _add_report(connection, doc, published, words)
                    for events, type_ in typed:
                        _add_events(connection, events, type_)
                resolve(store)
            return _merged(store)
    assert run([(story, [(detentions, "COERCE")])], "first.db") == [["a", "b"]]
    together = run([({**story, **later}, [(detentions, "COERCE"), (accusations, "ACCUSE")])], "once.db")
    assert together == [["a"], ["b"]]
    assert run([(story, [(detentions, "COERCE")]), (later, [(accusations, "ACCUSE")])], "steps.db") == together
