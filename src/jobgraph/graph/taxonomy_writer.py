"""Write a :class:`~jobgraph.taxonomy.model.Taxonomy` into Neo4j and read it back.

Skills and occupations are MERGEd on their stable ids (slugs, URIs, codes), so
loading the same taxonomy twice changes nothing.
"""

from __future__ import annotations

from typing import Any

from neo4j import Driver, RoutingControl

from jobgraph.graph.batching import write_all_at_once, write_rows
from jobgraph.graph.cypher import load_query
from jobgraph.graph.schema import apply_schema
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.model import SkillLink, Taxonomy


def skill_rows(taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """Parameters of ``taxonomy_skills_upsert``, one row per skill."""
    return [
        {
            "id": skill.id,
            "name": skill.name,
            "kind": skill.kind.value,
            "category": skill.category,
            "aliases": list(skill.aliases),
            "aliases_text": " | ".join(skill.aliases),
            "source": skill.source,
            "families": list(skill.families),
            "description": skill.description,
            "hot": skill.hot,
        }
        for skill in taxonomy.skills.values()
    ]


def occupation_rows(taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """Parameters of ``taxonomy_occupations_upsert``, one row per occupation."""
    return [
        {
            "id": occupation.id,
            "title": occupation.title,
            "alt_titles": list(occupation.alt_titles),
            "alt_titles_text": " | ".join(occupation.alt_titles),
            "group_code": occupation.group_code,
            "family": occupation.family,
            "source": occupation.source,
            "description": occupation.description,
            "seniority": occupation.seniority,
            "job_zone": occupation.job_zone,
            "education": occupation.education,
            "experience_years": occupation.experience_years,
        }
        for occupation in taxonomy.occupations.values()
    ]


def write_taxonomy(
    driver: Driver,
    taxonomy: Taxonomy,
    *,
    database: str = "neo4j",
    batch_size: int = 2_000,
    progress: bool = False,
    atomic: bool = False,
) -> dict[str, int]:
    """MERGE every skill, occupation and link of ``taxonomy`` (idempotent).

    Args:
        driver: Open driver.
        taxonomy: What to write; links may point at entries written earlier
            (for instance SAME_AS from an import to the built-in taxonomy).
        database: Target database.
        batch_size: Rows per transaction.
        progress: Show a progress bar per kind of row.
        atomic: Write everything in one transaction (``batch_size`` and
            ``progress`` are ignored): a run stopped midway leaves nothing.

    Returns:
        Rows sent per kind.
    """
    links = taxonomy.skill_links
    same_as = [{"a": a, "b": b} for a, b in taxonomy.same_as]
    # (key, statement, rows, progress label), written in this order: links need their nodes.
    parts: list[tuple[str, str, list[dict[str, Any]], str]] = [
        ("skills", "taxonomy_skills_upsert", skill_rows(taxonomy), "skills"),
        ("occupations", "taxonomy_occupations_upsert", occupation_rows(taxonomy), "occupations"),
        (
            "broader",
            "taxonomy_skill_broader",
            [_link_row(link) for link in links if link.kind == "BROADER"],
            "skill hierarchy",
        ),
        (
            "related",
            "taxonomy_skill_related",
            [_link_row(link) for link in links if link.kind == "RELATED_TO"],
            "related skills",
        ),
        (
            "requirements",
            "taxonomy_occupation_requires",
            [
                {
                    "occupation_id": r.occupation_id,
                    "skill_id": r.skill_id,
                    "importance": r.importance.value,
                    "weight": r.weight,
                }
                for r in taxonomy.requirements
            ],
            "requirements",
        ),
        (
            "occupation_broader",
            "taxonomy_occupation_broader",
            [
                {"id": o.id, "broader_id": o.broader_id}
                for o in taxonomy.occupations.values()
                if o.broader_id
            ],
            "occupation hierarchy",
        ),
        # A pair names two skills or two occupations; each statement matches only its label.
        ("same_as", "taxonomy_skill_same_as", same_as, "same-as (skills)"),
        ("same_as", "taxonomy_occupation_same_as", same_as, "same-as (occupations)"),
    ]
    if atomic:
        write_all_at_once(driver, [(name, rows) for _, name, rows, _ in parts], database=database)
    else:
        for _, name, rows, label in parts:
            write_rows(
                driver,
                name,
                rows,
                database=database,
                batch_size=batch_size,
                progress=label if progress else None,
            )
    sent: dict[str, int] = {}
    for key, _, rows, _ in parts:
        sent[key] = max(sent.get(key, 0), len(rows))
    return sent


def _link_row(link: SkillLink) -> dict[str, Any]:
    return {
        "source_id": link.source_id,
        "target_id": link.target_id,
        "weight": link.weight,
        "source": link.source,
    }


def taxonomy_counts(driver: Driver, database: str = "neo4j") -> dict[str, dict[str, int]]:
    """Return skills and occupations in the graph, per source."""
    records, _, _ = driver.execute_query(
        load_query("taxonomy_source_counts"), database_=database, routing_=RoutingControl.READ
    )
    counts: dict[str, dict[str, int]] = {"skills": {}, "occupations": {}}
    for record in records:
        counts[record["kind"]][record["source"] or "unknown"] = record["count"]
    return counts


def taxonomy_present(driver: Driver, database: str = "neo4j") -> bool:
    """True when the graph holds at least one skill."""
    records, _, _ = driver.execute_query(
        load_query("taxonomy_present"), database_=database, routing_=RoutingControl.READ
    )
    return bool(records and records[0]["present"])


def ensure_builtin_taxonomy(driver: Driver, database: str = "neo4j") -> bool:
    """Load the built-in taxonomy when the graph has no skills yet.

    The load is one transaction, so "has a skill" means "has all of it": an
    ingest killed while loading leaves an empty graph, and the next run loads
    the taxonomy again instead of parsing against a part of it.

    A graph without skills is new, so the schema is applied first (as
    ``jobgraph db init`` does): without the id constraints every MERGE that
    follows scans its label, and an ESCO import takes an hour, not minutes.

    Returns:
        True when it had to be loaded.
    """
    if taxonomy_present(driver, database):
        return False
    apply_schema(driver, database)
    write_taxonomy(driver, builtin_taxonomy(), database=database, atomic=True)
    return True
