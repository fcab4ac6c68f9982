"""One run of ``jobgraph eval match``: every method on one labelled set, then the metrics."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from neo4j import Driver

from jobgraph.embed.cache import VectorCache
from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.errors import ConfigError
from jobgraph.evaluation.matching.pairs import GradedSet
from jobgraph.evaluation.matching.runner import (
    ALL_METHODS,
    GRAPH_METHODS,
    MethodScores,
    measure,
    text_scores,
)


def check_methods(methods: Sequence[str], weights_path: Path | None) -> list[str]:
    """The methods to run, in the canonical order.

    Raises:
        ConfigError: An unknown method, or ``hybrid-fitted`` without weights.
    """
    unknown = sorted(set(methods) - set(ALL_METHODS))
    if unknown:
        raise ConfigError(
            f"unknown method(s) {', '.join(unknown)}; choose from {', '.join(ALL_METHODS)}"
        )
    if "hybrid-fitted" in methods and weights_path is None:
        raise ConfigError("method hybrid-fitted needs --weights FILE (from match fit-weights)")
    return [m for m in ALL_METHODS if m in methods]


def default_methods(weights_path: Path | None) -> list[str]:
    """Every method; ``hybrid-fitted`` only with a weights file."""
    return [m for m in ALL_METHODS if m != "hybrid-fitted" or weights_path is not None]


def match_service_available() -> bool:
    """Whether ``jobgraph.match`` (the product's scorer) is installed in this build."""
    try:
        import jobgraph.match.service  # noqa: F401  (probe only)
    except ImportError:
        return False
    return True


def evaluate_match(
    graded: GradedSet,
    methods: Sequence[str],
    *,
    name: str,
    driver: Driver | None = None,
    database: str = "neo4j",
    weights_path: Path | None = None,
    encoder: MiniLMEncoder | None = None,
    cache: VectorCache | None = None,
    gnn_epochs: int = 100,
    device: str = "cpu",
    relevant: int | None = None,
    samples: int = 1000,
    per_group: bool = False,
    progress: bool = True,
) -> tuple[dict[str, Any], dict[str, MethodScores]]:
    """Score every judged pair with each method and measure the rankings.

    Args:
        graded: The labelled set.
        methods: Methods to run (see :mod:`jobgraph.evaluation.matching.runner`).
        name: What the report calls the set.
        driver: A scratch database for the graph methods (they are skipped without one).
        database: Its database name.
        weights_path: Weights for ``hybrid-fitted``.
        encoder: MiniLM encoder (text baseline, text vectors at ingest).
        cache: Text-vector cache.
        gnn_epochs: Most epochs of the scratch GNN; 0 trains none (the ``gnn``
            feature is then 0 for every pair).
        device: Torch device for the GNN.
        relevant: Lowest relevant grade (default: 2, or the top grade if lower).
        samples: Bootstrap resamples.
        per_group: Keep every group's metrics in the report.
        progress: Show progress bars.

    Returns:
        The report (JSON-ready) and every method's scores.
    """
    timings: dict[str, float] = {}
    skipped: dict[str, str] = {}
    started = time.perf_counter()
    encoder = encoder or MiniLMEncoder()
    scores = text_scores(graded, methods, encoder=encoder, cache=cache)
    timings["text_methods"] = round(time.perf_counter() - started, 2)
    report: dict[str, Any] = {}
    graph_methods = [m for m in methods if m in GRAPH_METHODS]
    if graph_methods and driver is None:
        skipped.update({m: "no scratch graph (see --neo4j-uri)" for m in graph_methods})
    elif graph_methods and not match_service_available():
        skipped.update({m: "jobgraph.match is not available in this build" for m in graph_methods})
    elif graph_methods and driver is not None:
        from jobgraph.evaluation.matching.graph_methods import (
            ingest_set,
            match_scores,
            train_scratch_gnn,
        )

        started = time.perf_counter()
        report["ingest"] = ingest_set(
            driver, graded, database=database, encoder=encoder, cache=cache, progress=progress
        )
        timings["ingest"] = round(time.perf_counter() - started, 2)
        if gnn_epochs > 0 and {"gnn", "hybrid", "hybrid-fitted"} & set(graph_methods):
            started = time.perf_counter()
            report["gnn"] = train_scratch_gnn(
                driver,
                database=database,
                encoder=encoder,
                cache=cache,
                epochs=gnn_epochs,
                device=device,
                progress=progress,
            )
            timings["gnn_training"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        scores.update(
            match_scores(
                driver, graded, graph_methods, database=database, weights_path=weights_path
            )
        )
        timings["match_scoring"] = round(time.perf_counter() - started, 2)
    ordered = {m: scores[m] for m in methods if m in scores}
    measured = measure(
        graded, ordered, relevant=relevant, samples=samples, per_group_metrics=per_group
    )
    report.update(
        {
            "set": name,
            "resumes": len(graded.resumes),
            "postings": len(graded.postings),
            "pairs": len(graded.grades),
            "grades": _grade_counts(graded),
            "methods": list(ordered),
            "skipped": skipped,
            "bootstrap_samples": samples,
            "seconds": timings,
            **measured,
        }
    )
    return report, ordered


def _grade_counts(graded: GradedSet) -> dict[str, int]:
    counts: dict[str, int] = {}
    for grade in graded.grades.values():
        counts[str(grade)] = counts.get(str(grade), 0) + 1
    return dict(sorted(counts.items()))
