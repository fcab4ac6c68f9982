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


# ------------------------------------------------------------------ taxonomy
@main.group()
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

        with _driver(ctx) as driver:
            result["graph"] = taxonomy_counts(driver, _settings(ctx).neo4j_database)
    if as_json:
        _echo_json(result)
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
    from jobgraph.graph.taxonomy_writer import write_taxonomy
    from jobgraph.taxonomy.builtin import builtin_taxonomy

    with _driver(ctx) as driver:
        counts = write_taxonomy(
            driver, builtin_taxonomy(), database=_settings(ctx).neo4j_database, progress=True
        )
    click.echo("built-in taxonomy loaded: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))


@taxonomy.group("import")
def taxonomy_import() -> None:
    """Import an official taxonomy export into the graph."""


def _import(ctx: click.Context, source: str, directory: str) -> None:
    import time
    from pathlib import Path

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
    database = _settings(ctx).neo4j_database
    with _driver(ctx) as driver:
        ensure_builtin_taxonomy(driver, database)
        counts = write_taxonomy(driver, imported, database=database, progress=True)
    click.echo(
        f"{source} imported in {time.monotonic() - started:.0f}s (read {parsed:.0f}s): "
        + ", ".join(f"{k} {v:,}" for k, v in counts.items())
    )


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


# --------------------------------------------------------------------- parse
@main.command("parse")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(["resume", "posting"]),
    default="resume",
    show_default=True,
    help="What the document is.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the whole record as JSON.")
@click.option("--no-pii", is_flag=True, help="Leave the contact block out (resumes).")
def parse_command(file: str, kind: str, as_json: bool, no_pii: bool) -> None:
    """Parse FILE into a typed record (nothing is written to the graph)."""
    from pathlib import Path

    from jobgraph.parse import parse_posting_file, parse_resume_file
    from jobgraph.parse.records import ResumeRecord

    record = (parse_resume_file if kind == "resume" else parse_posting_file)(Path(file))
    if isinstance(record, ResumeRecord) and no_pii:
        record = record.without_pii()
    document = record.to_dict()
    if as_json:
        _echo_json(document)
        return
    document.pop("text", None)
    for key, value in document.items():
        if value in (None, [], "", {}):
            continue
        if key == "skills":
            value = ", ".join(
                f"{s['name']}" + (f" ({s['years']:g}y)" if s.get("years") else "")
                + (f" [{s['importance']}]" if s.get("importance") else "")
                for s in value
            )
        elif key == "experience":
            value = "; ".join(
                f"{j.get('title')} @ {j.get('employer')} {j.get('start')}–{j.get('end') or 'now'}"
                for j in value
            )
        click.echo(f"{key:>24}: {value}")


# --------------------------------------------------------------------- synth
@main.command("synth")
@click.option("--candidates", default=300, show_default=True, help="Resumes to write.")
@click.option("--postings", default=300, show_default=True, help="Postings to write.")
@click.option("--seed", default=7, show_default=True, help="Random seed (same seed, same corpus).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True)
@click.option(
    "--formats", default="txt,docx,pdf", show_default=True, help="Resume formats to mix."
)
@click.option("--demo", is_flag=True, help="The demo corpus: synthetic plus hand-written.")
def synth_command(
    candidates: int, postings: int, seed: int, out_dir: str, formats: str, demo: bool
) -> None:
    """Write a synthetic corpus of resumes and postings with ground truth."""
    from pathlib import Path

    from jobgraph.synth import build_demo_corpus, generate_corpus

    if demo:
        summary = build_demo_corpus(Path(out_dir))
    else:
        summary = generate_corpus(
            Path(out_dir),
            candidates=candidates,
            postings=postings,
            seed=seed,
            formats=tuple(f.strip() for f in formats.split(",") if f.strip()),
        )
    click.echo(f"corpus written to {out_dir}")
    _echo_json(summary.as_dict())


# ---------------------------------------------------------------------- eval
@main.group("eval")
def evaluate() -> None:
    """Measure parsing and matching quality."""


@evaluate.command("parse")
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Gold set folder (default: eval/gold in the source tree).",
)
@click.option(
    "--data-dir",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Real data (Indeed spans, DOCX resumes, postings CSVs); default ../shared/data.",
)
@click.option("--no-indeed", is_flag=True, help="Skip scoring the Indeed span file.")
@click.option("--no-crash-scan", is_flag=True, help="Skip parsing every real file.")
@click.option("--crash-limit", type=int, default=None, help="Documents per crash-scan source.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def eval_parse(
    gold_dir: str | None,
    data_dir: str | None,
    no_indeed: bool,
    no_crash_scan: bool,
    crash_limit: int | None,
    as_json: bool,
) -> None:
    """Precision / recall / F1 of the parsers per field, on the gold set and real data."""
    from pathlib import Path

    from jobgraph.parse.evaluation import format_report, run_parse_evaluation

    result = run_parse_evaluation(
        Path(gold_dir) if gold_dir else None,
        Path(data_dir) if data_dir else None,
        indeed=not no_indeed,
        crash=not no_crash_scan,
        crash_limit=crash_limit,
    )
    if as_json:
        _echo_json(result)
    else:
        click.echo(format_report(result))


# -------------------------------------------------------------------- ingest
@main.group()
def ingest() -> None:
    """Parse documents and write them into the graph (idempotent)."""


def _ingest_options(function: F) -> F:
    options = [
        click.argument("paths", nargs=-1, required=True),
        click.option("--workers", type=int, default=None, help="Parser processes (default: CPUs)."),
        click.option("--batch-size", default=500, show_default=True, help="Records per write."),
        click.option("--text-column", default=None, help="CSV column with the document text."),
        click.option("--id-column", default=None, help="CSV column with a stable id."),
        click.option(
            "--failures",
            type=click.Path(dir_okay=False),
            default="ingest-failures.jsonl",
            show_default=True,
            help="JSONL file listing failed documents (written only on failure).",
        ),
        click.option("--json", "as_json", is_flag=True, help="Print the report as JSON."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _run_ingest(ctx: click.Context, kind: str, paths: tuple[str, ...], **options: Any) -> None:
    from pathlib import Path

    from jobgraph.ingest.pipeline import ingest as run
    from jobgraph.ingest.sources import discover

    items = list(
        discover(
            paths,
            text_column=options["text_column"],
            id_column=options["id_column"],
            title_column=options.get("title_column"),
        )
    )
    with _driver(ctx) as driver:
        report = run(
            driver,
            items,
            kind,  # type: ignore[arg-type]
            database=_settings(ctx).neo4j_database,
            workers=options["workers"],
            batch_size=options["batch_size"],
            with_pii=options.get("with_pii", False),
            failures_path=Path(options["failures"]),
        )
    if options["as_json"]:
        _echo_json({**report.to_dict(), "failures": [vars(f) for f in report.failed[:100]]})
        return
    click.echo(
        f"{kind}s: {report.ingested:,} ingested, {report.unchanged:,} unchanged, "
        f"{len(report.failed):,} failed in {report.seconds:.1f}s "
        f"({report.relationships:,} relationships written)"
    )
    for failure in report.failed[:10]:
        click.echo(f"  failed: {failure.source}: {failure.reason}", err=True)
    if len(report.failed) > 10:
        click.echo(f"  … {len(report.failed) - 10} more", err=True)
    if report.failed:
        click.echo(f"failures listed in {options['failures']}", err=True)


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


if __name__ == "__main__":  # pragma: no cover
    main()
