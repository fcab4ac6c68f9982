"""Explained matches, cursor pagination to the end, explanations and advice through the API."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from tests.api.conftest import POSTING_TEXT, RESUME_TEXT

pytestmark = pytest.mark.neo4j
Headers = dict[str, str]

OTHER_POSTINGS = [
    ("Data Engineer", "Data Engineer in Munich. Python, Apache Airflow, SQL and Docker required."),
    ("Java Developer", "Java Developer in Hamburg. Java, Spring and SQL; Kubernetes a plus."),
    ("Frontend Developer", "Frontend Developer, remote. React, TypeScript and CSS required."),
]


def _ingest(client: FlaskClient, headers: Headers) -> tuple[str, list[str]]:
    candidate = client.post("/v1/resumes", json={"text": RESUME_TEXT}, headers=headers).json["id"]
    postings = [client.post("/v1/postings", json={"text": POSTING_TEXT, "title": "Backend"},
                            headers=headers).json["id"]]
    for title, text in OTHER_POSTINGS:
        response = client.post("/v1/postings", json={"text": text, "title": title},
                               headers=headers)
        assert response.status_code == 201, response.json
        postings.append(response.json["id"])
    return candidate, postings


def test_pages_to_the_end_and_explanations(
    client: FlaskClient, full_key: Headers, key_for: Callable[[str], Headers]
) -> None:
    candidate, postings = _ingest(client, full_key)
    first = client.get(f"/v1/candidates/{candidate}/matches?limit=10", headers=full_key)
    assert first.status_code == 200, first.json
    everything = [item["posting_id"] for item in first.json["matches"]["items"]]
    assert everything and set(everything) <= set(postings)
    seen: list[str] = []
    url = f"/v1/candidates/{candidate}/matches?limit=1"
    for _ in range(10):
        page = client.get(url, headers=full_key).json
        seen += [item["posting_id"] for item in page["matches"]["items"]]
        if page["next_cursor"] is None:
            break
        url = f"/v1/candidates/{candidate}/matches?limit=1&cursor={page['next_cursor']}"
    assert seen == everything  # one at a time, same order, nothing twice, nothing missed
    scores = [item["score"] for item in first.json["matches"]["items"]]
    assert scores == sorted(scores, reverse=True)
    best = everything[0]
    explained = client.get(f"/v1/matches/{candidate}/{best}", headers=full_key)
    assert explained.status_code == 200 and explained.json["summary"]
    evidence = [r["evidence"] for r in explained.json["requirements"] if r["evidence"]]
    assert any(e["snippet"] for e in evidence)  # resume text around the mention, with pii
    without_pii = client.get(f"/v1/matches/{candidate}/{best}", headers=key_for("read")).json
    assert [r["evidence"]["snippet"] for r in without_pii["requirements"]
            if r["evidence"]] == [None] * len(evidence)
    back = client.get(f"/v1/postings/{best}/matches?limit=5", headers=full_key)
    assert candidate in [item["candidate_id"] for item in back.json["matches"]["items"]]
    for url in (f"/v1/candidates/{candidate}/advice", f"/v1/postings/{best}/advice"):
        assert client.get(url, headers=full_key).status_code == 200, url
    high = client.get(f"/v1/candidates/{candidate}/matches?min_score=1", headers=full_key)
    assert all(item["score"] >= 1 for item in high.json["matches"]["items"])


def test_bad_cursor_and_unknown_ids(client: FlaskClient, full_key: Headers) -> None:
    candidate, postings = _ingest(client, full_key)
    foreign = client.get(f"/v1/candidates/{candidate}/matches?limit=1", headers=full_key).json
    if foreign["next_cursor"]:
        reused = client.get(
            f"/v1/postings/{postings[0]}/matches?cursor={foreign['next_cursor']}",
            headers=full_key,
        )
        assert reused.status_code == 422
    garbage = client.get(f"/v1/candidates/{candidate}/matches?cursor=%%%", headers=full_key)
    assert garbage.status_code == 422
    assert garbage.json["errors"][0]["pointer"] == "/cursor"
    for url in ("/v1/candidates/cand-none/matches", "/v1/postings/post-none/matches",
                f"/v1/matches/cand-none/{postings[0]}", f"/v1/matches/{candidate}/post-none",
                "/v1/candidates/cand-none/advice", "/v1/postings/post-none/advice"):
        response = client.get(url, headers=full_key)
        assert response.status_code == 404, (url, response.json)
        assert response.json["type"] == "urn:jobgraph:problem:not-found"
