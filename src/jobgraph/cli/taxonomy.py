"""``jobgraph taxonomy``: load, import, search and count the vocabulary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from jobgraph.cli.common import echo_json, open_driver_for, settings_of

if TYPE_CHECKING:
    from jobgraph.taxonomy.lookup import TaxonomyLookup
    from jobgraph.taxonomy.model import Taxonomy


TAXONOMY_CHOICES = ["builtin", "graph"]


def taxonomy_in_force(ctx: click.Context, choice: str) -> Taxonomy:
    """The taxonomy to parse with: ``"builtin"``, or ``"graph"`` (built-in plus imports)."""
    from jobgraph.taxonomy.builtin import builtin_taxonomy

    if choice == "builtin":
        return builtin_taxonomy()
    import time

    from jobgraph.graph.taxonomy_snapshot import taxonomy_in_force_cached

    started = time.monotonic()
    settings = settings_of(ctx)
    with open_driver_for(ctx) as driver:
        taxonomy, origin = taxonomy_in_force_cached(
            driver, snapshot_dir(ctx), settings.neo4j_database
        )
    click.echo(
        f"taxonomy {taxonomy.version} from the {origin} in {time.monotonic() - started:.1f}s",
        err=True,
    )
    return taxonomy


def snapshot_dir(ctx: click.Context) -> Path:
    """Where compiled taxonomy snapshots live: ``<data dir>/taxonomy``."""
    return settings_of(ctx).data_dir / "taxonomy"


def _write_snapshot(ctx: click.Context, driver: Any) -> None:
    import time

    from jobgraph.graph.taxonomy_snapshot import refresh_taxonomy_snapshot

    started = time.monotonic()
    taxonomy, path = refresh_taxonomy_snapshot(
        driver, snapshot_dir(ctx), settings_of(ctx).neo4j_database
    )
    where = f"snapshot {path}" if path else "no snapshot needed (nothing imported)"
    click.echo(
        f"taxonomy in force {taxonomy.version}: {len(taxonomy.skills):,} skills; {where} "
        f"({time.monotonic() - started:.0f}s)"
    )
    if path is not None:  # so that even the first parse or ingest worker loads it
        from jobgraph.taxonomy.lookup_cache import cached_lookup

        started = time.monotonic()
        cached_lookup(snapshot_dir(ctx), taxonomy)
        click.echo(f"skill lookup built and cached beside it ({time.monotonic() - started:.0f}s)")


def lookup_in_force(ctx: click.Context, choice: str) -> TaxonomyLookup:
    """A lookup over :func:`taxonomy_in_force`, built once per process (or read from its cache)."""
    from jobgraph.parse.pipeline import lookup_for

    return lookup_for(taxonomy_in_force(ctx, choice), cache_dir=snapshot_dir(ctx))


@click.group()
def taxonomy() -> None:
    """The skills and occupations vocabulary: built-in, ESCO and O*NET."""


@taxonomy.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--graph", "in_graph", is_flag=True, help="Also count what the graph holds.")
@click.pass_context
def taxonomy_stats(ctx: click.Context, as_json: bool, in_graph: bool) -> None:
    """Count the built-in taxonomy's entries (and, with --graph, the graph's)."""
    from jobgraph.taxonomy.builtin import builtin_taxonomy

    result: dict[str, Any] = {"builtin": builtin_taxonomy().stats()}
    if in_graph:
        from jobgraph.graph.taxonomy_writer import taxonomy_counts

        with open_driver_for(ctx) as driver:
            result["graph"] = taxonomy_counts(driver, settings_of(ctx).neo4j_database)
    if as_json:
        echo_json(result)
        return
    for section, values in result.items():
        click.echo(f"{section}:")
        for key, value in values.items():
            click.echo(f"  {key:<20}{value}")


@taxonomy.command("search")
@click.argument("text")
@click.option("--limit", default=10, show_default=True, help="How many results per kind.")
@click.option("--semantic", is_flag=True, help="Fall back to MiniLM embeddings.")
def taxonomy_search(text: str, limit: int, semantic: bool) -> None:
    """Look TEXT up among built-in skills and occupations."""
    from jobgraph.taxonomy.builtin import builtin_taxonomy
    from jobgraph.taxonomy.lookup import TaxonomyLookup

    encoder = None
    if semantic:
        from jobgraph.embed.text_encoder import MiniLMEncoder

        encoder = MiniLMEncoder()
    lookup = TaxonomyLookup(builtin_taxonomy(), encoder=encoder)
    for heading, results in (
        ("skills", lookup.search_skills(text, limit)),
        ("occupations", lookup.search_occupations(text, limit)),
    ):
        click.echo(f"{heading}:")
        for result in results or []:
            click.echo(
                f"  {result.confidence:4.2f}  {result.name}  [{result.id}] ({result.method})"
            )
        if not results:
            click.echo("  (no match)")


@taxonomy.command("load")
@click.pass_context
def taxonomy_load(ctx: click.Context) -> None:
    """Write the built-in taxonomy into the graph (idempotent)."""
    from jobgraph.graph.schema import apply_schema
    from jobgraph.graph.taxonomy_writer import write_taxonomy
    from jobgraph.taxonomy.builtin import builtin_taxonomy

    with open_driver_for(ctx) as driver:
        apply_schema(driver, settings_of(ctx).neo4j_database)  # MERGE needs the id constraints
        # one transaction, as ingest loads it: a load stopped midway leaves nothing that
        # a later ingest could take for the whole taxonomy
        counts = write_taxonomy(
            driver, builtin_taxonomy(), database=settings_of(ctx).neo4j_database, atomic=True
        )
        _write_snapshot(ctx, driver)
    click.echo("built-in taxonomy loaded: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))


@taxonomy.group("import")
def taxonomy_import() -> None:
    """Import an official taxonomy export into the graph."""


def _import(ctx: click.Context, source: str, directory: str) -> None:
    import time

    from jobgraph.graph.taxonomy_writer import ensure_builtin_taxonomy, write_taxonomy
    from jobgraph.taxonomy.builtin import builtin_taxonomy
    from jobgraph.taxonomy.esco import load_esco
    from jobgraph.taxonomy.linking import link_same_as
    from jobgraph.taxonomy.onet import load_onet

    started = time.monotonic()
    loader = load_esco if source == "esco" else load_onet
    imported = loader(Path(directory), progress=True)
    parsed = time.monotonic() - started
    builtin = builtin_taxonomy()
    imported.same_as.extend(link_same_as(builtin, imported))
    database = settings_of(ctx).neo4j_database
    with open_driver_for(ctx) as driver:
        ensure_builtin_taxonomy(driver, database)
        counts = write_taxonomy(driver, imported, database=database, progress=True)
        click.echo(
            f"{source} imported in {time.monotonic() - started:.0f}s (read {parsed:.0f}s): "
            + ", ".join(f"{k} {v:,}" for k, v in counts.items())
        )
        _write_snapshot(ctx, driver)


@taxonomy_import.command("esco")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.pass_context
def taxonomy_import_esco(ctx: click.Context, directory: str) -> None:
    """Import an ESCO CSV export (occupations_en.csv, skills_en.csv, ...) from DIRECTORY."""
    _import(ctx, "esco", directory)


@taxonomy_import.command("onet")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.pass_context
def taxonomy_import_onet(ctx: click.Context, directory: str) -> None:
    """Import O*NET database tables (Occupation Data, Technology Skills, ...) from DIRECTORY."""
    _import(ctx, "onet", directory)
