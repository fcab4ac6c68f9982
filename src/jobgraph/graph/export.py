"""Read the graph out of Neo4j in pages, for the GNN snapshot.

Every read pages by ``id`` (``WHERE n.id > $after ORDER BY n.id LIMIT $limit``),
so memory on both sides stays bounded by the page size and a graph of any size
streams through. This module only fetches rows; ``jobgraph.embed.data`` turns
them into tensors.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import READ_ACCESS, Driver, ManagedTransaction, RoutingControl

from jobgraph.graph.cypher import load_query

DEFAULT_PAGE_SIZE = 5_000

#: Node type (as the snapshot names it) -> statement reading one page of it.
NODE_QUERIES: dict[str, str] = {
    "skill": "export_nodes_skills",
    "occupation": "export_nodes_occupations",
    "candidate": "export_nodes_candidates",
    "posting": "export_nodes_postings",
}


@dataclass(frozen=True, slots=True)
class EdgeSpec:
    """One relationship type of the snapshot: (source type, relation, target type)."""

    source: str
    relation: str
    target: str
    query: str
    symmetric: bool = False  # stored once in Neo4j, meant in both directions

    @property
    def key(self) -> tuple[str, str, str]:
        """The PyG edge type."""
        return (self.source, self.relation, self.target)


EDGE_SPECS: tuple[EdgeSpec, ...] = (
    EdgeSpec("candidate", "has_skill", "skill", "export_edges_candidate_has_skill"),
    EdgeSpec("candidate", "worked_as", "occupation", "export_edges_candidate_worked_as"),
    EdgeSpec("posting", "requires", "skill", "export_edges_posting_requires"),
    EdgeSpec("posting", "for_occupation", "occupation", "export_edges_posting_for_occupation"),
    EdgeSpec("occupation", "requires", "skill", "export_edges_occupation_requires"),
    EdgeSpec("skill", "broader", "skill", "export_edges_skill_broader"),
    EdgeSpec("skill", "related_to", "skill", "export_edges_skill_related_to", symmetric=True),
    EdgeSpec("skill", "same_as", "skill", "export_edges_skill_same_as", symmetric=True),
    EdgeSpec("occupation", "broader", "occupation", "export_edges_occupation_broader"),
    EdgeSpec(
        "occupation", "same_as", "occupation", "export_edges_occupation_same_as", symmetric=True
    ),
)


def _read_page(
    tx: ManagedTransaction, query: LiteralString, after: str, limit: int
) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(query, after=after, limit=limit)]


def _pages(
    driver: Driver, query_name: str, key: str, *, database: str, page_size: int
) -> Iterator[list[dict[str, Any]]]:
    query = load_query(query_name)
    after = ""
    with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        while True:
            rows = session.execute_read(_read_page, query, after, page_size)
            if not rows:
                return
            yield rows
            after = rows[-1][key]
            if len(rows) < page_size:
                return


def node_pages(
    driver: Driver, node_type: str, *, database: str = "neo4j", page_size: int = DEFAULT_PAGE_SIZE
) -> Iterator[list[dict[str, Any]]]:
    """Yield pages of ``{"id", "features", ...}`` rows of one node type, in id order."""
    return _pages(driver, NODE_QUERIES[node_type], "id", database=database, page_size=page_size)


def edge_pages(
    driver: Driver, spec: EdgeSpec, *, database: str = "neo4j", page_size: int = DEFAULT_PAGE_SIZE
) -> Iterator[list[dict[str, Any]]]:
    """Yield pages of ``{"source", "targets", "weights"}`` rows (one per source node)."""
    return _pages(driver, spec.query, "source", database=database, page_size=page_size)


NEIGHBOURHOOD_QUERIES = {
    "candidate": "document_neighbourhoods_candidate",
    "posting": "document_neighbourhoods_posting",
}


def document_neighbourhoods(
    driver: Driver, node_type: str, node_ids: list[str], *, database: str = "neo4j"
) -> list[dict[str, Any]]:
    """Each found document's ``id``, ``features`` and neighbour ids by relation."""
    records, _, _ = driver.execute_query(
        load_query(NEIGHBOURHOOD_QUERIES[node_type]),
        ids=node_ids,
        database_=database,
        routing_=RoutingControl.READ,
    )
    return [record.data() for record in records]
