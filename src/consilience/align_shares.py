"""Shares of a group that report an outcome: which outcome, and whether it is the control group.

"Headache was reported by 14% of vaccine recipients" and "pain at the injection site was
reported by 38% of vaccine recipients" are two figures however alike their sentences are:
the outcome differs. "11% of the people who received the placebo" and "14% of people in the
vaccine group" are two figures too: one is the comparison group's. A share's outcome is read
from a passive clause before it ("<outcome> was reported by N% of ...") or an active one
after it ("N% of patients reported <outcome>"); its group is a control group when the words
after it name a placebo, a control or an untreated group.

>>> _control_group(" of those given a placebo.")
True
"""

from __future__ import annotations

import re

from consilience.align_clauses import CLAUSE_BREAK, clause_before
from consilience.models import Fact

__all__ = ["shares_apart"]

_REPORTED = r"(?:reported|experienced|suffered|cited|mentioned|noted|seen)"
_REPORTING = r"(?:reported|experienced|suffered|developed)"
# "Pain at the injection site was reported by", "Headaches were reported by".
_PASSIVE_OUTCOME = re.compile(
    rf"\b(?P<outcome>[a-z][\w-]*)(?:\s+(?:at|in|of|on)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    rf"\s+(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?{_REPORTED}\s+"
    r"(?:by|in|among)\s+$",
    re.IGNORECASE,
)
# "38% of recipients reported pain", "9% of patients developed a fever".
_ACTIVE_OUTCOME = re.compile(
    rf"^\s+(?:of|in|among)\s+[\w\s'’-]{{1,40}}?\s+{_REPORTING}\s+"
    r"(?:(?:an?|some|mild|moderate|severe)\s+)*(?P<outcome>[a-z][\w-]*)",
    re.IGNORECASE,
)
# The group a share is of: up to the next figure or clause break.
_GROUP = re.compile(r"^\s+(?:of|in|among|for)\s+(?P<group>[^\d;:.()]{1,60})")
_CONTROL = re.compile(
    r"\b(?:placebo(?!-)|dummy|sham|control group|control arm|unvaccinated|untreated)\b",
    re.IGNORECASE,
)


def _after(fact: Fact) -> str:
    assert fact.span is not None
    offset = fact.span.start - fact.evidence.start
    return fact.evidence.text[offset + len(fact.span.text) :]


def _outcome(fact: Fact) -> str | None:
    """The outcome a share of a group reports ("headache"), plural folded, or None."""
    found = _PASSIVE_OUTCOME.search(clause_before(fact)) or _ACTIVE_OUTCOME.match(_after(fact))
    if found is None:
        return None
    word = found.group("outcome").casefold()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _control_group(after: str) -> bool:
    """Whether the group named right after a share is a trial's comparison group."""
    group = _GROUP.match(after)
    return group is not None and _CONTROL.search(CLAUSE_BREAK.split(group["group"])[0]) is not None


def shares_apart(a: Fact, b: Fact) -> bool:
    """Two percentages of groups that cannot be one figure: different outcomes reported, or
    one of a control group and the other not."""
    if a.unit != "%" or b.unit != "%" or a.span is None or b.span is None:
        return False
    outcome_a, outcome_b = _outcome(a), _outcome(b)
    if outcome_a is not None and outcome_b is not None and outcome_a != outcome_b:
        return True
    return _control_group(_after(a)) != _control_group(_after(b))
