"""Who a figure is by and on: the named agent, target and owner that keep figures apart.

China's tariff on US goods and the US tariff on Chinese goods are two figures however alike
their sentences are. Names come from the fact's roles and from its about-phrase ("levies on
U.S. imports" -> target United States; "Chinese goods" -> China via the demonym table),
canonicalised through the story's aliases. Roles that are dates, numbers, common nouns or
bare titles ("Thursday", "7.5 billion", "the company", "Minister") name nobody.

>>> names_match("alliance", "civic alliance")
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from consilience.align_titles import office_family, office_key
from consilience.extract.casualties import PERSON_NOUNS
from consilience.extract.names import DEMONYMS
from consilience.models import Fact

__all__ = [
    "CALENDAR_WORDS",
    "UNDERGOING_VERBS",
    "fold",
    "named_entity",
    "names_match",
    "participants",
    "participants_clash",
]

# Verbs whose subject undergoes what the figure measures rather than doing it.
UNDERGOING_VERBS = frozenset({"face", "suffer", "receive", "endure", "absorb", "incur"})
_NOT_A_NAME = re.compile(r"^[\d\W]|\d")
# Day and month names: capitalised, but never a participant; to align_scoring, a modifier.
CALENDAR_WORDS = frozenset(
    re.findall(
        r"[a-z]+",
        """
        monday tuesday wednesday thursday friday saturday sunday january february march april
        may june july august september october november december today yesterday tomorrow
        """,
    )
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_COUNTRY_ABBREVIATIONS = {"US": "United States", "U.S.": "United States", "UK": "United Kingdom"}
_OPENING_QUOTES = "\"'‘“ "
_CLOSING_QUOTES = "\"'’” "
_SENTENCE_ENDS = (".", "!", "?")
_ABOUT_TARGET = re.compile(r"\b(?:on|against)\s+(.+)$")
# "of" + a name used as a modifier of a common noun ("of its Garden Crunch kits").
_ABOUT_KIND = re.compile(r"\bof\s+(?:(?:the|its|their|his|her)\s+)?((?:[A-Z][\w'’-]*\s+)+)[a-z]")


def fold(name: str, aliases: Mapping[str, str]) -> str:
    """A name through the story's aliases, casefolded."""
    return aliases.get(name, name).casefold()


def names_match(a: str, b: str) -> bool:
    """Whether two folded names may be one entity: equal, or one the other's short form.

    News English shortens a many-word name to some of its words on second mention ("the
    Alliance" for "the Civic Alliance"); two names that each have a word the other lacks
    ("Civic Alliance", "Green Alliance") are two entities.
    """
    words_a, words_b = set(a.split()), set(b.split())
    return words_a <= words_b or words_b <= words_a


def named_entity(phrase: str, aliases: Mapping[str, str]) -> str | None:
    """The named entity a role phrase names, canonicalised; None for common nouns, dates."""
    words = [_POSSESSIVE.sub("", w.strip(",;:")) for w in phrase.split()]
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            gram = " ".join(words[start : start + size])
            for form in (gram, gram.rstrip(".")):
                if form in aliases:
                    return fold(form, aliases)
            if size == 1 and gram in _COUNTRY_ABBREVIATIONS:
                return fold(_COUNTRY_ABBREVIATIONS[gram], aliases)
            if size == 1 and gram.casefold() in DEMONYMS and gram[:1].isupper():
                return fold(DEMONYMS[gram.casefold()], aliases)
    bare = _LEADING_ARTICLE.sub("", " ".join(words)).strip(" .")
    proper = bare.split()
    if not proper or any(_NOT_A_NAME.search(w) for w in proper):
        return None
    if len(proper) == 1 and proper[0].casefold() in PERSON_NOUNS:
        return None  # "Members adopted 14": a sentence's first word, not a name
    if office_family(office_key(bare)) is not None:
        return None  # a capitalised title alone ("Minister", "the President") names nobody
    if all(w[:1].isupper() and w.casefold() not in CALENDAR_WORDS for w in proper):
        return fold(bare, aliases)
    return None


def _capitalised_by_position(name: str, fact: Fact) -> bool:
    """A one-word role opening a headline ("Wildfire burns 6,800 hectares"): its capital
    letter says nothing about being a name, and it fools the entity tagger too."""
    text = fact.evidence.text
    if len(name.split()) > 1 or not text.lstrip(_OPENING_QUOTES).startswith(name):
        return False
    return not text.rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_ENDS)  # no full stop: a headline


def participants(fact: Fact, aliases: Mapping[str, str]) -> dict[str, str]:
    """Named agent and target of a figure, from its roles and from its about-phrase."""
    found: dict[str, str] = {}
    # "China faces tariffs from the US": the subject of an undergoing verb is the target,
    # and the "from" participant the agent.
    # Extraction may have done so already (it then gives a target role): never swap twice.
    undergoing = fact.predicate in UNDERGOING_VERBS
    already = any(role.role == "target" for role in fact.roles)
    swap = {"agent": "target", "target": "agent"} if undergoing and not already else {}
    for role in fact.roles:
        if _capitalised_by_position(role.name, fact):
            continue
        if role.role in ("agent", "target") and swap.get(role.role, role.role) not in found:
            name = named_entity(role.name, aliases)
            if name is not None:
                found[swap.get(role.role, role.role)] = name
    # The about-phrase is about the counted thing itself, so it outranks the clause roles:
    # "levies on U.S. imports" has the US as target whatever the clause's subject is.
    target = _ABOUT_TARGET.search(fact.about)
    head = fact.about[: target.start()] if target else fact.about
    if target and (name := named_entity(target.group(1), aliases)) is not None:
        found["target"] = name
    # "packs of Garden Crunch kits": a name modifying the noun after "of" says what kind of
    # thing is counted (a product, a brand), not who acts; it clashes only with another
    # such name. "shares of Acme" keeps Acme as the owner.
    kind = _ABOUT_KIND.search(head)
    if kind and (name := named_entity(kind.group(1), aliases)) is not None:
        found["kind"] = name
        head = head[: kind.start()]
    if (name := named_entity(head, aliases)) is not None and name != found.get("target"):
        found["agent"] = name
    return found


def participants_clash(roles_a: Mapping[str, str], roles_b: Mapping[str, str]) -> bool:
    """Whether one role is filled by clearly different named entities on the two sides."""
    return any(
        role in roles_b and not names_match(roles_b[role], name) for role, name in roles_a.items()
    )
