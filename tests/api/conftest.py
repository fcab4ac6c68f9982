"""Fixtures of the API tests: the app on the session's real Neo4j, keys per scope set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from neo4j import Driver

from jobgraph.api import create_app
from jobgraph.api.services import EXTENSION
from jobgraph.apikeys import KeyStore
from jobgraph.graph.schema import delete_all
from jobgraph.graph.taxonomy_writer import ensure_builtin_taxonomy
from tests.conftest import REPO_ROOT, make_test_settings

PARSE_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "parse"

RESUME_TEXT = """Maria Keller
maria.keller@example.com | +49 170 1234567 | Munich, Germany

Summary
Backend developer building Python services and data pipelines.

Experience
Senior Python Developer, Datenwerk GmbH, 03/2019 - Present
- Python, Django and PostgreSQL services on Kubernetes
- Data pipelines with Apache Airflow and Docker

Software Developer, Acme AG, 2015 - 2019
- Java and SQL reporting tools

Education
M.Sc. Computer Science, TU Munich, 2015

Skills
Python, Django, PostgreSQL, Docker, Kubernetes, SQL, Git
"""

POSTING_TEXT = """We are hiring a Backend Engineer (Python) in Berlin, Germany. Full-time, hybrid.

Requirements:
- 3+ years of experience with Python and Django
- Solid PostgreSQL and SQL skills
- Docker and Kubernetes

Nice to have: Apache Airflow, Terraform
"""


def make_app(
    driver: Driver, data_dir: Path, **config: Any
) -> Flask:
    """The API on the test Neo4j, keys under ``data_dir``, vectors and limits off unless asked."""
    settings = make_test_settings(data_dir)
    values = {"TESTING": True, "RATELIMIT_ENABLED": False, "API_VECTORS": False}
    values.update(config)
    return create_app(settings, driver=driver, config=values)


@pytest.fixture(scope="session")
def taxonomy_graph(session_driver: Driver) -> Driver:
    """The session's Neo4j emptied once, then holding the built-in taxonomy."""
    delete_all(session_driver)
    ensure_builtin_taxonomy(session_driver)
    return session_driver


@pytest.fixture
def graph(taxonomy_graph: Driver) -> Driver:
    """The taxonomy graph without documents (reloading the taxonomy per test is too slow).

    The taxonomy is loaded again only if another test emptied the graph meanwhile.
    """
    taxonomy_graph.execute_query(
        "MATCH (n) WHERE n:Candidate OR n:Posting OR n:Contact DETACH DELETE n"
    )
    ensure_builtin_taxonomy(taxonomy_graph)
    return taxonomy_graph


@pytest.fixture
def app(graph: Driver, tmp_path: Path) -> Flask:
    """The API on a graph with the taxonomy and no documents."""
    return make_app(graph, tmp_path)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Flask's test client for ``app``."""
    return app.test_client()


@pytest.fixture
def key_for(app: Flask) -> Callable[[str], dict[str, str]]:
    """``key_for("read,pii")`` -> headers carrying a fresh key with those scopes."""
    store: KeyStore = app.extensions[EXTENSION].keys

    def make(scopes: str) -> dict[str, str]:
        _, plain = store.create(f"test {scopes}", scopes.split(","))
        return {"X-API-Key": plain}

    return make


@pytest.fixture
def full_key(key_for: Callable[[str], dict[str, str]]) -> dict[str, str]:
    """Headers with a key holding every scope."""
    return key_for("read,write,pii")
