"""``/v1/health``, ``/v1/ready`` and ``/v1/openapi.json`` (no key needed)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from flask import Blueprint, Response, jsonify
from neo4j.exceptions import DriverError, Neo4jError

from jobgraph.api.contract import served_document
from jobgraph.api.problems import (
    GRAPH_RETEST_SECONDS,
    RETRY_AFTER_UNAVAILABLE,
    problem_response,
)
from jobgraph.api.routes.common import services
from jobgraph.graph.documents_read import ping

blueprint = Blueprint("system", __name__, url_prefix="/v1")


def _version() -> str:
    try:
        return version("jobgraph")
    except PackageNotFoundError:  # pragma: no cover - a source tree without install
        return "unknown"


@blueprint.get("/health")
def health() -> Response:
    """The process answers (nothing else is checked)."""
    return jsonify({"status": "ok", "version": _version()})


@blueprint.get("/ready")
def ready() -> Response:
    """Neo4j answers a query; otherwise 503 with Retry-After (the driver reconnects by itself)."""
    built = services()
    try:
        ping(built.driver, built.database)
    except (DriverError, Neo4jError, OSError) as error:
        built.graph_down_for(GRAPH_RETEST_SECONDS)
        return problem_response(
            503,
            "graph-unavailable",
            f"Neo4j does not answer ({type(error).__name__}); retry in "
            f"{RETRY_AFTER_UNAVAILABLE} s",
            headers={"Retry-After": str(RETRY_AFTER_UNAVAILABLE)},
        )
    built.graph_up()
    checks: dict[str, str | bool] = {
        "neo4j": "ok",
        "vectors_on_ingest": built.with_vectors,
        "matching": built.match is not None,
        "gnn_model": built.gnn_model_path.is_file(),
    }
    return jsonify({"status": "ready", "version": _version(), "checks": checks})


@blueprint.get("/openapi.json")
def openapi() -> Response:
    """The self-contained OpenAPI 3.1 document."""
    return jsonify(served_document())
