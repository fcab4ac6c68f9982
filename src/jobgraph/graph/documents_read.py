"""Read, probe and delete single documents (candidates and postings) for the API.

Every statement lives in ``cypher/api/``. Reads go to a reader; a delete is one
write transaction. :func:`ping` runs without the driver's retries so a health
check answers at once when Neo4j is down.
"""

from __future__ import annotations

from typing import Any, Literal

from neo4j import Driver, RoutingControl

from jobgraph.graph.cypher import load_query

DocumentKind = Literal["candidate", "posting"]


def read_candidate(
    driver: Driver, candidate_id: str, database: str = "neo4j"
) -> dict[str, Any] | None:
    """Return one candidate's properties, skills, jobs and contact rows, or ``None``.

    Args:
        driver: Open driver.
        candidate_id: The candidate's id.
        database: Database to read.

    Returns:
        ``{"candidate", "skills", "jobs", "resolved_jobs", "contacts"}`` or
        ``None`` when no candidate has that id.
    """
    records, _, _ = driver.execute_query(
        load_query("api_candidate_read"),
        id=candidate_id,
        database_=database,
        routing_=RoutingControl.READ,
    )
    return records[0].data() if records else None


def read_posting(
    driver: Driver, posting_id: str, database: str = "neo4j"
) -> dict[str, Any] | None:
    """Return one posting's properties and required skills, or ``None`` when absent."""
    records, _, _ = driver.execute_query(
        load_query("api_posting_read"),
        id=posting_id,
        database_=database,
        routing_=RoutingControl.READ,
    )
    return records[0].data() if records else None


def stored_digest(
    driver: Driver, kind: DocumentKind, document_id: str, database: str = "neo4j"
) -> str | None:
    """Return the stored record digest of a document, ``""`` when it has none, ``None`` if absent.

    Args:
        driver: Open driver.
        kind: ``"candidate"`` or ``"posting"``.
        document_id: The document's id.
        database: Database to read.
    """
    name = "api_candidate_digest" if kind == "candidate" else "api_posting_digest"
    records, _, _ = driver.execute_query(
        load_query(name), id=document_id, database_=database, routing_=RoutingControl.READ
    )
    if not records:
        return None
    return str(records[0]["record_digest"] or "")


def delete_document(
    driver: Driver, kind: DocumentKind, document_id: str, database: str = "neo4j"
) -> bool:
    """Delete a candidate (with its contact data) or a posting, with every relationship.

    Vectors are node properties, so they leave the vector indexes with the node.

    Returns:
        ``True`` when something was deleted, ``False`` when the id is unknown.
    """
    name = "api_candidate_delete" if kind == "candidate" else "api_posting_delete"
    records, _, _ = driver.execute_query(
        load_query(name), id=document_id, database_=database, routing_=RoutingControl.WRITE
    )
    return bool(records)


def ping(driver: Driver, database: str = "neo4j") -> None:
    """Run a trivial query once, without retries.

    Raises:
        neo4j.exceptions.DriverError: The server cannot be reached (no retry).
        neo4j.exceptions.Neo4jError: The database refused the query.
    """
    with driver.session(database=database, default_access_mode="READ") as session:
        session.run(load_query("api_ping")).consume()
