"""The graph as a PyG ``HeteroData`` snapshot: node features, typed edges, id maps.

A snapshot is everything training needs, in one file, so training can run on
another machine (a GPU box) than the one holding Neo4j. It is saved as a plain
dict of tensors, strings and lists and loaded with ``torch.load(weights_only=
True)``, so opening a snapshot never runs pickled code.

Node types: ``candidate``, ``posting``, ``skill``, ``occupation``; features are
the nodes' ``text_embedding`` vectors (MiniLM, 384 dimensions). Edge types are
the relationships of ``docs/graph-model.md`` plus a reverse type for each
(``rev_has_skill`` …); relations stored once but meant both ways (``RELATED_TO``,
``SAME_AS``) hold both directions under their own name.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
from torch_geometric.data import HeteroData
from tqdm import tqdm

from jobgraph.errors import JobgraphError

if TYPE_CHECKING:  # the graph layer (and the neo4j driver) only where the graph is read
    from neo4j import Driver

FORMAT = "jobgraph-snapshot/1"
NODE_TYPES: tuple[str, ...] = ("skill", "occupation", "candidate", "posting")
TAXONOMY_TYPES = ("skill", "occupation")
EdgeType = tuple[str, str, str]


class SnapshotError(JobgraphError):
    """A snapshot file is missing, unreadable or of another format."""


def reverse(edge_type: EdgeType) -> EdgeType:
    """The reverse edge type: ``(a, r, b)`` -> ``(b, rev_r, a)``."""
    source, relation, target = edge_type
    if relation.startswith("rev_"):
        return (target, relation[4:], source)
    return (target, f"rev_{relation}", source)


@dataclass
class GraphReadout:
    """Rows read from the graph, before they become tensors."""

    ids: dict[str, list[str]]
    features: dict[str, list[list[float] | None]]
    sources: dict[str, list[str | None]]
    edges: dict[EdgeType, tuple[list[str], list[str], list[float]]]
    symmetric: set[EdgeType]


def read_graph(
    driver: Driver, *, database: str = "neo4j", page_size: int = 5_000, progress: bool = True
) -> GraphReadout:
    """Stream every node and edge the snapshot needs out of Neo4j, page by page."""
    from jobgraph.graph.export import EDGE_SPECS, edge_pages, node_pages

    readout = GraphReadout({}, {}, {}, {}, set())
    bar = tqdm(desc="export", unit="row", disable=not progress)
    for node_type in NODE_TYPES:
        ids: list[str] = []
        features: list[list[float] | None] = []
        sources: list[str | None] = []
        for page in node_pages(driver, node_type, database=database, page_size=page_size):
            for row in page:
                ids.append(row["id"])
                features.append(row["features"])
                sources.append(row.get("source"))
            bar.update(len(page))
        readout.ids[node_type] = ids
        readout.features[node_type] = features
        readout.sources[node_type] = sources
    for spec in EDGE_SPECS:
        heads: list[str] = []
        tails: list[str] = []
        weights: list[float] = []
        for page in edge_pages(driver, spec, database=database, page_size=page_size):
            for row in page:
                heads.extend([row["source"]] * len(row["targets"]))
                tails.extend(row["targets"])
                weights.extend(float(w) for w in row["weights"])
            bar.update(len(page))
        readout.edges[spec.key] = (heads, tails, weights)
        if spec.symmetric:
            readout.symmetric.add(spec.key)
    bar.close()
    return readout


def _feature_matrix(rows: Sequence[list[float] | None]) -> tuple[torch.Tensor, torch.Tensor]:
    dimension = next((len(r) for r in rows if r is not None), 0)
    if dimension == 0 and rows:
        raise SnapshotError(
            "no node has a text_embedding yet; run `jobgraph embed text` before exporting"
        )
    matrix = np.zeros((len(rows), dimension), dtype=np.float32)
    present = np.zeros(len(rows), dtype=bool)
    for index, row in enumerate(rows):
        if row is not None:
            matrix[index] = row
            present[index] = True
    return torch.from_numpy(matrix), torch.from_numpy(present)


def _edge_index(
    heads: Sequence[str],
    tails: Sequence[str],
    source_map: dict[str, int],
    target_map: dict[str, int],
) -> tuple[torch.Tensor, torch.Tensor]:
    keep = [
        (source_map[h], target_map[t], i)
        for i, (h, t) in enumerate(zip(heads, tails, strict=True))
        if h in source_map and t in target_map
    ]
    if not keep:
        return torch.zeros((2, 0), dtype=torch.long), torch.zeros(0, dtype=torch.long)
    array = torch.tensor(keep, dtype=torch.long)
    return array[:, :2].t().contiguous(), array[:, 2]


def _digest(parts: Iterable[bytes]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()[:16]


def build_hetero_data(readout: GraphReadout) -> HeteroData:
    """Turn rows read from the graph into a ``HeteroData`` with reverse edges.

    Raises:
        SnapshotError: No node has a text vector yet.
    """
    data = HeteroData()
    maps: dict[str, dict[str, int]] = {}
    for node_type in NODE_TYPES:
        ids = readout.ids[node_type]
        maps[node_type] = {node_id: index for index, node_id in enumerate(ids)}
        x, present = _feature_matrix(readout.features[node_type])
        store = data[node_type]
        store.num_nodes = len(ids)
        store.x = x
        store.has_features = present
        store.node_ids = list(ids)
        store.sources = list(readout.sources[node_type])
    dimension = max((data[t].x.size(1) for t in NODE_TYPES), default=0)
    for node_type in NODE_TYPES:  # a node type with no nodes still needs the width
        if data[node_type].x.size(1) != dimension:
            data[node_type].x = torch.zeros((data[node_type].num_nodes, dimension))
    for edge_type, (heads, tails, weights) in readout.edges.items():
        source, _, target = edge_type
        edge_index, kept = _edge_index(heads, tails, maps[source], maps[target])
        weight = torch.tensor(weights, dtype=torch.float32)[kept] if len(kept) else torch.zeros(0)
        if edge_type in readout.symmetric:
            edge_index = torch.cat([edge_index, edge_index.flip(0)], dim=1)
            weight = torch.cat([weight, weight])
            edge_index, weight = _dedupe(edge_index, weight, data[source].num_nodes)
            data[edge_type].edge_index = edge_index
            data[edge_type].edge_weight = weight
            continue
        data[edge_type].edge_index = edge_index
        data[edge_type].edge_weight = weight
        data[reverse(edge_type)].edge_index = edge_index.flip(0)
        data[reverse(edge_type)].edge_weight = weight
    data.taxonomy_version = _digest(
        [b"\n".join(i.encode() for i in readout.ids[t]) for t in TAXONOMY_TYPES]
        + [
            data[e].edge_index.numpy().tobytes()
            for e in sorted(readout.edges)
            if e[0] in TAXONOMY_TYPES and e[2] in TAXONOMY_TYPES
        ]
    )
    data.graph_digest = _digest(
        [b"\n".join(i.encode() for i in readout.ids[t]) for t in NODE_TYPES]
        + [data[e].edge_index.numpy().tobytes() for e in sorted(data.edge_types)]
    )
    data.created = datetime.now(UTC).isoformat(timespec="seconds")
    return data


def _dedupe(
    edge_index: torch.Tensor, weight: torch.Tensor, num_nodes: int
) -> tuple[torch.Tensor, torch.Tensor]:
    if edge_index.numel() == 0:
        return edge_index, weight
    key = edge_index[0] * max(num_nodes, 1) + edge_index[1]
    _, first = np.unique(key.numpy(), return_index=True)
    index = torch.from_numpy(np.sort(first))
    return edge_index[:, index], weight[index]


def export_snapshot(
    driver: Driver, *, database: str = "neo4j", page_size: int = 5_000, progress: bool = True
) -> HeteroData:
    """Read the graph and build its snapshot (see :func:`build_hetero_data`)."""
    readout = read_graph(driver, database=database, page_size=page_size, progress=progress)
    return build_hetero_data(readout)


def save_snapshot(data: HeteroData, path: Path) -> None:
    """Write ``data`` to ``path`` as a plain dict that loads without pickled code."""
    payload: dict[str, Any] = {
        "format": FORMAT,
        "meta": json.dumps(
            {
                "taxonomy_version": data.taxonomy_version,
                "graph_digest": data.graph_digest,
                "created": data.created,
            }
        ),
        "nodes": {
            t: {
                "x": data[t].x,
                "has_features": data[t].has_features,
                "node_ids": list(data[t].node_ids),
                "sources": [s or "" for s in data[t].sources],
            }
            for t in NODE_TYPES
        },
        "edges": {
            "|".join(e): {"edge_index": data[e].edge_index, "edge_weight": data[e].edge_weight}
            for e in data.edge_types
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(payload, path)


def read_payload(path: Path, expected: str, what: str, *, missing: str) -> dict[str, Any]:
    """Load a jobgraph file (a dict of tensors and strings) without running pickled code.

    Args:
        path: The file.
        expected: Its ``format`` value.
        what: What it is, for messages ("snapshot", "model file").
        missing: What to say when the file does not exist.

    Raises:
        SnapshotError: The file is missing, unreadable or of another format.
    """
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise SnapshotError(f"{path}: {missing}") from None
    except Exception as error:
        raise SnapshotError(f"{path}: not a readable {what} ({error})") from error
    if not isinstance(payload, dict) or payload.get("format") != expected:
        raise SnapshotError(f"{path}: not a jobgraph {what} (expected format {expected})")
    return payload


def load_snapshot(path: Path) -> HeteroData:
    """Read a snapshot written by :func:`save_snapshot`.

    Raises:
        SnapshotError: The file is missing, unreadable or not a snapshot.
    """
    payload = read_payload(
        path, FORMAT, "snapshot", missing="no such snapshot; write one with `jobgraph graph export`"
    )
    data = HeteroData()
    for node_type, node in payload["nodes"].items():
        data[node_type].num_nodes = len(node["node_ids"])
        data[node_type].x = node["x"]
        data[node_type].has_features = node["has_features"]
        data[node_type].node_ids = list(node["node_ids"])
        data[node_type].sources = [s or None for s in node["sources"]]
    for key, edge in payload["edges"].items():
        edge_type = tuple(key.split("|"))
        data[edge_type].edge_index = edge["edge_index"]
        data[edge_type].edge_weight = edge["edge_weight"]
    for name, value in json.loads(payload["meta"]).items():
        setattr(data, name, value)
    return data


def snapshot_summary(data: HeteroData) -> dict[str, Any]:
    """Counts, versions and feature coverage, for printing."""
    return {
        "taxonomy_version": data.taxonomy_version,
        "graph_digest": data.graph_digest,
        "nodes": {t: int(data[t].num_nodes) for t in NODE_TYPES},
        "without_features": {t: int((~data[t].has_features).sum()) for t in NODE_TYPES},
        "edges": {"|".join(e): int(data[e].edge_index.size(1)) for e in sorted(data.edge_types)},
    }
