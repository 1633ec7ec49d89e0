"""Training sentences -> tokens with labels (every token of a trigger span gets the event type)."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..analyze.detector import NONE, tokenize

TYPES = ("ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
         "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN")
LABELS = (NONE,) + TYPES
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "training" / "events"


@dataclass
class Sentence:
    text: str
    source: str                  # file name
    words: list[str]
    starts: list[int]
    ends: list[int]
    labels: list[str]            # per token
    asserted: list[bool | None]  # per token: modality == asserted (None for NONE tokens)
    conflicts: int = 0
    style: str = ""
    spans: list = field(default_factory=list)   # per event: (token indices of its trigger, type, modality)


def training_files(data_dir: Path = DEFAULT_DATA) -> list[Path]:
    files = sorted(Path(data_dir).glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no training files in {data_dir}")
    return files


def data_sha256(files: list[Path]) -> str:
    """sha256 of the training files' bytes, concatenated in sorted name order."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.name):
        digest.update(path.read_bytes())
    return digest.hexdigest()


_FILLER = frozenset("the a an of to on in at for by his her its their them him it from into with and "
                    "all two three this that these those".split())


def _content(tokens, idx: list[int]) -> list[int]:
    """Of a long trigger span (3+ tokens), the words that carry the event: not names inside
    it, numbers, punctuation or function words ("placed [former prime minister X] under house arrest")."""
    if len(idx) < 3:
        return idx
    keep = [i for n, i in enumerate(idx)
            if tokens[i].text[0].isalpha() and tokens[i].text.lower() not in _FILLER
            and (n == 0 or not tokens[i].text[0].isupper())]
    return keep or idx


def label_sentence(text: str, events: list[dict], source: str = "", style: str = "",
                   span_labels: str = "all") -> Sentence:
    tokens = tokenize(text)
    labels = [NONE] * len(tokens)
    asserted: list[bool | None] = [None] * len(tokens)
    conflicts = 0
    spans = []
    for event in events:
        start = text.find(event["trigger"])
        if start < 0:
            raise ValueError(f"trigger {event['trigger']!r} not in {text!r}")
        if event["type"] not in TYPES:
            raise ValueError(f"unknown type {event['type']!r} in {source}")
        end = start + len(event["trigger"])
        idx = [i for i, tok in enumerate(tokens) if tok.start < end and tok.end > start]
        if span_labels == "content":
            idx = _content(tokens, idx)
        spans.append((idx, event["type"], event.get("modality")))
        for i, tok in enumerate(tokens):
            if i in idx:
                if labels[i] == NONE:
                    labels[i] = event["type"]
                    asserted[i] = event.get("modality") == "asserted"
                elif labels[i] != event["type"]:
                    conflicts += 1
    return Sentence(text, source, [t.text for t in tokens], [t.start for t in tokens],
                    [t.end for t in tokens], labels, asserted, conflicts, style, spans)


def load_sentences(data_dir: Path = DEFAULT_DATA, limit_per_file: int | None = None,
                   span_labels: str = "all", fronted_times: bool = False) -> list[Sentence]:
    """Every sentence of every file in sorted order (the first ``limit_per_file`` of each, if
    given); with ``fronted_times``, each followed by its variant with the time told before the
    verb (`with_time_fronted`), when it has one."""
    out = []
    for path in training_files(data_dir):
        with path.open(encoding="utf-8") as handle:
            lines = [line for line in handle if line.strip()]
        if limit_per_file is not None:
            lines = lines[:limit_per_file]
        for line in lines:
            record = json.loads(line)
            style = record.get("style", "")
            out.append(label_sentence(record["text"], record["events"], path.name, style, span_labels))
            variant = with_time_fronted(record["text"], record["events"]) if fronted_times else None
            if variant is not None:
                out.append(label_sentence(variant, record["events"], path.name, style, span_labels))
    return out


_WHEN = re.compile(r" (on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|last week|overnight)\b")


_NOT_BEFORE_A_VERB = frozenset("a an the its their his her our my your this that these those new fresh".split())


def with_time_fronted(text: str, events: list[dict]) -> str | None:
    """'Pakistan accused India on Tuesday of …' -> 'Pakistan on Tuesday accused India of …': the
    same event told in the other order wire copy often uses, where the words right before the
    verb are a time, not its subject. None when the sentence has no such time after a verb
    trigger that follows words of its own (a subject)."""
    when = _WHEN.search(text)
    if when is None:
        return None
    starts = sorted(start for start in (text.find(e["trigger"]) for e in events
                                        if e.get("modality") == "asserted" and e["trigger"][:1].islower())
                    if 0 < start < when.start())
    if not starts or text[starts[0] - 1] != " ":
        return None
    verb = starts[0]
    before = text[:verb].split()[-1]
    if before.lower() in _NOT_BEFORE_A_VERB or before.endswith(("'s", "’s")) or "-" in before:
        return None   # a noun trigger in its phrase ('imposed a dusk-to-dawn curfew'): no verb to front the time of
    return text[:verb] + when.group(1) + " " + text[verb:when.start()] + text[when.end():]
