"""The OpenAPI 3.1 document: loaded once, made self-contained, and used to enforce itself.

``openapi.yaml`` refers to the JSON Schemas in ``schemas/`` by file name. At load
time each referenced file is copied into ``components/schemas`` (its ``$id`` and
``$schema`` dropped, its own references rewritten to point inside the document),
so the served document needs nothing else. The same document drives the request
checks: each operation's security scopes, its query and path parameters (as one
JSON Schema object with ``additionalProperties: false``, so unknown parameters
fail) and its request-body schemas.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from jobgraph.resources import resource_dir
from jobgraph.schemas import load_schema

DOCUMENT_URI = "urn:jobgraph:openapi"
SCHEMA_SUFFIX = ".schema.json"
METHODS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True)
class Parameter:
    """One query or path parameter and its schema."""

    name: str
    location: str
    required: bool
    schema: dict[str, Any]


@dataclass
class Operation:
    """What the document says about one method on one path."""

    path: str
    method: str
    operation_id: str
    #: Scopes the key needs; ``None`` for a public operation.
    scopes: tuple[str, ...] | None
    parameters: list[Parameter] = field(default_factory=list)
    #: Media type -> validator of the request body.
    bodies: dict[str, Draft202012Validator] = field(default_factory=dict)
    body_required: bool = False
    query_validator: Draft202012Validator | None = None
    path_validator: Draft202012Validator | None = None

    @property
    def query_names(self) -> set[str]:
        """Names of the query parameters the operation accepts."""
        return {p.name for p in self.parameters if p.location == "query"}

    def query_parameter(self, name: str) -> Parameter:
        """The query parameter called ``name``."""
        return next(p for p in self.parameters if p.location == "query" and p.name == name)


def _schema_ids() -> dict[str, str]:
    """``$id`` -> file name (relative to ``schemas/``) of every schema file."""
    found: dict[str, str] = {}

    def walk(folder: Any, prefix: str) -> None:
        for entry in folder.iterdir():
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(SCHEMA_SUFFIX):
                schema = json.loads(entry.read_text(encoding="utf-8"))
                if isinstance(schema.get("$id"), str):
                    found[schema["$id"]] = f"{prefix}{entry.name}"

    walk(resource_dir("schemas"), "")
    return found


def _component_name(file_name: str) -> str:
    return file_name[: -len(SCHEMA_SUFFIX)].replace("/", "_")


class _Inliner:
    """Copies referenced schema files into ``components/schemas``."""

    def __init__(self, components: dict[str, Any]) -> None:
        self.components = components
        self.ids = _schema_ids()

    def file_ref(self, ref: str, base_folder: str) -> str:
        """Turn a reference to a schema file (name, relative path or $id) into a local one."""
        target, _, fragment = ref.partition("#")
        if target in self.ids:
            file_name = self.ids[target]
        else:
            parts = [p for p in f"{base_folder}{target}".split("/") if p not in ("", ".")]
            resolved: list[str] = []
            for part in parts:
                if part == "..":
                    if resolved:
                        resolved.pop()
                else:
                    resolved.append(part)
            file_name = "/".join(resolved)
        name = _component_name(file_name)
        if name not in self.components:
            self.components[name] = {}  # placeholder first: schemas may refer to each other
            schema = copy.deepcopy(load_schema(file_name[: -len(SCHEMA_SUFFIX)]))
            schema.pop("$id", None)
            schema.pop("$schema", None)
            folder = file_name.rsplit("/", 1)[0] + "/" if "/" in file_name else ""
            self.components[name] = self.rewrite(schema, name, folder)
        return f"#/components/schemas/{name}{'/' + fragment.lstrip('/') if fragment else ''}"

    def rewrite(self, node: Any, owner: str | None, folder: str) -> Any:
        """Rewrite every ``$ref`` below ``node``; ``owner`` is the component it lives in."""
        if isinstance(node, list):
            return [self.rewrite(item, owner, folder) for item in node]
        if not isinstance(node, dict):
            return node
        result: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                if value.startswith("#") and owner is not None:
                    result[key] = f"#/components/schemas/{owner}{value[1:]}"
                elif value.startswith("#"):
                    result[key] = value
                else:
                    result[key] = self.file_ref(value, folder)
            else:
                result[key] = self.rewrite(value, owner, folder)
        return result


@cache
def raw_document() -> dict[str, Any]:
    """``openapi.yaml`` as written (references to ``schemas/`` files unresolved)."""
    text = (resources.files("jobgraph.api") / "openapi.yaml").read_text(encoding="utf-8")
    document: dict[str, Any] = yaml.safe_load(text)
    return document


@cache
def served_document() -> dict[str, Any]:
    """The self-contained document served at ``/v1/openapi.json``."""
    document = copy.deepcopy(raw_document())
    components = document.setdefault("components", {}).setdefault("schemas", {})
    inliner = _Inliner(components)
    # JSON round trip: YAML anchors become independent copies.
    rewritten: dict[str, Any] = inliner.rewrite(json.loads(json.dumps(document)), None, "")
    rewritten["components"]["schemas"] = dict(sorted(components.items()))
    return rewritten


def _registry(document: dict[str, Any]) -> Registry:
    return Registry().with_resource(DOCUMENT_URI, DRAFT202012.create_resource(document))


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` (parameters, responses) inside the document."""
    while "$ref" in node and str(node["$ref"]).startswith("#/") and len(node) == 1:
        target: Any = document
        for part in node["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _object_validator(
    registry: Registry, parameters: list[Parameter], location: str
) -> Draft202012Validator | None:
    chosen = [p for p in parameters if p.location == location]
    if not chosen:
        return None
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {p.name: _document_refs(p.schema) for p in chosen},
        "required": [p.name for p in chosen if p.required],
    }
    return Draft202012Validator(schema, registry=registry)


def _document_refs(schema: Any) -> Any:
    """Point local references at the document resource, so a detached schema resolves them."""
    if isinstance(schema, list):
        return [_document_refs(item) for item in schema]
    if isinstance(schema, dict):
        return {
            key: (f"{DOCUMENT_URI}{value}" if key == "$ref" and str(value).startswith("#")
                  else _document_refs(value))
            for key, value in schema.items()
        }
    return schema


def _iter_operations(
    document: dict[str, Any],
) -> Iterator[tuple[str, str, dict[str, Any], list[Any]]]:
    for path, item in document.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method in item:
                yield path, method, item[method], shared


@cache
def operations() -> dict[tuple[str, str], Operation]:
    """Every operation of the served document, keyed by ``(path, METHOD)``."""
    document = served_document()
    registry = _registry(document)
    found: dict[tuple[str, str], Operation] = {}
    for path, method, spec, shared in _iter_operations(document):
        security = spec.get("security", document.get("security"))
        scopes = None if not security else tuple(
            scope for requirement in security for scope_list in requirement.values()
            for scope in scope_list
        )
        parameters = [
            Parameter(p["name"], p["in"], bool(p.get("required")), p.get("schema", {}))
            for p in (_resolve(document, raw) for raw in [*shared, *spec.get("parameters", [])])
        ]
        operation = Operation(path, method.upper(), spec["operationId"], scopes, parameters)
        operation.query_validator = _object_validator(registry, parameters, "query")
        operation.path_validator = _object_validator(registry, parameters, "path")
        body = spec.get("requestBody")
        if body:
            body = _resolve(document, body)
            operation.body_required = bool(body.get("required"))
            for media_type, content in body.get("content", {}).items():
                schema = _document_refs(content.get("schema", {}))
                operation.bodies[media_type] = Draft202012Validator(schema, registry=registry)
        found[(path, operation.method)] = operation
    return found


_CONVERTER = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


def openapi_path(flask_rule: str) -> str:
    """``/v1/candidates/<candidate_id>`` -> ``/v1/candidates/{candidate_id}``."""
    return _CONVERTER.sub(r"{\1}", flask_rule)


def operation_for(flask_rule: str, method: str) -> Operation | None:
    """The documented operation a Flask rule and method serve (HEAD counts as GET)."""
    method = "GET" if method == "HEAD" else method
    return operations().get((openapi_path(flask_rule), method))
