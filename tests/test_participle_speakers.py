"""A pronoun in what a participle of saying reports is the sayer's: "X appeared on radio,
announcing that they had seized …", "X issued a statement saying it had arrested …". The
participle has no subject of its own; the clause it hangs on, or the verb whose object it
describes, has. Every sentence was written for the test; people and groups are invented."""
import pytest

from conftest import asserted_events


def _doers(analysis, type_):
    """The doers of each asserted event of the type, from its mentions."""
    return [[p.name for m in event["mentions"] for p in m.participants if p.role == "actor"]
            for event in asserted_events(analysis, type_)]


@pytest.mark.parametrize("text, type_, doer", [
    ("KINSHASA - Fighters of the Lulonga Front appeared on local radio on Tuesday, announcing that they had "
     "seized the town of Basoko.", "ASSAULT", "Lulonga Front"),
    ("BAMAKO - The Malian army issued a statement on Monday, saying it had arrested five suspected smugglers "
     "near Gao.", "COERCE", "Malian army"),
    ("NIAMEY - The junta went on state television on Sunday, declaring that it had closed all borders with Benin.",
     "SANCTION", "junta"),
    ("JUBA - South Sudanese security officials spoke to reporters on Friday, saying they had detained three "
     "radio journalists.", "COERCE", "South Sudanese security officials"),
    ("The Zambian police released a statement on Wednesday saying they had arrested twelve protesters in Ndola.",
     "COERCE", "Zambian police"),
])
def test_the_pronoun_of_a_participle_of_saying_is_the_sayer(analyze_text, text, type_, doer):
    doers = _doers(analyze_text(text, published="2025-05-10"), type_)
    assert doers and any(doer in name for name in doers[0]), doers


def test_a_participle_that_tells_no_speech_lends_no_subject(analyze_text):
    # 'leaving' is no saying: 'they' is not read as the soldiers by this rule
    analysis = analyze_text("GOMA - Soldiers left the camp on Monday, leaving the villagers who said they had "
                            "been beaten by militiamen.", published="2025-05-10")
    assert not any("Soldiers" in name for doers in _doers(analysis, "ASSAULT") for name in doers)
