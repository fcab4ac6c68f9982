"""The graph-backed methods of ``jobgraph eval match``: ingest, GNN, the match service.

Everything here writes to the driver it is given, which must point at a
scratch database (the CLI starts a throw-away server unless told otherwise).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from neo4j import Driver

from jobgraph.embed.cache import VectorCache
from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.errors import ConfigError
from jobgraph.evaluation.matching.pairs import GradedSet
from jobgraph.evaluation.matching.runner import MethodScores
from jobgraph.ingest.sources import SourceItem

#: The score of a pair the service could not score (a document failed to parse).
UNSCORED = -1.0
#: Below this many documents of a kind, ingest parses in this process.
SMALL_BATCH = 100


def ingest_set(
    driver: Driver,
    graded: GradedSet,
    *,
    database: str,
    encoder: MiniLMEncoder,
    cache: VectorCache | None,
    workers: int | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Write the set's documents (ids kept) with their text vectors, through ingest.

    Returns:
        The two ingest reports, and the ids that failed to parse.
    """
    from jobgraph.embed.text_features import IngestVectorHook
    from jobgraph.ingest.pipeline import ingest

    hook = IngestVectorHook(driver, database=database, encoder=encoder, cache=cache)
    reports: dict[str, Any] = {}
    for kind, documents in (("resume", graded.resumes), ("posting", graded.postings)):
        items = []
        for doc_id, text in documents.items():
            file = graded.files.get(doc_id)
            if file is not None and file.suffix.lower() not in (".txt", ".md"):
                items.append(SourceItem(source=str(file), path=str(file), record_id=doc_id))
            else:
                items.append(SourceItem(source=doc_id, text=text, record_id=doc_id))
        # Worker processes each build a parser first: not worth it for a few documents.
        report = ingest(
            driver,
            items,
            kind,  # type: ignore[arg-type]
            database=database,
            workers=workers or (1 if len(items) < SMALL_BATCH else None),
            progress=progress,
            after_write=hook,
        )
        reports[kind] = report.to_dict()
        reports[kind]["failed_sources"] = [failure.source for failure in report.failed]
    return reports


def train_scratch_gnn(
    driver: Driver,
    *,
    database: str,
    encoder: MiniLMEncoder,
    cache: VectorCache | None,
    epochs: int = 400,
    device: str = "cpu",
    progress: bool = True,
) -> dict[str, Any]:
    """Train a GNN on the scratch graph (link prediction, no graded pairs) and write its vectors.

    The set's grades are never shown to the model, so the ``gnn`` and hybrid
    figures are not fitted to the labels they are measured on.
    """
    from jobgraph.embed.pipeline import (
        EMBEDDINGS_FILE,
        export_graph,
        train_model,
        write_gnn_vectors,
    )
    from jobgraph.embed.train import TrainConfig

    data = export_graph(driver, database=database, encoder=encoder, cache=cache, progress=progress)
    with tempfile.TemporaryDirectory(prefix="jobgraph-eval-gnn-") as folder:
        out = Path(folder)
        metrics = train_model(
            data,
            TrainConfig(epochs=epochs),
            out,
            device=device,
            baselines=False,
            encoder=encoder,
            cache=cache,
            progress=progress,
        )
        written = write_gnn_vectors(
            driver, out / EMBEDDINGS_FILE, database=database, progress=False
        )
    return {
        "seconds": metrics.get("seconds"),
        "best_epoch": metrics.get("best_epoch"),
        "link_auc": metrics.get("test", {}).get("auc_mean"),
        "written": written,
    }


def match_scores(
    driver: Driver,
    graded: GradedSet,
    methods: Sequence[str],
    *,
    database: str,
    weights_path: Path | None = None,
) -> dict[str, MethodScores]:
    """Scores of the match-service methods among ``methods``.

    ``graph`` is the product's score with only the graph-evidence weights kept
    (``ScoreWeights.only(GRAPH_FEATURES)``); ``gnn`` the GNN cosine feature;
    ``hybrid`` the score with default weights; ``hybrid-fitted`` the score with
    the weights of ``weights_path``.

    Raises:
        ConfigError: ``hybrid-fitted`` is asked for without a weights file.
    """
    from jobgraph.match.service import MatchService
    from jobgraph.match.weights import GRAPH_FEATURES, ScoreWeights

    if "hybrid-fitted" in methods and weights_path is None:
        raise ConfigError("method hybrid-fitted needs --weights FILE (from match fit-weights)")
    pairs = graded.pairs
    service = MatchService(driver, database, weights=ScoreWeights())
    result: dict[str, MethodScores] = {}

    def scored_with(weights: ScoreWeights) -> dict[tuple[str, str], Any]:
        found = {
            (s.candidate_id, s.posting_id): s for s in service.score_pairs(pairs, weights=weights)
        }
        return {pair: found.get(pair) for pair in pairs}

    def column(scored: dict[tuple[str, str], Any], feature: str | None = None) -> MethodScores:
        # A pair the service could not score (a document failed to parse) ranks last.
        return MethodScores.symmetric(
            {
                pair: UNSCORED
                if item is None
                else float(item.features.get(feature, 0.0) if feature else item.total)
                for pair, item in scored.items()
            }
        )

    if "hybrid" in methods or "gnn" in methods:
        default = scored_with(service.weights)
        if "hybrid" in methods:
            result["hybrid"] = column(default)
        if "gnn" in methods:
            result["gnn"] = column(default, "gnn")
    if "graph" in methods:
        result["graph"] = column(scored_with(service.weights.only(GRAPH_FEATURES)))
    if "hybrid-fitted" in methods and weights_path is not None:
        from jobgraph.match.weights import load_weights

        result["hybrid-fitted"] = column(scored_with(load_weights(weights_path)))
    return result
