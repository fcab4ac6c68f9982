"""Taxonomy lookups and the careers routes through the API."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from tests.api.conftest import RESUME_TEXT

pytestmark = pytest.mark.neo4j
Headers = dict[str, str]


def test_skill_and_occupation_lookup(client: FlaskClient, full_key: Headers) -> None:
    skills = client.get("/v1/skills?q=k8s&limit=3", headers=full_key)
    assert skills.status_code == 200
    assert skills.json["results"][0]["name"] == "Kubernetes"
    assert len(skills.json["results"]) <= 3
    occupations = client.get("/v1/occupations?q=data%20engineer", headers=full_key)
    assert occupations.status_code == 200
    assert "data engineer" in occupations.json["results"][0]["name"].lower()


def test_careers_routes(client: FlaskClient, full_key: Headers) -> None:
    nxt = client.get("/v1/careers/next?occupation=data%20engineer&limit=3", headers=full_key)
    assert nxt.status_code == 200, nxt.json
    assert 1 <= len(nxt.json["next"]) <= 3 and nxt.json["candidate"] is None
    path = client.get(
        "/v1/careers/path?from=software%20developer&to=data%20engineer&k=2", headers=full_key
    )
    assert path.status_code == 200, path.json
    assert path.json["paths"] and path.json["paths"][0]["occupations"][-1] == path.json["to"]
    both = client.get("/v1/careers/next?occupation=x&candidate=y", headers=full_key)
    assert both.status_code == 422
    assert {e["pointer"] for e in both.json["errors"]} == {"/candidate", "/occupation"}
    unknown = client.get("/v1/careers/next?occupation=zzzz%20qqqq%20xxxx", headers=full_key)
    assert unknown.status_code == 404
    missing = client.get("/v1/careers/unlocks?candidate=cand-none", headers=full_key)
    assert missing.status_code == 404
    candidate_id = client.post("/v1/resumes", json={"text": RESUME_TEXT}, headers=full_key).json[
        "id"
    ]
    for url in (f"/v1/careers/next?candidate={candidate_id}",
                f"/v1/careers/unlocks?candidate={candidate_id}&limit=3"):
        response = client.get(url, headers=full_key)
        assert response.status_code == 200, (url, response.json)
