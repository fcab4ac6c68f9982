"""Reading gold annotations and parsing gold documents, shared by the scorers."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from jobgraph.errors import JobgraphError, ParseError
from jobgraph.evaluation.metrics import Counts, ScalarTally


def load_annotations(path: Path) -> list[dict[str, Any]]:
    """Read one ``.jsonl`` annotation file.

    Raises:
        ParseError: The file is missing or a line is not a JSON object.
    """
    if not path.is_file():
        raise ParseError(f"{path}: gold annotation file not found; is this the eval/gold folder?")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ParseError(f"{path.name}:{number}: not valid JSON ({error.msg})") from error
        if not isinstance(row, dict) or "file" not in row:
            raise ParseError(f"{path.name}:{number}: expected an object with a 'file' key")
        rows.append(row)
    return rows


def accepted_levels(value: str | list[str] | None) -> frozenset[str]:
    """The levels a gold entry accepts (one, or a list of alternatives)."""
    if value is None:
        return frozenset()
    return frozenset([value] if isinstance(value, str) else value)


def family_of(occupation_id: str | None, taxonomy: Any) -> str | None:
    """The family of a predicted occupation, looked up in the taxonomy."""
    if not occupation_id or taxonomy is None:
        return None
    occupation = taxonomy.occupations.get(occupation_id)
    return occupation.family if occupation else None


def parse_or_log(
    function: Callable[..., Any], path: Path, lookup: Any, today: date, failures: list[Any]
) -> Any:
    """Parse one gold document; on failure log it and return ``None``.

    A parser crash (an exception that is not a :class:`JobgraphError`) is logged
    too, so one bad document cannot hide the scores of the others.
    """
    kwargs: dict[str, Any] = {"lookup": lookup}
    if "today" in inspect.signature(function).parameters:
        kwargs["today"] = today
    try:
        return function(path, **kwargs)
    except JobgraphError as error:
        failures.append({"file": path.name, "error": str(error), "crash": False})
    except Exception as error:  # a parser bug; reported, not raised
        failures.append(
            {"file": path.name, "error": f"{type(error).__name__}: {error}", "crash": True}
        )
    return None


def new_tallies(fields: tuple[str, ...], scalars: set[str]) -> dict[str, Any]:
    """A fresh counter per field: scalar tallies for ``scalars``, set counts otherwise."""
    return {name: ScalarTally() if name in scalars else Counts() for name in fields}
