"""Shared fixtures: one real local Neo4j per test session, emptied per test.

The server runs from the jars installed by ``jobgraph neo4j install`` (``make
test`` does that first), in a temporary folder, on a free port.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from jobgraph.config import Settings
from jobgraph.graph.connection import connect
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.neo4j_install import find_java, install
from jobgraph.graph.schema import apply_schema, delete_all

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


def make_test_settings(tmp: Path) -> Settings:
    """Settings for a throw-away local server living under ``tmp``."""
    defaults = Settings.from_env({})
    return defaults.with_overrides(
        data_dir=tmp,
        neo4j_port=0,
        neo4j_heap="1g",
        neo4j_pagecache="256m",
        neo4j_start_timeout=180.0,
    )


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    """The session's Neo4j server (auth on, generated password)."""
    settings = make_test_settings(tmp_path_factory.mktemp("neo4j"))
    java = find_java(settings.java)
    installation = install(settings.neo4j_install_dir, settings.neo4j_version, java=java)
    server = LocalNeo4j(
        settings.neo4j_home,
        installation,
        java=java,
        port=0,
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
        auth=True,
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def session_driver(neo4j_server: LocalNeo4j) -> Iterator[Driver]:
    """One driver for the whole session, with the schema applied."""
    uri = neo4j_server.recorded_uri()
    assert uri is not None
    driver = connect(uri, neo4j_server.credentials())
    apply_schema(driver)
    yield driver
    driver.close()


@pytest.fixture
def driver(session_driver: Driver) -> Driver:
    """A driver on an empty graph (schema kept)."""
    delete_all(session_driver)
    return session_driver


@pytest.fixture
def shared_data() -> Path:
    """The real data sets beside the repo; the test is skipped when absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data not available at {SHARED_DATA}")
    return SHARED_DATA
