"""The ``jobgraph`` command line: one module per command group.

This is a composition root: it reads the settings, opens the driver and hands
both to the stage functions. A :class:`JobgraphError` is printed on one line
(``error: ...``) with exit status 1, never as a traceback.
"""

from __future__ import annotations

import click

from jobgraph.cli.api import API_COMMANDS
from jobgraph.cli.careers import careers
from jobgraph.cli.common import JobgraphGroup, echo_json, settings_of
from jobgraph.cli.cypher import cypher
from jobgraph.cli.db import db
from jobgraph.cli.documents import documents, parse_command, synth_command
from jobgraph.cli.embed import embed
from jobgraph.cli.evaluate import evaluate
from jobgraph.cli.evaluate_match import EVAL_MATCH_COMMANDS
from jobgraph.cli.gnn import GNN_EMBED_COMMANDS, graph, train_command
from jobgraph.cli.ingest import ingest
from jobgraph.cli.match import MATCH_COMMANDS
from jobgraph.cli.neo4j_server import neo4j
from jobgraph.cli.taxonomy import taxonomy
from jobgraph.config import Settings


@click.group(cls=JobgraphGroup)
@click.version_option(package_name="jobgraph")
@click.pass_context
def main(ctx: click.Context) -> None:
    """jobgraph: knowledge-graph-backed job matching with explained results."""
    ctx.obj = Settings.from_env()


@main.command("config")
@click.pass_context
def show_config(ctx: click.Context) -> None:
    """Print the settings in force (secrets masked), as JSON."""
    echo_json(settings_of(ctx).to_dict())


for command in (
    neo4j,
    db,
    taxonomy,
    parse_command,
    synth_command,
    evaluate,
    ingest,
    graph,
    train_command,
):
    main.add_command(command)
for command in EVAL_MATCH_COMMANDS:  # `eval match|match-set|exposure` beside `eval parse`
    evaluate.add_command(command)
for command in GNN_EMBED_COMMANDS:  # `embed import|candidate|posting` beside `embed text`
    embed.add_command(command)
main.add_command(careers)
main.add_command(cypher)
main.add_command(documents)
main.add_command(embed)
for command in MATCH_COMMANDS:  # `match`, `explain`, `advice`
    main.add_command(command)
for command in API_COMMANDS:  # `serve` and `apikey`
    main.add_command(command)

__all__ = ["main"]
