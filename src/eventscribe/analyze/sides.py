"""The other side of a fight, from the rest of the report.

A report of a war names its two sides once ("fighting raged between the army and the Coastal
Shield Brigades") and then tells of one side's acts alone ("the Brigades claimed they had seized
the harbour"; "clashes broke out with the army"). A reader knows who fought whom; a sentence does not.
Here a one-sided attack takes its other side from the pairs of sides the same report names
together in its attacks — only when the report pairs the side it names with exactly one
opponent — or, when no attack names both, from the report's attacks naming exactly two sides
in all. The participant keeps the offsets of the words it was read from, so the evidence
shows that it came from another sentence.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import EventMention, Participant
from .group import name_tokens

# Types whose two sides are opponents in a fight.
TWO_SIDED = frozenset({"ASSAULT"})


def _same_side(a: Participant, b: Participant) -> bool:
    words_a, words_b = name_tokens(a.name), name_tokens(b.name)
    return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)


def _pairs(mentions: list[EventMention]) -> list[tuple[Participant, Participant]]:
    pairs = []
    for mention in mentions:
        if mention.type not in TWO_SIDED:
            continue
        actors = [p for p in mention.participants if p.role == "actor"]
        recipients = [p for p in mention.participants if p.role == "recipient"]
        sides = actors + recipients if not actors or not recipients else []
        if len(sides) == 2:
            pairs.append((sides[0], sides[1]))    # "fighting between A and B": both as recipients
        pairs.extend((a, r) for a in actors for r in recipients)
    return pairs


def _opponent(side: Participant, pairs: list[tuple[Participant, Participant]]) -> Participant | None:
    """The one opponent the report pairs this side with; None when it names none or several."""
    opponents: Counter[str] = Counter()
    first: dict[str, Participant] = {}
    for a, b in pairs:
        for mine, theirs in ((a, b), (b, a)):
            if _same_side(side, mine) and not _same_side(side, theirs):
                key = " ".join(sorted(name_tokens(theirs.name)))
                opponents[key] += 1
                first.setdefault(key, theirs)
    distinct = {k for k in opponents if not any(k != o and set(k.split()) < set(o.split()) for o in opponents)}
    return first[distinct.pop()] if len(distinct) == 1 else None


def _two_belligerents(mentions: list[EventMention]) -> list[tuple[Participant, set[str]]] | None:
    """The report's two sides, with the roles each was read in, when its attacks name exactly
    two ("the Brigades seized the harbour"; "clashes broke out with the army")."""
    sides: list[tuple[Participant, set[str]]] = []
    for mention in mentions:
        if mention.type in TWO_SIDED:
            for p in mention.participants:
                known = next((roles for side, roles in sides if _same_side(p, side)), None)
                if known is None:
                    sides.append((p, {p.role}))
                else:
                    known.add(p.role)
    return sides if len(sides) == 2 else None


def complete_sides(mentions: list[EventMention]) -> None:
    """Give each one-sided attack the other side the report pairs its side with, or else the
    other of the report's two belligerents."""
    pairs = _pairs(mentions)
    belligerents = _two_belligerents(mentions)
    for mention in mentions:
        if mention.type not in TWO_SIDED or len(mention.participants) != 1:
            continue
        side = mention.participants[0]
        role = "recipient" if side.role == "actor" else "actor"
        opponent = _opponent(side, pairs) if pairs else None
        if opponent is None and belligerents is not None:
            # the other side, if the report has it in the role wanted (a city attacked is no attacker)
            opponent = next((b for b, roles in belligerents if not _same_side(side, b) and role in roles), None)
        if opponent is not None:
            mention.participants.append(replace(opponent, role=role))
