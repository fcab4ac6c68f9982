"""``jobgraph eval match``: score every judged pair with each method, then measure.

Methods:

* ``tfidf``: cosine of sublinear TF-IDF vectors of the full texts;
* ``bm25``: Okapi BM25, the ranking side's document as the query over the
  other side's collection (so its score depends on the direction);
* ``text``: cosine of full-text MiniLM vectors (first 256 tokens);
* ``graph``: the match score with only its graph-evidence weights kept
  (``jobgraph.match.weights.GRAPH_FEATURES``; the vector parts zeroed);
* ``gnn``: the GNN cosine feature alone;
* ``hybrid``: the product's score with its default weights;
* ``hybrid-fitted``: the product's score with weights from a file.

The last four need the documents in a (scratch) graph: :func:`ingest_set`
writes them there with the product's own ingest pipeline, and
:func:`train_scratch_gnn` trains a GNN on that graph without the set's grades.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from jobgraph.embed.cache import VectorCache, encode_cached
from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.evaluation.matching.lexical import BM25, tfidf_cosine
from jobgraph.evaluation.matching.metrics import (
    METRICS,
    bootstrap_means,
    paired_difference,
    per_group,
)
from jobgraph.evaluation.matching.pairs import GradedSet

TEXT_METHODS = ("tfidf", "bm25", "text")
GRAPH_METHODS = ("graph", "gnn", "hybrid", "hybrid-fitted")
ALL_METHODS = TEXT_METHODS + GRAPH_METHODS
DIRECTIONS = ("resume", "posting")

Pair = tuple[str, str]


@dataclass
class MethodScores:
    """One method's score of every judged pair, per ranking direction."""

    by_direction: dict[str, dict[Pair, float]] = field(default_factory=dict)

    @classmethod
    def symmetric(cls, scores: dict[Pair, float]) -> MethodScores:
        """The same score whichever side ranks."""
        return cls({direction: scores for direction in DIRECTIONS})

    @property
    def directional(self) -> bool:
        """Whether the two directions score a pair differently."""
        return self.by_direction["resume"] is not self.by_direction["posting"]


def _matrix_scores(
    graded: GradedSet, resume_ids: list[str], posting_ids: list[str], matrix: np.ndarray
) -> dict[Pair, float]:
    row = {r: i for i, r in enumerate(resume_ids)}
    column = {p: j for j, p in enumerate(posting_ids)}
    return {(r, p): float(matrix[row[r], column[p]]) for r, p in graded.pairs}


def text_scores(
    graded: GradedSet,
    methods: Sequence[str],
    *,
    encoder: MiniLMEncoder | None = None,
    cache: VectorCache | None = None,
) -> dict[str, MethodScores]:
    """Scores of the text baselines among ``methods`` (the others are ignored)."""
    resume_ids, posting_ids = sorted(graded.resumes), sorted(graded.postings)
    resumes = [graded.resumes[r] for r in resume_ids]
    postings = [graded.postings[p] for p in posting_ids]
    result: dict[str, MethodScores] = {}
    if "tfidf" in methods:
        matrix = tfidf_cosine(resumes, postings)
        result["tfidf"] = MethodScores.symmetric(
            _matrix_scores(graded, resume_ids, posting_ids, matrix)
        )
    if "bm25" in methods:
        over_postings, over_resumes = BM25(postings), BM25(resumes)
        resume_side = np.stack([over_postings.score(text) for text in resumes])
        posting_side = np.stack([over_resumes.score(text) for text in postings]).T
        result["bm25"] = MethodScores(
            {
                "resume": _matrix_scores(graded, resume_ids, posting_ids, resume_side),
                "posting": _matrix_scores(graded, resume_ids, posting_ids, posting_side),
            }
        )
    if "text" in methods:
        encoder = encoder or MiniLMEncoder()
        vectors = encode_cached(encoder, resumes + postings, cache).astype(np.float64)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = vectors / np.where(norms == 0, 1.0, norms)
        matrix = vectors[: len(resumes)] @ vectors[len(resumes) :].T
        result["text"] = MethodScores.symmetric(
            _matrix_scores(graded, resume_ids, posting_ids, matrix)
        )
    return result


def measure(
    graded: GradedSet,
    scores: dict[str, MethodScores],
    *,
    relevant: int | None = None,
    samples: int = 1000,
    seed: int = 7,
    baselines: Sequence[str] = ("tfidf", "text"),
    per_group_metrics: bool = False,
) -> dict[str, Any]:
    """Every metric per method and direction, with bootstrap intervals over groups.

    Args:
        graded: The judged pairs.
        scores: Method -> scores of every judged pair.
        relevant: Lowest relevant grade (default: 2, or the top grade if lower).
        samples: Bootstrap resamples.
        seed: Seed of the resampling.
        baselines: Methods each other method is compared against on NDCG@10
            (paired bootstrap of the difference).
        per_group_metrics: Also return every group's metrics (``"per_group"``:
            method -> group -> metric -> value), to slice the results.

    Returns:
        ``{"relevant_grade", "directions": {direction: {"metrics": method ->
        metric -> {mean, low, high, groups}, "versus": ...}}}``.
    """
    top = max(graded.grades.values())
    relevant = relevant if relevant is not None else min(2, top)
    report: dict[str, Any] = {"relevant_grade": relevant, "directions": {}}
    for direction in DIRECTIONS:
        values = {
            method: per_group(
                method_scores.by_direction[direction],
                graded.grades,
                direction=direction,
                relevant=relevant,
            )
            for method, method_scores in scores.items()
        }
        versus: dict[str, dict[str, Any]] = {}
        for method in values:
            for baseline in baselines:
                if baseline in values and baseline != method:
                    versus.setdefault(method, {})[baseline] = paired_difference(
                        values, method, baseline, "ndcg@10", samples=samples, seed=seed
                    )
        report["directions"][direction] = {
            "groups": len({pair[0 if direction == "resume" else 1] for pair in graded.grades}),
            "metrics": bootstrap_means(values, samples=samples, seed=seed),
            "ndcg@10_versus": versus,
        }
        if per_group_metrics:
            report["directions"][direction]["per_group"] = values
    return report


def score_rows(scores: dict[str, MethodScores]) -> list[dict[str, Any]]:
    """Rows for ``--scores-out``: one per pair and method (two for a directional method)."""
    rows: list[dict[str, Any]] = []
    for method, method_scores in scores.items():
        directions = DIRECTIONS if method_scores.directional else ("resume",)
        for direction in directions:
            for (resume, posting), score in method_scores.by_direction[direction].items():
                row: dict[str, Any] = {
                    "resume_id": resume,
                    "posting_id": posting,
                    "method": method,
                    "score": score,
                }
                if method_scores.directional:
                    row["direction"] = direction
                rows.append(row)
    return rows


__all__ = [
    "ALL_METHODS",
    "GRAPH_METHODS",
    "METRICS",
    "TEXT_METHODS",
    "MethodScores",
    "measure",
    "score_rows",
    "text_scores",
]
