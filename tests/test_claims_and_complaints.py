"""What a claim says happened is the claimant's word, not the report's: the act inside 'claims
that…', 'allegations that…', 'rumours that…' is kept as a reported mention, never an event.
A complaint is an accusation. Every sentence here was written for the test; places and people
are invented."""
import pytest


def _by_trigger(analysis, word):
    return next(m for m in analysis.mentions if m.trigger == word)


@pytest.mark.parametrize("text, trigger", [
    ("Officials in Dorvan rejected claims that government aircraft had bombed a market.", "bombed"),
    # the clause hung on the verb by the parser, after a 'by' phrase
    ("The ministry refuted claims by the militia's spokesman that army helicopters had shelled the camp.",
     "shelled"),
    ("Rumours that the defence minister had been arrested swept through the capital on Friday.", "arrested"),
    ("Nobody has confirmed allegations that prison guards had tortured the inmates at Tesk jail.", "tortured"),
    ("Opposition newspapers repeated the accusation that the police had detained forty students.",
     "detained"),
    ("The speculation that northern troops had shelled the port was never backed up.", "shelled"),
])
def test_what_a_claim_says_happened_is_reported_not_asserted(analyze_text, text, trigger):
    mention = _by_trigger(analyze_text(text), trigger)
    assert mention.modality == "reported"


@pytest.mark.parametrize("text, trigger", [
    ("Government aircraft bombed a market in Dorvan on Monday.", "bombed"),
    # a claim noun that is the act's subject, not its content
    ("After the claims surfaced, the police detained forty students in Tesk.", "detained"),
    ("The guards beat the prisoners, the report by the monitors said.", "beat"),
])
def test_the_same_acts_told_by_the_report_are_asserted(analyze_text, text, trigger):
    assert _by_trigger(analyze_text(text), trigger).modality == "asserted"


@pytest.mark.parametrize("text", [
    "Farmers' unions complained on Tuesday that the agriculture ministry had ignored them for months.",
    "Shopkeepers in the old town have complained about harassment by tax inspectors.",
    "Miriam Sato, the opposition whip, complained bitterly to the speaker about the closure of the debate.",
])
def test_a_complaint_is_an_accusation(analyze_text, text):
    mention = next(m for m in analyze_text(text).mentions if m.trigger.startswith("complain"))
    assert (mention.type, mention.modality) == ("ACCUSE", "asserted")


@pytest.mark.parametrize("text", [
    "Gunmen ambushed a police patrol on the ring road on Tuesday.",
    "Rebels attacked police officers guarding the bridge.",
])
def test_a_common_noun_is_never_the_town_it_spells(analyze_text, text):
    """'police' is also a town in Poland: a side named by a common noun places nothing."""
    mention = next(m for m in analyze_text(text).mentions if m.type == "ASSAULT")
    assert mention.place is None and not any("Polish" in p.name for p in mention.participants)
