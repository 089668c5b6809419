"""The only module that calls every stage: ingest -> clean -> extract -> cluster -> align ->
compare -> report.

One broken article never stops a batch: each per-article step runs inside a loop that sets the
article aside as a ``SkippedInput`` with the reason, and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from consilience.align import align_facts, alignment_encoder
from consilience.clean import clean_article, machine_text_signs
from consilience.cluster import cluster_stories, stories_from_assignments
from consilience.compare import compare_slots
from consilience.dedup import CopyGroups, find_copies, independent_sources
from consilience.extract import Nlp, canonical_names, load_nlp
from consilience.extract.dates import WEEKDAY_MISMATCH
from consilience.extract_workers import (
    Outcome,
    analyze_in_workers,
    analyze_serially,
    describe_failure,
    worker_count,
)
from consilience.ingest import read_inputs
from consilience.models import (
    Analysis,
    Article,
    ArticleNote,
    Finding,
    Report,
    SkippedInput,
    Story,
    StoryReport,
)
from consilience.settings import Settings

__all__ = [
    "Ingested",
    "analyze_articles",
    "analyze_each",
    "ingest_inputs",
    "report_story",
    "run_analysis",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Ingested:
    """Articles read and cleaned from a batch of inputs, and the inputs set aside."""

    articles: tuple[Article, ...]
    skipped: tuple[SkippedInput, ...]


def ingest_inputs(inputs: Sequence[str], settings: Settings) -> Ingested:
    """Read and clean every input; unreadable ones are set aside with a reason.

    >>> ingest_inputs(["examples/sample-corpus"], Settings()).articles  # doctest: +SKIP
    """
    # Step 1: read files, directories and URLs into raw documents.
    result = read_inputs(inputs, settings)
    skipped = list(result.skipped)
    # Step 2: clean each document; the same content read twice is kept once.
    articles: dict[str, Article] = {}
    for raw in result.documents:
        try:
            article = clean_article(raw, settings)
        except Exception as exc:  # one broken article never stops a batch
            skipped.append(SkippedInput(raw.source, describe_failure(exc)))
            continue
        articles.setdefault(article.id, article)
    return Ingested(tuple(articles.values()), tuple(skipped))


def analyze_each(
    articles: Sequence[Article], nlp: Nlp, settings: Settings, skipped: list[SkippedInput]
) -> list[Analysis]:
    """Extract every article's facts in article order; a failing article is set aside.

    With ``parse_processes`` above 1 and enough articles to repay starting them, worker
    processes do the parsing and extraction; the results are the same as in one process.
    """
    workers = worker_count(settings, len(articles), nlp.has_parser)
    if workers > 1:
        outcomes: Iterable[Outcome] = analyze_in_workers(articles, nlp, settings, workers)
    else:
        outcomes = analyze_serially(articles, nlp)
    analyses: list[Analysis] = []
    for outcome in outcomes:
        if isinstance(outcome, Analysis):
            analyses.append(outcome)
        else:
            skipped.append(outcome)
    return analyses


def analyze_articles(
    articles: Sequence[Article],
    settings: Settings,
    skipped: Sequence[SkippedInput] = (),
    progress: Callable[[str], None] | None = None,
    assignments: Mapping[str, str] | None = None,
) -> Report:
    """Extract, cluster, align and compare cleaned articles into a ``Report``.

    ``assignments`` (article id -> story id, as a store keeps them) replaces clustering, so a
    report on a store shows the stories that incremental ingest built.
    """
    notify = progress or (lambda _message: None)
    set_aside = list(skipped)
    # Step 3: extract sentences, entities and facts from every article.
    notify(f"extracting facts from {len(articles)} articles")
    nlp = load_nlp(settings)
    analyses = analyze_each(articles, nlp, settings, set_aside)
    # Step 4: group articles into stories.
    notify("clustering articles into stories")
    if assignments is None:
        stories = cluster_stories(analyses, settings)
    else:
        stories = stories_from_assignments(analyses, assignments)
    by_article = {analysis.article.id: analysis for analysis in analyses}
    story_reports = [report_story(story, by_article, settings) for story in stories]
    return Report(
        generated_at=datetime.now(UTC),
        stories=tuple(story_reports),
        skipped=tuple(set_aside),
    )


def report_story(story: Story, by_article: dict[str, Analysis], settings: Settings) -> StoryReport:
    """Align, compare and annotate one story's facts: steps 5 and 6 of the pipeline."""
    members = [by_article[article.id] for article in story.articles]
    # Step 5: line up what the story's articles state (names resolved story-wide).
    aliases = canonical_names([entity for member in members for entity in member.entities])
    facts = [fact for member in members for fact in member.facts]
    # MiniLM embeddings (the optional ml extra) only break near-ties between facts.
    slots = align_facts(facts, aliases, encoder=alignment_encoder(settings))
    # Step 6: judge each slot: agreed, conflict, updated or single source; wire copies of one
    # text count as one independent source.
    articles = {article.id: article for article in story.articles}
    copies = find_copies(story.articles, settings)
    findings = [_count_sources(finding, copies) for finding in compare_slots(slots, articles)]
    return StoryReport(story, tuple(findings), tuple(_article_notes(members, copies)))


def _count_sources(finding: Finding, copies: CopyGroups) -> Finding:
    ids = {article for variant in finding.variants for article in variant.articles}
    return replace(finding, independent_sources=independent_sources(ids, copies))


def _article_notes(members: Sequence[Analysis], copies: CopyGroups) -> list[ArticleNote]:
    """What a reader should know per article: copies, machine-written signs, self-contradiction."""
    notes = []
    for member in members:
        article = member.article
        for group in copies.groups:
            if article.id in group:
                others = tuple(other for other in group if other != article.id)
                notes.append(ArticleNote(article.id, "same_text", "same text as", others))
        for sign in machine_text_signs(article.text, article.removed):
            notes.append(ArticleNote(article.id, "machine_text", sign))
        for fact in member.facts:
            if fact.kind == "date" and fact.hedge == WEEKDAY_MISMATCH:
                text = f"weekday does not match the date {fact.value}: {fact.evidence.text!r}"
                notes.append(ArticleNote(article.id, "inconsistency", text))
    return notes


def run_analysis(
    inputs: Sequence[str],
    settings: Settings,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Ingest inputs and analyse them in one go (no store)."""
    ingested = ingest_inputs(inputs, settings)
    return analyze_articles(ingested.articles, settings, ingested.skipped, progress)
