"""Vectors for new resumes and postings without retraining.

A candidate's or posting's in-neighbours are skills and occupations only. The
model bundle caches every layer's vectors of those taxonomy nodes, so a new
node's layer ``l + 1`` is the model's own convolution applied to its layer
``l`` and its neighbours' cached layer ``l``: exactly what a full-graph forward
gives that node, minus the (small) effect the new node would have had on its
neighbours. Re-embed the whole graph (``jobgraph train`` or a forward pass)
when many documents have been added since, as neighbours drift.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import torch
from torch import Tensor

from jobgraph.embed.bundle import ModelBundle
from jobgraph.embed.data import TAXONOMY_TYPES, EdgeType, reverse
from jobgraph.errors import JobgraphError

#: Forward edge types from a document node to the taxonomy, by document type.
DOCUMENT_EDGES: dict[str, tuple[EdgeType, ...]] = {
    "candidate": (("candidate", "has_skill", "skill"), ("candidate", "worked_as", "occupation")),
    "posting": (("posting", "requires", "skill"), ("posting", "for_occupation", "occupation")),
}


class InductiveEmbedder:
    """Compute GNN vectors for documents from their features and taxonomy neighbours.

    Args:
        bundle: A trained model bundle (with its layer cache).
    """

    def __init__(self, bundle: ModelBundle) -> None:
        self.bundle = bundle
        self.model = bundle.model()
        self.index = {t: {i: n for n, i in enumerate(bundle.layer_ids[t])} for t in TAXONOMY_TYPES}
        self.cache = bundle.layer_cache
        self.hidden = bundle.config.hidden

    @torch.no_grad()
    def embed(
        self, node_type: str, features: np.ndarray | Tensor, neighbours: Mapping[str, Sequence[str]]
    ) -> np.ndarray:
        """The L2-normalised vector of one new document.

        Args:
            node_type: ``"candidate"`` or ``"posting"``.
            features: Its text feature vector.
            neighbours: ``relation -> neighbour ids`` for the relations of
                :data:`DOCUMENT_EDGES` (e.g. ``{"has_skill": [...], "worked_as": [...]}``);
                ids the model has never seen are ignored.

        Raises:
            JobgraphError: ``node_type`` is not a document type.
        """
        if node_type not in DOCUMENT_EDGES:
            raise JobgraphError(
                f"inductive vectors are for candidates and postings, not {node_type!r}"
            )
        encoder = self.model.encoder
        x = torch.as_tensor(np.asarray(features, dtype=np.float32)).reshape(1, -1)
        rows: dict[str, Tensor] = {}
        edges: dict[EdgeType, Tensor] = {}
        for edge_type in DOCUMENT_EDGES[node_type]:
            target = edge_type[2]
            known = [
                self.index[target][i]
                for i in neighbours.get(edge_type[1], ())
                if i in self.index[target]
            ]
            rows[target] = torch.tensor(sorted(set(known)), dtype=torch.long)
            incoming = reverse(edge_type)
            count = rows[target].numel()
            edges[incoming] = torch.stack(
                [torch.arange(count), torch.zeros(count, dtype=torch.long)]
            )
        h = {node_type: encoder.project[node_type](x)}
        outputs = [h[node_type]]
        for layer in range(len(encoder.convs)):
            x_dict = {node_type: outputs[-1]}
            for target, positions in rows.items():
                x_dict[target] = self.cache[target][layer][positions]
            out = encoder.step(layer, x_dict, edges)
            outputs.append(out[node_type])
        final = encoder.combine([{node_type: o} for o in outputs])[node_type]
        return torch.nn.functional.normalize(final, dim=-1)[0].numpy()
