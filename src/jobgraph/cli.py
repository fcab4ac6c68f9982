"""The ``jobgraph`` command line: one group per stage.

This is a composition root: it reads the settings, opens the driver and hands
both to the stage functions. A :class:`JobgraphError` is printed on one line
(``error: ...``) with exit status 1, never as a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from neo4j import Driver

from jobgraph.config import Settings
from jobgraph.errors import JobgraphError

F = TypeVar("F", bound=Callable[..., Any])


def _settings(ctx: click.Context) -> Settings:
    settings = ctx.find_object(Settings)
    if settings is None:  # pragma: no cover - main() always sets it
        settings = Settings.from_env()
    return settings


@contextmanager
def _driver(ctx: click.Context) -> Iterator[Driver]:
    from jobgraph.graph.connection import open_driver

    driver = open_driver(_settings(ctx))
    try:
        yield driver
    finally:
        driver.close()


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, sort_keys=True, default=str))


def _human_bytes(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.1f} {unit}" if unit != "B" else f"{int(value)} B"
        value /= 1024
    return f"{value:.1f} GiB"  # pragma: no cover


class _Group(click.Group):
    """A group that turns JobgraphError into a one-line message."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JobgraphError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(1)


@click.group(cls=_Group)
@click.version_option(package_name="jobgraph")
@click.pass_context
def main(ctx: click.Context) -> None:
    """jobgraph: knowledge-graph-backed job matching with explained results."""
    ctx.obj = Settings.from_env()


@main.command("config")
@click.pass_context
def show_config(ctx: click.Context) -> None:
    """Print the settings in force (secrets masked), as JSON."""
    _echo_json(_settings(ctx).to_dict())


# --------------------------------------------------------------------- neo4j
@main.group()
def neo4j() -> None:
    """Install and run the local Neo4j server (unused when NEO4J_URI is set)."""


def _local(ctx: click.Context, port: int | None = None) -> Any:
    from jobgraph.graph.connection import local_server

    settings = _settings(ctx)
    if port is not None:
        settings = settings.with_overrides(neo4j_port=port)
    if not settings.uses_local_server:
        click.echo(
            f"note: NEO4J_URI is set ({settings.neo4j_uri}); this manages the local server only",
            err=True,
        )
    return local_server(settings)


@neo4j.command("install")
@click.option("--force", is_flag=True, help="Reinstall even when the jars are present.")
@click.pass_context
def neo4j_install(ctx: click.Context, force: bool) -> None:
    """Fetch Neo4j Community and APOC jars from Maven Central."""
    import time

    from jobgraph.graph.neo4j_install import install, installed

    settings = _settings(ctx)
    if not force and (existing := installed(settings.neo4j_install_dir, settings.neo4j_version)):
        click.echo(f"Neo4j {existing.version} already installed in {existing.root}")
        return
    click.echo(f"installing Neo4j {settings.neo4j_version} + APOC with Maven…", err=True)
    started = time.monotonic()
    installation = install(
        settings.neo4j_install_dir,
        settings.neo4j_version,
        java=settings.java,
        maven=settings.maven,
        force=force,
    )
    click.echo(
        f"installed Neo4j {installation.version} in {installation.root} "
        f"({_human_bytes(installation.size_bytes())}, {time.monotonic() - started:.0f}s)"
    )


@neo4j.command("start")
@click.option("--port", type=int, default=None, help="Bolt port (0 picks a free one).")
@click.pass_context
def neo4j_start(ctx: click.Context, port: int | None) -> None:
    """Start the local server and wait until Bolt answers."""
    server = _local(ctx, port)
    result = server.start()
    if result.already_running:
        click.echo(f"Neo4j is already running (pid {result.pid}) at {result.uri}")
    else:
        click.echo(f"Neo4j started in {result.seconds:.1f}s (pid {result.pid})")
        click.echo(result.uri)


@neo4j.command("stop")
@click.pass_context
def neo4j_stop(ctx: click.Context) -> None:
    """Stop the local server cleanly."""
    server = _local(ctx)
    click.echo("Neo4j stopped" if server.stop() else "Neo4j was not running")


@neo4j.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def neo4j_status(ctx: click.Context, as_json: bool) -> None:
    """Say whether the local server is running, stopped or unreachable."""
    status = _local(ctx).status()
    if as_json:
        _echo_json(status.to_dict())
        return
    click.echo(f"state:   {status.state}")
    if status.pid:
        click.echo(f"pid:     {status.pid}")
    if status.uri:
        click.echo(f"uri:     {status.uri}")
    if status.version:
        click.echo(f"version: {status.version}")
    click.echo(f"home:    {status.home}")
    click.echo(f"store:   {_human_bytes(status.store_bytes)}")
    if status.state != "running":
        sys.exit(0 if status.state == "stopped" else 3)


@neo4j.command("logs")
@click.option("-n", "--lines", default=40, show_default=True, help="How many lines.")
@click.pass_context
def neo4j_logs(ctx: click.Context, lines: int) -> None:
    """Print the end of the local server's console log."""
    click.echo(_local(ctx).log_tail(lines) or "(no log yet)")


# ------------------------------------------------------------------------ db
@main.group()
def db() -> None:
    """Create the schema and inspect the graph."""


@db.command("init")
@click.pass_context
def db_init(ctx: click.Context) -> None:
    """Create constraints and indexes (safe to run again)."""
    from jobgraph.graph.schema import apply_schema

    settings = _settings(ctx)
    with _driver(ctx) as driver:
        report = apply_schema(driver, settings.neo4j_database)
    click.echo(
        f"schema ready: {len(report.created)} created, {len(report.existing)} already present"
    )


@db.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def db_status(ctx: click.Context, as_json: bool) -> None:
    """Print node counts by label and relationship counts by type."""
    from jobgraph.graph.schema import graph_counts, schema_objects

    settings = _settings(ctx)
    with _driver(ctx) as driver:
        counts = graph_counts(driver, settings.neo4j_database)
        objects = schema_objects(driver, settings.neo4j_database)
    if as_json:
        _echo_json({**counts, "indexes": objects})
        return
    click.echo(f"indexes and constraints: {len(objects)} "
               f"({sum(1 for o in objects if o['state'] == 'ONLINE')} online)")
    click.echo("nodes:")
    for label, count in counts["nodes"].items() or [("(none)", 0)]:
        click.echo(f"  {label:<24}{count:>10,}")
    click.echo("relationships:")
    for rel_type, count in counts["relationships"].items() or [("(none)", 0)]:
        click.echo(f"  {rel_type:<24}{count:>10,}")


@db.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def db_reset(ctx: click.Context, yes: bool) -> None:
    """Delete every node and relationship (the schema stays)."""
    from jobgraph.graph.schema import delete_all

    if not yes:
        click.confirm("Delete everything in the graph?", abort=True)
    with _driver(ctx) as driver:
        delete_all(driver, _settings(ctx).neo4j_database)
    click.echo("graph emptied")


if __name__ == "__main__":  # pragma: no cover
    main()
