"""Near-duplicates and syndication: copies of one wire story count as one independent source."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consilience.dedup import (
    LSH_THRESHOLD,
    MAX_CANDIDATES_PER_ARTICLE,
    NEAR_COPY_JACCARD,
    SHINGLE_SIZE,
    CopyGroups,
    DuplicateIndex,
    candidate_probability,
    find_copies,
    independent_sources,
    shingles,
)
from consilience.errors import SettingsError
from consilience.models import Article
from consilience.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
SETTINGS = Settings()
# A wire story written for these tests (~310 words), one paragraph per item.
WIRE_PARAGRAPHS = (
    "A freight train carrying fertiliser and diesel fuel derailed on Tuesday night near the "
    "river town of Aldmoor, forcing the evacuation of about 1,200 residents and closing the "
    "main rail line to the coast, regional officials said on Wednesday.",
    "Eleven of the train's 42 wagons left the tracks at about 11:40 pm as the train crossed a "
    "bridge over a flooded tributary, according to the national rail operator. Two wagons "
    "tipped into the water, and firefighters spent most of the night containing a diesel leak.",
    '"We are treating this as a serious environmental incident, and we will not let people '
    'return to their homes until the air and the water have been tested," said Maria Ostrova, '
    "the head of the regional emergency service, at a news conference on Wednesday morning.",
    "No one was killed. The driver and a second crew member were taken to hospital with minor "
    "injuries and were released on Wednesday, the operator said in a statement. Police said "
    "there was no sign of sabotage.",
    "Residents were moved to a school and a sports hall in the neighbouring town of Westbury. "
    '"They woke us at two in the morning and told us to take only what we could carry," said '
    "Tomas Reyes, a 67-year-old retired teacher who has lived near the line for thirty years.",
    "The national transport safety board said it had sent a team of four investigators to the "
    "site. Heavy rain had raised the level of the tributary by almost two metres over the "
    "weekend, and engineers will examine whether the flood weakened the bridge supports.",
    "The rail operator said passenger services between the capital and the coast would be "
    "replaced by buses for at least a week while the wagons are lifted and the track is "
    "repaired. Freight traffic is being diverted through the northern corridor, adding about "
    "three hours to journeys.",
)

# A paragraph a republishing outlet adds at the end.
EDITORS_NOTE = (
    "Editor's note: An earlier version of this story misstated the number of wagons that left "
    "the tracks. It was eleven, not twelve. This version has been corrected."
)

# Another outlet's own report of the same event (~230 words): its own words, but two quotes
# copied verbatim from the wire story, which make up 29% of its shingles.
OTHER_REPORT = (
    "Hundreds of people spent the night in emergency shelters after a goods train came off the "
    "rails outside Aldmoor, spilling fuel into a swollen stream.",
    '"We are treating this as a serious environmental incident, and we will not let people '
    'return to their homes until the air and the water have been tested," said Maria Ostrova, '
    "the head of the regional emergency service.",
    'Locals described a chaotic evacuation. "They woke us at two in the morning and told us to '
    'take only what we could carry," said Tomas Reyes, a 67-year-old retired teacher who has '
    "lived near the line for thirty years.",
    "Environmental groups warned that fertiliser washing into the river could kill fish for "
    "miles downstream. A spokesperson for the regional water authority said samples were being "
    "taken every two hours and that drinking water supplies had not been affected so far.",
    "The accident is the third on the line in five years. In 2021 a passenger train hit a "
    "landslide a few kilometres to the east, and campaigners have long argued that the old "
    "bridges along the valley need to be rebuilt rather than patched. The transport ministry "
    "declined to comment on the cost of the repairs, saying it would wait for the findings of "
    "the investigation before deciding how to proceed with the route.",
    "Bus replacement services will run between the capital and the coast until further notice.",
)

# Pairs this similar are found however the LSH bands fall: 1 - (1 - 0.7^3)^42 > 1 - 1e-7.
SURE_COPY_JACCARD = 0.7


def text(paragraphs: Sequence[str]) -> str:
    return "\n\n".join(paragraphs)


WIRE = text(WIRE_PARAGRAPHS)


def article(
    article_id: str, body: str, title: str | None = None, published: datetime | None = None
) -> Article:
    return Article(
        id=article_id, source=f"{article_id}.txt", text=body, title=title, published=published
    )


DAY = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)
WINDOW = timedelta(days=SETTINGS.story_window_days)


def day(offset: float) -> datetime:
    return DAY + timedelta(days=offset)


def seconds(when: datetime) -> float:
    return when.timestamp()


def jaccard(left: str, right: str) -> float:
    a, b = shingles(left), shingles(right)
    return len(a & b) / len(a | b) if a | b else 0.0


# --- shingles -------------------------------------------------------------------------------


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("The U.S. envoy said: talks will resume.") == shingles(
        "the US envoy said talks WILL resume"
    )


def test_shingles_keep_numbers() -> None:
    assert shingles("at least 12 people were killed") != shingles("at least 13 people were killed")
    assert shingles("about 1,200 residents were moved") == shingles(
        "about 1200 residents were moved"
    )


def test_shingles_are_one_per_word_window() -> None:
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight"]
    assert len(shingles(" ".join(words))) == len(words) - SHINGLE_SIZE + 1


def test_text_shorter_than_a_shingle_has_no_shingles() -> None:
    assert shingles("Markets closed early.") == frozenset()
    assert shingles("") == frozenset()


def test_shingles_are_64_bit_hashes_stable_across_processes() -> None:
    code = "from consilience.dedup import shingles; print(sorted(shingles(open(0).read())))"
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            input=WIRE,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1] == f"{sorted(shingles(WIRE))}\n"
    assert all(0 <= value < 2**64 for value in shingles(WIRE))
    assert max(shingles(WIRE)) >= 2**32


def test_lsh_proposes_candidates_below_the_confirm_threshold() -> None:
    assert LSH_THRESHOLD < NEAR_COPY_JACCARD < SURE_COPY_JACCARD


def test_lsh_curve_keeps_copies_and_drops_template_lookalikes() -> None:
    assert candidate_probability(SURE_COPY_JACCARD) > 1 - 1e-7
    assert candidate_probability(NEAR_COPY_JACCARD) > 0.99
    assert candidate_probability(0.1) < 0.05
    assert candidate_probability(0.01) < 1e-4


# --- wire copies and independent reports ----------------------------------------------------


def test_wire_copy_under_a_different_headline_is_a_copy() -> None:
    wire = article("wire", WIRE, title="Freight train derails near Aldmoor")
    copy = article("copy", WIRE, title="Hundreds evacuated after fertiliser train crash")
    assert find_copies([wire, copy], SETTINGS).groups == (("copy", "wire"),)


def test_wire_copy_with_an_added_editors_note_is_a_copy() -> None:
    annotated = text([*WIRE_PARAGRAPHS, EDITORS_NOTE])
    groups = find_copies([article("wire", WIRE), article("copy", annotated)], SETTINGS).groups
    assert groups == (("copy", "wire"),)


def test_wire_copy_with_its_last_paragraph_trimmed_is_a_copy() -> None:
    trimmed = text(WIRE_PARAGRAPHS[:-1])
    groups = find_copies([article("wire", WIRE), article("copy", trimmed)], SETTINGS).groups
    assert groups == (("copy", "wire"),)


def test_wire_copy_trimmed_and_annotated_is_a_copy() -> None:
    edited = text([*WIRE_PARAGRAPHS[:-1], EDITORS_NOTE])
    assert jaccard(WIRE, edited) < 0.8
    groups = find_copies([article("wire", WIRE), article("copy", edited)], SETTINGS).groups
    assert groups == (("copy", "wire"),)


def test_reports_of_one_event_sharing_quotes_are_not_copies() -> None:
    other = text(OTHER_REPORT)
    shared = shingles(WIRE) & shingles(other)
    assert 0.2 <= len(shared) / len(shingles(other)) <= 0.3
    assert 0.2 <= len(shared) / len(shingles(WIRE)) <= 0.3
    assert find_copies([article("wire", WIRE), article("other", other)], SETTINGS).groups == ()


def test_wire_story_republished_by_several_outlets_is_one_independent_source() -> None:
    articles = [
        article("a-wire", WIRE),
        article("b-same", WIRE, title="A different headline"),
        article("c-note", text([*WIRE_PARAGRAPHS, EDITORS_NOTE])),
        article("d-trim", text(WIRE_PARAGRAPHS[:-1])),
        article("e-own", text(OTHER_REPORT)),
    ]
    copies = find_copies(articles, SETTINGS)
    assert copies.groups == (("a-wire", "b-same", "c-note", "d-trim"),)
    assert independent_sources([a.id for a in articles], copies) == 2


def test_copies_are_grouped_transitively() -> None:
    first, middle, last = (text(WIRE_PARAGRAPHS[i : i + 5]) for i in range(3))
    assert jaccard(first, middle) >= NEAR_COPY_JACCARD
    assert jaccard(middle, last) >= NEAR_COPY_JACCARD
    assert jaccard(first, last) < NEAR_COPY_JACCARD
    articles = [article("first", first), article("last", last), article("middle", middle)]
    assert find_copies(articles, SETTINGS).groups == (("first", "last", "middle"),)


def test_a_story_with_more_variants_than_the_candidate_cap_is_one_group() -> None:
    variants = [
        article(f"v{i:03d}", f"{WIRE} Updated at {i} past the hour by desk {i}.")
        for i in range(MAX_CANDIDATES_PER_ARTICLE + 20)
    ]
    groups = find_copies(variants, SETTINGS).groups
    assert groups == (tuple(sorted(v.id for v in variants)),)


def test_an_article_listed_twice_is_not_a_copy_of_itself() -> None:
    assert find_copies([article("wire", WIRE), article("wire", WIRE)], SETTINGS).groups == ()


# --- the time window -------------------------------------------------------------------------


def test_copies_published_within_the_window_are_found_and_those_further_apart_are_not() -> None:
    trimmed = text(WIRE_PARAGRAPHS[:-1])
    articles = [
        article("wire", WIRE, published=day(0)),
        article("same-week", trimmed, published=day(0) + WINDOW),
        article("next-month", WIRE, published=day(30)),
    ]
    # Given in reverse: the batch is streamed in publication order whatever the input order.
    assert find_copies(articles[::-1], SETTINGS).groups == (("same-week", "wire"),)


def test_a_wire_story_republished_day_after_day_stays_one_group() -> None:
    # Each copy is within the window of the one before, so the chain holds the group together
    # even though the first and last are three weeks apart.
    articles = [article(f"day{i:02d}", WIRE, published=day(i * 3)) for i in range(8)]
    assert find_copies(articles, SETTINGS).groups == (tuple(a.id for a in articles),)


def test_an_article_older_than_the_window_is_no_longer_a_candidate() -> None:
    index = DuplicateIndex(SETTINGS)
    index.add("wire", WIRE, seconds(day(0)))
    assert index.add("trim", text(WIRE_PARAGRAPHS[:-1]), seconds(day(2))) == ["wire"]
    # Eight days after the wire story and six after the trim: only the trim is still indexed.
    assert index.add("note", text([*WIRE_PARAGRAPHS, EDITORS_NOTE]), seconds(day(8))) == ["trim"]
    assert len(index) == 2


@pytest.mark.parametrize("days", [0.0, -1.0])
def test_a_window_that_is_not_a_positive_number_of_days_is_a_settings_error(days: float) -> None:
    with pytest.raises(SettingsError, match=r"story_window_days.*positive"):
        DuplicateIndex(Settings(story_window_days=days))


def test_an_undated_article_is_never_forgotten() -> None:
    index = DuplicateIndex(SETTINGS)
    index.add("undated", WIRE)
    index.add("filler", text(OTHER_REPORT), seconds(day(0)))
    assert index.add("late", WIRE.upper(), seconds(day(60))) == ["undated"]


def test_the_index_holds_only_the_window_of_a_long_stream() -> None:
    index = DuplicateIndex(SETTINGS)
    for i in range(120):
        body = " ".join(f"w{i}x{j}" for j in range(30))  # unrelated texts, one every 6 hours
        index.add(f"a{i}", body, seconds(day(i / 4)))
        assert len(index) <= 4 * SETTINGS.story_window_days + 1
    assert len(index) == 4 * SETTINGS.story_window_days + 1


def test_a_readded_article_is_kept_for_the_window_after_its_new_time() -> None:
    index = DuplicateIndex(SETTINGS)
    index.add("wire", WIRE, seconds(day(0)))
    index.add("wire", WIRE, seconds(day(5)))
    index.add("filler", text(OTHER_REPORT), seconds(day(9)))
    assert index.add("copy", WIRE, seconds(day(10))) == ["wire"]


# --- the streaming index --------------------------------------------------------------------


def test_add_returns_the_indexed_near_copies_sorted() -> None:
    index = DuplicateIndex(SETTINGS)
    assert index.add("wire", WIRE) == []
    assert index.add("other", text(OTHER_REPORT)) == []
    assert index.add("note", text([*WIRE_PARAGRAPHS, EDITORS_NOTE])) == ["wire"]
    assert index.add("same", WIRE) == ["note", "wire"]
    assert len(index) == 4


def test_readding_an_id_replaces_its_text_and_never_reports_itself() -> None:
    index = DuplicateIndex(SETTINGS)
    index.add("wire", WIRE)
    assert index.add("wire", WIRE) == []
    assert len(index) == 1
    index.add("wire", text(OTHER_REPORT))
    assert index.add("copy", WIRE) == []


def test_forgotten_articles_are_no_longer_matched() -> None:
    index = DuplicateIndex(SETTINGS)
    index.add("wire", WIRE)
    index.add("trim", text(WIRE_PARAGRAPHS[:-1]))
    index.forget("wire")
    assert len(index) == 1
    assert index.add("copy", WIRE) == ["trim"]


def test_forgetting_one_exact_twin_keeps_the_other_findable() -> None:
    index = DuplicateIndex(SETTINGS)
    index.add("first", WIRE)
    index.add("second", WIRE.upper())
    index.forget("first")
    assert index.add("third", text(WIRE_PARAGRAPHS[:-1])) == ["second"]


def test_forgetting_an_unknown_id_is_ignored() -> None:
    index = DuplicateIndex(SETTINGS)
    index.forget("never-added")
    assert len(index) == 0


def test_short_texts_match_only_exact_copies() -> None:
    index = DuplicateIndex(SETTINGS)
    assert index.add("a", "Markets closed early.") == []
    assert index.add("b", "MARKETS CLOSED EARLY") == ["a"]
    assert index.add("c", "Markets closed late.") == []


def test_text_without_words_copies_nothing() -> None:
    index = DuplicateIndex(SETTINGS)
    index.add("a", "* * *")
    assert index.add("b", "* * *") == []
    assert len(index) == 2


# --- copy groups and sources ----------------------------------------------------------------


def test_an_ungrouped_article_is_its_own_source() -> None:
    copies = CopyGroups((("a", "b"),))
    assert copies.source_of("c") == "c"


def test_a_grouped_article_has_its_groups_first_id_as_source() -> None:
    copies = CopyGroups((("a", "b"), ("c", "d", "e")))
    assert [copies.source_of(x) for x in "abcde"] == ["a", "a", "c", "c", "c"]


def test_independent_sources_count_each_group_and_each_id_once() -> None:
    copies = CopyGroups((("a", "b"), ("c", "d", "e")))
    assert independent_sources(["a", "b", "c", "e", "f", "f"], copies) == 3
    assert independent_sources([], copies) == 0


# --- the seed articles ----------------------------------------------------------------------


def seed_articles() -> list[Article]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    return [
        article(path.stem, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))
    ]


def test_seed_reports_from_different_outlets_are_not_copies() -> None:
    assert find_copies(seed_articles(), SETTINGS).groups == ()


def test_seed_article_republished_without_its_last_paragraph_is_found() -> None:
    seeds = seed_articles()
    original = seeds[0]
    paragraphs = [p for p in original.text.split("\n") if p.strip()]
    republished = article("republished", "\n".join(paragraphs[:-1]))
    copies = find_copies([*seeds, republished], SETTINGS)
    assert copies.groups == (tuple(sorted([original.id, "republished"])),)
    assert independent_sources([a.id for a in [*seeds, republished]], copies) == len(seeds)


# --- properties against a naive all-pairs reference -----------------------------------------

# A small vocabulary so that random texts share shingles only when one is derived from another.
POOL_WORDS = (
    "the a of port train river said police minister two 12 rain bridge town night "
    "on at by fuel water school hospital line coast strike vote"
)
WORD_POOL = tuple(POOL_WORDS.split())
words = st.sampled_from(WORD_POOL)


@st.composite
def corpora(draw: st.DrawFn) -> list[str]:
    """Up to 8 texts: fresh ones from the pool, and edits (a slice replaced) of earlier ones."""
    texts: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        derive = draw(st.booleans())
        if texts and derive:
            parent = draw(st.sampled_from(texts)).split()
            start = draw(st.integers(0, len(parent)))
            stop = draw(st.integers(start, len(parent)))
            inserted = draw(st.lists(words, max_size=8))
            texts.append(" ".join(parent[:start] + inserted + parent[stop:]))
        else:
            texts.append(" ".join(draw(st.lists(words, max_size=40))))
    return texts


def corpus_articles(texts: Sequence[str]) -> list[Article]:
    return [article(f"t{i}", body) for i, body in enumerate(texts)]


def naive_is_copy(left: str, right: str) -> bool:
    """The definition, pair by pair: same words, or shingle Jaccard at the threshold."""
    if left.split() and left.split() == right.split():
        return True
    return bool(shingles(left) and shingles(right)) and jaccard(left, right) >= NEAR_COPY_JACCARD


def connected(members: Sequence[str], bodies: dict[str, str]) -> bool:
    reached, frontier = {members[0]}, [members[0]]
    while frontier:
        current = frontier.pop()
        for other in members:
            if other not in reached and naive_is_copy(bodies[current], bodies[other]):
                reached.add(other)
                frontier.append(other)
    return reached == set(members)


@given(corpora())
def test_copy_groups_partition_a_subset_of_the_input(texts: list[str]) -> None:
    articles = corpus_articles(texts)
    groups = find_copies(articles, SETTINGS).groups
    members = [article_id for group in groups for article_id in group]
    assert len(members) == len(set(members))
    assert set(members) <= {a.id for a in articles}
    assert all(len(group) >= 2 and list(group) == sorted(group) for group in groups)
    assert list(groups) == sorted(groups)


@given(corpora(), st.randoms(use_true_random=False))
def test_copy_groups_do_not_depend_on_input_order(texts: list[str], rng: object) -> None:
    articles = corpus_articles(texts)
    shuffled = list(articles)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert find_copies(shuffled, SETTINGS) == find_copies(articles, SETTINGS)


@given(corpora())
def test_index_reports_only_pairs_the_naive_reference_confirms(texts: list[str]) -> None:
    index = DuplicateIndex(SETTINGS)
    for i, body in enumerate(texts):
        found = set(index.add(f"t{i}", body))
        expected_sure = {
            f"t{j}"
            for j in range(i)
            if texts[i].split() == texts[j].split() != []
            or jaccard(texts[i], texts[j]) >= SURE_COPY_JACCARD
        }
        assert all(naive_is_copy(body, texts[int(other[1:])]) for other in found)
        assert expected_sure <= found


@given(corpora())
def test_every_group_is_held_together_by_confirmed_copies(texts: list[str]) -> None:
    articles = corpus_articles(texts)
    bodies = {a.id: a.text for a in articles}
    copies = find_copies(articles, SETTINGS)
    assert all(connected(group, bodies) for group in copies.groups)
    for left, right in itertools.combinations(articles, 2):
        if jaccard(left.text, right.text) >= SURE_COPY_JACCARD:
            assert copies.source_of(left.id) == copies.source_of(right.id)


def test_sketch_permutations_are_datasketchs_legacy_ones() -> None:
    from datasketch import MinHash

    from consilience.dedup import NUM_PERM, _legacy_permutations

    expected = MinHash(num_perm=NUM_PERM, scheme="legacy").permutations
    assert (_legacy_permutations(NUM_PERM) == expected).all()
