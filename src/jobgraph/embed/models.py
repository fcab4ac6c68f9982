"""The GNN: ``nn.Module``s only (encoder, decoder, loss); no data, no training loop.

Two encoder families share one shape, so training, inductive inference and the
benchmarks treat them alike:

* ``sage``: a per-node-type linear projection of the text features, then
  ``layers`` rounds of ``HeteroConv`` with one ``SAGEConv`` (mean aggregation)
  per edge type, summed over the edge types arriving at a node type, each
  round added to its input (residual).
* ``lightgcn``: the same projection, then parameter-free mean propagation
  (LightGCN-style); the output is the mean of the layers. Few parameters, fast,
  and a useful floor for the learned convolutions.

Both expose :meth:`HeteroEncoder.layer_outputs` (every layer's node vectors),
which inductive inference caches; and both compute a node's next layer from its
own vector and its in-neighbours only, which is what makes that cache exact.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch_geometric.nn import HeteroConv, SAGEConv
from torch_geometric.utils import scatter

EdgeType = tuple[str, str, str]
ENCODERS = ("sage", "lightgcn")


class MeanPropagation(nn.Module):
    """One parameter-free round: each node gets the sum over edge types of its
    in-neighbours' mean (LightGCN-style, without degree weighting on the source)."""

    def __init__(self, edge_types: Sequence[EdgeType]) -> None:
        super().__init__()
        self.edge_types = list(edge_types)

    def forward(
        self, x_dict: dict[str, Tensor], edge_index_dict: dict[EdgeType, Tensor]
    ) -> dict[str, Tensor]:
        out: dict[str, Tensor] = {}
        for edge_type, edge_index in edge_index_dict.items():
            source, _, target = edge_type
            if target not in x_dict:
                continue
            size = x_dict[target].size(0)
            if edge_index.numel():
                message = scatter(x_dict[source][edge_index[0]], edge_index[1], 0, size, "mean")
            else:
                message = x_dict[target].new_zeros(x_dict[target].shape)
            out[target] = out[target] + message if target in out else message
        return out


class HeteroEncoder(nn.Module):
    """Map every node's text features to a ``hidden``-dimensional vector.

    Args:
        node_types: The graph's node types.
        edge_types: The edge types used for message passing (with reverses).
        in_channels: Width of the input features (384 for MiniLM).
        hidden: Width of every layer and of the output.
        layers: Rounds of message passing.
        encoder: ``"sage"`` or ``"lightgcn"``.
    """

    def __init__(
        self,
        node_types: Sequence[str],
        edge_types: Sequence[EdgeType],
        *,
        in_channels: int,
        hidden: int = 64,
        layers: int = 2,
        encoder: str = "sage",
    ) -> None:
        super().__init__()
        if encoder not in ENCODERS:
            raise ValueError(f"unknown encoder {encoder!r}; choose one of {', '.join(ENCODERS)}")
        self.encoder = encoder
        self.node_types = list(node_types)
        self.edge_types = list(edge_types)
        self.hidden = hidden
        self.project = nn.ModuleDict({t: nn.Linear(in_channels, hidden) for t in node_types})
        self.convs = nn.ModuleList()
        # ReZero-style gates: each residual branch starts switched off and opens as
        # training finds it useful, so the model starts as the text projection
        self.gates = nn.Parameter(torch.zeros(layers))
        for _ in range(layers):
            if encoder == "sage":
                self.convs.append(
                    HeteroConv({e: SAGEConv(hidden, hidden) for e in edge_types}, aggr="sum")
                )
            else:
                self.convs.append(MeanPropagation(edge_types))

    def layer_outputs(
        self, x_dict: dict[str, Tensor], edge_index_dict: dict[EdgeType, Tensor]
    ) -> list[dict[str, Tensor]]:
        """Return ``[h0, h1, …, hL]``: the projection, then each layer's output."""
        h = {t: self.project[t](x) for t, x in x_dict.items()}
        outputs = [h]
        for index in range(len(self.convs)):
            h = self.step(index, h, edge_index_dict)
            outputs.append(h)
        return outputs

    def step(
        self, layer: int, h: dict[str, Tensor], edge_index_dict: dict[EdgeType, Tensor]
    ) -> dict[str, Tensor]:
        """Round ``layer`` of message passing from ``h``, activation included."""
        out = self.convs[layer](h, edge_index_dict)
        out = {t: out.get(t, torch.zeros_like(v)) for t, v in h.items()}
        if self.encoder == "sage":  # gated residual: the text signal reaches the output
            last = layer == len(self.convs) - 1
            gate = self.gates[layer]
            out = {t: h[t] + gate * (v if last else F.relu(v)) for t, v in out.items()}
        return out

    @torch.no_grad()
    def initialise_projection(self, x_dict: dict[str, Tensor], *, sample: int = 50_000) -> None:
        """Start every projection at the features' top principal directions.

        Text vectors share a large common component (MiniLM vectors of unrelated
        texts still have cosine ~0.4); centring it away and keeping the main
        directions makes the untrained model rank like the text features, so
        training starts from that baseline instead of from a random projection.
        """
        features = torch.cat([x for x in x_dict.values() if x.numel()])
        if features.size(0) > sample:
            chosen = torch.randperm(features.size(0), device=features.device)[:sample]
            features = features[chosen]
        mean = features.mean(0)
        hidden = self.hidden
        rank = min(hidden, features.size(0), features.size(1))
        _, _, v = torch.linalg.svd(features - mean, full_matrices=False)
        weight = torch.zeros(hidden, features.size(1), device=features.device)
        weight[:rank] = v[:rank]
        for layer in self.project.values():
            assert isinstance(layer, nn.Linear)
            layer.weight.copy_(weight)
            layer.bias.copy_(-(weight @ mean))

    def combine(self, outputs: list[dict[str, Tensor]]) -> dict[str, Tensor]:
        """The final vectors from all layers' outputs."""
        if self.encoder == "lightgcn":
            return {t: torch.stack([o[t] for o in outputs]).mean(0) for t in outputs[0]}
        return outputs[-1]

    def forward(
        self, x_dict: dict[str, Tensor], edge_index_dict: dict[EdgeType, Tensor]
    ) -> dict[str, Tensor]:
        return self.combine(self.layer_outputs(x_dict, edge_index_dict))


class LinkPredictor(nn.Module):
    """Encoder plus a cosine decoder with a learned scale.

    Scores are ``scale * cos(h_u, h_v)``: ranking by them is ranking by the
    cosine of the stored (L2-normalised) vectors, which is what the Neo4j
    vector index does.
    """

    def __init__(self, encoder: HeteroEncoder, *, initial_scale: float = 5.0) -> None:
        super().__init__()
        self.encoder = encoder
        self.log_scale = nn.Parameter(torch.tensor(float(initial_scale)).log())

    def forward(
        self, x_dict: dict[str, Tensor], edge_index_dict: dict[EdgeType, Tensor]
    ) -> dict[str, Tensor]:
        return self.encoder(x_dict, edge_index_dict)

    def score(self, source: Tensor, target: Tensor) -> Tensor:
        """Logits for row-aligned pairs of vectors."""
        cosine = (F.normalize(source, dim=-1) * F.normalize(target, dim=-1)).sum(-1)
        return self.log_scale.exp() * cosine

    def loss(self, logits: Tensor, labels: Tensor, *, reduction: str = "mean") -> Tensor:
        """Binary cross-entropy of logits against targets in [0, 1] (``mean`` or ``sum``)."""
        return F.binary_cross_entropy_with_logits(logits, labels, reduction=reduction)
