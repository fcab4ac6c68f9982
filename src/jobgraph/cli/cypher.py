"""``jobgraph cypher``: list, show and run the analysts' query library."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import click

from jobgraph.cli.common import echo_json, open_driver_for, settings_of


@click.group()
def cypher() -> None:
    """The analysts' Cypher library (cypher/analyst/); values go in as $parameters."""


@cypher.command("list")
def cypher_list() -> None:
    """Every query of the library, with what it answers."""
    from jobgraph.graph.analyst import library

    for query in library():
        params = ", ".join(f"${p}" for p in query.parameters) or "no parameters"
        click.echo(f"{query.name:<34}{query.answers}\n{'':<34}({params})")


@cypher.command("show")
@click.argument("name")
def cypher_show(name: str) -> None:
    """Print one query, header comment included."""
    from jobgraph.graph.analyst import library_query

    click.echo(library_query(name).text)


def parse_value(text: str) -> Any:
    """``"5"`` -> 5, ``"0.5"`` -> 0.5, ``"true"`` -> True, JSON lists; else the text."""
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered == "null":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    if text.startswith(("[", "{")):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass
    return text


def _cell(value: Any) -> str:
    if isinstance(value, list | dict):
        return json.dumps(value, default=str)
    return "" if value is None else str(value)


def table_text(columns: list[str], rows: list[dict[str, Any]]) -> str:
    """A plain aligned table."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [min(60, max([len(c), *(len(r[i]) for r in cells)])) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v[:w].ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(line.rstrip() for line in lines)


@cypher.command("run")
@click.argument("name")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter (repeat for each).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.pass_context
def cypher_run(ctx: click.Context, name: str, params: tuple[str, ...], fmt: str) -> None:
    """Run the library query NAME with --param values."""
    from jobgraph.graph.analyst import run_library_query

    values: dict[str, Any] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{item!r}: write NAME=VALUE", param_hint="--param")
        values[key.strip().lstrip("$")] = parse_value(value)
    with open_driver_for(ctx) as driver:
        columns, rows = run_library_query(driver, name, values, settings_of(ctx).neo4j_database)
    if fmt == "json":
        echo_json(rows)
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(row.get(c)) for c in columns] for row in rows])
        click.echo(buffer.getvalue(), nl=False)
    else:
        click.echo(table_text(columns, rows))
