"""Ranking metrics per group and bootstrap confidence intervals over groups.

A *group* is one query: a resume ranking the postings judged for it, or a
posting ranking the resumes judged for it. Only judged pairs are ranked.
Gains for NDCG are ``2^grade - 1``; an item is *relevant* (MRR, MAP,
Recall@k) from grade ``relevant`` up. A group with no relevant item has no
MRR, MAP or Recall, and a group whose judged grades are all equal has no AUC;
they are left out of those means (and counted). Ties in score are broken by a
hash of the item's id, so neither file order nor id order can help a method.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping

import numpy as np

from jobgraph.embed.metrics import ndcg

CUTOFFS = (5, 10)
METRICS = ("ndcg@5", "ndcg@10", "mrr", "map", "recall@10", "auc")


def rank_items(scores: Mapping[str, float]) -> list[str]:
    """Items best first; equal scores ordered by a hash of the id."""
    return sorted(scores, key=lambda item: (-scores[item], zlib.crc32(item.encode())))


def pairwise_auc(scores: Mapping[str, float], grades: Mapping[str, int]) -> float:
    """Share of item pairs with different grades that the scores order correctly (ties half)."""
    items = list(grades)
    right = total = 0.0
    for i, first in enumerate(items):
        for second in items[i + 1 :]:
            if grades[first] == grades[second]:
                continue
            better, worse = (first, second) if grades[first] > grades[second] else (second, first)
            total += 1
            if scores[better] > scores[worse]:
                right += 1
            elif scores[better] == scores[worse]:
                right += 0.5
    return right / total if total else float("nan")


def group_metrics(
    scores: Mapping[str, float], grades: Mapping[str, int], *, relevant: int
) -> dict[str, float]:
    """Every metric of one group (NaN where undefined).

    Args:
        scores: Item -> score, for the judged items.
        grades: Item -> grade.
        relevant: Lowest grade counted as relevant.
    """
    ranking = rank_items({item: scores[item] for item in grades})
    ranked_grades = [grades[item] for item in ranking]
    result: dict[str, float] = {}
    for k in CUTOFFS:
        result[f"ndcg@{k}"] = ndcg(ranked_grades, grades.values(), k)
    hits = [grade >= relevant for grade in ranked_grades]
    count = sum(hits)
    if count:
        first = hits.index(True)
        result["mrr"] = 1.0 / (first + 1)
        found, precision_sum = 0, 0.0
        for position, hit in enumerate(hits, start=1):
            if hit:
                found += 1
                precision_sum += found / position
        result["map"] = precision_sum / count
        result["recall@10"] = sum(hits[:10]) / count
    else:
        result["mrr"] = result["map"] = result["recall@10"] = float("nan")
    result["auc"] = pairwise_auc(scores, grades)
    return result


def per_group(
    scores: Mapping[tuple[str, str], float],
    grades: Mapping[tuple[str, str], int],
    *,
    direction: str,
    relevant: int,
) -> dict[str, dict[str, float]]:
    """Metrics of every group in one direction.

    Args:
        scores: (resume_id, posting_id) -> score.
        grades: (resume_id, posting_id) -> grade.
        direction: ``"resume"`` (each resume ranks postings) or ``"posting"``.
        relevant: Lowest relevant grade.

    Returns:
        Group id -> metric -> value.
    """
    index = 0 if direction == "resume" else 1
    judged: dict[str, dict[str, int]] = {}
    for pair, grade in grades.items():
        judged.setdefault(pair[index], {})[pair[1 - index]] = grade
    result = {}
    for group, items in judged.items():
        group_scores = {
            item: scores[(group, item) if index == 0 else (item, group)] for item in items
        }
        result[group] = group_metrics(group_scores, items, relevant=relevant)
    return result


def bootstrap_means(
    values: dict[str, dict[str, dict[str, float]]],
    *,
    samples: int = 1000,
    seed: int = 7,
    level: float = 0.95,
) -> dict[str, dict[str, dict[str, float]]]:
    """Mean and percentile interval of each metric, resampling groups with replacement.

    Every method is resampled with the same draws of groups (a paired
    bootstrap), so intervals of different methods are comparable.

    Args:
        values: Method -> group -> metric -> value (NaN: undefined for the group).
        samples: Bootstrap resamples.
        seed: Seed of the draws.
        level: Interval coverage.

    Returns:
        Method -> metric -> ``{"mean", "low", "high", "groups"}``.
    """
    methods = list(values)
    groups = sorted({g for by_group in values.values() for g in by_group})
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(groups), size=(samples, len(groups))) if groups else None
    tail = (1.0 - level) / 2
    result: dict[str, dict[str, dict[str, float]]] = {}
    for method in methods:
        result[method] = {}
        for metric in METRICS:
            column = np.array(
                [values[method].get(g, {}).get(metric, float("nan")) for g in groups], dtype=float
            )
            defined = ~np.isnan(column)
            if not defined.any() or draws is None:
                result[method][metric] = {
                    "mean": float("nan"),
                    "low": float("nan"),
                    "high": float("nan"),
                    "groups": 0,
                }
                continue
            filled = np.where(defined, column, 0.0)
            sums = filled[draws].sum(axis=1)
            counts = defined[draws].sum(axis=1)
            means = sums[counts > 0] / counts[counts > 0]
            result[method][metric] = {
                "mean": float(column[defined].mean()),
                "low": float(np.quantile(means, tail)),
                "high": float(np.quantile(means, 1 - tail)),
                "groups": int(defined.sum()),
            }
    return result


def paired_difference(
    values: dict[str, dict[str, dict[str, float]]],
    first: str,
    second: str,
    metric: str,
    *,
    samples: int = 1000,
    seed: int = 7,
    level: float = 0.95,
) -> dict[str, float]:
    """Bootstrap interval of ``mean(first) - mean(second)`` over the groups both define."""
    groups = sorted(
        g
        for g in values[first]
        if not math.isnan(values[first][g].get(metric, float("nan")))
        and not math.isnan(values[second].get(g, {}).get(metric, float("nan")))
    )
    if not groups:
        return {"mean": float("nan"), "low": float("nan"), "high": float("nan"), "groups": 0}
    difference = np.array([values[first][g][metric] - values[second][g][metric] for g in groups])
    rng = np.random.default_rng(seed)
    means = difference[rng.integers(0, len(groups), size=(samples, len(groups)))].mean(axis=1)
    tail = (1.0 - level) / 2
    return {
        "mean": float(difference.mean()),
        "low": float(np.quantile(means, tail)),
        "high": float(np.quantile(means, 1 - tail)),
        "groups": len(groups),
    }
