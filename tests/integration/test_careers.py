"""Career paths against the real Neo4j: mining NEXT, next roles, paths, unlocks, the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from neo4j import Driver

from jobgraph.careers.demo import demo_lines
from jobgraph.careers.service import load_candidate, load_model, mine, resolve_occupation
from jobgraph.cli import main
from jobgraph.errors import NotFoundError
from jobgraph.graph.careers import read_transitions
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.schema import graph_counts

from .careers_world import seed


@pytest.fixture(scope="module")
def world(session_driver: Driver) -> Iterator[Driver]:
    seed(session_driver)
    yield session_driver


@pytest.fixture
def env(neo4j_server: LocalNeo4j) -> dict[str, str]:
    user, password = neo4j_server.credentials() or ("neo4j", "")
    return {"NEO4J_URI": neo4j_server.recorded_uri() or "", "NEO4J_USER": user,
            "NEO4J_PASSWORD": password}


def test_mine_writes_next_with_counts_and_is_repeatable(world: Driver) -> None:
    report = mine(world)
    assert (report.histories, report.moves, report.transitions) == (5, 3, 2)
    transitions = {(r["from_id"], r["to_id"]): r for r in read_transitions(world)}
    assert transitions[("data-analyst", "data-engineer")]["count"] == 2
    assert transitions[("data-analyst", "data-engineer")]["probability"] == 1.0
    assert transitions[("data-analyst", "data-engineer")]["median_years"] == 2.21  # 2.0, 2.42
    counts = graph_counts(world)
    mine(world)
    assert graph_counts(world) == counts


def test_candidate_view_and_next_roles(world: Driver) -> None:
    mine(world)
    view = load_candidate(world, "c1")
    assert view.occupation_id == "data-engineer"
    assert view.past == ("data-engineer", "data-analyst")
    assert "python" in view.held
    model = load_model(world)
    roles = model.next_roles("data-engineer", held=view.held, exclude=view.past, limit=3)
    assert roles[0].occupation_id == "senior-data-engineer"
    assert {e.source for e in roles[0].evidence} >= {"transitions", "hierarchy", "skills"}
    assert [s.id for s in roles[0].missing_skills] == ["spark"]
    with pytest.raises(NotFoundError):
        load_candidate(world, "nobody")


def test_titles_resolve_through_the_lookup(world: Driver) -> None:
    model = load_model(world)
    assert resolve_occupation(model, "data engineer") == "data-engineer"
    assert resolve_occupation(model, "Sr. Data Engineer") == "senior-data-engineer"
    with pytest.raises(NotFoundError):
        resolve_occupation(model, "astronaut")


def test_cli_next_path_all_unlocks(world: Driver, env: dict[str, str]) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["careers", "mine"], env=env).exit_code == 0
    text = runner.invoke(main, ["careers", "next", "--candidate", "c2"], env=env)
    assert text.exit_code == 0, text.output
    assert "Senior Data Engineer" in text.output and "via transitions" in text.output
    as_json = json.loads(runner.invoke(
        main, ["careers", "next", "--occupation", "Data Analyst", "--json"], env=env).output)
    assert as_json["from"] == "data-analyst"
    assert as_json["next"][0]["occupation_id"] == "data-engineer"
    every = json.loads(runner.invoke(main, ["careers", "next", "--all", "--json"], env=env).stdout)
    assert set(every) == {"data-analyst", "data-engineer", "senior-data-engineer",
                          "software-developer", "nurse"}
    assert every["data-engineer"][0] == "senior-data-engineer"
    paths = json.loads(runner.invoke(
        main, ["careers", "path", "--from", "data analyst", "--to", "senior data engineer",
               "--k", "2", "--json"], env=env).output)
    assert paths["paths"][0]["occupations"] == [
        "data-analyst", "data-engineer", "senior-data-engineer"
    ]
    steps = paths["paths"][0]["steps"]
    assert [s["id"] for s in steps[0]["to_acquire"] if s["essential"]] == ["etl"]
    assert len(paths["paths"]) == 2
    for_candidate = runner.invoke(
        main, ["careers", "path", "--candidate", "c3", "--to", "Senior Data Engineer"], env=env)
    assert for_candidate.exit_code == 0 and "to acquire:" in for_candidate.output
    unlocks = json.loads(runner.invoke(
        main, ["careers", "unlocks", "--candidate", "c2", "--json"], env=env).output)
    assert unlocks["unlocks"][0]["id"] in {"python", "etl"}
    missing = runner.invoke(main, ["careers", "next", "--occupation", "astronaut"], env=env)
    assert missing.exit_code == 1 and "astronaut" in missing.output


def test_demo_prints_roles_and_a_multi_step_path(world: Driver) -> None:
    mine(world)
    text = "\n".join(demo_lines(world))
    assert "Next roles from" in text
    assert "Best multi-step path to" in text and "step 2:" in text
