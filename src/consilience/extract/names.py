"""Resolve the many ways a text writes one name to a single display name.

Everything is learned from the entities of the text itself: a surname used alone maps to the
one full name that contains it, "U.S." and "US" and "United States" are one country, "Comac"
and "COMAC" one company. Only nationality adjectives need a table ("Chinese" -> "China"),
and that is general knowledge, not knowledge of any story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from consilience.models import Entity

__all__ = [
    "DEMONYMS",
    "HONORIFICS",
    "PORTFOLIO_WORDS",
    "TITLE_MODIFIERS",
    "TITLE_WORDS",
    "canonical_names",
    "clean_name",
    "is_nationality",
    "looks_like_person",
    "split_title",
]


def _word_set(text: str) -> frozenset[str]:
    """Word lists are written as text so they read like the data they are."""
    return frozenset(text.split())


# Nationality adjectives (and common country abbreviations used as adjectives) -> the country
# name as news text usually writes it. Common knowledge, not learned from any article.
_DEMONYM_TABLE = """
afghan=Afghanistan; american=United States; argentine=Argentina; australian=Australia;
austrian=Austria; bangladeshi=Bangladesh; belgian=Belgium; brazilian=Brazil;
british=United Kingdom; burmese=Myanmar; cambodian=Cambodia; canadian=Canada;
chilean=Chile; chinese=China; colombian=Colombia; cuban=Cuba; czech=Czech Republic;
danish=Denmark; dutch=Netherlands; egyptian=Egypt; emirati=United Arab Emirates;
ethiopian=Ethiopia; filipino=Philippines; finnish=Finland; french=France; german=Germany;
greek=Greece; hungarian=Hungary; indian=India; indonesian=Indonesia; iranian=Iran;
iraqi=Iraq; irish=Ireland; israeli=Israel; italian=Italy; japanese=Japan; jordanian=Jordan;
kenyan=Kenya; korean=Korea; lao=Laos; laotian=Laos; lebanese=Lebanon; malaysian=Malaysia;
mexican=Mexico; nigerian=Nigeria; norwegian=Norway; pakistani=Pakistan;
palestinian=Palestine; peruvian=Peru; polish=Poland; portuguese=Portugal; qatari=Qatar;
romanian=Romania; russian=Russia; saudi=Saudi Arabia; singaporean=Singapore; spanish=Spain;
swedish=Sweden; swiss=Switzerland; syrian=Syria; taiwanese=Taiwan; thai=Thailand;
turkish=Turkey; ukrainian=Ukraine; venezuelan=Venezuela; vietnamese=Vietnam; yemeni=Yemen
"""
DEMONYMS: dict[str, str] = {
    adjective.strip(): country.strip()
    for adjective, country in (pair.split("=") for pair in _DEMONYM_TABLE.split(";"))
}
# Country abbreviations written before a title ("US President", "UK Prime Minister").
_COUNTRY_ABBREVIATIONS = _word_set("us u.s. u.s uk u.k. eu un u.n.")

# Office words: a phrase counts as a title only when it holds one of these.
TITLE_WORDS = _word_set(
    """
    ambassador chairman chairwoman chair chairperson chancellor ceo cfo coo commissioner
    commander congressman congresswoman director executive general governor judge
    justice king leader lawmaker mayor minister official premier president prince
    princess queen representative secretary senator speaker spokesman spokeswoman
    spokesperson envoy founder head chief economist analyst emperor pope sheikh admiral
    colonel captain sultan monarch treasurer attorney prosecutor dictator strongman
    partner professor editor manager lawyer barrister counsel solicitor officer
    """
)
# Words that qualify an office without being one ("former President", "Vice Premier").
TITLE_MODIFIERS = _word_set(
    """
    former acting deputy vice interim outgoing incoming then late first senior assistant
    associate managing prime foreign defence defense finance trade commerce interior
    state top executive general chief party communist supreme new current co-founder
    sitting lead elect president-elect financial operating technology marketing campaign
    defence prosecution
    """
)
# Portfolios and fields that name which office is meant ("Transport Minister", "Minister of
# Health", "campaign manager"); they qualify a title and stay in its key.
PORTFOLIO_WORDS = _word_set(
    """
    transport transportation health education justice energy environment agriculture labour
    labor economy economic culture housing industry home interior foreign finance trade
    commerce defence defense tourism sport sports science communications information
    infrastructure immigration security development employment welfare treasury
    """
)
# Courtesy words before a name; dropped, never a title.
HONORIFICS = _word_set("mr mr. mrs mrs. ms ms. dr dr. sir dame")

_POSSESSIVE = re.compile(r"\s*['’]s?$")
# "China’s Xi Jinping": a possessive owner before a person's name is not part of it.
_LEADING_OWNER = re.compile(r"^\S+['’]s\s+(?=\S)")
# Words that start a fallback capitalised run without belonging to the name ("On Monday").
_LEADING_FUNCTION_WORDS = _word_set(
    """
    the this that these those a an on in at for by with from to as after before during
    while under and but of if when since meanwhile however
    """
)
_ARTICLES = _word_set("the a an")
# Calendar words: a fallback run holding one ("Hanoi Monday") is not a person's name.
_CALENDAR_WORDS = _word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december
    """
)
# Longest personal name form we expect ("Pham Minh Chinh", "Martin Luther King Jr").
MAX_PERSON_NAME_WORDS = 4
# A mixed-case short form ("Comac") is taken for an acronym only when it spells at least
# this many words; two-word matches of ordinary words ("Asian" ~ "Asia In News") are chance.
MIN_WORDS_FOR_MIXED_CASE_ACRONYM = 3
_WORD = re.compile(r"\S+")
_PLAIN_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Za-z]+)?$")
# Small words skipped when building an acronym ("Bank of China" -> "BC").
_ACRONYM_SKIP = _word_set("of the and for de la & in on")
# Labels treated as people: spaCy's PERSON, and the fallback's unlabelled capitalised runs.
_PERSON_LABELS = _word_set("PERSON NAME")
# Words that mark an organisation, so a fallback name holding one is never a person's name.
_ORG_WORDS = _word_set(
    """
    group company corporation corp inc ltd party council ministry bank agency
    association university committee union chamber office department news media times
    post service services institute fund organisation organization airlines government
    republic kingdom states nations industry industries cooperation forum summit
    alliance initiative partnership programme program project made
    """
)


_NOT_IN_PERSON_NAMES = _ORG_WORDS | _CALENDAR_WORDS
# "Mayor Ruth Calder's Civic Alliance": a person's name owning an organisation.
_OWNER_OF_ORG = re.compile(
    r"^(?P<owner>.+?)['’]s\s+(?P<owned>.*\b(?:" + "|".join(sorted(_ORG_WORDS)) + r")\b.*)$",
    re.IGNORECASE,
)


def is_nationality(word: str) -> bool:
    """True for a nationality adjective or a country abbreviation ("Chinese", "US")."""
    lowered = word.lower().rstrip(",")
    return lowered in DEMONYMS or lowered in _COUNTRY_ABBREVIATIONS


def _is_title_prefix_word(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered in TITLE_WORDS
        or lowered in TITLE_MODIFIERS
        or lowered in PORTFOLIO_WORDS
        or lowered in HONORIFICS
        or is_nationality(word)
    )


def split_title(text: str) -> tuple[str, str]:
    """Split "former US President Donald Trump" into ("former US President", "Donald Trump").

    The prefix is only split off when it holds an office word and a name remains; honorifics
    ("Mr") are dropped from both parts. Returns ("", name) when there is no title.
    """
    words = [match.group() for match in _WORD.finditer(text)]
    cut = 0
    while cut < len(words) - 1 and (
        _is_title_prefix_word(words[cut]) or _portfolio_follows(words, cut)
    ):
        cut += 1
    prefix = [word for word in words[:cut] if word.lower() not in HONORIFICS]
    has_office = any(word.lower() in TITLE_WORDS for word in prefix)
    if cut and not has_office and all(word.lower() in HONORIFICS for word in words[:cut]):
        return "", " ".join(words[cut:])
    if not has_office:
        return "", " ".join(words)
    return " ".join(prefix), " ".join(words[cut:])


def _portfolio_follows(words: list[str], at: int) -> bool:
    """ "of" between an office and its portfolio ("Minister of Health Ana Ruiz")."""
    return (
        words[at] == "of"
        and at > 0
        and words[at - 1].lower() in TITLE_WORDS
        and at + 1 < len(words) - 1
        and words[at + 1].lower() in PORTFOLIO_WORDS
    )


def _leading_function_word(word: str, label: str) -> bool:
    """A word opening an entity that is not part of the name ("the", "On" of "On Monday").

    A tagged person keeps a capitalised one: in "To Lam" or "An Nguyen" it is the name.
    """
    lowered = word.lower()
    if lowered not in _LEADING_FUNCTION_WORDS:
        return False
    return label != "PERSON" or word.islower() or lowered in _ARTICLES


def clean_name(text: str, label: str = "PERSON") -> str:
    """A name without leading "the", a possessive ending, or (for people) a title."""
    name = " ".join(text.split()).strip(" ,;:'’")
    name = _POSSESSIVE.sub("", name)
    words = name.split()
    while len(words) > 1 and _leading_function_word(words[0], label):
        words = words[1:]
    name = " ".join(words)
    if label in _PERSON_LABELS:
        owner = _OWNER_OF_ORG.match(name)
        if owner is not None:
            name = owner.group("owner")  # "Ruth Calder's Civic Alliance" names her party
        owned = _LEADING_OWNER.sub("", name)
        if len(owned.split()) <= MAX_PERSON_NAME_WORDS:
            name = owned
        _title, name = split_title(name)
        if all(_is_title_prefix_word(word) for word in name.split()):
            return ""  # a bare title ("the Chinese President") names nobody by itself
    name = name.strip(" ,;:")
    if name.endswith(".") and "." not in name[:-1]:
        name = name[:-1]  # a full stop, not the last dot of "U.S."
    return name


class _Groups:
    """Union-find over name forms; the representative is chosen later."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, name: str) -> None:
        self.parent.setdefault(name, name)

    def find(self, name: str) -> str:
        root = name
        while self.parent[root] != root:
            root = self.parent[root]
        self.parent[name] = root
        return root

    def join(self, first: str, second: str) -> None:
        self.parent[self.find(first)] = self.find(second)


def _loose_key(name: str) -> str:
    """Dots, case and spacing do not tell names apart: "U.S." == "US", "Comac" == "COMAC"."""
    return re.sub(r"[.\s]", "", name).lower()


def _acronym_matches(short: str, long_name: str) -> bool:
    """True when ``short`` is built from leading letters of the words of ``long_name``.

    Each content word gives a non-empty prefix ("COMmercial Aircraft Corporation" ->
    "COMAC"); small words may be skipped, and so may a trailing "of ..." qualifier.
    """
    letters = _loose_key(short)
    words = [word.lower() for word in long_name.replace("-", " ").split()]
    if len(letters) < 2 or len(words) < 2 or not letters.isalpha():
        return False
    min_words = 2 if short.replace(".", "").isupper() else MIN_WORDS_FOR_MIXED_CASE_ACRONYM
    heads = [words]
    if "of" in words[1:]:
        heads.append(words[: words.index("of", 1)])
    for head in heads:
        content = [word for word in head if word not in _ACRONYM_SKIP]
        if len(content) >= min_words and _consume(letters, content):
            return True
    return False


def _consume(letters: str, words: list[str]) -> bool:
    if not words:
        return not letters
    if not letters:
        return False
    first = words[0]
    for size in range(min(len(first), len(letters)), 0, -1):
        if first[:size] == letters[:size] and _consume(letters[size:], words[1:]):
            return True
    return False


def looks_like_person(name: str, label: str) -> bool:
    """True for a PERSON entity, or a fallback name shaped like a person's ("Shaun Rein")."""
    if label == "PERSON":
        return True
    words = name.split()
    return (
        label == "NAME"
        and 2 <= len(words) <= MAX_PERSON_NAME_WORDS
        and all(_PLAIN_NAME_WORD.match(word) for word in words)
        and not any(w.lower() in _NOT_IN_PERSON_NAMES for w in words)
        # "To Lam" is a name; "China In Brinkmanship" is a headline.
        and not any(w.lower() in _LEADING_FUNCTION_WORDS for w in words[1:])
    )


def _person_links(forms: dict[str, str], groups: _Groups) -> None:
    """Join a short person name to the one longer person name it starts or ends."""
    people = [name for name, label in forms.items() if label in _PERSON_LABELS]
    full_names = [name for name in people if looks_like_person(name, forms[name])]
    for short in people:
        tokens = short.split()
        matches = []
        for full in full_names:
            long_tokens = full.split()
            if len(long_tokens) <= len(tokens):
                continue
            ends_with = long_tokens[-len(tokens) :] == tokens
            # Surname-first names: "Xi" of "Xi Jinping" (organisations are filtered out of
            # full_names, so "China" never becomes "China Market Research Group").
            starts_with = long_tokens[: len(tokens)] == tokens
            if ends_with or starts_with:
                matches.append(full)
        if len(matches) == 1:
            groups.join(short, matches[0])


def _acronym_links(forms: dict[str, str], groups: _Groups) -> None:
    """Join dotted/undotted/cased variants and acronyms of multiword names."""
    by_key: dict[str, str] = {}
    for name in forms:
        key = _loose_key(name)
        if key in by_key:
            groups.join(name, by_key[key])
        else:
            by_key[key] = name
    multiword = [name for name in forms if len(name.split()) >= 2]
    for short in forms:
        if " " in short or forms[short] in _PERSON_LABELS - {"NAME"}:
            continue
        matches = {groups.find(long) for long in multiword if _acronym_matches(short, long)}
        if len(matches) == 1:
            groups.join(short, matches.pop())


def _demonym_links(forms: dict[str, str], groups: _Groups) -> None:
    """Join "Chinese" to "China" when the country itself is named too."""
    by_key = {_loose_key(name): name for name in forms}
    for name in forms:
        country = DEMONYMS.get(name.lower())
        if country is not None and _loose_key(country) in by_key:
            groups.join(name, by_key[_loose_key(country)])


def _fullness(name: str) -> tuple[int, int, int, str]:
    # The fullest form: most words, then longest, then capitalised over all-caps, then a
    # stable tie-break so the result never depends on input order.
    return (len(name.split()), len(name), -sum(c.isupper() for c in name), name)


def canonical_names(entities: Sequence[Entity] | Iterable[Entity]) -> dict[str, str]:
    """Map every surface form of the entities to one display name (the fullest form).

    >>> from consilience.models import Entity
    >>> ents = [Entity("Xi Jinping", "PERSON", 0, 10, "Xi Jinping"),
    ...         Entity("Xi", "PERSON", 20, 22, "Xi")]
    >>> canonical_names(ents)["Xi"]
    'Xi Jinping'
    """
    forms: dict[str, str] = {}
    surfaces: dict[str, str] = {}
    for entity in entities:
        cleaned = clean_name(entity.text, entity.label)
        if not cleaned:
            continue
        # A form seen both as a person and otherwise keeps its person label.
        if forms.get(cleaned) not in _PERSON_LABELS:
            forms[cleaned] = entity.label
        surfaces[entity.text] = cleaned
        surfaces[cleaned] = cleaned
    groups = _Groups()
    for name in forms:
        groups.add(name)
    _person_links(forms, groups)
    _acronym_links(forms, groups)
    _demonym_links(forms, groups)
    members: dict[str, list[str]] = {}
    for name in forms:
        members.setdefault(groups.find(name), []).append(name)
    display: dict[str, str] = {}
    for group in members.values():
        # Nationality adjectives never stand for the group when a real name is present.
        candidates = [n for n in group if n.lower() not in DEMONYMS] or group
        best = max(candidates, key=_fullness)
        for name in group:
            display[name] = best
    return {surface: display[cleaned] for surface, cleaned in surfaces.items()}
