"""Vector write-back and retrieval in Neo4j: nodes/s and the index's recall@10.

Usage::

    .venv/bin/python bench/vectors.py [--nodes 20000] [--dims 64,384] [--queries 200]

For each dimension, on a throw-away local Neo4j: write L2-normalised vectors to
``--nodes`` Posting nodes with no vector index (``write_vectors``, batches of
5,000; a first write, then a rewrite once the server is warm), build the
cosine index (``ensure_vector_index``, awaited), write the same vectors again
with new values with the index online, then ask ``query_similar`` for the 10
nearest neighbours of ``--queries`` stored vectors at over-fetch 1, 3, 5 and 10
and compare with exact top-10 by numpy. Vectors are clustered (200 Gaussian
centres), closer to real embeddings than uniform noise. With ``NEO4J_URI`` set
that server is used and its Posting nodes are DELETED. Prints JSON and writes
``bench/results/vectors.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

import numpy as np

from jobgraph.config import Settings
from jobgraph.graph.connection import connect, local_server
from jobgraph.graph.record_writer import write_postings
from jobgraph.graph.schema import apply_schema, delete_all
from jobgraph.graph.vector_store import (
    GNN_PROPERTY,
    drop_vector_index,
    ensure_vector_index,
    normalise_rows,
    query_similar,
    read_vectors,
    write_vectors,
)
from jobgraph.parse.records import PostingRecord

RESULTS = Path(__file__).parent / "results"
LABEL = "Posting"


def clustered(nodes: int, dims: int, seed: int) -> np.ndarray:
    """Unit vectors around 200 random centres."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((200, dims))
    points = centres[rng.integers(0, 200, nodes)] + 0.7 * rng.standard_normal((nodes, dims))
    return normalise_rows(points.astype(np.float32))


def run_dimension(driver, ids: list[str], dims: int, queries: int) -> dict:  # type: ignore[no-untyped-def]
    """All measurements for one dimension."""
    vectors = clustered(len(ids), dims, seed=dims)
    drop_vector_index(driver, LABEL, GNN_PROPERTY)
    started = time.perf_counter()
    written = write_vectors(driver, LABEL, GNN_PROPERTY, ids, vectors)
    first_write_seconds = time.perf_counter() - started
    started = time.perf_counter()  # again: the server warm, the property records there
    write_vectors(driver, LABEL, GNN_PROPERTY, ids, vectors[::-1].copy())
    write_seconds = time.perf_counter() - started
    write_vectors(driver, LABEL, GNN_PROPERTY, ids, vectors)
    started = time.perf_counter()
    ensure_vector_index(driver, LABEL, GNN_PROPERTY, dims)
    index_seconds = time.perf_counter() - started
    vectors = clustered(len(ids), dims, seed=dims + 1)  # new values: a real index update
    started = time.perf_counter()
    write_vectors(driver, LABEL, GNN_PROPERTY, ids, vectors)
    indexed_write_seconds = time.perf_counter() - started
    started = time.perf_counter()
    read_ids, _ = read_vectors(driver, LABEL, GNN_PROPERTY)
    read_seconds = time.perf_counter() - started

    rng = np.random.default_rng(1)
    picks = rng.choice(len(ids), size=queries, replace=False)
    recall: dict[str, dict[str, float]] = {}
    for overfetch in (1, 3, 5, 10):
        found = 0
        started = time.perf_counter()
        for pick in picks:
            exact = {ids[i] for i in np.argsort(-(vectors @ vectors[pick]))[:10]}
            hits = query_similar(
                driver, LABEL, GNN_PROPERTY, vectors[pick], 10, overfetch=overfetch
            )
            found += len(exact & {node_id for node_id, _ in hits})
        seconds = time.perf_counter() - started
        recall[str(overfetch)] = {
            "recall@10": round(found / (10 * queries), 4),
            "ms_per_query_incl_numpy": round(1000 * seconds / queries, 1),
        }
    return {
        "dimensions": dims,
        "nodes": written,
        "first_write_no_index_nodes_per_second": round(written / first_write_seconds),
        "rewrite_no_index_nodes_per_second": round(written / write_seconds),
        "index_build_seconds": round(index_seconds, 1),
        "first_write_then_index_nodes_per_second": round(
            written / (first_write_seconds + index_seconds)
        ),
        "write_index_online_nodes_per_second": round(written / indexed_write_seconds),
        "read_nodes_per_second": round(len(read_ids) / read_seconds),
        "recall_by_overfetch": recall,
    }


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=20_000)
    parser.add_argument("--dims", default="64,384")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    ids = [f"bench-{i:07d}" for i in range(args.nodes)]
    with tempfile.TemporaryDirectory(prefix="jobgraph-bench-") as scratch:
        settings = Settings.from_env(
            data_dir=Path(scratch), neo4j_port=0, neo4j_heap="2g", neo4j_pagecache="1g"
        )
        server = None
        if settings.uses_local_server:
            server = local_server(settings)
            driver = connect(server.start().uri, server.credentials())
        else:
            credentials = (settings.neo4j_user, settings.neo4j_password or "")
            driver = connect(settings.neo4j_uri or "", credentials)
        try:
            apply_schema(driver)
            delete_all(driver)
            for start in range(0, len(ids), 5000):  # bare postings, through the product's writer
                batch = [PostingRecord(id=node_id) for node_id in ids[start : start + 5000]]
                write_postings(driver, batch)
            runs = [
                run_dimension(driver, ids, int(dims), args.queries) for dims in args.dims.split(",")
            ]
        finally:
            driver.close()
            if server is not None:
                server.stop()
    result = {"machine": f"{platform.machine()}, {os.cpu_count()} CPUs", "runs": runs}
    text = json.dumps(result, indent=2)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "vectors.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
