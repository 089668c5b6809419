"""Analysis in worker processes: the same results as one process, in order, failures set aside."""

from __future__ import annotations

import os

import pytest

from consilience.errors import SettingsError
from consilience.extract import load_nlp
from consilience.extract.nlp import Nlp
from consilience.extract_workers import (
    CHUNK_ARTICLES,
    MIN_ARTICLES_FOR_WORKERS,
    analyze_in_workers,
    analyze_serially,
    worker_count,
)
from consilience.models import Analysis, Article, SkippedInput
from consilience.pipeline import analyze_each
from consilience.settings import Settings, parse_workers

TOWNS = ["Harrowgate", "Pellmoor", "Quillan Bay", "Dunstreth", "Orvale", "Kestwick"]
TEMPLATES = [
    "Flood waters closed {n} roads around {town} on Tuesday, the county council said.\n\n"
    "Mayor Elsie Varrick told reporters that about {m} homes had lost power overnight.\n\n"
    "Crews from the Northfold Water Board were still pumping out basements.",
    "{town} Rovers beat Ashcombe {n}-1 in front of {m} fans on Saturday.\n\n"
    "“We were patient and it paid off,” manager Idris Calloway said after the match.\n\n"
    "The club will visit Brenford, Tollcross and Wyke in the next round.",
    "The {town} city council approved a budget of ${m} million on March {n}.\n\n"
    "Council leader Marta Oyelaran said the plan would fund two new libraries.\n\n"
    "Residents can comment on the proposals at the town hall until the end of April.",
]


def _corpus(count: int) -> list[Article]:
    """``count`` short news articles of our own, varied in names and figures."""
    articles = []
    for i in range(count):
        text = TEMPLATES[i % len(TEMPLATES)].format(
            town=TOWNS[i % len(TOWNS)], n=2 + i % 9, m=120 + 7 * i
        )
        articles.append(Article(id=f"a{i:03d}", source=f"a{i:03d}.txt", text=text))
    return articles


@pytest.fixture(scope="module", params=["none", "auto"])
def model(request: pytest.FixtureRequest) -> Nlp:
    loaded = load_nlp(Settings(spacy_model=request.param))
    if request.param == "auto" and not loaded.has_parser:
        pytest.skip("no spaCy model installed")
    return loaded


def test_workers_give_the_same_analyses_as_one_process_in_article_order(model: Nlp) -> None:
    articles = _corpus(2 * CHUNK_ARTICLES + 5)  # three chunks, the last one short
    settings = Settings(spacy_model=model.name if model.has_parser else "none")
    in_workers = list(analyze_in_workers(articles, model, settings, workers=2))
    assert in_workers == analyze_serially(articles, model)
    assert [outcome.article.id for outcome in in_workers if isinstance(outcome, Analysis)] == [
        article.id for article in articles
    ]
    assert all(outcome.facts for outcome in in_workers if isinstance(outcome, Analysis))


def test_a_broken_article_is_set_aside_in_workers_and_the_rest_analysed(model: Nlp) -> None:
    articles = _corpus(CHUNK_ARTICLES + 3)
    broken = Article(id="broken", source="broken.txt", text=None)  # type: ignore[arg-type]
    articles.insert(4, broken)
    settings = Settings(spacy_model=model.name if model.has_parser else "none")
    outcomes = list(analyze_in_workers(articles, model, settings, workers=2))
    assert outcomes == analyze_serially(articles, model)
    skipped = [outcome for outcome in outcomes if isinstance(outcome, SkippedInput)]
    assert [item.source for item in skipped] == ["broken.txt"]
    assert "unexpected" in skipped[0].reason
    assert sum(isinstance(outcome, Analysis) for outcome in outcomes) == len(articles) - 1


def test_analyze_each_reports_the_broken_article_and_keeps_the_others() -> None:
    rules = load_nlp(Settings(spacy_model="none"))
    articles = [*_corpus(3), Article(id="b", source="b.txt", text=None)]  # type: ignore[arg-type]
    skipped: list[SkippedInput] = []
    analyses = analyze_each(articles, rules, Settings(spacy_model="none"), skipped)
    assert [analysis.article.id for analysis in analyses] == ["a000", "a001", "a002"]
    assert [item.source for item in skipped] == ["b.txt"]


def test_small_batches_stay_in_one_process() -> None:
    two = Settings(parse_processes="2")
    assert worker_count(two, 5) == 1
    assert worker_count(two, MIN_ARTICLES_FOR_WORKERS - 1) == 1
    assert worker_count(two, MIN_ARTICLES_FOR_WORKERS) == 2
    assert worker_count(Settings(parse_processes="1"), 10_000) == 1


def test_parse_processes_auto_uses_up_to_two_cores() -> None:
    assert parse_workers(Settings(parse_processes="auto")) == min(2, os.cpu_count() or 1)
    assert parse_workers(Settings(parse_processes="3")) == 3


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_parse_processes_must_be_auto_or_a_positive_number(value: str) -> None:
    with pytest.raises(SettingsError, match="parse_processes"):
        parse_workers(Settings(parse_processes=value))


def test_the_rule_fallback_never_starts_a_worker() -> None:
    two = Settings(parse_processes="2")
    assert worker_count(two, 10_000, has_parser=False) == 1


@pytest.mark.parametrize("value", ["0", "abc", "²", "-1"])
def test_a_bad_process_count_fails_at_once_naming_the_setting(value: str) -> None:
    with pytest.raises(SettingsError, match="parse_processes"):
        worker_count(Settings(parse_processes=value), 5)
