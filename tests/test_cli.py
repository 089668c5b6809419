"""The CLI end to end: real processes, real files, a real SQLite store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consilience.report import validate_report

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO / "examples" / "sample-corpus"
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
COMMANDS = ["analyze", "eval", "ingest", "recluster", "report", "settings", "version"]

pytestmark = pytest.mark.slow


def run_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m consilience`` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "consilience", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
        check=False,
    )


def load_report(out: Path) -> dict[str, object]:
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout
    assert len(result.stdout.strip().splitlines()) > 3


def test_top_level_help_lists_every_command() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_analyze_sample_corpus_writes_three_valid_reports(tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = run_cli("analyze", SAMPLE_CORPUS, "--out", out)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} >= {"report.json", "report.md", "report.html"}
    data = load_report(out)
    validate_report(data)
    stories = data["stories"]
    assert isinstance(stories, list)
    sizes = sorted(len(story["articles"]) for story in stories)
    assert sizes[-1] >= 5, "the covered event gathers the outlets' reports into one story"
    assert 1 in sizes, "the unrelated article stands in a story of its own"
    assert "stories from" in result.stdout


def test_evidence_offsets_point_into_the_article_text(tmp_path: Path) -> None:
    out = tmp_path / "report"
    assert run_cli("analyze", SAMPLE_CORPUS, "--out", out).returncode == 0
    for story in load_report(out)["stories"]:  # type: ignore[attr-defined]
        texts = {article["id"]: article["text"] for article in story["articles"]}
        for finding in story["findings"]:
            for variant in finding["variants"]:
                for evidence in variant["evidence"]:
                    text = texts[evidence["article"]]
                    assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_a_broken_input_is_named_set_aside_and_the_batch_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        "Council approves harbour budget\n\nThe city council approved a budget of 12 million "
        "euros for the harbour on Tuesday, the mayor said.\n",
        encoding="utf-8",
    )
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "report"
    result = run_cli("analyze", corpus, "--out", out)
    assert result.returncode == 3, result.stderr
    assert "photo.jpg" in result.stderr and "empty.txt" in result.stderr
    data = load_report(out)
    skipped = {Path(item["source"]).name for item in data["skipped"]}  # type: ignore[attr-defined]
    assert skipped == {"photo.jpg", "empty.txt"}
    assert sum(len(story["articles"]) for story in data["stories"]) == 1  # type: ignore[attr-defined]


def test_ingesting_twice_stores_each_article_once(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    first = run_cli("ingest", SAMPLE_CORPUS, "--db", db)
    assert first.returncode == 0, first.stderr
    second = run_cli("ingest", SAMPLE_CORPUS, "--db", db)
    assert second.returncode == 0, second.stderr
    assert "Added 0 article(s)" in second.stdout
    out = tmp_path / "report"
    assert run_cli("report", "--db", db, "--out", out).returncode == 0
    stored = sum(len(s["articles"]) for s in load_report(out)["stories"])  # type: ignore[attr-defined]
    assert f"{stored} in" in second.stdout


def test_our_errors_are_one_line_and_exit_1(tmp_path: Path) -> None:
    result = run_cli("report", "--db", tmp_path / "missing.sqlite", "--out", tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ")
    assert "missing.sqlite" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_settings_file_is_reported_by_name(tmp_path: Path) -> None:
    config = tmp_path / "consilience.toml"
    config.write_text("[consilience]\nno_such_setting = 1\n", encoding="utf-8")
    result = run_cli("analyze", SAMPLE_CORPUS, "--out", tmp_path / "o", "--config", config)
    assert result.returncode == 1
    assert "no_such_setting" in result.stderr and "Available" in result.stderr


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed corpus not present")
def test_seed_story_is_one_story_with_its_boilerplate_listed(tmp_path: Path) -> None:
    out = tmp_path / "seeds"
    result = run_cli("analyze", SEEDS, "--out", out)
    assert result.returncode == 0, result.stderr
    data = load_report(out)
    validate_report(data)
    stories = data["stories"]
    assert isinstance(stories, list) and len(stories) == 1
    articles = stories[0]["articles"]
    assert len(articles) == 5
    removed = [line for article in articles for line in article["removed"]]
    assert any(line.upper().startswith("ALSO READ") for line in removed)
    assert any(line.upper().startswith("READ ALSO") for line in removed)
    assert any("comments posted here" in line.lower() for line in removed)
    for article in articles:
        lines = article["text"].splitlines()
        assert not any(line.upper().startswith("ALSO READ") for line in lines)


def test_article_text_is_printed_literally_not_as_terminal_markup(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Council [bold]approves[/bold] harbour budget\n\nThe city council approved a budget of "
        "12 million euros for the harbour on Tuesday, the mayor said.\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "consilience", "analyze", str(corpus), "--out", str(tmp_path / "r")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "COLUMNS": "200"},  # wide enough that the headline is not wrapped
    )
    assert result.returncode == 0, result.stderr
    assert "Council [bold]approves[/bold] harbour budget" in result.stdout
