"""Helpers every command group shares: settings, the driver, output, errors."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError

from jobgraph.config import Settings
from jobgraph.errors import JobgraphError

F = TypeVar("F", bound=Callable[..., Any])


def settings_of(ctx: click.Context) -> Settings:
    """The settings main() put on the context."""
    settings = ctx.find_object(Settings)
    if settings is None:  # pragma: no cover - main() always sets it
        settings = Settings.from_env()
    return settings


@contextmanager
def open_driver_for(ctx: click.Context) -> Iterator[Driver]:
    """Open the driver the settings ask for; closed when the block ends."""
    from jobgraph.graph.connection import open_driver

    driver = open_driver(settings_of(ctx))
    try:
        yield driver
    finally:
        driver.close()


def echo_json(value: Any) -> None:
    """Print ``value`` as indented, key-sorted JSON."""
    click.echo(json.dumps(value, indent=2, sort_keys=True, default=str))


def human_bytes(size: int) -> str:
    """``1536`` -> ``"1.5 KiB"``."""
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.1f} {unit}" if unit != "B" else f"{int(value)} B"
        value /= 1024
    return f"{value:.1f} GiB"  # pragma: no cover


class JobgraphGroup(click.Group):
    """A group that turns JobgraphError, and a lost Neo4j connection, into one line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JobgraphError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(1)
        except (DriverError, Neo4jError) as error:
            from jobgraph.graph.connection import unavailable_error

            translated = unavailable_error(error)
            if translated is None:
                raise
            click.echo(f"error: {translated}", err=True)
            ctx.exit(1)
