"""Metrics against hand-computed values; negatives where they should come from."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from jobgraph.embed.metrics import auc, ranking_metrics
from jobgraph.embed.sampling import Adjacency, sample_negatives


def test_auc_counts_pairs_and_ties() -> None:
    assert auc(torch.tensor([0.9, 0.8]), torch.tensor([0.1, 0.2])) == 1.0
    assert auc(torch.tensor([0.1]), torch.tensor([0.9])) == 0.0
    assert auc(torch.tensor([0.5, 0.9]), torch.tensor([0.5, 0.1])) == pytest.approx(0.875)


def test_ranking_metrics_by_hand() -> None:
    scores = np.array([[0.9, 0.8, 0.1, 0.5]])  # ranking: 0, 1, 3, 2
    grades = {7: {1: 3, 2: 2, 0: 0}}
    result = ranking_metrics(scores, grades, [7], k=2)
    ideal = (2**3 - 1) + (2**2 - 1) / math.log2(3)
    assert result["ndcg@2"] == pytest.approx((2**3 - 1) / math.log2(3) / ideal)
    assert result["recall@2"] == pytest.approx(0.5)
    assert result["mrr"] == pytest.approx(0.5)


def test_hard_negatives_are_two_hops_away() -> None:
    # sources 0,1 share target 0; source 1 also has target 1; source 2 has only target 2
    edge_index = torch.tensor([[0, 1, 1, 2], [0, 0, 1, 2]])
    adjacency = Adjacency.build(edge_index, 3, 50)
    generator = torch.Generator().manual_seed(0)
    positive = torch.tensor([[0] * 200, [0] * 200])
    negative = sample_negatives(positive, 50, generator, adjacency=adjacency, hard_ratio=1.0)
    # the only two-hop target is 1 (through source 1): a quarter of the draws, the
    # rest fall back to uniform (1 in 50 of which is also 1)
    assert (negative[1] == 1).sum().item() >= 30
    assert torch.all(negative[0] == 0)
    uniform = sample_negatives(positive, 50, generator, hard_ratio=0.0)
    assert len(set(uniform[1].tolist())) > 20
