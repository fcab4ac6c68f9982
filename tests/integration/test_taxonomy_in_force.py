"""Parsing and ingest with the taxonomy in force: built-in plus what was imported."""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from jobgraph.graph.taxonomy_reader import imported_skill_count, load_taxonomy_in_force
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.ingest.pipeline import ingest
from jobgraph.ingest.sources import discover
from jobgraph.parse import parse_resume_text
from jobgraph.parse.pipeline import lookup_for
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.linking import link_same_as
from jobgraph.taxonomy.model import Skill, SkillKind, Taxonomy

TOOL_ID = "onet:tech:zorblax-studio"
RESUME = """Robin Example
robin@example.org

EXPERIENCE
Data Engineer | Northwind Labs | Mar 2020 - Present
- Built pipelines in Python on PostgreSQL, scheduled with Zorblax Studio

SKILLS
Python, PostgreSQL, Zorblax Studio
"""


def _import(driver: Driver) -> Taxonomy:
    imported = Taxonomy(
        skills={
            TOOL_ID: Skill(TOOL_ID, "Zorblax Studio", SkillKind.TOOL, source="onet"),
            "onet:tech:python": Skill("onet:tech:python", "Python", SkillKind.TOOL, source="onet"),
        }
    )
    imported.same_as.extend(link_same_as(builtin_taxonomy(), imported))
    write_taxonomy(driver, imported)
    return imported


def test_builtin_only_graph_gives_builtin_taxonomy(driver: Driver) -> None:
    write_taxonomy(driver, builtin_taxonomy())
    assert imported_skill_count(driver) == 0
    assert load_taxonomy_in_force(driver) is builtin_taxonomy()


def test_imported_skills_are_parsed_once_under_a_canonical_id(driver: Driver) -> None:
    write_taxonomy(driver, builtin_taxonomy())
    _import(driver)
    taxonomy = load_taxonomy_in_force(driver)
    assert TOOL_ID in taxonomy.skills
    assert "onet:tech:python" not in taxonomy.skills  # folded into "python"
    record = parse_resume_text(RESUME, lookup=lookup_for(taxonomy))
    ids = [mention.skill_id for mention in record.skills]
    assert TOOL_ID in ids and ids.count("python") == 1
    assert record.taxonomy_version == taxonomy.version != builtin_taxonomy().version
    builtin_record = parse_resume_text(RESUME)
    assert TOOL_ID not in {mention.skill_id for mention in builtin_record.skills}


def test_reingest_after_import_relinks(driver: Driver, tmp_path: Path) -> None:
    (tmp_path / "robin.txt").write_text(RESUME, encoding="utf-8")

    def run() -> tuple[int, int, list[str], str]:
        report = ingest(driver, discover([str(tmp_path)]), "resume", workers=1, progress=False)
        records, _, _ = driver.execute_query(
            "MATCH (c:Candidate) OPTIONAL MATCH (c)-[:HAS_SKILL]->(s:Skill) "
            "RETURN c.taxonomy_version AS version, collect(s.id) AS skills"
        )
        return report.ingested, report.unchanged, records[0]["skills"], records[0]["version"]

    ingested, _, skills, version = run()
    assert ingested == 1 and TOOL_ID not in skills
    assert version == builtin_taxonomy().version
    _import(driver)
    ingested, unchanged, skills, version = run()
    assert (ingested, unchanged) == (1, 0)
    assert TOOL_ID in skills
    assert version == load_taxonomy_in_force(driver).version
    assert run()[:2] == (0, 1)  # nothing changed since: nothing rewritten


ESCO_ZORBLAX = "http://data.europa.eu/esco/skill/zorblax-test"


def test_snapshot_serves_the_stamped_version_until_an_import_changes_it(
    driver: Driver, tmp_path: Path
) -> None:
    from jobgraph.graph.taxonomy_snapshot import taxonomy_in_force_cached

    write_taxonomy(driver, builtin_taxonomy())
    _import(driver)
    first, origin = taxonomy_in_force_cached(driver, tmp_path)
    assert origin == "graph" and list(tmp_path.glob("taxonomy-*.pkl.gz"))
    again, origin = taxonomy_in_force_cached(driver, tmp_path)
    assert origin == "snapshot" and again.version == first.version
    assert again.skills.keys() == first.skills.keys()
    # A later import (ESCO naming the O*NET tool again) moves the counts: the graph
    # is read again, the duplicate folds into one id, and parsing links that id.
    esco = Taxonomy(
        skills={
            ESCO_ZORBLAX: Skill(
                ESCO_ZORBLAX, "Zorblax Studio (scheduling software)", SkillKind.KNOWLEDGE,
                source="esco",
            )
        }
    )  # fmt: skip
    write_taxonomy(driver, esco)
    after, origin = taxonomy_in_force_cached(driver, tmp_path)
    assert origin == "graph" and after.version != first.version
    assert ESCO_ZORBLAX in after.skills and TOOL_ID not in after.skills
    record = parse_resume_text(RESUME, lookup=lookup_for(after))
    ids = [mention.skill_id for mention in record.skills]
    assert ids.count(ESCO_ZORBLAX) == 1 and TOOL_ID not in ids
    assert taxonomy_in_force_cached(driver, tmp_path)[1] == "snapshot"
