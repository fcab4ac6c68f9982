"""Posting, reading and deleting documents through the API, on the real Neo4j."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from flask import Flask
from flask.testing import FlaskClient
from neo4j import Driver

from jobgraph.graph.vector_store import (
    TEXT_PROPERTY,
    ensure_vector_index,
    query_similar,
    write_vectors,
)
from tests.api.conftest import PARSE_FIXTURES, POSTING_TEXT, RESUME_TEXT

pytestmark = pytest.mark.neo4j
Headers = dict[str, str]


def _count(graph: Driver, query: str, **params: object) -> int:
    records, _, _ = graph.execute_query(query, **params)
    return int(records[0][0])


def test_post_resume_text_then_again_is_200(client: FlaskClient, full_key: Headers) -> None:
    first = client.post("/v1/resumes", json={"text": RESUME_TEXT}, headers=full_key)
    assert first.status_code == 201, first.json
    body = first.json
    assert body["kind"] == "resume" and body["created"] and body["changed"]
    assert body["skill_count"] >= 5
    again = client.post("/v1/resumes", json={"text": RESUME_TEXT}, headers=full_key)
    assert again.status_code == 200
    assert again.json["id"] == body["id"] and not again.json["created"]
    assert not again.json["changed"]


def test_candidate_pii_only_with_pii_scope(
    client: FlaskClient, key_for: Callable[[str], Headers], full_key: Headers
) -> None:
    candidate_id = client.post("/v1/resumes", json={"text": RESUME_TEXT}, headers=full_key).json[
        "id"
    ]
    plain = client.get(f"/v1/candidates/{candidate_id}", headers=key_for("read"))
    assert plain.status_code == 200
    text = plain.get_data(as_text=True)
    assert "contact" not in plain.json
    assert "maria.keller@example.com" not in text and "1234567" not in text
    assert "Maria Keller" not in text
    assert all("snippet" not in skill for skill in plain.json["skills"])
    assert {"python", "django"} <= {skill["name"].lower() for skill in plain.json["skills"]}
    with_pii = client.get(f"/v1/candidates/{candidate_id}", headers=key_for("read,pii"))
    assert with_pii.json["contact"]["email"] == "maria.keller@example.com"


def test_uncatalogued_skills_reach_the_graph_and_the_candidate(
    client: FlaskClient, full_key: Headers, graph: Driver
) -> None:
    text = RESUME_TEXT + "\nTools: Python, Xpeditor, File-Aid, Gephi\n"
    posted = client.post("/v1/resumes", json={"text": text}, headers=full_key)
    assert posted.status_code in (200, 201), posted.json
    candidate_id = posted.json["id"]
    body = client.get(f"/v1/candidates/{candidate_id}", headers=full_key).json
    assert {"Xpeditor", "File-Aid", "Gephi"} <= set(body["uncatalogued_skills"])
    assert "Python" not in body["uncatalogued_skills"]  # a taxonomy skill, linked as one
    # analysts find who lists a product no taxonomy names
    assert _count(
        graph,
        "MATCH (c:Candidate) WHERE $name IN c.uncatalogued_skills RETURN count(c)",
        name="Xpeditor",
    ) >= 1


def test_upload_files_by_their_bytes(client: FlaskClient, full_key: Headers) -> None:
    for name in ("resume_single_column.pdf", "resume_tables.docx", "resume.md"):
        data = (PARSE_FIXTURES / name).read_bytes()
        response = client.post(
            "/v1/resumes",
            data={"file": (io.BytesIO(data), name)},
            headers=full_key,
            content_type="multipart/form-data",
        )
        assert response.status_code == 201, (name, response.json)
    # a PDF sent without a name or with a generic type is still read as a PDF
    data = (PARSE_FIXTURES / "resume_two_column.pdf").read_bytes()
    response = client.post(
        "/v1/resumes",
        data={"file": (io.BytesIO(data), "blob", "application/octet-stream")},
        headers=full_key,
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.json
    posting = (PARSE_FIXTURES / "posting_jsonld.html").read_bytes()
    response = client.post(
        "/v1/postings",
        data={"file": (io.BytesIO(posting), "job.html")},
        headers=full_key,
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.json


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"plain words, not a PDF at all", "resume.pdf", "mislabelled-upload"),
        (b"%PDF-1.7\n%fake", "resume.txt", "mislabelled-upload"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "resume.txt", "unsupported-media-type"),
        (b"PK\x03\x04 not a docx", "resume.docx", "mislabelled-upload"),
        ((PARSE_FIXTURES / "garbage.docx").read_bytes(), "cv", "unsupported-media-type"),
    ],
)
def test_mislabelled_and_binary_uploads_are_415(
    client: FlaskClient, full_key: Headers, data: bytes, name: str, kind: str
) -> None:
    response = client.post(
        "/v1/resumes",
        data={"file": (io.BytesIO(data), name)},
        headers=full_key,
        content_type="multipart/form-data",
    )
    assert response.status_code == 415
    assert response.mimetype == "application/problem+json"
    assert response.json["type"] == f"urn:jobgraph:problem:{kind}"


def test_oversized_bodies_are_413(graph: Driver, tmp_path: Path) -> None:
    from jobgraph.api.services import EXTENSION
    from jobgraph.apikeys import KeyStore
    from tests.api.conftest import make_app

    app = make_app(graph, tmp_path, UPLOAD_MAX_BYTES=50_000, MAX_CONTENT_LENGTH=20_000)
    store: KeyStore = app.extensions[EXTENSION].keys
    headers = {"X-API-Key": store.create("t", ["write"])[1]}
    client = app.test_client()
    big = b"Python developer. " * 4_000  # 72 kB: over the upload limit
    response = client.post(
        "/v1/resumes",
        data={"file": (io.BytesIO(big), "cv.txt")},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert response.json["type"] == "urn:jobgraph:problem:content-too-large"
    # JSON bodies have the smaller limit; an upload of 30 kB passes where JSON does not
    text = "Python developer with Django. " * 1_000
    assert client.post("/v1/resumes", json={"text": text}, headers=headers).status_code == 413
    upload = client.post(
        "/v1/resumes",
        data={"file": (io.BytesIO(text.encode()), "cv.txt")},
        headers=headers,
        content_type="multipart/form-data",
    )
    assert upload.status_code == 201, upload.json


def test_bad_bodies(client: FlaskClient, full_key: Headers) -> None:
    cases = [
        ({"text": ""}, "/text"),
        ({"text": "x", "document": {"a": 1}}, ""),
        ({"txt": "Python"}, ""),
        ({"text": 5}, "/text"),
    ]
    for body, pointer in cases:
        response = client.post("/v1/resumes", json=body, headers=full_key)
        assert response.status_code == 422, body
        problem = response.json
        assert problem["type"] == "urn:jobgraph:problem:invalid-body"
        assert pointer in {error["pointer"] for error in problem["errors"]}, problem
    broken = client.post(
        "/v1/resumes", data="{not json", headers=full_key, content_type="application/json"
    )
    assert broken.status_code == 400
    assert broken.json["type"] == "urn:jobgraph:problem:malformed-json"
    wrong_type = client.post(
        "/v1/postings", data="hello", headers=full_key, content_type="text/plain"
    )
    assert wrong_type.status_code == 415
    title_without_text = client.post(
        "/v1/postings", json={"document": {"title": "x"}, "title": "Engineer"}, headers=full_key
    )
    assert title_without_text.status_code == 422


def test_unknown_ids_and_delete(
    client: FlaskClient, graph: Driver, full_key: Headers
) -> None:
    for path in ("/v1/candidates/cand-nope", "/v1/postings/post-nope"):
        assert client.get(path, headers=full_key).status_code == 404
        response = client.delete(path, headers=full_key)
        assert response.status_code == 404
        assert response.json["type"] == "urn:jobgraph:problem:not-found"
    candidate_id = client.post("/v1/resumes", json={"text": RESUME_TEXT}, headers=full_key).json[
        "id"
    ]
    posting = client.post(
        "/v1/postings", json={"text": POSTING_TEXT, "title": "Backend Engineer"}, headers=full_key
    )
    assert posting.status_code == 201
    posting_id = posting.json["id"]
    shown = client.get(f"/v1/postings/{posting_id}", headers=full_key).json
    assert shown["title"] and {s["name"].lower() for s in shown["skills"]} >= {"python", "django"}
    assert _count(graph, "MATCH (:Candidate)-[:HAS_CONTACT]->(k:Contact) RETURN count(k)") == 1
    # a vector in the candidates' index, as the ingest hook writes it
    ensure_vector_index(graph, "Candidate", TEXT_PROPERTY, 8)
    vector = np.ones((1, 8), dtype=np.float32) / np.sqrt(8)
    write_vectors(graph, "Candidate", TEXT_PROPERTY, [candidate_id], vector)
    found = query_similar(graph, "Candidate", TEXT_PROPERTY, vector[0], 5)
    assert [node_id for node_id, _ in found] == [candidate_id]
    assert client.delete(f"/v1/candidates/{candidate_id}", headers=full_key).status_code == 204
    assert query_similar(graph, "Candidate", TEXT_PROPERTY, vector[0], 5) == []
    assert client.delete(f"/v1/postings/{posting_id}", headers=full_key).status_code == 204
    assert _count(graph, "MATCH (n:Candidate|Posting|Contact) RETURN count(n)") == 0
    assert client.get(f"/v1/candidates/{candidate_id}", headers=full_key).status_code == 404


def test_same_document_posted_twice_at_once_gives_one_node(
    app: Flask, graph: Driver, full_key: Headers
) -> None:
    barrier = threading.Barrier(4)
    statuses: list[int] = []

    def post() -> None:
        client = app.test_client()
        barrier.wait()
        statuses.append(
            client.post("/v1/postings", json={"text": POSTING_TEXT}, headers=full_key).status_code
        )

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 200, 200, 201]
    assert _count(graph, "MATCH (p:Posting) RETURN count(p)") == 1


def test_posted_documents_get_their_text_vectors(graph: Driver, tmp_path: Path) -> None:
    """With vectors on (the default), a post runs ingest's after-write hooks, as the CLI does."""
    from jobgraph.api.services import EXTENSION
    from jobgraph.apikeys import KeyStore
    from tests.api.conftest import make_app

    app = make_app(graph, tmp_path, API_VECTORS=True)
    store: KeyStore = app.extensions[EXTENSION].keys
    headers = {"X-API-Key": store.create("t", ["write"])[1]}
    response = app.test_client().post("/v1/resumes", json={"text": RESUME_TEXT}, headers=headers)
    assert response.status_code == 201, response.json
    records, _, _ = graph.execute_query(
        f"MATCH (c:Candidate {{id: $id}}) RETURN size(c.{TEXT_PROPERTY}) AS dims",
        id=response.json["id"],
    )
    assert records[0]["dims"] == 384


def test_a_post_that_dies_before_its_vectors_is_written_again(
    graph: Driver, tmp_path: Path
) -> None:
    """The digest is stored after the vectors: a post whose vectors never came is not unchanged."""
    from jobgraph.api.services import EXTENSION
    from jobgraph.graph.documents_read import stored_digest
    from tests.api.conftest import make_app

    app = make_app(graph, tmp_path, PROPAGATE_EXCEPTIONS=False)
    services = app.extensions[EXTENSION]
    key = {"X-API-Key": services.keys.create("w", ["read", "write"])[1]}
    hooked: list[str] = []

    def dies(records: list[object]) -> None:
        raise RuntimeError("the process died before the vectors were written")

    def writes(records: list[object]) -> None:
        hooked.extend(getattr(record, "id", "") for record in records)

    services.with_vectors, services._hooks = True, dies  # the after-write step fails
    client = app.test_client()

    def postings() -> set[str]:
        return {row[0] for row in graph.execute_query("MATCH (p:Posting) RETURN p.id").records}

    before = postings()
    assert client.post("/v1/postings", json={"text": POSTING_TEXT}, headers=key).status_code == 500
    (posting_id,) = postings() - before
    assert stored_digest(graph, "posting", posting_id) == ""  # written, not done
    services._hooks = writes
    again = client.post("/v1/postings", json={"text": POSTING_TEXT}, headers=key)
    assert again.status_code == 200 and again.json["changed"], again.json
    assert hooked == [posting_id]
    assert stored_digest(graph, "posting", posting_id)  # done now
    third = client.post("/v1/postings", json={"text": POSTING_TEXT}, headers=key)
    assert not third.json["changed"] and hooked == [posting_id]
