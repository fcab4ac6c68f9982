"""The embedding stage end to end: export, train, write back, embed one document.

The CLI calls these; each takes the driver (when it needs the graph) and paths,
and returns plain data to print. Training itself needs no graph: given a
snapshot file it runs anywhere (``jobgraph train --snapshot FILE --no-write``
on a GPU box, then ``jobgraph embed import`` next to Neo4j).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from neo4j import Driver
from torch_geometric.data import HeteroData

from jobgraph.embed.bundle import (
    load_bundle,
    load_embeddings,
    make_bundle,
    save_bundle,
    save_embeddings,
)
from jobgraph.embed.cache import VectorCache
from jobgraph.embed.checkpoint import remove_partial_checkpoints
from jobgraph.embed.data import NODE_TYPES, export_snapshot
from jobgraph.embed.inductive import InductiveEmbedder
from jobgraph.embed.labels import read_graded_pairs
from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.embed.text_features import embed_text_features
from jobgraph.embed.train import TrainConfig, Trainer
from jobgraph.errors import NotFoundError
from jobgraph.graph.export import document_neighbourhoods
from jobgraph.graph.vector_store import (
    GNN_PROPERTY,
    drop_vector_index,
    ensure_vector_index,
    write_vectors,
)
from jobgraph.parse.records import PostingRecord, ResumeRecord

LABELS = {
    "candidate": "Candidate",
    "posting": "Posting",
    "skill": "Skill",
    "occupation": "Occupation",
}
MODEL_FILE = "model.pt"
EMBEDDINGS_FILE = "embeddings.pt"
METRICS_FILE = "metrics.json"
CHECKPOINT_FILE = "checkpoint.pt"


def export_graph(
    driver: Driver,
    *,
    database: str,
    encoder: MiniLMEncoder,
    cache: VectorCache | None,
    page_size: int = 5_000,
    progress: bool = True,
) -> HeteroData:
    """Text vectors first (encoding only what is missing), then the snapshot of the graph."""
    embed_text_features(driver, database=database, encoder=encoder, cache=cache, progress=progress)
    return export_snapshot(driver, database=database, page_size=page_size, progress=progress)


def train_model(
    data: HeteroData,
    config: TrainConfig,
    out_dir: Path,
    *,
    fit_path: Path | None = None,
    device: str = "cpu",
    baselines: bool = True,
    document_dirs: Sequence[Path] = (),
    encoder: MiniLMEncoder | None = None,
    cache: VectorCache | None = None,
    resume: bool = False,
    progress: bool = True,
    save: bool = True,
) -> dict[str, Any]:
    """Train, evaluate against the baselines, and save model, vectors and metrics.

    Args:
        data: The snapshot.
        config: Hyper-parameters.
        out_dir: Where model, vectors and metrics are written.
        fit_path: Graded pairs (JSONL) for candidate-posting supervision and evaluation.
        device: Torch device.
        baselines: Also score TF-IDF and MiniLM on the same held-out candidates.
        document_dirs: Folders holding the ingested files (the baselines read them).
        encoder: MiniLM for the full-text baseline (default: a CPU/GPU encoder).
        cache: Text-vector cache for the full-text baseline.
        resume: Continue from ``out_dir``'s checkpoint when there is one (it must
            come from the same data and settings); otherwise any checkpoint there
            is deleted and training starts over.
        progress: Show a progress bar.
        save: Write files (only one process of a distributed run does).

    Returns:
        The metrics (also written to ``out_dir/metrics.json``).

    Raises:
        CheckpointError: Resuming from an unreadable checkpoint or another run's.
    """
    fit = read_graded_pairs(fit_path, data) if fit_path else None
    checkpoint = out_dir / CHECKPOINT_FILE
    if save:
        remove_partial_checkpoints(checkpoint)
        if not resume:
            checkpoint.unlink(missing_ok=True)
    trainer = Trainer(data, config, device=device, fit=fit)
    # every process of a distributed run resumes from the file; only rank 0 writes it
    result = trainer.run(progress=progress, checkpoint=checkpoint if save or resume else None)
    metrics: dict[str, Any] = {"config": asdict(config), **result.metrics}
    metrics["snapshot"] = {
        "taxonomy_version": data.taxonomy_version,
        "graph_digest": data.graph_digest,
    }
    if fit is not None:
        metrics["graded_pairs"] = {"matched": len(fit), "unmatched": fit.unmatched}
    if not save:
        return metrics
    bundle, vectors = make_bundle(result.model, trainer.data, config, metrics)
    if baselines and result.split.fit_test is not None and len(result.split.fit_test):
        from jobgraph.embed.baselines import DocumentFiles, compare_retrieval

        metrics["retrieval_comparison"] = compare_retrieval(
            data.cpu(),
            result.split.fit_test,
            vectors,
            files=DocumentFiles(document_dirs),
            encoder=encoder,
            cache=cache,
        )
        bundle.metrics = metrics
    save_bundle(bundle, out_dir / MODEL_FILE)
    save_embeddings(vectors, data, out_dir / EMBEDDINGS_FILE, model=str(out_dir / MODEL_FILE))
    (out_dir / METRICS_FILE).write_text(json.dumps(metrics, indent=2, default=float) + "\n")
    if checkpoint.exists():
        checkpoint.unlink()
    return metrics


def write_gnn_vectors(
    driver: Driver, embeddings: Path, *, database: str, progress: bool = True
) -> dict[str, int]:
    """Write the vectors of an embeddings file to the graph, with their indexes.

    Every vector is rewritten, so each index is dropped first and built again
    over the stored vectors: far faster than updating an online index per write.
    """
    written: dict[str, int] = {}
    for node_type, (ids, vectors) in load_embeddings(embeddings).items():
        label = LABELS[node_type]
        drop_vector_index(driver, label, GNN_PROPERTY, database=database)
        written[label] = write_vectors(
            driver, label, GNN_PROPERTY, ids, vectors.numpy(), database=database, progress=progress
        )
        if ids:
            dimensions = int(vectors.size(1))
            ensure_vector_index(driver, label, GNN_PROPERTY, dimensions, database=database)
    return written


def embed_documents(
    driver: Driver,
    embedder: InductiveEmbedder,
    node_type: str,
    node_ids: Sequence[str],
    *,
    database: str,
) -> dict[str, list[float]]:
    """Compute and store GNN vectors of candidates or postings already in the graph.

    Documents without a text vector yet are left out of the result.
    """
    found = [
        row
        for row in document_neighbourhoods(driver, node_type, list(node_ids), database=database)
        if row["features"] is not None
    ]
    if not found:
        return {}
    vectors = embedder.embed_many(node_type, [row.pop("features") for row in found], found)
    ids = [row["id"] for row in found]
    write_vectors(driver, LABELS[node_type], GNN_PROPERTY, ids, vectors, database=database)
    return {
        node_id: [float(v) for v in vector] for node_id, vector in zip(ids, vectors, strict=True)
    }


def embed_document(
    driver: Driver, model_path: Path, node_type: str, node_id: str, *, database: str
) -> list[float]:
    """Compute and store one candidate's or posting's GNN vector from the trained model.

    Raises:
        NotFoundError: No such node, or it has no text vector yet.
        SnapshotError: No trained model at ``model_path``.
    """
    embedder = InductiveEmbedder(load_bundle(model_path))
    written = embed_documents(driver, embedder, node_type, [node_id], database=database)
    if node_id not in written:
        raise NotFoundError(
            f"no {LABELS[node_type]} with id {node_id!r} and a text vector in the graph "
            "(ingest it, then run `jobgraph embed text`)"
        )
    return written[node_id]


class InductiveIngestHook:
    """``after_write`` step of ingest: GNN vectors for each written batch.

    Does nothing until a model has been trained (no model file); reads the
    batch's text vectors and neighbours back from the graph, so it runs after
    the text-vector hook.

    Args:
        driver: Open driver.
        model_path: The trained model bundle.
        database: Target database.
    """

    def __init__(self, driver: Driver, model_path: Path, *, database: str = "neo4j") -> None:
        self.driver = driver
        self.database = database
        self.embedder = InductiveEmbedder(load_bundle(model_path)) if model_path.is_file() else None
        self.written = 0

    def __call__(self, records: Sequence[ResumeRecord | PostingRecord]) -> None:
        """Embed the candidates and postings of one written batch."""
        if self.embedder is None:
            return
        for node_type, kind in (("candidate", ResumeRecord), ("posting", PostingRecord)):
            ids = [r.id for r in records if isinstance(r, kind)]
            if ids:
                self.written += len(
                    embed_documents(
                        self.driver, self.embedder, node_type, ids, database=self.database
                    )
                )


__all__ = [
    "NODE_TYPES",
    "InductiveIngestHook",
    "embed_document",
    "embed_documents",
    "export_graph",
    "train_model",
    "write_gnn_vectors",
]
