from eventscribe.clean import find_published, is_english, remove_boilerplate


def test_related_headline_block_is_removed():
    text = ("Leaders met in Rome.\n\nThey agreed on a plan.\n\nYou might also like\n"
            "Storm hits coast... Minister resigns after scandal... Team wins cup...\n"
            "Another headline without a stop")
    cleaned, removed = remove_boilerplate(text)
    assert "Storm" not in cleaned and "Another headline" not in cleaned
    assert cleaned.endswith("They agreed on a plan.")
    assert removed == 3


def test_tag_junk_share_widgets_and_disclaimers_go():
    text = (", , , , , ,\nShare this article\nThe envoy arrived in Cairo.\n"
            "DISCLAIMER: The views expressed in this column belong to the writer alone.\n%d bloggers like this:")
    cleaned, _ = remove_boilerplate(text)
    assert cleaned == "The envoy arrived in Cairo."


def test_publication_date_from_a_line_of_its_own():
    assert find_published("Title\n\nWednesday, 9 March 2016\n\nKAMPALA - Text.")[0] == "2016-03-09"


def test_publication_date_from_a_parenthesised_source_line():
    published, basis = find_published("(Example Wire Service, 4 October 2015) ~ The governor said ...")
    assert published == "2015-10-04" and "parenthesised" in basis


def test_a_date_inside_a_sentence_is_not_the_publication_date():
    assert find_published("On March 14, 2017, the governor met the mayor.") == (None, None)


def test_language_check():
    assert is_english("The minister met the delegation in the capital on Monday and they discussed the plan.")
    assert not is_english("Der Minister traf die Delegation am Montag in der Hauptstadt und sie besprachen den Plan.")
    assert not is_english("Министр встретился с делегацией в столице в понедельник.")


def test_short_english_sentences_are_english():
    assert is_english("President Aline Mutesi received envoy Carmen Vidal on Tuesday.")
    assert not is_english("Le ministre a rencontré la délégation à Paris lundi.")
