"""What a side says it will or will not do is the stance it takes now (analyze/stances.py): an act
of force it will take on a condition, an ultimatum and a reserved right are threats; a yielding
act it will not take, or one it holds back until a condition is met, is a refusal. The act said
is no event of its own. Every sentence was written for the test."""
import pytest


def _read(analyze_text, text):
    return analyze_text(text, published="2025-06-04").mentions


def _sides(mention, role):
    return {p.name for p in mention.participants if p.role == role}


def _asserted(mentions, type_):
    return [m for m in mentions if m.type == type_ and m.modality == "asserted"]


@pytest.mark.parametrize("text, actor, forceful_type", [
    ("The Azmara Liberation Front said it would shell the airport if government troops advanced any further.",
     "Azmara Liberation Front", "ASSAULT"),
    ("If the army enters the valley, the Karsi militia will attack its convoys, a spokesman for the militia said.",
     "Karsi militia", "ASSAULT"),
    ("Should Minsk move troops to the frontier, Lithuania will close every crossing point, the interior minister warned.",
     "Lithuania", "SANCTION"),
])
def test_an_act_of_force_on_a_condition_is_a_threat_now(analyze_text, text, actor, forceful_type):
    mentions = _read(analyze_text, text)
    threats = _asserted(mentions, "THREATEN")
    assert any(actor in _sides(m, "actor") for m in threats), mentions
    assert not _asserted(mentions, forceful_type)   # the act threatened has not happened


def test_whom_the_condition_asks_to_act_is_threatened(analyze_text):
    mentions = _read(analyze_text, "Rebel commander Osei Marfo said his men would storm the town unless Ghana "
                                   "withdrew its soldiers by Friday.")
    assert any("Ghana" in _sides(m, "recipient") for m in _asserted(mentions, "THREATEN")), mentions


def test_an_ultimatum_threatens_whom_it_is_given_to(analyze_text):
    mentions = _read(analyze_text, "The African Union gave Niger's military council fifteen days to hand power to "
                                   "civilians or face suspension from the bloc.")
    threats = _asserted(mentions, "THREATEN")
    assert any("African Union" in _sides(m, "actor") for m in threats), mentions
    assert any(any("Niger" in name for name in _sides(m, "recipient")) for m in threats), mentions


@pytest.mark.parametrize("text, actor", [
    ("Hanoi reserves the right to take all necessary measures, a foreign ministry spokeswoman said.", "Hanoi"),
    ("The Estonian government said it reserved the right to hit back at those behind the cyber attack.", "Estonia"),
    ("Caracas \"reserves the right to answer in kind\", the minister told state television.", "Caracas"),
])
def test_a_reserved_right_to_respond_is_a_threat(analyze_text, text, actor):
    threats = _asserted(_read(analyze_text, text), "THREATEN")
    assert any(any(actor in name for name in _sides(m, "actor")) for m in threats), threats


@pytest.mark.parametrize("text, actor", [
    ("Dockers in Gdansk will not return to work while the port authority refuses to negotiate, their union said.",
     "Dockers"),
    ("The Popular Renewal Front said it would not contest the vote until its jailed leader is freed.",
     "Popular Renewal Front"),
    ("Colombia will not bow to threats from armed groups, the defence minister said on Tuesday.", "Colombia"),
    ("The Guatemalan congress said it would not be intimidated by the protests.", "Guatemalan congress"),
    ("The nurses' association will not back down under any circumstances, its leader told a rally in Durban.",
     "nurses' association"),
])
def test_a_refusal_is_a_rejection_whatever_the_act(analyze_text, text, actor):
    rejections = _asserted(_read(analyze_text, text), "REJECT")
    assert any(any(actor in name for name in _sides(m, "actor")) for m in rejections), rejections


@pytest.mark.parametrize("text", [
    "The army will not comment on the operation, a spokesman said.",
    "The ministry would not give details of the talks.",
    "Prices will rise if the harvest fails, economists said.",
    "The central bank's reserves fell to a record low in May.",
    "The governor did not face charges after the inquiry.",
    "The senator will not stand for office again.",
    "Protesters will not be allowed into the square, the police said.",
])
def test_no_stance_where_none_is_taken(analyze_text, text):
    mentions = _read(analyze_text, text)
    assert not _asserted(mentions, "THREATEN") and not _asserted(mentions, "REJECT"), mentions
