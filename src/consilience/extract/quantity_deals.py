"""Money in deals and spending: the price paid for something, and what an actor spent.

News words one sale many ways: "Atlas sold the port to Harbourline for $2 billion",
"Harbourline bought the port for $2 billion", "the port joined Harbourline's group for $2
billion", "Harbourline, which paid $2 billion for the port". The amount after "for" on a
verb of buying, selling or signing (or money paid "for" something) is in every wording the
price of the thing that changed hands, so it gets subject ``PRICE`` and predicate "pay",
with the buyer as agent, the seller as target and the thing as patient, whichever side the
verb's subject is on. The about-phrase names the thing only when it is a common noun ("price
paid for port"): a name there would read as the figure's owner, and a pronoun ("paid $5m for
him") names nothing, so named things stay in the patient role. Money spent or invested is
``SPENDING`` "on" its target; an amount spent "on a single X" is a per-item amount, like "$2
a share". Tokens are spaCy tokens, typed ``Any`` because spaCy is optional.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from consilience.extract.quantity_parse import is_amount_token, phrase, subject_source
from consilience.models import Role

__all__ = ["PRICE", "SPENDING", "DealReading", "deal_reading", "per_item"]

PRICE = "price"
SPENDING = "spending"
_PAY = "pay"
# Verbs whose subject is the buyer: "Harbourline bought / acquired / signed X for $2bn".
BUYER_VERBS = frozenset({"buy", "acquire", "purchase", "sign", "pay", "take", "snap", "land"})
BUYER_VERBS |= {"bring", "lease", "rent"}
# Verbs whose subject is the seller and whose "to X" is the buyer: "Atlas sold X to Y".
SELLER_VERBS = frozenset({"sell", "offload", "transfer", "divest", "cede", "auction"})
# Verbs whose subject is the thing that changed hands, moving into the buyer: "X joined Y".
MOVER_VERBS = frozenset({"join", "move", "switch", "go"})
# Nouns naming a deal, whose "for" amount is a price too: "the sale of the port for $2bn".
DEAL_NOUNS = frozenset({"sale", "purchase", "acquisition", "takeover", "signing", "deal"})
DEAL_NOUNS |= {"transfer", "buyout", "move", "bid", "offer"}
# Nouns that are the price itself, between "for" and the amount: "for a fee of $2bn".
PRICE_NOUNS = frozenset({"fee", "price", "sum", "consideration"})
# Verbs whose money object is spending, and the prepositions naming what it went on.
SPENDING_VERBS = frozenset({"spend", "invest"})
_SPENT_ON = ("on", "in", "into")
# Words between "on" and the noun that make an amount per item: "on a single bridge".
_SINGLE_WORDS = frozenset({"single", "one", "each", "individual"})


@dataclass(frozen=True, slots=True)
class DealReading:
    """How a deal or spending amount is read: its subject, about-phrase, verb and roles."""

    subject: str
    about: str
    predicate: str
    roles: tuple[Role, ...]


def deal_reading(root: Any) -> DealReading | None:
    """The price or spending a money amount states, or None when it is neither."""
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ != "for":
        price_noun = root.head.head  # "for a fee of $2bn": the fee is what "for" governs
        if price_noun.lemma_.lower() in PRICE_NOUNS and price_noun.dep_ == "pobj":
            root = price_noun
    if root.dep_ == "pobj" and root.head.lower_ == "for":
        return _price_for(root.head.head)
    verb = root.head
    if root.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma == _PAY:  # "paid $2bn for the port"
        thing = _object_of(verb, "for")
        return _price(_buyer_side(verb), _object_of(verb, "from"), thing)
    if lemma in SPENDING_VERBS and per_item(root) is None:
        return _spending(verb, root)
    return None


def per_item(root: Any) -> Any | None:
    """ "spent $30m on a single bridge": the item an amount was spent on one of, or None."""
    verb = root.head
    if root.dep_ != "dobj" or verb.lemma_.lower() not in SPENDING_VERBS:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _SPENT_ON:
            for item in prep.children:
                if any(c.lower_ in _SINGLE_WORDS for c in item.children):
                    return item
    return None


def _price_for(owner: Any) -> DealReading | None:
    """The price an amount after "for" states, read from the verb or deal noun it hangs on."""
    lemma = owner.lemma_.lower()
    if owner.pos_ == "NOUN" and lemma in DEAL_NOUNS:
        return _price(_deal_noun_agent(owner), _object_of(owner, "from"), _deal_thing(owner))
    if owner.pos_ != "VERB":
        return None
    deal_object = _deal_object(owner)
    if lemma not in BUYER_VERBS | SELLER_VERBS | MOVER_VERBS and deal_object is None:
        if owner.dep_ == "advcl" and owner.head.pos_ == "VERB":  # "bought X, then aged 20,
            return _price_for(owner.head)  # for $5m": the parse hangs "for" on the aside
        return None
    passive = _child(owner, "nsubjpass")
    by = _by_agent(owner)
    if lemma in SELLER_VERBS:
        seller = by if passive is not None else _active_subject(owner)
        return _price(_object_of(owner, "to"), seller, passive or _child(owner, "dobj"))
    if lemma in MOVER_VERBS:
        buyer = _child(owner, "dobj") or _object_of(owner, "to")
        return _price(buyer, _object_of(owner, "from"), _active_subject(owner))
    thing = passive or (_deal_thing(deal_object) if deal_object is not None else None)
    thing = thing or _child(owner, "dobj")
    buyer = by if passive is not None else _buyer_side(owner)
    return _price(buyer, _object_of(owner, "from"), thing)


def _price(buyer: Any | None, seller: Any | None, thing: Any | None) -> DealReading:
    sides = (("agent", buyer), ("target", seller), ("patient", thing))
    roles = tuple(Role(role, phrase(t)) for role, t in sides if _nameable(t) is not None)
    named = _nameable(thing)
    common = named is not None and named.pos_ == "NOUN"  # see the module docstring
    about = f"{PRICE} paid for {phrase(named, lower_common=True)}" if common else f"{PRICE} paid"
    return DealReading(PRICE, about, _PAY, roles)


def _spending(verb: Any, amount: Any) -> DealReading:
    spender = _buyer_side(verb)
    spent_on = (_object_of(owner, word) for owner in (verb, amount) for word in _SPENT_ON)
    target = next((t for t in spent_on if t is not None), None)
    roles = [Role("agent", phrase(spender))] if _nameable(spender) else []
    about = SPENDING
    if _nameable(target):
        roles.append(Role("target", phrase(target)))
        about = f"{SPENDING} on {phrase(target, lower_common=True)}"
    return DealReading(SPENDING, about, "spend", tuple(roles))  # invested or spent: one outlay


def _nameable(token: Any | None) -> Any | None:
    """The token when it can name a participant: a noun that is not a pronoun or number."""
    if token is None or token.pos_ not in ("NOUN", "PROPN") or is_amount_token(token):
        return None
    return token


def _child(token: Any, dep: str) -> Any | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _object_of(owner: Any, preposition: str) -> Any | None:
    """The object of the owner's preposition: "from Atlas" -> Atlas."""
    for prep in owner.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ == preposition:
            return _child(prep, "pobj")
    return None


def _by_agent(verb: Any) -> Any | None:
    agent = _child(verb, "agent")
    return _child(agent, "pobj") if agent is not None else None


def _active_subject(verb: Any) -> Any | None:
    """The clause subject of ``verb``, climbing shared-subject links; "which"/"who" resolved."""
    source = subject_source(verb)
    deal = source.head if source.dep_ in ("acl", "relcl") else None
    if deal is not None and deal.lemma_.lower() in DEAL_NOUNS and deal.head.pos_ == "VERB":
        source = subject_source(deal.head)  # "Ayla agreed a deal to buy X": Ayla buys
    subject = _child(source, "nsubj")
    if subject is not None and subject.lower_ in ("who", "which", "that"):
        relative = source if source.dep_ == "relcl" else None
        return relative.head if relative is not None else None
    return subject


def _buyer_side(verb: Any) -> Any | None:
    passive = _child(verb, "nsubjpass")
    return _by_agent(verb) if passive is not None else _active_subject(verb)


def _deal_object(verb: Any) -> Any | None:
    """ "completed the signing of X": a deal noun as the verb's object, or None."""
    found = _child(verb, "dobj")
    return found if found is not None and found.lemma_.lower() in DEAL_NOUNS else None


def _deal_thing(deal: Any) -> Any | None:
    """What a deal noun is the deal for: "the sale of the port" -> port."""
    return _object_of(deal, "of")


def _deal_noun_agent(deal: Any) -> Any | None:
    """Who made a deal: "Harbourline's purchase", else the sale's "to X"."""
    if deal.lemma_.lower() == "sale":
        return _object_of(deal, "to")
    owner = _child(deal, "poss")
    if owner is not None and owner.pos_ == "PROPN":
        return owner
    return _active_subject(deal.head) if deal.dep_ == "dobj" else None
