"""MiniLM as alignment's tie-breaker: it only settles pairs within TIE_BAND of their floor."""

from __future__ import annotations

import pytest

from consilience.align import align_facts, alignment_encoder
from consilience.align_scoring import (
    EMBEDDING_AGREE,
    SYNONYM_SIMILARITY_FLOOR,
    TIE_BAND,
    build_index,
)
from consilience.embeddings import (
    SentenceEncoder,
    embeddings_available,
    load_encoder,
    similarity,
)
from consilience.errors import SettingsError
from consilience.models import Evidence, Fact, FactKind
from consilience.settings import Settings

QUAKE_DAY = "2026-07-14"


def make_fact(
    article: str, sentence: str, kind: FactKind, subject: str, value: str, context: str = ""
) -> Fact:
    """A fact as extract/ would build it from a one-sentence article."""
    evidence = Evidence(article, sentence, 0, len(sentence))
    return Fact(kind=kind, article=article, subject=subject, about=subject, value=value,
                evidence=evidence, context=tuple(sorted(set(context.split()))))  # fmt: skip


def quake_date(article: str, sentence: str, context: str) -> Fact:
    """The date an earthquake "hit": a light verb, so the sentences must agree (floor 0.5)."""
    return make_fact(article, sentence, "date", "hit", QUAKE_DAY, context)


# Two tellings of one date whose context lemmas share three words of five: TF-IDF puts the
# pair just under its floor, though the sentences say the same thing.
NEAR_TIE = (
    quake_date("a", "The earthquake hit the northern valley on 14 July, officials said.",
               "earthquake hit northern valley official"),
    quake_date("b", "Officials said an earthquake struck the valley in the north on 14 July.",
               "official earthquake strike valley north"),
)  # fmt: skip
# The same two statements, but the second article's lemmas share only two words: far under.
FAR_BELOW = (
    NEAR_TIE[0],
    quake_date("c", "Officials said a quake hit the valley in the north on 14 July.",
               "official quake valley north"),
)  # fmt: skip


def margin(pair: tuple[Fact, Fact]) -> float:
    index = build_index(pair, {}, frozenset())
    return index.similarity(*pair) - SYNONYM_SIMILARITY_FLOOR


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    pytest.importorskip("torch")
    loaded = load_encoder()
    if loaded is None:
        pytest.skip("the ml extra (MiniLM model package) is not installed")
    return loaded


# --- the setting: runs everywhere ---------------------------------------------------------


def test_embeddings_setting_defaults_to_auto() -> None:
    assert Settings().embeddings == "auto"


def test_embeddings_off_never_loads_an_encoder() -> None:
    assert alignment_encoder(Settings(embeddings="off")) is None


def test_an_unknown_embeddings_value_is_refused_naming_the_choices() -> None:
    with pytest.raises(SettingsError, match=r"'embeddings'.*'auto', 'off'.*'minilm'"):
        alignment_encoder(Settings(embeddings="minilm"))


def test_auto_loads_an_encoder_exactly_when_the_ml_extra_is_installed() -> None:
    assert (alignment_encoder(Settings()) is not None) == embeddings_available()


# --- without an encoder: TF-IDF alone, as before ------------------------------------------


def test_the_hand_built_pairs_are_one_near_tie_and_one_clear_miss() -> None:
    assert -TIE_BAND < margin(NEAR_TIE) < 0
    assert margin(FAR_BELOW) < -TIE_BAND


def test_without_an_encoder_a_near_tie_below_its_floor_stays_apart() -> None:
    slots = align_facts(NEAR_TIE, {})
    assert [slot.facts for slot in slots] == [(NEAR_TIE[0],), (NEAR_TIE[1],)]
    assert align_facts(NEAR_TIE, {}, encoder=None) == slots


# --- with MiniLM: only where the ml extra is installed ------------------------------------


def test_an_encoder_merges_a_near_tie_whose_sentences_say_the_same(
    encoder: SentenceEncoder,
) -> None:
    slots = align_facts(NEAR_TIE, {}, encoder=encoder)
    assert [slot.facts for slot in slots] == [NEAR_TIE]


def test_an_encoder_leaves_pairs_outside_the_tie_band_to_tfidf(encoder: SentenceEncoder) -> None:
    first, second = (fact.evidence.text for fact in FAR_BELOW)
    assert similarity(first, second, encoder) >= EMBEDDING_AGREE
    with_encoder = align_facts(FAR_BELOW, {}, encoder=encoder)
    assert with_encoder == align_facts(FAR_BELOW, {})
    assert len(with_encoder) == 2


def test_an_encoder_pushes_a_near_tie_between_unrelated_sentences_below_its_floor(
    encoder: SentenceEncoder,
) -> None:
    choir = make_fact("a", "The choir sang three hymns at the wedding.", "quantity", "hymn", "3")
    revenue = make_fact(
        "b", "Quarterly revenue fell 4% to $2 billion.", "quantity", "revenue", "4%"
    )
    index = build_index([choir, revenue], {}, frozenset(), encoder)
    assert index.settle_tie(choir, revenue, 0.05) == pytest.approx(-0.05)
    assert index.settle_tie(choir, revenue, 0.0) < 0
    assert index.settle_tie(choir, revenue, -0.05) == pytest.approx(-0.05)


def test_an_encoder_without_a_clear_verdict_leaves_the_score_alone(
    encoder: SentenceEncoder,
) -> None:
    fair = quake_date("d", "Officials said the valley fair opened on 14 July with pony rides.",
                      "official valley fair open pony ride")  # fmt: skip
    index = build_index([fair, NEAR_TIE[0]], {}, frozenset(), encoder)
    assert index.settle_tie(fair, NEAR_TIE[0], 0.05) == 0.05
    assert index.settle_tie(fair, NEAR_TIE[0], -0.05) == -0.05
