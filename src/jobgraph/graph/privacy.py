"""Privacy audits of the graph: where does a piece of text still appear?

Used to prove erasure (after a candidate is deleted, its name, email and words
are nowhere) and redacted ingest (without ``--with-pii`` no contact detail is
stored). Statements live in ``cypher/privacy/``; the text searched for always
travels as a parameter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from neo4j import Driver, RoutingControl

from jobgraph.graph.cypher import load_query

# Lucene's query syntax: every one of these is escaped so a search is for the text itself
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')


def find_text(
    driver: Driver, needles: Sequence[str], database: str = "neo4j"
) -> list[dict[str, Any]]:
    """Every node and relationship property whose text contains one of ``needles``.

    Matching ignores case. String and list-of-string properties are searched
    (vectors and numbers hold no text).

    Args:
        driver: Open driver.
        needles: Texts to look for (empty ones are ignored).
        database: Database to search.

    Returns:
        One row per hit: ``{"kind": "node" | "relationship", "labels" or "type",
        "id" (or "from_id"/"to_id"), "key", "text", "found"}``.
    """
    wanted = sorted({needle.lower() for needle in needles if needle})
    if not wanted:
        return []
    hits: list[dict[str, Any]] = []
    for kind, name in (
        ("node", "privacy_node_text"),
        ("relationship", "privacy_relationship_text"),
    ):
        records, _, _ = driver.execute_query(
            load_query(name), needles=wanted, database_=database, routing_=RoutingControl.READ
        )
        hits += [{"kind": kind, **record.data()} for record in records]
    return hits


def lucene_phrase(text: str) -> str:
    """``text`` as a Lucene phrase query with every special character escaped."""
    return '"' + _LUCENE_SPECIAL.sub(r"\\\1", text) + '"'


def fulltext_hits(driver: Driver, text: str, database: str = "neo4j") -> dict[str, int]:
    """How many entries each full-text index returns for ``text`` searched as a phrase.

    Args:
        driver: Open driver.
        text: The words to look for.
        database: Database to search.

    Returns:
        Index name -> number of nodes (or relationships) it finds.
    """
    indexes, _, _ = driver.execute_query(
        load_query("privacy_fulltext_indexes"), database_=database, routing_=RoutingControl.READ
    )
    hits: dict[str, int] = {}
    for index in indexes:
        name = (
            "privacy_fulltext_nodes"
            if index["entity_type"] == "NODE"
            else "privacy_fulltext_relationships"
        )
        records, _, _ = driver.execute_query(
            load_query(name),
            index=index["name"],
            query=lucene_phrase(text),
            database_=database,
            routing_=RoutingControl.READ,
        )
        hits[index["name"]] = len(records)
    return hits


def vector_counts(driver: Driver, database: str = "neo4j") -> dict[str, dict[str, int]]:
    """Per label, how many nodes carry a ``text_embedding`` and a ``gnn_embedding``."""
    records, _, _ = driver.execute_query(
        load_query("privacy_vector_counts"), database_=database, routing_=RoutingControl.READ
    )
    return {
        record["label"]: {
            "text_embedding": record["text_embedding"],
            "gnn_embedding": record["gnn_embedding"],
        }
        for record in records
    }


__all__ = ["find_text", "fulltext_hits", "lucene_phrase", "vector_counts"]
