"""Argument checks: does this trigger's clause have the arguments its frame needs?

"received the envoy" is a meeting, "received aid" is not. A frame in frames.tsv names its
check; each check is registered here by that name with the word sets it reads, and finds them
in `frame.words`. Verb checks look at the verb's subject and objects, noun checks at the noun's
head and modifiers.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..countrywords import country_words
from .frames import Frame, checks
from .participants import GROUP_NOUNS, TITLE_NOUNS, entity_of
from .places import capital_of, is_country, lookup
from .syntax import (MEANS_PREPS, agent_objects, children, is_person_like, left_objects, lemma_of, named_by, names_a_side,
                     out_of_objects, people_described, prep_objects, subject_of)
from .words import words

# Prepositions whose object is what a verb acts on ("eased restrictions on imports").
_OBJECT_PREPS = frozenset({"on", "to", "of", "against", "from"})


def _direct_objects(token: Token) -> list[Token]:
    return children(token, "dobj") + children(token, "nsubjpass")


def _done_to(token: Token) -> list[Token]:
    """Whom a verb acts on: its object, or its subject in the passive (the noun a reduced relative
    hangs on too: 'the diplomats ordered out')."""
    subjects, passive = subject_of(token)
    return subjects if passive else children(token, "dobj")


_MEASURE_NOUNS = words("measure_nouns")


def _object_lemmas(token: Token) -> set[str]:
    lemmas = set()
    objects = children(token, "dobj", "nsubjpass", "attr", "oprd") + prep_objects(token, _OBJECT_PREPS)
    # "sent a plane carrying medicine": what the carrier carries
    objects += [o for obj in objects for acl in children(obj, "acl") if lemma_of(acl) == "carry"
                for o in children(acl, "dobj")]
    for obj in objects:
        if lemma_of(obj) in _MEASURE_NOUNS or obj.lower_ in _MEASURE_NOUNS:
            obj = next(iter(prep_objects(obj, {"of"})), obj)   # "four tonnes of vaccines": the vaccines
        lemmas.add(lemma_of(obj))
        lemmas.update(lemma_of(c) for c in obj.children if c.dep_ in ("compound", "amod"))
    return lemmas


# --- verb checks --------------------------------------------------------------------------------

@checks.register("person_object", reads=("not_people",))
def person_object(token: Token, frame: Frame) -> bool:
    objects = _direct_objects(token)
    # 'dismissed the chief justice, Mara Ilic': an office its holder's name follows
    named = [o for o in objects if is_person_like(o) or any(c.dep_ == "appos" and is_person_like(c) for c in o.children)]
    return bool(named) and not any(lemma_of(o) in frame.words["not_people"] for o in objects)


@checks.register("visitor_object", reads=("event_words",))
def visitor_object(token: Token, frame: Frame) -> bool:
    """'welcomed the Indian prime minister', 'welcomed Ruiz to the palace': a person or a
    delegation received; not 'welcomed Finland as a member', 'welcomed the decision', nor
    'welcomed Zelensky to the summit' (the summit is the meeting, and says so itself)."""
    objects = _direct_objects(token)
    received = [o for o in objects if (entity_of(o) is not None and entity_of(o).label_ == "PERSON")
                or (entity_of(o) is None and is_person_like(o))]
    into = [t for o in [token, *objects] for t in prep_objects(o, {"as", "to", "into"})
            if t.head.lower_ == "as" or lemma_of(t) in frame.words["event_words"]]
    return bool(received) and not into


@checks.register("counterpart", reads=("counterpart_subjects",))
def counterpart(token: Token, frame: Frame) -> bool:
    subjects, _ = subject_of(token)
    plural = any(c.dep_ == "conj" for s in subjects for c in s.children) or \
        any(lemma_of(s) in frame.words["counterpart_subjects"] and s.tag_ == "NNS" for s in subjects)
    return bool(prep_objects(token, {"with"})) or plural


@checks.register("plural_subject")
def plural_subject(token: Token, frame: Frame) -> bool:
    subjects, _ = subject_of(token)
    return any(s.tag_ in ("NNS", "NNPS") or lemma_of(s) in GROUP_NOUNS or entity_of(s) is not None for s in subjects)


@checks.register("shared_session", reads=("shared_session_words",), excludes=True)
def shared_session(token: Token, frame: Frame) -> bool:
    """'the two delegations held a second session', 'a joint session with Ghana', 'a session of
    talks', 'a session of the bloc's foreign ministers'; not one body's own sitting ('parliament
    held an emergency session')."""
    shared = frame.words["shared_session_words"]
    of = prep_objects(token, {"of"})
    said = {lemma_of(c) for c in token.children if c.dep_ in ("amod", "compound")} | {lemma_of(o) for o in of}
    holder = token.head if token.dep_ == "dobj" else token
    # 'a session of the member states', 'of foreign ministers': several sides sitting together
    several = any(o.tag_ in ("NNS", "NNPS") for o in of)
    return bool(said & shared) or several or bool(prep_objects(token, {"with", "between"})) or joint_subject(holder, frame)


@checks.register("joint_subject")
def joint_subject(token: Token, frame: Frame) -> bool:
    """'the two sides decided', 'Chad and Niger decided': several deciding together; not one
    body's decision ('the council decided', 'we have decided')."""
    subjects, _ = subject_of(token)
    return any(s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children) for s in subjects)


@checks.register("aid_object", reads=("aid_objects",))
def aid_object(token: Token, frame: Frame) -> bool:
    """Aid given: goods, funds or forces ('contributed 12 million euros': an amount of money too)."""
    money = any(o.ent_type_ == "MONEY" for o in children(token, "dobj", "nsubjpass"))
    return money or bool(_object_lemmas(token) & frame.words["aid_objects"])


@checks.register("concession", reads=("concession_objects",))
def concession(token: Token, frame: Frame) -> bool:
    return bool(_object_lemmas(token) & frame.words["concession_objects"])


@checks.register("handed_back")
def handed_back(token: Token, frame: Frame) -> bool:
    """'returned the stolen sculptures to Greece', 'repatriated the remains to Peru': a thing
    given back to a side (not 'returned to Kabul', 'returned fire')."""
    objects = _direct_objects(token)
    # the parser hangs 'to Nigeria' on the verb or on the thing returned
    to = prep_objects(token, {"to"}) + [o for thing in objects for o in prep_objects(thing, {"to"})]
    return bool(objects) and not any(is_person_like(o) for o in objects) and any(names_a_side(o) for o in to)


@checks.register("called_off", reads=("given_up_actions",))
def called_off(token: Token, frame: Frame) -> bool:
    """'called off the strike', 'the boycott was called off'."""
    return any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children) \
        and bool(_object_lemmas(token) & frame.words["given_up_actions"])


@checks.register("called_for")
def called_for(token: Token, frame: Frame) -> bool:
    """'called for the release of …', 'called on the junta to step down': a demand; not 'called on
    the president at his residence' (a visit), 'called the summit for May' or 'elections were
    called for June' (convened)."""
    if children(token, "dobj", "nsubjpass", "auxpass"):
        return False
    preps = {p.lower_ for p in children(token, "prep")}
    # 'called for the detainees to be freed': the parser makes 'for' the mark of the clause
    for_clause = any(m.lower_ == "for" for c in children(token, "advcl") for m in children(c, "mark"))
    return "for" in preps or for_clause or bool(preps & {"on", "upon"}) and bool(children(token, "xcomp"))


@checks.register("found_guilty", reads=("verdict_words",))
def found_guilty(token: Token, frame: Frame) -> bool:
    """'found the bishop guilty of fraud', 'was found guilty'."""
    return any(lemma_of(t) in frame.words["verdict_words"] for c in token.children
               if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "dobj") for t in c.subtree)


@checks.register("searched_site", reads=("seizable_sites", "owned_sites"))
def searched_site(token: Token, frame: Frame) -> bool:
    """'searched the consul's residence', 'raided and searched the party's offices'; not 'searched
    for survivors' (no object)."""
    sites = frame.words["seizable_sites"] | frame.words["owned_sites"]
    return any(lemma_of(o) in sites or o.lower_ in sites for o in _direct_objects(token))


@checks.register("truce_object", reads=("truce_words",))
def truce_object(token: Token, frame: Frame) -> bool:
    """'violated the ceasefire', 'the truce was violated'; not 'violated the law'."""
    return bool(_object_lemmas(token) & frame.words["truce_words"])


@checks.register("relations_object", reads=("relations_words",))
def relations_object(token: Token, frame: Frame) -> bool:
    """'established diplomatic ties with Tuvalu'; not 'established a commission'."""
    return bool(_object_lemmas(token) & frame.words["relations_words"])


@checks.register("lodged_protest", reads=("lodging_verbs",))
def lodged_protest(token: Token, frame: Frame) -> bool:
    """'lodged a diplomatic protest with Beijing', 'filed a formal protest', 'handed him a protest
    note', 'delivered a note of protest': a complaint to a government, not a crowd in the street."""
    noun = token
    if token.dep_ == "compound" or token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head if token.dep_ == "compound" else token.head.head   # the note it is
    return noun.dep_ == "dobj" and lemma_of(noun.head) in frame.words["lodging_verbs"]


@checks.register("protest_handed", reads=("complaint_words",))
def protest_handed(token: Token, frame: Frame) -> bool:
    """'handed the envoy a protest note', 'delivered a note of protest': an official complaint
    given over (not aid, nor captives)."""
    return any(lemma_of(o) in frame.words["complaint_words"]
               or any(lemma_of(c) in frame.words["complaint_words"] for c in o.children if c.dep_ == "compound")
               or any(lemma_of(g) in frame.words["complaint_words"] for g in prep_objects(o, {"of"}))
               for o in children(token, "dobj"))


@checks.register("rammed_vessel", reads=("rammed_things",))
def rammed_vessel(token: Token, frame: Frame) -> bool:
    return bool(_object_lemmas(token) & frame.words["rammed_things"])


@checks.register("reserved_right")
def reserved_right(token: Token, frame: Frame) -> bool:
    """'reserves the right to respond', 'reserved the right to take reciprocal measures'."""
    return any(lemma_of(o) == "right" and any(c.dep_ in ("acl", "xcomp") for c in o.children)
               for o in children(token, "dobj"))


@checks.register("armed_hit", reads=("strike_weapons", "armed_strikers", "forces"))
def armed_hit(token: Token, frame: Frame) -> bool:
    """'rebel artillery hit the capital', 'the town was hit by rockets': a weapon or an armed
    side does the hitting."""
    subjects, passive = subject_of(token)
    hitters = agent_objects(token) if passive else subjects
    armed = frame.words["strike_weapons"] | frame.words["armed_strikers"] | frame.words["forces"]
    return any(lemma_of(h) in armed for h in hitters)


@checks.register("beaten_people", reads=("people_acted_on", "side_nouns", "contest_words"))
def beaten_people(token: Token, frame: Frame) -> bool:
    """'police beat two reporters', 'protesters were beaten by soldiers'; not 'beat the incumbent
    in the runoff', 'beat Ghana 2-1', 'beat the deadline': people beaten, and no contest won."""
    people = frame.words["people_acted_on"] | frame.words["side_nouns"] | TITLE_NOUNS
    beaten = [o for o in _direct_objects(token)
              if lemma_of(o) in people or o.lower_ in people or entity_of(o) is not None and entity_of(o).label_ == "PERSON"
              or o.lower_ in ("him", "her", "them")]
    contest = any(lemma_of(o) in frame.words["contest_words"] for o in _direct_objects(token) + prep_objects(token, {"in", "at", "to"}))
    return bool(beaten) and not contest


@checks.register("labour_strike", reads=("striking_workers", "crowd_nouns", "armed_strikers"))
def labour_strike(token: Token, frame: Frame) -> bool:
    """'bus drivers strike over late wages', 'dock workers struck for a week': people who work
    stopping work, with nothing struck."""
    if _direct_objects(token):
        return False
    subjects, _ = subject_of(token)
    if not subjects and token.head.i < token.i and token.head.pos_ in ("NOUN", "PROPN"):
        subjects = [token.head]   # headline 'Nurses strike over pay' parsed as the nurses' act
    workers = (frame.words["striking_workers"] | frame.words["crowd_nouns"]) - frame.words["armed_strikers"]
    return any(lemma_of(s) in workers for s in subjects)


@checks.register("not_commentary", reads=("commentator_nouns",), excludes=True)
def not_commentary(token: Token, frame: Frame) -> bool:
    """'The army warned that it would retaliate' threatens; 'analysts warn that the vote may
    slip' is a forecast by people outside the events."""
    subjects, _ = subject_of(token)
    return not any(lemma_of(s) in frame.words["commentator_nouns"] for s in subjects)


@checks.register("not_risen", excludes=True)
def not_risen(token: Token, frame: Frame) -> bool:
    """'shot two guards', 'shot up a bus'; 'prices shot up' rose."""
    risen = any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children)
    return not risen or bool(_direct_objects(token))


@checks.register("struck_deal", reads=("struck_deals",))
def struck_deal(token: Token, frame: Frame) -> bool:
    """'struck a deal', 'an accord was struck'."""
    return bool(_object_lemmas(token) & frame.words["struck_deals"])


@checks.register("struck_at", reads=("struck_deals", "struck_figures"))
def struck_at(token: Token, frame: Frame) -> bool:
    """'a drone struck the convoy', 'warplanes struck overnight': no deal struck (the AGREE
    frame's) and no tone or note ('struck a conciliatory tone' reports no event)."""
    return not _object_lemmas(token) & (frame.words["struck_deals"] | frame.words["struck_figures"]) \
        and not _says_what_people_do(token)


def _says_what_people_do(token: Token) -> bool:
    """'at striking teachers': a participle right before the people it describes, which the
    parser may read as a gerund taking them as its object."""
    return token.head.lower_ in ("at", "on", "against", "toward", "towards") and bool(people_described(token))


@checks.register("executed_person", reads=("executed_things",), excludes=True)
def executed_person(token: Token, frame: Frame) -> bool:
    """'executed two prisoners', 'he was executed'; not 'executed a warrant' or 'a plan'."""
    return not _object_lemmas(token) & frame.words["executed_things"]


@checks.register("struck_target", reads=("seizable_sites", "struck_things"))
def struck_target(token: Token, frame: Frame) -> bool:
    """'a strike on a fuel convoy', 'the strike on the village': a strike on a place or vehicle
    (a strike 'on wages' or 'over pay' is a walkout)."""
    targets = frame.words["seizable_sites"] | frame.words["struck_things"]
    return any(lemma_of(o) in targets for o in prep_objects(token, {"on", "against"}))


@checks.register("ended_talks", reads=("ended_talks_words",))
def ended_talks(token: Token, frame: Frame) -> bool:
    """'ended mediation efforts', 'suspended the talks'; not 'the talks ended' (no object)."""
    return any(lemma_of(t) in frame.words["ended_talks_words"] for o in _direct_objects(token)
               for t in [o, *children(o, "compound")])


@checks.register("dissolved_body", reads=("dissolvable_bodies",))
def dissolved_body(token: Token, frame: Frame) -> bool:
    """'the dissolution of Congress', 'parliament's dissolution'; not 'the dissolution of the
    Soviet Union' in a history, nor of a partnership."""
    owners = prep_objects(token, {"of"}) + children(token, "poss")
    return any(lemma_of(o) in frame.words["dissolvable_bodies"] or o.lower_ in frame.words["dissolvable_bodies"]
               for o in owners)


@checks.register("made_to_act")
def made_to_act(token: Token, frame: Frame) -> bool:
    """'forced a cargo plane to land', 'forced the governor out of the country'; not 'forced
    prices up' (no side) or 'the storm forced a delay'."""
    objects = children(token, "dobj")
    # 'to land' is often parsed as a place it was forced to
    moved = children(token, "xcomp") or any(c.dep_ in ("prt", "prep") and c.lower_ in ("out", "away", "into", "from", "to")
                                            for c in token.children)
    return bool(objects) and bool(moved) and any(names_a_side(o) or lemma_of(o) in _VEHICLES for o in objects)


_VEHICLES = frozenset({"plane", "aircraft", "ship", "vessel", "tanker", "boat", "jet", "convoy"})


def _ordered_act_in(token: Token, acts: frozenset[str]) -> bool:
    return any(lemma_of(c) in acts for c in children(token, "xcomp", "ccomp"))


@checks.register("ordered_to_appear", reads=("summoned_acts",))
def ordered_to_appear(token: Token, frame: Frame) -> bool:
    """'ordered the opposition leader to appear for questioning'."""
    return _ordered_act_in(token, frame.words["summoned_acts"])


@checks.register("ordered_to_stop", reads=("stopped_acts",))
def ordered_to_stop(token: Token, frame: Frame) -> bool:
    """'ordered two newspapers to suspend publication', 'ordered the party to disband'."""
    return _ordered_act_in(token, frame.words["stopped_acts"])


@checks.register("forces", reads=("forces",))
def forces(token: Token, frame: Frame) -> bool:
    """Forces moved, or moving: 'deployed troops', 'the army mobilised'; not a participle that
    says where forces are ('the contingent stationed in the region', 'troops deployed there')."""
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return False
    lemmas = _object_lemmas(token) | {lemma_of(s) for s in subject_of(token)[0]}
    return bool(lemmas & frame.words["forces"])


def _done_by(token: Token, frame: Frame, *sets: str) -> bool:
    """Whether the verb's subject is a word of one of these word sets ('police blocked …')."""
    doers = {lemma_of(s) for s in subject_of(token)[0]}
    return any(doers & frame.words[name] for name in sets)


@checks.register("forces_stopped_passage", reads=("forces", "blocking_forces", "crewed_things", "passages"))
def forces_stopped_passage(token: Token, frame: Frame) -> bool:
    """'coast guard ships blocked a supply run', 'police blocked the road to the square': a
    state's or an armed side's force stopping people or goods (not 'blocked a resolution')."""
    return _done_by(token, frame, "forces", "blocking_forces", "crewed_things") \
        and bool(_object_lemmas(token) & frame.words["passages"])


@checks.register("boarded_craft", reads=("forces", "blocking_forces", "crewed_things", "armed_nonstate"))
def boarded_craft(token: Token, frame: Frame) -> bool:
    """'a patrol ship boarded the trawler', 'pirates boarded a tanker': a craft taken
    over by a force; not 'passengers boarded the ferry'."""
    return _done_by(token, frame, "forces", "blocking_forces", "crewed_things", "armed_nonstate") \
        and bool(_object_lemmas(token) & frame.words["crewed_things"])


@checks.register("armed_side", reads=("forces", "armed_nonstate", "arms_words"))
def armed_side(token: Token, frame: Frame) -> bool:
    """'troops withdrew', 'the rebels retreated into the forest', 'surrendered their weapons': an
    armed side, a state's or not, or its arms."""
    lemmas = _object_lemmas(token) | {lemma_of(s) for s in subject_of(token)[0]}
    return bool(lemmas & (frame.words["forces"] | frame.words["armed_nonstate"] | frame.words["arms_words"]))


@checks.register("left_a_pact", reads=("left_pacts",))
def left_a_pact(token: Token, frame: Frame) -> bool:
    """'withdrew from the nuclear treaty', 'pulled out of the talks', 'withdrew from the bloc': an
    agreement or a body turned down, not a retreat."""
    left = left_objects(token)
    if lemma_of(token) == "pull" and not any(c.lower_ == "out" for c in token.children):
        return False
    return any(lemma_of(o) in frame.words["left_pacts"] for o in left)


@checks.register("pulled_out", reads=("forces", "armed_nonstate", "arms_words"))
def pulled_out(token: Token, frame: Frame) -> bool:
    """'the rebels pulled out of the town', 'pulled its troops out of the region'; not 'pulled out
    of the talks' (no armed side), which is another matter."""
    out = any(c.lower_ == "out" and c.dep_ in ("prt", "prep") for c in token.children)   # 'pulled out of': 'out' a preposition
    left = _object_lemmas(token) | {lemma_of(o) for o in out_of_objects(token)}
    return out and armed_side(token, frame) and not left & {"talk", "negotiation", "deal", "agreement"}


@checks.register("weapons_given", reads=("arms_words",))
def weapons_given(token: Token, frame: Frame) -> bool:
    """'laid down their arms', 'handed over their weapons': disarming."""
    return bool(_object_lemmas(token) & frame.words["arms_words"]) and \
        (lemma_of(token) != "lay" or any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children))


@checks.register("let_through", reads=("passing_preps", "passing_verbs"))
def let_through(token: Token, frame: Frame) -> bool:
    """'allowed the convoy through the checkpoint', 'allowed observers into the country', 'allowed
    inspectors to visit the site'; not 'allowed the ban to lapse' nor 'the law allows appeals'."""
    allowed = children(token, "dobj")
    if not allowed:
        return False
    through = prep_objects(token, frame.words["passing_preps"]) + \
        [o for a in allowed for o in prep_objects(a, frame.words["passing_preps"])]
    doing = [c for c in children(token, "xcomp", "ccomp") + [c for a in allowed for c in children(a, "acl", "relcl")]
             if lemma_of(c) in frame.words["passing_verbs"]]
    return bool(through) or bool(doing)


@checks.register("sanction_object", reads=("sanction_objects", "sanctioning_verbs"))
def sanction_object(token: Token, frame: Frame) -> bool:
    return bool(_object_lemmas(token) & frame.words["sanction_objects"]) or \
        lemma_of(token) in frame.words["sanctioning_verbs"]


@checks.register("silenced_object", reads=("silenced_things",))
def silenced_object(token: Token, frame: Frame) -> bool:
    """'suspended publication of the newspaper', 'revoked the broadcaster's licence': a voice
    silenced at home (COERCE), not relations cut."""
    things = _direct_objects(token)
    return any(lemma_of(t) in frame.words["silenced_things"]
               or any(lemma_of(o) in frame.words["silenced_things"] for o in prep_objects(t, {"of"})) for t in things)


@checks.register("aid_arrived", reads=("arriving_aid",))
def aid_arrived(token: Token, frame: Frame) -> bool:
    """'Kenyan peacekeepers arrive in Mogadishu', 'a first shipment of vaccines arrived': aid
    delivered, not a visit (troops arriving stay a deployment or a visit)."""
    subjects, _ = subject_of(token)
    wanted = frame.words["arriving_aid"]
    return any(lemma_of(s) in wanted or any(lemma_of(o) in wanted for o in prep_objects(s, {"of"})) for s in subjects)


@checks.register("official_to_capital")
def official_to_capital(token: Token, frame: Frame) -> bool:
    """'the foreign minister flew to Accra', 'the president arrived in Hanoi': one who
    holds an office, or a delegation, going to a state's capital (or to a state) visits it; not
    troops, goods or a crowd going somewhere."""
    subjects, passive = subject_of(token)
    if passive or not any(_an_official(s) for s in subjects):
        return False
    prepositions = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "in")]
    prepositions += [j for p in prepositions for j in p.children if j.dep_ == "conj" and j.lower_ == "to"]
    return any(_a_capital_or_state(o) for p in prepositions for o in p.children if o.dep_ == "pobj")


def _an_official(subject: Token) -> bool:
    """A person or an office holder ('the minister', 'Foreign Minister Marta Olave', whatever
    NER made of the name), or a delegation; not a body, a state or a crowd."""
    ent = entity_of(subject)
    if ent is not None and ent.label_ != "PERSON":
        return False
    return is_person_like(subject) or any(lemma_of(t) in TITLE_NOUNS or t.ent_type_ == "PERSON"
                                          for t in subject.subtree if t.i <= subject.i)


def _a_capital_or_state(token: Token) -> bool:
    ent = entity_of(token)
    if ent is None or ent.label_ not in ("GPE", "ORG", "PERSON"):
        return False
    place = lookup(ent.text)
    return place is not None and (is_country(ent.text) or capital_of(place) is not None)


@checks.register("turned_back", reads=("turned_back_things",))
def turned_back(token: Token, frame: Frame) -> bool:
    """'turned back a UN aid convoy', 'turned back the delegation at the border': entry refused
    (not 'turned back the clock', nor migrants turned back, which is coercion)."""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in token.children) \
        and bool(_object_lemmas(token) & frame.words["turned_back_things"])


@checks.register("org_object")
def org_object(token: Token, frame: Frame) -> bool:
    return any(entity_of(o) is not None and entity_of(o).label_ == "ORG" for o in _direct_objects(token))


# --- noun checks: the noun's head verb and modifiers -------------------------------------------

@checks.register("phone_call", reads=("call_words", "call_media"))
def phone_call(token: Token, frame: Frame) -> bool:
    """'a phone call', 'held a video call'; a bare 'call' with a side at the other end ('received a
    call from President X', 'had a call with her counterpart'), not 'a call for calm'."""
    words = {lemma_of(c) for c in token.children} | {lemma_of(token.head)}
    with_someone = any(names_a_side(o) or is_person_like(o) for o in prep_objects(token, {"from", "with"}))
    return bool(words & frame.words["call_words"]) and \
        (lemma_of(token) != "call" or bool(words & frame.words["call_media"]) or with_someone)


@checks.register("signed", reads=("signing_verbs",))
def signed(token: Token, frame: Frame) -> bool:
    return lemma_of(token.head) in frame.words["signing_verbs"] and token.dep_ in ("dobj", "nsubjpass")


@checks.register("imposed", reads=("imposing_verbs",))
def imposed(token: Token, frame: Frame) -> bool:
    return lemma_of(token.head) in frame.words["imposing_verbs"]


@checks.register("punitive_measure", reads=("punitive_modifiers", "imposing_verbs"))
def punitive_measure(token: Token, frame: Frame) -> bool:
    """'the restrictive measures announced by the EU against its officials', 'imposed punitive
    measures on Ruritania': measures that punish, imposed or aimed at someone; not 'security
    measures' nor 'measures to curb inflation'."""
    if not any(lemma_of(c) in frame.words["punitive_modifiers"] for c in children(token, "amod")):
        return False
    aimed = any(p.lower_ in ("against", "on") for p in children(token, "prep"))
    announced = any(lemma_of(v) in frame.words["imposing_verbs"] for v in children(token, "acl"))
    return aimed or announced or lemma_of(token.head) in frame.words["imposing_verbs"]


@checks.register("agent_or_target", reads=("attack_prepositions", "attack_verbs", "doing_participles"))
def agent_or_target(token: Token, frame: Frame) -> bool:
    """'an attack on the convoy', 'militants attacked … in an attack', 'the raid conducted by commandos'."""
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    done_by = any(c.tag_ == "VBN" and lemma_of(c) in frame.words["doing_participles"] and agent_objects(c)
                  for c in children(token, "acl"))
    return bool(preps & frame.words["attack_prepositions"]) or done_by or token.dep_ in ("nsubj", "dobj") and \
        lemma_of(token.head) in frame.words["attack_verbs"]


@checks.register("armed_strike", reads=("strike_weapons", "armed_strikers"))
def armed_strike(token: Token, frame: Frame) -> bool:
    """'drone strikes', 'a missile strike', 'jets carried out strikes': weapons name it, or an
    armed side carries it out."""
    weapons = any(lemma_of(c) in frame.words["strike_weapons"] for c in token.children if c.dep_ in ("compound", "amod"))
    carriers = [c for c in token.head.children if c.dep_ == "nsubj"] if token.dep_ == "dobj" else []
    return weapons or any(lemma_of(c) in frame.words["armed_strikers"] for c in carriers)


@checks.register("protest_noun", reads=("protest_context", "protest_organizing_verbs", "crowd_drawing_verbs"))
def protest_noun(token: Token, frame: Frame) -> bool:
    """'went on strike', 'a rally of thousands', 'staged a march', 'a march organised by the
    union', 'the strike was called by the federation', 'the march drew 5,000 people'."""
    went_on = token.dep_ == "pobj" and token.head.lower_ == "on" and lemma_of(token.head.head) == "go"
    organising = frame.words["protest_organizing_verbs"]
    organised = any(lemma_of(c) in organising for c in children(token, "acl", "relcl")) or \
        token.dep_ == "nsubjpass" and lemma_of(token.head) in organising
    drew = token.dep_ == "nsubj" and lemma_of(token.head) in frame.words["crowd_drawing_verbs"]
    return went_on or organised or drew or any(lemma_of(c) in frame.words["protest_context"] for c in token.subtree) or \
        lemma_of(token.head) in organising


@checks.register("aid_noun", reads=("aid_giving_verbs",))
def aid_noun(token: Token, frame: Frame) -> bool:
    return lemma_of(token.head) in frame.words["aid_giving_verbs"]


@checks.register("launched", reads=("launching_verbs",))
def launched(token: Token, frame: Frame) -> bool:
    return lemma_of(token.head) in frame.words["launching_verbs"]


@checks.register("committed_to")
def committed_to(token: Token, frame: Frame) -> bool:
    """'committed to a ceasefire', 'committed themselves to hold talks': a pledge, not a crime done."""
    to_clauses = [c for c in children(token, "xcomp", "advcl") if any(a.lower_ == "to" for a in children(c, "aux"))]
    return any(p.lower_ == "to" for p in children(token, "prep")) or bool(to_clauses)


@checks.register("judged", reads=("judging_verbs",))
def judged(token: Token, frame: Frame) -> bool:
    """'condemned the coup', 'denounced the putsch and the arrests': the object of a judgement."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "dobj" and lemma_of(token.head) in frame.words["judging_verbs"]


@checks.register("issued", reads=("issuing_verbs",))
def issued(token: Token, frame: Frame) -> bool:
    return lemma_of(token.head) in frame.words["issuing_verbs"]


@checks.register("not_anonymity", reads=("anonymity_words",), excludes=True)
def not_anonymity(token: Token, frame: Frame) -> bool:
    """'a clerk who asked that his name be withheld', 'a diplomat who requested anonymity': a source's
    terms, no demand."""
    asked = [t for c in children(token, "xcomp", "ccomp", "dobj") for t in c.subtree]
    # 'not to be named' (not 'asked the court to name the officers'), 'anonymity'
    return not any((lemma_of(t) in frame.words["anonymity_words"] or t.lower_ in frame.words["anonymity_words"])
                   and (t.pos_ != "VERB" or children(t, "neg", "auxpass")) for t in asked)


@checks.register("not_a_denial", reads=("denied_things",), excludes=True)
def not_a_denial(token: Token, frame: Frame) -> bool:
    """'denied the request' rejects; 'denied shelling the village', 'denied reports that …' and
    'denied that …' dispute a claim, which is no event."""
    if children(token, "ccomp", "xcomp") or any(o.tag_ == "VBG" for o in children(token, "dobj")):
        return False
    return not (_object_lemmas(token) & frame.words["denied_things"])


@checks.register("not_an_opinion", reads=("decision_auxiliaries",), excludes=True)
def not_an_opinion(token: Token, frame: Frame) -> bool:
    """'agreed to a truce', 'agreed on new penalties', 'agreed that talks would resume'; a view
    shared is no event: 'agreed with him that the plan was sound', 'agreed that it matters'."""
    clauses = children(token, "ccomp")
    if not clauses or children(token, "xcomp") or prep_objects(token, {"to", "on"}):
        return True   # 'agreed to resign', 'agreed on penalties', whatever else the parser hangs on it
    return any(lemma_of(a) in frame.words["decision_auxiliaries"] for clause in clauses for a in children(clause, "aux"))


@checks.register("refused_act", reads=("refusable_things", "not_refusals"), excludes=True)
def refused_act(token: Token, frame: Frame) -> bool:
    """'declined to attend', 'declined the invitation'; not 'exports declined' or 'declined to comment'."""
    acts = [lemma_of(c) for c in children(token, "xcomp")]
    return any(a not in frame.words["not_refusals"] for a in acts) or \
        bool(_object_lemmas(token) & frame.words["refusable_things"])


@checks.register("cancels_event", reads=("cancellable_events",), excludes=True)
def cancels_event(token: Token, frame: Frame) -> bool:
    """'cancelled a planned visit', 'the talks were scrapped'; not 'cancelled the debt'."""
    return bool(_object_lemmas(token) & frame.words["cancellable_events"])


@checks.register("seized_site", reads=("seizable_sites",))
def seized_site(token: Token, frame: Frame) -> bool:
    """'seized the airport', 'captured the border town': a place taken; not weapons, assets or people."""
    for obj in _direct_objects(token):
        ent = entity_of(obj)
        if lemma_of(obj) in frame.words["seizable_sites"] or obj.ent_type_ in ("GPE", "FAC", "LOC") and \
                (ent is None or ent.label_ not in ("PERSON", "ORG", "NORP")):
            return True
    return False


@checks.register("taken_over_site", reads=("seizable_sites",))
def taken_over_site(token: Token, frame: Frame) -> bool:
    """'took over the airport': 'take' with 'over' and a place taken."""
    return any(c.dep_ == "prt" and c.lower_ == "over" for c in token.children) and seized_site(token, frame)


@checks.register("surrounded_site", reads=("seizable_sites", "owned_sites"))
def surrounded_site(token: Token, frame: Frame) -> bool:
    """'surrounded the parliament', 'surrounded the minister's home': a building or place hemmed in by a
    side; a person or a crowd around someone ('surrounded by supporters') is no siege."""
    # 'sealed all access to the port': the place past 'access'
    objects = [o for obj in _direct_objects(token)
               for o in ([obj] + (prep_objects(obj, {"to"}) if lemma_of(obj) == "access" else []))]
    return any(lemma_of(obj) in frame.words["seizable_sites"] or lemma_of(obj) in frame.words["owned_sites"]
               for obj in objects)


@checks.register("seized_control", reads=("control_taking_verbs",))
def seized_control(token: Token, frame: Frame) -> bool:
    """'took control of the airport': control taken of something."""
    return token.dep_ in ("dobj", "nsubjpass") and lemma_of(token.head) in frame.words["control_taking_verbs"] \
        and bool(prep_objects(token, {"of", "over"}))


@checks.register("held_captive", reads=("custody_words", "cancellable_events", "crowd_nouns"), excludes=True)
def held_captive(token: Token, frame: Frame) -> bool:
    """'was held by the military', 'held in custody', 'are holding the former president',
    'held them hostage'; not 'held talks' or 'elections were held'."""
    subjects, passive = subject_of(token)
    # Who is held: a person or side, or (in a passive) any subject but an event ("elections
    # were held by the junta"); the tagger often misses a bare surname ("Sow was held").
    people = [s for s in subjects if lemma_of(s) not in frame.words["cancellable_events"]] if passive else \
        [o for o in children(token, "dobj") if names_a_side(o) or lemma_of(o) in frame.words["crowd_nouns"]]
    if not people:
        return False
    custody = {lemma_of(t) for t in token.subtree if t.i > token.i} & frame.words["custody_words"]
    by_side = [a for a in agent_objects(token) if names_a_side(a)]
    return bool(custody) or bool(by_side) or not passive and all(entity_of(p) is not None and entity_of(p).label_ == "PERSON" for p in people)


def _is_crowd(token: Token, frame: Frame) -> bool:
    """A crowd or people of a trade ('supporters', 'truck drivers'); the frame reads both sets."""
    crowds = frame.words["crowd_nouns"] | frame.words["working_crowds"]
    return lemma_of(token) in crowds or token.lower_ in crowds


@checks.register("crowd_subject", reads=("crowd_nouns", "working_crowds"))
def crowd_subject(token: Token, frame: Frame) -> bool:
    """'followers of the mayor gathered outside the courthouse', 'truck drivers blocked the
    highway': a crowd, not a summit or a court."""
    subjects, _ = subject_of(token)
    return any(_is_crowd(s, frame) for s in subjects)


@checks.register("crowd_missiles", reads=("crowd_nouns", "working_crowds", "thrown_missiles"))
def crowd_missiles(token: Token, frame: Frame) -> bool:
    """'protesters threw stones at the police', 'some in the crowd hurled petrol bombs': a crowd
    throwing what rioters throw; not 'threw their support behind', nor soldiers' grenades."""
    thrown = [o for o in _direct_objects(token) if lemma_of(o) in frame.words["thrown_missiles"]
              or any(lemma_of(c) in frame.words["thrown_missiles"] for c in children(o, "compound"))]
    return bool(thrown) and crowd_subject(token, frame)


@checks.register("dispersed_crowd", reads=("crowd_nouns", "working_crowds", "gathering_nouns"))
def dispersed_crowd(token: Token, frame: Frame) -> bool:
    """'dispersed the protesters', 'the rally was dispersed': people or a gathering scattered by
    force; not 'the crowd dispersed peacefully' (no object) nor 'dispersed the funds'."""
    return any(_is_crowd(o, frame) or lemma_of(o) in frame.words["gathering_nouns"] or is_person_like(o)
               for o in (_counted_head(o) for o in _direct_objects(token)))


def _counted_head(token: Token) -> Token:
    """'several thousand supporters' -> supporters; 'hundreds of people' -> people."""
    of = [o for p in children(token, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
    return of[0] if token.ent_type_ == "CARDINAL" and of else token


@checks.register("crowd_owner", reads=("crowd_nouns", "working_crowds"))
def crowd_owner(token: Token, frame: Frame) -> bool:
    """'the fishermen's blockade of the port', 'a blockade by farmers': a crowd's, not a navy's."""
    owners = children(token, "poss", "compound") + [o for p in children(token, "prep") if p.lower_ == "by"
                                                      for o in children(p, "pobj")]
    return any(_is_crowd(o, frame) for o in owners)


@checks.register("not_reflexive", reads=("reflexive_pronouns",), excludes=True)
def not_reflexive(token: Token, frame: Frame) -> bool:
    return not any(o.lower_ in frame.words["reflexive_pronouns"] for o in children(token, "dobj"))


@checks.register("not_refraining", excludes=True)
def not_refraining(token: Token, frame: Frame) -> bool:
    """'vowed to retaliate'; not 'vowed not to shell the city', a promise to refrain."""
    return not any(c.dep_ == "neg" for act in children(token, "xcomp") for c in act.children)


@checks.register("cut_aid", reads=("withheld_support",), excludes=True)
def cut_aid(token: Token, frame: Frame) -> bool:
    """'cut military aid to the army', 'reduced assistance'; not 'cut interest rates'."""
    return bool(_object_lemmas(token) & frame.words["withheld_support"])


@checks.register("missile_launch", reads=("missile_words", "target_prepositions"))
def missile_launch(token: Token, frame: Frame) -> bool:
    """'test-fired two missiles into the open sea', 'launched an ICBM': a show of force
    (MOBILIZE); 'fired rockets at the town' has a target and is an attack."""
    objects = children(token, "dobj", "nsubjpass")
    if not any(lemma_of(o) in frame.words["missile_words"] or o.lower_ in frame.words["missile_words"] for o in objects):
        return False
    return not prep_objects(token, frame.words["target_prepositions"]) and \
        not any(prep_objects(o, frame.words["target_prepositions"]) for o in objects)


@checks.register("motion_against", reads=("motion_passing_verbs", "removal_motions"))
def motion_against(token: Token, frame: Frame) -> bool:
    """'adopted a censure motion against the governor', 'passed a no-confidence motion':
    a removal or censure vote (SANCTION); not 'a motion to adjourn'."""
    if lemma_of(token.head) not in frame.words["motion_passing_verbs"]:
        return False
    words = {lemma_of(t) for t in token.subtree} | {t.lower_ for t in token.subtree}
    return bool(prep_objects(token, {"against"})) or bool(words & frame.words["removal_motions"])


@checks.register("peacekeeping", reads=("peacekeeping_words",))
def peacekeeping(token: Token, frame: Frame) -> bool:
    """'deployed a battalion to serve with a UN peacekeeping force': forces sent to keep the peace."""
    return any(t.lower_ in frame.words["peacekeeping_words"] for t in token.subtree) or \
        any(t.lower_ in frame.words["peacekeeping_words"] for t in children(token, "nsubjpass", "nsubj") for t in t.subtree)


@checks.register("verbal_attack", reads=("verbal_attack_words", "attack_speech_verbs"))
def verbal_attack(token: Token, frame: Frame) -> bool:
    """'a blistering attack on the bank governor', 'launched an attack on the party, calling it…'."""
    if any(lemma_of(c) in frame.words["verbal_attack_words"] for c in token.children if c.dep_ == "amod"):
        return True
    carrier = token.head
    return any(lemma_of(c) in frame.words["attack_speech_verbs"] and c.tag_ == "VBG"
               for c in carrier.children if c.dep_ in ("advcl", "xcomp", "conj"))


@checks.register("spoke_out")
def spoke_out(token: Token, frame: Frame) -> bool:
    """'spoke out against the junta': public criticism, not a conversation."""
    return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children) and bool(prep_objects(token, {"against"}))


@checks.register("ruled_out")
def ruled_out(token: Token, frame: Frame) -> bool:
    """'ruled out any rollback', 'ruled out talks with the rebels': a refusal; not 'the court
    ruled that …'."""
    return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)


@checks.register("spoke_with", reads=("call_media",))
def spoke_with(token: Token, frame: Frame) -> bool:
    """'spoke with her counterpart', 'talked by telephone with the envoy': a conversation with
    someone named; not 'spoke to reporters' nor 'spoke out against the junta'."""
    partners = prep_objects(token, {"with"})
    by_call = any(lemma_of(o) in frame.words["call_media"] for o in prep_objects(token, MEANS_PREPS))
    return any(names_a_side(o) or is_person_like(o) for o in partners) or by_call and bool(partners)


@checks.register("called_person")
def called_person(token: Token, frame: Frame) -> bool:
    """'the emir called President Abi Rached': a phone call to a person; not 'called the decree a
    coup', 'called off the strike', 'called in the ambassador' or 'called for talks'."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    # the parser reads 'called President X' as naming something 'President X' (oprd, ccomp)
    named = [c for c in token.children if c.dep_ in ("oprd", "ccomp") and c.ent_type_ == "PERSON"
             and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    called = objects if objects else named
    if any(c.dep_ in ("prt", "attr") for c in token.children) or (objects and any(
            c.dep_ in ("oprd", "ccomp") for c in token.children)) or prep_objects(token, {"for", "on"}):
        return False
    return len(called) == 1 and called[0].ent_type_ == "PERSON" and not any(c.dep_ == "oprd" for c in called[0].children)


@checks.register("named_wrong", reads=("condemning_labels",))
def named_wrong(token: Token, frame: Frame) -> bool:
    """'called the decree a coup', 'called the junta illegitimate', 'branded the rebels
    terrorists', 'described the incursion as aggression': something named a wrong is accused;
    not 'called for an end to the coup' or 'called off the strike'."""
    return _named_one_of(token, frame.words["condemning_labels"], named_by(token))


def _named_one_of(verb: Token, labels: frozenset[str], named: list[Token]) -> bool:
    """Whether a naming verb names a thing one of these labels ('called the decree a coup'); not
    when it calls for, on, off or up ('called for an end to the coup')."""
    if any(c.dep_ in ("prt", "prep") and c.lower_ in ("for", "on", "off", "up") for c in verb.children):
        return False
    return bool({lemma_of(t) for n in named for t in n.subtree if t.dep_ not in ("det", "poss")} & labels)


@checks.register("weapon_turned_on", reads=("force_instruments",))
def weapon_turned_on(token: Token, frame: Frame) -> bool:
    """'turned water cannon on the students', 'the rubber bullets the police turned on the marchers';
    not 'turned the page on the dispute' or 'turned on the television'."""
    weapons = children(token, "dobj") + ([token.head] if token.dep_ == "relcl" else [])
    armed = any(lemma_of(w) in frame.words["force_instruments"] or
                any(lemma_of(c) in frame.words["force_instruments"] for c in w.children if c.dep_ in ("conj", "compound", "nmod"))
                for w in weapons)
    aimed = bool(prep_objects(token, {"on", "against"})) or any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children)
    return armed and aimed


@checks.register("met_people", reads=("not_met_things",), excludes=True)
def met_people(token: Token, frame: Frame) -> bool:
    """'met the envoy', 'the leaders met'; not 'their demands were met' or 'met the deadline'."""
    things = children(token, "dobj", "nsubjpass")
    return not any(lemma_of(t) in frame.words["not_met_things"] or t.lower_ in frame.words["not_met_things"] for t in things)


@checks.register("met_demands", reads=("met_demands",))
def met_demands(token: Token, frame: Frame) -> bool:
    """'met the strikers' demands', 'their conditions were met': a concession."""
    return any(lemma_of(t) in frame.words["met_demands"] or t.lower_ in frame.words["met_demands"]
               for t in children(token, "dobj", "nsubjpass"))


@checks.register("warned_to")
def warned_to(token: Token, frame: Frame) -> bool:
    """'warned the contractors to leave the zone': someone told to do something (REQUEST)."""
    return any(is_person_like(o) for o in children(token, "dobj")) and bool(children(token, "xcomp", "ccomp")) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for x in children(token, "xcomp", "ccomp") for c in x.children)


@checks.register("shared_with", reads=("shared_things",))
def shared_with(token: Token, frame: Frame) -> bool:
    """'shared intelligence with their Tunisian counterparts': governments cooperating."""
    partners = prep_objects(token, {"with"}) + [o for d in children(token, "dobj") for o in prep_objects(d, {"with"})]
    return bool(partners) and bool(_object_lemmas(token) & frame.words["shared_things"])


@checks.register("withdrew_support", reads=("withdrawn_support",))
def withdrew_support(token: Token, frame: Frame) -> bool:
    """'withdrew its peacekeepers from the buffer zone', 'withdrew its ambassador': support taken back."""
    return bool(_object_lemmas(token) & frame.words["withdrawn_support"])


def _exercise_words(token: Token) -> set[str]:
    carrier = token.head if token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else token
    words = {lemma_of(t) for t in token.subtree} | {t.lower_ for t in token.subtree}
    if any(t.dep_ == "conj" for s in children(carrier, "nsubj") for t in s.subtree):
        words.add("joint")   # "Chile and Peru began exercises", "Chilean and Peruvian frigates"
    return words


@checks.register("joint_exercise", reads=("joint_words",))
def joint_exercise(token: Token, frame: Frame) -> bool:
    """'joint military exercises', 'two navies held war games together': cooperation."""
    return bool(_exercise_words(token) & frame.words["joint_words"])


@checks.register("military_exercise", reads=("military_words",))
def military_exercise(token: Token, frame: Frame) -> bool:
    return bool(_exercise_words(token) & frame.words["military_words"])


@checks.register("put_on_alert")
def put_on_alert(token: Token, frame: Frame) -> bool:
    """'put two airborne battalions on alert', 'placed troops on high alert'."""
    return token.dep_ == "pobj" and token.head.lower_ == "on"


@checks.register("released_people", reads=("crowd_nouns", "custody_words", "people_acted_on"))
def released_people(token: Token, frame: Frame) -> bool:
    """'freed the hostages', 'two aid workers were released from captivity', 'four shepherds were
    freed': people let go (not films, reports or water)."""
    people = _done_to(token)
    # ('four shepherds were released': people named by what they are)
    if any(names_a_side(p) or lemma_of(p) in frame.words["crowd_nouns"] or p.lower_ in frame.words["people_acted_on"]
           for p in people):
        return True
    return any(lemma_of(o) in frame.words["custody_words"] for o in prep_objects(token, {"from"}))


@checks.register("released_person", reads=("crowd_nouns",))
def released_person(token: Token, frame: Frame) -> bool:
    """'Keita's release', 'the release of the detained fishermen': people let go (not 'the release
    of the report', 'the film's release')."""
    freed = children(token, "poss") + prep_objects(token, {"of"})
    return any(names_a_side(p) or lemma_of(p) in frame.words["crowd_nouns"] or p.lower_ in _PEOPLE_POSSESSIVES
               for p in freed)


_PEOPLE_POSSESSIVES = frozenset({"his", "her", "their"})   # 'called for their release'


@checks.register("handed_captives", reads=("captive_words", "people_acted_on", "justice_bodies"))
def handed_captives(token: Token, frame: Frame) -> bool:
    """'handed over seven detained herders to Kyrgyz officials', 'handed the hostages to the Red
    Cross', 'handed over two Chilean students at the border': captives or people let go (not aid,
    nor 'handed the suspects to prosecutors')."""
    captives = frame.words["captive_words"]
    objects = _direct_objects(token)
    if any(lemma_of(o) in captives or any(lemma_of(c) in captives or c.lower_ in captives
                                          for c in o.children if c.dep_ in ("amod", "compound"))
           for o in objects):
        return True
    # ('handed over five citizens', which the parser may read as 'over five')
    over = any(c.dep_ == "prt" and c.lower_ == "over" for c in token.children) \
        or token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "over"
    people = [o for o in objects if lemma_of(o) in frame.words["people_acted_on"] or o.ent_type_ == "NORP"
              or any(c.ent_type_ == "NORP" or c.lower_ in country_words("demonym")
                     for c in o.children if c.dep_ in ("amod", "compound"))   # 'two Chilean students'
              or (ent := entity_of(o)) is not None and ent.label_ == "PERSON"]
    to_justice = any(lemma_of(t) in frame.words["justice_bodies"] for t in prep_objects(token, {"to"}))
    return over and bool(people) and not to_justice


@checks.register("captives_exchanged", reads=("captive_words",))
def captives_exchanged(token: Token, frame: Frame) -> bool:
    """'the two countries exchanged prisoners', 'swapped captured soldiers': each side lets its
    captives go (not 'exchanged fire', 'exchanged views')."""
    return any(_names_captives(o, frame.words["captive_words"]) for o in _direct_objects(token))


def _names_captives(word: Token, captives: frozenset[str]) -> bool:
    """'prisoners', 'captured soldiers', 'detained citizens': a captive's word or one before it."""
    return lemma_of(word) in captives or any(c.lower_ in captives for c in word.children if c.dep_ in ("amod", "compound"))


@checks.register("captives_exchanged_noun", reads=("captive_words",))
def captives_exchanged_noun(token: Token, frame: Frame) -> bool:
    """'an exchange of prisoners', 'a prisoner swap', 'a mutual transfer of detained citizens':
    captives let go each way (not 'an exchange of fire', 'a transfer of funds')."""
    things = list(children(token, "compound")) + [o for p in children(token, "prep") if p.lower_ == "of"
                                                   for o in children(p, "pobj")]
    captives = frame.words["captive_words"]
    return any(t.lower_ in captives or _names_captives(t, captives) for t in things)


@checks.register("war_game")
def war_game(token: Token, frame: Frame) -> bool:
    """'war games', 'naval war games': not a football game."""
    return any(c.lower_ in ("war", "naval") for c in token.children if c.dep_ in ("compound", "amod"))


@checks.register("sought_refuge", reads=("sought_refuge",))
def sought_refuge(token: Token, frame: Frame) -> bool:
    """'thousands have sought refuge across the border': asking another state for protection."""
    return bool(_object_lemmas(token) & frame.words["sought_refuge"])


@checks.register("deadline_given", reads=("deadline_giving_verbs",))
def deadline_given(token: Token, frame: Frame) -> bool:
    """'gave the militia a 48-hour deadline', 'set the committee a deadline': a threat to a
    side (not 'the deadline for applications passed')."""
    verb = token.head
    if token.dep_ != "dobj" or lemma_of(verb) not in frame.words["deadline_giving_verbs"]:
        return False
    return bool(children(verb, "dative")) or any(is_person_like(o) for o in prep_objects(token, {"for", "to"}))


@checks.register("declared_alone", reads=("declaring_verbs",))
def declared_alone(token: Token, frame: Frame) -> bool:
    """'the insurgents announced a unilateral ceasefire', 'the president proclaimed a
    cessation of hostilities', 'announced a ceasefire with the rebels': one side stops (CONCEDE).
    Not 'the two sides declared a truce' or a truce 'between' others, which is agreed (AGREE)."""
    verb = token.head
    if token.dep_ != "dobj" or lemma_of(verb) not in frame.words["declaring_verbs"]:
        return any(c.lower_ == "unilateral" for c in token.children)
    subjects, _ = subject_of(verb)
    joint = any(c.dep_ == "conj" for s in subjects for c in s.children) or \
        any(s.lower_ in ("sides", "parties", "both") or any(c.lower_ == "both" for c in s.children) for s in subjects)
    # 'announced a ceasefire with the rebels': one side's word, the other side only named
    return not joint and not prep_objects(token, {"between"}) and not prep_objects(verb, {"with", "between"})


@checks.register("named_void", reads=("void_labels",))
def named_void(token: Token, frame: Frame) -> bool:
    """'called the ruling null and void', 'calls the allegations a fabrication': a claim or a
    decision named baseless is rejected; not 'called for a void ballot'."""
    # what it is called, not the thing called ('the ruling')
    return _named_one_of(token, frame.words["void_labels"], [n for n in named_by(token) if n.dep_ != "dobj"])


@checks.register("called_in", reads=("envoy_titles",))
def called_in(token: Token, frame: Frame) -> bool:
    """'the ambassador was called to the foreign ministry', 'called in the Russian envoy': a
    diplomat summoned; not 'called the ambassador' on the phone."""
    envoys = [t for t in _done_to(token) if lemma_of(t) in frame.words["envoy_titles"]]
    called_in_ = any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children)
    to_office = any(lemma_of(o) in ("ministry", "office") for o in prep_objects(token, {"to"}))
    return bool(envoys) and (called_in_ or to_office)


@checks.register("ordered_out", reads=("expellable_people",))
def ordered_out(token: Token, frame: Frame) -> bool:
    """'two diplomats were ordered out of the country', 'ordered the envoy out': a state's envoys
    sent away; not 'ordered his troops out of the village' or 'residents were ordered out'."""
    out = [c for c in token.children if c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "out"]
    return bool(out) and any(lemma_of(t) in frame.words["expellable_people"] for t in _done_to(token))


@checks.register("removed_crowd", reads=("crowd_nouns", "working_crowds"))
def removed_crowd(token: Token, frame: Frame) -> bool:
    """'police removed the protesters', 'squatters were removed from the square': a crowd forced
    away; not 'removed tariffs'."""
    return any(_is_crowd(t, frame) for t in _done_to(token))
