"""Auth route by route, driven by the OpenAPI document, with real ids from a seeded graph.

Every operation the document lists is called without a key, with unknown
keys, with keys holding every other scope (each alone and all together), and
with the scope it needs. Every route in the app's URL map
must be either a documented operation or one of the few public pages listed
here, so a new route cannot be served without the key check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from jobgraph.api.contract import openapi_path
from tests.api.conftest import (
    PII_EMAIL,
    PII_NAME,
    PII_RESUME_TEXT,
    POSTING_TEXT,
    SeededApi,
    make_app,
)
from tests.api.spec_calls import PUBLIC_OPERATIONS, SpecOperation, build_url, call, spec_operations

pytestmark = pytest.mark.neo4j

ALL_SCOPES = frozenset({"read", "write", "pii"})
#: Endpoints outside the document, each public on purpose: the explorer's page shells
#: and assets (they hold no data; the browser calls /v1 with the user's key) and the
#: docs page. Anything else in the URL map must be a documented operation.
PUBLIC_ENDPOINTS = {
    "explorer.home",
    "explorer.candidate",
    "explorer.posting",
    "explorer.match",
    "explorer.careers",
    "explorer.static",
    "swagger_ui.show",
    "swagger_ui.static",
}
BODIES = {"postResume": {"text": PII_RESUME_TEXT}, "postPosting": {"text": POSTING_TEXT}}
OPERATIONS = spec_operations()


def undocumented_routes(app: Flask) -> set[str]:
    """``METHOD rule (endpoint)`` of every route that is neither documented nor listed public."""
    documented = {(op.path, op.method.upper()) for op in OPERATIONS}
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
            if (openapi_path(rule.rule), method) not in documented:
                found.add(f"{method} {rule.rule} ({rule.endpoint})")
    return found


def test_every_route_is_documented_or_public_on_purpose(
    seeded: SeededApi, tmp_path: Path
) -> None:
    assert undocumented_routes(seeded.app) == set()
    # the check does catch a route added without the document
    fresh = make_app(seeded.driver, tmp_path)
    fresh.add_url_rule("/v1/secret-export", "secret_export", lambda: "all the data")
    assert undocumented_routes(fresh) == {"GET /v1/secret-export (secret_export)"}
    # and, at run time, such a route serves nobody, key or not
    client = fresh.test_client()
    for headers in ({}, seeded.key("read,write,pii")):
        answer = client.get("/v1/secret-export", headers=headers)
        assert answer.status_code == 404
        assert answer.mimetype == "application/problem+json"
        assert b"all the data" not in answer.data


def test_public_pages_hold_no_data(seeded: SeededApi) -> None:
    client = seeded.app.test_client()
    for url in ("/", f"/explore/candidate/{seeded.candidate_id}",
                f"/explore/match/{seeded.candidate_id}/{seeded.posting_id}", "/v1/docs/"):
        page = client.get(url)
        assert page.status_code == 200, url
        text = page.get_data(as_text=True)
        assert PII_NAME not in text and PII_EMAIL not in text, url


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_operation_refuses_missing_key_and_missing_scope(
    seeded: SeededApi, operation: SpecOperation
) -> None:
    client = seeded.app.test_client()
    values = seeded.example_values()
    if operation.method == "delete":
        # the allowed call must not remove the module's documents
        values = {**values, "candidate_id": "cand-absent", "posting_id": "post-absent"}
    url = build_url(operation, values)
    body = BODIES.get(operation.operation_id)
    if operation.scopes is None:
        assert operation.operation_id in PUBLIC_OPERATIONS, f"{operation.label} has no security"
        assert call(client, operation, url, {}).status_code in {200, 503}
        return
    assert operation.scopes and operation.scopes <= ALL_SCOPES, operation.scopes

    for headers in ({}, {"X-API-Key": "jg_000000000000_not-a-real-key"},
                    {"Authorization": "Bearer jg_000000000000_not-a-real-key"},
                    {"Authorization": "Basic dXNlcjpwYXNz"}):
        refused = call(client, operation, url, headers, body)
        assert refused.status_code == 401, (operation.label, headers, refused.status_code)
        assert refused.mimetype == "application/problem+json"
        assert refused.headers["WWW-Authenticate"].startswith("ApiKey ")
        assert refused.json["type"] == "urn:jobgraph:problem:unauthorized"

    others = sorted(ALL_SCOPES - operation.scopes)
    for scopes in ([o] for o in others) if len(others) > 1 else ():
        forbidden = call(client, operation, url, seeded.key(",".join(scopes)), body)
        assert forbidden.status_code == 403, (operation.label, scopes, forbidden.status_code)
    for scopes in (ALL_SCOPES - operation.scopes,):
        forbidden = call(client, operation, url, seeded.key(",".join(sorted(scopes))), body)
        assert forbidden.status_code == 403, (operation.label, scopes, forbidden.status_code)
        assert forbidden.json["type"] == "urn:jobgraph:problem:insufficient-scope"

    allowed = call(client, operation, url, seeded.key(",".join(sorted(operation.scopes))), body)
    expected = {404} if operation.method == "delete" else {200, 201}
    assert allowed.status_code in expected, (operation.label, allowed.status_code, allowed.json)


def test_every_protected_operation_was_checked() -> None:
    protected = [op for op in OPERATIONS if op.scopes is not None]
    assert len(protected) >= 16
    assert {op.operation_id for op in OPERATIONS if op.scopes is None} == PUBLIC_OPERATIONS
