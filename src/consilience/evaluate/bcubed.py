"""B-cubed precision, recall and F1 of a predicted grouping against a gold grouping.

For an item e with predicted cluster C(e) and gold cluster G(e):
precision(e) = |C(e) ∩ G(e)| / |C(e)| and recall(e) = |C(e) ∩ G(e)| / |G(e)|. B-cubed
precision and recall are the means over all gold items, F1 their harmonic mean (Bagga and
Baldwin 1998; Amigó et al. 2009). An item missing from the prediction counts as a cluster of
its own; a predicted item missing from the gold grouping is ignored, since it cannot be judged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

__all__ = ["BCubedScore", "bcubed", "combine_bcubed"]

Item = TypeVar("Item", bound=Hashable)


@dataclass(frozen=True, slots=True)
class BCubedScore:
    """Mean per-item precision and recall over ``items`` gold items, and their F1."""

    precision: float
    recall: float
    items: int

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def _cluster_of(partition: Iterable[Iterable[Item]]) -> dict[Item, int]:
    return {item: index for index, cluster in enumerate(partition) for item in cluster}


def bcubed(predicted: Sequence[Sequence[Item]], gold: Sequence[Sequence[Item]]) -> BCubedScore:
    """B-cubed scores of ``predicted`` clusters against ``gold`` clusters.

    >>> bcubed([["a", "b"], ["c"]], [["a", "b", "c"]]).precision
    1.0
    """
    gold_of = _cluster_of(gold)
    predicted_of = _cluster_of(predicted)
    # Items the prediction lost get a cluster of their own, numbered past the real ones.
    next_id = len(predicted)
    for item in gold_of:
        if item not in predicted_of:
            predicted_of[item] = next_id
            next_id += 1
    judged = list(gold_of)
    if not judged:
        return BCubedScore(precision=1.0, recall=1.0, items=0)
    # Counting pair sizes once makes this linear rather than quadratic in the items.
    both = Counter((predicted_of[i], gold_of[i]) for i in judged)
    predicted_sizes = Counter(predicted_of[i] for i in judged)
    gold_sizes = Counter(gold_of[i] for i in judged)
    precision = recall = 0.0
    for (p, g), shared in both.items():
        precision += shared * shared / predicted_sizes[p]
        recall += shared * shared / gold_sizes[g]
    return BCubedScore(precision / len(judged), recall / len(judged), len(judged))


def combine_bcubed(scores: Iterable[BCubedScore]) -> BCubedScore:
    """Micro-average: the per-item means over the items of every score together."""
    scores = list(scores)
    items = sum(s.items for s in scores)
    if items == 0:
        return BCubedScore(precision=1.0, recall=1.0, items=0)
    precision = sum(s.precision * s.items for s in scores) / items
    recall = sum(s.recall * s.items for s in scores) / items
    return BCubedScore(precision, recall, items)
