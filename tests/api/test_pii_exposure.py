"""Personal data appears in no response without the ``pii`` scope, on any route.

A resume with a known name, email, phone number and link is seeded; every
operation of the OpenAPI document is called with real ids and keys lacking
``pii`` (read only, and read + write), and no response body may hold any of
those strings. With ``pii`` the candidate route returns them all.
"""

from __future__ import annotations

import re

import pytest
from werkzeug.test import TestResponse

from tests.api.conftest import (
    PII_EMAIL,
    PII_LINK,
    PII_NAME,
    PII_PHONE,
    PII_RESUME_TEXT,
    POSTING_TEXT,
    SeededApi,
)
from tests.api.spec_calls import SpecOperation, build_url, call, spec_operations

pytestmark = pytest.mark.neo4j

#: The seeded personal data, and the forms a leak could take (parts, digits only).
PII_STRINGS = (
    PII_NAME,
    PII_NAME.split()[1],
    PII_EMAIL,
    PII_EMAIL.split("@")[0],
    PII_PHONE,
    "1701234567",
    "170 1234567",
    PII_LINK,
    PII_LINK.split("//", 1)[1],
    "maria-keller-7",
)
BODIES = {"postResume": {"text": PII_RESUME_TEXT}, "postPosting": {"text": POSTING_TEXT}}


def leaked(response: TestResponse) -> list[str]:
    """The seeded PII strings found in a response body or its headers (case folded)."""
    text = response.get_data(as_text=True).casefold()
    text += " ".join(f"{name}: {value}" for name, value in response.headers).casefold()
    digits = re.sub(r"\D", "", text)
    found = [value for value in PII_STRINGS if value.casefold() in text]
    if "491701234567" in digits or "1701234567" in digits:
        found.append("phone digits")
    return found


def _urls(seeded: SeededApi, operation: SpecOperation) -> list[str]:
    values = seeded.example_values()
    if operation.method == "delete":
        return []  # 204 with no body; deleting would also empty the module's graph
    urls = [build_url(operation, values)]
    if operation.operation_id == "careersNext":  # the other start: an occupation
        urls.append(f"{operation.path}?occupation={seeded.from_occupation}")
    return urls


@pytest.mark.parametrize("scopes", ["read", "read,write"])
def test_no_route_returns_pii_without_the_scope(seeded: SeededApi, scopes: str) -> None:
    client = seeded.app.test_client()
    headers = seeded.key(scopes)
    checked: dict[str, int] = {}
    for operation in spec_operations():
        if operation.scopes is not None and not operation.scopes <= set(scopes.split(",")):
            continue
        for url in _urls(seeded, operation):
            response = call(client, operation, url, headers, BODIES.get(operation.operation_id))
            assert response.status_code < 300, (url, response.status_code, response.json)
            assert leaked(response) == [], (operation.label, leaked(response))
            checked[operation.label] = checked.get(operation.label, 0) + 1
    # the routes that could carry personal data were really called, with content
    must = {"GET /v1/candidates/{candidate_id}", "GET /v1/matches/{candidate_id}/{posting_id}",
            "GET /v1/candidates/{candidate_id}/matches", "GET /v1/postings/{posting_id}/matches",
            "GET /v1/careers/unlocks", "GET /v1/candidates/{candidate_id}/advice"}
    assert must <= set(checked), must - set(checked)
    if "write" in scopes:
        assert "POST /v1/resumes" in checked


def test_match_lists_are_not_empty(seeded: SeededApi) -> None:
    """The leak checks above are worth something only if the pair shows up in both lists."""
    client = seeded.app.test_client()
    headers = seeded.key("read")
    for url in (f"/v1/candidates/{seeded.candidate_id}/matches",
                f"/v1/postings/{seeded.posting_id}/matches"):
        items = client.get(url, headers=headers).json["matches"]["items"]
        assert [(i["candidate_id"], i["posting_id"]) for i in items] == [
            (seeded.candidate_id, seeded.posting_id)
        ]


def test_pii_scope_returns_the_contact_and_snippets(seeded: SeededApi) -> None:
    client = seeded.app.test_client()
    with_pii, without = seeded.key("read,pii"), seeded.key("read")
    candidate = client.get(f"/v1/candidates/{seeded.candidate_id}", headers=with_pii)
    assert candidate.status_code == 200
    contact = candidate.json["contact"]
    assert contact["name"] == PII_NAME and contact["email"] == PII_EMAIL
    assert re.sub(r"\D", "", contact["phone"]).endswith("1701234567")
    assert any(PII_LINK.split("//", 1)[1] in link for link in contact["links"])
    assert any("snippet" in skill for skill in candidate.json["skills"])
    assert {PII_NAME, PII_EMAIL, "phone digits", PII_LINK} <= set(leaked(candidate))

    pair = f"/v1/matches/{seeded.candidate_id}/{seeded.posting_id}"
    shown = client.get(pair, headers=with_pii).json["requirements"]
    hidden = client.get(pair, headers=without).json["requirements"]
    assert any(r["evidence"] and r["evidence"]["snippet"] for r in shown)
    assert all(r["evidence"] is None or r["evidence"]["snippet"] is None for r in hidden)
