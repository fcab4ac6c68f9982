"""Link-prediction and retrieval metrics, shared by the GNN and the baselines.

Retrieval ranks the *whole* catalogue for each query (no sampled negatives):
gains are the graded fit (0–3); a posting counts as relevant from grade 2
(``RELEVANT_GRADE``) for Recall@k and MRR, and every grade adds to NDCG as
``2^grade - 1``. Unjudged pairs count as grade 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import torch
from torch import Tensor

RELEVANT_GRADE = 2
DEGREE_BUCKETS: tuple[tuple[str, int, int], ...] = (
    ("0", 0, 0),
    ("1-2", 1, 2),
    ("3-5", 3, 5),
    ("6+", 6, 10**9),
)


def auc(positive: Tensor, negative: Tensor) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    if positive.numel() == 0 or negative.numel() == 0:
        return float("nan")
    scores = torch.cat([positive, negative]).double().cpu()
    ranks = torch.empty_like(scores)
    order = torch.argsort(scores)
    ranks[order] = torch.arange(1, scores.numel() + 1, dtype=torch.double)
    # average ranks over ties
    _, inverse, counts = torch.unique(scores, return_inverse=True, return_counts=True)
    sums = torch.zeros(counts.numel(), dtype=torch.double).index_add_(0, inverse, ranks)
    ranks = (sums / counts)[inverse]
    n_pos, n_neg = positive.numel(), negative.numel()
    return float((ranks[:n_pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def dcg(grades: Iterable[float]) -> float:
    """Discounted cumulative gain of grades in ranked order (gain ``2^grade - 1``)."""
    return sum((2.0**g - 1.0) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg(ranked: Sequence[float], judged: Iterable[float], k: int) -> float:
    """NDCG@k of ``ranked`` grades against the ideal order of ``judged``; NaN if no gain.

    The one definition of NDCG in jobgraph: GNN evaluation, weight fitting and
    the match evaluation all call it.
    """
    ideal = dcg(sorted(judged, reverse=True)[:k])
    return dcg(ranked[:k]) / ideal if ideal > 0 else float("nan")


def ranking_metrics(
    scores: np.ndarray, grades: dict[int, dict[int, int]], queries: list[int], *, k: int = 10
) -> dict[str, float]:
    """Mean NDCG@k, Recall@k and MRR over ``queries``.

    Args:
        scores: ``(len(queries), num_items)`` scores, row ``i`` for ``queries[i]``.
        grades: ``query -> {item: grade}`` of the judged pairs.
        queries: The query ids, each with at least one relevant item.
        k: Cut-off.
    """
    ndcgs: list[float] = []
    recall: list[float] = []
    reciprocal: list[float] = []
    for row, query in enumerate(queries):
        judged = grades.get(query, {})
        ranking = np.argsort(-scores[row], kind="stable")
        top = [judged.get(int(item), 0) for item in ranking[:k]]
        value = ndcg(top, judged.values(), k)
        ndcgs.append(0.0 if math.isnan(value) else value)
        relevant = {item for item, grade in judged.items() if grade >= RELEVANT_GRADE}
        if relevant:
            recall.append(sum(1 for item in ranking[:k] if int(item) in relevant) / len(relevant))
            positions = np.nonzero(np.isin(ranking, list(relevant)))[0]
            reciprocal.append(1.0 / (positions[0] + 1))
    return {
        f"ndcg@{k}": float(np.mean(ndcgs)) if ndcgs else float("nan"),
        f"recall@{k}": float(np.mean(recall)) if recall else float("nan"),
        "mrr": float(np.mean(reciprocal)) if reciprocal else float("nan"),
        "queries": len(queries),
    }


def ranking_by_degree(
    scores: np.ndarray,
    grades: dict[int, dict[int, int]],
    queries: list[int],
    degree: dict[int, int],
    *,
    k: int = 10,
) -> dict[str, dict[str, float]]:
    """:func:`ranking_metrics` per degree bucket of the query node (0, 1–2, 3–5, 6+)."""
    result: dict[str, dict[str, float]] = {}
    for name, low, high in DEGREE_BUCKETS:
        rows = [i for i, q in enumerate(queries) if low <= degree.get(q, 0) <= high]
        if rows:
            result[name] = ranking_metrics(scores[rows], grades, [queries[i] for i in rows], k=k)
    return result


def grade_table(candidate: Tensor, posting: Tensor, grade: Tensor) -> dict[int, dict[int, int]]:
    """``candidate -> {posting: grade}`` from aligned tensors."""
    table: dict[int, dict[int, int]] = {}
    for c, p, g in zip(candidate.tolist(), posting.tolist(), grade.tolist(), strict=True):
        table.setdefault(c, {})[p] = g
    return table
