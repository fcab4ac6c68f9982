"""Learn the score's weights from graded pairs, and calibrate the total.

Pure: a feature matrix (one row per graded pair, columns in ``FEATURES``
order), the grades and the pairs' groups in; a :class:`ScoreWeights` out.

- **Objective**: pairwise logistic ranking (RankNet) inside each group (a
  candidate's postings, and a posting's candidates): for every two pairs of a
  group with different grades, the better one should score higher.
- **Non-negative weights**: ``w = softplus(θ)``, then scaled to sum to 1 so the
  total stays in [0, 1] and the breakdown reads the same way as the defaults.
- **Validation**: groups are split (seeded) into fit and validation; NDCG@10 on
  the validation groups is reported for the defaults and for the fitted weights.
- **Calibration**: isotonic regression (pool adjacent violators) of "good fit"
  (grade ≥ ``good_grade``) on the fitted total, over all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from jobgraph.embed.metrics import ndcg
from jobgraph.errors import ValidationError
from jobgraph.match.weights import DEFAULT_WEIGHTS, FEATURES, Calibration, ScoreWeights


@dataclass(frozen=True)
class GradedFeatures:
    """Graded pairs as features: ``x`` (n × features), ``grades`` (n), group keys per pair."""

    x: np.ndarray
    grades: np.ndarray
    candidate_groups: Sequence[str]
    posting_groups: Sequence[str]


def ndcg_at(scores: np.ndarray, grades: np.ndarray, k: int = 10) -> float:
    """NDCG@k of one group ranked by ``scores`` (gain ``2**grade - 1``); NaN if no gain."""
    order = np.argsort(-scores, kind="stable")
    return ndcg(grades[order].tolist(), grades.tolist(), k)


def mean_ndcg(scores: np.ndarray, grades: np.ndarray, groups: Sequence[str], k: int = 10) -> float:
    """Mean NDCG@k over groups that have at least one relevant pair."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        members[group].append(i)
    values = [ndcg_at(scores[idx], grades[idx], k) for idx in map(np.asarray, members.values())]
    values = [v for v in values if not np.isnan(v)]
    return float(np.mean(values)) if values else float("nan")


def _pairs(grades: np.ndarray, groups: Sequence[str], rows: np.ndarray) -> np.ndarray:
    """(better, worse) index pairs within each group, among ``rows``."""
    members: dict[str, list[int]] = defaultdict(list)
    for i in rows:
        members[groups[i]].append(int(i))
    out: list[tuple[int, int]] = []
    for idx in members.values():
        for a in idx:
            for b in idx:
                if grades[a] > grades[b]:
                    out.append((a, b))
    return np.asarray(out, dtype=np.int64).reshape(-1, 2)


def isotonic(scores: np.ndarray, labels: np.ndarray) -> Calibration:
    """Pool-adjacent-violators fit of ``labels`` (0/1) on ``scores``, as a step map."""
    order = np.argsort(scores, kind="stable")
    blocks: list[list[float]] = []  # [sum of labels, count, lowest score]
    for i in order:
        blocks.append([float(labels[i]), 1.0, float(scores[i])])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            total, count, _ = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    return Calibration(tuple(b[2] for b in blocks), tuple(b[0] / b[1] for b in blocks))


def fit_weights(
    data: GradedFeatures,
    *,
    good_grade: int = 2,
    validation: float = 0.2,
    epochs: int = 300,
    seed: int = 0,
    source: str = "fitted",
) -> ScoreWeights:
    """Fit non-negative weights by pairwise ranking; calibrate; report validation NDCG@10.

    Raises:
        ValidationError: Fewer than two grades, or no ordered pair to learn from.
    """
    if len(np.unique(data.grades)) < 2:
        raise ValidationError("graded pairs need at least two different grades to learn from")
    rng = np.random.default_rng(seed)
    groups = sorted(set(data.candidate_groups))
    held_out = set(rng.choice(groups, size=max(1, int(len(groups) * validation)), replace=False))
    fit_rows = np.asarray([i for i, g in enumerate(data.candidate_groups) if g not in held_out])
    val_rows = np.asarray([i for i, g in enumerate(data.candidate_groups) if g in held_out])
    ordered = np.concatenate([
        _pairs(data.grades, data.candidate_groups, fit_rows),
        _pairs(data.grades, data.posting_groups, fit_rows),
    ])
    if len(ordered) == 0:
        raise ValidationError("no two pairs of one group have different grades; nothing to rank")
    torch.manual_seed(seed)
    x = torch.as_tensor(data.x, dtype=torch.float32)
    start = torch.tensor([DEFAULT_WEIGHTS[f] for f in FEATURES])
    theta = torch.log(torch.expm1(start.clamp(min=1e-3) * 10)).requires_grad_(True)
    log_scale = torch.zeros(1, requires_grad=True)
    better, worse = torch.as_tensor(ordered[:, 0]), torch.as_tensor(ordered[:, 1])
    optimiser = torch.optim.Adam([theta, log_scale], lr=0.05)
    for _ in range(epochs):
        optimiser.zero_grad()
        weights = torch.nn.functional.softplus(theta)
        scores = x @ (weights / weights.sum()) * torch.exp(log_scale) * 10
        loss = torch.nn.functional.softplus(-(scores[better] - scores[worse])).mean()
        loss.backward()
        optimiser.step()
    with torch.no_grad():
        positive = torch.nn.functional.softplus(theta)
        fitted = (positive / positive.sum()).numpy().astype(np.float64)
    named = {f: round(float(w), 6) for f, w in zip(FEATURES, fitted, strict=True)}
    vector = np.asarray([named[f] for f in FEATURES])
    default = np.asarray([DEFAULT_WEIGHTS[f] for f in FEATURES])
    metrics = {
        "pairs": len(data.grades), "ordered_pairs": len(ordered),
        "fit_groups": len(groups) - len(held_out), "validation_groups": len(held_out),
        "final_loss": float(loss.item()),
    }
    if len(val_rows):
        val_groups = [data.candidate_groups[i] for i in val_rows]
        metrics["validation_ndcg@10_defaults"] = mean_ndcg(
            data.x[val_rows] @ default, data.grades[val_rows], val_groups)
        metrics["validation_ndcg@10_fitted"] = mean_ndcg(
            data.x[val_rows] @ vector, data.grades[val_rows], val_groups)
    calibration = isotonic(data.x @ vector, (data.grades >= good_grade).astype(float))
    return ScoreWeights(named, calibration, source, metrics)
