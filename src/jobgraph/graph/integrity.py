"""What a graph holds, in a form two graphs can be compared by.

Used to check that an ingest stopped at any point and then run again ends with
exactly the graph an undisturbed run makes (``bench/ingest_faults.py`` and the
fault tests): counts by label and type, ids held twice, documents not finished.
"""

from __future__ import annotations

from typing import Any

from neo4j import Driver, RoutingControl

from jobgraph.graph.cypher import load_query
from jobgraph.graph.schema import graph_counts


def duplicate_ids(driver: Driver, database: str = "neo4j") -> dict[str, dict[str, int]]:
    """Return, per label, the ids held by more than one node (empty when none).

    Returns:
        ``{label: {"ids": ids held twice or more, "nodes": nodes holding them}}``.
    """
    records, _, _ = driver.execute_query(
        load_query("db_duplicate_ids"), database_=database, routing_=RoutingControl.READ
    )
    return {record["label"]: {"ids": record["ids"], "nodes": record["nodes"]} for record in records}


def document_completeness(driver: Driver, database: str = "neo4j") -> dict[str, dict[str, int]]:
    """Return, for candidates and postings, how many exist, are done and have a text vector.

    Returns:
        ``{label: {"nodes": n, "with_digest": n, "with_text_vector": n}}``.
    """
    records, _, _ = driver.execute_query(
        load_query("db_document_completeness"), database_=database, routing_=RoutingControl.READ
    )
    return {
        record["label"]: {
            "nodes": record["nodes"],
            "with_digest": record["with_digest"],
            "with_text_vector": record["with_text_vector"],
        }
        for record in records
    }


def graph_fingerprint(driver: Driver, database: str = "neo4j") -> dict[str, Any]:
    """Counts by label and type, duplicate ids and document completeness, in one dict.

    Two graphs made from the same input by the same code have equal fingerprints.
    """
    return {
        **graph_counts(driver, database),
        "duplicate_ids": duplicate_ids(driver, database),
        "documents": document_completeness(driver, database),
    }
