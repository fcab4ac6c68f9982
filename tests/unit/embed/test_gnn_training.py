"""The GNN on small synthetic graphs: learning, no leakage, exact inductive vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from jobgraph.embed.bundle import load_bundle, make_bundle, save_bundle
from jobgraph.embed.data import load_snapshot, reverse, save_snapshot
from jobgraph.embed.inductive import DOCUMENT_EDGES, InductiveEmbedder
from jobgraph.embed.split import CAREER, SUPERVISED, message_graph, split_edges
from jobgraph.embed.synthetic_graph import synthetic_graph
from jobgraph.embed.train import TrainConfig, Trainer


@pytest.fixture(scope="module")
def graph():
    return synthetic_graph(
        candidates=400, postings=200, skills=150, occupations=20, features=32, seed=3
    )


def _pairs(data, edge_index):
    return set(map(tuple, edge_index.t().tolist()))


def test_split_keeps_held_out_edges_out_of_message_passing(graph) -> None:
    split = split_edges(graph, seed=1)
    train_graph = message_graph(graph, {e: [split.val[e], split.test[e]] for e in split.train})
    for edge_type in SUPERVISED:
        held = graph[edge_type].edge_index[
            :, torch.cat([split.val[edge_type], split.test[edge_type]])
        ]
        assert held.size(1) > 0
        assert not _pairs(graph, held) & _pairs(graph, train_graph[edge_type])
        assert not _pairs(graph, held.flip(0)) & _pairs(graph, train_graph[reverse(edge_type)])
    # career edges held out are the most recent job (order 0) of someone with several
    order = graph[CAREER].edge_weight
    assert torch.all(order[split.test[CAREER]] == 0)
    # held-out candidates are never a training target
    held_out = set(split.val_candidates.tolist()) | set(split.test_candidates.tolist())
    for edge_type in SUPERVISED:
        if edge_type[0] == "candidate":
            sources = graph[edge_type].edge_index[0, split.train[edge_type]].tolist()
            assert not held_out & set(sources)


def test_training_learns_what_the_features_do_not_say() -> None:
    # features carry little of the family structure: the edges must be learned
    noisy = synthetic_graph(
        candidates=400,
        postings=200,
        skills=150,
        occupations=20,
        features=32,
        seed=3,
        feature_noise=4.0,
    )
    config = TrainConfig(encoder="sage", epochs=60, eval_every=20, patience=60, seed=2)
    untrained = Trainer(noisy.clone(), config).evaluate("test")["auc_mean"]
    trained = Trainer(noisy.clone(), config).run(progress=False).metrics["test"]["auc_mean"]
    assert trained > untrained + 0.05
    assert trained > 0.65


@pytest.mark.parametrize("encoder", ["sage", "lightgcn"])
def test_inductive_vector_equals_full_forward(graph, encoder: str, tmp_path: Path) -> None:
    config = TrainConfig(encoder=encoder, epochs=3, eval_every=3, seed=4)
    trainer = Trainer(graph.clone(), config)
    result = trainer.run(progress=False)
    bundle, vectors = make_bundle(result.model, trainer.data, config, result.metrics)
    save_bundle(bundle, tmp_path / "model.pt")
    embedder = InductiveEmbedder(load_bundle(tmp_path / "model.pt"))
    for node_type, edge_types in DOCUMENT_EDGES.items():
        nodes = list(range(0, graph[node_type].num_nodes, 37))
        all_neighbours = []
        for node in nodes:
            neighbours = {}
            for edge_type in edge_types:
                edge_index = graph[edge_type].edge_index
                targets = edge_index[1][edge_index[0] == node].tolist()
                neighbours[edge_type[1]] = [graph[edge_type[2]].node_ids[t] for t in targets]
            all_neighbours.append(neighbours)
            vector = embedder.embed(node_type, graph[node_type].x[node], neighbours)
            np.testing.assert_allclose(vector, vectors[node_type][node].numpy(), atol=1e-5)
        together = embedder.embed_many(
            node_type, [graph[node_type].x[n] for n in nodes], all_neighbours
        )
        np.testing.assert_allclose(together, vectors[node_type][nodes].numpy(), atol=1e-5)


def test_snapshot_round_trip(graph, tmp_path: Path) -> None:
    save_snapshot(graph, tmp_path / "graph.pt")
    loaded = load_snapshot(tmp_path / "graph.pt")
    assert sorted(loaded.edge_types) == sorted(graph.edge_types)
    for node_type in ("candidate", "skill"):
        assert torch.equal(loaded[node_type].x, graph[node_type].x)
        assert loaded[node_type].node_ids == graph[node_type].node_ids
    assert loaded.graph_digest == graph.graph_digest


def test_resume_from_checkpoint_matches_uninterrupted_run(graph, tmp_path: Path) -> None:
    config = TrainConfig(encoder="sage", epochs=12, eval_every=4, checkpoint_every=4, seed=5)
    straight = Trainer(graph.clone(), config).run(progress=False)
    first = Trainer(graph.clone(), TrainConfig(**{**config.__dict__, "epochs": 8}))
    first.run(progress=False, checkpoint=tmp_path / "ckpt.pt")
    resumed = Trainer(graph.clone(), config).run(progress=False, checkpoint=tmp_path / "ckpt.pt")
    assert resumed.metrics["epochs_run"] == straight.metrics["epochs_run"]
    assert resumed.metrics["test"]["auc_mean"] == pytest.approx(
        straight.metrics["test"]["auc_mean"], abs=1e-4
    )
