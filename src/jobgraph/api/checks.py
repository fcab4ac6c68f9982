"""Before every request: find its documented operation, check the key, validate the input.

:func:`identify` runs ahead of the rate limiter (registered first), so a request
without a valid key is answered 401 and never counts against anybody's limit;
:func:`validate_request` runs after it, so invalid requests count too. The
checked values are left on :data:`flask.g`: ``principal``, ``query``,
``path_params``, ``body`` (parsed JSON) or ``upload`` (the uploaded file).
"""

from __future__ import annotations

import json
from typing import Any

from flask import current_app, g, request
from jsonschema import Draft202012Validator
from neo4j.exceptions import DriverError, Neo4jError

from jobgraph.api.contract import Operation, operation_for
from jobgraph.api.problems import GRAPH_RETEST_SECONDS, ApiProblem, FieldError, graph_unavailable
from jobgraph.apikeys import KeyStore, Principal
from jobgraph.graph.documents_read import ping

API_KEY_HEADER = "X-API-Key"
CHALLENGE = f'ApiKey realm="jobgraph", header="{API_KEY_HEADER}"'
UPLOAD_MEDIA_TYPE = "multipart/form-data"


def _pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def schema_errors(validator: Draft202012Validator, value: Any, location: str) -> list[FieldError]:
    """Every way ``value`` breaks ``validator``'s schema, as JSON pointers (at most 20)."""
    found = sorted(validator.iter_errors(value), key=lambda e: list(map(str, e.absolute_path)))
    return [
        FieldError(location, _pointer(error.absolute_path), error.message[:300])
        for error in found[:20]
    ]


def presented_key() -> str | None:
    """The key in ``X-API-Key`` or ``Authorization: Bearer``, if any."""
    key = request.headers.get(API_KEY_HEADER)
    if key:
        return key.strip()
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def authenticate(operation: Operation, keys: KeyStore) -> Principal:
    """Return the caller of a protected operation.

    Raises:
        ApiProblem: 401 (no or unknown key) or 403 (a scope is missing).
    """
    key = presented_key()
    principal = keys.verify(key) if key else None
    if principal is None:
        detail = (
            "this API key is not valid (unknown, mistyped or revoked)"
            if key
            else f"send an API key in the {API_KEY_HEADER} header "
            "(create one with `jobgraph apikey create`)"
        )
        raise ApiProblem(401, "unauthorized", detail, headers={"WWW-Authenticate": CHALLENGE})
    missing = sorted(set(operation.scopes or ()) - principal.scopes)
    if missing:
        raise ApiProblem(
            403,
            "insufficient-scope",
            f"this key lacks the {', '.join(missing)} scope needed by {operation.operation_id}",
        )
    return principal


def _coerce(raw: str, schema: dict[str, Any]) -> Any:
    """A query string value in the type its schema names (left as text when it does not fit)."""
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(raw)
        if kind == "number":
            number = float(raw)
            return number if number == number and abs(number) != float("inf") else raw
        if kind == "boolean" and raw.lower() in {"true", "false"}:
            return raw.lower() == "true"
    except ValueError:
        return raw
    return raw


def check_query(operation: Operation) -> dict[str, Any]:
    """The query parameters, typed, defaults filled in.

    Raises:
        ApiProblem: 422 naming every unknown, repeated or invalid parameter.
    """
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    accepted = operation.query_names
    for name in request.args:
        if name not in accepted:
            allowed = ", ".join(sorted(accepted)) or "none"
            errors.append(FieldError("query", _pointer([name]),
                                     f"unknown query parameter (accepted: {allowed})"))
            continue
        given = request.args.getlist(name)
        if len(given) > 1:
            errors.append(FieldError("query", _pointer([name]), "given more than once"))
            continue
        values[name] = _coerce(given[0], operation.query_parameter(name).schema)
    if operation.query_validator is not None:
        errors.extend(schema_errors(operation.query_validator, values, "query"))
    if errors:
        raise ApiProblem(422, "invalid-query", "the query parameters are not valid", errors=errors)
    for parameter in operation.parameters:
        if parameter.location == "query" and parameter.name not in values:
            values[parameter.name] = parameter.schema.get("default")
    return values


def check_path(operation: Operation, view_args: dict[str, Any]) -> None:
    """Raises ApiProblem (422) when a path parameter breaks its schema."""
    if operation.path_validator is not None:
        errors = schema_errors(operation.path_validator, view_args, "path")
        if errors:
            raise ApiProblem(422, "invalid-path", "a path parameter is not valid", errors=errors)


def check_body(operation: Operation) -> None:
    """Parse and validate the body; put it on ``g.body`` or ``g.upload``.

    Raises:
        ApiProblem: 400 (not JSON), 415 (a media type the operation does not
            take), 422 (breaks the schema; no ``file`` part).
    """
    g.body, g.upload = None, None
    if not operation.bodies:
        return
    mimetype = request.mimetype
    if mimetype == UPLOAD_MEDIA_TYPE and UPLOAD_MEDIA_TYPE in operation.bodies:
        # The larger limit applies to uploads only; JSON bodies keep MAX_CONTENT_LENGTH.
        request.max_content_length = current_app.config["UPLOAD_MAX_BYTES"]
        upload = request.files.get("file")
        if upload is None:
            raise ApiProblem(422, "invalid-body", "send the document in a form part named `file`",
                             errors=[FieldError("body", "/file", "required")])
        g.upload = upload
        return
    if mimetype == "application/json" or mimetype.endswith("+json"):
        validator = operation.bodies.get("application/json")
        if validator is None:
            raise ApiProblem(415, "unsupported-media-type", "this operation takes no JSON body")
        raw = request.get_data(cache=True)
        limit = request.max_content_length
        if request.content_length is None and limit is not None and len(raw) >= limit:
            # A streamed (chunked) body is cut at the limit by Werkzeug, not refused.
            raise ApiProblem(413, "content-too-large",
                             f"the JSON body is larger than this route accepts ({limit} bytes)")
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as error:
            detail = f"the body is not valid JSON: {error}"
            raise ApiProblem(400, "malformed-json", detail) from None
        errors = schema_errors(validator, body, "body")
        if errors:
            raise ApiProblem(422, "invalid-body", "the body breaks its schema", errors=errors)
        g.body = body
        return
    if operation.body_required:
        accepted = ", ".join(sorted(operation.bodies))
        raise ApiProblem(
            415,
            "unsupported-media-type",
            f"content type {mimetype or '(none)'!r} is not accepted here; use one of {accepted}",
        )


def check_graph() -> None:
    """Answer 503 at once while Neo4j is known to be down; let one request test it.

    Raises:
        ApiProblem: 503 ``graph-unavailable`` with ``Retry-After``.
    """
    from jobgraph.api.services import EXTENSION, ApiServices

    built: ApiServices = current_app.extensions[EXTENSION]
    state = built.graph_state()
    if state == "up":
        return
    if state == "down":
        raise graph_unavailable("Neo4j failed a moment ago")
    try:
        ping(built.driver, built.database)
    except (DriverError, Neo4jError, OSError) as error:
        built.graph_down_for(GRAPH_RETEST_SECONDS)
        raise graph_unavailable("Neo4j still does not answer") from error
    except BaseException:
        built.graph_up()  # not an outage: let the next request test again at once
        raise
    built.graph_up()


#: Blueprints served without a key and outside the OpenAPI document: the explorer's
#: page shells and assets (they hold no data) and the Swagger UI docs page.
PUBLIC_BLUEPRINTS = frozenset({"explorer", "swagger_ui"})


def identify(keys: KeyStore) -> None:
    """First ``before_request`` hook: the documented operation and, when protected, the key."""
    g.principal, g.operation = None, None
    rule = request.url_rule
    if rule is None or request.method == "OPTIONS":
        return
    operation = operation_for(rule.rule, request.method)
    if operation is None:
        if request.blueprint in PUBLIC_BLUEPRINTS:
            return
        # fail closed: a route someone added without documenting it serves nobody
        detail = f"{request.method} {rule.rule} is not an operation of this API"
        raise ApiProblem(404, "not-found", detail)
    g.operation = operation
    if operation.scopes is not None:
        g.principal = authenticate(operation, keys)
        check_graph()


def validate_request() -> None:
    """Second ``before_request`` hook (after the rate limiter): path, query, body."""
    operation: Operation | None = g.get("operation")
    if operation is None:
        return
    check_path(operation, dict(request.view_args or {}))
    g.query = check_query(operation)
    check_body(operation)
