"""Titles bound to people: "former US President Donald Trump", "Shaun Rein, Managing Director".

Patterns of English news: a title right before the name ("Prime Minister Pham Minh Chinh",
"Vietnam’s leader To Lam"), a title "of" an organisation before it ("the General Secretary of
the Communist Party of Vietnam, To Lam") and an appositive after it ("Rein, the chairman,").
A title only binds to the name it touches, so "Xi and President Trump" gives Trump alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from consilience.extract.names import (
    TITLE_MODIFIERS,
    TITLE_WORDS,
    canonical_names,
    clean_name,
    is_nationality,
    looks_like_person,
    split_title,
)
from consilience.extract.nlp import ParsedArticle, evidence, sentence_at
from consilience.models import Entity, Fact

__all__ = ["extract_person_roles", "title_key"]

# Modifiers that change which office is meant, so they stay in the key; the rest ("top",
# "Communist", "Party", "new") only describe and are dropped.
KEY_MODIFIERS = frozenset(
    {"former", "acting", "deputy", "vice", "interim", "prime", "managing", "chief", "general",
     "executive", "foreign", "defence", "defense", "finance", "trade", "commerce", "interior",
     "senior", "assistant", "associate", "supreme", "first", "co-founder", "elect",
     "president-elect"}
)  # fmt: skip
# An appositive title after a name is at most this many words ("former deputy prime
# minister"); longer runs are descriptions, not titles.
MAX_TITLE_WORDS = 5
_TOKEN = re.compile(r"[\w.’'-]+|,")
_OF_TITLE = re.compile(
    r"(?P<title>(?:[\w-]+\s+){0,4}[\w-]+)\s+of\s+(?:the\s+)?[A-Z][^,;:“”\"]{0,80},\s*$"
)
_APPOSITIVE = re.compile(
    r"^\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w-]*['’]s\s+)?"
    r"(?P<title>(?:[\w-]+\s+){0,4}?[\w-]+)(?=\s*(?:,|\.|;|$|\s+(?:of|at|for|in|to)\s))"
)
_CAPITALISED_BEFORE = re.compile(r"[A-Z][a-z’'-]+[ \t]+$")
# Name words a tagger may leave out between a title and the entity it found.
MAX_MISSED_NAME_WORDS = 2
_POSSESSIVE_OWNER = re.compile(r"['’]s$")
_PERSON_LABELS = frozenset({"PERSON", "NAME"})


def _is_title_word(word: str) -> bool:
    lowered = word.lower()
    return lowered in TITLE_WORDS or lowered in TITLE_MODIFIERS or is_nationality(word)


def _valid_title(words: list[str]) -> bool:
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and all(_is_title_word(word) for word in words)
        and words[-1].lower() in TITLE_WORDS
    )


def title_key(title: str) -> str:
    """Normalised title: "former US President" -> "former president"."""
    words = [_POSSESSIVE_OWNER.sub("", word).lower() for word in title.split()]
    kept = [word for word in words if word in TITLE_WORDS or word in KEY_MODIFIERS]
    while kept and kept[-1] not in TITLE_WORDS:
        kept.pop()  # "of"-phrases and trailing modifiers are not part of the office
    return " ".join(kept)


def _title_before(prefix: str) -> str | None:
    """The title words ending right before a name in ``prefix`` (its sentence up to it)."""
    of_title = _OF_TITLE.search(prefix)
    if of_title and _valid_title(of_title.group("title").split()[-MAX_TITLE_WORDS:]):
        return _trim_title(of_title.group("title").split())
    tokens = _TOKEN.findall(prefix)
    if tokens and tokens[-1] == ",":
        tokens = tokens[:-1]  # "the Chinese President, Xi Jinping"
    taken: list[str] = []
    for token in reversed(tokens):
        if token == "," or not _is_title_word(token) or len(taken) == MAX_TITLE_WORDS:
            break
        taken.insert(0, token)
    if not taken or taken[-1].lower() not in TITLE_WORDS:
        return None
    return " ".join(taken)


def _trim_title(words: list[str]) -> str | None:
    """The longest run of title words ending the list ("the former president" -> "former
    president")."""
    taken: list[str] = []
    for word in reversed(words):
        if not _is_title_word(word):
            break
        taken.insert(0, word)
    return " ".join(taken) if _valid_title(taken) else None


def _missed_name_start(prefix: str) -> int | None:
    """Where name words the tagger left out begin, when a title precedes them."""
    cut = len(prefix)
    for _ in range(MAX_MISSED_NAME_WORDS):
        word = _CAPITALISED_BEFORE.search(prefix[:cut])
        if word is None or _is_title_word(word.group().strip()):
            return None
        cut = word.start()
        if _title_before(prefix[:cut]):
            return cut
    return None


def _title_after(suffix: str) -> str | None:
    """An appositive title right after a name: "Rein, Managing Director at ..."."""
    match = _APPOSITIVE.match(suffix)
    if match is None:
        return None
    words = match.group("title").split()
    return " ".join(words) if _valid_title(words) else None


def _role_of(
    parsed: ParsedArticle, entity: Entity, sentence_start: int, sentence_end: int
) -> tuple[str, str] | None:
    """(name, title as written) for one entity, or None when no title binds to it."""
    text = parsed.article.text
    # "Japan’s Prime Minister Shigeru Ishiba" as one fallback run: the owner is no title.
    inner_title, _ = split_title(re.sub(r"^\S+['’]s\s+|['’]s$", "", entity.text))
    name = clean_name(entity.text, entity.label)
    if not name:
        return None
    prefix = text[sentence_start : entity.start]
    missed = _missed_name_start(prefix) if not inner_title else None
    if missed is not None:
        # The tagger often keeps only the last part of a name after a title ("General
        # Secretary To [Lam]"); words between the title and the entity belong to the name.
        name = f"{' '.join(prefix[missed:].split())} {name}"
        prefix = prefix[:missed]
    if inner_title:
        before = _title_before(prefix + inner_title + " ")
        title = before if before and before.endswith(inner_title) else inner_title
    else:
        title = _title_before(prefix) or ""
    if not title:
        title = _title_after(text[entity.end : sentence_end]) or ""
    return (name, title) if title else None


def extract_person_roles(parsed: ParsedArticle) -> list[Fact]:
    """``person_role`` facts: who holds which title, one per person and title key."""
    article = parsed.article
    aliases = canonical_names(parsed.entities)
    seen: set[tuple[str, str]] = set()
    facts = []
    for entity in parsed.entities:
        if entity.label not in _PERSON_LABELS:
            continue
        sentence = sentence_at(parsed, entity.start)
        if sentence is None:
            continue
        found = _role_of(parsed, entity, sentence.start, sentence.end)
        if found is None:
            continue
        name, title = found
        full_name = aliases.get(name, name)
        key = title_key(title)
        if not key or (full_name, key) in seen or not looks_like_person(full_name, entity.label):
            continue
        seen.add((full_name, key))
        title_at = _find_near(article.text, title, sentence.start, sentence.end, entity.start)
        facts.append(
            Fact(
                kind="person_role",
                article=article.id,
                subject=full_name,
                about=f"role of {full_name}",
                value=title,
                evidence=evidence(article, sentence.start, sentence.end),
                span=evidence(article, title_at, title_at + len(title)) if title_at >= 0 else None,
                predicate=key,
            )
        )
    return _merge_short_names(facts)


def _merge_short_names(facts: list[Fact]) -> list[Fact]:
    """ "Lam" and "To Lam" in one article are one person: keep the fuller name's facts."""
    names = {fact.subject for fact in facts}
    merged: dict[tuple[str, str | None], Fact] = {}
    for fact in facts:
        longer = [n for n in names if n != fact.subject and n.endswith(" " + fact.subject)]
        subject = longer[0] if len(longer) == 1 else fact.subject
        if subject != fact.subject:
            fact = replace(fact, subject=subject, about=f"role of {subject}")
        merged.setdefault((subject, fact.predicate), fact)
    return list(merged.values())


def _find_near(text: str, title: str, start: int, end: int, near: int) -> int:
    """Offset of the occurrence of ``title`` in ``text[start:end]`` closest to ``near``."""
    spots = [m.start() for m in re.finditer(re.escape(title), text[start:end])]
    if not spots:
        return -1
    return start + min(spots, key=lambda spot: abs(start + spot - near))
