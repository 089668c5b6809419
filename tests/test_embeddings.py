"""Optional sentence embeddings: number masking, the no-extra path, and MiniLM when installed."""

from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np
import pytest

from consilience.embeddings import (
    EMBEDDING_DIMENSION,
    MODEL_PACKAGE,
    SentenceEncoder,
    embeddings_available,
    load_encoder,
    masked,
    similarity,
)

# --- masking: runs everywhere -------------------------------------------------------------


def test_masked_replaces_digit_runs_with_one_mask_each() -> None:
    assert masked("45 agreements") == "# agreements"
    assert masked("1,200 homes and 3.5% of votes") == "# homes and #% of votes"


def test_masked_replaces_spelled_out_cardinals_including_compounds() -> None:
    assert masked("Forty-five people and twelve dogs") == "# people and # dogs"


def test_masked_keeps_scale_words_and_words_that_contain_number_words() -> None:
    assert masked("someone often lost $2 million") == "someone often lost $# million"


def test_masked_leaves_text_without_numbers_unchanged() -> None:
    text = "The minister resigned after the vote."
    assert masked(text) == text


# --- the no-extra path: runs everywhere ---------------------------------------------------


def test_load_encoder_returns_an_encoder_exactly_when_the_extra_is_installed() -> None:
    assert (load_encoder() is not None) == embeddings_available()


def test_embeddings_available_matches_whether_the_model_package_imports() -> None:
    try:
        importlib.import_module(MODEL_PACKAGE)
        importlib.import_module("torch")
        importlib.import_module("transformers")
        importable = True
    except ImportError:
        importable = False
    assert embeddings_available() == importable


# --- MiniLM itself: only where the ml extra is installed ----------------------------------


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip(MODEL_PACKAGE)
    loaded = load_encoder()
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def model_dir(encoder: SentenceEncoder) -> Path:
    package = importlib.import_module(MODEL_PACKAGE)
    return Path(package.get_model_path())


def test_load_encoder_shares_one_encoder(encoder: SentenceEncoder) -> None:
    assert load_encoder() is encoder


def test_encode_returns_one_unit_vector_of_384_floats_per_text(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(["The quake killed dozens.", "Rescuers searched the rubble."])
    assert vectors.shape == (2, EMBEDDING_DIMENSION)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_encode_of_no_texts_is_an_empty_matrix(encoder: SentenceEncoder) -> None:
    assert encoder.encode([]).shape == (0, EMBEDDING_DIMENSION)


def test_a_vector_does_not_depend_on_the_other_texts_in_its_batch(
    encoder: SentenceEncoder, model_dir: Path
) -> None:
    short = "Talks resumed."
    long = "Negotiators from both sides resumed talks in Geneva after a two-week pause."
    alone = SentenceEncoder(model_dir).encode([short])[0]
    beside_a_longer_text = encoder.encode([long, short])[1]
    assert np.allclose(alone, beside_a_longer_text, atol=1e-5)


def test_paraphrases_score_higher_than_unrelated_sentences(encoder: SentenceEncoder) -> None:
    claim = "The government said 45 people were killed in the earthquake."
    paraphrase = "At least 40 died in the quake, according to officials."
    unrelated = "The club signed a new striker before the transfer deadline."
    assert similarity(claim, paraphrase, encoder) > similarity(claim, unrelated, encoder) + 0.3


def test_numbers_are_masked_so_only_the_value_differs_means_the_same_sentence(
    encoder: SentenceEncoder,
) -> None:
    assert similarity("45 agreements", "40 agreements", encoder) > 0.999
    raw = encoder.encode(["45 agreements", "40 agreements"])
    assert float(raw[0] @ raw[1]) < 0.99  # the masking, not the model, makes them equal


def test_repeated_texts_come_from_the_cache_with_the_same_vector(
    encoder: SentenceEncoder,
) -> None:
    first = encoder.encode(["Polls closed at eight."])
    again = encoder.encode(["Polls closed at eight.", "Polls closed at eight."])
    assert np.array_equal(again[0], first[0])
    assert np.array_equal(again[1], first[0])


def test_the_cache_keeps_only_the_most_recently_used_texts(model_dir: Path) -> None:
    small = SentenceEncoder(model_dir, cache_limit=2)
    small.encode(["first text", "second text"])
    small.encode(["first text"])  # now the most recent
    small.encode(["third text"])
    assert small.cached_texts == 2
    before = small.encode(["first text"])
    assert small.cached_texts == 2
    assert np.array_equal(before, small.encode(["first text"]))


def test_vectors_match_the_sentence_transformers_reference(
    encoder: SentenceEncoder, model_dir: Path
) -> None:
    st = pytest.importorskip("sentence_transformers")
    reference_model = st.SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    texts = ["Officials said # people died.", "A short one.", "Markets fell sharply on Monday."]
    reference = reference_model.encode(texts, normalize_embeddings=True)
    assert np.allclose(encoder.encode(texts), reference, atol=1e-5)


def test_seed_sentences_about_one_event_are_closer_than_sentences_from_other_topics(
    encoder: SentenceEncoder,
) -> None:
    seeds = Path("/work/shared/corpus/seeds")
    if not seeds.is_dir():
        pytest.skip("seed corpus not present")
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))[:2]]
    leads = [t.strip().split("\n")[0][:300] for t in texts]
    other = "The recipe calls for two eggs, flour and a pinch of salt."
    assert similarity(leads[0], leads[1], encoder) > similarity(leads[0], other, encoder)
