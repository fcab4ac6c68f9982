"""The training objective: link-prediction loss over a batch of edge types.

Apart from the loop in :mod:`jobgraph.embed.train` so the loss can be read (and
tested) on its own.
"""

from __future__ import annotations

import torch
from torch import Tensor, nn

from jobgraph.embed.data import NODE_TYPES, EdgeType
from jobgraph.embed.models import LinkPredictor


class StepLoss(nn.Module):
    """Forward plus loss in one call, so DDP sees every parameter in ``forward``."""

    def __init__(self, model: LinkPredictor) -> None:
        super().__init__()
        self.model = model

    def forward(
        self,
        x_dict: dict[str, Tensor],
        edge_index_dict: dict[EdgeType, Tensor],
        batches: list[tuple[EdgeType, Tensor, Tensor, float]],
    ) -> Tensor:
        """Sum over edge types of ``weight × BCE-sum of this process's shard``.

        ``batches`` holds ``(edge type, edges 2 × N, target labels in [0, 1], weight)``.

        Each batch's weight already divides by the *whole* batch size and
        multiplies by the number of processes, so DDP's gradient average is the
        gradient of the single-process mean loss, whatever the shard sizes.
        """
        h = self.model(x_dict, edge_index_dict)
        # normalise each node once, not each gathered pair: far fewer rows
        unit = {t: torch.nn.functional.normalize(v, dim=-1) for t, v in h.items()}
        scale = self.model.log_scale.exp()
        total = h[NODE_TYPES[0]].new_zeros(())
        for (source, _, target), edges, labels, weight in batches:
            logits = scale * (unit[source][edges[0]] * unit[target][edges[1]]).sum(-1)
            total = total + weight * self.model.loss(logits, labels, reduction="sum")
        return total


def labelled_batch(positive: Tensor, negative: Tensor) -> tuple[Tensor, Tensor]:
    """Positive and negative edges as one batch with 1/0 targets."""
    labels = torch.cat(
        [positive.new_ones(positive.size(1)), negative.new_zeros(negative.size(1))]
    ).float()
    return torch.cat([positive, negative], dim=1), labels
