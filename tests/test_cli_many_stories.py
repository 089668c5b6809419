"""`consilience analyze` on a feed of several stories with wire copies: the report's stories are
exactly the labelled events, and every copy is noted as the same text as its original."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

CLUSTERS = Path(__file__).parent / "fixtures" / "clusters" / "corpus.jsonl"
# Hard negatives in pairs: the same city and beat on other days, the same person on two trips,
# the same trial's verdict and its sentencing weeks later, two shootings in one city.
EVENTS = {
    "fire-drevna-tower",
    "fire-drevna-warehouse",
    "shooting-port-callan-club",
    "shooting-port-callan-mall",
    "trial-tollan-verdict",
    "trial-tollan-sentencing",
    "visit-roth-karth",
    "visit-roth-marsovia",
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The chosen events' records as one JSON Lines feed, and the report made from it."""
    lines = CLUSTERS.read_text(encoding="utf-8").splitlines()
    records = [record for record in map(json.loads, lines) if record["story"] in EVENTS]
    folder = tmp_path_factory.mktemp("feed")
    path = folder / "feed.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    out = folder / "report"
    result = subprocess.run(
        [sys.executable, "-m", "consilience", "analyze", str(path), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return records, report


def _position(source: str) -> int:
    """The record number of a JSON Lines source name ("feed.jsonl#3" -> 3)."""
    return int(source.rsplit("#", 1)[1])


def test_the_feed_holds_copies_and_every_event(
    feed: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    records, _report = feed
    assert {record["story"] for record in records} == EVENTS
    assert any(record["copy_group"] != record["id"] for record in records)


def test_each_story_in_the_report_is_exactly_one_labelled_event(
    feed: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    records, report = feed
    expected: dict[str, set[int]] = defaultdict(set)
    for position, record in enumerate(records, 1):
        expected[record["story"]].add(position)
    found = [
        {_position(article["source"]) for article in story["articles"]}
        for story in report["stories"]
    ]
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected.values()))


def test_every_wire_copy_is_noted_as_the_same_text_as_its_original(
    feed: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    records, report = feed
    articles = [article for story in report["stories"] for article in story["articles"]]
    by_id = {article["id"]: _position(article["source"]) for article in articles}
    noted: dict[int, set[int]] = defaultdict(set)
    for article in articles:
        for note in article["notes"]:
            if note["kind"] == "same_text":
                noted[by_id[article["id"]]].update(by_id[other] for other in note["related"])
    position_of = {record["id"]: position for position, record in enumerate(records, 1)}
    for position, record in enumerate(records, 1):
        original = position_of[record["copy_group"]]
        if original != position:
            assert original in noted[position], f"copy {record['id']} of {record['copy_group']}"


def test_stories_are_listed_by_size_then_recency_with_their_outlets(
    feed: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    _records, report = feed
    stories = report["stories"]
    order = [(len(story["articles"]), story["last_published"]) for story in stories]
    assert order == sorted(order, reverse=True), "largest first, then the latest news first"
    for story in stories:
        outlets = {article["outlet"] for article in story["articles"]}
        assert story["outlets"] == sorted(outlets)
        assert story["headline"] in {article["title"] for article in story["articles"]}
