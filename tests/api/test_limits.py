"""Rate limits and size limits hold, at the configured and the default values.

The rate limit is per key, across routes: once a key has made its configured
number of requests, every route answers it 429 with ``Retry-After`` while
another key is not affected. The size limits are checked at their defaults
(10 MiB uploads, 1 MiB other bodies), on the bytes received.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from neo4j import Driver
from werkzeug.test import TestResponse

from jobgraph.api.services import EXTENSION
from jobgraph.apikeys import KeyStore
from tests.api.conftest import make_app

pytestmark = pytest.mark.neo4j
MIB = 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n"


def test_rate_limit_from_the_environment_is_per_key_across_routes(
    graph: Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBGRAPH_RATELIMIT_DEFAULT", "5 per minute")
    app = make_app(graph, tmp_path, RATELIMIT_ENABLED=True)
    store: KeyStore = app.extensions[EXTENSION].keys
    first_plain = store.create("a", ["read"])[1]
    first, second = {"X-API-Key": first_plain}, {"X-API-Key": store.create("b", ["read"])[1]}
    client = app.test_client()
    # five requests of any kind count, refused ones (404, 422) included
    urls = ["/v1/skills?q=python", "/v1/occupations?q=developer", "/v1/candidates/cand-absent",
            "/v1/skills?q=python&limit=0", "/v1/careers/next?occupation=nothing-like-this"]
    assert [client.get(url, headers=first).status_code for url in urls] == [200, 200, 404, 422,
                                                                            404]
    for url in [*urls, "/v1/postings/post-absent/matches"]:
        limited = client.get(url, headers=first)
        assert limited.status_code == 429, url
        assert limited.mimetype == "application/problem+json"
        assert limited.json["type"] == "urn:jobgraph:problem:rate-limited"
        assert 0 < int(limited.headers["Retry-After"]) <= 60
    # the same key as a bearer token is the same budget
    bearer = {"Authorization": f"Bearer {first_plain}"}
    assert client.get("/v1/skills?q=python", headers=bearer).status_code == 429
    # another key, missing keys and public routes are not affected
    assert [client.get(url, headers=second).status_code for url in urls[:2]] == [200, 200]
    assert client.get("/v1/skills?q=python").status_code == 401
    assert client.get("/v1/skills?q=python", headers={"X-API-Key": "jg_x_y"}).status_code == 401
    assert client.get("/v1/health").status_code == 200


@pytest.fixture
def writer(graph: Driver, tmp_path: Path) -> tuple[Flask, dict[str, str]]:
    """An app with the default size limits, and a key with the write scope."""
    app = make_app(graph, tmp_path)
    assert app.config["UPLOAD_MAX_BYTES"] == 10 * MIB
    assert app.config["MAX_CONTENT_LENGTH"] == MIB
    key = app.extensions[EXTENSION].keys.create("w", ["write"])[1]
    return app, {"X-API-Key": key}


def _upload(client: FlaskClient, data: bytes, headers: dict[str, str]) -> TestResponse:
    return client.post(
        "/v1/resumes",
        data={"file": (io.BytesIO(data), "cv.bin")},
        headers=headers,
        content_type="multipart/form-data",
    )


def test_upload_over_10_mib_is_413(writer: tuple[Flask, dict[str, str]]) -> None:
    app, headers = writer
    client = app.test_client()
    over = _upload(client, PNG + b"\0" * (10 * MIB), headers)
    assert over.status_code == 413
    assert over.mimetype == "application/problem+json"
    assert over.json["type"] == "urn:jobgraph:problem:content-too-large"
    # just under the limit the upload is read, and refused for what it is (an image)
    under = _upload(client, PNG + b"\0" * (10 * MIB - 4096), headers)
    assert under.status_code == 415, under.json


def test_json_body_over_1_mib_is_413(writer: tuple[Flask, dict[str, str]]) -> None:
    app, headers = writer
    client = app.test_client()
    over = client.post("/v1/resumes", json={"text": "x" * MIB}, headers=headers)
    assert over.status_code == 413
    assert over.mimetype == "application/problem+json"
    assert over.json["type"] == "urn:jobgraph:problem:content-too-large"
    # under 1 MiB the body is read and checked against its schema (text: 200,000 characters)
    under = client.post("/v1/resumes", json={"text": "x" * (MIB - 1024)}, headers=headers)
    assert under.status_code == 422
    assert under.json["errors"][0]["pointer"] == "/text"
    # a JSON body is not let in by labelling it as a form
    form = client.post("/v1/resumes", data={"text": "x" * (2 * MIB)}, headers=headers,
                       content_type="multipart/form-data")
    assert form.status_code == 413


def test_size_limit_counts_bytes_received_not_the_declared_length(
    writer: tuple[Flask, dict[str, str]]
) -> None:
    """Chunked bodies declare no length; the limits still stop them (gunicorn streams them).

    Regression: Werkzeug cut a streamed JSON body at 1 MiB and the API read the
    cut body (400, or a body padded past the limit let in), instead of a 413.
    """
    app, headers = writer
    client = app.test_client()
    chunked = {"Transfer-Encoding": "chunked"}
    streamed = {"wsgi.input_terminated": True}  # what gunicorn sets for a chunked body

    def stream(data: bytes, content_type: str) -> TestResponse:
        return client.post("/v1/resumes", input_stream=io.BytesIO(data),
                           headers={**headers, **chunked, "Content-Type": content_type},
                           environ_overrides=streamed)

    padded = b'{"text": "Python developer"}' + b" " * (2 * MIB)
    assert stream(padded, "application/json").status_code == 413
    big = json.dumps({"text": "Python " * (MIB // 3)}).encode()
    response = stream(big, "application/json")
    assert response.status_code == 413, response.json
    assert response.json["type"] == "urn:jobgraph:problem:content-too-large"
    small = json.dumps({"text": "x" * 300_000}).encode()  # under 1 MiB: read whole, checked
    assert stream(small, "application/json").status_code == 422
    boundary = "jobgraphboundary"
    upload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
              f"filename=\"cv.txt\"\r\nContent-Type: text/plain\r\n\r\n").encode()
    upload += b"Python developer. " * (11 * MIB // 18) + f"\r\n--{boundary}--\r\n".encode()
    response = stream(upload, f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 413, response.json
