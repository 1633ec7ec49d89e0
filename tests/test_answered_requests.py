"""A request someone reviews, grants, refuses or receives was addressed to them: they are its
other side, not a second asker ('the EU approved Moldova's request'). Every sentence was written
for the test; people and bodies are invented, states real."""
import pytest

from conftest import asserted_events


def _sides(analysis):
    [event] = asserted_events(analysis, "REQUEST")
    roles = {}
    for mention in event["mentions"]:
        for p in mention.participants:
            roles.setdefault(p.role, []).append(p.name)
    return roles.get("actor", []), roles.get("recipient", [])


@pytest.mark.parametrize("text, asker, asked", [
    ("The European Union approved Moldova's request for emergency budget support on Monday.", "Moldova", "European Union"),
    ("Washington is reviewing a Jordanian request for more counter-drone equipment, officials said.", "Jordan", "Washington"),
    ("Japan rejected a Chinese request to halt the release of treated water.", "China", "Japan"),
    ("Ghana's request for a debt rescheduling was approved by the IMF on Friday.", "Ghana", "IMF"),
    ("Nigeria received a request from Benin for emergency fuel supplies on Tuesday.", "Benin", "Nigeria"),
    ("Kenya made a request to Uganda for the return of the detained fishermen.", "Kenya", "Uganda"),
])
def test_whoever_handles_a_request_was_asked(analyze_text, text, asker, asked):
    askers, addressed = _sides(analyze_text(text, published="2025-05-10"))
    assert any(asker in name for name in askers), askers
    assert any(asked in name for name in addressed) and not any(asked in name for name in askers), (askers, addressed)


@pytest.mark.parametrize("text, state", [
    ("AMMAN - The foreign ministry summoned the charge d'affaires of the Republic of Iraq on Monday and "
     "handed him a protest note.", "Iraq"),
    ("TASHKENT - The ministry summoned the ambassador of Kyrgyzstan over the border shooting.", "Kyrgyzstan"),
    ("DOHA - The foreign ministry summoned the ambassador of the Kingdom of Bahrain on Sunday.", "Bahrain"),
])
def test_an_envoy_summoned_as_the_envoy_of_a_state_is_summoned_for_that_state(analyze_text, text, state):
    [summons] = asserted_events(analyze_text(text, published="2025-05-10"), "ACCUSE")
    summoned = [p for m in summons["mentions"] for p in m.participants if p.role == "recipient"]
    assert summoned and summoned[0].name == state and summoned[0].title, [(p.name, p.title) for p in summoned]
