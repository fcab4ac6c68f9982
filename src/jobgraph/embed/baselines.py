"""Retrieval baselines scored by the same code as the GNN: TF-IDF and MiniLM cosine.

Both read each document's full text from the file it was ingested from (the
graph keeps no full resume text). ``tfidf`` is the cosine of sublinear TF-IDF
vectors over word unigrams; ``minilm`` is the cosine of full-text MiniLM
vectors (the model reads the first 256 tokens); ``text`` is the cosine of the
stored ``text_embedding`` vectors, built from cached pieces at ingest.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch_geometric.data import HeteroData

from jobgraph.embed.cache import VectorCache, encode_cached
from jobgraph.embed.labels import GradedPairs
from jobgraph.embed.metrics import grade_table, ranking_by_degree, ranking_metrics
from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.errors import JobgraphError

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")


class DocumentFiles:
    """Find ingested documents again: nodes keep only their file's name.

    Args:
        folders: Folders searched (recursively) for a file of that name.
    """

    def __init__(self, folders: Sequence[Path]) -> None:
        self.paths: dict[str, Path] = {}
        for folder in folders:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    self.paths.setdefault(path.name, path)

    def text(self, source: str | None) -> str:
        """The extracted text of the document ingested from ``source`` ("" if not found)."""
        from jobgraph.parse.extract import extract_file

        if not source:
            return ""
        path = Path(source) if Path(source).is_file() else self.paths.get(Path(source).name)
        if path is None:
            return ""
        try:
            return extract_file(path).text
        except JobgraphError:
            return ""


def tfidf_matrix(texts: Sequence[str]) -> torch.Tensor:
    """Row-normalised sublinear TF-IDF vectors (dense; the corpora here are small)."""
    tokens = [Counter(_WORD.findall(text.lower())) for text in texts]
    document_frequency: Counter[str] = Counter()
    for counts in tokens:
        document_frequency.update(counts.keys())
    vocabulary = {word: i for i, word in enumerate(sorted(document_frequency))}
    total = len(texts)
    matrix = torch.zeros((total, len(vocabulary)))
    for row, counts in enumerate(tokens):
        for word, count in counts.items():
            idf = math.log((1 + total) / (1 + document_frequency[word])) + 1
            matrix[row, vocabulary[word]] = (1 + math.log(count)) * idf
    return torch.nn.functional.normalize(matrix, dim=-1)


def _score_table(queries: torch.Tensor, items: torch.Tensor) -> np.ndarray:
    return (
        torch.nn.functional.normalize(queries, dim=-1)
        @ torch.nn.functional.normalize(items, dim=-1).t()
    ).numpy()


def compare_retrieval(
    data: HeteroData,
    pairs: GradedPairs,
    gnn_vectors: dict[str, torch.Tensor],
    *,
    files: DocumentFiles | None = None,
    encoder: MiniLMEncoder | None = None,
    cache: VectorCache | None = None,
    methods: Sequence[str] = ("gnn", "text", "tfidf", "minilm"),
) -> dict[str, dict[str, object]]:
    """Candidate → posting retrieval of each method on ``pairs``' candidates.

    Args:
        data: The snapshot (ids, sources, stored text vectors).
        pairs: Graded pairs of the held-out candidates.
        gnn_vectors: Final GNN vectors by node type.
        files: Where the documents' files are, for the full-text methods.
        encoder: MiniLM encoder for the ``minilm`` baseline.
        cache: Vector cache for the full-text encodes.
        methods: Which methods to score.

    Returns:
        ``method -> {"overall": metrics, "by_degree": metrics per bucket}``.
    """
    grades = grade_table(pairs.candidate, pairs.posting, pairs.grade)
    queries = sorted(q for q, judged in grades.items() if max(judged.values()) >= 2)
    if not queries:
        return {}
    degree = torch.bincount(
        data["candidate", "has_skill", "skill"].edge_index[0].cpu(),
        minlength=data["candidate"].num_nodes,
    ).tolist()
    query_index = torch.tensor(queries)
    texts: tuple[list[str], list[str]] | None = None
    results: dict[str, dict[str, object]] = {}
    for method in methods:
        if method == "gnn":
            scores = _score_table(gnn_vectors["candidate"][query_index], gnn_vectors["posting"])
        elif method == "text":
            scores = _score_table(data["candidate"].x.cpu()[query_index], data["posting"].x.cpu())
        else:
            if texts is None:
                files = files or DocumentFiles([])
                texts = (
                    [files.text(data["candidate"].sources[q]) for q in queries],
                    [files.text(s) for s in data["posting"].sources],
                )
            if not any(texts[0]) or not any(texts[1]):
                continue  # the source files are not on this machine
            if method == "tfidf":
                matrix = tfidf_matrix(texts[0] + texts[1])
                scores = _score_table(matrix[: len(queries)], matrix[len(queries) :])
            else:
                encoder = encoder or MiniLMEncoder()
                vectors = torch.from_numpy(encode_cached(encoder, texts[0] + texts[1], cache))
                scores = _score_table(vectors[: len(queries)], vectors[len(queries) :])
        results[method] = {
            "overall": ranking_metrics(scores, grades, queries),
            "by_degree": ranking_by_degree(scores, grades, queries, dict(enumerate(degree))),
        }
    return results


def format_retrieval_table(results: dict[str, dict[str, object]]) -> str:
    """A plain-text table: one row per method."""
    lines = [f"{'method':<10}{'NDCG@10':>10}{'Recall@10':>11}{'MRR':>8}{'queries':>9}"]
    for method, result in results.items():
        overall = result["overall"]
        assert isinstance(overall, dict)
        lines.append(
            f"{method:<10}{overall['ndcg@10']:>10.3f}{overall['recall@10']:>11.3f}"
            f"{overall['mrr']:>8.3f}{overall['queries']:>9}"
        )
    return "\n".join(lines)
