"""Fixtures of the API tests: the app on the session's real Neo4j, keys per scope set."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


# A resume whose personal data the PII tests look for in every response.
PII_NAME = "Maria Keller"
PII_EMAIL = "maria.keller@example.com"
PII_PHONE = "+49 170 1234567"
PII_LINK = "https://www.linkedin.com/in/maria-keller-7"
PII_RESUME_TEXT = RESUME_TEXT.replace(
    f"{PII_EMAIL} | {PII_PHONE} |", f"{PII_EMAIL} | {PII_PHONE} | {PII_LINK} |"
)


@dataclass
class SeededApi:
    """An app on a graph holding one known resume and one posting, with real ids."""

    app: Flask
    driver: Driver
    candidate_id: str
    posting_id: str
    #: The candidate's start occupation and a role reachable from it.
    from_occupation: str
    to_occupation: str

    def key(self, scopes: str) -> dict[str, str]:
        """Headers with a fresh key holding ``scopes`` (comma-separated; "" for none)."""
        store: KeyStore = self.app.extensions[EXTENSION].keys
        wanted = [scope for scope in scopes.split(",") if scope]
        return {"X-API-Key": store.create(f"test {scopes or 'none'}", wanted)[1]}

    def example_values(self) -> dict[str, str]:
        """A real value for every path and query parameter name of the document."""
        return {
            "candidate_id": self.candidate_id,
            "posting_id": self.posting_id,
            "candidate": self.candidate_id,
            "q": "python",
            "occupation": self.from_occupation,
            "to": self.to_occupation,
        }


@pytest.fixture(scope="session")
def seeded_app(taxonomy_graph: Driver, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One app for the modules that use :func:`seeded` (built once: its services are costly)."""
    return make_app(taxonomy_graph, tmp_path_factory.mktemp("seeded"))


@pytest.fixture(scope="module")
def seeded(taxonomy_graph: Driver, seeded_app: Flask) -> SeededApi:
    """The API on a graph holding the PII resume and a matching posting.

    Posted again for every module, on a graph emptied of other tests' documents.
    """
    taxonomy_graph.execute_query(
        "MATCH (n) WHERE n:Candidate OR n:Posting OR n:Contact DETACH DELETE n"
    )
    ensure_builtin_taxonomy(taxonomy_graph)
    seeded = SeededApi(seeded_app, taxonomy_graph, "", "", "", "")
    writer = seeded.key("read,write,pii")
    client = seeded_app.test_client()
    resume = client.post("/v1/resumes", json={"text": PII_RESUME_TEXT}, headers=writer)
    posting = client.post(
        "/v1/postings", json={"text": POSTING_TEXT, "title": "Backend Engineer"}, headers=writer
    )
    assert resume.status_code in {200, 201}, resume.json
    assert posting.status_code in {200, 201}, posting.json
    seeded.candidate_id, seeded.posting_id = resume.json["id"], posting.json["id"]
    roles = client.get(f"/v1/careers/next?candidate={seeded.candidate_id}", headers=writer)
    assert roles.status_code == 200 and roles.json["next"], roles.json
    seeded.from_occupation = roles.json["from"]
    seeded.to_occupation = roles.json["next"][0]["occupation_id"]
    return seeded
