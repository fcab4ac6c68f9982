"""Node vectors in Neo4j: vector indexes, batched writes, paged reads, k-NN queries.

Vectors are stored L2-normalised with ``db.create.setNodeVectorProperty`` (a
compact float array, not a list property), so a cosine index ranks them as the
dot product does. Labels and property names cannot be ``$parameters`` in Cypher
DDL or in a label-indexed ``MATCH``: they are checked against a fixed allow-list
here and only then substituted into the ``cypher/vectors/`` templates, so no
caller text ever becomes Cypher.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, LiteralString, cast

import numpy as np
from neo4j import Driver, RoutingControl
from tqdm import tqdm

from jobgraph.errors import JobgraphError
from jobgraph.graph.cypher import load_query
from jobgraph.graph.schema import vector_indexes

TEXT_PROPERTY = "text_embedding"
GNN_PROPERTY = "gnn_embedding"
VECTOR_LABELS: tuple[str, ...] = ("Candidate", "Posting", "Skill", "Occupation")
VECTOR_PROPERTIES: tuple[str, ...] = (TEXT_PROPERTY, GNN_PROPERTY)
INDEX_ONLINE_SECONDS = 300


class _QuietList(list[Any]):
    """A list whose ``repr`` is short.

    The neo4j driver formats every RUN message's parameters for its debug log
    even when debug logging is off; for a batch of vectors that ``repr`` cost
    several times more than sending the batch.
    """

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


class VectorStoreError(JobgraphError):
    """A vector operation got an unknown label/property or malformed vectors."""

    http_status = 400


def _check(label: str, property: str) -> None:
    if label not in VECTOR_LABELS:
        raise VectorStoreError(
            f"no vectors on label {label!r}; use one of {', '.join(VECTOR_LABELS)}"
        )
    if property not in VECTOR_PROPERTIES:
        raise VectorStoreError(
            f"no vector property {property!r}; use one of {', '.join(VECTOR_PROPERTIES)}"
        )


def vector_index_name(label: str, property: str) -> str:
    """Name of the vector index on ``label.property`` (``candidate_text_embedding``).

    Raises:
        VectorStoreError: The label or property is not in the allow-list.
    """
    _check(label, property)
    return f"{label.lower()}_{property}"


def _statement(name: str, label: str, property: str) -> LiteralString:
    """Load the template ``name`` with the (allow-listed) label and property filled in."""
    _check(label, property)
    text = load_query(name).replace("__LABEL__", label).replace("__PROPERTY__", property)
    # Safe: both substitutions are members of the fixed allow-lists above.
    return cast(LiteralString, text)


def list_vector_indexes(driver: Driver, *, database: str = "neo4j") -> list[dict[str, Any]]:
    """Return every vector index: name, label, property, dimensions, similarity, state."""
    return vector_indexes(driver, database)


def ensure_vector_index(
    driver: Driver, label: str, property: str, dimensions: int, *, database: str = "neo4j"
) -> None:
    """Create the cosine vector index on ``label.property`` and wait until it is online.

    An index already on that label and property with other dimensions (or
    another name) is dropped and recreated.

    Raises:
        VectorStoreError: Unknown label/property, or ``dimensions`` outside 1..4096.
    """
    name = vector_index_name(label, property)
    if not 1 <= int(dimensions) <= 4096:
        raise VectorStoreError(f"vector index {name}: dimensions must be 1..4096, got {dimensions}")
    for index in list_vector_indexes(driver, database=database):
        if index["label"] != label or index["property"] != property:
            continue
        if index["name"] == name and index["dimensions"] == int(dimensions):
            break
        driver.execute_query(
            load_query("vector_index_drop"), name=index["name"], database_=database
        )
    driver.execute_query(
        _statement("vector_index_create", label, property),
        name=name,
        dimensions=int(dimensions),
        database_=database,
    )
    driver.execute_query(
        load_query("vector_index_await"),
        name=name,
        seconds=INDEX_ONLINE_SECONDS,
        database_=database,
    )


def drop_vector_index(
    driver: Driver, label: str, property: str, *, database: str = "neo4j"
) -> None:
    """Drop the vector index on ``label.property`` if there is one.

    Writing many vectors into an indexed property is slow (each commit inserts
    into the HNSW graph); for a full rewrite, drop the index, write, then call
    :func:`ensure_vector_index`, which builds it in one pass.
    """
    driver.execute_query(
        load_query("vector_index_drop"), name=vector_index_name(label, property), database_=database
    )


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """Return ``vectors`` as float32 with unit-length rows (zero rows stay zero)."""
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim != 2:
        raise VectorStoreError(f"vectors must be a 2-D array, got shape {matrix.shape}")
    if not np.isfinite(matrix).all():
        raise VectorStoreError("vectors contain NaN or infinite values")
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def write_vectors(
    driver: Driver,
    label: str,
    property: str,
    ids: Sequence[str],
    vectors: np.ndarray,
    *,
    database: str = "neo4j",
    batch_size: int = 5000,
    progress: bool = False,
    workers: int | None = None,
) -> int:
    """Store one L2-normalised vector per node id, in batched ``UNWIND`` writes.

    Batches go to the server from several threads at once (each batch its own
    transaction on disjoint nodes), since one transaction uses one server core.

    Args:
        driver: Open driver.
        label: Node label (Candidate, Posting, Skill, Occupation).
        property: ``TEXT_PROPERTY`` or ``GNN_PROPERTY``.
        ids: Node ids, one per row of ``vectors``.
        vectors: Array of shape ``(len(ids), dimensions)``.
        database: Target database.
        batch_size: Nodes per transaction.
        progress: Show a progress bar.
        workers: Concurrent transactions; default: CPU count, at most 8.

    Returns:
        How many nodes were written (ids with no node are skipped).

    Raises:
        VectorStoreError: Unknown label/property, or ids and rows do not match.
    """
    statement = _statement("vectors_write", label, property)
    matrix = normalise_rows(vectors)
    if len(ids) != matrix.shape[0]:
        raise VectorStoreError(
            f"write_vectors({label}.{property}): {len(ids)} ids but {matrix.shape[0]} vectors"
        )
    workers = max(1, workers or min(8, os.cpu_count() or 1))

    def write_batch(start: int) -> int:
        chunk = matrix[start : start + batch_size].tolist()
        rows = _QuietList(
            {"id": str(node_id), "vector": vector}
            for node_id, vector in zip(ids[start : start + batch_size], chunk, strict=True)
        )
        records, _, _ = driver.execute_query(
            statement, rows=rows, property=property, database_=database
        )
        return int(records[0]["written"]) if records else 0

    written = 0
    starts = range(0, len(ids), batch_size)
    with (
        tqdm(
            total=len(ids), desc=f"write {label}.{property}", unit="node", disable=not progress
        ) as bar,
        ThreadPoolExecutor(max_workers=workers) as pool,
    ):
        pending: deque[tuple[int, Future[int]]] = deque()
        for start in starts:
            pending.append((start, pool.submit(write_batch, start)))
            if len(pending) >= 2 * workers:  # bounded: only a few batches built at a time
                done_start, future = pending.popleft()
                written += future.result()
                bar.update(min(batch_size, len(ids) - done_start))
        while pending:
            done_start, future = pending.popleft()
            written += future.result()
            bar.update(min(batch_size, len(ids) - done_start))
    return written


def read_vectors(
    driver: Driver,
    label: str,
    property: str,
    *,
    database: str = "neo4j",
    page_size: int = 10_000,
) -> tuple[list[str], np.ndarray]:
    """Read every stored vector of ``label.property``, paging in id order.

    Returns:
        The node ids (sorted) and a float32 array with one row per id; an
        empty ``(0, 0)`` array when no node has the property.
    """
    statement = _statement("vectors_read_page", label, property)
    ids: list[str] = []
    rows: list[list[float]] = []
    after = ""
    while True:
        records, _, _ = driver.execute_query(
            statement,
            after=after,
            limit=page_size,
            database_=database,
            routing_=RoutingControl.READ,
        )
        for record in records:
            ids.append(record["id"])
            rows.append(record["vector"])
        if len(records) < page_size:
            break
        after = ids[-1]
    if not rows:
        return ids, np.zeros((0, 0), dtype=np.float32)
    return ids, np.asarray(rows, dtype=np.float32)


def read_vectors_by_id(
    driver: Driver,
    label: str,
    property: str,
    ids: Sequence[str],
    *,
    database: str = "neo4j",
) -> dict[str, np.ndarray]:
    """Return the stored vectors of ``ids`` (ids without one are left out)."""
    if not ids:
        return {}
    records, _, _ = driver.execute_query(
        _statement("vectors_read_ids", label, property),
        ids=[str(node_id) for node_id in ids],
        database_=database,
        routing_=RoutingControl.READ,
    )
    return {record["id"]: np.asarray(record["vector"], dtype=np.float32) for record in records}


def query_similar(
    driver: Driver,
    label: str,
    property: str,
    vector: np.ndarray | Sequence[float],
    k: int,
    *,
    database: str = "neo4j",
    overfetch: int = 5,
    filter_ids: Sequence[str] | None = None,
) -> list[tuple[str, float]]:
    """Return up to ``k`` ``(id, cosine similarity)`` pairs nearest to ``vector``.

    The index is asked for ``k * overfetch`` neighbours (in Neo4j 5.26 that
    number is also the search breadth, so over-fetching raises recall) and the
    best ``k`` are kept. ``filter_ids`` keeps only those ids among the fetched
    neighbours, so fewer than ``k`` may come back.

    Raises:
        VectorStoreError: Unknown label/property, ``k`` or ``overfetch`` below 1.
    """
    name = vector_index_name(label, property)
    if k < 1 or overfetch < 1:
        raise VectorStoreError(f"query_similar({name}): k and overfetch must be ≥ 1")
    query_vector = normalise_rows(np.asarray(vector, dtype=np.float32).reshape(1, -1))[0]
    records, _, _ = driver.execute_query(
        load_query("vectors_query"),
        name=name,
        property=property,
        fetch=int(k * overfetch),
        k=int(k),
        vector=_QuietList(query_vector.tolist()),
        filter_ids=list(filter_ids) if filter_ids is not None else None,
        database_=database,
        routing_=RoutingControl.READ,
    )
    return [(record["id"], float(record["similarity"])) for record in records]


def remove_vectors(
    driver: Driver,
    label: str,
    property: str,
    ids: Sequence[str],
    *,
    database: str = "neo4j",
    batch_size: int = 10_000,
) -> int:
    """Remove the vector property from the given nodes; returns how many had one."""
    statement = _statement("vectors_remove", label, property)
    removed = 0
    for start in range(0, len(ids), batch_size):
        records, _, _ = driver.execute_query(
            statement, ids=[str(i) for i in ids[start : start + batch_size]], database_=database
        )
        removed += int(records[0]["removed"]) if records else 0
    return removed
