"""Errors as ``application/problem+json`` (RFC 9457), one stable ``type`` per kind.

:class:`ApiProblem` is what the API raises itself (bad query, bad body, missing
key); every :class:`~jobgraph.errors.JobgraphError` from the stages below is
mapped by class; Werkzeug's HTTP errors (404 route, 405, 413, 429) and driver
errors meaning "Neo4j went away" get the same shape. Nothing else leaks: an
unexpected exception answers a bare 500 problem and is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, current_app, json, request
from neo4j.exceptions import DriverError, Neo4jError
from werkzeug.exceptions import HTTPException

from jobgraph.errors import (
    AuthError,
    ConfigError,
    GraphUnavailableError,
    JobgraphError,
    NotFoundError,
    ParseError,
    TaxonomyError,
    ValidationError,
)

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:jobgraph:problem:"
#: Seconds a client should wait before retrying while Neo4j is unreachable.
RETRY_AFTER_UNAVAILABLE = 5
#: After a failed query, keyed routes answer 503 at once for this long; then one
#: request tests Neo4j (``ApiServices.graph_state``), so recovery shows within about a second.
GRAPH_RETEST_SECONDS = 1.0

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FieldError:
    """One failing field: where (``body``, ``query``, ``path``, ``header``) and its JSON pointer."""

    location: str
    pointer: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"in": self.location, "pointer": self.pointer, "message": self.message}


class ApiProblem(JobgraphError):
    """An error the API answers as it is: status, kind, detail, failing fields, headers."""

    def __init__(
        self,
        status: int,
        kind: str,
        detail: str,
        *,
        errors: Sequence[FieldError] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.http_status = status
        self.kind = kind
        self.detail = detail
        self.errors = list(errors)
        self.headers = dict(headers or {})


# Class -> (status, kind); the first matching class in this order wins.
_BY_CLASS: tuple[tuple[type[JobgraphError], int, str], ...] = (
    (NotFoundError, 404, "not-found"),
    (ParseError, 422, "unparseable-document"),
    (ValidationError, 422, "invalid-document"),
    (TaxonomyError, 422, "taxonomy"),
    (AuthError, 401, "unauthorized"),
    (GraphUnavailableError, 503, "graph-unavailable"),
    (ConfigError, 500, "server-configuration"),
)
_TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}
_HTTP_KINDS = {
    400: "bad-request",
    404: "no-such-route",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "content-too-large",
    415: "unsupported-media-type",
    429: "rate-limited",
}


def problem_type(kind: str) -> str:
    """The stable ``type`` URI of a kind (``not-found`` -> ``urn:jobgraph:problem:not-found``)."""
    return TYPE_PREFIX + kind


def problem_response(
    status: int,
    kind: str,
    detail: str | None = None,
    *,
    errors: Sequence[FieldError] = (),
    headers: Mapping[str, str] | None = None,
) -> Response:
    """Build a problem+json response (``schemas/api/problem.schema.json``)."""
    body: dict[str, Any] = {
        "type": problem_type(kind),
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "instance": request.path,
    }
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = [error.to_dict() for error in errors]
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _from_jobgraph(error: JobgraphError) -> Response:
    if isinstance(error, ApiProblem):
        return problem_response(
            error.http_status, error.kind, error.detail, errors=error.errors, headers=error.headers
        )
    for cls, status, kind in _BY_CLASS:
        if isinstance(error, cls):
            headers = None
            detail = str(error) if status < 500 else "see the server log"
            if status == 503:
                log.warning("Neo4j unavailable: %s", error)
                _mark_graph_down()
                return _from_jobgraph(graph_unavailable())
            if status == 500:
                log.error("server configuration error: %s", error)
            return problem_response(status, kind, detail, headers=headers)
    log.exception("unmapped jobgraph error", exc_info=error)
    return problem_response(500, "internal", "see the server log")


def graph_unavailable(detail: str = "Neo4j cannot be reached") -> ApiProblem:
    """The 503 ``graph-unavailable`` problem, with ``Retry-After``."""
    return ApiProblem(
        503,
        "graph-unavailable",
        f"{detail}; retry in {RETRY_AFTER_UNAVAILABLE} s (the API reconnects by itself)",
        headers={"Retry-After": str(RETRY_AFTER_UNAVAILABLE)},
    )


def _mark_graph_down() -> None:
    """Answer 503 at once for a moment instead of waiting on the driver again."""
    from jobgraph.api.services import EXTENSION

    services = current_app.extensions.get(EXTENSION)
    if services is not None:
        services.graph_down_for(GRAPH_RETEST_SECONDS)


def _from_http(error: HTTPException) -> Response:
    status = error.code or 500
    headers = {k: v for k, v in error.get_headers() if k.lower() not in {"content-type"}}
    detail = error.description if status != 500 else None
    if status == 413:
        detail = "the request body is larger than this route accepts"
    kind = _HTTP_KINDS.get(status, "http-error")
    response = problem_response(status, kind, detail, headers=headers)
    allowed = getattr(error, "valid_methods", None)
    if status == 405 and isinstance(allowed, list):
        response.headers["Allow"] = ", ".join(allowed)
    return response


def _from_driver(error: Exception) -> Response:
    from jobgraph.graph.connection import unavailable_error

    translated = unavailable_error(error)
    if translated is not None:
        return _from_jobgraph(translated)
    log.exception("Neo4j error", exc_info=error)
    return problem_response(500, "internal", "see the server log")


def _unexpected(error: Exception) -> Response:
    log.exception("unexpected error", exc_info=error)
    return problem_response(500, "internal", "see the server log")


def register_error_handlers(app: Flask) -> None:
    """Answer every error of ``app`` as problem+json."""
    app.register_error_handler(JobgraphError, _from_jobgraph)
    app.register_error_handler(HTTPException, _from_http)
    app.register_error_handler(DriverError, _from_driver)
    app.register_error_handler(Neo4jError, _from_driver)
    app.register_error_handler(Exception, _unexpected)
