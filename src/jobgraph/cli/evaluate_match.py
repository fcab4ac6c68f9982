"""``jobgraph eval match``, ``eval match-set`` and ``eval exposure``: matching quality.

The commands are added to the ``eval`` group by :data:`EVAL_MATCH_COMMANDS`.
``eval match`` is a composition root for a *scratch* graph: by default it runs
its own throw-away Neo4j (temporary folder, free port) and removes it
afterwards, so the user's graph is never touched.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from neo4j import Driver

from jobgraph.cli.common import echo_json, settings_of
from jobgraph.config import Settings
from jobgraph.errors import ConfigError

DOCUMENT_LABELS = ("Candidate", "Posting")
# A labelled set is small: the scratch server needs far less than a working graph.
SCRATCH_HEAP = "1g"
SCRATCH_PAGECACHE = "512m"


@contextmanager
def scratch_graph(settings: Settings, uri: str | None, *, reset: bool) -> Iterator[Driver]:
    """A driver on a scratch database: the server at ``uri``, else a throw-away local one.

    Raises:
        ConfigError: The given server already holds documents and ``reset`` is off.
    """
    from jobgraph.graph.connection import connect, open_driver
    from jobgraph.graph.schema import apply_schema, delete_all, graph_counts

    database = settings.neo4j_database
    if uri:
        driver = open_driver(settings.with_overrides(neo4j_uri=uri))
        try:
            nodes = graph_counts(driver, database)["nodes"]
            documents = sum(nodes.get(label, 0) for label in DOCUMENT_LABELS)
            if documents and not reset:
                raise ConfigError(
                    f"{uri} already holds {documents} resumes/postings; eval match writes "
                    "its documents there, so give it a scratch server or pass --reset-scratch "
                    "to empty this one first"
                )
            if reset:
                delete_all(driver, database)
            apply_schema(driver, database)
            yield driver
        finally:
            driver.close()
        return
    from jobgraph.graph.local_server import LocalNeo4j
    from jobgraph.graph.neo4j_install import find_java, install

    java = find_java(settings.java)
    installation = install(settings.neo4j_install_dir, settings.neo4j_version, java=java)
    with tempfile.TemporaryDirectory(prefix="jobgraph-eval-neo4j-") as folder:
        server = LocalNeo4j(
            Path(folder),
            installation,
            java=java,
            port=0,
            heap=SCRATCH_HEAP,
            pagecache=SCRATCH_PAGECACHE,
            auth=True,
            start_timeout=settings.neo4j_start_timeout,
        )
        click.echo("starting a scratch Neo4j server…", err=True)
        server.start()
        try:
            driver = connect(server.recorded_uri() or "", server.credentials())
            try:
                apply_schema(driver, database)
                yield driver
            finally:
                driver.close()
        finally:
            server.stop()


def _methods(values: tuple[str, ...]) -> list[str]:
    return [m.strip() for value in values for m in value.split(",") if m.strip()]


@click.command("match")
@click.argument("pairs", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--methods",
    "method_values",
    multiple=True,
    help="Methods, comma-separated or repeated: tfidf, bm25, text, graph, gnn, hybrid, "
    "hybrid-fitted (default: all; hybrid-fitted only with --weights).",
)
@click.option(
    "--neo4j-uri",
    default=None,
    help="A scratch Neo4j to ingest into (NEO4J_USER / NEO4J_PASSWORD); "
    "default: a throw-away local server.",
)
@click.option("--reset-scratch", is_flag=True, help="Empty the --neo4j-uri database first.")
@click.option(
    "--weights",
    "weights_path",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Weights file (match fit-weights) for hybrid-fitted.",
)
@click.option("--relevant", type=int, default=None, help="Lowest relevant grade (default 2).")
@click.option("--bootstrap", "samples", default=1000, show_default=True, help="Resamples.")
@click.option("--gnn-epochs", default=100, show_default=True, help="Scratch GNN epochs (0: none).")
@click.option(
    "--scores-out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write every pair's score per method (JSONL).",
)
@click.option("--per-group", is_flag=True, help="With --json: every group's metrics too.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
@click.pass_context
def eval_match(
    ctx: click.Context,
    pairs: str,
    method_values: tuple[str, ...],
    neo4j_uri: str | None,
    reset_scratch: bool,
    weights_path: str | None,
    relevant: int | None,
    samples: int,
    gnn_epochs: int,
    scores_out: str | None,
    per_group: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Rank each resume's and each posting's judged pairs with every method; report metrics."""
    from contextlib import nullcontext

    from jobgraph.cli.embed import text_encoder_for, vector_cache_for
    from jobgraph.embed.text_encoder import default_device
    from jobgraph.evaluation.matching.evaluate import (
        check_methods,
        default_methods,
        evaluate_match,
    )
    from jobgraph.evaluation.matching.pairs import read_pairs
    from jobgraph.evaluation.matching.report import format_match_report
    from jobgraph.evaluation.matching.runner import GRAPH_METHODS, score_rows

    settings = settings_of(ctx)
    weights = Path(weights_path) if weights_path else None
    chosen = _methods(method_values)
    methods = check_methods(chosen, weights) if chosen else default_methods(weights)
    graded = read_pairs(Path(pairs))
    needs_graph = any(m in GRAPH_METHODS for m in methods)
    encoder = text_encoder_for(settings)
    with (
        vector_cache_for(settings) as cache,
        (
            scratch_graph(settings, neo4j_uri, reset=reset_scratch)
            if needs_graph
            else nullcontext()
        ) as driver,
    ):
        result, scores = evaluate_match(
            graded,
            methods,
            name=pairs,
            driver=driver,
            database=settings.neo4j_database,
            weights_path=weights,
            encoder=encoder,
            cache=cache,
            gnn_epochs=gnn_epochs,
            device=default_device() if settings.device == "auto" else settings.device,
            relevant=relevant,
            samples=samples,
            per_group=per_group,
            progress=not quiet,
        )
    if scores_out:
        target = Path(scores_out)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as handle:
            for row in score_rows(scores):
                handle.write(json.dumps(row) + "\n")
    if as_json:
        echo_json(result)
    else:
        click.echo(format_match_report(result))


@click.command("match-set")
@click.argument("which", type=click.Choice(["handwritten", "synthetic", "real"]))
@click.argument("source", required=False, type=click.Path(exists=True, file_okay=False))
@click.option(
    "--out",
    type=click.Path(),
    default=None,
    help="Output: handwritten, a folder (default: data/labelled/handwritten); "
    "synthetic and real, the pairs file (default: SOURCE/pairs.jsonl, build/labelled/real.jsonl).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def eval_match_set(which: str, source: str | None, out: str | None, as_json: bool) -> None:
    """Write a labelled set for eval match: hand-written, a synthetic corpus's, or the real one.

    SOURCE: the facts folder (handwritten), the corpus folder from `jobgraph synth`
    (synthetic), or the shared data folder (real; default ../shared/data).
    """
    from jobgraph.evaluation.matching import sets

    if which == "handwritten":
        summary = sets.build_handwritten(source, out)
    elif which == "synthetic":
        if source is None:
            raise click.UsageError("synthetic needs SOURCE: a corpus folder from `jobgraph synth`")
        summary = sets.build_synthetic(Path(source), Path(out) if out else None)
    else:
        summary = sets.build_real(Path(source) if source else None, Path(out) if out else None)
    if as_json:
        echo_json(summary)
    else:
        click.echo(", ".join(f"{k}: {v}" for k, v in summary.items()))


@click.command("exposure")
@click.option("--posting", "posting_ids", multiple=True, help="Posting id to audit (repeatable).")
@click.option("--sample", default=50, show_default=True, help="Postings drawn when none given.")
@click.option("--limit", default=10, show_default=True, help="Recommendations per posting.")
@click.option(
    "--threshold",
    default=0.5,
    show_default=True,
    help="Required-skill credit from which a candidate counts as qualified.",
)
@click.option("--seed", default=7, show_default=True, help="Seed of the posting sample.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def eval_exposure(
    ctx: click.Context,
    posting_ids: tuple[str, ...],
    sample: int,
    limit: int,
    threshold: float,
    seed: int,
    as_json: bool,
) -> None:
    """Exposure of candidate groups in posting -> candidate recommendations vs qualified shares."""
    from jobgraph.cli.common import open_driver_for
    from jobgraph.evaluation.matching.exposure import exposure_audit, format_exposure

    settings = settings_of(ctx)
    with open_driver_for(ctx) as driver:
        result = exposure_audit(
            driver,
            database=settings.neo4j_database,
            postings=list(posting_ids) or None,
            sample=sample,
            limit=limit,
            threshold=threshold,
            seed=seed,
            progress=not as_json,
        )
    if as_json:
        echo_json(result)
    else:
        click.echo(format_exposure(result))


EVAL_MATCH_COMMANDS = (eval_match, eval_match_set, eval_exposure)
