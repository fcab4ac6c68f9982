"""A trained model as one file: weights, config, versions, metrics, layer cache.

The layer cache holds every layer's vectors of the taxonomy nodes (skills and
occupations), computed on the whole graph. A new resume or posting only has
skills and occupations as neighbours, so with that cache its vector is exact
and cheap (see :mod:`jobgraph.embed.inductive`). Saved as plain tensors and
JSON, loaded with ``weights_only=True``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import torch
from torch import Tensor
from torch_geometric.data import HeteroData

from jobgraph.embed.data import NODE_TYPES, TAXONOMY_TYPES, EdgeType, read_payload
from jobgraph.embed.models import LinkPredictor
from jobgraph.embed.split import message_graph
from jobgraph.embed.train import TrainConfig, build_model

FORMAT = "jobgraph-gnn/1"
EMBEDDINGS_FORMAT = "jobgraph-embeddings/1"


@dataclass
class ModelBundle:
    """Everything inference needs, without the graph."""

    config: TrainConfig
    state: dict[str, Tensor]
    edge_types: list[EdgeType]
    in_channels: int
    taxonomy_version: str
    graph_digest: str
    metrics: dict[str, Any]
    layer_ids: dict[str, list[str]]
    layer_cache: dict[str, list[Tensor]]

    def model(self) -> LinkPredictor:
        """Rebuild the trained model (eval mode, CPU)."""
        probe = HeteroData()
        for node_type in NODE_TYPES:
            probe[node_type].x = torch.zeros((0, self.in_channels))
        for edge_type in self.edge_types:
            probe[edge_type].edge_index = torch.zeros((2, 0), dtype=torch.long)
        model = build_model(probe, self.config)
        model.load_state_dict(self.state)
        return model.eval()


@torch.no_grad()
def full_graph_outputs(model: LinkPredictor, data: HeteroData) -> list[dict[str, Tensor]]:
    """Every layer's vectors of every node, with all edges in message passing."""
    model.eval()
    x_dict = {t: data[t].x for t in NODE_TYPES}
    return model.encoder.layer_outputs(x_dict, message_graph(data, {}))


def make_bundle(
    model: LinkPredictor, data: HeteroData, config: TrainConfig, metrics: dict[str, Any]
) -> tuple[ModelBundle, dict[str, Tensor]]:
    """Bundle a trained model and compute the final vectors of every node.

    Returns:
        The bundle and ``node type -> (N, hidden)`` final vectors (L2-normalised).
    """
    outputs = full_graph_outputs(model, data)
    final = model.encoder.combine(outputs)
    vectors = {t: torch.nn.functional.normalize(v, dim=-1).cpu() for t, v in final.items()}
    bundle = ModelBundle(
        config=config,
        state={k: v.detach().cpu() for k, v in model.state_dict().items()},
        edge_types=sorted(data.edge_types),
        in_channels=int(data["skill"].x.size(1)),
        taxonomy_version=str(data.taxonomy_version),
        graph_digest=str(data.graph_digest),
        metrics=metrics,
        layer_ids={t: list(data[t].node_ids) for t in TAXONOMY_TYPES},
        layer_cache={t: [o[t].cpu() for o in outputs[:-1]] for t in TAXONOMY_TYPES},
    )
    return bundle, vectors


def save_bundle(bundle: ModelBundle, path: Path) -> None:
    """Write the bundle to ``path``."""
    payload = {
        "format": FORMAT,
        "config": json.dumps(asdict(bundle.config)),
        "meta": json.dumps(
            {
                "edge_types": ["|".join(e) for e in bundle.edge_types],
                "in_channels": bundle.in_channels,
                "taxonomy_version": bundle.taxonomy_version,
                "graph_digest": bundle.graph_digest,
                "metrics": bundle.metrics,
            },
            default=float,
        ),
        "state": bundle.state,
        "layer_ids": bundle.layer_ids,
        "layer_cache": bundle.layer_cache,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(payload, path)


def load_bundle(path: Path) -> ModelBundle:
    """Read a bundle written by :func:`save_bundle`.

    Raises:
        SnapshotError: The file is missing or not a jobgraph model.
    """
    payload = read_payload(
        path, FORMAT, "model file", missing="no trained model; run `jobgraph train` first"
    )
    meta = json.loads(payload["meta"])
    known = {f.name for f in fields(TrainConfig)}
    config = TrainConfig(**{k: v for k, v in json.loads(payload["config"]).items() if k in known})
    return ModelBundle(
        config=config,
        state=payload["state"],
        edge_types=[tuple(e.split("|")) for e in meta["edge_types"]],
        in_channels=int(meta["in_channels"]),
        taxonomy_version=meta["taxonomy_version"],
        graph_digest=meta["graph_digest"],
        metrics=meta["metrics"],
        layer_ids=payload["layer_ids"],
        layer_cache=payload["layer_cache"],
    )


def save_embeddings(
    vectors: dict[str, Tensor], data: HeteroData, path: Path, *, model: str
) -> None:
    """Write final vectors with their node ids (what `jobgraph embed import` reads)."""
    payload = {
        "format": EMBEDDINGS_FORMAT,
        "model": model,
        "graph_digest": str(data.graph_digest),
        "nodes": {t: {"ids": list(data[t].node_ids), "vectors": vectors[t]} for t in NODE_TYPES},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(payload, path)


def load_embeddings(path: Path) -> dict[str, tuple[list[str], Tensor]]:
    """Read :func:`save_embeddings` output: ``node type -> (ids, vectors)``.

    Raises:
        SnapshotError: The file is missing or not an embeddings file.
    """
    payload = read_payload(
        path, EMBEDDINGS_FORMAT, "embeddings file", missing="no such embeddings file"
    )
    return {t: (list(n["ids"]), n["vectors"]) for t, n in payload["nodes"].items()}
