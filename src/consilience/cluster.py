"""Group analysed articles into stories: articles that report the same real-world event.

Each article becomes three signals: a TF-IDF vector of its title, lead and entity names, a
TF-IDF vector of its whole body, and its set of named entities. Pairwise similarity is a
weighted mix of the two cosines and the entities' Jaccard overlap, damped for articles
published more than a week apart. Average-linkage agglomerative clustering then cuts the
tree at ``settings.cluster_threshold``.

The steps are separate functions (features -> similarity matrix -> groups -> stories) so a
later candidate-pair stage (LSH, streaming) can replace the dense all-pairs matrix alone.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from consilience.errors import SettingsError
from consilience.models import Analysis, Article, Story
from consilience.settings import Settings

__all__ = ["article_similarities", "cluster_stories"]

Matrix = npt.NDArray[np.float64]

# Entity labels that name who and where an event is about. "NAME" is the label the rule-based
# extractor gives capitalised runs when no spaCy model is installed. Numbers, dates and
# nationalities (NORP: "Chinese") are shared by unrelated stories, so they are left out.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "EVENT", "NAME"})

# The title names the event in a few words, so it counts twice against the lead.
TITLE_REPEAT = 2
# Entity names are added to the title+lead vector as whole-name tokens ("xi jinping"), twice:
# a shared full name is stronger evidence than the two words it is made of.
ENTITY_TOKEN_REPEAT = 2
# The lead: news puts the event in the first few sentences (inverted pyramid); 3 sentences
# or 600 characters covers the lead paragraph of every seed article.
LEAD_MAX_SENTENCES = 3
LEAD_MAX_CHARS = 600
# Titles shorter than this ("Asia In News", "Live updates") are section labels, not
# headlines: for such articles the body vector carries the weight the title would.
SHORT_TITLE_WORDS = 4

# Mix of the three signals, summing to 1. Measured on the five seed articles of one story
# against five unrelated ones (spaCy entities): the entity Jaccard separates best (0.19-0.47
# within the story, <= 0.05 across), the title+lead cosine next (0.14-0.31 vs <= 0.08), the
# body cosine least (0.11-0.17 vs <= 0.06), but the body is the only signal that survives a
# missing or useless title. The mix puts seed pairs at 0.17-0.33 and unrelated pairs at
# <= 0.05, so a cluster_threshold near 0.1 sits in the gap (text alone: 0.12-0.27 vs <= 0.07).
WEIGHT_LEAD = 0.35
WEIGHT_BODY = 0.15
WEIGHT_ENTITIES = 0.5
# When either title is short the title+lead vector is mostly lead; give the body more say.
SHORT_TITLE_WEIGHT_LEAD = 0.2
SHORT_TITLE_WEIGHT_BODY = 0.3

# Same people and places more than a week apart are usually a later event (a return visit,
# the next match), so the similarity is multiplied down. 0.35 takes a typical same-story pair
# (0.17-0.28) below a 0.1 threshold, while day-to-day follow-ups are untouched.
EVENT_GAP_DAYS = 7.0
EVENT_GAP_FACTOR = 0.35

# A headline taken from a first sentence is cut to this many characters, at a word boundary.
HEADLINE_MAX_CHARS = 120

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_POSSESSIVE = re.compile(r"['’]s$")
_LEADING_ARTICLE = re.compile(r"^the\s+")
_SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True, slots=True)
class _Document:
    """What TF-IDF sees of one article: its words and its whole-name entity tokens."""

    text: str
    entity_tokens: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Features:
    """The clustering signals of one article."""

    lead: _Document
    body: _Document
    entities: frozenset[str]
    short_title: bool
    published: float | None  # POSIX seconds, naive datetimes taken as UTC


def cluster_stories(analyses: Sequence[Analysis], settings: Settings) -> list[Story]:
    """Group articles into stories, largest first; every article lands in exactly one.

    >>> cluster_stories([], Settings())
    []
    """
    threshold = settings.cluster_threshold
    if not 0.0 <= threshold <= 1.0:
        raise SettingsError(
            f"setting 'cluster_threshold' must be between 0.0 and 1.0, got {threshold!r}"
        )
    # Step 1: a fixed order, so the result cannot depend on the order articles arrived in.
    ordered = sorted(analyses, key=_identity_key)
    # Step 2: pairwise similarity; step 3: average-linkage groups above the threshold.
    similarity = article_similarities(ordered)
    groups = _group(similarity, threshold)
    # Step 4: one story per group, ordered for readers.
    stories = [
        _build_story([ordered[i] for i in group], similarity[np.ix_(group, group)])
        for group in groups
    ]
    return sorted(stories, key=_story_order_key)


def article_similarities(analyses: Sequence[Analysis]) -> Matrix:
    """Pairwise story similarity in [0, 1] of the articles, in the order given."""
    features = [_features(analysis) for analysis in analyses]
    count = len(features)
    if count == 0:
        return np.zeros((0, 0))
    lead = _tfidf_cosines([f.lead for f in features])
    body = _tfidf_cosines([f.body for f in features])
    entities = _entity_jaccard([f.entities for f in features])

    short = np.array([f.short_title for f in features])
    either_short = short[:, None] | short[None, :]
    weight_lead = np.where(either_short, SHORT_TITLE_WEIGHT_LEAD, WEIGHT_LEAD)
    weight_body = np.where(either_short, SHORT_TITLE_WEIGHT_BODY, WEIGHT_BODY)
    # An article without entities (no model, a very short text) says nothing about overlap;
    # scoring that as 0 would split it off, so its pairs are judged on the text signals alone.
    has_entities = np.array([bool(f.entities) for f in features])
    both_have = has_entities[:, None] & has_entities[None, :]
    weight_entities = np.where(both_have, WEIGHT_ENTITIES, 0.0)
    total = weight_lead + weight_body + weight_entities
    mixed = (weight_lead * lead + weight_body * body + weight_entities * entities) / total

    published = np.array([np.nan if f.published is None else f.published for f in features])
    with np.errstate(invalid="ignore"):
        gap_days = np.abs(published[:, None] - published[None, :]) / _SECONDS_PER_DAY
        far_apart = gap_days > EVENT_GAP_DAYS  # NaN (a date missing) compares False
    mixed = np.where(far_apart, mixed * EVENT_GAP_FACTOR, mixed)
    np.fill_diagonal(mixed, 1.0)
    result: Matrix = np.clip(mixed, 0.0, 1.0)
    return result


def _identity_key(analysis: Analysis) -> tuple[str, str, str, str]:
    article = analysis.article
    return (article.id, article.source, article.title or "", article.text)


def _features(analysis: Analysis) -> _Features:
    article = analysis.article
    title = (article.title or "").strip()
    names = sorted(
        {
            name
            for entity in analysis.entities
            if entity.label in ENTITY_LABELS
            for name in [_normalise_name(entity.canonical or entity.text)]
            if name
        }
    )
    tokens = tuple(f"entity={name}" for name in names for _ in range(ENTITY_TOKEN_REPEAT))
    lead_text = " ".join([title] * TITLE_REPEAT + [_lead(analysis)])
    return _Features(
        lead=_Document(lead_text, tokens),
        body=_Document(article.text),
        entities=frozenset(names),
        short_title=len(title.split()) < SHORT_TITLE_WORDS,
        published=_timestamp(article.published),
    )


def _normalise_name(name: str) -> str:
    """Fold the surface variants outlets use for one name: case, spacing, "the", "'s"."""
    folded = " ".join(name.lower().split())
    return _LEADING_ARTICLE.sub("", _POSSESSIVE.sub("", folded))


def _lead(analysis: Analysis) -> str:
    sentences = [s.text for s in analysis.sentences[:LEAD_MAX_SENTENCES]]
    if not sentences:
        sentences = _split_sentences(analysis.article.text)[:LEAD_MAX_SENTENCES]
    return " ".join(sentences)[:LEAD_MAX_CHARS]


def _split_sentences(text: str) -> list[str]:
    return [piece.strip() for piece in _SENTENCE_END.split(text) if piece.strip()]


def _timestamp(published: datetime | None) -> float | None:
    if published is None:
        return None
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return published.timestamp()


def _tfidf_cosines(documents: Sequence[_Document]) -> Matrix:
    """Cosine similarity of TF-IDF vectors: words and word pairs, plus entity tokens."""
    words = TfidfVectorizer(stop_words="english", ngram_range=(1, 2)).build_analyzer()

    def analyse(document: _Document) -> list[str]:
        return [*words(document.text), *document.entity_tokens]

    vectorizer = TfidfVectorizer(analyzer=analyse, sublinear_tf=True)
    try:
        vectors = vectorizer.fit_transform(documents)
    except ValueError:
        # Raised only for an empty vocabulary: no document has a content word.
        return np.zeros((len(documents), len(documents)))
    cosines: Matrix = np.asarray((vectors @ vectors.T).toarray(), dtype=np.float64)
    return cosines


def _entity_jaccard(entity_sets: Sequence[frozenset[str]]) -> Matrix:
    count = len(entity_sets)
    jaccard = np.zeros((count, count))
    for i in range(count):
        for j in range(i + 1, count):
            union = len(entity_sets[i] | entity_sets[j])
            if union:
                jaccard[i, j] = jaccard[j, i] = len(entity_sets[i] & entity_sets[j]) / union
    return jaccard


def _group(similarity: Matrix, threshold: float) -> list[list[int]]:
    """Average-linkage groups: clusters merge while their mean similarity exceeds threshold."""
    count = similarity.shape[0]
    if count < 2:
        return [[i] for i in range(count)]
    distance = 1.0 - similarity
    np.fill_diagonal(distance, 0.0)
    # sklearn merges while the linkage distance is strictly below distance_threshold, and
    # requires it to be positive: threshold 1.0 therefore keeps every article alone.
    if threshold >= 1.0:
        return [[i] for i in range(count)]
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - threshold,
    )
    labels = model.fit_predict(distance)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return list(groups.values())


def _build_story(members: Sequence[Analysis], similarity: Matrix) -> Story:
    articles = sorted((m.article for m in members), key=_article_order_key)
    digest = hashlib.sha256("\n".join(sorted(a.id for a in articles)).encode("utf-8"))
    return Story(
        id="s-" + digest.hexdigest()[:10],
        headline=_headline(members, similarity),
        articles=tuple(articles),
    )


def _headline(members: Sequence[Analysis], similarity: Matrix) -> str:
    """The title of the most central member, preferring real titles to section labels.

    With no title at all, the most central member's first sentence stands in.
    """
    centrality = similarity.sum(axis=1)
    # Stable sort on -centrality: ties keep the id order, so the choice is deterministic.
    ranked = sorted(range(len(members)), key=lambda i: -centrality[i])
    titles = [" ".join((members[i].article.title or "").split()) for i in ranked]
    full_titles = [t for t in titles if len(t.split()) >= SHORT_TITLE_WORDS]
    any_titles = [t for t in titles if t]
    if full_titles or any_titles:
        return (full_titles or any_titles)[0]
    sentences = [_first_sentence(members[i]) for i in ranked]
    return _shorten(next((s for s in sentences if s), ""))


def _first_sentence(analysis: Analysis) -> str:
    """The first sentence, up to its first line break: a headline never spans paragraphs."""
    if analysis.sentences:
        sentences = [s.text for s in analysis.sentences]
    else:
        sentences = _split_sentences(analysis.article.text)
    lines = [line for s in sentences[:1] for line in s.splitlines() if line.strip()]
    return " ".join(lines[0].split()) if lines else ""


def _shorten(text: str) -> str:
    if len(text) <= HEADLINE_MAX_CHARS:
        return text
    cut = text[: HEADLINE_MAX_CHARS - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def _article_order_key(article: Article) -> tuple[bool, float, str, str]:
    published = _timestamp(article.published)
    return (published is None, published or 0.0, article.source, article.id)


def _story_order_key(story: Story) -> tuple[int, float, str]:
    stamps = [_timestamp(a.published) for a in story.articles]
    known = [s for s in stamps if s is not None]
    latest = max(known) if known else -math.inf
    return (-len(story.articles), -latest, story.id)
