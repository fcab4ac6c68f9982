"""Graph reads of the matching stage: profiles, the skill graph, retrieval.

Rows come back as plain dicts; ``jobgraph.match`` turns them into its own
types. Every value goes in as a parameter; the full-text index names are
checked against a fixed list and a client's words are escaped for Lucene
before they become the (parameterised) query string.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import Any

from neo4j import Driver, RoutingControl

from jobgraph.graph.cypher import load_query

FULLTEXT_INDEXES = {"Posting": "posting_text", "Candidate": "candidate_text"}
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_LUCENE_WORDS = frozenset({"and", "or", "not", "to"})


def _read(driver: Driver, name: str, database: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        load_query(name), parameters, database_=database, routing_=RoutingControl.READ
    )
    return [dict(record) for record in records]  # plain values: data() would walk each list


def read_candidate_profiles(
    driver: Driver, ids: Sequence[str], database: str = "neo4j"
) -> list[dict[str, Any]]:
    """Scoring rows of the candidates in ``ids`` (unknown ids are left out)."""
    if not ids:
        return []
    return _read(driver, "match_candidate_profiles", database, ids=list(ids))


def read_posting_profiles(
    driver: Driver, ids: Sequence[str], database: str = "neo4j"
) -> list[dict[str, Any]]:
    """Scoring rows of the postings in ``ids`` (unknown ids are left out)."""
    if not ids:
        return []
    return _read(driver, "match_posting_profiles", database, ids=list(ids))


def read_skill_graph(driver: Driver, database: str = "neo4j") -> dict[str, Any]:
    """Every skill's name and every SAME_AS / BROADER / RELATED_TO link.

    Returns:
        ``{"names": {id: name}, "edges": [{source, target, type, weight}]}``.
    """
    names = {row["id"]: row["name"] for row in _read(driver, "match_skill_names", database)}
    return {"names": names, "edges": _read(driver, "match_skill_edges", database)}


def read_occupations(driver: Driver, database: str = "neo4j") -> list[dict[str, Any]]:
    """Every occupation: ``id, title, family, broader, same_as``."""
    return _read(driver, "match_occupations", database)


def documents_by_skills(
    driver: Driver,
    label: str,
    skills: Sequence[dict[str, Any]],
    *,
    k: int,
    per_skill: int = 500,
    database: str = "neo4j",
) -> list[tuple[str, float]]:
    """Postings asking for, or candidates holding (``label``), any of ``skills``
    (``{id, weight}``), best summed weight first."""
    if not skills:
        return []
    name = {"Posting": "match_postings_by_skills", "Candidate": "match_candidates_by_skills"}[label]
    rows = _read(driver, name, database, skills=list(skills), k=int(k), per_skill=int(per_skill))
    return [(row["id"], float(row["score"])) for row in rows]


def lucene_query(words: Sequence[str]) -> str:
    """An OR query of ``words`` with Lucene's operators escaped (``""`` when none)."""
    terms: list[str] = []
    for word in words:
        for token in word.split():
            if token.lower() in _LUCENE_WORDS:
                continue
            escaped = _LUCENE_SPECIAL.sub(r"\\\1", token)
            if escaped and escaped not in terms:
                terms.append(escaped)
    return " OR ".join(terms[:64])


def fulltext_search(
    driver: Driver, label: str, words: Sequence[str], *, k: int, database: str = "neo4j"
) -> list[tuple[str, float]]:
    """BM25 search of ``label``'s documents for ``words``; ``(id, score)`` best first.

    Raises:
        KeyError: ``label`` has no document full-text index.
    """
    query = lucene_query(words)
    if not query:
        return []
    rows = _read(
        driver, "match_fulltext", database, index=FULLTEXT_INDEXES[label], query=query, k=int(k)
    )
    return [(row["id"], float(row["score"])) for row in rows]


def confirm_skill_edges(
    driver: Driver, edges: Sequence[dict[str, str]], database: str = "neo4j"
) -> list[dict[str, Any]]:
    """The links of ``edges`` (``source, target, type``) that exist, with their weights."""
    if not edges:
        return []
    return _read(driver, "match_path_edges", database, edges=list(edges))


def iter_ids(
    driver: Driver, label: str, *, page: int = 10_000, database: str = "neo4j"
) -> Iterator[list[str]]:
    """Every candidate or posting id in pages, in id order."""
    name = {"Candidate": "match_candidate_ids", "Posting": "match_posting_ids"}[label]
    after = ""
    while True:
        ids = [row["id"] for row in _read(driver, name, database, after=after, limit=page)]
        if not ids:
            return
        yield ids
        after = ids[-1]


def document_aliases(driver: Driver, label: str, database: str = "neo4j") -> dict[str, str]:
    """Map every candidate's (or posting's) id and unambiguous source-file stem to its id."""
    name = {"Candidate": "match_candidate_sources", "Posting": "match_posting_sources"}[label]
    rows = _read(driver, name, database)
    aliases = {row["id"]: row["id"] for row in rows}
    stems: dict[str, list[str]] = {}
    for row in rows:
        source = row.get("source") or ""
        stem = PurePath(source.split("#")[0]).stem if source else ""
        if stem:
            stems.setdefault(stem, []).append(row["id"])
    for stem, ids in stems.items():
        if len(ids) == 1:
            aliases.setdefault(stem, ids[0])
    return aliases
