"""Requests built from the served OpenAPI document, with real values for every parameter.

The attack tests (auth, PII, injection) walk every operation the document lists,
so an operation added to the document is tested without anybody editing them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from jobgraph.api.contract import served_document

HTTP_METHODS = ("get", "put", "post", "delete", "patch")
#: Operations anybody may call; every other one must refuse a missing key.
PUBLIC_OPERATIONS = {"health", "ready", "openapi"}


@dataclass(frozen=True)
class SpecParameter:
    """One path or query parameter as the document states it."""

    name: str
    location: str
    required: bool
    schema: dict[str, Any]


@dataclass(frozen=True)
class SpecOperation:
    """One method on one path of the served document."""

    path: str
    method: str
    operation_id: str
    #: Scopes the document asks for; ``None`` when the operation is public.
    scopes: frozenset[str] | None
    parameters: tuple[SpecParameter, ...] = ()
    body_types: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        """``GET /v1/skills``."""
        return f"{self.method.upper()} {self.path}"

    def string_parameters(self) -> list[SpecParameter]:
        """The parameters that take free text (ids, queries, cursors, places)."""
        return [p for p in self.parameters if p.schema.get("type") == "string"]


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = document
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def spec_operations() -> list[SpecOperation]:
    """Every operation of the served document, read from the document alone."""
    document = served_document()
    found = []
    for path, item in document["paths"].items():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method not in item:
                continue
            spec = item[method]
            security = spec.get("security", document.get("security")) or []
            scopes = frozenset(s for requirement in security for scopes in requirement.values()
                               for s in scopes)
            parameters = tuple(
                SpecParameter(p["name"], p["in"], bool(p.get("required")), p.get("schema", {}))
                for p in (_resolve(document, raw) for raw in [*shared, *spec.get("parameters", [])])
            )
            body = _resolve(document, spec["requestBody"]) if "requestBody" in spec else {}
            found.append(SpecOperation(
                path, method, spec["operationId"], scopes if security else None, parameters,
                tuple(body.get("content", {})),
            ))
    return found


def build_url(
    operation: SpecOperation, values: Mapping[str, str], overrides: Mapping[str, str] = {}
) -> str:
    """The operation's URL: path parameters filled, required query parameters given.

    ``candidate`` is given too where the operation takes it (unless ``occupation``
    or ``from`` is overridden), so the career routes, which take exactly one
    start, get a valid one.
    ``overrides`` replace or add parameter values (by name).
    """
    chosen = {**values, **overrides}
    url = operation.path
    query: dict[str, str] = {}
    for parameter in operation.parameters:
        if parameter.location == "path":
            url = url.replace(f"{{{parameter.name}}}", quote(chosen[parameter.name], safe=""))
        elif parameter.location == "query" and (
            parameter.required or parameter.name in overrides
            or (parameter.name == "candidate" and not {"occupation", "from"} & set(overrides))
        ):
            query[parameter.name] = chosen[parameter.name]
    return f"{url}?{urlencode(query)}" if query else url


def call(
    client: FlaskClient,
    operation: SpecOperation,
    url: str,
    headers: Mapping[str, str],
    body: Any = None,
) -> TestResponse:
    """Call ``url`` with the operation's method (a JSON body for operations that take one)."""
    send = getattr(client, operation.method)
    if operation.body_types and body is not None:
        return send(url, json=body, headers=dict(headers))  # type: ignore[no-any-return]
    return send(url, headers=dict(headers))  # type: ignore[no-any-return]
