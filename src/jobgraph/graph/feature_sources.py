"""Read what text vectors are built from: skill and occupation labels, document pieces.

Rows are plain dicts; turning them into texts and vectors is
``jobgraph.embed.text_features``' job.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Literal

from neo4j import Driver, RoutingControl

from jobgraph.graph.cypher import load_query

DocumentLabel = Literal["Candidate", "Posting"]
_PIECE_QUERIES = {"Candidate": "text_candidate_pieces", "Posting": "text_posting_pieces"}


def skill_sources(
    driver: Driver,
    *,
    database: str = "neo4j",
    only_missing: bool = True,
    ids: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Return ``{id, name, aliases}`` of skills (only those without a text vector by default)."""
    records, _, _ = driver.execute_query(
        load_query("text_skill_sources"),
        only_missing=only_missing,
        ids=list(ids) if ids is not None else None,
        database_=database,
        routing_=RoutingControl.READ,
    )
    return [dict(record) for record in records]


def occupation_sources(
    driver: Driver,
    *,
    database: str = "neo4j",
    only_missing: bool = True,
    ids: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Return ``{id, title, alt_titles, description}`` of occupations (missing vectors only)."""
    records, _, _ = driver.execute_query(
        load_query("text_occupation_sources"),
        only_missing=only_missing,
        ids=list(ids) if ids is not None else None,
        database_=database,
        routing_=RoutingControl.READ,
    )
    return [dict(record) for record in records]


def document_piece_pages(
    driver: Driver,
    label: DocumentLabel,
    *,
    database: str = "neo4j",
    only_missing: bool = True,
    ids: Sequence[str] | None = None,
    page_size: int = 1000,
) -> Iterator[list[dict[str, Any]]]:
    """Yield pages of candidate or posting rows (see ``cypher/vectors/text_*_pieces``).

    Args:
        driver: Open driver.
        label: ``"Candidate"`` or ``"Posting"``.
        database: Database to read.
        only_missing: Only nodes without a text vector.
        ids: Only these nodes (``None``: all).
        page_size: Rows per query.
    """
    query = load_query(_PIECE_QUERIES[label])
    after = ""
    while True:
        records, _, _ = driver.execute_query(
            query,
            after=after,
            limit=page_size,
            only_missing=only_missing,
            ids=list(ids) if ids is not None else None,
            database_=database,
            routing_=RoutingControl.READ,
        )
        rows = [dict(record) for record in records]
        if rows:
            yield rows
        if len(rows) < page_size:
            return
        after = rows[-1]["id"]
