"""Near-duplicates and syndication: a wire story republished by several outlets is one source.

Exact copies are found by a hash of the normalised text. Near-copies are found by MinHash LSH
over word shingles (datasketch's MinHash permutations, computed with numpy so that worker
processes need not import datasketch and scipy; a test checks them against datasketch) and
every LSH candidate is confirmed by the exact Jaccard similarity of the two shingle sets, so
LSH only saves comparisons and never decides. Copy groups are transitive (union-find): if A
copies B and B copies C, all three are one source.

Memory follows a time window, as the story stream's does: the index forgets an article once
the newest publication time it has seen is more than ``settings.story_window_days`` past it,
so two dated articles published further apart than that are never compared. ``find_copies``
feeds a batch in publication order, so its memory is bounded by the window, not the corpus.
An undated article cannot be placed in time: it is never forgotten and meets every article.

>>> from consilience.models import Article
>>> wire = "Rescuers pulled two more survivors from the rubble on Tuesday, officials said."
>>> articles = [Article("a", "a.txt", wire), Article("b", "b.txt", wire.upper())]
>>> copies = find_copies(articles, Settings())
>>> copies.groups, independent_sources(["a", "b"], copies)
((('a', 'b'),), 1)
"""

from __future__ import annotations

import hashlib
import heapq
import re
import unicodedata
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from consilience.errors import SettingsError
from consilience.grouping_workers import grouping_workers, map_in_chunks
from consilience.models import Article
from consilience.settings import Settings
from consilience.story_signals import timestamp

__all__ = [
    "LSH_BANDS",
    "LSH_ROWS",
    "LSH_THRESHOLD",
    "MAX_CANDIDATES_PER_ARTICLE",
    "MIN_SKETCH_ESTIMATE",
    "NEAR_COPY_JACCARD",
    "NUM_PERM",
    "SHINGLE_SIZE",
    "CopyGroups",
    "DuplicateIndex",
    "candidate_probability",
    "find_copies",
    "independent_sources",
    "shingles",
]

ShingleArray = npt.NDArray[np.uint64]
SketchArray = npt.NDArray[np.uint32]
SketchMatrix = npt.NDArray[np.uint32]
KeyMatrix = npt.NDArray[np.uint64]

# Words per shingle. Five words is long enough that two outlets writing independently about
# one event rarely share a shingle outside verbatim quotes (the five seed articles, one event,
# share at most 0.9% of their 5-shingles, against 3% of 3-shingles), and short enough that one
# edited word disturbs only five shingles, so light copy-editing keeps a copy's Jaccard high.
SHINGLE_SIZE = 5

# Exact Jaccard of the shingle sets at or above which two texts are copies. A wire copy with an
# added editor's note or a trimmed last paragraph scores 0.75-0.9; trimming to half the length
# scores 0.5. Two articles on one event that share quotes (20-30% of their shingles) score
# under 0.2 and the seed articles under 0.01, so 0.5 keeps copies cut to half their length and
# leaves a wide margin above independent reporting.
NEAR_COPY_JACCARD = 0.5

# Permutations per MinHash. 128 is datasketch's default: enough for 42 bands of 3 rows below
# and an estimate of Jaccard within +-0.045 (one standard deviation at 0.5); a sketch is kept
# as 128 32-bit values, 512 bytes.
NUM_PERM = 128

# LSH banding: a pair becomes a candidate when all LSH_ROWS values of at least one of the
# LSH_BANDS bands agree, with probability 1 - (1 - s^3)^42 at shingle Jaccard s:
#   s = 0.5 (the confirm threshold) 99.64%   s = 0.6 99.99%   s = 0.7 1 - 2e-8
#   s = 0.2 (same-event quotes)      29%     s = 0.1  4.1%    s = 0.05 0.5%   s = 0.01 4e-5
# The old 28 bands of 2 rows (threshold 0.2) took 99.97% at 0.5 but also 47% at 0.15 and 25%
# at 0.1, and articles written from shared templates sit at 0.05-0.2: at 10,000 generated
# articles every article drew 30 candidates, almost all rejected, and the count grew with the
# corpus (time exponent 1.74). Three rows cut those candidates ~6x while missing a pair at
# Jaccard 0.5 one time in 280 and a pair at 0.7 never in practice; a missed pair in a copy
# group is usually joined through another member anyway. Four rows would miss 13% at 0.5.
LSH_BANDS = 42
LSH_ROWS = 3
# Where the candidate curve rises through its steepest part, (1 / bands)^(1 / rows).
LSH_THRESHOLD = (1 / LSH_BANDS) ** (1 / LSH_ROWS)

# Candidates whose MinHash estimate of Jaccard (the share of the 128 sketch values two texts
# agree on) is below this are rejected without the exact Jaccard. A pair at the confirm
# threshold 0.5 estimates below 0.25 with probability about 1e-8 (5.7 standard deviations of
# Binomial(128, 0.5) / 128), so this only skips pairs that exact Jaccard would reject.
MIN_SKETCH_ESTIMATE = 0.25

# At most this many candidates (distinct texts) are checked per added article, those sharing
# the most bands first, so one article costs at most ~100 exact Jaccards (~2 ms) whatever the
# corpus holds. Exact repeats share one entry and never count against it. Only a text with
# more than 100 indexed near-variants reaches the cap; in find_copies it still joins their group
# through the 100 most similar, so groups lose no members, only the streaming ``add`` may list
# a partial set of the copies.
MAX_CANDIDATES_PER_ARTICLE = 100

# Words are letters or digits, joined across apostrophes, hyphens and the dots and commas
# inside numbers and initials ("don't", "1,200", "U.S."), which are then dropped: "1,200" and
# "1200" are one word, as are "U.S." and "US". A joiner is dropped exactly when a letter or
# digit stands on both sides of it; the words are then the runs of letters and digits. One
# pass finds the runs joined by single joiners, whose joiners are then dropped.
_JOINED_WORD = re.compile(r"[^\W_]+(?:[-'’.,][^\W_]+)*")
_JOINERS = str.maketrans("", "", "-'’.,")

# datasketch's default permutation scheme takes 32-bit input hashes; the low half of a
# finalised shingle hash is as uniform as the whole. Exact Jaccard still uses all 64 bits.
_LOW_32_BITS = np.uint64(0xFFFF_FFFF)
_EMPTY: ShingleArray = np.empty(0, dtype=np.uint64)

_MERSENNE_PRIME = np.uint64((1 << 61) - 1)
_MERSENNE_BITS = np.uint64(61)

# The sketch matrix starts with this many rows and doubles when full.
_INITIAL_SLOTS = 1024
# Fixed odd 64-bit multipliers that mix a band's rows into one key, and a salt per band so
# equal rows in different bands give different keys. Any fixed values work: a collision only
# adds a candidate. The generator is seeded so that keys are the same in every process.
_MIXING = np.random.default_rng(20250301)
_ROW_MULTIPLIERS = _MIXING.integers(0, 2**63, size=LSH_ROWS, dtype=np.uint64) * 2 + 1
_BAND_SALTS = _MIXING.integers(0, 2**63, size=LSH_BANDS, dtype=np.uint64)
# Odd multipliers, one per word position in a shingle, and murmur3's finaliser constants.
_POSITION_MULTIPLIERS = _MIXING.integers(0, 2**63, size=SHINGLE_SIZE, dtype=np.uint64) * 2 + 1
_FINALISER_MULTIPLIERS = (np.uint64(0xFF51_AFD7_ED55_8CCD), np.uint64(0xC4CE_B9FE_1A85_EC53))
_FINALISER_SHIFT = np.uint64(33)
# Word hashes kept (about 200 bytes each); the cache is emptied when it reaches this size.
_WORD_CACHE_LIMIT = 200_000
_WORD_HASHES: dict[str, int] = {}
_SECONDS_PER_DAY = 86_400.0


def _legacy_permutations(num_perm: int, seed: int = 1) -> npt.NDArray[np.uint64]:
    """datasketch's seeded permutations for its "legacy" scheme, (a * x + b) mod 2^61 - 1 then
    the low 32 bits (its default before 2.0), drawn as ``MinHash(scheme="legacy")`` draws them
    but without importing datasketch (and scipy), so a worker process starts in a third of
    the time. tests/test_dedup.py checks that the two agree.
    """
    generator = np.random.RandomState(seed)
    pairs = [
        (
            generator.randint(1, _MERSENNE_PRIME, dtype=np.uint64),
            generator.randint(0, _MERSENNE_PRIME, dtype=np.uint64),
        )
        for _ in range(num_perm)
    ]
    permutations: npt.NDArray[np.uint64] = np.array(pairs, dtype=np.uint64).T
    return permutations


_PERMUTATIONS = _legacy_permutations(NUM_PERM)


def _words(text: str) -> list[str]:
    """Casefolded words of ``text`` with punctuation stripped and numbers kept."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_JOINED_WORD.findall(folded)).translate(_JOINERS).split()


def _word_hash(word: str) -> int:
    """A word's 64-bit hash (8-byte blake2b, big-endian), cached: news reuses its words."""
    if len(_WORD_HASHES) >= _WORD_CACHE_LIMIT:
        _WORD_HASHES.clear()
    value = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")
    _WORD_HASHES[word] = value
    return value


def _shingle_hashes(words: Sequence[str]) -> ShingleArray:
    """Sorted distinct 64-bit hashes of the word 5-shingles, the same in every process.

    A shingle's hash mixes its five word hashes, each times an odd constant for its position
    (so order counts), then runs murmur3's 64-bit finaliser so every bit reaches the low 32
    the sketch reads. Shingles that differ collide only as often as random 64-bit values.
    """
    count = len(words) - SHINGLE_SIZE + 1
    if count <= 0:
        return _EMPTY
    try:  # the common case: every word is cached
        values = np.fromiter(map(_WORD_HASHES.__getitem__, words), np.uint64, len(words))
    except KeyError:
        cached = _WORD_HASHES.get
        values = np.array([cached(word) or _word_hash(word) for word in words], dtype=np.uint64)
    mixed = values[:count] * _POSITION_MULTIPLIERS[0]
    for position in range(1, SHINGLE_SIZE):
        mixed += values[position : position + count] * _POSITION_MULTIPLIERS[position]
    for multiplier in _FINALISER_MULTIPLIERS:
        mixed ^= mixed >> _FINALISER_SHIFT
        mixed *= multiplier
    mixed ^= mixed >> _FINALISER_SHIFT
    mixed.sort()
    distinct = np.empty(count, dtype=bool)
    distinct[0] = True
    np.not_equal(mixed[1:], mixed[:-1], out=distinct[1:])
    hashes: ShingleArray = mixed[distinct]
    return hashes


def shingles(text: str) -> frozenset[int]:
    """The 64-bit hashes of the word 5-shingles of ``text``; empty if it has fewer words.

    >>> shingles("Five killed, 12 hurt in blast") == shingles("five KILLED 12 hurt in blast!")
    True
    """
    return frozenset(_shingle_hashes(_words(text)).tolist())


def candidate_probability(jaccard: float) -> float:
    """The chance that the LSH bands propose a pair whose shingle Jaccard is ``jaccard``."""
    return float(1 - (1 - jaccard**LSH_ROWS) ** LSH_BANDS)


def _jaccard(left: ShingleArray, right: ShingleArray) -> float:
    """Exact Jaccard similarity of two sorted arrays of distinct shingle hashes."""
    shared = int(np.intersect1d(left, right, assume_unique=True).size)
    union = left.size + right.size - shared
    return shared / union if union else 0.0


def _sketch(hashes: ShingleArray) -> SketchArray:
    """The MinHash of a shingle set as 32-bit values, as datasketch's legacy-scheme ``MinHash``.

    datasketch's ``MinHash`` redraws its permutations for every new sketch, a quarter of the
    time dedup took; here they are drawn once, at import. As in datasketch, ``a * x + b``
    wraps at 2^64 before the reduction mod 2^61 - 1, done here with shifts (no division).
    """
    multipliers, offsets = _PERMUTATIONS
    permuted = np.multiply.outer(multipliers, hashes & _LOW_32_BITS)  # one row a permutation
    permuted += offsets[:, np.newaxis]
    # y mod (2^61 - 1) = (y & (2^61 - 1)) + (y >> 61), less 2^61 - 1 once if that reaches it:
    # below it, the subtraction wraps to a huge value and the minimum keeps the sum.
    reduced = permuted & _MERSENNE_PRIME
    permuted >>= _MERSENNE_BITS
    reduced += permuted
    np.minimum(reduced, reduced - _MERSENNE_PRIME, out=reduced)
    reduced &= _LOW_32_BITS
    sketch: SketchArray = reduced.min(axis=1).astype(np.uint32)
    return sketch


def _band_keys(sketch: SketchArray) -> npt.NDArray[np.uint64]:
    """One 64-bit key per band: its rows mixed by odd multipliers, salted by the band's index.

    Two different bands that mix to one key only add a candidate that the checks reject.
    """
    rows = sketch[: LSH_BANDS * LSH_ROWS].astype(np.uint64).reshape(LSH_BANDS, LSH_ROWS)
    keys: npt.NDArray[np.uint64] = (rows * _ROW_MULTIPLIERS).sum(axis=1, dtype=np.uint64)
    keys ^= _BAND_SALTS
    return keys


class _Prepared(NamedTuple):
    """What the index needs of one text, computed from the text alone (in any process)."""

    content_key: bytes | None  # a hash of the normalised words; None when there are none
    shingles: ShingleArray  # empty when the text has fewer words than a shingle
    sketch: SketchArray | None
    band_keys: npt.NDArray[np.uint64] | None


def _prepare(text: str) -> _Prepared:
    words = _words(text)
    if not words:
        return _Prepared(None, _EMPTY, None, None)
    content_key = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
    ordered = _shingle_hashes(words)
    if not ordered.size:
        return _Prepared(content_key, ordered, None, None)
    sketch = _sketch(ordered)
    return _Prepared(content_key, ordered, sketch, _band_keys(sketch))


def _prepare_texts(texts: Sequence[str]) -> list[_Prepared]:
    """``_prepare`` of each text: one task of ``map_in_chunks``."""
    return [_prepare(text) for text in texts]


class DuplicateIndex:
    """Streaming index of article texts: ``add`` reports the indexed near-copies of a text.

    Each distinct text is kept once, however many ids carry it: its sorted 64-bit shingle
    hashes (8 bytes a word), a 512-byte row of a shared sketch matrix and 42 LSH bucket
    entries, about 9 KB for a 600-word article. An article added with its publication time is
    forgotten once a newer article is more than ``settings.story_window_days`` past it, so
    memory follows the window; ``forget`` drops an article at once.
    """

    def __init__(self, settings: Settings) -> None:
        window = settings.story_window_days
        if not window > 0.0:
            raise SettingsError(
                f"setting 'story_window_days' must be a positive number of days, got {window!r}"
            )
        # Kept for the dedup settings the lead may expose (near_copy_jaccard, ...).
        self._settings = settings
        self._window = window * _SECONDS_PER_DAY
        # The newest publication time seen; articles more than the window older are forgotten.
        self._clock: float | None = None
        self._published_of: dict[str, float] = {}
        self._expiry: list[tuple[float, str]] = []  # heap of (publication time, article id)
        self._content_of: dict[str, bytes | None] = {}
        self._ids_of_content: dict[bytes, set[str]] = {}
        # Texts long enough to shingle get a slot: a row of the sketch matrix and LSH entries.
        self._slot_of_content: dict[bytes, int] = {}
        self._content_of_slot: list[bytes | None] = []
        self._shingles: list[ShingleArray] = []
        self._sketches: SketchMatrix = np.zeros((_INITIAL_SLOTS, NUM_PERM), dtype=np.uint32)
        # Each slot's LSH band keys, kept so that finding and releasing need not remix them.
        self._slot_keys: KeyMatrix = np.zeros((_INITIAL_SLOTS, LSH_BANDS), dtype=np.uint64)
        self._free_slots: list[int] = []
        # Band key -> the slot holding it, or a list of slots once two texts share it.
        self._buckets: dict[int, int | list[int]] = {}

    def __len__(self) -> int:
        return len(self._content_of)

    def add(self, article_id: str, text: str, published: float | None = None) -> list[str]:
        """Index ``text`` under ``article_id``; return the sorted ids of indexed near-copies.

        ``published`` (POSIX seconds) first moves the clock on, forgetting articles more than
        the window older; an article added without one is kept until ``forget``. Re-adding an
        id replaces its text. A text with no words is indexed but copies nothing.
        """
        return self._add_prepared(article_id, _prepare(text), published)

    def _add_prepared(
        self, article_id: str, prepared: _Prepared, published: float | None
    ) -> list[str]:
        """``add`` for a text whose shingles and sketch were computed already."""
        self.forget(article_id)
        if published is not None:
            self._advance(published)
            self._published_of[article_id] = published
            heapq.heappush(self._expiry, (published, article_id))
        content_key = prepared.content_key
        if content_key is None:
            self._content_of[article_id] = None
            return []
        # Exact twins have Jaccard 1 by construction; only the rest need the LSH.
        copies = set(self._ids_of_content.get(content_key, ()))
        slot = self._slot_of_content.get(content_key)
        near: list[int] = []
        if slot is None and not copies:
            near = self._new_slot(content_key, prepared)
        elif slot is not None:
            near = self._near_copy_slots(slot)
        for other in near:
            content = self._content_of_slot[other]
            if content is not None:
                copies.update(self._ids_of_content[content])
        self._content_of[article_id] = content_key
        self._ids_of_content.setdefault(content_key, set()).add(article_id)
        return sorted(copies)

    def forget(self, article_id: str) -> None:
        """Drop ``article_id`` from the index; unknown ids are ignored."""
        if article_id not in self._content_of:
            return
        self._published_of.pop(article_id, None)
        content_key = self._content_of.pop(article_id)
        if content_key is None:
            return
        twins = self._ids_of_content[content_key]
        twins.discard(article_id)
        if twins:
            return
        del self._ids_of_content[content_key]
        slot = self._slot_of_content.pop(content_key, None)
        if slot is not None:
            self._release_slot(slot)

    def _advance(self, published: float) -> None:
        """Move the clock to ``published`` if it is newer; forget what fell out of the window."""
        if self._clock is not None and published <= self._clock:
            return
        self._clock = published
        cutoff = published - self._window
        while self._expiry and self._expiry[0][0] < cutoff:
            when, article_id = heapq.heappop(self._expiry)
            # A stale entry (the id was forgotten or re-added since) is skipped.
            if self._published_of.get(article_id) == when:
                self.forget(article_id)

    def _near_copy_slots(self, slot: int) -> list[int]:
        """Other slots whose text has shingle Jaccard at least NEAR_COPY_JACCARD with ``slot``."""
        hits: dict[int, int] = {}
        for key in self._slot_keys[slot].tolist():
            bucket = self._buckets.get(key)
            for other in (bucket,) if isinstance(bucket, int) else bucket or ():
                hits[other] = hits.get(other, 0) + 1
        return self._confirmed(slot, hits)

    def _confirmed(self, slot: int, hits: dict[int, int]) -> list[int]:
        """The slots in ``hits`` (slot -> bands shared with ``slot``) that are near-copies."""
        hits.pop(slot, None)
        if not hits:
            return []
        # Most shared bands first (the likeliest copies), then the oldest, for a stable order.
        ranked = sorted(hits, key=lambda other: (-hits[other], other))
        candidates = np.array(ranked[:MAX_CANDIDATES_PER_ARTICLE], dtype=np.intp)
        agree = (self._sketches[candidates] == self._sketches[slot]).mean(axis=1)
        mine = self._shingles[slot]
        return [
            int(other)
            for other in candidates[agree >= MIN_SKETCH_ESTIMATE]
            if _jaccard(mine, self._shingles[other]) >= NEAR_COPY_JACCARD
        ]

    def _new_slot(self, content_key: bytes, prepared: _Prepared) -> list[int]:
        """Give a new text a slot with its shingles, sketch and LSH entries; return its copies.

        The bands are looked up as they are filled, so the candidates come for free.
        """
        ordered, sketch, keys = prepared.shingles, prepared.sketch, prepared.band_keys
        if sketch is None or keys is None:
            # Fewer words than a shingle: only the exact content hash can match it.
            return []
        if self._free_slots:
            slot = self._free_slots.pop()
            self._shingles[slot] = ordered
            self._content_of_slot[slot] = content_key
        else:
            slot = len(self._shingles)
            self._shingles.append(ordered)
            self._content_of_slot.append(content_key)
            if slot == len(self._sketches):
                self._sketches = np.concatenate([self._sketches, np.zeros_like(self._sketches)])
                self._slot_keys = np.concatenate([self._slot_keys, np.zeros_like(self._slot_keys)])
        self._sketches[slot] = sketch
        self._slot_keys[slot] = keys
        buckets, hits = self._buckets, dict[int, int]()
        for key in keys.tolist():
            bucket = buckets.setdefault(key, slot)
            if isinstance(bucket, list):
                for other in bucket:
                    hits[other] = hits.get(other, 0) + 1
                bucket.append(slot)
            elif bucket != slot:
                hits[bucket] = hits.get(bucket, 0) + 1
                buckets[key] = [bucket, slot]
        self._slot_of_content[content_key] = slot
        return self._confirmed(slot, hits)

    def _release_slot(self, slot: int) -> None:
        for key in self._slot_keys[slot].tolist():
            bucket = self._buckets[key]
            if isinstance(bucket, int):
                del self._buckets[key]
                continue
            bucket.remove(slot)
            if len(bucket) == 1:
                self._buckets[key] = bucket[0]
        self._shingles[slot] = _EMPTY
        self._content_of_slot[slot] = None
        self._free_slots.append(slot)


@dataclass(frozen=True, slots=True)
class CopyGroups:
    """Groups of articles that are copies of one another; ungrouped articles are their own source.

    Each group holds at least two ids, sorted; the groups are sorted and disjoint.
    """

    groups: tuple[tuple[str, ...], ...] = ()
    _source: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        source: dict[str, str] = {}
        for group in self.groups:
            for article_id in group:
                source.setdefault(article_id, group[0])
        object.__setattr__(self, "_source", source)

    def source_of(self, article_id: str) -> str:
        """The representative of ``article_id``'s group (its first id), or the id itself."""
        return self._source.get(article_id, article_id)


class _UnionFind:
    """Disjoint sets of ids, merged pair by pair (path halving, no ranks: groups are small)."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self._parent.setdefault(item, item)
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def union(self, left: str, right: str) -> None:
        self._parent[self.find(left)] = self.find(right)

    def groups(self) -> list[list[str]]:
        members: dict[str, list[str]] = {}
        for item in self._parent:
            members.setdefault(self.find(item), []).append(item)
        return list(members.values())


def find_copies(
    articles: Sequence[Article], settings: Settings, workers: int | None = None
) -> CopyGroups:
    """Group articles whose texts are exact or near copies; the result ignores input order.

    The articles are streamed in publication order (undated first, then by id and text) so the
    index forgets what falls out of the window: dated articles published more than
    ``settings.story_window_days`` apart are not compared, and memory follows the window.
    Shingles and sketches are computed ahead on ``workers`` processes (default:
    ``grouping_workers``, one for small batches) while this one runs the index.
    """
    index = DuplicateIndex(settings)
    sets = _UnionFind()
    stamped = [(timestamp(article.published), article) for article in articles]
    stamped.sort(key=lambda pair: (pair[0] is not None, pair[0] or 0.0, pair[1].id, pair[1].text))
    if workers is None:
        workers = grouping_workers(settings, len(stamped))
    texts = [article.text for _published, article in stamped]
    with closing(map_in_chunks(_prepare_texts, texts, workers)) as prepared:
        for (published, article), ready in zip(stamped, prepared, strict=True):
            for copy in index._add_prepared(article.id, ready, published):
                sets.union(article.id, copy)
    groups = sorted(tuple(sorted(group)) for group in sets.groups() if len(group) > 1)
    return CopyGroups(tuple(groups))


def independent_sources(article_ids: Iterable[str], copies: CopyGroups) -> int:
    """How many independent sources ``article_ids`` are, counting each copy group once."""
    return len({copies.source_of(article_id) for article_id in article_ids})
