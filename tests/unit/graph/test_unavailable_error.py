"""Driver errors meaning "the server went away" become one clear CLI line."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner
from neo4j.exceptions import (
    ConstraintError,
    IncompleteCommit,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from jobgraph.cli.common import JobgraphGroup
from jobgraph.errors import GraphUnavailableError
from jobgraph.graph.connection import unavailable_error


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (ServiceUnavailable("Failed to read from defunct connection\nIPv4Address"), "lost the"),
        (SessionExpired("Connection reset"), "lost the connection"),
        (IncompleteCommit("Connection lost during commit"), "being committed"),
        (TransientError("Database unavailable"), "temporarily unavailable"),
    ],
)
def test_outages_are_translated(error: Exception, words: str) -> None:
    translated = unavailable_error(error)
    assert isinstance(translated, GraphUnavailableError)
    message = str(translated)
    assert words in message
    assert "\n" not in message
    assert "whole or not at all" in message and "re-run the same command" in message
    assert type(error).__name__ in message


def test_other_errors_are_left_alone() -> None:
    assert unavailable_error(ConstraintError("already exists")) is None
    assert unavailable_error(ValueError("x")) is None


def _group_raising(error: Exception) -> click.Group:
    @click.group(cls=JobgraphGroup)
    def main() -> None:
        """Test group."""

    @main.command()
    def work() -> None:
        raise error

    return main


def test_cli_prints_one_line_and_exits_1() -> None:
    result = CliRunner().invoke(_group_raising(SessionExpired("gone")), ["work"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: lost the connection to Neo4j")


def test_cli_lets_real_bugs_surface() -> None:
    result = CliRunner().invoke(_group_raising(ConstraintError("dup")), ["work"])
    assert isinstance(result.exception, ConstraintError)
