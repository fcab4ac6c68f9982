"""``jobgraph ingest``: documents into the graph."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

import click
from neo4j import Driver

from jobgraph.cli.common import F, echo_json, open_driver_for, settings_of
from jobgraph.config import Settings
from jobgraph.ingest.documents import Record


@click.group()
def ingest() -> None:
    """Parse documents and write them into the graph (idempotent)."""


def _ingest_options(function: F) -> F:
    options = [
        click.argument("paths", nargs=-1, required=True),
        click.option("--workers", type=int, default=None, help="Parser processes (default: CPUs)."),
        click.option("--batch-size", default=500, show_default=True, help="Records per write."),
        click.option(
            "--text-column",
            multiple=True,
            help="CSV column with the document text; repeat to join several, each under "
            "its name (default: a text/description column, else every long-text column).",
        ),
        click.option("--id-column", default=None, help="CSV column with a stable id."),
        click.option(
            "--failures",
            type=click.Path(dir_okay=False),
            default=None,
            help="JSONL file listing failed documents, written only on failure "
            "(default: resume-failures.jsonl or posting-failures.jsonl, one per kind, "
            "so ingesting postings never replaces the list of failed resumes).",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print the report as JSON."),
        click.option(
            "--taxonomy",
            "taxonomy_choice",
            type=click.Choice(["graph", "builtin"]),
            default="graph",
            show_default=True,
            help="Vocabulary to link skills with: the graph's (built-in plus any "
            "ESCO / O*NET import) or the built-in one alone.",
        ),
        click.option(
            "--no-vectors",
            is_flag=True,
            help="Skip text vectors (fill later: jobgraph embed text).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


AfterWrite = Callable[[list[Record]], None]


def _gnn_hook(driver: Driver, settings: Settings) -> AfterWrite:
    """GNN vectors for each written batch, once `jobgraph train` has made a model."""
    from jobgraph.cli.gnn import model_dir
    from jobgraph.embed.pipeline import MODEL_FILE, InductiveIngestHook

    return InductiveIngestHook(
        driver, model_dir(settings) / MODEL_FILE, database=settings.neo4j_database
    )


def _then(first: AfterWrite, second: AfterWrite) -> AfterWrite:
    """One ``after_write`` callback running two in order."""

    def both(records: list[Record]) -> None:
        first(records)
        second(records)

    return both


def _run_ingest(ctx: click.Context, kind: str, paths: tuple[str, ...], **options: Any) -> None:
    from pathlib import Path

    from jobgraph.cli.taxonomy import snapshot_dir, taxonomy_in_force
    from jobgraph.ingest.pipeline import ingest as run
    from jobgraph.ingest.sources import discover

    failures = Path(options["failures"] or f"{kind}-failures.jsonl")
    items = list(
        discover(
            paths,
            text_column=options["text_column"] or None,
            id_column=options["id_column"],
            title_column=options.get("title_column"),
        )
    )
    settings = settings_of(ctx)
    with open_driver_for(ctx) as driver, ExitStack() as stack:
        vector_hook: AfterWrite | None = None
        if not options.get("no_vectors"):
            from jobgraph.cli.embed import text_encoder_for, vector_cache_for
            from jobgraph.embed.text_features import IngestVectorHook

            cache = stack.enter_context(vector_cache_for(settings))
            text_hook = IngestVectorHook(
                driver,
                database=settings.neo4j_database,
                encoder=text_encoder_for(settings),
                cache=cache,
            )
            # text vectors first: the GNN hook reads them back as its input
            vector_hook = _then(text_hook, _gnn_hook(driver, settings))
        report = run(
            driver,
            items,
            kind,  # type: ignore[arg-type]
            database=settings.neo4j_database,
            workers=options["workers"],
            batch_size=options["batch_size"],
            with_pii=options.get("with_pii", False),
            failures_path=failures,
            after_write=vector_hook,
            # The taxonomy in force, from its compiled snapshot when the graph's stamp matches.
            taxonomy=taxonomy_in_force(ctx, options["taxonomy_choice"]),
            lookup_cache=snapshot_dir(ctx),
        )
    if options["as_json"]:
        echo_json({**report.to_dict(), "failures": [vars(f) for f in report.failed[:100]]})
        return
    repeated = f"; {report.repeated:,} repeated an earlier id" if report.repeated else ""
    click.echo(
        f"{kind}s: {report.total:,} read: {report.ingested:,} ingested, "
        f"{report.unchanged:,} unchanged, {len(report.failed):,} failed{repeated} "
        f"in {report.seconds:.1f}s ({report.relationships:,} relationships written; "
        f"taxonomy {report.taxonomy_version})"
    )
    for failure in report.failed[:10]:
        click.echo(f"  failed: {failure.source}: {failure.reason}", err=True)
    if len(report.failed) > 10:
        click.echo(f"  … {len(report.failed) - 10} more", err=True)
    if report.failed:
        click.echo(f"failures listed in {failures}", err=True)


@ingest.command("resumes")
@_ingest_options
@click.option("--with-pii", is_flag=True, help="Also store contact details (Contact nodes).")
@click.pass_context
def ingest_resumes(ctx: click.Context, paths: tuple[str, ...], **options: Any) -> None:
    """Ingest resumes: files, folders, globs, JSONL or CSV."""
    _run_ingest(ctx, "resume", paths, **options)


@ingest.command("postings")
@_ingest_options
@click.option("--title-column", default=None, help="CSV column with the job title.")
@click.pass_context
def ingest_postings(ctx: click.Context, paths: tuple[str, ...], **options: Any) -> None:
    """Ingest job postings: files, folders, globs, JSONL or CSV."""
    _run_ingest(ctx, "posting", paths, **options)
