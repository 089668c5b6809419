"""Facts -> slots: line up the facts of a story that state the same thing.

One slot holds the facts (one per article, titles aside) that several outlets state about one
thing: a count, an event's date, a person's title, a quote, a set of places. Alignment is
greedy and deterministic: facts are taken in (article, position) order and each joins the
most similar slot whose every fact it is compatible with (complete link), else opens one.
Hard constraints (unit, subject, agent/target, predicate, speaker) come first; similarity of
the sentences' content lemmas only decides between the slots that pass them.

>>> align_facts([], {})
[]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, utils

from consilience.models import Fact, FactKind, Slot

__all__ = [
    "QUANTITY_SIMILARITY_FLOOR",
    "QUOTE_RARE_WORDING_FLOOR",
    "QUOTE_WORDING_FLOOR",
    "RARE_STEM_MAX_SHARE",
    "SYNONYM_SIMILARITY_FLOOR",
    "align_facts",
]

# Facts that already share subject, unit, roles and predicate still need sentences that are
# about the same thing. Two outlets' wordings of one figure share the counted noun plus a
# few event words (cosine ~0.3-0.6 on hand-built pairs); the same noun in another event of
# the story ("people" killed vs "people" evacuated, predicate missing on one) shares little
# beyond the noun (< 0.2). 0.2 separates the two.
QUANTITY_SIMILARITY_FLOOR = 0.2
# Different subject lemmas ("levy"/"tariff", "visit"/"trip") are only merged when the rest of
# the sentence says the same: half the weighted content words in common. Deliberately high:
# a wrong merge invents a conflict, a missed one only splits an agreement in two.
SYNONYM_SIMILARITY_FLOOR = 0.5
# rapidfuzz token_set_ratio of two quotes: translations and trimmed versions of one quote
# scored 77-100 on hand-built examples, different quotes of the same speaker 32-56 (shared
# function words keep that floor high), so 70 sits in the gap.
QUOTE_WORDING_FLOOR = 70.0
# A content-word stem is "rare" in a story when at most this share of the story's evidence
# sentences contain it; two quotes sharing one are likely the same words translated
# differently. 0.1 keeps the story's topic words ("trade", "visit") out.
RARE_STEM_MAX_SHARE = 0.1
# Quotes sharing a rare stem still need some overlap in wording: loose translations that
# share one scored 58-65 on hand-built pairs, while two different quotes of one speaker that
# shared the rare-looking "market" and "open" scored 39.
QUOTE_RARE_WORDING_FLOOR = 50.0
# Short stems are too often shared by chance ("war", "year"); five letters keeps
# "protection", "sanction", "nowhere".
RARE_STEM_MIN_LENGTH = 5

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[a-z]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s")
# Function words long enough to pass the length filter but carrying no meaning.
_STOP_WORD_TEXT = (
    "about above after again against also among another because been before being below "
    "between both could does doing down during each every from further have having here "
    "into itself just more most much must never only other ought over same shall should "
    "some such than that their theirs them then there these they this those through under "
    "until very were what when where which while whom will with within without would your "
    "yours nothing nobody anyone everyone"
)
_STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
# Scale and unit words belong to the number, so they are masked with it.
_NUMBER_WORD_TEXT = (
    "hundred thousand million billion trillion percent euro dollar pound rupee crore"
)
_NUMBER_WORDS = frozenset(
    f"{word}{plural}" for word in _NUMBER_WORD_TEXT.split() for plural in ("", "s")
) | {"yuan", "lakh"}
# Roles that identify a figure's participants: two facts naming different agents (or
# targets) are different figures, e.g. tariffs imposed by China on the US vs the reverse.
_IDENTIFYING_ROLES = ("agent", "target")
# Title words that say when, not what: "former president" and "president" are one role
# whose tense outlets may disagree on, so they share a slot (and compare flags it).
_TITLE_TENSE_WORDS = frozenset({"former", "ex", "late", "acting", "interim", "outgoing", "then"})


def _fold(name: str, aliases: Mapping[str, str]) -> str:
    return aliases.get(name, name).casefold()


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _content_stems(text: str, ignore: frozenset[str] = _STOP_WORDS) -> frozenset[str]:
    words = _WORD.findall(text.lower())
    return frozenset(_stem(w) for w in words if len(w) >= 4 and w not in ignore)


def _sentence_words(fact: Fact) -> frozenset[str]:
    """Content stems of a fact's sentence with its value and every number masked."""
    text = _DIGITS.sub(" ", fact.evidence.text.replace(fact.value, " "))
    return _content_stems(text, _STOP_WORDS | _NUMBER_WORDS)


def _title_base(fact: Fact) -> str:
    title = (fact.predicate or fact.value).casefold()
    return " ".join(w for w in title.split() if w.strip("-") not in _TITLE_TENSE_WORDS)


def _role(fact: Fact, role: str, aliases: Mapping[str, str]) -> str | None:
    for item in fact.roles:
        if item.role == role:
            return _fold(item.name, aliases)
    return None


def _value_key(fact: Fact) -> str:
    """What makes two facts of one article the same statement (then only the first is kept)."""
    if fact.kind == "quantity" and fact.number is not None:
        return f"{fact.number!r}|{fact.unit}"
    if fact.kind == "person_role":
        return (fact.predicate or fact.value).casefold()
    return utils.default_process(fact.value)


@dataclass(slots=True)
class _Story:
    """Per-story lookups shared by every comparison: aliases, IDF weights, rare stems."""

    aliases: Mapping[str, str]
    idf: dict[str, float]
    rare: frozenset[str]
    _similarity: dict[tuple[int, int], float] = field(default_factory=dict)

    def tfidf_cosine(self, a: Fact, b: Fact) -> float:
        """Cosine of binary TF-IDF vectors over the facts' context lemmas."""
        shared = set(a.context) & set(b.context)
        dot = sum(self.idf[w] ** 2 for w in shared)
        norm_a = math.sqrt(sum(self.idf[w] ** 2 for w in set(a.context)))
        norm_b = math.sqrt(sum(self.idf[w] ** 2 for w in set(b.context)))
        return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0

    def similarity(self, a: Fact, b: Fact) -> float:
        """Sentence similarity in [0, 1], with numbers masked out."""
        key = (id(a), id(b)) if id(a) < id(b) else (id(b), id(a))
        if key not in self._similarity:
            if a.context and b.context:
                score = self.tfidf_cosine(a, b)
            else:  # extraction gave no lemmas: fall back to the words of the sentences
                words_a, words_b = _sentence_words(a), _sentence_words(b)
                shared = len(words_a & words_b)
                score = shared / math.sqrt(len(words_a) * len(words_b)) if shared else 0.0
            self._similarity[key] = score
        return self._similarity[key]


def _build_story(facts: Sequence[Fact], aliases: Mapping[str, str]) -> _Story:
    contexts = [set(fact.context) for fact in facts]
    df = Counter(word for context in contexts for word in context)
    total = len(contexts)
    # sklearn's smoothed IDF: a word in every fact still weighs 1, never 0.
    idf = {word: math.log((1 + total) / (1 + count)) + 1.0 for word, count in df.items()}
    sentences = {(f.article, f.evidence.start): f.evidence.text for f in facts}
    stem_df = Counter(stem for text in sentences.values() for stem in _content_stems(text))
    limit = RARE_STEM_MAX_SHARE * len(sentences)
    rare = frozenset(
        stem
        for stem, count in stem_df.items()
        if count <= limit and len(stem) >= RARE_STEM_MIN_LENGTH
    )
    return _Story(aliases=aliases, idf=idf, rare=rare)


def _roles_compatible(a: Fact, b: Fact, story: _Story) -> bool:
    for role in _IDENTIFYING_ROLES:
        name_a, name_b = _role(a, role, story.aliases), _role(b, role, story.aliases)
        if name_a is not None and name_b is not None and name_a != name_b:
            return False
    return True


def _predicates_compatible(a: Fact, b: Fact) -> bool:
    return a.predicate is None or b.predicate is None or a.predicate == b.predicate


def _subject_floor(a: Fact, b: Fact) -> float:
    return QUANTITY_SIMILARITY_FLOOR if a.subject == b.subject else SYNONYM_SIMILARITY_FLOOR


def _quantity_score(a: Fact, b: Fact, story: _Story) -> float | None:
    if a.unit != b.unit or not _predicates_compatible(a, b):
        return None
    if not _roles_compatible(a, b, story):
        return None
    score = story.similarity(a, b)
    return score if score >= _subject_floor(a, b) else None


def _date_score(a: Fact, b: Fact, story: _Story) -> float | None:
    score = story.similarity(a, b)
    return score if score >= _subject_floor(a, b) else None


def _person_role_score(a: Fact, b: Fact, story: _Story) -> float | None:
    same_person = _fold(a.subject, story.aliases) == _fold(b.subject, story.aliases)
    return 1.0 if same_person and _title_base(a) == _title_base(b) else None


def _quote_score(a: Fact, b: Fact, story: _Story) -> float | None:
    speaker_a, speaker_b = _fold(a.subject, story.aliases), _fold(b.subject, story.aliases)
    if speaker_a and speaker_b and speaker_a != speaker_b:
        return None
    wording = fuzz.token_set_ratio(a.value, b.value, processor=utils.default_process)
    if wording >= QUOTE_WORDING_FLOOR:
        return wording / 100.0
    if wording < QUOTE_RARE_WORDING_FLOOR:
        return None
    shared_rare = _content_stems(a.value) & _content_stems(b.value) & story.rare
    return wording / 100.0 if shared_rare else None


def _claim_score(a: Fact, b: Fact, story: _Story) -> float | None:
    if (a.predicate or a.subject) != (b.predicate or b.subject):
        return None
    return 1.0 if _roles_compatible(a, b, story) else None


def _entity_score(a: Fact, b: Fact, story: _Story) -> float | None:
    return 1.0 if _fold(a.subject, story.aliases) == _fold(b.subject, story.aliases) else None


_Scorer = Callable[[Fact, Fact, _Story], float | None]
_SCORERS: dict[FactKind, _Scorer] = {
    "quantity": _quantity_score,
    "date": _date_score,
    "person_role": _person_role_score,
    "quote": _quote_score,
    "claim": _claim_score,
    "entity": _entity_score,
}


def _position(fact: Fact) -> tuple[str, int, int, str]:
    span_start = fact.span.start if fact.span is not None else fact.evidence.start
    return (fact.article, fact.evidence.start, span_start, repr(fact))


def _cluster(facts: list[Fact], story: _Story) -> list[list[Fact]]:
    """Greedy complete-link clustering of one kind's facts, in (article, position) order."""
    scorer = _SCORERS[facts[0].kind]
    slots: list[list[Fact]] = []
    for fact in sorted(facts, key=_position):
        best: tuple[float, int] | None = None
        duplicate = False
        for index, members in enumerate(slots):
            scores = []
            same_statement = False
            for member in members:
                if member.article == fact.article:
                    # One article's two figures are two statements, never one slot; the same
                    # figure repeated is one statement, kept once. A person's titles in one
                    # article may differ ("President", "former President"): keep both.
                    if _value_key(member) == _value_key(fact):
                        same_statement = True
                    elif fact.kind != "person_role":
                        break
                score = scorer(fact, member, story)
                if score is None:
                    break
                scores.append(score)
            else:
                mean = sum(scores) / len(scores)
                if best is None or mean > best[0]:
                    best, duplicate = (mean, index), same_statement
        if best is None:
            slots.append([fact])
        elif not duplicate:
            slots[best[1]].append(fact)
    return slots


def _most_common(values: Sequence[str]) -> str:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


def _slot_key(kind: FactKind, facts: Sequence[Fact], aliases: Mapping[str, str]) -> str:
    if kind == "person_role":
        name = _most_common([_fold(f.subject, aliases) for f in facts])
        return f"person_role:{name}:{_most_common([_title_base(f) for f in facts])}"
    if kind in ("quote", "entity"):
        known = [_fold(f.subject, aliases) for f in facts if f.subject]
        return f"{kind}:{_most_common(known) if known else 'unknown'}"
    parts = [kind, _most_common([f.subject.casefold() for f in facts])]
    predicates = [p for f in facts if (p := f.predicate)]
    if predicates:
        parts.append(_most_common(predicates))
    agents = [agent for f in facts if (agent := _role(f, "agent", aliases)) is not None]
    if kind == "claim" and agents:
        parts.append(_most_common(agents))
    return ":".join(parts)


def align_facts(facts: Sequence[Fact], aliases: Mapping[str, str]) -> list[Slot]:
    """Group a story's facts into slots, each one thing stated by one or more articles."""
    if not facts:
        return []
    story = _build_story(facts, aliases)
    by_kind: dict[FactKind, list[Fact]] = {}
    for fact in facts:
        by_kind.setdefault(fact.kind, []).append(fact)
    slots: list[Slot] = []
    seen_keys: Counter[str] = Counter()
    for kind in sorted(by_kind):
        for members in _cluster(by_kind[kind], story):
            key = _slot_key(kind, members, aliases)
            seen_keys[key] += 1
            if seen_keys[key] > 1:  # two slots on one subject: keep keys unique and stable
                key = f"{key}#{seen_keys[key]}"
            about = _most_common([f.about for f in members])
            slots.append(Slot(kind=kind, key=key, about=about, facts=tuple(members)))
    return slots
