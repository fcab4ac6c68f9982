"""``jobgraph db``: schema, counts and reset."""

from __future__ import annotations

import click

from jobgraph.cli.common import echo_json, open_driver_for, settings_of


@click.group()
def db() -> None:
    """Create the schema and inspect the graph."""


@db.command("init")
@click.pass_context
def db_init(ctx: click.Context) -> None:
    """Create constraints and indexes (safe to run again)."""
    from jobgraph.graph.schema import apply_schema

    settings = settings_of(ctx)
    with open_driver_for(ctx) as driver:
        report = apply_schema(driver, settings.neo4j_database)
    click.echo(
        f"schema ready: {len(report.created)} created, {len(report.existing)} already present"
    )


@db.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def db_status(ctx: click.Context, as_json: bool) -> None:
    """Print node counts by label, relationship counts by type and the vector indexes."""
    from jobgraph.graph.schema import graph_counts, schema_objects, vector_indexes

    settings = settings_of(ctx)
    with open_driver_for(ctx) as driver:
        counts = graph_counts(driver, settings.neo4j_database)
        objects = schema_objects(driver, settings.neo4j_database)
        vectors = vector_indexes(driver, settings.neo4j_database)
    if as_json:
        echo_json({**counts, "indexes": objects, "vector_indexes": vectors})
        return
    click.echo(f"indexes and constraints: {len(objects)} "
               f"({sum(1 for o in objects if o['state'] == 'ONLINE')} online)")
    click.echo("nodes:")
    for label, count in counts["nodes"].items() or [("(none)", 0)]:
        click.echo(f"  {label:<24}{count:>10,}")
    click.echo("relationships:")
    for rel_type, count in counts["relationships"].items() or [("(none)", 0)]:
        click.echo(f"  {rel_type:<24}{count:>10,}")
    click.echo("vector indexes:")
    for index in vectors:
        target = f"{index['label']}.{index['property']}"
        dimensions = index["dimensions"] or "?"
        click.echo(f"  {index['name']:<28}{target:<30}{dimensions:>5} dims  {index['state']}")
    if not vectors:
        click.echo("  (none: jobgraph embed text creates them)")


@db.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def db_reset(ctx: click.Context, yes: bool) -> None:
    """Delete every node and relationship (the schema stays)."""
    from jobgraph.graph.schema import delete_all

    if not yes:
        click.confirm("Delete everything in the graph?", abort=True)
    with open_driver_for(ctx) as driver:
        delete_all(driver, settings_of(ctx).neo4j_database)
    click.echo("graph emptied")
