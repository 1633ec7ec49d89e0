"""An office named alone ('the Ghanaian Speaker', 'Chile's top diplomat', 'the Kenyan interior
minister') is the one person the report names with that office, before or after, even in a
sentence that tells no event; never a holder of another portfolio, and never one person for two
offices of one sentence. Invented reports."""
from __future__ import annotations

import pytest


def _meeting_sides(analysis) -> list[str]:
    meetings = [m for m in analysis.mentions if m.type == "CONSULT" and m.trigger in ("met", "talks", "received")]
    assert meetings, [(m.type, m.trigger) for m in analysis.mentions]
    return [p.name for p in meetings[0].participants]


@pytest.mark.parametrize("text, holder", [
    # a capitalised office after its nationality
    ("Ghana's parliament speaker, Kojo Mensah, flew to Abuja on Sunday. On Monday the Ghanaian Speaker held "
     "talks with Nigerian President Bola Adeyemi on border trade.", "Kojo Mensah"),
    # the holder named only after, by portfolio and no country
    ("The Kenyan interior minister met the Somali ambassador in Nairobi on Thursday, the ministry said. "
     "Interior Minister Grace Wanjiru told reporters the talks had focused on refugees.", "Grace Wanjiru"),
    # 'top diplomat' is the foreign minister, named in a sentence that tells no event
    ("Chilean Foreign Minister Alberto Rojas is in Lima this week. On Wednesday the Chilean top diplomat was "
     "received by Peru's President Carla Soto at the government palace.", "Alberto Rojas"),
    ("Foreign Minister Lina Haddad of Jordan began a Gulf tour on Saturday. On Sunday, Jordan's top diplomat "
     "met the Emir of Qatar in Doha.", "Lina Haddad"),
])
def test_an_office_named_alone_is_its_holder_named_elsewhere(analyze_text, text, holder):
    assert holder in _meeting_sides(analyze_text(text, published="2025-03-12"))


def test_two_holders_of_one_office_in_a_sentence_are_not_one_person(analyze_text):
    sides = _meeting_sides(analyze_text(
        "The Kenyan interior minister met the Ugandan interior minister in Busia on Friday. Interior Minister "
        "Grace Wanjiru said afterwards that the border would stay open.", published="2025-03-12"))
    assert "Grace Wanjiru" not in sides


def test_a_minister_of_another_portfolio_is_not_the_office_named(analyze_text):
    analysis = analyze_text("The finance minister met the central bank governor on Monday to discuss the budget. "
                            "Trade Minister Omar Bello was not at the meeting.", published="2025-03-12")
    met = [m for m in analysis.mentions if m.trigger == "met"]
    assert met and all(p.name != "Omar Bello" for m in met for p in m.participants)
