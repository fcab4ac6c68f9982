"""``jobgraph embed``: text and graph vectors on the graph's nodes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from jobgraph.cli.common import echo_json, open_driver_for, settings_of

if TYPE_CHECKING:
    from jobgraph.config import Settings
    from jobgraph.embed.cache import VectorCache
    from jobgraph.embed.text_encoder import MiniLMEncoder


def text_encoder_for(settings: Settings) -> MiniLMEncoder:
    """The MiniLM encoder on the device the settings choose (``auto``: cuda if present)."""
    from jobgraph.embed.text_encoder import MiniLMEncoder

    return MiniLMEncoder(device=None if settings.device == "auto" else settings.device)


def vector_cache_for(settings: Settings) -> VectorCache:
    """The persistent text-vector cache under the settings' data folder."""
    from jobgraph.embed.cache import VectorCache

    return VectorCache(settings.data_dir / "vectors" / "minilm.sqlite")


@click.group()
def embed() -> None:
    """Text and graph vectors."""


@embed.command("text")
@click.option("--all", "everything", is_flag=True, help="Recompute every vector, not only missing.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_context
def embed_text(ctx: click.Context, everything: bool, as_json: bool) -> None:
    """Fill text_embedding on skills, occupations, candidates and postings."""
    import time

    from jobgraph.embed.text_features import embed_text_features

    settings = settings_of(ctx)
    started = time.monotonic()
    with open_driver_for(ctx) as driver, vector_cache_for(settings) as cache:
        counts = embed_text_features(
            driver,
            database=settings.neo4j_database,
            encoder=text_encoder_for(settings),
            cache=cache,
            only_missing=not everything,
            progress=not as_json,
        )
    seconds = time.monotonic() - started
    if as_json:
        echo_json({"written": counts, "seconds": round(seconds, 2)})
        return
    for label, count in counts.items():
        click.echo(f"  {label:<12}{count:>10,} text vectors written")
    click.echo(f"done in {seconds:.1f}s")
