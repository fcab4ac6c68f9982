"""The analysts' Cypher library: the statements under ``cypher/analyst/``.

Each file starts with a header comment saying what it answers (``// Answers:``)
and which ``$parameters`` it takes (``// Parameters:``). Only statements of the
library can be run, always with their values as parameters; no client text
ever becomes a query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import Driver, RoutingControl

from jobgraph.errors import NotFoundError, ValidationError
from jobgraph.graph.cypher import queries_in

FOLDER = "analyst"
PREFIX = "analyst_"
_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class LibraryQuery:
    """One analyst query.

    Attributes:
        name: Its short name (the file stem without ``analyst_``).
        answers: What it answers, from the header.
        parameters_text: The header's description of its parameters.
        parameters: The ``$parameters`` the statement uses, sorted.
        text: The statement.
    """

    name: str
    answers: str
    parameters_text: str
    parameters: tuple[str, ...]
    text: LiteralString


def _header(text: str) -> tuple[str, str]:
    comment = " ".join(
        line.removeprefix("//").strip() for line in text.splitlines() if line.startswith("//")
    )
    answers, _, parameters = comment.partition("Parameters:")
    return answers.removeprefix("Answers:").strip(), parameters.strip()


def library() -> list[LibraryQuery]:
    """Every query of ``cypher/analyst/``, sorted by name."""
    found = []
    for stem, text in queries_in(FOLDER):
        answers, parameters_text = _header(text)
        body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
        found.append(
            LibraryQuery(
                name=stem.removeprefix(PREFIX),
                answers=answers,
                parameters_text=parameters_text,
                parameters=tuple(sorted(set(_PARAMETER.findall(body)))),
                text=text,
            )
        )
    return sorted(found, key=lambda query: query.name)


def library_query(name: str) -> LibraryQuery:
    """The library query called ``name`` (with or without the ``analyst_`` prefix).

    Raises:
        NotFoundError: No query of the library has that name.
    """
    short = name.removeprefix(PREFIX)
    for query in library():
        if query.name == short:
            return query
    raise NotFoundError(
        f"no analyst query named {name!r}; `jobgraph cypher list` shows the library"
    )


def run_library_query(
    driver: Driver, name: str, parameters: dict[str, Any], database: str = "neo4j"
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run one library query, read-only, with its values as ``$parameters``.

    Args:
        driver: Open driver.
        name: A library query name.
        parameters: Exactly the parameters the query uses.
        database: Database to read.

    Returns:
        The column names and the rows.

    Raises:
        NotFoundError: No such query in the library.
        ValidationError: A parameter is missing or not used by the query.
    """
    query = library_query(name)
    missing = sorted(set(query.parameters) - set(parameters))
    unknown = sorted(set(parameters) - set(query.parameters))
    if missing or unknown:
        problems = []
        if missing:
            problems.append("missing " + ", ".join(missing))
        if unknown:
            problems.append("not used: " + ", ".join(unknown))
        raise ValidationError(
            f"analyst query {query.name!r}: {'; '.join(problems)}; it takes "
            f"{', '.join(query.parameters) or 'no parameters'} (--param NAME=VALUE)"
        )
    records, _, keys = driver.execute_query(
        query.text, parameters, database_=database, routing_=RoutingControl.READ
    )
    return list(keys), [record.data() for record in records]
