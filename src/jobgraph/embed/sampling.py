"""Negative sampling on plain torch: uniform and hard (two hops through a shared neighbour).

A hard negative for a positive pair ``(u, v)`` is a target ``v'`` reached from
``v`` through some other source ``w`` (``w`` has ``v``, and ``w`` also has
``v'``): a skill that co-occurs with the true one, a posting of the same kind.
Everything is vectorised (CSR offsets and random positions), so sampling a
million negatives is a handful of tensor operations on the GPU.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor


@dataclass(frozen=True)
class Adjacency:
    """Compressed neighbour lists of one edge type, in both directions."""

    source_ptr: Tensor
    source_targets: Tensor  # targets grouped by source
    target_ptr: Tensor
    target_sources: Tensor  # sources grouped by target

    @classmethod
    def build(cls, edge_index: Tensor, num_sources: int, num_targets: int) -> Adjacency:
        """Index ``edge_index`` (2 × E) by source and by target."""
        source_ptr, source_targets = _csr(edge_index[0], edge_index[1], num_sources)
        target_ptr, target_sources = _csr(edge_index[1], edge_index[0], num_targets)
        return cls(source_ptr, source_targets, target_ptr, target_sources)


def _csr(rows: Tensor, cols: Tensor, size: int) -> tuple[Tensor, Tensor]:
    order = torch.argsort(rows, stable=True)
    counts = torch.bincount(rows, minlength=size)
    pointer = torch.zeros(size + 1, dtype=torch.long, device=rows.device)
    pointer[1:] = torch.cumsum(counts, 0)
    return pointer, cols[order]


def _random_neighbour(
    pointer: Tensor, values: Tensor, nodes: Tensor, generator: torch.Generator
) -> tuple[Tensor, Tensor]:
    """One random neighbour per node, and whether the node had any."""
    start = pointer[nodes]
    degree = pointer[nodes + 1] - start
    draw = torch.rand(nodes.size(0), generator=generator, device=generator.device)
    offset = (draw * degree.clamp(min=1)).long()
    found = degree > 0
    picked = (
        values[(start + offset).clamp(max=max(values.numel() - 1, 0))] if values.numel() else nodes
    )
    return torch.where(found, picked, nodes), found


def sample_negatives(
    positive: Tensor,
    num_targets: int,
    generator: torch.Generator,
    *,
    adjacency: Adjacency | None = None,
    hard_ratio: float = 0.5,
) -> Tensor:
    """One negative target per positive edge, keeping the positive's source.

    Args:
        positive: Positive edges (2 × B).
        num_targets: Number of target nodes to draw from.
        generator: Random generator on the edges' device.
        adjacency: Neighbour lists for hard negatives; uniform only when ``None``.
        hard_ratio: Share of negatives drawn two hops away (the rest uniform).

    Returns:
        Negative edges (2 × B).
    """
    device = positive.device
    count = positive.size(1)
    targets = torch.randint(0, num_targets, (count,), generator=generator, device=device)
    if adjacency is not None and hard_ratio > 0 and count:
        hard = torch.rand(count, generator=generator, device=device) < hard_ratio
        via, found = _random_neighbour(
            adjacency.target_ptr, adjacency.target_sources, positive[1], generator
        )
        second, found_second = _random_neighbour(
            adjacency.source_ptr, adjacency.source_targets, via, generator
        )
        use = hard & found & found_second & (second != positive[1])
        targets = torch.where(use, second, targets)
    return torch.stack([positive[0], targets])
