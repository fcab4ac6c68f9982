"""The analyst notebooks run top to bottom against a real, populated graph."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from neo4j import Driver

from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.ingest.pipeline import ingest
from jobgraph.ingest.sources import discover

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
GOLD = REPO / "eval" / "gold"


@pytest.fixture
def populated(driver: Driver) -> Driver:
    """The graph with the hand-written gold resumes and postings ingested."""
    ingest(driver, discover([str(GOLD / "resumes")]), "resume", workers=1, progress=False)
    ingest(driver, discover([str(GOLD / "postings")]), "posting", workers=1, progress=False)
    return driver


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(
    path: Path, populated: Driver, neo4j_server: LocalNeo4j, monkeypatch: pytest.MonkeyPatch
) -> None:
    user, password = neo4j_server.credentials() or ("neo4j", "")
    monkeypatch.setenv("NEO4J_URI", neo4j_server.recorded_uri() or "")
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=180, kernel_name="python3", resources={
        "metadata": {"path": str(REPO)}
    }).execute()
    printed = "".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )
    assert "Candidate" in printed and "Posting" in printed
    assert " via " in printed, "someone who knows Python is found"
    assert "missing " in printed or "shared skills" in printed
    assert " -> " in printed, "career moves are found in the work histories"


def test_there_is_a_notebook() -> None:
    assert NOTEBOOKS, "notebooks/ should hold at least one analyst walkthrough"
