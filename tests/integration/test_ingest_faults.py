"""A server that goes away during an ingest: one error line, then a safe re-run.

This test runs its own throw-away Neo4j (the session server must stay up for the
other tests), ingests a CSV with the real CLI in a subprocess, stops the server
once the first batches are committed, and checks what the user sees. Then it
starts the server again, re-runs the same command and checks the exact counts.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobgraph.graph.connection import connect
from jobgraph.graph.integrity import document_completeness
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.neo4j_install import find_java, install
from tests.conftest import make_test_settings

ROWS = 200
BATCH = 10
TEXT = """Backend Engineer {number}
Requirements:
- {years}+ years of experience with Python and SQL
- Docker, Kubernetes and {extra}
Nice to have: Terraform
Bachelor's degree in Computer Science.
"""
EXTRAS = ("Redis", "Kafka", "React", "AWS", "Go", "Spark", "Airflow")


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[LocalNeo4j]:
    settings = make_test_settings(tmp_path / "neo4j")
    java = find_java(settings.java)
    installation = install(settings.neo4j_install_dir, settings.neo4j_version, java=java)
    server = LocalNeo4j(
        settings.neo4j_home,
        installation,
        java=java,
        port=0,
        heap="1g",
        pagecache="256m",
        auth=True,
    )
    server.start()
    yield server
    server.stop()


def _postings_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "Job Title", "Job Description"])
        for number in range(ROWS):
            text = TEXT.format(number=number, years=2 + number % 6, extra=EXTRAS[number % 7])
            writer.writerow([f"job-{number}", f"Backend Engineer {number}", text])
    return path


def _cli(server: LocalNeo4j, args: list[str], cwd: Path) -> subprocess.Popen[str]:
    user, password = server.credentials() or ("neo4j", "")
    env = {
        **os.environ,
        "NEO4J_URI": server.recorded_uri() or "",
        "NEO4J_USER": user,
        "NEO4J_PASSWORD": password,
    }
    # The installed console script, as a user runs it.
    command = [str(Path(sys.executable).parent / "jobgraph"), *args]
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _postings(server: LocalNeo4j) -> dict[str, int]:
    """Postings in the graph, and how many of them are done (digest stored)."""
    driver = connect(server.recorded_uri() or "", server.credentials())
    try:
        return document_completeness(driver).get("Posting", {"nodes": 0, "with_digest": 0})
    finally:
        driver.close()


def _postings_in_graph(server: LocalNeo4j) -> int:
    return _postings(server)["nodes"]


def test_server_stopped_mid_ingest(own_server: LocalNeo4j, tmp_path: Path) -> None:
    source = _postings_csv(tmp_path / "postings.csv")
    args = ["ingest", "postings", str(source), "--workers", "1", "--batch-size", str(BATCH)]
    process = _cli(own_server, args, tmp_path)
    deadline = time.monotonic() + 300
    committed = 0
    while committed < BATCH and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        committed = _postings_in_graph(own_server)
    assert process.poll() is None, "the ingest ended before the server could be stopped"
    assert committed >= BATCH, "no batch was committed in time"
    own_server.stop()

    stdout, stderr = process.communicate(timeout=240)
    assert process.returncode == 1, stdout + stderr
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    message = errors[0]
    assert "lost the connection to Neo4j" in message or "being committed" in message
    assert "whole or not at all" in message and "re-run the same command" in message

    own_server.start()
    kept = _postings(own_server)
    assert kept["nodes"] >= committed and kept["nodes"] % BATCH == 0, "only whole batches are kept"
    # A batch counts as done once its vectors are written too: at most the last one is not.
    assert kept["nodes"] - BATCH <= kept["with_digest"] <= kept["nodes"]

    rerun = _cli(own_server, [*args, "--json"], tmp_path)
    stdout, stderr = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, stderr
    report = json.loads(stdout[stdout.index("{") :])
    assert report["ingested"] + report["unchanged"] + report["failed"] == ROWS
    assert report["failed"] == 0
    assert report["unchanged"] == kept["with_digest"]
    assert report["ingested"] == ROWS - kept["with_digest"]
    assert _postings_in_graph(own_server) == ROWS
