"""Facts -> slots: line up the facts of a story that state the same thing.

One slot holds the facts (one per article) that several outlets state about one thing: a
count, an event's date, a person's title, a quote, a set of places. Alignment is scored
matching: every pair of facts gets a score from align_scoring (None when a hard constraint
keeps them apart: unit, named participants, person, speaker), and pairs are merged best
first into slots, a merge being allowed only when every pair across the two slots is
compatible (complete link) and no article would state two different values in one slot.
The result does not depend on the order in which facts arrive.

>>> align_facts([], {})
[]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence

from rapidfuzz import fuzz, utils

from consilience.align_memo import story_features
from consilience.align_scoring import (
    QUANTITY_SIMILARITY_FLOOR,
    SYNONYM_SIMILARITY_FLOOR,
    StoryIndex,
    build_index,
    content_stems,
    date_score,
    fold,
    person_role_score,
    quantity_score,
    title_office,
)
from consilience.align_story_year import story_year_slot
from consilience.align_ties import TIE_KINDS
from consilience.embeddings import SentenceEncoder, load_encoder
from consilience.errors import SettingsError
from consilience.extract.times import TIME_UNIT
from consilience.models import Fact, FactKind, Slot
from consilience.settings import Settings

__all__ = [
    "QUANTITY_SIMILARITY_FLOOR",
    "QUOTE_RARE_WORDING_FLOOR",
    "QUOTE_WORDING_FLOOR",
    "RARE_STEM_MAX_SHARE",
    "SYNONYM_SIMILARITY_FLOOR",
    "VOICED_KINDS",
    "align_facts",
    "alignment_encoder",
]

# Average link lets a pair just below its floor in (one outlet worded the figure with few
# shared words), but not one far below: on the hand-built pairs and fixtures, other wordings
# of one figure fell at most 0.11 under the floor, unrelated figures of one noun 0.15 or more.
AVERAGE_LINK_SLACK = 0.12
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
# Kinds whose slot may hold one fact per (article, speaker) rather than one per article.
# Quantities are left out: an article's quoted figures are mostly other figures of the same
# noun (a spokesman's earlier count, a union's share of members) and merged in they made
# false conflicts on the labelled stories.
VOICED_KINDS: frozenset[FactKind] = frozenset({"claim"})
# Values of the ``embeddings`` setting.
EMBEDDING_CHOICES = ("auto", "off")
# Short stems are too often shared by chance ("war", "year"); five letters keeps
# "protection", "sanction", "nowhere".
RARE_STEM_MIN_LENGTH = 5


def _value_key(fact: Fact) -> str:
    """What makes two facts of one article the same statement (then only the first is kept)."""
    if fact.kind == "quantity" and fact.number is not None:
        return f"{fact.number!r}|{fact.unit}"
    if fact.kind == "person_role":
        return (fact.predicate or fact.value).casefold()
    return utils.default_process(fact.value)


def _rare_stems(facts: Sequence[Fact]) -> frozenset[str]:
    sentences = {(f.article, f.evidence.start): f.evidence.text for f in facts}
    stem_df = Counter(stem for text in sentences.values() for stem in content_stems(text))
    limit = RARE_STEM_MAX_SHARE * len(sentences)
    return frozenset(
        stem
        for stem, count in stem_df.items()
        if count <= limit and len(stem) >= RARE_STEM_MIN_LENGTH
    )


def _roles_compatible(a: Fact, b: Fact, index: StoryIndex) -> bool:
    for role in ("agent", "target"):
        name_a = next((fold(r.name, index.aliases) for r in a.roles if r.role == role), None)
        name_b = next((fold(r.name, index.aliases) for r in b.roles if r.role == role), None)
        if name_a is not None and name_b is not None and name_a != name_b:
            return False
    return True


def _quote_score(a: Fact, b: Fact, index: StoryIndex) -> float | None:
    speaker_a, speaker_b = fold(a.subject, index.aliases), fold(b.subject, index.aliases)
    if speaker_a and speaker_b and speaker_a != speaker_b:
        return None
    wording = fuzz.token_set_ratio(a.value, b.value, processor=utils.default_process)
    if wording >= QUOTE_WORDING_FLOOR:
        return wording / 100.0
    if wording < QUOTE_RARE_WORDING_FLOOR:
        return None
    shared_rare = content_stems(a.value) & content_stems(b.value) & index.rare
    return wording / 100.0 if shared_rare else None


def _claim_score(a: Fact, b: Fact, index: StoryIndex) -> float | None:
    if (a.predicate or a.subject) != (b.predicate or b.subject):
        return None
    return 1.0 if _roles_compatible(a, b, index) else None


def _entity_score(a: Fact, b: Fact, index: StoryIndex) -> float | None:
    return 1.0 if fold(a.subject, index.aliases) == fold(b.subject, index.aliases) else None


_Scorer = Callable[[Fact, Fact, StoryIndex], float | None]
_SCORERS: dict[FactKind, _Scorer] = {
    "quantity": quantity_score,
    "date": date_score,
    "person_role": person_role_score,
    "quote": _quote_score,
    "claim": _claim_score,
    "entity": _entity_score,
}

# What two facts of a kind must share for its scorer to score them at all (a hard constraint
# each scorer checks first): a figure's unit, whether a date is a time of day, the person,
# the entity, the claim. Only facts with equal keys are paired; quotes (a speaker may be
# unknown) are all paired.
_Block = Callable[[Fact, Mapping[str, str]], Hashable]
_BLOCKS: dict[FactKind, _Block] = {
    "quantity": lambda fact, _aliases: fact.unit,
    "date": lambda fact, _aliases: fact.unit == TIME_UNIT,
    "person_role": lambda fact, aliases: fold(fact.subject, aliases),
    "claim": lambda fact, _aliases: fact.predicate or fact.subject,
    "entity": lambda fact, aliases: fold(fact.subject, aliases),
}


def _one_block(fact: Fact, aliases: Mapping[str, str]) -> Hashable:
    return None


def _may_share_a_slot(a: Fact, b: Fact) -> bool:
    """Two facts of one article: the same statement repeated, one title in two tenses, or
    the reporter's statement and a quoted person's (the reporter says "will visit A and B",
    an analyst "is visiting C"), which compare shows as a quoted opinion against it."""
    if _value_key(a) == _value_key(b):
        return True
    if a.kind in VOICED_KINDS and a.attributed_to != b.attributed_to:
        return True
    return a.kind == "person_role" and title_office(a) == title_office(b)


def _statement_scores(
    left: list[int], right: list[int], ordered: list[Fact], scores: dict[tuple[int, int], float]
) -> list[float]:
    """The scores a merge is judged by. Facts of one value are compared pair by pair across
    the two slots: each telling must be alike to agree. Two values are compared once, by
    their nearest tellings in the merged slot: the members stating one value are one
    statement told several ways, some tersely ("the $4 million fund announced on Friday" is
    far from "the $4.5 million fund remains on the table" but close to "offered a $4.5
    million fund"), whichever of them joined first."""

    def score(x: int, y: int) -> float:
        return scores[min(x, y), max(x, y)]

    side = dict.fromkeys(left, "left") | dict.fromkeys(right, "right")
    statements: dict[str, list[int]] = {}
    for member in (*left, *right):
        statements.setdefault(_value_key(ordered[member]), []).append(member)
    linked = [
        score(x, y) for x in left for y in right if _value_key(ordered[x]) == _value_key(ordered[y])
    ]
    values = sorted(statements)
    for i, value in enumerate(values):
        for other in values[i + 1 :]:
            pairs = [(x, y) for x in statements[value] for y in statements[other]]
            if any(side[x] != side[y] for x, y in pairs):  # the merge relates the two values
                linked.append(max(score(x, y) for x, y in pairs))
    return linked


def _pair_scores(ordered: list[Fact], index: StoryIndex) -> dict[tuple[int, int], float]:
    """Score of every pair of one kind's facts that may share a slot (None pairs left out)."""
    kind = ordered[0].kind
    scorer = _SCORERS[kind]
    block = _BLOCKS.get(kind, _one_block)
    blocks: dict[Hashable, list[int]] = {}
    for i, fact in enumerate(ordered):
        blocks.setdefault(block(fact, index.aliases), []).append(i)
    scores: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        for place, i in enumerate(members):
            a = ordered[i]
            for j in members[place + 1 :]:
                b = ordered[j]
                if a.article == b.article and not _may_share_a_slot(a, b):
                    continue  # one article's two figures are two statements, never one slot
                score = scorer(a, b, index)
                if score is not None:
                    scores[i, j] = score
    return scores


def _cluster(facts: list[Fact], index: StoryIndex) -> list[list[Fact]]:
    """Best-first clustering of one kind's facts (order independent).

    Scores are distances above a floor: pairs at or above it seed merges, best first; a
    merge needs every cross pair compatible and the cross pairs' mean score at or above 0.
    """
    ordered = sorted(facts, key=lambda fact: fact.text_order)
    scores = _pair_scores(ordered, index)
    edges = sorted((-score, i, j) for (i, j), score in scores.items() if score >= 0)
    home = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    for _, i, j in edges:
        left, right = home[i], home[j]
        if left == right:
            continue
        pairs = [(min(x, y), max(x, y)) for x in members[left] for y in members[right]]
        if not all(pair in scores for pair in pairs):
            continue  # a hard constraint: complete link
        linked = _statement_scores(members[left], members[right], ordered, scores)
        if any(score < -AVERAGE_LINK_SLACK for score in linked):
            continue  # one statement far below its floor: an outlier, not another wording
        if sum(linked) < 0:
            continue  # on average the two slots are not alike enough: average link
        keep, gone = min(left, right), max(left, right)
        for member in members[gone]:
            home[member] = keep
        members[keep].extend(members.pop(gone))
    return [_one_telling_each(members[first], ordered, scores) for first in sorted(members)]


def _one_telling_each(
    members: list[int], ordered: list[Fact], scores: dict[tuple[int, int], float]
) -> list[Fact]:
    """The same figure repeated in one article is one statement, kept once: the telling most
    like the other articles' (a headline's "half-point hike" gives way to the body's "raised
    rates by half a point"), the first one on a tie."""
    tellings: dict[tuple[str, str], list[int]] = {}
    for member in sorted(members):
        fact = ordered[member]
        tellings.setdefault((fact.article, _value_key(fact)), []).append(member)

    def likeness(member: int) -> float:
        others = [m for m in members if ordered[m].article != ordered[member].article]
        return sum(scores.get((min(m, member), max(m, member)), 0.0) for m in others)

    chosen = sorted(max(group, key=lambda m: (likeness(m), -m)) for group in tellings.values())
    return [ordered[member] for member in chosen]


def _most_common(values: Sequence[str]) -> str:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


def _slot_key(kind: FactKind, facts: Sequence[Fact], aliases: Mapping[str, str]) -> str:
    if kind == "person_role":
        name = _most_common([fold(f.subject, aliases) for f in facts])
        return f"person_role:{name}:{_most_common([title_office(f) for f in facts])}"
    if kind in ("quote", "entity"):
        known = [fold(f.subject, aliases) for f in facts if f.subject]
        return f"{kind}:{_most_common(known) if known else 'unknown'}"
    parts = [kind, _most_common([f.subject.casefold() for f in facts])]
    predicates = [p for f in facts if (p := f.predicate)]
    if predicates:
        parts.append(_most_common(predicates))
    agents = [
        agent
        for f in facts
        if (agent := next((fold(r.name, aliases) for r in f.roles if r.role == "agent"), None))
        is not None
    ]
    if kind == "claim" and agents:
        parts.append(_most_common(agents))
    return ":".join(parts)


def alignment_encoder(settings: Settings) -> SentenceEncoder | None:
    """The MiniLM encoder that breaks near-ties, or None ('off', or the ml extra missing)."""
    if settings.embeddings not in EMBEDDING_CHOICES:
        choices = ", ".join(repr(choice) for choice in EMBEDDING_CHOICES)
        raise SettingsError(
            f"setting 'embeddings' must be one of {choices}, got {settings.embeddings!r}"
        )
    return load_encoder() if settings.embeddings == "auto" else None


def align_facts(
    facts: Sequence[Fact],
    aliases: Mapping[str, str],
    *,
    encoder: SentenceEncoder | None = None,
) -> list[Slot]:
    """Group a story's facts into slots, each one thing stated by one or more articles.

    With an ``encoder``, a quantity or date pair whose TF-IDF score lies within ``TIE_BAND``
    of its floor is settled by the MiniLM similarity of the two sentences; without one the
    result is exactly the TF-IDF alignment.
    """
    if not facts:
        return []
    with story_features():  # a fact's own features are computed once, not once per pair
        return _align(facts, aliases, encoder)


def _align(
    facts: Sequence[Fact], aliases: Mapping[str, str], encoder: SentenceEncoder | None
) -> list[Slot]:
    index = build_index(facts, aliases, _rare_stems(facts), encoder)
    by_kind: dict[FactKind, list[Fact]] = {}
    for fact in facts:
        by_kind.setdefault(fact.kind, []).append(fact)
    # Only quantity and date pairs can be settled by embeddings; score just those in advance.
    index.gather_ties(
        lambda: [
            _pair_scores(sorted(by_kind[kind], key=lambda fact: fact.text_order), index)
            for kind in TIE_KINDS
            if kind in by_kind
        ]
    )
    slots: list[Slot] = []
    seen_keys: Counter[str] = Counter()
    for kind in sorted(by_kind):
        for members in _cluster(by_kind[kind], index):
            key = _slot_key(kind, members, aliases)
            seen_keys[key] += 1
            if seen_keys[key] > 1:  # two slots on one subject: keep keys unique and stable
                key = f"{key}#{seen_keys[key]}"
            about = _most_common([f.about for f in members])
            slots.append(Slot(kind=kind, key=key, about=about, facts=tuple(members)))
    story_year = story_year_slot(facts, slots)
    if story_year is not None:
        slots.append(story_year)
    return slots
