"""Titles bound to people: "former US President Donald Trump", "Shaun Rein, Managing Director".

Patterns of English news: a title right before the name ("Prime Minister Pham Minh Chinh",
"Vietnam’s leader To Lam"), a title "of" an organisation before it ("the General Secretary of
the Communist Party of Vietnam, To Lam") and an appositive after it ("Rein, the chairman,").
A title only binds to the name it touches, so "Xi and President Trump" gives Trump alone;
offices joined by "and" bind together ("chairman and chief executive Karl Wendt").
"""

from __future__ import annotations

import re
from dataclasses import replace

from consilience.extract.names import (
    HONORIFICS,
    PORTFOLIO_WORDS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
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
     "president-elect", "financial", "operating", "technology", "marketing", "campaign",
     "prosecution", "medical", "scientific", "nursing", "caretaker", "lord"}
)  # fmt: skip
# Ranks and posts beyond the shared office words: police ranks ("Detective Superintendent",
# "Chief Inspector") and a sports team's "head coach"; "detective" only says which branch.
_MORE_OFFICE_WORDS = frozenset(
    {"coach", "superintendent", "inspector", "sergeant", "constable", "investigator", "coroner"}
    | {"recorder", "magistrate"}
)
# Styles of judges in British courts: "Mr Justice X" sits in the High Court, "Lord Justice X"
# in the Court of Appeal; "Mr" and "Mrs" are part of the style, "Lord" and "Lady" of the office.
_JUSTICE_STYLES = {"mr": "", "mrs": "", "ms": "", "lord": "lord", "lady": "lord"}
_MORE_MODIFIERS = frozenset({"detective", "medical", "scientific", "nursing", "caretaker"})
_OFFICE_WORDS = TITLE_WORDS | _MORE_OFFICE_WORDS
# Wordings of one office, matched on the key ("finance chief" is news style for a CFO).
_SAME_OFFICE = [
    (re.compile(r"\bceo$|\bchief executive officer$"), "chief executive"),
    (re.compile(r"\bcfo$|\b(?:chief )?financial officer$|\bfinance chief$"),
     "chief financial officer"),
    (re.compile(r"\bcoo$|\b(?:chief )?operating officer$"), "chief operating officer"),
]  # fmt: skip
# Words for a lawyer in court; which side they act for is kept ("defence lawyer").
_LAWYER_WORDS = frozenset({"barrister", "counsel", "solicitor"})
# An appositive title after a name is at most this many words ("former deputy prime
# minister"); longer runs are descriptions, not titles.
MAX_TITLE_WORDS = 5
_TOKEN = re.compile(r"[\w.’'-]+|,")
_OF_TITLE = re.compile(
    r"(?P<title>(?:[\w-]+\s+){0,4}[\w-]+)\s+of\s+(?:the\s+)?[A-Z][^,;:“”\"]{0,80},\s*$"
)
# "Minister of Transport Ilse Marrant": an office "of" a portfolio right before the name.
_OF_PORTFOLIO = re.compile(
    r"(?P<office>(?:[\w-]+\s+){0,3}[\w-]+)\s+of\s+(?:the\s+)?"
    r"(?P<portfolio>[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,2})\s+$"
)
# The owner before an appositive title may be a name of several words ("Ruth Anselm, Skelmar
# Air's chief operating officer") or a common noun ("the airline's chief executive").
_APPOSITIVE = re.compile(
    r"^\s*,\s*(?:the\s+|a\s+|an\s+)?(?:(?:[A-Z][\w&.-]*\s+){0,3}[A-Za-z][\w-]*(?:['’]s|s['’])\s+)?"
    r"(?P<title>(?:[\w-]+\s+){0,4}?[\w-]+)(?=\s*(?:,|\.|;|$|\s+(?:of|at|for|in|to)\s))"
)
_AND = re.compile(r"\s+(?:and|&)\s+")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][a-z’'-]+[ \t]+$")
# Name words a tagger may leave out between a title and the entity it found.
MAX_MISSED_NAME_WORDS = 2
# Two to four capitalised words: a person's name the tagger may have missed.
_CAPITALISED_RUN = re.compile(
    r"\b[A-Z][a-z]+(?:[-'’][A-Za-z]+)?(?:[ \t]+[A-Z][a-z]+(?:[-'’][A-Za-z]+)?)+"
)
_POSSESSIVE_INSIDE = re.compile(r"['’]s\s")
_POSSESSIVE_OWNER = re.compile(r"['’]s$")
_PERSON_LABELS = frozenset({"PERSON", "NAME"})


def _is_title_word(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered in _OFFICE_WORDS
        or lowered in TITLE_MODIFIERS
        or lowered in _MORE_MODIFIERS
        or lowered in PORTFOLIO_WORDS
        or is_nationality(word)
    )


def _valid_title(words: list[str]) -> bool:
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and all(_is_title_word(word) for word in words)
        and words[-1].lower() in _OFFICE_WORDS
    )


def title_key(title: str) -> str:
    """Normalised title: "former US President" -> "former president", "Minister of Transport"
    -> "transport minister", "CFO" -> "chief financial officer"."""
    words = [_POSSESSIVE_OWNER.sub("", word).lower() for word in title.split()]
    if len(words) > 1 and words[1] == "justice" and words[0].rstrip(".") in _JUSTICE_STYLES:
        words = [_JUSTICE_STYLES[words[0].rstrip(".")], *words[1:]]
        words = [word for word in words if word]
    if "of" in words:  # "Minister of Transport": the portfolio goes before the office
        cut = words.index("of")
        portfolio = [word for word in words[cut + 1 :] if word in PORTFOLIO_WORDS]
        words = portfolio + words[:cut] if portfolio else words
    kept = [
        word
        for word in words
        if word in _OFFICE_WORDS or word in KEY_MODIFIERS or word in PORTFOLIO_WORDS
    ]
    while kept and kept[-1] not in _OFFICE_WORDS:
        kept.pop()  # "of"-phrases and trailing modifiers are not part of the office
    key = " ".join(kept)
    for wording, office in _SAME_OFFICE:
        key = wording.sub(office, key)
    if kept and kept[-1] in _LAWYER_WORDS:
        key = " ".join([*kept[:-1], "lawyer"])
    return key


def _title_before(prefix: str) -> str | None:
    """The title words ending right before a name in ``prefix`` (its sentence up to it)."""
    portfolio_title = _OF_PORTFOLIO.search(prefix)
    if portfolio_title and all(
        word.lower() in PORTFOLIO_WORDS for word in portfolio_title.group("portfolio").split()
    ):
        office = _trim_title(portfolio_title.group("office").split())
        if office:
            return (
                f"{office}{prefix[portfolio_title.end('office') : portfolio_title.end()]}".strip()
            )
    of_title = _OF_TITLE.search(prefix)
    office = _trim_title(of_title.group("title").split()) if of_title else None
    if office:  # "including the General Secretary of the Party, To Lam"
        return office
    tokens = _TOKEN.findall(prefix)
    if tokens and tokens[-1] == ",":
        tokens = tokens[:-1]  # "the Chinese President, Xi Jinping"
    taken: list[str] = []
    for token in reversed(tokens):
        if token == "," or not _is_title_word(token) or len(taken) == MAX_TITLE_WORDS:
            break
        taken.insert(0, token)
    if not taken or taken[-1].lower() not in _OFFICE_WORDS:
        return None
    return _styled(tokens[: len(tokens) - len(taken)], " ".join(taken))


def _styled(tokens_before: list[str], title: str) -> str:
    """A judge's title with the style word before it: "Mr Justice", "Lord Justice"."""
    if not title.lower().startswith("justice") or not tokens_before:
        return title
    style = tokens_before[-1].rstrip(".")
    if style.lower() in _JUSTICE_STYLES and style[:1].isupper():
        return f"{style} {title}"
    return title


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


def _titles_after(suffix: str) -> list[str]:
    """Appositive titles right after a name: "Rein, Managing Director at ...", "Wendt,
    chairman and chief executive of ..." (two offices held at once)."""
    match = _APPOSITIVE.match(suffix)
    if match is None:
        return []
    parts = [part.split() for part in _AND.split(match.group("title"))]
    if not all(_valid_title(words) for words in parts):
        return []
    return [" ".join(words) for words in parts]


def _coordinated_before(lead: str, title: str) -> list[str]:
    """The office joined by "and" before the one touching a name ("General Secretary and
    President To Lam"), when written alike: "the minister and President Macron" are two."""
    head = lead.rstrip(" ,")
    if not head.endswith(title):
        return []
    joined = re.search(r"\s+(?:and|&)\s+$", head[: -len(title)])
    if joined is None:
        return []
    other = _title_before(head[: joined.start()] + " ")
    if other is None or _capitalised(other) != _capitalised(title):
        return []
    return [other]


def _capitalised(title: str) -> bool:
    return title[:1].isupper()


def _role_of(
    parsed: ParsedArticle, entity: Entity, sentence_start: int, sentence_end: int
) -> tuple[str, list[str]] | None:
    """(name, titles as written) for one entity, or None when no title binds to it."""
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
        if _POSSESSIVE_INSIDE.search(name):
            # "Mayor Ruth Calder's Civic Alliance": the owner, not the party, is the person.
            name = clean_name(name, entity.label)
        prefix = prefix[:missed]
    name = _without_honorifics(name)
    lead = prefix + inner_title + " " if inner_title else prefix
    if inner_title:
        before = _title_before(lead)
        title = before if before and before.endswith(inner_title) else inner_title
        if title == inner_title:  # "[Mr Justice Alaric Denholm]" as one tagged run
            ahead = prefix + entity.text[: max(entity.text.find(title), 0)]
            title = _styled(_TOKEN.findall(ahead), title)
    else:
        title = _title_before(prefix) or ""
    if title:
        return name, [*_coordinated_before(lead, title), title]
    titles = _titles_after(text[entity.end : sentence_end])
    return (name, titles) if titles else None


def _without_honorifics(name: str) -> str:
    """ "Dr Halima Roskov" -> "Halima Roskov": a courtesy word is not part of the name."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _without_leading_title(entity: Entity) -> Entity:
    """A tagged name that swallowed a rank the shared title words lack ("[Chief Inspector]
    Ansel Brack"), without it, so the rank is read as the title before the name."""
    words = list(re.finditer(r"\S+", entity.text))
    cut = 0
    styled = len(words) > 2 and words[1].group() == "Justice"
    if styled and words[0].group().rstrip(".").lower() in _JUSTICE_STYLES:
        cut = 1  # "[Lord Justice] Imelda Varro"
    while cut < len(words) - 1 and _is_title_word(words[cut].group()):
        cut += 1
    leading = {word.group().lower() for word in words[:cut]}
    if not leading & (_MORE_OFFICE_WORDS | _MORE_MODIFIERS) and not (styled and cut > 1):
        return entity
    offset = words[cut].start()
    return replace(entity, text=entity.text[offset:], start=entity.start + offset)


def extract_person_roles(parsed: ParsedArticle) -> list[Fact]:
    """``person_role`` facts: who holds which title, one per person and title key."""
    article = parsed.article
    aliases = parsed.aliases
    seen: set[tuple[str, str]] = set()
    facts = []
    for tagged in (*parsed.entities, *_untagged_names_by_titles(parsed)):
        if tagged.label not in _PERSON_LABELS:
            continue
        entity = _without_leading_title(tagged)
        sentence = sentence_at(parsed, entity.start)
        if sentence is None:
            continue
        found = _role_of(parsed, entity, sentence.start, sentence.end)
        if found is None:
            continue
        name, titles = found
        full_name = aliases.get(name, name)
        if not looks_like_person(full_name, entity.label):
            continue
        for title in titles:
            key = title_key(title)
            if not key or (full_name, key) in seen:
                continue
            seen.add((full_name, key))
            at = _find_near(article.text, title, sentence.start, sentence.end, entity.start)
            facts.append(
                Fact(
                    kind="person_role",
                    article=article.id,
                    subject=full_name,
                    about=f"role of {full_name}",
                    value=title,
                    evidence=evidence(article, sentence.start, sentence.end),
                    span=evidence(article, at, at + len(title)) if at >= 0 else None,
                    predicate=key,
                )
            )
    return _merge_short_names(facts)


def _untagged_names_by_titles(parsed: ParsedArticle) -> list[Entity]:
    """Names right after a title, or right before an appositive one, that the tagger did not
    mark ("Minister of Transport Ilse Marrant", "Ilse Marrant, the firm's chief executive,"),
    as fallback-labelled entities; the rule engine's runs already hold them."""
    if parsed.doc is None:
        return []
    text = parsed.article.text
    taken = [(entity.start, entity.end) for entity in parsed.entities]
    found = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = list(re.finditer(r"\S+", run.group()))
        while words and _is_title_word(words[0].group()) and len(words) > 1:
            words = words[1:]
        start, end = run.start() + words[0].start(), run.end()
        name = text[start:end]
        if any(s < end and start < e for s, e in taken) or not looks_like_person(name, "NAME"):
            continue
        sentence = sentence_at(parsed, start)
        if sentence is not None and (
            _title_before(text[sentence.start : start]) or _titles_after(text[end : sentence.end])
        ):
            found.append(Entity(name, "NAME", start, end, name))
    return found


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
