"""How badly people were hurt: "six of them seriously", "two are in a critical condition".

A count of the seriously or critically injured is a part of the injured, never the same
figure: outlets report "19 injured, six seriously" and "six are in a serious condition".
``severity_after`` reads the words right after a count; the count becomes "people
seriously injured" (or "critically"), whatever verb or condition phrase carried it.

>>> severity_after(" of them seriously.")
'seriously'
>>> severity_after(" are in a critical condition in hospital")
'critically'
>>> severity_after(" seriously considered") is None
True
"""

from __future__ import annotations

import re

__all__ = ["SEVERITIES", "severity_about", "severity_after"]

SEVERITIES = frozenset({"seriously", "critically"})
_LEVEL = {
    "serious": "seriously", "seriously": "seriously", "severe": "seriously",
    "severely": "seriously", "badly": "seriously", "grave": "seriously",
    "gravely": "seriously", "critical": "critically", "critically": "critically",
    "life-threatening": "critically",
}  # fmt: skip
_SEVERITY = re.compile(
    r"^(?:\s+(?:of (?:them|those|the \w+)|people|workers|others|victims|patients|\w+ers))?"
    r"(?:\s+(?:are|were|is|was|remain|remains|remained|left|being|still))*\s+"
    r"(?:(?:in (?:a )?(?P<cond>serious|critical|grave|life-threatening)"
    r"(?: but stable)? condition)|"
    r"(?P<adv>seriously|critically|severely|badly|gravely)"
    r"(?=\s*(?:injured|hurt|wounded|burn\w*|ill)\b|\s*[,.;)]|\s*$))",
    re.IGNORECASE,
)


def severity_after(text: str) -> str | None:
    """ "seriously" or "critically" when the words after a count say how badly they were
    hurt, else None."""
    found = _SEVERITY.match(text)
    if found is None:
        return None
    word = (found.group("cond") or found.group("adv")).lower()
    return _LEVEL[word]


def severity_about(severity: str) -> str:
    """The about-phrase of a count of people hurt that badly."""
    return f"people {severity} injured"
