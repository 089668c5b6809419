"""Thin Typer commands over the pipeline and the store.

Exit codes: 0 all inputs read; 1 error (``Error: ...``); 2 usage error; 3 the job finished but
some inputs were set aside (each is listed with its reason).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from consilience import __version__
from consilience.errors import ConsilienceError
from consilience.incremental import recluster_stories, update_stories
from consilience.models import Report, SkippedInput
from consilience.pipeline import analyze_articles, ingest_inputs
from consilience.report import write_report
from consilience.settings import Settings, describe_settings, load_settings
from consilience.store import Store

__all__ = ["app", "main"]

EXIT_SKIPPED = 3
MAX_CONFLICTS_SHOWN = 8

app = typer.Typer(
    help="Line up what many outlets say about one event: agreed, conflicting and "
    "single-source facts, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

InputsArg = Annotated[
    list[str], typer.Argument(help="Files, directories (read recursively) or http(s) URLs.")
]
DbOption = Annotated[Path | None, typer.Option("--db", help="SQLite store to add articles to.")]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Settings file (default: ./consilience.toml).")
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy model: 'auto', 'none' (rules only) or a package name."),
]


def _settings(config: Path | None, model: str | None) -> Settings:
    return load_settings(config=config, overrides={"spacy_model": model})


@contextmanager
def _open_store(db: Path | None) -> Iterator[Store]:
    """The store named by ``--db``, or a temporary one that disappears after the run."""
    if db is not None:
        with Store.open(db) as store:
            yield store
        return
    with (
        tempfile.TemporaryDirectory(prefix="consilience-") as tmp,
        Store.open(Path(tmp) / "store.sqlite") as store,
    ):
        yield store


def _print_skipped(skipped: Sequence[SkippedInput]) -> None:
    for item in skipped:
        err_console.print(f"[yellow]Skipped[/] {escape(item.source)}: {escape(item.reason)}")


def _print_summary(report: Report, out: Path) -> None:
    articles = sum(len(s.story.articles) for s in report.stories)
    table = Table(title=f"{len(report.stories)} stories from {articles} articles")
    for column in ("Story", "Articles", "Conflicts", "Updated", "Agreed", "Single source"):
        table.add_column(column, overflow="fold")
    for story_report in report.stories:
        statuses = [finding.status for finding in story_report.findings]
        table.add_row(
            escape(story_report.story.headline),
            str(len(story_report.story.articles)),
            str(statuses.count("conflict")),
            str(statuses.count("updated")),
            str(statuses.count("agreed")),
            str(statuses.count("single_source")),
        )
    console.print(table)
    conflicts = [
        (story_report.story, finding)
        for story_report in report.stories
        for finding in story_report.findings
        if finding.status == "conflict"
    ]
    for _story, finding in conflicts[:MAX_CONFLICTS_SHOWN]:
        values = " vs ".join(repr(variant.value) for variant in finding.variants)
        severity = f" ({finding.severity})" if finding.severity else ""
        # Article text is untrusted: escape it so "[...]" in a quote is not read as markup.
        console.print(f"[red]Conflict{severity}[/] {escape(finding.about)}: {escape(values)}")
    if len(conflicts) > MAX_CONFLICTS_SHOWN:
        console.print(f"... and {len(conflicts) - MAX_CONFLICTS_SHOWN} more conflicts")
    console.print(f"Wrote {out / 'report.json'}, {out / 'report.md'}, {out / 'report.html'}")


def _finish(skipped: Sequence[SkippedInput]) -> None:
    if skipped:
        _print_skipped(skipped)
        err_console.print(f"{len(skipped)} input(s) were set aside.")
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def analyze(
    inputs: InputsArg,
    out: Annotated[Path, typer.Option("--out", help="Directory for report.json/.md/.html.")],
    db: DbOption = None,
    config: ConfigOption = None,
    model: ModelOption = None,
) -> None:
    """Ingest inputs and write a report of agreements, conflicts and single-source facts.

    Without --db the articles go into a temporary store; with --db they are added to that store
    and the report covers every article in it.
    """
    settings = _settings(config, model)
    ingested = ingest_inputs(inputs, settings)
    with _open_store(db) as store:
        store.add_articles(ingested.articles)
        store.record_skipped(ingested.skipped)
        articles = store.articles()
    report = analyze_articles(articles, settings, ingested.skipped)
    write_report(report, out)
    _print_summary(report, out)
    _finish(report.skipped)


@app.command()
def ingest(
    inputs: InputsArg,
    db: Annotated[Path, typer.Option("--db", help="SQLite store to add articles to.")],
    config: ConfigOption = None,
) -> None:
    """Read and clean inputs, add them to a store and assign each new article to a story.

    A new article joins the stored story it fits best or opens a new one (stories stay open
    to new articles for story_window_days); an article already stored is kept once.
    """
    settings = load_settings(config=config)
    ingested = ingest_inputs(inputs, settings)
    with Store.open(db) as store:
        result = store.add_articles(ingested.articles)
        store.record_skipped(ingested.skipped)
        stories = update_stories(store, settings)
        total = store.count_articles()
    console.print(
        f"Added {len(result.added)} article(s), {len(result.existing)} already stored; "
        f"{total} in {db}."
    )
    console.print(
        f"Stories: {stories.joined} of {stories.articles} new article(s) joined stored "
        f"stories; {stories.opened} new story(ies) opened."
    )
    _finish(ingested.skipped)


@app.command()
def recluster(
    db: Annotated[Path, typer.Option("--db", help="SQLite store whose stories to rebuild.")],
    config: ConfigOption = None,
) -> None:
    """Rebuild every story of a store from scratch, streaming all its articles again.

    Use it after changing story_join_threshold or story_window_days, or to let articles
    ingested out of publication order settle into the stories they would form in order.
    """
    settings = load_settings(config=config)
    if not db.is_file():
        raise ConsilienceError(f"{db}: no such store (create one with 'consilience ingest')")
    with Store.open(db) as store:
        stories = recluster_stories(store, settings)
    console.print(f"Reclustered {stories.articles} article(s) into {stories.opened} story(ies).")


@app.command()
def report(
    db: Annotated[Path, typer.Option("--db", help="SQLite store to report on.")],
    out: Annotated[Path, typer.Option("--out", help="Directory for report.json/.md/.html.")],
    config: ConfigOption = None,
    model: ModelOption = None,
) -> None:
    """Write a report on every article already in a store, in the stories ingest assigned."""
    settings = _settings(config, model)
    if not db.is_file():
        raise ConsilienceError(f"{db}: no such store (create one with 'consilience ingest')")
    with Store.open(db) as store:
        articles = store.articles()
        assignments = store.story_assignments()
    result = analyze_articles(articles, settings, assignments=assignments or None)
    write_report(result, out)
    _print_summary(result, out)


@app.command(name="eval")
def evaluate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Label files or directories holding them (default: tests/fixtures)."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every missed and false conflict.")
    ] = False,
    config: ConfigOption = None,
    model: ModelOption = None,
) -> None:
    """Score the pipeline against labelled corpora: conflict precision/recall, statuses, stories."""
    from consilience.evaluate import run_eval  # imported here: only this command needs it

    settings = _settings(config, model)
    code = run_eval(paths or [Path("tests/fixtures")], settings, console, verbose=verbose)
    if code:
        raise typer.Exit(code)


@app.command(name="settings")
def show_settings() -> None:
    """List every setting with its default and what it does."""
    table = Table(title="Settings (consilience.toml [consilience], CONSILIENCE_<NAME> env)")
    for column in ("Name", "Default", "Help"):
        table.add_column(column, overflow="fold")
    for row in describe_settings():
        table.add_row(row["name"], row["default"], row["help"])
    console.print(table)


@app.command()
def version() -> None:
    """Print the version."""
    console.print(__version__)


def main() -> None:
    """Entry point: run the app and turn our errors into one line and exit code 1."""
    try:
        app()
    except ConsilienceError as exc:
        err_console.print(f"Error: {exc}", markup=False)
        raise SystemExit(1) from None
