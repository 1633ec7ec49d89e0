"""Event triggers: which words report which PLOVER event type.

Verbs and nouns by lemma, each with its type and (for CONSULT) its mode. Words that need their
object to decide ("received the envoy" vs "received aid") name the check in `needs`.
The list is general English news vocabulary; it was written from PLOVER's definitions and
checked on the PLOVER training split, never on its test split.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None = None
    needs: str | None = None   # "person_object", "counterpart", "agent", "org_object", "weapon"


def _entries(type_: str, words: str, mode: str | None = None, needs: str | None = None) -> dict[str, Trigger]:
    return {w: Trigger(type_, mode, needs) for w in words.split()}


VERBS: dict[str, Trigger] = {
    **_entries("CONSULT", "meet confer", "meet"),
    **_entries("CONSULT", "receive greet", "meet", "person_object"),
    **_entries("CONSULT", "visit", "visit"),
    **_entries("CONSULT", "host welcome", "visit", "person_object"),
    **_entries("CONSULT", "discuss", "meet", "counterpart"),
    **_entries("CONSULT", "phone telephone", "phone"),
    **_entries("CONSULT", "convene gather", "multilateral", "plural_subject"),
    **_entries("AGREE", "agree sign conclude ratify approve decide commit accept"),
    **_entries("SUPPORT", "support back praise congratulate thank commend hail applaud appreciate "
                          "welcome reaffirm defend endorse pledge"),
    **_entries("COOPERATE", "cooperate collaborate coordinate partner"),
    **_entries("AID", "aid donate supply fund finance assist deliver send provide", needs="aid_object"),
    **_entries("CONCEDE", "release free ease lift apologize concede yield surrender compromise "
                          "reopen pardon return cede", needs="concession"),
    **_entries("CONCEDE", "apologise apologize resign relent"),
    **_entries("RETREAT", "withdraw retreat evacuate", needs="forces"),
    **_entries("REQUEST", "urge ask appeal request demand invite plead petition"),
    **_entries("ACCUSE", "accuse blame condemn denounce criticize criticise slam fault allege sue "
                         "charge indict decry censure rebuke convict investigate probe prosecute "
                         "summon lambast berate"),
    **_entries("REJECT", "reject refuse deny dismiss veto rebuff oppose boycott spurn"),
    **_entries("THREATEN", "threaten warn vow"),
    **_entries("PROTEST", "protest demonstrate rally march picket"),
    **_entries("SANCTION", "sanction blacklist embargo expel suspend revoke freeze downgrade sever "
                           "recall", needs="sanction_object"),
    **_entries("SANCTION", "quit leave exit", needs="org_object"),
    **_entries("MOBILIZE", "mobilize mobilise deploy mass station", needs="forces"),
    **_entries("COERCE", "arrest detain imprison jail deport seize ban raid abduct kidnap confiscate "
                         "censor sentence execute outlaw evict demolish"),
    **_entries("ASSAULT", "attack bomb shell strike kill shoot assassinate invade ambush massacre "
                          "wound injure fire clash storm torture"),
}

NOUNS: dict[str, Trigger] = {
    **_entries("CONSULT", "meeting talk consultation negotiation discussion conversation dialogue "
                          "session encounter audience", "meet"),
    **_entries("CONSULT", "visit trip tour", "visit"),
    **_entries("CONSULT", "summit conference congress forum", "multilateral"),
    **_entries("CONSULT", "call phone telephone", "phone", "phone_call"),
    **_entries("AGREE", "agreement deal accord treaty ceasefire truce memorandum pact communique communiqué "
                        "declaration", needs="signed"),
    **_entries("SANCTION", "sanction embargo blacklisting expulsion", needs="imposed"),
    **_entries("ASSAULT", "attack airstrike strike bombing shelling clash raid offensive ambush "
                          "massacre assault crime killing face-off", needs="agent_or_target"),
    **_entries("PROTEST", "protest demonstration rally march strike", needs="protest_noun"),
    **_entries("AID", "aid assistance donation", needs="aid_noun"),
    **_entries("THREATEN", "warning threat ultimatum", needs="issued"),
    **_entries("ACCUSE", "accusation condemnation criticism lawsuit complaint", needs="issued"),
    **_entries("ACCUSE", "investigation probe inquiry indictment prosecution", needs="launched"),
    **_entries("COERCE", "crackdown curfew arrest detention deportation", needs="launched"),
}

# Verbs that carry a noun trigger ("held talks", "paid a visit", "signed an agreement").
LIGHT_VERBS = frozenset(
    "hold have conduct host attend join pay make start begin open chair convene conclude "
    "wrap end resume continue launch co-chair participate take hold sign reach strike seal "
    "impose announce issue carry stage mount launch file level lodge deliver send provide "
    "organize organise".split()
)

# Cheap filter: a sentence can only hold an event if it has a trigger word in some inflection.
_IRREGULAR = {
    "meet": ["met"], "hold": ["held"], "send": ["sent"], "fight": ["fought"], "shoot": ["shot"],
    "give": ["gave", "given"], "strike": ["struck", "stricken"], "freeze": ["froze", "frozen"],
    "lead": ["led"], "pay": ["paid"], "begin": ["began", "begun"], "seek": ["sought"],
    "withdraw": ["withdrew", "withdrawn"], "leave": ["left"], "speak": ["spoke", "spoken"],
    "take": ["took", "taken"], "make": ["made"], "sell": ["sold"], "wound": ["wounded"],
    "forbid": ["forbade", "forbidden"], "bring": ["brought"], "come": ["came"], "go": ["went", "gone"],
}


def _inflections(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}   # ban -> banned, ship -> shipping
    return forms | set(_IRREGULAR.get(lemma, []))


def _plurals(noun: str) -> set[str]:
    forms = {noun, noun + "s", noun + "es"}
    if noun.endswith("y"):
        forms.add(noun[:-1] + "ies")
    return forms


TRIGGER_FORMS = frozenset(
    {form for lemma in VERBS for form in _inflections(lemma)}
    | {form for noun in NOUNS for form in _plurals(noun)}
    | {"persona", "presence", "talks", "arrived", "landed"}
)
_WORDS = re.compile(r"[a-zA-Z][a-zA-Z\-]*")


def may_hold_event(sentence: str) -> bool:
    return any(word.lower() in TRIGGER_FORMS for word in _WORDS.findall(sentence))
