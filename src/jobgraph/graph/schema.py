"""Create the graph schema and report what the graph holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, RoutingControl

from jobgraph.graph.cypher import load_query, queries_in


@dataclass(frozen=True)
class SchemaReport:
    """What :func:`apply_schema` did: names of schema objects created and already present."""

    created: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)


def apply_schema(driver: Driver, database: str = "neo4j") -> SchemaReport:
    """Apply every statement under ``cypher/schema/`` (idempotent: ``IF NOT EXISTS``).

    Returns:
        Which statement files created something and which found it in place.
    """
    report = SchemaReport()
    for name, statement in queries_in("schema"):
        _, summary, _ = driver.execute_query(statement, database_=database)
        counters = summary.counters
        created = counters.constraints_added + counters.indexes_added
        (report.created if created else report.existing).append(name)
    driver.execute_query(load_query("db_await_indexes"), seconds=300, database_=database)
    return report


def graph_counts(driver: Driver, database: str = "neo4j") -> dict[str, dict[str, int]]:
    """Return node counts by label and relationship counts by type."""
    labels, _, _ = driver.execute_query(
        load_query("db_label_counts"), database_=database, routing_=RoutingControl.READ
    )
    relationships, _, _ = driver.execute_query(
        load_query("db_relationship_counts"), database_=database, routing_=RoutingControl.READ
    )
    return {
        "nodes": {record["label"]: record["count"] for record in labels},
        "relationships": {record["type"]: record["count"] for record in relationships},
    }


def schema_objects(driver: Driver, database: str = "neo4j") -> list[dict[str, object]]:
    """Return every index and constraint-backing index with its state."""
    records, _, _ = driver.execute_query(
        load_query("db_schema_objects"), database_=database, routing_=RoutingControl.READ
    )
    return [dict(record) for record in records]


def vector_indexes(driver: Driver, database: str = "neo4j") -> list[dict[str, Any]]:
    """Return every vector index: name, label, property, dimensions, similarity, state."""
    records, _, _ = driver.execute_query(
        load_query("vector_indexes"), database_=database, routing_=RoutingControl.READ
    )
    return [dict(record) for record in records]


def delete_all(driver: Driver, database: str = "neo4j", batch_size: int = 10_000) -> None:
    """Delete every node and relationship (schema objects stay)."""
    with driver.session(database=database) as session:
        session.run(load_query("db_delete_all"), batch_size=batch_size).consume()
