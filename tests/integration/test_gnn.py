"""The GNN against the real Neo4j: export, train, write back, inductive vectors at ingest."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from neo4j import Driver

from jobgraph.cli import main
from jobgraph.embed.bundle import load_bundle
from jobgraph.embed.data import export_snapshot, load_snapshot
from jobgraph.embed.inductive import InductiveEmbedder
from jobgraph.embed.pipeline import MODEL_FILE, embed_documents
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.schema import graph_counts
from jobgraph.graph.vector_store import GNN_PROPERTY, list_vector_indexes, read_vectors
from jobgraph.synth import generate_corpus
from tests.integration.cli_graph import cli_env, write_small_taxonomy

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(
        out, candidates=40, postings=30, seed=11, formats=("txt",), posting_formats=("txt",)
    )
    return out


def _cli(args: list[str], env: dict[str, str]) -> str:
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_train_writes_vectors_and_new_documents_get_theirs(
    neo4j_server: LocalNeo4j, driver: Driver, corpus: Path, tmp_path: Path
) -> None:
    env = cli_env(neo4j_server, tmp_path / "data")
    write_small_taxonomy(driver, [("resume", corpus / "resumes"), ("posting", corpus / "postings")])
    # all but three resumes now; those three arrive after training
    resumes = sorted((corpus / "resumes").iterdir())
    early, late = tmp_path / "early", tmp_path / "late"
    early.mkdir()
    late.mkdir()
    for index, path in enumerate(resumes):
        (late if index < 3 else early).joinpath(path.name).write_bytes(path.read_bytes())
    _cli(["ingest", "resumes", str(early), "--workers", "1"], env)
    _cli(["ingest", "postings", str(corpus / "postings"), "--workers", "1"], env)

    # the snapshot is the graph: same node counts, a digest that is stable
    _cli(["graph", "export", str(tmp_path / "graph.pt")], env)
    snapshot = load_snapshot(tmp_path / "graph.pt")
    nodes = graph_counts(driver)["nodes"]
    assert snapshot["candidate"].num_nodes == nodes["Candidate"] == len(resumes) - 3
    assert snapshot["skill"].num_nodes == nodes["Skill"]
    assert bool(snapshot["candidate"].has_features.all())
    assert export_snapshot(driver, progress=False).graph_digest == snapshot.graph_digest

    out = tmp_path / "model"
    metrics = json.loads(
        _cli(
            [
                "train",
                "--fit",
                str(corpus / "truth" / "fit.jsonl"),
                "--epochs",
                "20",
                "--out",
                str(out),
                "--no-baselines",
                "--json",
            ],
            env,
        )
    )
    assert 0.0 <= metrics["test"]["auc_mean"] <= 1.0
    assert metrics["graded_pairs"]["matched"] > 0
    assert metrics["written"]["Candidate"] == len(resumes) - 3
    indexes = {i["name"]: i for i in list_vector_indexes(driver)}
    assert indexes["candidate_gnn_embedding"]["dimensions"] == 64

    # vectors in the graph are the trained model's: recompute one inductively
    bundle = load_bundle(out / MODEL_FILE)
    ids, stored = read_vectors(driver, "Candidate", GNN_PROPERTY)
    recomputed = embed_documents(
        driver, InductiveEmbedder(bundle), "candidate", ids[:5], database="neo4j"
    )
    for node_id, vector in zip(ids[:5], stored[:5], strict=True):
        np.testing.assert_allclose(recomputed[node_id], vector, atol=1e-4)

    # a resume ingested after training gets its GNN vector at ingest
    (tmp_path / "data" / "models" / "gnn").mkdir(parents=True)
    (tmp_path / "data" / "models" / "gnn" / MODEL_FILE).write_bytes((out / MODEL_FILE).read_bytes())
    _cli(["ingest", "resumes", str(late), "--workers", "1"], env)
    ids_after, _ = read_vectors(driver, "Candidate", GNN_PROPERTY)
    assert len(ids_after) == len(resumes)
    new_id = sorted(set(ids_after) - set(ids))[0]
    assert "GNN vector of 64 dimensions" in _cli(["embed", "candidate", new_id], env)


def test_embed_candidate_without_a_model_is_one_clear_error(
    neo4j_server: LocalNeo4j, driver: Driver, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        main, ["embed", "candidate", "nobody"], env=cli_env(neo4j_server, tmp_path / "data")
    )
    assert result.exit_code == 1
    assert "no trained model" in result.output and "jobgraph train" in result.output
