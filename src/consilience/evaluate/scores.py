"""Score one produced ``Report`` against one corpus's labels (docs/EVALUATION.md).

Counts, not ratios, are kept so that totals over corpora are micro-averages: sum the counts,
then divide. Each ratio is None when its denominator is 0 (nothing to judge).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from consilience.evaluate.bcubed import BCubedScore, bcubed, combine_bcubed
from consilience.evaluate.labels import CorpusLabels, LabelledFinding
from consilience.evaluate.matching import (
    covered_values,
    is_sibling,
    matches_as_conflict,
    matches_fully,
    matches_single_source,
    mentions,
)
from consilience.models import Finding, Report, Status

__all__ = ["CorpusScore", "Mistake", "combine_scores", "label_names", "score_report"]


@dataclass(frozen=True, slots=True)
class Mistake:
    """One thing the tool got wrong, in words: what it is about and the values with outlets."""

    what: str
    about: str
    values: tuple[str, ...]

    def describe(self) -> str:
        """One line for a developer: ``what: about -- value (outlets); value (outlets)``."""
        return f"{self.what}: {self.about} -- {'; '.join(self.values)}"


def _ratio(numerator: int, denominator: int) -> float | None:
    return None if denominator == 0 else numerator / denominator


@dataclass(frozen=True, slots=True)
class CorpusScore:
    """The counts behind every metric for one corpus (or a total over several)."""

    name: str
    conflicts_labelled: int
    conflicts_recalled: int
    conflicts_found: int
    conflicts_correct: int
    no_conflict_total: int
    no_conflict_clean: int
    status_total: int
    status_correct: int
    severity_total: int
    severity_correct: int
    stories: BCubedScore
    mistakes: tuple[Mistake, ...] = ()

    @property
    def conflict_precision(self) -> float | None:
        """Produced conflicts that match a labelled conflict / produced conflicts."""
        return _ratio(self.conflicts_correct, self.conflicts_found)

    @property
    def conflict_recall(self) -> float | None:
        """Labelled conflicts matched by a produced conflict / labelled conflicts."""
        return _ratio(self.conflicts_recalled, self.conflicts_labelled)

    @property
    def no_false_conflict(self) -> float | None:
        """``no_conflict`` pairs that no produced conflict sets against each other / pairs."""
        return _ratio(self.no_conflict_clean, self.no_conflict_total)

    @property
    def status_accuracy(self) -> float | None:
        """Agreed, updated and single-source labels found with that status / such labels."""
        return _ratio(self.status_correct, self.status_total)

    @property
    def severity_accuracy(self) -> float | None:
        """Recalled conflicts with a labelled severity given that severity / such conflicts."""
        return _ratio(self.severity_correct, self.severity_total)


def label_names(report: Report, labels: CorpusLabels) -> dict[str, str]:
    """Article id -> label name, by source path suffix (the longest name that fits)."""
    names: dict[str, str] = {}
    for story in report.stories:
        for article in story.story.articles:
            source = article.source.replace("\\", "/")
            fits = [n for n in labels.articles if source == n or source.endswith("/" + n)]
            names[article.id] = max(fits, key=len) if fits else article.source
    return names


def _variants_line(finding: Finding, names: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(
        f"{v.value} ({', '.join(names.get(a, a) for a in v.articles)})" for v in finding.variants
    )


def _label_line(label: LabelledFinding) -> tuple[str, ...]:
    return tuple(f"{v.text} ({', '.join(v.sources) or '?'})" for v in label.values)


def _accepted(label: LabelledFinding, labels: Sequence[LabelledFinding]) -> set[Status]:
    """Statuses a produced finding may carry to count for ``label``."""
    accepted: set[Status] = {label.status}
    if any(is_sibling(label, other) for other in labels):
        accepted |= {"updated", "conflict"}
    return accepted


def _score_conflicts(
    labels: Sequence[LabelledFinding],
    findings: Sequence[Finding],
    names: Mapping[str, str],
) -> tuple[dict[str, int], list[Mistake]]:
    counts = dict.fromkeys(("recalled", "severity_total", "severity_correct"), 0)
    mistakes: list[Mistake] = []
    for label in (lb for lb in labels if lb.status == "conflict"):
        accepted = _accepted(label, labels)
        hits = [f for f in findings if f.status in accepted and matches_as_conflict(f, label)]
        if not hits:
            mistakes.append(Mistake("missed conflict", label.about, _label_line(label)))
            continue
        counts["recalled"] += 1
        if label.severity is not None:
            counts["severity_total"] += 1
            counts["severity_correct"] += any(f.severity == label.severity for f in hits)
    # A produced conflict is right when it matches a conflict label or an update label that
    # shares its slot with one (the stale-figure case).
    targets = [
        lb for lb in labels if lb.status == "conflict" or "conflict" in _accepted(lb, labels)
    ]
    produced = [f for f in findings if f.status == "conflict"]
    counts["found"] = len(produced)
    counts["correct"] = 0
    for finding in produced:
        if any(matches_as_conflict(finding, lb) for lb in targets):
            counts["correct"] += 1
        else:
            line = _variants_line(finding, names)
            mistakes.append(Mistake("false conflict", finding.about, line))
    return counts, mistakes


def _status_hit(finding: Finding, label: LabelledFinding, accepted: set[Status]) -> bool:
    if label.status == "single_source":
        return matches_single_source(finding, label)
    return finding.status in accepted and matches_fully(finding, label)


def score_report(labels: CorpusLabels, report: Report) -> CorpusScore:
    """Count what ``report`` got right and wrong against ``labels``."""
    names = label_names(report, labels)
    findings = [f for story in report.stories for f in story.findings]
    conflicts, mistakes = _score_conflicts(labels.findings, findings, names)
    clean = 0
    for pair in labels.no_conflict:
        offenders = [
            f
            for f in findings
            if f.status == "conflict"
            and mentions(f, pair.match)
            and covered_values(pair.values, f.variants) == len(pair.values)
        ]
        clean += not offenders
        for finding in offenders:
            what = f"conflict between a no_conflict pair ({pair.about})"
            mistakes.append(Mistake(what, finding.about, _variants_line(finding, names)))
    status_labels = [lb for lb in labels.findings if lb.status != "conflict"]
    status_correct = 0
    for label in status_labels:
        accepted = _accepted(label, labels.findings)
        if any(_status_hit(f, label, accepted) for f in findings):
            status_correct += 1
        else:
            mistakes.append(Mistake(f"missed {label.status}", label.about, _label_line(label)))
    predicted = [[names[a.id] for a in story.story.articles] for story in report.stories]
    return CorpusScore(
        name=labels.name,
        conflicts_labelled=sum(lb.status == "conflict" for lb in labels.findings),
        conflicts_recalled=conflicts["recalled"],
        conflicts_found=conflicts["found"],
        conflicts_correct=conflicts["correct"],
        no_conflict_total=len(labels.no_conflict),
        no_conflict_clean=clean,
        status_total=len(status_labels),
        status_correct=status_correct,
        severity_total=conflicts["severity_total"],
        severity_correct=conflicts["severity_correct"],
        stories=bcubed(predicted, labels.stories),
        mistakes=tuple(mistakes),
    )


def combine_scores(scores: Iterable[CorpusScore], name: str = "TOTAL") -> CorpusScore:
    """Sum the counts of several corpora (micro-average); B-cubed over all their articles."""
    scores = list(scores)

    def total(attribute: str) -> int:
        return sum(int(getattr(s, attribute)) for s in scores)

    return CorpusScore(
        name=name,
        conflicts_labelled=total("conflicts_labelled"),
        conflicts_recalled=total("conflicts_recalled"),
        conflicts_found=total("conflicts_found"),
        conflicts_correct=total("conflicts_correct"),
        no_conflict_total=total("no_conflict_total"),
        no_conflict_clean=total("no_conflict_clean"),
        status_total=total("status_total"),
        status_correct=total("status_correct"),
        severity_total=total("severity_total"),
        severity_correct=total("severity_correct"),
        stories=combine_bcubed(s.stories for s in scores),
        mistakes=tuple(m for s in scores for m in s.mistakes),
    )
