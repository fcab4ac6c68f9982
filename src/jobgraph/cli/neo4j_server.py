"""``jobgraph neo4j``: install, start, stop and inspect the local server."""

from __future__ import annotations

import sys
from typing import Any

import click

from jobgraph.cli.common import echo_json, human_bytes, settings_of


@click.group()
def neo4j() -> None:
    """Install and run the local Neo4j server (unused when NEO4J_URI is set)."""


def _local(ctx: click.Context, port: int | None = None) -> Any:
    from jobgraph.graph.connection import local_server

    settings = settings_of(ctx)
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

    settings = settings_of(ctx)
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
        f"({human_bytes(installation.size_bytes())}, {time.monotonic() - started:.0f}s)"
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
        echo_json(status.to_dict())
        return
    click.echo(f"state:   {status.state}")
    if status.pid:
        click.echo(f"pid:     {status.pid}")
    if status.uri:
        click.echo(f"uri:     {status.uri}")
    if status.version:
        click.echo(f"version: {status.version}")
    click.echo(f"home:    {status.home}")
    click.echo(f"store:   {human_bytes(status.store_bytes)}")
    if status.state != "running":
        sys.exit(0 if status.state == "stopped" else 3)


@neo4j.command("logs")
@click.option("-n", "--lines", default=40, show_default=True, help="How many lines.")
@click.pass_context
def neo4j_logs(ctx: click.Context, lines: int) -> None:
    """Print the end of the local server's console log."""
    click.echo(_local(ctx).log_tail(lines) or "(no log yet)")
