"""The story commands end to end: ``ingest`` assigns new articles, ``recluster`` starts over."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from consilience.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO / "examples" / "sample-corpus"
# The sample corpus split by file: two halves that each hold part of the covered event.
FIRST_HALF = ["coastal-times.txt", "daily-ledger.md", "feeds"]
SECOND_HALF = ["harbour-herald.html", "updates.jsonl"]

pytestmark = pytest.mark.slow


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m consilience`` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "consilience", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def ingest(db: Path, *names: str) -> subprocess.CompletedProcess[str]:
    result = run_cli("ingest", *(SAMPLE_CORPUS / name for name in names), "--db", db)
    assert result.returncode == 0, result.stderr
    return result


def stories(db: Path) -> list[list[str]]:
    """The stored stories as sorted groups of article ids, ignoring story ids."""
    with Store.open(db) as store:
        groups: dict[str, list[str]] = {}
        for article_id, story_id in store.story_assignments().items():
            groups.setdefault(story_id, []).append(article_id)
    return sorted(sorted(group) for group in groups.values())


def test_the_halves_cover_the_whole_sample_corpus() -> None:
    assert sorted(p.name for p in SAMPLE_CORPUS.iterdir()) == sorted(FIRST_HALF + SECOND_HALF)


@pytest.mark.parametrize("command", ["ingest", "recluster"])
def test_story_commands_have_help(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout and "--db" in result.stdout
    assert "stor" in result.stdout.lower()


def test_ingest_in_two_halves_gives_the_stories_of_one_ingest_and_of_recluster(
    tmp_path: Path,
) -> None:
    halves, at_once = tmp_path / "halves.sqlite", tmp_path / "once.sqlite"
    first = ingest(halves, *FIRST_HALF)
    second = ingest(halves, *SECOND_HALF)
    whole = ingest(at_once, *FIRST_HALF, *SECOND_HALF)
    assert "new story(ies) opened" in first.stdout
    assert "joined stored stories" in second.stdout
    assert "Stories: 0 of 7 new article(s) joined stored stories; 2 new story(ies)" in (
        " ".join(whole.stdout.split())
    )
    expected = stories(at_once)
    assert sorted(len(group) for group in expected) == [1, 6]
    assert stories(halves) == expected

    result = run_cli("recluster", "--db", halves)
    assert result.returncode == 0, result.stderr
    assert "Reclustered 7 article(s) into 2 story(ies)" in " ".join(result.stdout.split())
    assert stories(halves) == expected


def test_ingesting_the_same_files_again_assigns_nothing_new(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    ingest(db, *FIRST_HALF)
    before = stories(db)
    again = ingest(db, *FIRST_HALF)
    assert "Stories: 0 of 0 new article(s)" in " ".join(again.stdout.split())
    assert stories(db) == before


def test_recluster_of_a_missing_store_is_an_error_naming_it(tmp_path: Path) -> None:
    result = run_cli("recluster", "--db", tmp_path / "missing.sqlite")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and "missing.sqlite" in result.stderr


def test_report_on_a_store_shows_the_stories_ingest_assigned(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    ingest(db, *FIRST_HALF)
    ingest(db, *SECOND_HALF)
    out = tmp_path / "report"
    result = run_cli("report", "--db", db, "--out", out)
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    reported = sorted(sorted(a["id"] for a in story["articles"]) for story in data["stories"])
    assert reported == stories(db)
