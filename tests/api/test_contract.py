"""The OpenAPI document against the app: valid, complete, and enforced route by route."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import validate

from jobgraph.api.contract import openapi_path, served_document

pytestmark = pytest.mark.neo4j
Headers = dict[str, str]
IGNORED_METHODS = {"HEAD", "OPTIONS"}


def test_served_document_is_valid_and_self_contained(client: FlaskClient) -> None:
    response = client.get("/v1/openapi.json")
    assert response.status_code == 200
    document = response.json
    validate(document)
    assert document["openapi"].startswith("3.1")
    text = response.get_data(as_text=True)
    # every reference is local: nothing for a reader to fetch
    assert '"$ref": "#' in text.replace('"$ref":"#', '"$ref": "#')
    refs: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            refs.extend(v for k, v in node.items() if k == "$ref")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(document)
    assert refs and all(ref.startswith("#/") for ref in refs)
    assert "api_problem" in document["components"]["schemas"]


def test_document_matches_url_map(app: Flask) -> None:
    """Every /v1 route is documented and nothing documented is missing (docs page aside)."""
    served = {
        (openapi_path(rule.rule), method)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/v1/") and rule.endpoint.split(".")[0] != "swagger_ui"
        for method in (rule.methods or set()) - IGNORED_METHODS
    }
    documented = {
        (path, method.upper())
        for path, item in served_document()["paths"].items()
        for method in item
        if method in {"get", "post", "put", "delete", "patch"}
    }
    assert served == documented


def _example_path(path: str) -> str:
    return path.replace("{candidate_id}", "cand-x").replace("{posting_id}", "post-x")


def test_every_operation_enforces_its_security(
    client: FlaskClient, key_for: Callable[[str], Headers]
) -> None:
    """Driven by the document: no key -> 401 with a challenge; a key without the scope -> 403."""
    checked = 0
    for path, item in served_document()["paths"].items():
        for method, operation in item.items():
            if method not in {"get", "post", "delete"}:
                continue
            url = _example_path(path)
            call = getattr(client, method)
            security = operation.get("security")
            if not security:
                assert call(url).status_code in {200, 503}, (method, path)
                continue
            needed = {scope for requirement in security for scopes in requirement.values()
                      for scope in scopes}
            missing_key = call(url)
            assert missing_key.status_code == 401, (method, path)
            assert missing_key.headers["WWW-Authenticate"].startswith("ApiKey")
            assert missing_key.mimetype == "application/problem+json"
            wrong = call(url, headers={"X-API-Key": "jg_000000000000_not-a-real-key"})
            assert wrong.status_code == 401
            others = sorted({"read", "write", "pii"} - needed)
            forbidden = call(url, headers=key_for(",".join(others)))
            assert forbidden.status_code == 403, (method, path, forbidden.json)
            assert forbidden.json["type"] == "urn:jobgraph:problem:insufficient-scope"
            allowed = call(url, headers=key_for(",".join(sorted(needed))))
            assert allowed.status_code not in {401, 403}, (method, path)
            checked += 1
    assert checked >= 10


def test_bearer_header_and_revoked_keys(app: Flask, client: FlaskClient) -> None:
    from jobgraph.api.services import EXTENSION

    store = app.extensions[EXTENSION].keys
    entry, plain = store.create("bearer", ["read"])
    bearer = {"Authorization": f"Bearer {plain}"}
    assert client.get("/v1/skills?q=python", headers=bearer).status_code == 200
    store.revoke(entry.id)
    assert client.get("/v1/skills?q=python", headers=bearer).status_code == 401
    rotated, new_plain = store.rotate(entry.id)
    assert rotated.scopes == ("read",)
    assert client.get("/v1/skills?q=python", headers={"X-API-Key": new_plain}).status_code == 200


def test_unknown_and_invalid_query_parameters(client: FlaskClient, full_key: Headers) -> None:
    unknown = client.get("/v1/skills?q=python&cypher=MATCH", headers=full_key)
    assert unknown.status_code == 422
    assert unknown.json["type"] == "urn:jobgraph:problem:invalid-query"
    assert unknown.json["errors"][0] == {
        "in": "query", "pointer": "/cypher", "message": unknown.json["errors"][0]["message"]
    }
    for query, pointer in (("q=python&limit=0", "/limit"), ("q=python&limit=ten", "/limit"),
                           ("limit=3", ""), ("q=a&q=b", "/q")):
        response = client.get(f"/v1/skills?{query}", headers=full_key)
        assert response.status_code == 422, query
        assert pointer in {e["pointer"] for e in response.json["errors"]}, response.json


def test_docs_page_works_offline(client: FlaskClient) -> None:
    page = client.get("/v1/docs/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '"validatorUrl": null' in html and "/v1/openapi.json" in html
    assert "https://" not in html.split("<body")[0] or "cdn" not in html
    bundle = client.get("/v1/docs/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.get_data()) > 100_000
    assert client.get("/v1/docs/swagger-ui.css").status_code == 200
