"""An envoy summoned as the envoy "of" a state, by its formal name or not, is summoned for that
state ('the charge d'affaires of the Hashemite Kingdom of Jordan'). Every sentence was written
for the test; people are invented, states real."""
import pytest

from conftest import asserted_events


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
