"""Every query of the analyst library, run against a seeded graph with asserted results."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from neo4j import Driver

from jobgraph.careers.service import mine
from jobgraph.cli import main
from jobgraph.errors import NotFoundError, ValidationError
from jobgraph.graph.analyst import library, run_library_query
from jobgraph.graph.local_server import LocalNeo4j

from .careers_world import seed


@pytest.fixture(scope="module")
def world(session_driver: Driver) -> Iterator[Driver]:
    """Seeded once for the module: the queries only read."""
    seed(session_driver)
    mine(session_driver)
    yield session_driver


def rows(driver: Driver, name: str, **parameters: Any) -> list[dict[str, Any]]:
    return run_library_query(driver, name, parameters)[1]


def test_library_has_at_least_twelve_documented_queries() -> None:
    queries = library()
    assert len(queries) >= 12
    for query in queries:
        assert query.answers and query.text.startswith("//"), query.name
        for parameter in query.parameters:
            assert f"${parameter}" in query.parameters_text, (query.name, parameter)


def test_top_skills_by_family(world: Driver) -> None:
    data = next(r for r in rows(world, "top_skills_by_family", top=2) if r["family"] == "data")
    assert data["skills"][0] == {"skill": "Sql", "postings": 3, "required": 3}


def test_candidates_with_skill_through_narrower_one(world: Driver) -> None:
    found = {r["candidate"]: r["via_skill"] for r in rows(world, "candidates_with_skill",
                                                          skill_id="python", limit=10)}
    assert found == {"c1": "Python", "c3": "Django", "c5": "Python"}


def test_pairs_by_shared_skills(world: Driver) -> None:
    assert rows(world, "pairs_by_shared_skills", limit=1) == [
        {"candidate": "c5", "posting": "p1", "shared": 4}  # p1 and p2 tie; ids break it
    ]


def test_skill_gap(world: Driver) -> None:
    gap = rows(world, "skill_gap", candidate_id="c2", posting_id="p1")
    assert [(r["missing"], r["importance"]) for r in gap] == [
        ("ETL", "required"), ("Python", "required"), ("Spark", "preferred")
    ]


def test_career_moves(world: Driver) -> None:
    moves = rows(world, "career_moves", limit=5)
    assert moves[0] == {"from_occupation": "Data Analyst", "to_occupation": "Data Engineer",
                        "people": 2}
    assert {"from_occupation": "Data Engineer", "to_occupation": "Senior Data Engineer",
            "people": 1} in moves


def test_skill_demand_against_supply(world: Driver) -> None:
    top = rows(world, "skill_demand_supply", limit=3)
    assert top[0] == {"skill_id": "python", "skill": "Python", "demand": 3, "supply": 2,
                      "demand_per_candidate": 1.0}


def test_cooccurring_skills(world: Driver) -> None:
    top = rows(world, "cooccurring_skills", skill_id="spark", limit=3)
    assert {r["skill_id"] for r in top} == {"python", "sql", "etl"}
    assert all(r["postings"] == 2 and r["resumes"] == 1 for r in top)


def test_candidates_one_skill_away(world: Driver) -> None:
    assert rows(world, "candidates_one_skill_away", posting_id="p2", limit=10) == [
        {"candidate": "c1", "headline": "Data Engineer", "missing_skill": "Spark",
         "held_required": 3}
    ]


def test_postings_without_qualified_candidate(world: Driver) -> None:
    assert rows(world, "postings_without_qualified_candidate", limit=10) == [
        {"posting": "p5", "title": "Software Developer", "required_skills": 3, "best_held": 1}
    ]


def test_reachable_occupations_in_two_moves(world: Driver) -> None:
    reach = rows(world, "reachable_occupations", occupation_id="data-analyst", limit=10)
    assert [(r["occupation_id"], r["moves"], r["via"]) for r in reach] == [
        ("data-engineer", 1, []), ("senior-data-engineer", 2, ["Data Engineer"])
    ]


def test_bridge_skills(world: Driver) -> None:
    bridge = rows(world, "bridge_skills", family_a="data", family_b="software", limit=5)
    assert [r["skill_id"] for r in bridge] == ["python", "sql"]
    assert bridge[0]["essential_pairs"] == 2 and bridge[1]["essential_pairs"] == 0


def test_salary_by_skill(world: Driver) -> None:
    pay = {r["skill_id"]: r for r in rows(world, "salary_by_skill", min_postings=2, limit=10)}
    assert set(pay) == {"python", "sql", "etl", "spark"}
    assert pay["python"]["average_salary"] == 130_000
    assert pay["sql"]["average_salary"] == 111_667 and pay["sql"]["postings"] == 3


def test_occupation_demand_supply(world: Driver) -> None:
    found = rows(world, "occupation_demand_supply", limit=10)
    assert found[0]["occupation_id"] == "data-analyst"
    engineer = next(r for r in found if r["occupation_id"] == "data-engineer")
    assert (engineer["postings"], engineer["candidates"]) == (1, 2)


def test_candidate_next_occupations(world: Driver) -> None:
    assert rows(world, "candidate_next_occupations", candidate_id="c1", limit=5) == [
        {"current": "Data Engineer", "occupation_id": "senior-data-engineer",
         "next_occupation": "Senior Data Engineer", "people": 1, "probability": 1.0,
         "essential_held": 3, "essential_skills": 4}
    ]


def test_parameters_are_checked_and_only_library_queries_run(world: Driver) -> None:
    with pytest.raises(ValidationError, match="missing skill_id"):
        run_library_query(world, "cooccurring_skills", {"limit": 3})
    with pytest.raises(ValidationError, match="not used: extra"):
        run_library_query(world, "career_moves", {"limit": 3, "extra": 1})
    with pytest.raises(NotFoundError):
        run_library_query(world, "MATCH (n) DETACH DELETE n", {})


def test_cli_list_show_run(world: Driver, neo4j_server: LocalNeo4j) -> None:
    user, password = neo4j_server.credentials() or ("neo4j", "")
    env = {"NEO4J_URI": neo4j_server.recorded_uri() or "", "NEO4J_USER": user,
           "NEO4J_PASSWORD": password}
    runner = CliRunner()
    listed = runner.invoke(main, ["cypher", "list"], env=env)
    assert listed.exit_code == 0 and "salary_by_skill" in listed.output
    shown = runner.invoke(main, ["cypher", "show", "analyst_bridge_skills"], env=env)
    assert shown.exit_code == 0 and "// Answers:" in shown.output
    as_json = runner.invoke(main, ["cypher", "run", "candidates_with_skill", "--param",
                                   "skill_id=python", "--param", "limit=2", "--format", "json"],
                            env=env)
    assert as_json.exit_code == 0, as_json.output
    assert len(json.loads(as_json.output)) == 2
    as_csv = runner.invoke(main, ["cypher", "run", "pairs_by_shared_skills", "--param", "limit=1",
                                  "--format", "csv"], env=env)
    assert as_csv.output.splitlines() == ["candidate,posting,shared", "c5,p1,4"]
    table = runner.invoke(main, ["cypher", "run", "career_moves", "--param", "limit=1"], env=env)
    assert "Data Analyst" in table.output and "people" in table.output
    bad = runner.invoke(main, ["cypher", "run", "career_moves"], env=env)
    assert bad.exit_code == 1 and "missing limit" in bad.output
