"""What a percentage states when its counted noun does not say: an offer, a demand, an efficacy.

News names one percentage with many nouns. In a pay dispute "the government's offer of a
4.5% rise", "the 4.5% offer" and "has offered a pay rise of 3.2%" all state the offer on the
table, whatever noun each sentence counts ("rise", "pay", "offer"); "the union is asking for
9%", "nurses are seeking 9%" and "raised its demand to 9%" state the demand. In a medical
story "84.6% effective", "efficacy of 84.6%" and "cut illness by about 85%" state how well a
treatment works. The kind is read from the words of the figure's own clause; alignment keeps
two kinds apart (an offer is never the demand). Two figures of one kind are one thing when
their nouns are alike or when one names nothing but the kind ("the 4.5% offer", "efficacy of
84.6%", "nurses are seeking 9%"); two that count unrelated things are two ("a 20% fare
discount" and "a 4% pay rise" are both offered, "cut deaths by 18%" and "cut the risk of
infection by 31%" both tell efficacy).

>>> _DEMAND_BEFORE.search("The union is asking for ") is not None
True
"""

from __future__ import annotations

import re

from consilience.align_clauses import clause_before
from consilience.align_memo import per_fact
from consilience.models import Fact

__all__ = ["PERCENT_KINDS", "names_only_its_kind", "percent_kind"]

PERCENT_KINDS = ("offer", "demand", "efficacy")
# Up to four words between the kind's word and the figure: "offered a pay rise of".
_GAP = r"(?:[\w'’-]+\s+){0,4}"
_OFFER_WORDS = r"(?:offer(?:s|ed|ing)?|propos(?:e|es|ed|ing|al)|tabled)"
# A "claim" is a demand when it is a pay claim ("the 9% pay claim", "a claim for 9%"); "the
# 30% claim was false" is an assertion.
_PAY = r"(?:pay |wage |salary )"
_DEMAND_WORDS = (
    r"(?:demand(?:s|ed|ing)?|(?:ask(?:s|ed|ing)?|call(?:s|ed|ing)?|push(?:es|ed|ing)?|"
    rf"press(?:es|ed|ing)?) for|seek(?:s|ing)?|sought|{_PAY}?claim for|{_PAY}claim of)"
)
_OFFER_BEFORE = re.compile(rf"\b{_OFFER_WORDS}\s+{_GAP}$", re.IGNORECASE)
_DEMAND_BEFORE = re.compile(rf"\b{_DEMAND_WORDS}\s+{_GAP}$", re.IGNORECASE)
# The verb right before the figure, nothing counted after it: "nurses are seeking 9%."
_BARE_BEFORE = re.compile(rf"\b(?:{_OFFER_WORDS}|{_DEMAND_WORDS})\s+$", re.IGNORECASE)
_BARE_AFTER = re.compile(r"^\s*(?:[^\w\s]|$)")
# "cut illness by about 85%", "reduced the risk of hospitalisation by 70%": how much a
# treatment lowers an illness is its efficacy.
_ILLNESS = (
    r"(?:illness(?:es)?|disease|infections?|cases|symptoms|hospitali[sz]ations?|admissions|"
    r"deaths|risk)"
)
_EFFICACY_BEFORE = re.compile(
    rf"\b(?:cut|cuts|cutting|reduced?|reduces|reducing|lowered|lowers|lowering|slashed|"
    rf"prevented|prevents)\s+(?:[\w'’-]+\s+){{0,3}}?{_ILLNESS}\s+(?:[\w'’-]+\s+){{0,3}}?by\s+$",
    re.IGNORECASE,
)
# Subjects that are the kind itself: "the 4.5% offer", "efficacy of 84.6%".
_KIND_SUBJECTS = frozenset({"offer", "demand", "claim", "efficacy", "effectiveness"})
_EFFICACY_SUBJECTS = frozenset({"efficacy", "effectiveness"})
# Nouns right after the figure that name its kind: "the 4.5% offer", "84.6% effective".
_AFTER = re.compile(
    rf"^(?:\s+[\w-]+){{0,2}}?\s+(offer|demand|{_PAY}claim)\b|^\s+(effective|efficacy)\b",
    re.IGNORECASE,
)
_EFFECTIVE_AFTER = re.compile(r"^\s+(?:effective|efficacy)\b", re.IGNORECASE)


@per_fact
def percent_kind(fact: Fact) -> str | None:
    """ "offer", "demand" or "efficacy" for a percentage that states one, else None."""
    if fact.unit != "%" or fact.span is None:
        return None
    if fact.subject.casefold() in _EFFICACY_SUBJECTS:
        return "efficacy"
    clause = clause_before(fact)
    after = _AFTER.match(_after(fact))
    if after is not None:
        if after.group(2):
            return "efficacy"
        return "offer" if after.group(1).casefold() == "offer" else "demand"
    if _DEMAND_BEFORE.search(clause):
        return "demand"
    if _OFFER_BEFORE.search(clause):
        return "offer"
    if _EFFICACY_BEFORE.search(clause):
        return "efficacy"
    return None


@per_fact
def names_only_its_kind(fact: Fact) -> bool:
    """Whether a percentage counts nothing but its kind: "the 4.5% offer", "84.6% effective",
    "efficacy of 84.6%", "nurses are seeking 9%." (not "a 4% pay rise", "cut deaths by 18%")."""
    if fact.unit != "%" or fact.span is None:
        return False
    if fact.subject.casefold() in _KIND_SUBJECTS or _EFFECTIVE_AFTER.match(_after(fact)):
        return True
    return bool(_BARE_BEFORE.search(clause_before(fact)) and _BARE_AFTER.match(_after(fact)))


def _after(fact: Fact) -> str:
    assert fact.span is not None
    offset = fact.span.start - fact.evidence.start
    return fact.evidence.text[offset + len(fact.span.text) :]
