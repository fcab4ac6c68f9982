"""Schemathesis over every operation of the served document: no 5xx, no response off-schema.

The schema is the document the app serves (``served_document()``; the contract
tests check that ``/v1/openapi.json`` returns exactly it). Every generated case
runs in-process against one app on the real Neo4j, with a key holding every
scope and rate limits off. Positive cases must get documented answers; negative
cases (invalid paths, queries and bodies) must also be rejected with a 4xx.

The cases run are counted per operation and per mode; the module checks at its
end that every operation was reached and, with ``JOBGRAPH_SCHEMATHESIS_COUNTS=PATH``,
writes the counts there as JSON.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from neo4j import Driver

from jobgraph.api.contract import served_document
from jobgraph.api.services import EXTENSION
from jobgraph.graph.taxonomy_writer import ensure_builtin_taxonomy
from tests.api.conftest import POSTING_TEXT, RESUME_TEXT, make_app

pytestmark = pytest.mark.neo4j

schema = schemathesis.openapi.from_dict(served_document())
#: (mode, "METHOD /path") -> cases run; stateful steps also by response status.
CASES: Counter[tuple[str, str]] = Counter()
OPERATION_LABELS = {
    f"{method.upper()} {path}"
    for path, item in served_document()["paths"].items()
    for method in item
    if method in {"get", "put", "post", "delete", "patch"}
}


@pytest.fixture(scope="module", autouse=True)
def counted_cases(request: pytest.FixtureRequest) -> Iterator[None]:
    """After the module: every operation got positive cases; the counts written if asked."""
    yield
    positive = {label for mode, label in CASES if mode == "positive"}
    chosen = request.config.getoption("keyword") or any("::" in a for a in request.config.args)
    if positive and not chosen:  # the whole module ran
        assert positive == OPERATION_LABELS, OPERATION_LABELS - positive
    target = os.environ.get("JOBGRAPH_SCHEMATHESIS_COUNTS")
    if target:
        per_mode: dict[str, dict[str, int]] = {}
        for (mode, label), count in sorted(CASES.items()):
            per_mode.setdefault(mode, {})[label] = count
        totals = {mode: sum(counts.values()) for mode, counts in per_mode.items()}
        Path(target).write_text(json.dumps({"totals": totals, "cases": per_mode}, indent=2))


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
    CASES["positive", case.operation.label] += 1
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
# A generated form with more parts than MAX_FORM_PARTS is refused with 413, which the
# upload routes document; schemathesis' default list of rejections lacks it.
_rejection = negative_schema.config.checks.negative_data_rejection
_rejection.expected_statuses = [*_rejection.expected_statuses, "413"]


@negative_schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_every_operation_rejects_invalid_input(  # type: ignore[no-untyped-def]
    case, fuzz_app: tuple[Flask, str]
) -> None:
    """Invalid paths, queries and bodies: a documented 4xx, never a 5xx or a 2xx."""
    app, key = fuzz_app
    CASES["negative", case.operation.label] += 1
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
    """Sequences along the document's links: post a document, then read, match, explain, delete.

    The run starts from a graph holding one parseable resume and posting, so the
    links from the match lists (to the explanation, the other document, the next
    page) have ids to follow.
    """
    app, key = fuzz_app
    client = app.test_client()
    for route, text in (("/v1/resumes", RESUME_TEXT), ("/v1/postings", POSTING_TEXT)):
        assert client.post(route, json={"text": text}, headers={"X-API-Key": key}).status_code in {
            200, 201}
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
            CASES["stateful", case.operation.label] += 1
            CASES["stateful-status", f"{case.operation.label} {response.status_code}"] += 1
            case.validate_response(response, checks=checks)

    Workflow.run(settings=settings(max_examples=8, stateful_step_count=6, deadline=None,
                                   derandomize=True, suppress_health_check=list(HealthCheck)))
    reached = {label for mode, label in CASES if mode == "stateful"}
    assert {"POST /v1/resumes", "POST /v1/postings"} <= reached, reached
