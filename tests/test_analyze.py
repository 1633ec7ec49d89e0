"""The per-document stage on sentences written for these tests (not from the corpus)."""
from conftest import asserted_events


def _consult(analysis):
    return asserted_events(analysis, "CONSULT")


def test_envoy_not_his_principal(analyze_text):
    analysis = analyze_text("President Aline Mutesi received the special envoy of President Tomas Ibarra, "
                            "Carmen Vidal, in Kigali on Monday.", published="2021-03-10")
    [event] = _consult(analysis)
    assert "Carmen Vidal" in event["names"] and "Aline Mutesi" in event["names"]
    assert not any("Ibarra" in name for name in event["names"])
    assert event["date"] == "2021-03-08" and event["place"] == "Kigali"


def test_delegation_led_by_names_its_leader(analyze_text):
    analysis = analyze_text("King Tomas met a Finnish delegation led by Anna Virtanen in Oslo yesterday.",
                            published="2022-05-05")
    [event] = _consult(analysis)
    assert "Anna Virtanen" in event["names"]
    assert event["date"] == "2022-05-04"


def test_attendee_list_adds_participants(analyze_text):
    analysis = analyze_text(
        "Chancellor Maria Lang received Prime Minister Jonas Berg in Vienna on Friday.\n\n"
        "The meeting was attended by Foreign Minister Paul Weber and Defence Minister Eva Kurz.",
        published="2020-02-08")
    [event] = _consult(analysis)
    assert {"Maria Lang", "Jonas Berg", "Paul Weber", "Eva Kurz"} <= set(event["names"])
    assert len(event["mentions"]) == 2


def test_planned_and_negated_meetings_are_not_events(analyze_text):
    text = ("Prime Minister Jonas Berg will meet President Omar Haddad in Geneva next week. "
            "Berg is expected to visit Cairo in May. "
            "Haddad did not meet Berg on Friday. "
            "If the talks succeed, Berg would travel to Damascus.")
    analysis = analyze_text(text, published="2020-02-08")
    assert _consult(analysis) == []
    modalities = {m.modality for m in analysis.mentions if m.type == "CONSULT"}
    assert {"future", "negated"} <= modalities


def test_headline_infinitive_is_future(analyze_text):
    analysis = analyze_text("Trade delegation to meet Minister Ana Ruiz in Lima", published="2021-01-01")
    assert _consult(analysis) == []


def test_recalled_meeting_gets_its_own_date(analyze_text):
    text = ("President Aline Mutesi received envoy Carmen Vidal yesterday.\n\n"
            "On March 14, 2017, President Mutesi praised the work of the river commission.\n\n"
            "Mutesi said during her meeting with Vidal that the talks were useful.")
    analysis = analyze_text(text, published="2019-07-26")
    dates = sorted(e["date"] for e in _consult(analysis))
    assert dates == ["2017-03-14", "2019-07-25"]


def test_two_meetings_of_one_leader_stay_apart(analyze_text):
    text = ("President Omar Haddad met Foreign Minister Lina Sabry on Sunday.\n\n"
            "President Haddad also met Defence Minister Karl Olsen on Tuesday.")
    analysis = analyze_text(text, published="2019-07-26")
    names = sorted(tuple(sorted(e["names"])) for e in _consult(analysis))
    assert names == [("Karl Olsen", "Omar Haddad"), ("Lina Sabry", "Omar Haddad")]


def test_repeated_mentions_are_one_event(analyze_text):
    text = ("Minister Lina Sabry held talks with envoy Nikolai Sorokin in Amman on Monday.\n\n"
            "The talks focused on refugees.\n\nSabry and Sorokin agreed to meet again.")
    analysis = analyze_text(text, published="2019-07-26")
    [event] = _consult(analysis)
    assert len(event["mentions"]) >= 2


def test_no_publication_date_means_unknown_relative_dates(analyze_text):
    analysis = analyze_text("President Omar Haddad received envoy Nikolai Sorokin on Tuesday.")
    [event] = _consult(analysis)
    assert event["date"] is None


def test_undated_event_gets_the_publication_month(analyze_text):
    analysis = analyze_text("Minister Lina Sabry met envoy Nikolai Sorokin in Amman.", published="2019-07-26")
    [event] = _consult(analysis)
    assert event["date"] == "2019-07" and event["mentions"][0].date.basis.startswith("publication")


def test_place_spelling_variants_resolve(analyze_text):
    idleb = analyze_text("Troops attacked rebel positions in Idleb on Monday.", published="2019-07-26")
    [attack] = [m for m in idleb.mentions if m.type == "ASSAULT"]
    assert attack.place.name == "Idlib" and attack.place.country == "SYR"


def test_other_event_types(analyze_text):
    text = ("Canada imposed sanctions on Belarusian judges on Friday. "
            "China accused Japan of provoking tension. "
            "Police arrested opposition leader Marek Dunn yesterday. "
            "Rebels attacked an army base near Goma. "
            "The two governments signed an agreement on water sharing.")
    analysis = analyze_text(text, published="2019-04-12")
    types = {m.type for m in analysis.mentions if m.modality == "asserted"}
    assert {"SANCTION", "ACCUSE", "COERCE", "ASSAULT", "AGREE"} <= types


def test_evidence_offsets_slice_the_cleaned_text(analyze_text):
    text = ("Minister Lina Sabry met envoy Nikolai Sorokin in Amman on Monday. "
            "Sorokin thanked Sabry.\n\nRead also\nUnrelated story...\n")
    analysis = analyze_text(text, published="2019-07-26")
    assert analysis.mentions
    for mention in analysis.mentions:
        sentence = analysis.text[mention.sentence_start:mention.sentence_end]
        assert analysis.text[mention.trigger_start:mention.trigger_end] == mention.trigger
        assert mention.sentence_start <= mention.trigger_start < mention.trigger_end <= mention.sentence_end
        assert sentence.strip() == sentence
        for participant in mention.participants:
            if participant.start is not None:
                assert analysis.text[participant.start:participant.end] in (participant.name, participant.surface) \
                    or participant.kind == "GROUP" or participant.title


def test_non_english_text_is_flagged(analyze_text):
    analysis = analyze_text("Le ministre a rencontré la délégation à Paris lundi et ils ont discuté du plan.")
    assert analysis.language == "other" and analysis.mentions == []


def test_public_api_analyze():
    import eventscribe
    analysis = eventscribe.analyze("Kenya's president met Oman's sultan in Nairobi on Friday.", published="2023-09-14")
    assert analysis.published == "2023-09-14"
    assert any(m.type == "CONSULT" for m in analysis.mentions)


def test_dateline_places_recent_events_only(analyze_text):
    text = ("NAIROBI, May 3 (Reuters) - Minister Lina Sabry met envoy Nikolai Sorokin on Tuesday.\n\n"
            "On March 14, 2017, Sabry met Sorokin for the first time.")
    analysis = analyze_text(text, published="2022-05-03")
    places = {e["date"]: e["place"] for e in _consult(analysis)}
    assert places == {"2022-05-03": "Nairobi", "2017-03-14": None}


def test_prose_is_not_a_dateline(analyze_text):
    text = ("Mendoza, whose presence surprised reporters, met Minister Lina Sabry on Tuesday.")
    [event] = _consult(analyze_text(text, published="2022-05-03"))
    assert event["place"] is None


def test_a_city_tagged_as_organisation_is_still_a_place(analyze_text):
    text = "Leaders of the alliance met Minister Lina Sabry and envoy Karl Olsen in Riga on Tuesday."
    [event] = _consult(analyze_text(text, published="2022-05-03"))
    assert event["place"] == "Riga"


def test_a_title_alone_names_the_person_it_was_given_to(analyze_text):
    text = ("Moroccan Prime Minister Karim Tazi met envoy Nikolai Sorokin in Rabat on Monday.\n\n"
            "Sorokin had discussed the plan with the Moroccan Prime Minister in Fez earlier in the day.")
    analysis = analyze_text(text, published="2022-05-03")
    names = [set(e["names"]) for e in _consult(analysis)]
    assert all("Karim Tazi" in group for group in names)
    assert not any("Moroccan Prime Minister" in group for group in names)


def test_attendees_in_a_relative_clause(analyze_text):
    text = ("Minister Lina Sabry held talks with envoy Nikolai Sorokin in Amman on Monday.\n\n"
            "The meeting, which was attended by Deputy Minister Karl Olsen, ran late into the evening.")
    [event] = _consult(analyze_text(text, published="2022-05-03"))
    assert {"Lina Sabry", "Nikolai Sorokin", "Karl Olsen"} <= set(event["names"])


def test_headline_present_tense_yields_to_the_body(analyze_text):
    text = ("Trade delegation meets Minister Ana Ruiz in Lima\n\n"
            "A trade delegation was due to meet Minister Ana Ruiz in Lima on Monday, a source said.")
    analysis = analyze_text(text, published="2021-01-01", title="Trade delegation meets Minister Ana Ruiz in Lima")
    assert _consult(analysis) == []


def test_a_byline_date_is_the_page_not_the_event(analyze_text):
    analysis = analyze_text(
        "Council agrees to fund rail link with Norland and Vestia By Wire Staff June 8 2021, 4.10pm\n\n"
        "The Alpine Council has decided to fund a rail link with Norland and Vestia.",
        published="2021-06-08")
    events = asserted_events(analysis, "AGREE")
    # "has decided" gives no day; the byline's day must not become the event's.
    assert events and all(e["date"] != "2021-06-08" for e in events)
    assert not any(name.endswith(" By") for e in events for name in e["names"])


def test_a_surname_two_people_share_is_left_as_written():
    from eventscribe.analyze.pipeline import _complete_names
    from eventscribe.model import EventMention, Participant

    def meeting(*people):
        return EventMention("CONSULT", "meet", "asserted", "met", 0, 3, 0, 0, 10,
                            participants=[Participant(name, "participant", kind="PERSON") for name in people])
    # The report names Daniel Moreau outside any event and Claire Moreau in one: 'Moreau' is either.
    mentions = [meeting("Ana Silva", "Claire Moreau"), meeting("Ana Silva", "Moreau")]
    _complete_names(mentions, ["Daniel Moreau", "Claire Moreau", "Ana Silva"])
    assert mentions[1].names == ["Ana Silva", "Moreau"]
    # Only one Moreau in the report: the bare surname is completed.
    mentions = [meeting("Ana Silva", "Claire Moreau"), meeting("Ana Silva", "Moreau")]
    _complete_names(mentions, ["President Claire Moreau", "Ana Silva"])
    assert mentions[1].names == ["Ana Silva", "Claire Moreau"]


def test_an_institution_name_split_by_ner_is_made_whole(analyze_text):
    analysis = analyze_text("U.S. Department of the Treasury has imposed sanctions on two Vestian shipping firms.",
                            published="2021-06-18")
    [event] = asserted_events(analysis, "SANCTION")
    assert "U.S. Department of the Treasury" in event["names"]


def test_every_seat_of_power_resolves_to_its_city():
    """A landmark names its city (every key is reachable: keys are folded names); one whose city
    folds back to the landmark ("the Vatican" -> "Vatican City" -> "vatican") once recursed until
    the whole run stopped."""
    from eventscribe.analyze.places import _LANDMARKS, fold, lookup
    for landmark, city in _LANDMARKS.items():
        assert fold(landmark) == landmark
        place = lookup(landmark)
        assert (place is None) == (city is None or lookup(city) is None), landmark
    assert lookup("the Vatican").country == "VAT"


def test_a_report_naming_the_vatican_is_read(analyze_text):
    analysis = analyze_text("Pope Leo received President Omar Haddad at the Vatican on Monday.",
                            published="2025-06-11")
    [event] = _consult(analysis)
    assert event["place"] == "Vatican City" and "Omar Haddad" in event["names"]


def test_indexed_attribute_ruler_and_remembered_lemmas_annotate_exactly_as_spacys(corpus):
    """The attribute ruler's matches found by lookup (analyze/attribute_index.py; the longer
    patterns only run where a token may open one) and the lemmas
    worked out once per word, part of speech and morphology (analyze/lemma_memo.py) give every
    token the tag, part of speech, morphology and lemma the installed pipeline itself gives."""
    import json

    import spacy

    from eventscribe.analyze.attribute_index import index_attribute_ruler
    from eventscribe.analyze.lemma_memo import MEMO_FACTORY, memoise_lemmatizer
    from eventscribe.analyze.nlp import DEFAULT_MODEL
    texts = [json.loads(p.read_text())["text"] for p in sorted((corpus / "world2-dev" / "input").glob("*.json"))]
    texts += [p.read_text() for p in sorted((corpus / "seeds").glob("*.txt"))]
    texts += ["Ain't gonna happen, she said.", "I can't and won't go.  It's nothin' , y'all.", " \n\t ",
              "Let's go, c'mon, we gotta leave before there are more of them.", "Y' all know it."]
    plain, indexed = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    index_attribute_ruler(indexed)
    memoise_lemmatizer(indexed)
    assert type(indexed.get_pipe("attribute_ruler").match).__name__ == "IndexedRulerMatch"
    assert type(indexed.get_pipe("attribute_ruler").set_annotations).__name__ == "ArraySetAnnotations"
    assert MEMO_FACTORY in indexed.pipe_names and "lemmatizer" in indexed.disabled
    tokens = 0
    for one, other in zip(plain.pipe(texts), indexed.pipe(texts)):
        for a, b in zip(one, other):
            tokens += 1
            assert (a.tag_, a.pos_, str(a.morph), a.lemma_, a.dep_) == (b.tag_, b.pos_, str(b.morph), b.lemma_, b.dep_), a.text
    assert tokens > 10_000


def test_a_person_named_in_an_earlier_sentence_keeps_the_offsets_of_the_name(analyze_text):
    """'She' or 'the two leaders' resolved to people named earlier: the participant's offsets
    point at the words the name was read from (they were shifted twice, into other text)."""
    text = ("President Mira Sellen arrived in Oslo on Monday.\n\n"
            "She met Prime Minister Jonas Berg at the palace on Tuesday.\n\n"
            "The two leaders signed a trade agreement.")
    analysis = analyze_text(text, published="2022-05-05")
    checked = 0
    for mention in analysis.mentions:
        for p in mention.participants:
            # (a state read from its capital's name points at the capital: its surface)
            assert p.start is not None and analysis.text[p.start:p.end].endswith((p.surface or p.name).split()[-1]), \
                (p, mention.trigger)
            checked += 1
    assert checked >= 4
