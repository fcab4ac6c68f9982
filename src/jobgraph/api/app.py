"""The Flask application factory: settings, services, checks, limits, blueprints.

Configuration, lowest precedence first: the defaults below, then environment
variables with the ``JOBGRAPH_`` prefix (``JOBGRAPH_RATELIMIT_DEFAULT``,
``JOBGRAPH_UPLOAD_MAX_BYTES`` …, read with :meth:`flask.Config.from_prefixed_env`),
then the ``config`` mapping passed by the caller (tests). The driver is injected;
when none is given the factory opens the one the settings describe (it is then
the composition root, as the CLI is).
"""

from __future__ import annotations

import atexit
from collections.abc import Mapping
from typing import Any

from flask import Flask, g, request
from flask_limiter import Limiter
from flask_swagger_ui import get_swaggerui_blueprint
from neo4j import Driver

from jobgraph.api import checks
from jobgraph.api.explorer import blueprint as explorer_pages
from jobgraph.api.problems import register_error_handlers
from jobgraph.api.routes import documents, lookup, matches, system
from jobgraph.api.services import EXTENSION, ApiServices
from jobgraph.apikeys import KeyStore, keys_folder
from jobgraph.config import Settings

DOCS_URL = "/v1/docs"
OPENAPI_URL = "/v1/openapi.json"

DEFAULTS: dict[str, Any] = {
    # Every body but an upload: a JSON document of up to 200,000 characters fits.
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    # Upload routes only (set per request by the checks): the extractors' own limit is 20 MiB.
    "UPLOAD_MAX_BYTES": 10 * 1024 * 1024,
    # Non-file form fields and parts of a multipart body.
    "MAX_FORM_MEMORY_SIZE": 256 * 1024,  # above the multipart reader's 64 KiB chunks
    "MAX_FORM_PARTS": 8,
    # Per API key. memory:// is exact for one process (gunicorn threads); several
    # processes or hosts need a shared store such as redis://host:6379.
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_DEFAULT": "600 per minute",
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_STRATEGY": "moving-window",
    "RATELIMIT_HEADERS_ENABLED": True,
    # Run the text-vector and GNN after-write hooks on every ingested document.
    "API_VECTORS": True,
    # Keep each resume's contact block (shown only to keys with the pii scope).
    "API_STORE_PII": True,
    "CAREERS_MODEL_TTL": 300.0,
}


def _rate_key() -> str:
    principal = g.get("principal")
    return f"key:{principal.key_id}" if principal is not None else f"ip:{request.remote_addr}"


def _unauthenticated() -> bool:
    """Public routes (health, docs) and requests already refused are never counted."""
    return g.get("principal") is None


def create_app(
    settings: Settings | None = None,
    *,
    driver: Driver | None = None,
    config: Mapping[str, Any] | None = None,
) -> Flask:
    """Build the API application.

    Args:
        settings: Core settings (database, data folder, device); from the
            environment when omitted.
        driver: An open Neo4j driver; opened from ``settings`` when omitted
            (and closed when the process exits).
        config: Flask config values that win over defaults and environment.

    Returns:
        The Flask app; its services are in ``app.extensions["jobgraph"]``.
    """
    settings = settings or Settings.from_env()
    app = Flask(__name__, static_folder=None)
    # "a//b" in a path is no route (404), not a 308 redirect to "a/b": ids never hold "/".
    app.url_map.merge_slashes = False
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("JOBGRAPH")
    app.config.from_mapping(dict(config or {}))
    app.json.sort_keys = False  # type: ignore[attr-defined]

    if driver is None:
        from jobgraph.graph.connection import SERVING_TIMEOUTS, open_driver

        # Fail within seconds when Neo4j is away (503), not after the batch retry budget.
        driver = open_driver(settings, timeouts=SERVING_TIMEOUTS)
        atexit.register(driver.close)
    keys = KeyStore(keys_folder(settings), extra_keys=settings.api_keys)
    app.extensions[EXTENSION] = ApiServices(
        settings=settings,
        driver=driver,
        keys=keys,
        with_vectors=bool(app.config["API_VECTORS"]),
        store_pii=bool(app.config["API_STORE_PII"]),
        careers_model_ttl=float(app.config["CAREERS_MODEL_TTL"]),
    )

    register_error_handlers(app)
    # Order matters: the key is checked before the limiter counts, the input after.
    app.before_request(lambda: checks.identify(keys))
    limiter = Limiter(
        _rate_key,
        # One budget per key across all routes: Flask-Limiter's default limits
        # alone would give a key RATELIMIT_DEFAULT on every route separately.
        application_limits=[str(app.config["RATELIMIT_DEFAULT"])],
        application_limits_exempt_when=_unauthenticated,
        default_limits_exempt_when=_unauthenticated,
        retry_after="delta-seconds",
    )
    limiter.init_app(app)
    app.before_request(checks.validate_request)
    app.extensions["jobgraph_limiter"] = limiter

    for blueprint in (system.blueprint, documents.blueprint, lookup.blueprint,
                      matches.blueprint):
        app.register_blueprint(blueprint)
    app.register_blueprint(
        get_swaggerui_blueprint(
            DOCS_URL,
            OPENAPI_URL,
            config={"app_name": "jobgraph API", "validatorUrl": None},
        )
    )
    app.register_blueprint(explorer_pages)  # the web explorer at / (docs/explorer.md)
    return app
