"""Settle alignment's near-ties with optional MiniLM sentence similarity (embeddings.py).

TF-IDF decides every clear pair; only a pair whose score lies within ``TIE_BAND`` of its floor
is mirrored to the side of the floor the encoder picks. Without an encoder nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from consilience.embeddings import SentenceEncoder, masked, similarity
from consilience.models import Fact, FactKind

__all__ = [
    "EMBEDDING_AGREE",
    "EMBEDDING_DISAGREE",
    "TIE_BAND",
    "TIE_KINDS",
    "TieBreaker",
]

# A pair's margin over its TF-IDF floor counts as a near-tie below this: the floors' own
# comments (align_scoring) put other wordings of one figure at most 0.11 under a floor and
# unrelated figures 0.15 or more under, so 0.1 stays inside the range where TF-IDF is unsure
# and leaves every clear decision to it.
# The kinds whose scores are sentence-similarity margins that embeddings may settle.
TIE_KINDS: tuple[FactKind, ...] = ("quantity", "date")
TIE_BAND = 0.1
# Within one story every sentence is on one topic, so masked MiniLM cosines run high for
# different figures too: on the labelled fixtures' near-floor pairs the figures aligned
# apart scored 0.08-0.89, the ones aligned together 0.11-0.88 (core vs headline inflation in
# parallel sentences reached 0.85). Only a near-paraphrase says "same statement": 0.9.
EMBEDDING_AGREE = 0.9
# Sentences sharing nothing beyond the story's topic. The lowest fixture pair aligned
# together, the strike's start told as "stopped work on Friday" and "began on 13 March 2025"
# (a labelled conflict), scored 0.11, so the line sits just under it.
EMBEDDING_DISAGREE = 0.1
# A pair exactly at its floor that the encoder rejects falls just under it.
_JUST_BELOW = 1e-6


@dataclass(slots=True)
class TieBreaker:
    """One story's tie-breaking: the encoder (if any) and the sentences being gathered."""

    encoder: SentenceEncoder | None = None
    # While not None, near-ties only note their sentences here (see gather).
    _tie_sentences: set[str] | None = None

    def settle(self, a: Fact, b: Fact, margin: float) -> float:
        """``margin`` (score minus floor) with a near-tie settled by the sentences' MiniLM
        similarity (numbers masked): mirrored to the side of the floor the encoder picks, or
        left alone when there is no encoder, no tie, or no clear verdict."""
        if self.encoder is None or abs(margin) >= TIE_BAND:
            return margin
        if self._tie_sentences is not None:
            self._tie_sentences.update(masked(fact.evidence.text) for fact in (a, b))
            return margin
        agreement = similarity(a.evidence.text, b.evidence.text, self.encoder)
        if agreement >= EMBEDDING_AGREE:
            return abs(margin)
        if agreement < EMBEDDING_DISAGREE:
            return -abs(margin) if margin else -_JUST_BELOW
        return margin

    def gather(self, score_pairs: Callable[[], object]) -> None:
        """Run ``score_pairs`` only to note the near-ties' sentences, then encode them in one
        batch: MiniLM encodes a batch some ten times faster per sentence than pair by pair."""
        if self.encoder is None:
            return
        self._tie_sentences = set()
        try:
            score_pairs()
            self.encoder.encode(sorted(self._tie_sentences))
        finally:
            self._tie_sentences = None
