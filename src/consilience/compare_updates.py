"""When a higher later figure is news that has moved on rather than a disagreement.

A later article may say so ("the toll rose to 31", "so far", "has now reached"), or the
counted thing may grow by its very nature while a story unfolds: people killed, injured,
evacuated or arrested, homes destroyed, hectares burned, cases confirmed. Such a count is
never taken back, so a later outlet's higher figure is the count moving on even when told
flatly ("had burned 3,500 hectares by Tuesday evening", "62 homes destroyed").

>>> from consilience.models import Evidence, Fact
>>> e = Evidence("a", "The fire destroyed 62 homes.", 0, 28)
>>> counts_what_only_grows(Fact("quantity", "a", "home", "homes destroyed", "62", e))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from consilience.align_lexicon import word_set
from consilience.models import Fact

__all__ = [
    "CUMULATIVE_NOUNS",
    "CUMULATIVE_VERBS",
    "UPDATE_LANGUAGE",
    "counts_what_only_grows",
    "describes_a_thing",
    "says_it_grew",
]

# Words with which a later article marks a figure as grown since earlier reports.
UPDATE_LANGUAGE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|climbing|increased|increases|jumped|"
    r"mounted|grew|grown|so far|has reached|have reached|reached|now|at least|"
    r"(?:death )?toll|up from)\b",
    re.IGNORECASE,
)
# Verbs (lemmas) of things a disaster, epidemic or crackdown does that are counted as they
# happen and never undone in the count: casualties, damage, people moved or held.
CUMULATIVE_VERBS = word_set(
    """
    kill die injure wound hurt destroy damage burn scorch raze flatten flood inundate
    evacuate displace flee rescue arrest detain infect hospitalise hospitalize strand
    """
)
# The same things named by a noun or a participle in the about-phrase ("evacuated
# residents", "homes destroyed", "area burned", "confirmed cases", "deaths").
CUMULATIVE_NOUNS = word_set(
    """
    killed dead death deaths fatality fatalities casualty casualties toll injured injuries
    wounded destroyed damaged burned burnt scorched razed flattened flooded evacuated
    evacuee evacuees displaced rescued arrested arrests detained detainees infected
    infection infections case cases hospitalised hospitalized stranded
    """
)
_WORD = re.compile(r"[a-z]+")
# A size noun glued to the figure: "six-storey", "61-seat", "a 12-year-old". Head counts
# glued the same way ("the 3,000-strong march", "a 40-member crew") can grow: not these.
_SIZE_WORD = re.compile(
    r"-(?:stor(?:ey|y)|floor|seat(?:er)?|bed|room|bedroom|lane|berth|deck|carriage|car|"
    r"page|hole|year-old|month-old|week-old|day-old)s?\b",
    re.IGNORECASE,
)


def counts_what_only_grows(fact: Fact) -> bool:
    """Whether a figure counts something cumulative by nature (not a share: a percentage
    of killed or burned can fall as the whole grows)."""
    if fact.kind != "quantity" or fact.unit == "%":
        return False
    if fact.predicate in CUMULATIVE_VERBS or fact.subject.casefold() in CUMULATIVE_NOUNS:
        return True
    return any(word in CUMULATIVE_NOUNS for word in _WORD.findall(fact.about.casefold()))


def describes_a_thing(fact: Fact) -> bool:
    """Whether the figure is glued to a size noun ("a six-storey block", "the 61-seat
    chamber"): it says what a thing is, never how far a count has got. A glued head count
    ("the 3,000-strong march") is a count that can grow."""
    span = fact.span
    if span is None:
        return False
    after = fact.evidence.text[span.end - fact.evidence.start :]
    return _SIZE_WORD.match(after) is not None


def says_it_grew(facts: Iterable[Fact]) -> bool:
    """Whether some telling of a figure says that it grew ("rose to", "so far"); update
    language beside a compound adjective ("the toll from the collapse of an eight-storey
    block rose to 7") speaks of another figure."""
    return any(
        UPDATE_LANGUAGE.search(fact.evidence.text) and not describes_a_thing(fact) for fact in facts
    )
