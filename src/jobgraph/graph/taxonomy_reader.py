"""Read the taxonomy back from the graph: the vocabulary in force for parsing.

``jobgraph taxonomy import`` puts ESCO and O*NET entries beside the built-in
ones and links duplicates with ``SAME_AS``. :func:`load_taxonomy_in_force`
reads every skill, occupation and ``SAME_AS`` pair once and compiles them
(:func:`jobgraph.taxonomy.in_force.compile_in_force`) into the single
taxonomy that the parsers are given. When the graph holds no imported skills,
the built-in taxonomy is the one in force and nothing is read.
"""

from __future__ import annotations

from typing import Any

from neo4j import Driver, RoutingControl

from jobgraph.graph.cypher import load_query
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.in_force import BUILTIN_SOURCE, compile_in_force
from jobgraph.taxonomy.model import Occupation, Skill, SkillKind, Taxonomy


def imported_skill_count(driver: Driver, database: str = "neo4j") -> int:
    """Return how many skills in the graph came from an import (ESCO, O*NET...)."""
    records, _, _ = driver.execute_query(
        load_query("taxonomy_read_imported_count"),
        builtin_source=BUILTIN_SOURCE,
        database_=database,
        routing_=RoutingControl.READ,
    )
    return int(records[0]["imported"]) if records else 0


def read_graph_taxonomy(driver: Driver, database: str = "neo4j") -> Taxonomy:
    """Read every skill, occupation and ``SAME_AS`` pair of the graph (not compiled).

    Links and requirements are left out: parsing needs labels, not structure.
    """
    taxonomy = Taxonomy()
    for row in _read(driver, "taxonomy_read_skills", database):
        taxonomy.skills[row["id"]] = Skill(
            id=row["id"],
            name=row["name"] or row["id"],
            kind=_kind(row["kind"]),
            category=row["category"] or "",
            aliases=tuple(alias for alias in row["aliases"] if alias),
            source=row["source"] or "",
            families=tuple(row["families"]),
            hot=bool(row["hot"]),
        )
    for row in _read(driver, "taxonomy_read_occupations", database):
        taxonomy.occupations[row["id"]] = Occupation(
            id=row["id"],
            title=row["title"] or row["id"],
            alt_titles=tuple(title for title in row["alt_titles"] if title),
            group_code=row["group_code"] or "",
            family=row["family"] or "",
            source=row["source"] or "",
            seniority=int(row["seniority"]),
        )
    taxonomy.same_as = [
        (row["a"], row["b"]) for row in _read(driver, "taxonomy_read_same_as", database)
    ]
    return taxonomy


def load_taxonomy_in_force(driver: Driver, database: str = "neo4j") -> Taxonomy:
    """Return the taxonomy parsing should use with this graph.

    The built-in taxonomy (version set) when nothing was imported; otherwise the
    built-in entries (from the package, so links and requirements stay whole)
    merged with the graph's imported entries, ``SAME_AS`` duplicates folded.

    Args:
        driver: Open driver.
        database: The database to read.

    Returns:
        The compiled taxonomy; its ``version`` identifies it.
    """
    builtin = builtin_taxonomy()
    if imported_skill_count(driver, database) == 0:
        return builtin
    graph = read_graph_taxonomy(driver, database)
    imported = Taxonomy(
        skills={k: v for k, v in graph.skills.items() if v.source != BUILTIN_SOURCE},
        occupations={k: v for k, v in graph.occupations.items() if v.source != BUILTIN_SOURCE},
        same_as=graph.same_as,
    )
    return compile_in_force(builtin, imported)


def _read(driver: Driver, name: str, database: str) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        load_query(name), database_=database, routing_=RoutingControl.READ
    )
    return [record.data() for record in records]


def _kind(value: str | None) -> SkillKind:
    try:
        return SkillKind(value or SkillKind.HARD.value)
    except ValueError:
        return SkillKind.HARD
