"""The real local Neo4j: lifecycle, persistence, schema, and clear errors."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver

from jobgraph.cli import main
from jobgraph.errors import EnvironmentToolError, GraphUnavailableError, Neo4jServerError
from jobgraph.graph.connection import connect, local_server
from jobgraph.graph.local_server import LocalNeo4j, free_port
from jobgraph.graph.neo4j_install import find_java, find_maven
from jobgraph.graph.schema import apply_schema, graph_counts
from tests.conftest import make_test_settings


def test_session_server_reports_running(neo4j_server: LocalNeo4j) -> None:
    status = neo4j_server.status()
    assert status.state == "running"
    assert status.version is not None and status.version.startswith("5.26")
    assert status.store_bytes > 0


def test_password_file_is_private(neo4j_server: LocalNeo4j) -> None:
    mode = stat.S_IMODE(neo4j_server.password_file.stat().st_mode)
    assert mode == 0o600
    assert neo4j_server.credentials() is not None


def test_apoc_is_loaded(driver: Driver) -> None:
    records, _, _ = driver.execute_query("RETURN apoc.version() AS version")
    assert records[0]["version"].startswith("5.26")


def test_schema_init_twice_is_a_no_op(driver: Driver) -> None:
    first = apply_schema(driver)
    second = apply_schema(driver)
    assert second.created == []
    assert sorted(second.existing) == sorted(first.created + first.existing)


def test_uniqueness_constraint_rejects_duplicates(driver: Driver) -> None:
    driver.execute_query("CREATE (:Skill {id: $id})", id="python")
    with pytest.raises(Exception, match="already exists"):
        driver.execute_query("CREATE (:Skill {id: $id})", id="python")


def test_counts_by_label_and_type(driver: Driver) -> None:
    driver.execute_query(
        "CREATE (:Candidate {id: $c})-[:HAS_SKILL]->(:Skill {id: $s})", c="c1", s="python"
    )
    counts = graph_counts(driver)
    assert counts["nodes"] == {"Candidate": 1, "Skill": 1}
    assert counts["relationships"] == {"HAS_SKILL": 1}


def test_start_twice_stop_start_keeps_data(tmp_path: Path) -> None:
    settings = make_test_settings(tmp_path)
    server = local_server(settings)
    first = server.start()
    try:
        again = server.start()
        assert again.already_running and again.pid == first.pid
        with connect(first.uri, server.credentials()) as driver:
            driver.execute_query("CREATE (:Skill {id: $id, name: $name})", id="k8s", name="K8s")
        assert server.stop() is True
        assert server.status().state == "stopped"
        assert server.stop() is False
        restarted = server.start()
        with connect(restarted.uri, server.credentials()) as driver:
            records, _, _ = driver.execute_query(
                "MATCH (s:Skill {id: $id}) RETURN s.name AS n", id="k8s"
            )
        assert [r["n"] for r in records] == ["K8s"]
    finally:
        server.stop()


def test_stale_pid_file_is_ignored(tmp_path: Path) -> None:
    server = local_server(make_test_settings(tmp_path))
    pid_file = server.home / "run" / "neo4j.pid"
    pid_file.parent.mkdir(parents=True)
    pid_file.write_text("999999")  # no such process
    assert server.running_pid() is None
    assert not pid_file.exists()
    assert server.status().state == "stopped"


def test_taken_port_gives_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        settings = make_test_settings(tmp_path).with_overrides(neo4j_port=port)
        with pytest.raises(Neo4jServerError, match=f"port {port} .* taken"):
            local_server(settings).start()


def _cli(env: dict[str, str], *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.output


def test_cli_missing_java_is_one_line(tmp_path: Path) -> None:
    env = {"JOBGRAPH_JAVA": str(tmp_path / "no-java"), "JOBGRAPH_DATA_DIR": str(tmp_path)}
    code, output = _cli(env, "neo4j", "status")
    assert code == 1
    assert output.strip().splitlines() == [
        f"error: Java not found at {tmp_path / 'no-java'}; fix JOBGRAPH_JAVA or unset it"
    ]
    assert "Traceback" not in output


def test_missing_maven_is_reported(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentToolError, match="Maven"):
        find_maven(None, env={"PATH": str(tmp_path)})
    env = {
        "JOBGRAPH_MAVEN": str(tmp_path / "no-mvn"),
        "JOBGRAPH_CACHE_DIR": str(tmp_path / "cache"),
    }
    code, output = _cli(env, "neo4j", "install")
    assert code == 1
    assert output.strip().splitlines()[-1].startswith("error: Maven not found")


def test_java_missing_from_path(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentToolError, match="Java not found"):
        find_java(None, env={"PATH": str(tmp_path)})


def test_neo4j_uri_pointing_at_nothing(tmp_path: Path) -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(GraphUnavailableError, match="cannot reach Neo4j"):
        connect(uri, None)
    code, output = _cli({"NEO4J_URI": uri, "NEO4J_PASSWORD": "x"}, "db", "status")
    assert code == 1
    assert output.strip() == (
        f"error: cannot reach Neo4j at {uri}; is the server running and NEO4J_URI right?"
    )


def test_cli_db_init_and_status_against_external_uri(neo4j_server: LocalNeo4j) -> None:
    """With NEO4J_URI set, the CLI uses that server as it is."""
    uri = neo4j_server.recorded_uri()
    credentials = neo4j_server.credentials()
    assert uri and credentials
    env = {"NEO4J_URI": uri, "NEO4J_USER": credentials[0], "NEO4J_PASSWORD": credentials[1]}
    code, output = _cli(env, "db", "init")
    assert code == 0, output
    assert "already present" in output
    code, output = _cli(env, "db", "status")
    assert code == 0, output
    assert "nodes:" in output and "relationships:" in output


def test_wrong_password_is_reported(neo4j_server: LocalNeo4j) -> None:
    uri = neo4j_server.recorded_uri()
    assert uri
    with pytest.raises(GraphUnavailableError, match="refused the credentials"):
        connect(uri, ("neo4j", "wrong-" + os.urandom(4).hex()))
