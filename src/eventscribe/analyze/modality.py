"""Did it happen? asserted / future / hypothetical / negated, from the trigger's syntax.

The words it reads are data: the word sets named below, in lang/en/wordsets.tsv."""
from __future__ import annotations

from spacy.tokens import Token

from .syntax import TENSED_TAGS, phrasal_lemma
from .words import words

FUTURE_AUX = words("future_auxiliaries")
HYPOTHETICAL_AUX = words("hypothetical_auxiliaries")
# Verbs whose complement has not happened yet: "plans to meet", "agreed to hold talks".
FUTURE_GOVERNORS = words("future_governors")
NEGATING_GOVERNORS = words("negating_governors")
FUTURE_MODIFIERS = words("future_modifiers")
FUTURE_PREPOSITIONS = words("future_prepositions")
FUTURE_NOUN_HEADS = words("future_noun_heads")
# Speech acts whose clause says what should happen: "demanded that the rebels disarm".
DEMANDING_GOVERNORS = words("demanding_governors")
# "the only way out is X", "the solution is X": what a remedy or a condition names has not happened.
_REMEDY_NOUNS = words("remedy_nouns")
ASKING_VERBS = words("asking_verbs")
# Speech acts whose 'of'/'for' complement is the speaker's claim: "accused the army of shelling".
CLAIMING_GOVERNORS = words("claiming_governors")
# Motion verbs whose purpose clause reports what the trip was for: "landed in Cairo to discuss".
MOTION_VERBS = words("motion_verbs")
# "voted to impeach", "used drones to strike": the complement happened when the governor did.
IMPLICATIVE_GOVERNORS = words("implicative_governors")
_REMINDING_VERBS = words("reminding_verbs")
# "rumours of an attack", "fears of a crackdown": what the noun is about has not happened.
UNREALISED_NOUN_HEADS = words("unrealised_noun_heads")
CLAIM_NOUNS = words("claim_nouns")
CLAIMING_VERBS = words("claiming_verbs")
# 'likely to', 'due to', 'set to': the subject's act is yet to come.
COMING_STATES = words("coming_states")
HEARSAY_ADVERBS = words("hearsay_adverbs")
NOBODY = words("nobody_words")
# "stayed away from work to protest the tax": the purpose is itself the act done.
EXPRESSIVE_PURPOSES = words("expressive_purposes")
# "the slow pace of negotiations", "talks have stalled", "negotiations remain deadlocked": a
# process told as a state has no one day; no event.
PROCESS_STATE_HEADS = words("process_state_heads")
STALLING_VERBS = words("stalling_verbs")
STALLED_STATES = words("stalled_states")


PRESUPPOSING_VERBS = words("presupposing_verbs")
SCHEDULING_VERBS = words("scheduling_verbs")
_NO_ONE_OF = frozenset({"any", "no", "every", "future"})

_HABITUAL_SPANS = words("habitual_spans")
# Adverbs that make an act a habit.
_HABITUAL_ADVERBS = words("habitual_adverbs")
# Acts that last: 'for months' tells how long one lasted, not a habit.
_LASTING_ACTS = words("lasting_acts")
# What is asked, whose refusal leaves the asking done.
_ANSWERED_ASKS = words("answered_asks")


def _own_modality(token: Token) -> str | None:
    children = list(token.children)
    present = token.tag_ in ("VBP", "VBZ") or token.tag_ == "VB" and not any(
        c.dep_ in ("aux", "auxpass") for c in children)   # the tagger's bare 'condemn' after a plural
    for child in children:
        # "has for years spearheaded dialogue": a habit, not one event; but "besieged the town
        # for months" is one long act
        if child.dep_ == "prep" and child.lower_ == "for" and any(
                g.lower_ in _HABITUAL_SPANS and not any(n.dep_ == "nummod" for n in g.children)
                for g in child.children) and token.lemma_.lower() not in _LASTING_ACTS:
            return "generic"
        # "governments routinely condemn such attacks", "every year police arrest thousands": a
        # habit told in the present (a past one may be a run of acts the report counts)
        if present and (
                child.dep_ == "advmod" and child.lower_ in _HABITUAL_ADVERBS
                or child.dep_ == "npadvmod" and any(d.lower_ in ("every", "each") for d in child.children if d.dep_ == "det")):
            return "generic"
    if present and _describes_a_class(token):
        return "generic"
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") or c.dep_ == "dobj" and c.lower_ in ("nothing", "none")
           for c in children):
        return "negated"   # 'did not meet', 'signed nothing'
    if any(c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS for c in children):
        return "reported"   # "police allegedly beat him": the report does not say it happened
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "without":
        return "negated"   # "the talks ended without a deal", "fired without warning"
    for child in children:
        if child.dep_ in ("aux", "auxpass"):
            if child.lower_ in FUTURE_AUX:
                return "future"
            if child.lower_ in HYPOTHETICAL_AUX:
                return "hypothetical"
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return "hypothetical"
    if token.pos_ == "NOUN" or token.tag_.startswith("NN"):
        for child in children:
            if child.lower_ in FUTURE_MODIFIERS or child.lemma_.lower() in FUTURE_MODIFIERS:
                return "future"
            if child.dep_ in ("det", "predet") and child.lower_ in ("no",):
                return "negated"
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in ("ahead", "of") and head.head.lower_ == "ahead":
            return "future"
        if token.dep_ == "pobj" and head.lower_ in FUTURE_PREPOSITIONS and head.head.lemma_.lower() in FUTURE_NOUN_HEADS:
            return "future"
        if token.dep_ == "pobj" and head.lower_ in ("ahead",):
            return "future"
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in UNREALISED_NOUN_HEADS:
            return "hypothetical"
        if _told_as_state(token):
            return "generic"
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "ahead":
            return "future"
    return None


def _describes_a_class(verb: Token) -> bool:
    """'civilians who collaborate with the junta', 'those who attack aid workers': a relative
    clause in the present on people told in general (a bare plural, or 'those', 'anyone') says
    what such people do, no act of theirs."""
    if verb.dep_ != "relcl":
        return False
    noun = verb.head
    pronoun = next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT")), None)
    if pronoun is not None and pronoun.i > 0 and pronoun.doc[pronoun.i - 1].tag_ == "NNS":
        noun = pronoun.doc[pronoun.i - 1]   # 'their families and civilians who …': the parser may hang it on the first
    clause = noun
    while clause.dep_ not in ("ROOT", "ccomp", "advcl") and clause.head.i != clause.i:
        clause = clause.head
    if clause.tag_ in ("VBP", "VBZ"):
        return False   # a headline's present: 'Police detain farmers who block highway'
    if noun.lower_ in ("those", "anyone", "anybody", "whoever"):
        return True
    return noun.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)


def _told_as_state(noun: Token) -> bool:
    """'the slow pace of negotiations', 'the talks have stalled', 'talks remain deadlocked'."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PROCESS_STATE_HEADS:
        return True
    if noun.dep_ in ("nsubj", "nsubjpass"):
        if head.lemma_.lower() in STALLING_VERBS:
            return True
        return any(c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in STALLED_STATES for c in head.children)
    return any(c.dep_ == "amod" and c.lower_ in STALLED_STATES for c in noun.children)


def _says_nobody(subject: Token) -> bool:
    """'nobody', 'no one', 'none of them', 'no protesters'."""
    return subject.lower_ in NOBODY or any(c.lower_ == "no" and c.dep_ in ("det", "advmod", "neg") for c in subject.children)


def _cancels(verb: Token) -> bool:
    """'cancelled the talks', 'the talks were called off', 'put off the visit', 'ruled out sanctions'."""
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    return lemma in NEGATING_GOVERNORS or ("off" in particles and lemma in ("call", "put", "break")) \
        or ("out" in particles and lemma == "rule")   # 'ruled out sanctions'


def _anticipated(token: Token) -> bool:
    """'We look forward to next month's visit by …': what is looked forward to has not happened."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ != "to":
        return False
    governor = head.head
    return governor.lower_ == "forward" or any(c.lower_ == "forward" for c in governor.children)


def _claimed(token: Token) -> bool:
    """The act a speaker accuses someone of: 'accused X of torturing', 'blamed Y for the attack'."""
    head = token.head
    return token.dep_ in ("pcomp", "pobj") and head.lower_ in ("of", "for") and \
        head.head.lemma_.lower() in CLAIMING_GOVERNORS


def _raised_to_come(verb: Token) -> bool:
    """A clause that says its subject is yet to do something: 'are expected to resume', 'is due
    to start', 'are likely to drag on'."""
    def to_clause(token: Token) -> bool:
        return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                   for c in token.children)
    if verb.lemma_.lower() in FUTURE_GOVERNORS and to_clause(verb):
        return True
    if verb.lemma_.lower() in SCHEDULING_VERBS and not any(c.dep_ == "agent" for c in verb.children) and any(
            c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") or c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        # 'a meeting is expected on Friday', 'talks are scheduled for next week'; not 'the attack
        # was planned by …' nor 'the strike was widely expected and shut down Lagos'
        return True
    states = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in COMING_STATES]
    return verb.lemma_ == "be" and bool(states) and (to_clause(verb) or any(map(to_clause, states)))


def _claim_content(token: Token) -> bool:
    """What a claim says happened: 'claims that the army had shelled the town', 'rumours that
    the general was arrested', 'claimed that Chad had armed the rebels' — the claimant's word,
    not the report's."""
    head = token.head
    if token.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN":
        return head.lemma_.lower() in CLAIM_NOUNS
    if token.dep_ == "ccomp" and head.lemma_.lower() in CLAIMING_VERBS:
        return True   # "claimed that Chad had armed the rebels"
    # the parser may hang a late clause on the verb: 'rejected claims by the envoy that …'
    return token.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.i < token.i and c.lemma_.lower() in CLAIM_NOUNS
                                         for c in head.children)


_CLOSING_QUOTES = "\"'”’»"


def _asked(trigger: Token) -> bool:
    """A question ('Did police arrest the activists?') reports nothing as having happened."""
    doc = trigger.doc
    for i in range(len(doc) - 1, -1, -1):    # the last word that is not space or a closing quote
        text = doc[i].text.rstrip().rstrip(_CLOSING_QUOTES)
        if text:
            return text.endswith("?")
    return False


def _set_off(clause: Token) -> bool:
    """Whether a participle clause is set off by a comma after its head's clause ('broke off
    relations, accusing it of …'): an act of its own beside the head's, not what the head called off."""
    head = clause.head
    return clause.i > head.i and clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == "," \
        and any(c.dep_ == "dobj" and c.i < clause.i for c in head.children)   # ('ruled out, for now, sending': its object)


def _presupposed(noun: Token, verb: Token) -> bool:
    """Whether the verb acts on an event that must be under way ('to break up a rally', 'to
    disperse the sit-in'), not on any or every one ('vowed to break up any rally')."""
    if phrasal_lemma(verb) not in PRESUPPOSING_VERBS or any(c.lower_ in _NO_ONE_OF for c in noun.children if c.dep_ in ("det", "amod")):
        return False
    purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    # 'drills designed to repel an attack', 'vowed to break up the rally': an aim, nothing under way
    return not purpose or verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ == "VERB" and verb.head.tag_ != "VBN" \
        and verb.head.lemma_.lower() not in FUTURE_GOVERNORS | ASKING_VERBS | DEMANDING_GOVERNORS


def modality_of(trigger: Token) -> str:
    """Walk from the trigger up through the clauses that govern it."""
    if _asked(trigger):
        return "hypothetical"
    if trigger.pos_ in ("VERB", "AUX") and any(_says_nobody(c) for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")):
        # "no one was arrested"; its own clause only: "nobody was hurt when rebels shelled the
        # airport" still tells the shelling
        return "negated"
    token, tensed = trigger, None
    for _ in range(6):
        # 'did not attend the summit and rejected the plan': a conjunct with a tense of its
        # own is no part of its head's auxiliaries ('did not attend and reject' is)
        own = None if token is tensed else _own_modality(token)
        if own:
            return own
        head = token.head
        if head == token:
            return "asserted"
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if token.dep_ == "pobj" and head.lower_ in ("despite", "into"):
            # "refused to resign despite mass protests", "called for an inquiry into the
            # killings": the protests and the killings happened
            return "asserted"
        if token.dep_ == "attr" and head.lemma_ == "be" and any(
                s.lemma_.lower() in _REMEDY_NOUNS for s in head.children if s.dep_ == "nsubj"):
            return "hypothetical"   # "the one remaining option is a pullback of X": a remedy proposed
        if token.dep_ == "pobj" and head.lower_ in ("during", "after", "following", "since", "at"):
            # "did not meet X during her visit": the visit itself happened; only a future
            # main clause ("will discuss during their meeting") makes it future.
            clause = head.head
            return "future" if _own_modality(clause) == "future" else "asserted"
        if token.dep_ in ("poss", "compound") and token.head.pos_ in ("NOUN", "PROPN"):
            token = head   # "the Arden summit's communique will ...": the owner's clause decides
            continue
        if _anticipated(token):
            return "future"
        if _claimed(token) or _claim_content(token):
            return "reported"
        if token.dep_ == "ccomp" and head.lemma_.lower() in DEMANDING_GOVERNORS:
            return "hypothetical"
        if token.dep_ == "ccomp" and head.lemma_.lower() in _REMINDING_VERBS and any(
                c.lower_ == "it" for c in head.children if c.dep_ in ("nsubjpass", "nsubj", "expl")):
            # "It should be recalled that last spring the President held talks": the formula's modal
            # is the writer's, and what it recalls happened
            return "asserted"
        if token.dep_ == "dobj" and any(c.dep_ == "oprd" for c in head.children):
            token = head   # 'called the arrests an outrage': what is named was done, as the naming clause tells
            continue
        if token.dep_ == "dobj" and token.pos_ == "NOUN" and _presupposed(token, head):
            return "asserted"   # 'moved in to break up the sit-in': the sit-in was held
        if token.dep_ == "dobj" and token.pos_ == "NOUN" and head.lemma_.lower() in ASKING_VERBS:
            # "demanded the release of X": asked for, as "called for" is; a court that "ordered
            # the release" had it done
            return "future"
        if token.dep_ in ("xcomp", "advcl") and token.tag_ == "VBG" and _cancels(head) and head.lemma_.lower() != "reject" \
                and not _set_off(token):
            return "negated"   # 'ruled out repealing the decree', 'called off striking': not done
        if token.dep_ in ("dobj", "nsubjpass") and _cancels(head):
            # "rejected Sweden's request", "the demand was refused": the asking happened, the
            # granting did not; anything else refused or called off did not happen
            return "asserted" if token.lemma_.lower() in _ANSWERED_ASKS and token.i == trigger.i else "negated"
        if token.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "conj", "attr", "appos"):
            lemma = head.lemma_.lower()
            if token.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "acl") and lemma in NEGATING_GOVERNORS:
                return "negated"
            if token.dep_ in ("xcomp", "dobj", "acl") and lemma in FUTURE_GOVERNORS:
                return "future"
            if token.dep_ == "prep" and token.lower_ in ("for", "on") and lemma in FUTURE_GOVERNORS \
                    and not (lemma == "go" and token.lower_ == "on"):
                return "future"   # "called for talks", "agreed on a meeting"; but "went on strike" happened
            if token.dep_ == "prep" and token.lower_ == "for" and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in FUTURE_GOVERNORS | ASKING_VERBS for c in head.children):
                return "future"   # "renewed their calls for an inquiry", "issued an appeal for aid"
            if has_to and token.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
                return "future"   # headline style: "Chile delegation to meet rebels"
            if has_to and token.dep_ == "ROOT":
                return "future"
            if has_to and token.dep_ in ("advcl", "xcomp") and (
                    lemma in IMPLICATIVE_GOVERNORS or token.lemma_.lower() in EXPRESSIVE_PURPOSES and token.dep_ == "advcl"):
                token = head
                continue
            if has_to and lemma not in MOTION_VERBS and token.dep_ in ("advcl", "xcomp"):
                return "hypothetical"
            if token.dep_ == "relcl" or token.dep_ == "acl" and token.tag_ == "VBG" and not has_to:
                # 'the miners, who marched', 'to disperse miners marching on the capital': what
                # the clause's people were doing happened, whatever the clause around them says
                return "asserted"
            if token.dep_ == "attr" and any(c.dep_ == "expl" for c in head.children):
                token = head   # "denied that there was an operation": the clause 'there was' decides
                continue
            if token.dep_ in ("nsubj", "nsubjpass") and _raised_to_come(head):
                return "future"   # "talks are expected to resume", "the vote is likely to slip"
            if token.dep_ in ("nsubj", "nsubjpass", "attr", "appos"):
                return "asserted" if _own_modality(head) is None else _own_modality(head)
            if token.dep_ == "conj" and token.tag_ in TENSED_TAGS and head.tag_ not in TENSED_TAGS:
                tensed = head
            token = head
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and token.dep_ == "ROOT":
            return "future"
        return "asserted"
    return "asserted"
