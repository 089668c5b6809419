"""Slots -> findings: agreed, conflict, updated or single source, with evidence per article.

A slot's facts are grouped into variants by their normalised value (a figure with its unit
and hedge, an ISO date, a title key, a quote's wording, a set of names). Figures are read as
intervals that their hedges allow (docs/COMPARISON.md has the table and the reasons), so
"about 40" and "42" agree while "about 40" and "45" do not; rising figures reported later
with update language ("rose to", "so far") are an update, not a conflict.

>>> compare_slots([], {})
[]
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import combinations

from consilience.align_titles import describes_past, is_former, office_key
from consilience.compare_figures import (
    ABOUT_TOLERANCE,
    MORE_THAN_CEILING,
    NEARLY_TOLERANCE,
    hedge_interval,
    may_be_rounding,
)
from consilience.compare_updates import counts_what_only_grows, says_it_grew
from consilience.extract.date_periods import periods_agree
from consilience.extract.date_years import YEAR_FROM_MENTIONS, YEAR_FROM_WEEKDAY
from consilience.extract.times import TIME_UNIT, times_agree
from consilience.extract.votes import vote_split
from consilience.models import Article, Fact, Finding, Severity, Slot, Status, Variant

__all__ = [
    "ABOUT_TOLERANCE",
    "CLOSE_RELATIVE_DIFFERENCE",
    "MORE_THAN_CEILING",
    "NEARLY_TOLERANCE",
    "compare_slot",
    "compare_slots",
]

# Two hedged figures within 5% of each other whose intervals just miss are a minor conflict
# (a difference of rounding style, e.g. "nearly 50" vs "51"), not a major one.
CLOSE_RELATIVE_DIFFERENCE = 0.05
# Outlets that, agreeing on a lower figure, outvote one outlet's flatly told higher figure of
# a count that only grows: two is already more than the one.
CONSENSUS_OUTLETS = 2

_WORDS = re.compile(r"[^\w]+")
# Hedges extraction gives a date whose year the article did not write.
_INFERRED_YEAR_HEDGES = frozenset({YEAR_FROM_WEEKDAY, YEAR_FROM_MENTIONS})
_STATUS_ORDER: dict[Status, int] = {"conflict": 0, "updated": 1, "agreed": 2, "single_source": 3}


@dataclass(frozen=True, slots=True)
class _Judgement:
    status: Status
    severity: Severity | None = None
    note: str | None = None


# A variant while it is being judged: its facts and the surface text shown for it.
@dataclass(frozen=True, slots=True)
class _Group:
    facts: tuple[Fact, ...]
    value: str

    @property
    def first(self) -> Fact:
        return self.facts[0]


def _outlet(article_id: str, articles: Mapping[str, Article]) -> str:
    article = articles.get(article_id)
    if article is None:
        return article_id
    return article.outlet or article.source


def _published(article_id: str, articles: Mapping[str, Article]) -> datetime | None:
    article = articles.get(article_id)
    if article is None or article.published is None:
        return None
    # Naive times are taken as UTC so that they can be ordered against aware ones.
    stamp = article.published
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)


def _variant_key(fact: Fact) -> str:
    if (split := vote_split(fact)) is not None:  # "312-190" and "312-109": two results
        return f"vote {split!r}"
    if fact.kind == "quantity" and fact.number is not None:
        # "nearly six hours" and "almost six hours": one hedge, two wordings, two variants
        worded = fact.value.split()[0].casefold() if fact.hedge and fact.value else ""
        return f"{fact.number!r}|{fact.unit}|{fact.hedge}|{worded}"
    if fact.unit == TIME_UNIT:  # "shortly before 3am" and "about 3am": two hedged windows
        return f"{fact.value}|{fact.hedge}"
    if fact.kind == "person_role":  # one office however written, "former" kept apart
        title = office_key(fact.predicate or fact.value)
        return f"former {title}" if is_former(fact) else title
    if fact.kind == "quote":
        return _WORDS.sub(" ", fact.value.casefold()).strip()
    return fact.value


def _most_common(values: Sequence[str]) -> str:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], len(v), v))


def _group_facts(facts: Sequence[Fact]) -> list[_Group]:
    """Variants by normalised value, most supported first, then by value."""
    by_key: dict[str, list[Fact]] = {}
    for fact in facts:
        by_key.setdefault(_variant_key(fact), []).append(fact)
    groups = [_Group(tuple(fs), _most_common([f.value for f in fs])) for fs in by_key.values()]
    return sorted(groups, key=lambda g: (-len({f.article for f in g.facts}), g.value))


def _who_says(groups: Sequence[_Group], articles: Mapping[str, Article]) -> str:
    parts = []
    for group in groups:
        ids = dict.fromkeys(f.article for f in group.facts)
        parts.append(f"{group.value} ({', '.join(_outlet(i, articles) for i in ids)})")
    return "; ".join(parts)


def _compare_figures(a: _Group, b: _Group) -> _Judgement:
    fa, fb = a.first, b.first
    if fa.unit != fb.unit or fa.number is None or fb.number is None:
        return _Judgement("conflict", "major")
    if _splits_differ(fa, fb):
        return _Judgement("conflict", "major")
    if hedge_interval(fa).overlaps(hedge_interval(fb)):
        return _Judgement("agreed", note=f"compatible within hedge: {a.value} / {b.value}")
    if fa.hedge is None and fb.hedge is None:
        if may_be_rounding(fa, fb):
            return _Judgement("conflict", "minor", f"may be rounding: {a.value} vs {b.value}")
        return _Judgement("conflict", "major")
    largest = max(abs(fa.number), abs(fb.number))
    if largest and abs(fa.number - fb.number) / largest < CLOSE_RELATIVE_DIFFERENCE:
        note = f"within {CLOSE_RELATIVE_DIFFERENCE:.0%} of each other: {a.value} vs {b.value}"
        return _Judgement("conflict", "minor", note)
    return _Judgement("conflict", "major")


def _splits_differ(a: Fact, b: Fact) -> bool:
    """Two vote splits that differ in any count, even with the same votes in favour."""
    split_a, split_b = vote_split(a), vote_split(b)
    return split_a is not None and split_b is not None and split_a != split_b


def _dates_consistent(a: _Group, b: _Group) -> _Judgement:
    if TIME_UNIT in (a.first.unit, b.first.unit):  # times of day: hedged windows (times.py)
        if times_agree(a.first, b.first):
            return _Judgement("agreed", note=f"compatible within hedge: {a.value} / {b.value}")
        return _Judgement("conflict", "major")
    # "2025" and "2025-04-14" agree at the coarser precision; "2025-Q2" holds "2025-05".
    short, long = sorted((a.first.value, b.first.value), key=len)
    if periods_agree(short, long):
        return _Judgement("agreed", note=f"consistent at different precision: {short} / {long}")
    return _Judgement("conflict", "major")


def _titles_consistent(a: _Group, b: _Group) -> _Judgement:
    """ "Former X" vs "X" agree when every "X" sentence frames it in the past ("who was")."""
    former, current = (a, b) if is_former(a.first) else (b, a)
    same_office = office_key(former.first.predicate or former.first.value) == office_key(
        current.first.predicate or current.first.value
    )
    past = all(describes_past(fact) for fact in current.facts)
    if same_office and past and is_former(former.first) and not is_former(current.first):
        return _Judgement("agreed", note=f"{current.value} is told in the past tense")
    return _Judgement("conflict", "major")


def _inferred_years(groups: Sequence[_Group], articles: Mapping[str, Article]) -> list[str]:
    """Notes on dates whose year no article wrote: a conflict on the year may be the
    inference's, not the outlet's ("year of 2025-04-14 inferred from weekday (Herald)")."""
    notes = []
    for group in groups:
        for fact in group.facts:
            if fact.hedge is not None and fact.hedge in _INFERRED_YEAR_HEDGES:
                reason = fact.hedge.removeprefix("year ")
                outlet = _outlet(fact.article, articles)
                notes.append(f"year of {fact.value} {reason} ({outlet})")
    return list(dict.fromkeys(notes))


def _always_conflict(a: _Group, b: _Group) -> _Judgement:
    return _Judgement("conflict", "major")


_PAIR_JUDGES: dict[str, Callable[[_Group, _Group], _Judgement]] = {
    "quantity": _compare_figures,
    "date": _dates_consistent,
    "person_role": _titles_consistent,
    "claim": _always_conflict,
}


def _judge(kind: str, groups: Sequence[_Group], articles: Mapping[str, Article]) -> _Judgement:
    """Agreed or conflict (with severity and notes) for variants from several articles."""
    if len(groups) > 1 and kind in ("quote", "entity"):
        return _Judgement("agreed", note=f"{len(groups)} wordings")  # wording is no conflict
    pair_judge = _PAIR_JUDGES.get(kind)
    if len(groups) == 1 or pair_judge is None:
        return _Judgement("agreed")
    verdicts = [pair_judge(a, b) for a, b in combinations(groups, 2)]
    conflicts = [v for v in verdicts if v.status == "conflict"]
    if not conflicts:
        notes = list(dict.fromkeys(v.note for v in verdicts if v.note))
        return _Judgement("agreed", note="; ".join(notes) or None)
    severity: Severity = "major" if any(v.severity == "major" for v in conflicts) else "minor"
    notes = list(dict.fromkeys(v.note for v in conflicts if v.note))
    if kind == "date":
        notes.extend(_inferred_years(groups, articles))
    notes.append(_who_says(groups, articles))
    return _Judgement("conflict", severity, "; ".join(notes))


# Sources that are records rather than people ("according to figures published by the
# election office", "official data show"): a figure taken from them is no quoted opinion.
_RECORD_SOURCES = frozenset(
    {"figure", "figures", "data", "statistics", "results", "record", "records", "count"}
    | {"tally", "census"}
)


# How far around a source's name its description is looked for ("analyst Kim Lee",
# "Kim Lee, chief economist at Norbank"): a short apposition, not the whole sentence.
COMMENTATOR_REACH = 30
# People whose statements are judgements rather than news an outlet passes on.
_COMMENTATORS = re.compile(
    r"\b(?:analysts?|economists?|experts?|critics?|observers?|commentators?|strategists?|"
    r"pundits?|consultants?|academics?|historians?)\b",
    re.IGNORECASE,
)


def _attributed(fact: Fact) -> bool:
    """Stated in someone's name, not the reporter's and not from a record."""
    if not fact.attributed_to:
        return False
    words = fact.attributed_to.casefold().split()
    return not (words and words[-1] in _RECORD_SOURCES)


def _quoted(fact: Fact, reporting_articles: frozenset[str]) -> bool:
    """A quoted opinion: a speaker's own words in quotation marks, a commentator's view, or
    anyone's word set against the reporter's own in the same article.

    Reported speech of an official ("the first case was on 18 September, she said") is the
    outlet passing on a source's statement as news, and conflicts in full.
    """
    return _attributed(fact) and (
        _inside_quotation_marks(fact)
        or _by_a_commentator(fact)
        or fact.article in reporting_articles
    )


def _by_a_commentator(fact: Fact) -> bool:
    """The source is described as a commentator: in its own name ("an analyst") or just
    before it in the sentence ("analyst Kim Lee", "Kim Lee, an economist at ...")."""
    source = fact.attributed_to or ""
    if _COMMENTATORS.search(source):
        return True
    text = fact.evidence.text
    at = text.find(source) if source else -1
    if at < 0:
        return False
    before = text[max(0, at - COMMENTATOR_REACH) : at]
    after = text[at + len(source) : at + len(source) + COMMENTATOR_REACH]
    apposition = after.startswith(",") and _COMMENTATORS.search(after) is not None
    return _COMMENTATORS.search(before) is not None or apposition


def _inside_quotation_marks(fact: Fact) -> bool:
    """The value (or, without a span, any part of the sentence) lies inside quotation marks;
    a quote left open from an earlier sentence counts from the sentence start."""
    text = fact.evidence.text
    if fact.span is None:
        return any(mark in text for mark in '"“”')
    before = text[: max(0, fact.span.start - fact.evidence.start)]
    curly_open = before.count("“") - before.count("”")
    # A quote opened in an earlier sentence: the first curly mark after the value closes it.
    next_mark = re.search("[“”]", text[len(before) :])
    carried_over = "“" not in before and next_mark is not None and next_mark.group() == "”"
    return curly_open > 0 or before.count('"') % 2 == 1 or (curly_open == 0 and carried_over)


def _weigh_attribution(
    kind: str, groups: Sequence[_Group], judgement: _Judgement, articles: Mapping[str, Article]
) -> _Judgement:
    """A conflict between a quoted opinion and the reporting is noted as such."""
    reporting = frozenset(f.article for g in groups for f in g.facts if not _attributed(f))

    def _quoted_here(fact: Fact) -> bool:
        return _quoted(fact, reporting)

    for group in groups:
        quoted = all(_quoted_here(f) for f in group.facts)  # the whole side, not one outlet
        own_elsewhere = any(
            not _quoted_here(f) for other in groups if other is not group for f in other.facts
        )
        if not quoted or not own_elsewhere:
            continue
        fact = group.first
        note = f"one side is the opinion of {fact.attributed_to}, quoted in "
        note += _outlet(fact.article, articles)
        own_facts = [f for g in groups for f in g.facts if not _quoted_here(f)]
        own_voice = _judge(kind, _group_facts(own_facts), articles)
        severity = "minor" if own_voice.status == "agreed" else judgement.severity
        return _Judgement("conflict", severity, f"{judgement.note}; {note}")
    return judgement


def _when(article_id: str, articles: Mapping[str, Article]) -> str:
    stamp = _published(article_id, articles)
    return stamp.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if stamp else "undated"


def _detect_update(
    groups: Sequence[_Group], articles: Mapping[str, Article]
) -> tuple[list[_Group], str] | None:
    """Figures that only grow with publication time, later ones saying so or counting a
    thing that only grows: latest first."""
    moments: list[tuple[datetime, float, str, Fact]] = []
    for fact in (f for g in groups for f in g.facts):
        stamp = _published(fact.article, articles)
        if stamp is None or fact.number is None:
            return None
        moments.append((stamp, fact.number, fact.article, fact))
    if any(vote_split(moment[3]) is not None for moment in moments):
        return None  # a vote's result is final, never a running count
    if len({moment[1] for moment in moments}) < 2:
        return None  # "about 120" and "120": one figure, hedged or not, never moved on
    moments.sort(key=lambda m: m[:3])
    for (t_a, n_a, _, _), (t_b, n_b, _, _) in combinations(moments, 2):
        if n_a > n_b or (t_a == t_b and n_a != n_b):
            return None  # a figure fell, or two figures at one moment: not an update
    lowest = moments[0][1]
    # A count that only grows (people evacuated, homes destroyed) moves on without saying so.
    cumulative = any(counts_what_only_grows(moment[3]) for moment in moments)
    for group in groups:
        grew = group.first.number is not None and group.first.number > lowest
        if not grew or says_it_grew(group.facts):
            continue
        if not cumulative or _outvoted(group, groups):
            return None
    first, last = moments[0][3], moments[-1][3]
    note = (
        f"rose from {first.value} ({_outlet(first.article, articles)}, "
        f"{_when(first.article, articles)}) to {last.value} "
        f"({_outlet(last.article, articles)}, {_when(last.article, articles)})"
    )
    return sorted(groups, key=lambda g: -(g.first.number or 0.0)), note


def _outvoted(higher: _Group, groups: Sequence[_Group]) -> bool:
    """A higher figure told flatly by one outlet against a lower one that several outlets
    agree on ("three wounded" in three reports, "five wounded" in one): more likely that
    outlet's error than the count moving on, which later reports would say or share."""
    number = higher.first.number
    if number is None or len(_articles_of(higher)) > 1:
        return False
    # Outlets per lower number, across wordings ("nearly 300" and "almost 300" are one count).
    support: dict[float, set[str]] = {}
    for group in groups:
        if group.first.number is not None and group.first.number < number:
            support.setdefault(group.first.number, set()).update(_articles_of(group))
    return any(len(outlets) >= CONSENSUS_OUTLETS for outlets in support.values())


def _articles_of(group: _Group) -> set[str]:
    return {fact.article for fact in group.facts}


def _variant(group: _Group) -> Variant:
    first = group.first
    is_figure = first.kind in ("quantity", "date")
    return Variant(
        value=group.value,
        articles=tuple(dict.fromkeys(f.article for f in group.facts)),
        evidence=tuple(f.evidence for f in group.facts),
        number=first.number if first.kind == "quantity" else None,
        unit=first.unit if is_figure else None,
        hedge=_shared_hedge(group) if is_figure else None,
    )


def _shared_hedge(group: _Group) -> str | None:
    """A figure's hedge (part of its value); a date's when every article's date carries it
    (one article writing the year outright makes that date no inference)."""
    hedges = {fact.hedge for fact in group.facts}
    return hedges.pop() if len(hedges) == 1 else None


def _finding_id(slot: Slot, article_ids: Sequence[str]) -> str:
    digest = hashlib.sha1("\n".join([slot.key, *article_ids]).encode("utf-8"))
    return "f-" + digest.hexdigest()[:12]


def compare_slot(slot: Slot, articles: Mapping[str, Article]) -> Finding:
    """Judge one slot: single_source, agreed, conflict (major/minor) or updated."""
    return _judge_slot(slot, articles, stale=False)


def _judge_slot(slot: Slot, articles: Mapping[str, Article], *, stale: bool) -> Finding:
    """Judge a slot; a ``stale`` one sets the latest figure against one already outdated
    when it was published, which is the outlet's error whoever it quotes for it."""
    facts = sorted(slot.facts, key=lambda fact: fact.text_order)
    article_ids = sorted({f.article for f in facts})
    groups = _group_facts(facts)
    voices = {(f.article, f.attributed_to) for f in facts}
    if len(article_ids) < 2:
        judgement = _Judgement("single_source")
        within = _judge(slot.kind, groups, articles) if len(voices) > 1 else judgement
        if within.status == "conflict":  # the reporter against someone the article quotes
            judgement = _weigh_attribution(slot.kind, groups, within, articles)
    else:
        update = _detect_update(groups, articles) if slot.kind == "quantity" else None
        if len(groups) > 1 and update is not None:
            groups, note = update
            judgement = _Judgement("updated", note=note)
        else:
            judgement = _judge(slot.kind, groups, articles)
            if judgement.status == "conflict" and stale:
                note = f"stale figure, published after a higher one; {judgement.note}"
                judgement = _Judgement("conflict", judgement.severity, note)
            elif judgement.status == "conflict":
                judgement = _weigh_attribution(slot.kind, groups, judgement, articles)
    return Finding(
        id=_finding_id(slot, article_ids),
        kind=slot.kind,
        status=judgement.status,
        about=slot.about,
        variants=tuple(_variant(g) for g in groups),
        severity=judgement.severity,
        note=judgement.note,
    )


def _stale_facts(slot: Slot, articles: Mapping[str, Article]) -> list[Fact]:
    """Figures published after a higher one without rising past it: an old figure repeated."""
    if slot.kind != "quantity":
        return []
    stale = []
    for fact in slot.facts:
        stamp = _published(fact.article, articles)
        if stamp is None or fact.number is None:
            return []
        earlier = [
            other.number
            for other in slot.facts
            if other.number is not None
            and (moment := _published(other.article, articles)) is not None
            and moment < stamp
        ]
        if earlier and fact.number < max(earlier):
            stale.append(fact)
    return stale


def _split_stale(slot: Slot, articles: Mapping[str, Article]) -> list[Finding]:
    """A rising figure with a later outlet repeating an old one: the update, and a conflict
    between the latest figure and the stale one."""
    stale = _stale_facts(slot, articles)
    rest = [f for f in slot.facts if f not in stale]
    if not stale or len({f.article for f in rest}) < 2:
        return [compare_slot(slot, articles)]
    history = compare_slot(Slot(slot.kind, slot.key, slot.about, tuple(rest)), articles)
    if history.status != "updated":
        return [compare_slot(slot, articles)]
    latest = max(rest, key=lambda f: (f.number or 0.0, f.text_order))
    facts = (*[f for f in rest if f.number == latest.number], *stale)
    stale_slot = Slot(slot.kind, f"{slot.key}:stale", slot.about, facts)
    return [history, _judge_slot(stale_slot, articles, stale=True)]


def compare_slots(slots: Sequence[Slot], articles: Mapping[str, Article]) -> list[Finding]:
    """Judge every slot; conflicts first, then updated, agreed, single source (stable)."""
    findings = [finding for slot in slots for finding in _split_stale(slot, articles)]
    return sorted(findings, key=lambda finding: _STATUS_ORDER[finding.status])
