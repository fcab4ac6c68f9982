"""Train / validation / test split of the supervised edges, with no leakage.

* Structural edges (``has_skill``, ``requires``, ``worked_as`` …) are split at
  random, except career edges (``worked_as``): there the held-out edges are the
  most recent job of candidates with more than one, so the model predicts the
  present from the past.
* Edges of a split are never in the message-passing graph of that split: the
  training graph lacks validation and test edges and, each epoch, a fresh share
  of the training edges that serve as that epoch's supervision
  (``disjoint_ratio``); validation sees training edges; test sees both.
* Whole candidates are held out for the candidate → posting retrieval
  evaluation: none of their graded pairs and none of their edges is ever a
  training target (their parsed edges stay as *input*, as for a new resume).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor
from torch_geometric.data import HeteroData

from jobgraph.embed.data import EdgeType, reverse
from jobgraph.embed.labels import GradedPairs

SUPERVISED: tuple[EdgeType, ...] = (
    ("candidate", "has_skill", "skill"),
    ("posting", "requires", "skill"),
    ("occupation", "requires", "skill"),
    ("candidate", "worked_as", "occupation"),
    ("posting", "for_occupation", "occupation"),
)
CAREER: EdgeType = ("candidate", "worked_as", "occupation")


@dataclass
class EdgeSplit:
    """Edge positions (columns of each forward edge type) by role, and held-out nodes."""

    train: dict[EdgeType, Tensor]
    val: dict[EdgeType, Tensor]
    test: dict[EdgeType, Tensor]
    val_candidates: Tensor
    test_candidates: Tensor
    fit_train: GradedPairs | None
    fit_val: GradedPairs | None
    fit_test: GradedPairs | None


def _career_holdout(data: HeteroData, eligible: Tensor, generator: torch.Generator) -> Tensor:
    """Positions of each eligible candidate's most recent job, shuffled."""
    edge_index = data[CAREER].edge_index
    order = data[CAREER].edge_weight
    jobs = torch.bincount(edge_index[0], minlength=data["candidate"].num_nodes)
    recent = (order == 0) & (jobs[edge_index[0]] > 1) & eligible[edge_index[0]]
    positions = recent.nonzero().flatten()
    return positions[torch.randperm(positions.numel(), generator=generator)]


def split_edges(
    data: HeteroData,
    *,
    val_ratio: float = 0.1,
    test_ratio: float = 0.1,
    holdout_ratio: float = 0.2,
    fit: GradedPairs | None = None,
    seed: int = 7,
) -> EdgeSplit:
    """Split the supervised edges and choose held-out candidates.

    Args:
        data: The snapshot.
        val_ratio: Share of each supervised edge type for validation.
        test_ratio: Share for test.
        holdout_ratio: Share of candidates (those with graded pairs, when given)
            held out whole, half for validation and half for test.
        fit: Graded candidate–posting pairs, if any.
        seed: Seed of the split (same seed, same split).
    """
    generator = torch.Generator().manual_seed(seed)
    num_candidates = data["candidate"].num_nodes
    pool = (
        torch.unique(fit.candidate)
        if fit is not None and len(fit)
        else torch.arange(num_candidates)
    )
    pool = pool[torch.randperm(pool.numel(), generator=generator)]
    held = round(pool.numel() * holdout_ratio)
    val_candidates, test_candidates = pool[: held // 2], pool[held // 2 : held]
    held_mask = torch.zeros(num_candidates, dtype=torch.bool)
    held_mask[pool[:held]] = True

    train: dict[EdgeType, Tensor] = {}
    val: dict[EdgeType, Tensor] = {}
    test: dict[EdgeType, Tensor] = {}
    for edge_type in SUPERVISED:
        if edge_type not in data.edge_types:
            continue
        count = data[edge_type].edge_index.size(1)
        eligible = torch.ones(count, dtype=torch.bool)
        if edge_type[0] == "candidate":
            eligible = ~held_mask[data[edge_type].edge_index[0]]
        if edge_type == CAREER:
            recent = _career_holdout(data, ~held_mask, generator)
            wanted = round(eligible.sum().item() * (val_ratio + test_ratio))
            chosen = recent[:wanted]
            cut = round(chosen.numel() * val_ratio / max(val_ratio + test_ratio, 1e-9))
            val[edge_type], test[edge_type] = chosen[:cut], chosen[cut:]
            rest = eligible.clone()
            rest[chosen] = False
            train[edge_type] = rest.nonzero().flatten()
            continue
        positions = eligible.nonzero().flatten()
        positions = positions[torch.randperm(positions.numel(), generator=generator)]
        n_val = round(positions.numel() * val_ratio)
        n_test = round(positions.numel() * test_ratio)
        val[edge_type] = positions[:n_val]
        test[edge_type] = positions[n_val : n_val + n_test]
        train[edge_type] = positions[n_val + n_test :]

    fit_parts: list[GradedPairs | None] = [None, None, None]
    if fit is not None:
        in_val = torch.isin(fit.candidate, val_candidates)
        in_test = torch.isin(fit.candidate, test_candidates)
        fit_parts = [fit.subset(~(in_val | in_test)), fit.subset(in_val), fit.subset(in_test)]
    return EdgeSplit(train, val, test, val_candidates, test_candidates, *fit_parts)


def message_graph(
    data: HeteroData, removed: dict[EdgeType, Tensor | list[Tensor]]
) -> dict[EdgeType, Tensor]:
    """Every edge type's ``edge_index`` without the ``removed`` positions (and their reverses)."""
    result: dict[EdgeType, Tensor] = {}
    for edge_type in data.edge_types:
        if edge_type[1].startswith("rev_"):
            continue
        edge_index = data[edge_type].edge_index
        drop = removed.get(edge_type)
        if drop is not None:
            parts = drop if isinstance(drop, list) else [drop]
            keep = torch.ones(edge_index.size(1), dtype=torch.bool, device=edge_index.device)
            for part in parts:
                keep[part.to(edge_index.device)] = False
            edge_index = edge_index[:, keep]
        result[edge_type] = edge_index
        if reverse(edge_type) in data.edge_types:
            result[reverse(edge_type)] = edge_index.flip(0)
    return result
