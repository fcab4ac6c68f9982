"""Helpers the views share."""

from __future__ import annotations

from typing import Any

from flask import current_app, g

from jobgraph.api.services import EXTENSION, ApiServices
from jobgraph.apikeys import Principal


def services() -> ApiServices:
    """The app's services (built once by ``create_app``)."""
    built: ApiServices = current_app.extensions[EXTENSION]
    return built


def query() -> dict[str, Any]:
    """The checked query parameters of this request, defaults filled in."""
    values: dict[str, Any] = g.query
    return values


def can_see_pii() -> bool:
    """True when the caller's key has the ``pii`` scope."""
    principal: Principal | None = g.get("principal")
    return principal is not None and "pii" in principal.scopes


def without_nulls(values: dict[str, Any]) -> dict[str, Any]:
    """Drop keys whose value is ``None`` where the schema lets them be absent."""
    return {key: value for key, value in values.items() if value is not None}
