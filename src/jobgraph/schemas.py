"""Load the JSON Schemas under ``schemas/`` and validate documents against them."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from jobgraph.errors import ValidationError
from jobgraph.resources import resource_dir


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Return the schema ``schemas/<name>.schema.json`` as a dict.

    Raises:
        ValidationError: No schema of that name exists.
    """
    file = resource_dir("schemas") / f"{name}.schema.json"
    if not file.is_file():
        raise ValidationError(f"no JSON Schema named {name!r} in schemas/")
    schema: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
    return schema


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(name))


def validation_errors(name: str, document: Any) -> list[str]:
    """Return readable messages for every way ``document`` breaks schema ``name``."""
    errors = sorted(_validator(name).iter_errors(document), key=lambda e: list(e.path))
    return [
        f"{'/'.join(str(p) for p in error.path) or '(root)'}: {error.message}" for error in errors
    ]


def validate(name: str, document: Any) -> None:
    """Raise ``ValidationError`` listing every problem when ``document`` breaks schema ``name``."""
    problems = validation_errors(name, document)
    if problems:
        raise ValidationError(f"invalid {name}: " + "; ".join(problems[:10]))
