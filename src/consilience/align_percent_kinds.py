"""What a percentage states when its counted noun does not say: an offer, a demand, an efficacy.

News names one percentage with many nouns. In a pay dispute "the government's offer of a
4.5% rise", "the 4.5% offer" and "has offered a pay rise of 3.2%" all state the offer on the
table, whatever noun each sentence counts ("rise", "pay", "offer"); "the union is asking for
9%", "nurses are seeking 9%" and "raised its demand to 9%" state the demand. In a medical
story "84.6% effective", "efficacy of 84.6%" and "cut illness by about 85%" state how well a
treatment works. The kind is read from the words of the figure's own clause; alignment keeps
two kinds apart (an offer is never the demand) and treats one kind's figures as one thing.

>>> _DEMAND_BEFORE.search("The union is asking for ") is not None
True
"""

from __future__ import annotations

import re

from consilience.models import Fact

__all__ = ["PERCENT_KINDS", "percent_kind"]

PERCENT_KINDS = ("offer", "demand", "efficacy")
# Characters before a figure searched for its kind: one clause, not the sentence.
_WINDOW = 80
_CLAUSE_BREAK = re.compile(r"[;:.()\"“”]|, ")
# Up to four words between the kind's word and the figure: "offered a pay rise of".
_GAP = r"(?:[\w'’-]+\s+){0,4}"
_OFFER_BEFORE = re.compile(
    rf"\b(?:offer(?:s|ed|ing)?|propos(?:e|es|ed|ing|al)|tabled)\s+{_GAP}$", re.IGNORECASE
)
_DEMAND_BEFORE = re.compile(
    rf"\b(?:demand(?:s|ed|ing)?|(?:ask(?:s|ed|ing)?|call(?:s|ed|ing)?|push(?:es|ed|ing)?|"
    rf"press(?:es|ed|ing)?) for|seek(?:s|ing)?|sought|claim (?:of|for))\s+{_GAP}$",
    re.IGNORECASE,
)
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
_EFFICACY_SUBJECTS = frozenset({"efficacy", "effectiveness"})
# Nouns right after the figure that name its kind: "the 4.5% offer", "84.6% effective".
_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,2}?\s+(offer|demand|claim)\b|^\s+(effective|efficacy)\b", re.IGNORECASE
)
_AFTER_KINDS = {"offer": "offer", "demand": "demand", "claim": "demand"}


def percent_kind(fact: Fact) -> str | None:
    """ "offer", "demand" or "efficacy" for a percentage that states one, else None."""
    if fact.unit != "%" or fact.span is None:
        return None
    if fact.subject.casefold() in _EFFICACY_SUBJECTS:
        return "efficacy"
    offset = fact.span.start - fact.evidence.start
    before = fact.evidence.text[max(0, offset - _WINDOW) : offset]
    clause = _CLAUSE_BREAK.split(before)[-1]
    after = _AFTER.match(fact.evidence.text[offset + len(fact.span.text) :])
    if after is not None:
        return _AFTER_KINDS[after.group(1).casefold()] if after.group(1) else "efficacy"
    if _DEMAND_BEFORE.search(clause):
        return "demand"
    if _OFFER_BEFORE.search(clause):
        return "offer"
    if _EFFICACY_BEFORE.search(clause):
        return "efficacy"
    return None
