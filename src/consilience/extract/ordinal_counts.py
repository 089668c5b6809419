"""A person's running count told as an ordinal: "his 19th goal of the season".

"Kettleby's 19th goal" says how many goals he has scored so far, a figure two outlets can
disagree on; but it is no count of things in the story's event, and "19th" is not 19
goals scored today. It is a quantity fact with unit ``ORDINAL_UNIT``: ``number`` the
ordinal, ``subject`` the counted noun, an "agent" role naming the person: the owner named
before the ordinal ("Kettleby's 19th goal"), or for "his"/"her" the person last named
before it in the sentence.
"""

from __future__ import annotations

import re

from consilience.extract.nlp import ParsedArticle, evidence
from consilience.extract.person_refs import canonical, person_at, person_before
from consilience.extract.wordforms import singular
from consilience.models import Fact, Role

__all__ = ["COUNTED_FEATS", "ORDINAL_UNIT", "extract_ordinal_counts"]

ORDINAL_UNIT = "ordinal"
# Nouns a person's running count is told in ("his 19th goal", "her third title").
COUNTED_FEATS = frozenset(
    """
    goal try century win victory title trophy medal cap appearance start hat-trick
    wicket point race stage major
    """.split()  # noqa: SIM905
)
_ORDINAL = re.compile(
    r"\b(?P<owner>his|her|their|[A-Z][\w'’-]*(?:['’]s|['’]))\s+"
    r"(?P<value>(?P<n>\d{1,4})(?:st|nd|rd|th))\s+(?P<noun>[a-z-]+)(?:\s+(?P<then>[a-z-]+))?\b"
)


def extract_ordinal_counts(parsed: ParsedArticle) -> list[Fact]:
    """One quantity fact per person's ordinal count ("his 19th goal of the season")."""
    article = parsed.article
    facts: list[Fact] = []
    for sentence in parsed.sentences:
        for m in _ORDINAL.finditer(sentence.text):
            # The counted noun, or the one after a modifier ("his 19th league goal").
            words = [singular(w) for w in (m.group("noun"), m.group("then") or "")]
            noun = next((word for word in words if word in COUNTED_FEATS), None)
            if noun is None:
                continue
            at = sentence.start + m.start()
            owner = m.group("owner")
            if owner.lower() in ("his", "her", "their"):
                named = person_before(parsed, at, sentence.start)
            else:
                named = person_at(parsed, at, at + len(owner), any_label=True)
            if named is None:
                continue
            name = canonical(parsed, named.text)
            span = evidence(
                article, sentence.start + m.start("value"), sentence.start + m.end("value")
            )
            facts.append(
                Fact(
                    kind="quantity",
                    article=article.id,
                    subject=noun,
                    about=f"{name}'s {noun}s so far",
                    value=m.group("value"),
                    evidence=evidence(article, sentence.start, sentence.end),
                    number=float(m.group("n")),
                    unit=ORDINAL_UNIT,
                    span=span,
                    roles=(Role("agent", name),),
                )
            )
    return facts
