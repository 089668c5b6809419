"""Near-duplicates and syndication: a wire story republished by several outlets is one source.

Exact copies are found by a hash of the normalised text. Near-copies are found by MinHash LSH
over word shingles (datasketch) and every LSH candidate is confirmed by the exact Jaccard
similarity of the two shingle sets, so LSH only saves comparisons and never decides. Copy
groups are transitive (union-find): if A copies B and B copies C, all three are one source.

>>> from consilience.models import Article
>>> wire = "Rescuers pulled two more survivors from the rubble on Tuesday, officials said."
>>> articles = [Article("a", "a.txt", wire), Article("b", "b.txt", wire.upper())]
>>> copies = find_copies(articles, Settings())
>>> copies.groups, independent_sources(["a", "b"], copies)
((('a', 'b'),), 1)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash, MinHash, MinHashLSH

from consilience.models import Article
from consilience.settings import Settings

__all__ = [
    "LSH_THRESHOLD",
    "NEAR_COPY_JACCARD",
    "NUM_PERM",
    "SHINGLE_SIZE",
    "CopyGroups",
    "DuplicateIndex",
    "find_copies",
    "independent_sources",
    "shingles",
]

ShingleArray = npt.NDArray[np.uint64]

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

# Permutations per MinHash. 128 is datasketch's default: the LSH below gets enough bands for a
# sharp curve and a sketch costs 512 bytes.
NUM_PERM = 128

# The LSH threshold sits well below NEAR_COPY_JACCARD because LSH only proposes candidates and
# the exact Jaccard decides: a missed pair is a missed copy, a false candidate costs one
# set intersection. datasketch picks 28 bands of 2 rows for 0.2 and 128 permutations, so a pair
# becomes a candidate with probability 1 - (1 - s^2)^28: 99.97% at s = 0.5 (the confirm
# threshold), 99.9999% at 0.7, 47% at 0.15 (same-event articles sharing quotes) and 0.3% at
# 0.01 (independent articles).
LSH_THRESHOLD = 0.2

# Words are letters or digits, joined across apostrophes, hyphens and the dots and commas
# inside numbers and initials ("don't", "1,200", "U.S."), which are then dropped: "1,200" and
# "1200" are one word, as are "U.S." and "US".
_WORD = re.compile(r"[^\W_]+(?:[-'’.,][^\W_]+)*")
_JOINERS = re.compile(r"[-'’.,]")

# datasketch's default permutation scheme takes 32-bit input hashes; the low half of a
# blake2b digest is as uniform as the whole. Exact Jaccard still uses all 64 bits.
_LOW_32_BITS = 0xFFFF_FFFF
_EMPTY: ShingleArray = np.empty(0, dtype=np.uint64)


def _words(text: str) -> list[str]:
    """Casefolded words of ``text`` with punctuation stripped and numbers kept."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return [_JOINERS.sub("", match) for match in _WORD.findall(folded)]


def _hash64(value: str) -> int:
    """A 64-bit hash that is the same in every process (unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big")


def _shingle_hashes(words: Sequence[str]) -> set[int]:
    return {
        _hash64(" ".join(words[i : i + SHINGLE_SIZE])) for i in range(len(words) - SHINGLE_SIZE + 1)
    }


def shingles(text: str) -> frozenset[int]:
    """The 64-bit hashes of the word 5-shingles of ``text``; empty if it has fewer words.

    >>> shingles("Five killed, 12 hurt in blast") == shingles("five KILLED 12 hurt in blast!")
    True
    """
    return frozenset(_shingle_hashes(_words(text)))


def _low_32_bits(shingle: int) -> int:
    return shingle & _LOW_32_BITS


@cache
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's (bands, rows) for ``threshold``, computed once: it integrates the curve."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def _jaccard(left: ShingleArray, right: ShingleArray) -> float:
    """Exact Jaccard similarity of two sorted arrays of distinct shingle hashes."""
    shared = int(np.intersect1d(left, right, assume_unique=True).size)
    union = left.size + right.size - shared
    return shared / union if union else 0.0


@dataclass(frozen=True, slots=True)
class _Entry:
    """What the index keeps of one article; ``sketch`` is None for texts too short to shingle.

    Memory per article: the sorted shingle hashes at 8 bytes each (one shingle per word), the
    512-byte sketch, and 28 LSH band keys with their dict and set overhead. tracemalloc measures
    ~15 KB for a 600-word article, so 100,000 indexed articles take ~1.5 GB.
    """

    content_key: bytes | None
    shingles: ShingleArray
    sketch: LeanMinHash | None


class DuplicateIndex:
    """Streaming index of article texts: ``add`` reports the indexed near-copies of a text.

    Memory grows with the articles indexed; ``forget`` evicts articles that fall out of a
    time window so a long-running feed stays bounded.
    """

    def __init__(self, settings: Settings) -> None:
        # Kept for the dedup settings the lead may expose (near_copy_jaccard, ...).
        self._settings = settings
        self._lsh = MinHashLSH(
            threshold=LSH_THRESHOLD,
            num_perm=NUM_PERM,
            params=_lsh_params(LSH_THRESHOLD, NUM_PERM),
        )
        self._entries: dict[str, _Entry] = {}
        self._by_content: dict[bytes, set[str]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, article_id: str, text: str) -> list[str]:
        """Index ``text`` under ``article_id``; return the sorted ids of indexed near-copies.

        Re-adding an id replaces its text. A text with no words is indexed but copies nothing.
        """
        self.forget(article_id)
        words = _words(text)
        if not words:
            self._entries[article_id] = _Entry(None, _EMPTY, None)
            return []
        content_key = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
        twins = self._by_content.get(content_key, set())
        entry = self._entry_like(twins) or self._new_entry(content_key, words)
        # Exact twins have Jaccard 1 by construction; only the rest need the LSH.
        copies = set(twins)
        if entry.sketch is not None:
            for candidate in self._lsh.query(entry.sketch):
                if candidate in copies:
                    continue
                other = self._entries[candidate].shingles
                if _jaccard(entry.shingles, other) >= NEAR_COPY_JACCARD:
                    copies.add(candidate)
            self._lsh.insert(article_id, entry.sketch, check_duplication=False)
        self._entries[article_id] = entry
        self._by_content.setdefault(content_key, set()).add(article_id)
        return sorted(copies)

    def forget(self, article_id: str) -> None:
        """Drop ``article_id`` from the index; unknown ids are ignored."""
        entry = self._entries.pop(article_id, None)
        if entry is None:
            return
        if entry.sketch is not None:
            self._lsh.remove(article_id)
        if entry.content_key is not None:
            twins = self._by_content[entry.content_key]
            twins.discard(article_id)
            if not twins:
                del self._by_content[entry.content_key]

    def _entry_like(self, twins: set[str]) -> _Entry | None:
        """The entry of an exact twin, whose shingles and sketch the new copy can share."""
        return self._entries[next(iter(twins))] if twins else None

    def _new_entry(self, content_key: bytes, words: Sequence[str]) -> _Entry:
        hashes = _shingle_hashes(words)
        if not hashes:
            # Fewer words than a shingle: only the exact content hash can match it.
            return _Entry(content_key, _EMPTY, None)
        ordered = np.fromiter(sorted(hashes), dtype=np.uint64, count=len(hashes))
        sketch = MinHash(num_perm=NUM_PERM, hashfunc=_low_32_bits)
        sketch.update_batch(hashes)
        return _Entry(content_key, ordered, LeanMinHash(sketch))


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


def find_copies(articles: Sequence[Article], settings: Settings) -> CopyGroups:
    """Group articles whose texts are exact or near copies; the result ignores input order."""
    index = DuplicateIndex(settings)
    sets = _UnionFind()
    for article in articles:
        for copy in index.add(article.id, article.text):
            sets.union(article.id, copy)
    groups = sorted(tuple(sorted(group)) for group in sets.groups() if len(group) > 1)
    return CopyGroups(tuple(groups))


def independent_sources(article_ids: Iterable[str], copies: CopyGroups) -> int:
    """How many independent sources ``article_ids`` are, counting each copy group once."""
    return len({copies.source_of(article_id) for article_id in article_ids})
