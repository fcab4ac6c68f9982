"""The taxonomy in Neo4j: built-in load, ESCO and O*NET imports, idempotency."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from neo4j import Driver

from jobgraph.cli import main
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.schema import apply_schema, graph_counts, schema_objects
from jobgraph.graph.taxonomy_writer import (
    ensure_builtin_taxonomy,
    taxonomy_counts,
    write_taxonomy,
)
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.esco import load_esco
from jobgraph.taxonomy.linking import link_same_as
from jobgraph.taxonomy.onet import load_onet


def _env(server: LocalNeo4j) -> dict[str, str]:
    user, password = server.credentials() or ("neo4j", "")
    uri = server.recorded_uri() or ""
    return {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password}


def test_cli_load_builtin_twice(neo4j_server: LocalNeo4j, driver: Driver) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["taxonomy", "load"], env=_env(neo4j_server))
    assert first.exit_code == 0, first.output
    counts = graph_counts(driver)
    second = runner.invoke(main, ["taxonomy", "load"], env=_env(neo4j_server))
    assert second.exit_code == 0, second.output
    assert graph_counts(driver) == counts
    stats = builtin_taxonomy().stats()
    assert counts["nodes"]["Skill"] == stats["skills"]
    assert counts["nodes"]["Occupation"] == stats["occupations"]
    assert counts["nodes"]["Family"] == stats["families"]
    assert counts["relationships"]["RELATED_TO"] == stats["related_links"]


def test_a_new_graph_gets_the_schema_before_the_taxonomy(driver: Driver) -> None:
    """Without the id constraints each MERGE scans its label: ESCO took an hour, not minutes."""
    wanted = {"skill_id", "occupation_id"}
    assert wanted <= _schema_names(driver)
    try:
        for name in sorted(wanted):
            driver.execute_query(f"DROP CONSTRAINT {name}")  # test-owned names, not client text
        assert wanted.isdisjoint(_schema_names(driver))
        assert ensure_builtin_taxonomy(driver)
        assert wanted <= _schema_names(driver)
    finally:
        apply_schema(driver)  # the other tests share this server's schema


def _schema_names(driver: Driver) -> set[str]:
    return {str(item["name"]) for item in schema_objects(driver)}


def test_builtin_graph_answers_analyst_questions(driver: Driver) -> None:
    write_taxonomy(driver, builtin_taxonomy())
    records, _, _ = driver.execute_query(
        "MATCH (s:Skill {id: $id})-[:BROADER*1..3]->(b:Skill) RETURN collect(b.id) AS chain",
        id="django",
    )
    assert "python" in records[0]["chain"]
    records, _, _ = driver.execute_query(
        "MATCH (o:Occupation)-[:REQUIRES {importance: 'essential'}]->(:Skill {id: $id}) "
        "RETURN count(o) AS n",
        id="python",
    )
    assert records[0]["n"] >= 3


def test_esco_and_onet_import_real_counts(driver: Driver, shared_data: Path) -> None:
    builtin = builtin_taxonomy()
    write_taxonomy(driver, builtin)
    esco = load_esco(shared_data / "esco-1.2.0")
    esco.same_as.extend(link_same_as(builtin, esco))
    write_taxonomy(driver, esco)
    onet = load_onet(shared_data / "onet-29.2")
    onet.same_as.extend(link_same_as(builtin, onet))
    write_taxonomy(driver, onet)
    counts = taxonomy_counts(driver)
    assert counts["occupations"]["esco"] == 3039
    assert counts["occupations"]["onet"] == 1016
    assert counts["skills"]["esco"] > 13_000

    # Built-in entries are linked to imported ones, so both can be used together.
    records, _, _ = driver.execute_query(
        "MATCH (:Skill {id: $id})-[:SAME_AS]->(other:Skill) RETURN collect(other.source) AS s",
        id="python",
    )
    assert {"esco", "onet"} <= set(records[0]["s"])

    # Re-importing changes nothing.
    before = graph_counts(driver)
    write_taxonomy(driver, onet)
    assert graph_counts(driver) == before
