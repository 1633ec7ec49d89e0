"""Which document events are reported, and how sure we are of them."""
from __future__ import annotations

from ..model import BASIS_TEXT, EventMention


def is_reportable(type_: str, summary: dict) -> bool:
    """An interaction needs its sides: a meeting with one named party is not yet a record.

    CONSULT needs two participants, except a multilateral gathering (a summit of one alliance);
    other types need at least one named actor.
    """
    count = len(summary["participants"])
    if type_ == "CONSULT":
        alone = summary["participants"][0] if count == 1 else None
        return count >= 2 or (alone is not None and summary["mode"] == "multilateral"
                              and alone.kind in ("ORG", "GROUP", "NORP"))
    return count >= 1


# Taken for a mention the detector has no score for (a construction found in code).
UNSCORED_P_EVENT = 0.5


def confidence_of(mentions: list[EventMention], summary: dict, sources: int = 1) -> float:
    """0-1: starts from the detector's calibrated P(event) of the surest mention (0.3-0.6);
    more mentions, independent sources, a date from the text and named people all add."""
    scored = [m.p_event for m in mentions if m.p_event is not None]
    score = 0.3 + 0.3 * (max(scored) if scored else UNSCORED_P_EVENT)
    score += 0.1 * min(len(mentions) - 1, 2)
    score += 0.15 * min(sources - 1, 3)
    date = summary["date"]
    if date is not None and date.value and date.basis == BASIS_TEXT:
        score += 0.1
    if sum(1 for p in summary["participants"] if p.kind == "PERSON") >= 2:
        score += 0.1
    if summary["place"] is not None:
        score += 0.05
    return round(min(score, 0.99), 2)
