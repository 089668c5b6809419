"""Ages of people as facts: "Tobiah Renn, 43,", "a 16-year-old boy", "aged 27".

An age is not a count (a "19-year-old man" is one man, not 19 of anything) but it is a
figure outlets get wrong, so it is a quantity fact with unit ``AGE_UNIT``: ``number`` the
age, ``subject`` the person. A named person's subject is their fullest name (with an
"agent" role, so that alignment never sets two people's ages side by side); a person only
described ("a 16-year-old boy", "a 19-year-old man") has the describing noun as subject.
"The 20-year-old" opening a sentence is the person last named before it.

Left out: ages of things ("a 40-year-old crane"), of groups ("two women, aged 38 and 52",
"18-year-olds") and ages at an earlier time ("then aged 20", "at the age of nine").
"""

from __future__ import annotations

import re
from typing import Any

from consilience.extract.nlp import ParsedArticle, evidence
from consilience.extract.number_words import UNITS_WORDS
from consilience.extract.person_refs import canonical, person_at, person_before
from consilience.models import Entity, Fact, Role, Sentence

__all__ = ["AGE_UNIT", "PERSON_NOUNS", "extract_ages"]

AGE_UNIT = "years of age"
# Nouns that describe one person by an age ("a 16-year-old boy"); other nouns after an age
# are things ("a 40-year-old crane") or groups.
PERSON_NOUNS = frozenset(
    """
    man woman boy girl teenager teen youth child baby infant toddler son daughter brother
    sister mother father husband wife grandmother grandfather pensioner student schoolboy
    schoolgirl driver motorist cyclist pedestrian passenger suspect victim resident worker
    soldier officer nurse doctor player striker winger midfielder defender goalkeeper
    """.split()  # noqa: SIM905
)
_OLDEST_AGE = 120
# Name labels that never take an age; the small tagger calls many people ORG, LOC or FAC.
_NOT_PEOPLE = frozenset({"NORP", "GPE"})
_SMALL = {w: n for w, n in UNITS_WORDS.items() if n > 0}
_NUMBER = r"(?P<age>\d{1,3}|" + "|".join(sorted(_SMALL, key=len, reverse=True)) + ")"
# "16-year-old", "16 year old", "six-year-old"; not the plural "18-year-olds".
_YEAR_OLD = re.compile(rf"\b{_NUMBER}[- ]years?[- ]old\b(?!s)", re.IGNORECASE)
# "Renn, 43," / "Renn, 43." / "(43)": the age right after a name.
_AFTER_NAME = re.compile(r"^\s*(?:,\s*|\()(?:aged\s+)?(?P<age>\d{1,3})(?:\)|\s*(?=[,.;]|$))")
# "a man aged 43", "Renn, aged 43": "aged" not after "then"/"when", and not a list of ages.
_AGED = re.compile(r"\baged\s+(?P<age>\d{1,3})\b(?!\s*(?:and|or|to|-|–)\s*\d)", re.IGNORECASE)
# Another name and figure after one: a list of figures ("Labour, 45, the Greens, 30").
_LIST_AFTER = re.compile(
    r"^\s*[,;]\s*(?:and\s+)?(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*,?\s*\d"
)
_LIST_BEFORE = re.compile(r"\d\s*[,;]\s*(?:and\s+)?(?:the\s+)?$")
_PAST_BEFORE = re.compile(r"\b(?:then|when|while|since|from)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z'’-]+")
_ARTICLE_BEFORE = re.compile(r"\b(?P<article>a|an|the)\s*$", re.IGNORECASE)


def extract_ages(parsed: ParsedArticle) -> list[Fact]:
    """One quantity fact per age of one person the article states."""
    facts: list[Fact] = []
    for sentence in parsed.sentences:
        seen: set[int] = set()
        for found in (*_year_olds(parsed, sentence), *_after_names(parsed, sentence)):
            fact = _fact(parsed, sentence, *found)
            if fact is not None and fact.span is not None and fact.span.start not in seen:
                seen.add(fact.span.start)
                facts.append(fact)
    return facts


_Found = tuple[int, int, int, str | None, str | None]  # start, end, age, person, noun


def _age(raw: str) -> int | None:
    value = int(raw) if raw.isdigit() else _SMALL.get(raw.lower())
    return value if value is not None and 0 < value <= _OLDEST_AGE else None


def _year_olds(parsed: ParsedArticle, sentence: Sentence) -> list[_Found]:
    """ "a 16-year-old boy", "43-year-old Tobiah Renn", "Renn, a 20-year-old graduate",
    "The 20-year-old, who ..." (the person last named)."""
    text, base = sentence.text, sentence.start
    found: list[_Found] = []
    for m in _YEAR_OLD.finditer(text):
        age = _age(m.group("age"))
        start, end = base + m.start(), base + m.end()
        if age is None:
            continue
        before, after = text[: m.start()], text[m.end() :]
        if _PAST_BEFORE.search(before):
            continue
        name = person_at(parsed, end + 1, end + 2, any_label=True) if after[:1] == " " else None
        if name is not None and name.start == end + 1:  # "43-year-old Tobiah Renn"
            found.append((start, end, age, name.text, None))
            continue
        article = _ARTICLE_BEFORE.search(before)
        if article is None:
            continue
        noun = _noun_after(after)
        appositive = _appositive_name(parsed, sentence, base + article.start())
        if appositive is not None:  # "Renwick-Abara, a 20-year-old academy graduate"
            found.append((start, end, age, appositive.text, None))
        elif noun in PERSON_NOUNS and article.group("article").lower() != "the":
            found.append((start, end, age, None, noun))
        elif _opens_sentence(before, article) and (
            noun is None or noun in PERSON_NOUNS or not _is_noun(parsed, end, after)
        ):
            # "The 20-year-old, who joined ...", "The 23-year-old winger signed ...": the
            # person last named before this sentence.
            named = person_before(parsed, sentence.start)
            if named is not None:
                found.append((start, end, age, named.text, None))
    return found


def _opens_sentence(before: str, article: re.Match[str]) -> bool:
    """ "The" opening the sentence before an age: "The 20-year-old, who ..."."""
    return article.group("article").lower() == "the" and not before[: article.start()].strip()


def _noun_after(after: str) -> str | None:
    """The noun an age describes: the next word, or the one after a modifier ("academy
    graduate"); None when a comma or verb follows."""
    words: list[str] = [word.lower() for word in _WORD.findall(after[:40])]
    if not words or after[:1] != " ":
        return None
    first = words[0]
    if first in PERSON_NOUNS:
        return first
    return words[1] if len(words) > 1 and words[1] in PERSON_NOUNS else first


def _is_noun(parsed: ParsedArticle, end: int, after: str) -> bool:
    """Whether the word after an age is a noun (with a parse; without one, a lower-case word
    that is no verb form is taken as one)."""
    words = _WORD.findall(after[:30])
    if not words or after[:1] != " ":
        return False
    doc: Any = parsed.doc
    if doc is not None:
        span = doc.char_span(end + 1, end + 1 + len(words[0]), alignment_mode="expand")
        return span is not None and span.root.pos_ in ("NOUN", "PROPN")
    return not re.search(r"(?:ed|s)$", words[0])


def _appositive_name(parsed: ParsedArticle, sentence: Sentence, article_at: int) -> Entity | None:
    """The name an appositive "a N-year-old ..." follows: "Renwick-Abara, a 20-year-old"."""
    before = parsed.article.text[sentence.start : article_at].rstrip()
    if not before.endswith(","):
        return None
    named = person_before(parsed, sentence.start + len(before) - 1, sentence.start, any_label=True)
    if named is None or named.end != sentence.start + len(before) - 1:
        return None
    return named


def _known_person(parsed: ParsedArticle, entity: Entity) -> bool:
    """Whether the tagger calls some mention of this name (through aliases) a person."""
    name = canonical(parsed, entity.text)
    return any(
        other.label == "PERSON" and canonical(parsed, other.text) == name
        for other in parsed.entities
    )


def _after_names(parsed: ParsedArticle, sentence: Sentence) -> list[_Found]:
    """ "Tobiah Renn, 43,", "Renn (43)", "Renn, aged 43," and "a man aged 43"."""
    text = parsed.article.text
    found: list[_Found] = []
    for entity in parsed.entities:
        if not (sentence.start <= entity.start and entity.end <= sentence.end):
            continue
        if entity.label in _NOT_PEOPLE:
            continue
        m = _AFTER_NAME.match(text[entity.end : sentence.end])
        if m is None:
            continue
        age = _age(m.group("age"))
        after = text[entity.end + m.end() : sentence.end]
        if age is None or re.match(r"\s*(?:,\s*)?(?:and|or)\s+\d", after):
            continue
        listed = _LIST_AFTER.match(after) or _LIST_BEFORE.search(
            text[max(0, entity.start - 20) : entity.start]
        )
        bracketed = m.group().lstrip().startswith("(")  # "Rovers (3)" may be a score
        if (listed or bracketed) and not _known_person(parsed, entity):
            continue  # "Labour, 45, the Greens, 30": a list of figures, not ages
        start = entity.end + m.start("age")
        found.append((start, start + len(m.group("age")), age, entity.text, None))
    for m in _AGED.finditer(sentence.text):
        age = _age(m.group("age"))
        before = sentence.text[: m.start()]
        if age is None or _PAST_BEFORE.search(before):
            continue
        start = sentence.start + m.start("age")
        head = before.rstrip(" ,")
        named = person_before(parsed, sentence.start + len(head), sentence.start, any_label=True)
        if named is not None and named.end == sentence.start + len(head):
            found.append((start, start + len(m.group("age")), age, named.text, None))
            continue
        words = _WORD.findall(head)
        noun = words[-1].lower() if words else None
        if noun in PERSON_NOUNS and re.search(r"\b(?:a|an)\s+\w+\s*$", head, re.IGNORECASE):
            found.append((start, start + len(m.group("age")), age, None, noun))
    return found


def _fact(
    parsed: ParsedArticle,
    sentence: Sentence,
    start: int,
    end: int,
    age: int,
    person: str | None,
    noun: str | None,
) -> Fact | None:
    article = parsed.article
    span = evidence(article, start, end)
    roles: tuple[Role, ...] = ()
    if person is not None:
        name = canonical(parsed, person)
        subject, about, roles = name, f"age of {name}", (Role("agent", name),)
    elif noun is not None:
        subject, about = noun, f"age of the {noun}"
    else:
        return None
    return Fact(
        kind="quantity",
        article=article.id,
        subject=subject,
        about=about,
        value=span.text,
        evidence=evidence(article, sentence.start, sentence.end),
        number=float(age),
        unit=AGE_UNIT,
        span=span,
        predicate=_predicate(parsed, start),
        roles=roles,
    )


def _predicate(parsed: ParsedArticle, start: int) -> str | None:
    """The verb of the clause the age sits in ("arrest" for "police arrested a 19-year-old
    man"), with a parse; None without one."""
    doc: Any = parsed.doc
    if doc is None:
        return None
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    token: Any = span.root if span is not None else None
    for _ in range(6):
        if token is None or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB":
            return str(token.lemma_).lower()
    return None
