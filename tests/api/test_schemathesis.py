"""Schemathesis over every operation of the served document: no 5xx, no response off-schema.

The schema is the document the app serves (``served_document()``; the contract
tests check that ``/v1/openapi.json`` returns exactly it). Every generated case
runs in-process against one app on the real Neo4j, with a key holding every
scope and rate limits off. Positive cases must get documented answers; negative
cases (invalid paths, queries and bodies) must also be rejected with a 4xx.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from neo4j import Driver

from jobgraph.api.contract import served_document
from jobgraph.api.services import EXTENSION
from jobgraph.graph.taxonomy_writer import ensure_builtin_taxonomy
from tests.api.conftest import make_app

pytestmark = pytest.mark.neo4j

schema = schemathesis.openapi.from_dict(served_document())


@pytest.fixture(scope="module")
def fuzz_app(
    taxonomy_graph: Driver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Flask, str]]:
    """One app for every generated case, and a key with every scope."""
    ensure_builtin_taxonomy(taxonomy_graph)
    app = make_app(taxonomy_graph, tmp_path_factory.mktemp("fuzz"))
    key = app.extensions[EXTENSION].keys.create("fuzz", ["read", "write", "pii"])[1]
    yield app, key


def test_served_document_is_the_tested_one(fuzz_app: tuple[Flask, str]) -> None:
    app, _ = fuzz_app
    assert app.test_client().get("/v1/openapi.json").json == served_document()


@schema.parametrize()
@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_every_operation(case, fuzz_app: tuple[Flask, str]) -> None:  # type: ignore[no-untyped-def]
    app, key = fuzz_app
    case.call_and_validate(
        app=app,
        headers={"X-API-Key": key},
        checks=[
            schemathesis.checks.not_a_server_error,
            schemathesis.checks.status_code_conformance,
            schemathesis.checks.content_type_conformance,
            schemathesis.checks.response_schema_conformance,
            schemathesis.checks.response_headers_conformance,
        ],
    )


negative_schema = schemathesis.openapi.from_dict(served_document())
negative_schema.config.generation.update(modes=[schemathesis.GenerationMode.NEGATIVE])


@negative_schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_every_operation_rejects_invalid_input(  # type: ignore[no-untyped-def]
    case, fuzz_app: tuple[Flask, str]
) -> None:
    """Invalid paths, queries and bodies: a documented 4xx, never a 5xx or a 2xx."""
    app, key = fuzz_app
    case.call_and_validate(
        app=app,
        headers={"X-API-Key": key},
        checks=[
            schemathesis.checks.not_a_server_error,
            schemathesis.checks.negative_data_rejection,
            schemathesis.checks.status_code_conformance,
            schemathesis.checks.content_type_conformance,
            schemathesis.checks.response_schema_conformance,
        ],
    )


def test_stateful_links(fuzz_app: tuple[Flask, str]) -> None:
    """Sequences along the document's links: post a document, then read, match, advise, delete."""
    app, key = fuzz_app
    checks = [
        schemathesis.checks.not_a_server_error,
        schemathesis.checks.status_code_conformance,
        schemathesis.checks.content_type_conformance,
        schemathesis.checks.response_schema_conformance,
    ]

    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case):  # type: ignore[no-untyped-def]
            return {"app": app, "headers": {"X-API-Key": key}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):  # type: ignore[no-untyped-def]
            case.validate_response(response, checks=checks)

    Workflow.run(settings=settings(max_examples=3, stateful_step_count=4, deadline=None,
                                   derandomize=True, suppress_health_check=list(HealthCheck)))
