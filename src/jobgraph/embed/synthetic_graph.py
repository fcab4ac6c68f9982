"""Random graphs shaped like jobgraph's, for benchmarks and model tests.

Nodes belong to latent families; most edges stay inside a family and features
are a family centroid plus noise, so a model has something real to learn. The
result has the same node types, edge types, reverse edges and attributes as a
snapshot from :mod:`jobgraph.embed.data`.
"""

from __future__ import annotations

import torch
from torch import Tensor
from torch_geometric.data import HeteroData

from jobgraph.embed.data import reverse


def _edges(
    sources: int,
    targets: int,
    per_source: float,
    source_family: Tensor,
    target_family: Tensor,
    families: int,
    generator: torch.Generator,
    in_family: float = 0.8,
) -> Tensor:
    count = int(sources * per_source)
    head = torch.randint(0, sources, (count,), generator=generator)
    # targets of the same family: pick a random target, then move it into the family's block
    by_family = torch.argsort(target_family)
    block = torch.bincount(target_family, minlength=families)
    start = torch.zeros(families + 1, dtype=torch.long)
    start[1:] = torch.cumsum(block, 0)
    family = source_family[head]
    offset = (torch.rand(count, generator=generator) * block[family].clamp(min=1)).long()
    same = by_family[(start[family] + offset).clamp(max=targets - 1)]
    anywhere = torch.randint(0, targets, (count,), generator=generator)
    keep_family = torch.rand(count, generator=generator) < in_family
    tail = torch.where(keep_family, same, anywhere)
    unique = torch.unique(head * targets + tail)  # one edge per pair, as MERGE leaves it
    return torch.stack([unique // targets, unique % targets])


def synthetic_graph(
    *,
    candidates: int,
    postings: int,
    skills: int,
    occupations: int,
    features: int = 384,
    families: int = 20,
    skills_per_candidate: float = 10.0,
    skills_per_posting: float = 10.0,
    seed: int = 0,
    feature_noise: float = 0.8,
    with_ids: bool = True,
) -> HeteroData:
    """A random snapshot-shaped ``HeteroData``.

    Args:
        candidates, postings, skills, occupations: Node counts.
        features: Width of the node features.
        families: Latent families the nodes fall into.
        skills_per_candidate, skills_per_posting: Mean out-degree of those edges.
        seed: Random seed.
        feature_noise: Noise added to the family centroid (higher: features say less).
        with_ids: Give nodes string ids (skip for very large benchmark graphs).
    """
    generator = torch.Generator().manual_seed(seed)
    counts = {
        "candidate": candidates,
        "posting": postings,
        "skill": skills,
        "occupation": occupations,
    }
    family = {t: torch.randint(0, families, (n,), generator=generator) for t, n in counts.items()}
    centroids = torch.randn(families, features, generator=generator)
    data = HeteroData()
    for node_type, n in counts.items():
        x = centroids[family[node_type]] + feature_noise * torch.randn(
            n, features, generator=generator
        )
        data[node_type].x = torch.nn.functional.normalize(x, dim=-1)
        data[node_type].num_nodes = n
        data[node_type].has_features = torch.ones(n, dtype=torch.bool)
        if with_ids:
            data[node_type].node_ids = [f"{node_type}-{i}" for i in range(n)]
            data[node_type].sources = [None] * n
    plan = [
        (("candidate", "has_skill", "skill"), skills_per_candidate),
        (("candidate", "worked_as", "occupation"), 1.5),
        (("posting", "requires", "skill"), skills_per_posting),
        (("posting", "for_occupation", "occupation"), 1.0),
        (("occupation", "requires", "skill"), 20.0),
        (("skill", "broader", "skill"), 0.5),
        (("occupation", "broader", "occupation"), 0.5),
    ]
    for edge_type, degree in plan:
        source, _, target = edge_type
        edge_index = _edges(
            counts[source],
            counts[target],
            degree,
            family[source],
            family[target],
            families,
            generator,
        )
        weight = torch.ones(edge_index.size(1))
        if edge_type[1] == "worked_as":  # job order: 0 = most recent
            weight = torch.randint(0, 3, (edge_index.size(1),), generator=generator).float()
        data[edge_type].edge_index = edge_index
        data[edge_type].edge_weight = weight
        data[reverse(edge_type)].edge_index = edge_index.flip(0)
        data[reverse(edge_type)].edge_weight = weight
    for relation in ("related_to", "same_as"):
        edge_index = _edges(
            skills, skills, 0.5, family["skill"], family["skill"], families, generator
        )
        edge_index = torch.cat([edge_index, edge_index.flip(0)], dim=1)
        data["skill", relation, "skill"].edge_index = edge_index
        data["skill", relation, "skill"].edge_weight = torch.ones(edge_index.size(1))
    edge_index = torch.zeros((2, 0), dtype=torch.long)
    data["occupation", "same_as", "occupation"].edge_index = edge_index
    data["occupation", "same_as", "occupation"].edge_weight = torch.zeros(0)
    data.taxonomy_version = f"synthetic-{seed}"
    data.graph_digest = f"synthetic-{seed}-{candidates}-{postings}"
    data.created = "synthetic"
    return data
