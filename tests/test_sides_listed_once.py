"""An event lists each side once: a body, state or nationality group named beside one of its
own people on the same side is that person's side (resolve/sides.py). Invented reports."""
from __future__ import annotations

import json

import pytest

from eventscribe.ingest import ingest
from eventscribe.store import Store


def _meeting_sides(tmp_path, text: str) -> list[str]:
    source = tmp_path / "report.jsonl"
    source.write_text(json.dumps({"doc_id": "r1", "text": text, "published": "2025-03-14"}) + "\n", encoding="utf-8")
    with Store(tmp_path / "sides.db") as store:
        ingest([source], store)
        meetings = [e for e in store.iter_records() if e["type"] == "CONSULT"]
    assert len(meetings) == 1, meetings
    return [actor["name"] for actor in meetings[0]["actors"]]


@pytest.mark.parametrize("text, person, body", [
    ("UDR leader Marc Ebang and a UDR delegation met Prime Minister Paul Ndong in Libreville on Monday.",
     "Marc Ebang", "UDR"),
    ("Senior Ashanti Farmers Movement official Kwame Asiedu and the Ashanti Farmers Movement met Agriculture "
     "Minister Efua Mensah in Kumasi on Wednesday.", "Kwame Asiedu", "Ashanti Farmers Movement"),
    ("Zambian Foreign Minister Ruth Banda and Zambian officials held talks with Malawi's president in Lilongwe on Monday.",
     "Ruth Banda", "Zambian officials"),
])
def test_a_body_beside_one_of_its_own_people_is_that_persons_side(tmp_path, text, person, body):
    sides = _meeting_sides(tmp_path, text)
    assert person in sides and not any(body in side for side in sides), sides


def test_a_state_an_office_only_deals_with_stays_a_side(tmp_path):
    """The UN envoy for Sudan does not speak for Sudan's government."""
    sides = _meeting_sides(tmp_path, "Sudan's government held talks with the UN envoy for Sudan, Karl Weiss, "
                                     "in Port Sudan on Monday.")
    assert "Karl Weiss" in sides and any("Sudan" in side for side in sides if side != "Karl Weiss"), sides


def test_a_crowd_named_by_a_common_noun_stays_beside_its_spokeswoman(tmp_path):
    """The nurses are a side of their own, even beside the chair of their association."""
    sides = _meeting_sides(tmp_path, "Striking nurses and nurses' association chair Grace Otieno met Health "
                                     "Minister Paul Kibet in Nairobi on Tuesday.")
    assert "Grace Otieno" in sides and any("nurses" in side for side in sides), sides
