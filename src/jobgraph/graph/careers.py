"""Graph reads and writes of the career-path stage.

Rows come back as plain dicts; ``jobgraph.careers`` turns them into its own
types (the graph layer does not import the stages after it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from neo4j import Driver, ManagedTransaction, RoutingControl

from jobgraph.graph.batching import chunks
from jobgraph.graph.cypher import load_query

WRITE_BATCH = 5_000


def _read(driver: Driver, name: str, database: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        load_query(name), parameters, database_=database, routing_=RoutingControl.READ
    )
    return [record.data() for record in records]


def read_work_histories(driver: Driver, database: str = "neo4j") -> list[dict[str, Any]]:
    """Every candidate's resolved jobs: ``candidate_id`` and ``spells``.

    Each spell holds ``occupation_id, order, start, end, months``.
    """
    return _read(driver, "careers_work_histories", database)


def read_occupation_profiles(driver: Driver, database: str = "neo4j") -> list[dict[str, Any]]:
    """Every occupation with level, family, BROADER and SAME_AS ids and required skills."""
    return _read(driver, "careers_occupation_profiles", database)


def read_transitions(driver: Driver, database: str = "neo4j") -> list[dict[str, Any]]:
    """Every mined ``NEXT`` transition: ``from_id, to_id, count, probability, median_years``."""
    return _read(driver, "careers_transitions", database)


def read_candidate(
    driver: Driver, candidate_id: str, database: str = "neo4j"
) -> dict[str, Any] | None:
    """One candidate's skills, implied skills and resolved jobs, or ``None`` when absent."""
    rows = _read(driver, "careers_candidate", database, candidate_id=candidate_id)
    return rows[0] if rows else None


def read_posting_requirements(driver: Driver, database: str = "neo4j") -> list[dict[str, Any]]:
    """Every posting's id, title and required skill ids."""
    return _read(driver, "careers_posting_requirements", database, importance="required")


def read_demo_candidates(
    driver: Driver, limit: int = 5, database: str = "neo4j"
) -> list[dict[str, Any]]:
    """Candidates with the longest resolved work histories."""
    return _read(driver, "careers_demo_candidates", database, limit=limit)


def replace_transitions(
    driver: Driver, rows: Sequence[dict[str, Any]], database: str = "neo4j"
) -> int:
    """Replace every ``NEXT`` relationship with ``rows``, in one transaction.

    Args:
        driver: Open driver.
        rows: ``{from_id, to_id, count, probability, median_years}`` each.
        database: Target database.

    Returns:
        How many ``NEXT`` relationships were written.
    """

    def work(tx: ManagedTransaction) -> int:
        tx.run(load_query("careers_next_delete")).consume()
        written = 0
        for batch in chunks(rows, WRITE_BATCH):
            summary = tx.run(load_query("careers_next_write"), rows=batch).consume()
            written += summary.counters.relationships_created
        return written

    with driver.session(database=database) as session:
        return session.execute_write(work)
