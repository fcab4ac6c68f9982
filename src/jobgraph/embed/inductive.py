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
        """The L2-normalised vector of one new document (see :meth:`embed_many`)."""
        return self.embed_many(node_type, [features], [neighbours])[0]

    @torch.no_grad()
    def embed_many(
        self,
        node_type: str,
        features: Sequence[np.ndarray | Tensor],
        neighbours: Sequence[Mapping[str, Sequence[str]]],
    ) -> np.ndarray:
        """L2-normalised vectors of new documents, computed together.

        Args:
            node_type: ``"candidate"`` or ``"posting"``.
            features: One text feature vector per document.
            neighbours: Per document, ``relation -> neighbour ids`` for the
                relations of :data:`DOCUMENT_EDGES` (e.g. ``{"has_skill": [...],
                "worked_as": [...]}``); ids the model has never seen are ignored.

        Returns:
            An array of shape ``(len(features), hidden)``.

        Raises:
            JobgraphError: ``node_type`` is not a document type.
        """
        if node_type not in DOCUMENT_EDGES:
            raise JobgraphError(
                f"inductive vectors are for candidates and postings, not {node_type!r}"
            )
        if len(features) == 0:
            return np.zeros((0, self.hidden), dtype=np.float32)
        encoder = self.model.encoder
        x = torch.stack(
            [torch.as_tensor(np.asarray(f, dtype=np.float32)).reshape(-1) for f in features]
        )
        rows: dict[str, Tensor] = {}
        edges: dict[EdgeType, Tensor] = {}
        for edge_type in DOCUMENT_EDGES[node_type]:
            target = edge_type[2]
            index = self.index[target]
            pairs = sorted(
                {
                    (index[i], document)
                    for document, found in enumerate(neighbours)
                    for i in found.get(edge_type[1], ())
                    if i in index
                }
            )
            cached = torch.tensor([p[0] for p in pairs], dtype=torch.long)
            rows[target], source = torch.unique(cached, return_inverse=True)
            documents = torch.tensor([p[1] for p in pairs], dtype=torch.long)
            edges[reverse(edge_type)] = torch.stack([source.reshape(-1), documents])
        outputs = [encoder.project[node_type](x)]
        for layer in range(len(encoder.convs)):
            x_dict = {node_type: outputs[-1]}
            for target, positions in rows.items():
                x_dict[target] = self.cache[target][layer][positions]
            outputs.append(encoder.step(layer, x_dict, edges)[node_type])
        final = encoder.combine([{node_type: o} for o in outputs])[node_type]
        return torch.nn.functional.normalize(final, dim=-1).numpy()
