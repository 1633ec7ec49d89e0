"""Scoring against gold events: with exhaustive gold every predicted event of every type is
judged (right, neutral when it only matches optional gold, or a false positive)."""
from eventscribe.evaluate.gold import score


def _event(event_id, type_, doc, *names):
    return {"event_id": event_id, "type": type_, "date": "2024-05-02",
            "actors": [{"name": n} for n in names], "mentions": [{"doc_id": doc, "sentence": "…"}]}


def _gold(gold_id, type_, doc, actors, optional=False):
    return {"id": gold_id, "doc": doc, "type": type_, "actors": actors, "date": "2024-05-02",
            "location": None, "cluster": None, "optional": optional, "evidence": "…"}


SPELLINGS = {"Rivera": ["rivera"], "Okoro": ["okoro"], "Army": ["army"], "Protesters": ["protesters"]}
GOLD = [_gold("g1", "ASSAULT", "d1", ["Army", "Protesters"]), _gold("g2", "CONSULT", "d1", ["Rivera", "Okoro"]),
        _gold("g3", "ACCUSE", "d1", ["Rivera", "Army"], optional=True)]
EVENTS = [_event("e1", "ASSAULT", "d1", "the army", "protesters"),      # right
          _event("e2", "COERCE", "d1", "the army", "protesters"),       # wrong type: false positive
          _event("e3", "ACCUSE", "d1", "Ana Rivera", "the army"),       # optional gold: neither
          _event("e4", "CONSULT", "d2", "Rivera", "Okoro")]             # not a gold document: not judged


def test_exhaustive_gold_judges_every_type():
    result = score(EVENTS, GOLD, SPELLINGS, exhaustive=True)
    assert (result.gold_required, result.found) == (2, 1)
    assert (result.predicted, result.correct) == (2, 1)
    assert result.precision == 0.5 and result.recall == 0.5 and result.f1 == 0.5
    assert [e["event_id"] for e in result.false_positives] == ["e2"]
    table = result.type_table()
    assert table["ASSAULT"] == {"gold": 1, "found": 1, "predicted": 1, "correct": 1, "recall": 1.0, "precision": 1.0}
    assert table["COERCE"]["precision"] == 0.0 and table["CONSULT"]["recall"] == 0.0
    assert "ACCUSE" not in table


def test_consult_only_gold_lists_consult_false_positives_only():
    result = score(EVENTS + [_event("e5", "CONSULT", "d1", "Rivera", "Sato")], GOLD, SPELLINGS)
    assert [e["event_id"] for e in result.false_positives] == ["e5"]
    assert "precision" not in result.summary() and result.type_table() == {}


def test_actor_precision_counts_each_matched_events_actors_once():
    # e1 serves g1 with a third actor no gold event names; e6 serves two cluster-mates at once,
    # and a side only the other report's gold names is right
    gold = GOLD + [{**_gold("g4", "CONSULT", "d3", ["Rivera", "Okoro"]), "cluster": "c1"},
                   {**_gold("g5", "CONSULT", "d3", ["Rivera", "Okoro", "Army"]), "cluster": "c1"}]
    events = [_event("e1", "ASSAULT", "d1", "the army", "protesters", "the capital"),
              _event("e6", "CONSULT", "d3", "Rivera", "Okoro", "the army")]
    result = score(events, gold, SPELLINGS, exhaustive=True)
    assert (result.actors_named, result.actors_right) == (6, 5)
    assert result.summary()["actor_precision"] == 0.8333
    assert result.actor_errors == ["g1: 'the capital' is none of ['Army', 'Protesters']"]


def test_heldout_check_scores_what_becomes_an_event(tmp_path):
    """`check heldout` types each sentence by its first asserted mention: a meeting planned for
    next week is no event, so a sentence labelled NONE for it is right."""
    import json

    from typer.testing import CliRunner

    from eventscribe.cli import app
    rows = [{"text": "Police arrested three students outside the parliament on Monday.", "type": "COERCE", "style": "short"},
            {"text": "The two foreign ministers will meet in Lima next week.", "type": "NONE", "style": "short"},
            {"text": "Farmers blocked the main road to the port on Tuesday.", "type": "PROTEST", "style": "wire"}]
    path = tmp_path / "few.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "heldout", "--path", str(path)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["sentences"] == 3 and scores["accuracy"] == 1.0
    assert scores["accuracy_by_style"] == {"short": 1.0, "wire": 1.0} and scores["unlabelled"] == 1


def test_a_gold_event_takes_the_candidate_whose_date_may_be_its_own():
    """Two events of a report share the one side a gold event names: the one whose date may be
    the gold date (a month holding the day) is its match, not the first listed (a year before)."""
    recalled = dict(_event("e1", "ASSAULT", "d1", "the army"), date="2022")
    current = dict(_event("e2", "ASSAULT", "d1", "the army"), date="2024-05")
    gold = [_gold("g1", "ASSAULT", "d1", ["Army"]), dict(_gold("g2", "ASSAULT", "d1", ["Army"]), date="2022")]
    result = score([recalled, current], gold, SPELLINGS, exhaustive=True)
    assert result.found == 2 and result.date_correct == 1 and result.date_errors == ["g1: gold 2024-05-02 predicted 2024-05"]
