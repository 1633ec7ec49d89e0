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
     "talks with Nigerian President Bola Akande on border trade.", "Kojo Mensah"),
    # the holder named only after, by portfolio and no country
    ("The Kenyan interior minister met the Somali ambassador in Nairobi on Thursday, the ministry said. "
     "Interior Minister Grace Wanjiru told reporters the talks had focused on refugees.", "Grace Wanjiru"),
    # 'top diplomat' is the foreign minister, named in a sentence that tells no event
    ("Chilean Foreign Minister Alberto Rojas is in Lima this week. On Wednesday the Chilean top diplomat was "
     "received by Peru's President Carla Soto at the government palace.", "Alberto Rojas"),
    ("Foreign Minister Lina Haddad of Jordan began a Gulf tour on Saturday. On Sunday, Jordan's top diplomat "
     "met the Emir of Qatar in Doha.", "Lina Haddad"),
    # an envoy is the state's ambassador, by whichever word
    ("Claire Duval, the French envoy in Niamey, was called in by the foreign ministry on Monday. "
     "On Tuesday France's ambassador held talks with the prime minister of Niger.", "Claire Duval"),
    ("Japanese envoy Kenji Sato returned to Seoul on Monday after a month's absence. Japan’s ambassador held "
     "talks with the South Korean foreign minister on Friday.", "Kenji Sato"),
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


@pytest.mark.parametrize("text, holder", [
    ("Assistant Foreign Minister for Arab and African Affairs Omar Hadid met the Tunisian ambassador in Cairo "
     "on Sunday.", "Omar Hadid"),
    ("Minister of State for Foreign Affairs and International Cooperation Hassan Adan met the Egyptian ambassador "
     "in Mogadishu on Monday.", "Hassan Adan"),
    ("Assistant Secretary for African Affairs Molly Grant met Somali officials in Nairobi on Tuesday.", "Molly Grant"),
])
def test_a_long_title_keeps_the_name_that_ends_it(analyze_text, text, holder):
    sides = _meeting_sides(analyze_text(text, published="2025-03-12"))
    assert holder in sides and not any(side.split()[-1] in ("Minister", "Secretary") for side in sides), sides


def test_a_guest_named_after_the_place_is_met(analyze_text):
    """'received today in Khartoum Mr X': the parser hangs the guest on the place's preposition."""
    analysis = analyze_text("Sudanese Foreign Minister Ali Yusuf received today in Khartoum Mr Jean-Paul Martin, "
                            "the French envoy for the Sahel.", published="2025-03-12")
    received = [m for m in analysis.mentions if m.trigger == "received"]
    assert received and {"Ali Yusuf", "Jean-Paul Martin"} <= {p.name for p in received[0].participants}
    assert received[0].place is not None and received[0].place.name == "Khartoum"
