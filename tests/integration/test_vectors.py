"""Vector properties and indexes in the real Neo4j: write, read, query, remove."""

from __future__ import annotations

import numpy as np
import pytest
from neo4j import Driver

from jobgraph.graph.vector_store import (
    GNN_PROPERTY,
    TEXT_PROPERTY,
    VectorStoreError,
    ensure_vector_index,
    list_vector_indexes,
    query_similar,
    read_vectors,
    remove_vectors,
    vector_index_name,
    write_vectors,
)

pytestmark = pytest.mark.neo4j


def _nodes(driver: Driver, label_ids: list[str]) -> None:
    driver.execute_query("UNWIND $ids AS id CREATE (:Posting {id: id})", ids=label_ids)


def _index(driver: Driver, name: str) -> dict[str, object]:
    return next(i for i in list_vector_indexes(driver) if i["name"] == name)


def test_index_names_and_allow_list() -> None:
    assert vector_index_name("Candidate", TEXT_PROPERTY) == "candidate_text_embedding"
    assert vector_index_name("Skill", GNN_PROPERTY) == "skill_gnn_embedding"
    with pytest.raises(VectorStoreError, match="Employer"):
        vector_index_name("Employer", TEXT_PROPERTY)
    with pytest.raises(VectorStoreError, match="embedding\\) DETACH"):
        vector_index_name("Skill", "embedding) DETACH")


def test_round_trip_query_and_remove(driver: Driver) -> None:
    rng = np.random.default_rng(3)
    ids = [f"p{i:04d}" for i in range(400)]
    _nodes(driver, ids)
    vectors = rng.standard_normal((400, 16)).astype(np.float32) * 5
    ensure_vector_index(driver, "Posting", GNN_PROPERTY, 16)
    # An unknown id is skipped, not created.
    assert (
        write_vectors(
            driver,
            "Posting",
            GNN_PROPERTY,
            [*ids, "ghost"],
            np.vstack([vectors, vectors[:1]]),
            batch_size=150,
        )
        == 400
    )
    read_ids, stored = read_vectors(driver, "Posting", GNN_PROPERTY, page_size=128)
    assert read_ids == ids
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    np.testing.assert_allclose(stored, unit, atol=1e-6)  # stored normalised

    driver.execute_query("CALL db.awaitIndexes(300)")
    hits = query_similar(driver, "Posting", GNN_PROPERTY, vectors[7], 5, overfetch=10)
    assert hits[0][0] == "p0007" and hits[0][1] == pytest.approx(1.0, abs=0.01)  # quantised index
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    exact = unit @ unit[7]
    assert hits[1][1] == pytest.approx(float(np.sort(exact)[-2]), abs=0.02)

    kept = query_similar(
        driver, "Posting", GNN_PROPERTY, vectors[7], 5, overfetch=10, filter_ids=["p0001", "p0007"]
    )
    assert {i for i, _ in kept} <= {"p0001", "p0007"} and kept[0][0] == "p0007"

    assert remove_vectors(driver, "Posting", GNN_PROPERTY, ["p0007", "p0008", "nope"]) == 2
    left_ids, _ = read_vectors(driver, "Posting", GNN_PROPERTY)
    assert len(left_ids) == 398 and "p0007" not in left_ids
    hits = query_similar(driver, "Posting", GNN_PROPERTY, vectors[7], 5, overfetch=10)
    assert "p0007" not in [i for i, _ in hits]


def test_index_dimensions_change_recreates_it(driver: Driver) -> None:
    name = vector_index_name("Posting", TEXT_PROPERTY)
    ensure_vector_index(driver, "Posting", TEXT_PROPERTY, 8)
    first = _index(driver, name)
    assert (first["label"], first["property"], first["dimensions"]) == ("Posting", TEXT_PROPERTY, 8)
    assert first["state"] == "ONLINE" and str(first["similarity"]).lower() == "cosine"
    ensure_vector_index(driver, "Posting", TEXT_PROPERTY, 8)  # idempotent
    ensure_vector_index(driver, "Posting", TEXT_PROPERTY, 12)
    assert _index(driver, name)["dimensions"] == 12
    assert sum(1 for i in list_vector_indexes(driver) if i["name"] == name) == 1


def test_recall_at_10_against_exact(driver: Driver) -> None:
    rng = np.random.default_rng(11)
    ids = [f"r{i:04d}" for i in range(600)]
    _nodes(driver, ids)
    # Clustered, like real embeddings (uniform random vectors are an ANN worst case).
    centres = rng.standard_normal((30, 24))
    vectors = (centres[rng.integers(0, 30, 600)] + 0.6 * rng.standard_normal((600, 24))).astype(
        np.float32
    )
    ensure_vector_index(driver, "Posting", GNN_PROPERTY, 24)
    write_vectors(driver, "Posting", GNN_PROPERTY, ids, vectors)
    driver.execute_query("CALL db.awaitIndexes(300)")
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    found = {1: 0, 10: 0}
    for query in range(0, 600, 30):
        exact = {ids[i] for i in np.argsort(-(unit @ unit[query]))[:10]}
        for overfetch in found:
            hits = query_similar(
                driver, "Posting", GNN_PROPERTY, vectors[query], 10, overfetch=overfetch
            )
            found[overfetch] += len(exact & {i for i, _ in hits})
    assert found[10] / (20 * 10) >= 0.9
    assert found[10] >= found[1]


def test_bad_input_is_a_clear_error(driver: Driver) -> None:
    with pytest.raises(VectorStoreError, match="2 ids but 3 vectors"):
        write_vectors(driver, "Skill", TEXT_PROPERTY, ["a", "b"], np.ones((3, 4)))
    with pytest.raises(VectorStoreError, match="NaN"):
        write_vectors(driver, "Skill", TEXT_PROPERTY, ["a"], np.full((1, 4), np.nan))
    with pytest.raises(VectorStoreError, match="dimensions"):
        ensure_vector_index(driver, "Skill", TEXT_PROPERTY, 0)
