"""``jobgraph graph export``, ``jobgraph train`` and the GNN commands of ``jobgraph embed``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from jobgraph.cli.common import echo_json, open_driver_for, settings_of
from jobgraph.cli.embed import text_encoder_for, vector_cache_for
from jobgraph.config import Settings


def model_dir(settings: Settings) -> Path:
    """Where ``jobgraph train`` keeps the model, vectors and metrics by default."""
    return settings.data_dir / "models" / "gnn"


def _device(settings: Settings, requested: str | None) -> str:
    from jobgraph.embed.text_encoder import default_device

    choice = requested or settings.device
    return default_device() if choice == "auto" else choice


@click.group()
def graph() -> None:
    """Move the graph in and out of Neo4j."""


@graph.command("export")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--page-size", default=5_000, show_default=True, help="Rows per read.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def graph_export(ctx: click.Context, out: str, page_size: int, as_json: bool) -> None:
    """Write the graph as a PyG HeteroData snapshot to OUT (for training elsewhere)."""
    from jobgraph.embed.data import save_snapshot, snapshot_summary
    from jobgraph.embed.pipeline import export_graph

    settings = settings_of(ctx)
    with open_driver_for(ctx) as driver, vector_cache_for(settings) as cache:
        data = export_graph(
            driver,
            database=settings.neo4j_database,
            encoder=text_encoder_for(settings),
            cache=cache,
            page_size=page_size,
        )
    save_snapshot(data, Path(out))
    summary = snapshot_summary(data)
    if as_json:
        echo_json(summary)
        return
    click.echo(
        f"snapshot written to {out} (graph {summary['graph_digest']}, "
        f"taxonomy {summary['taxonomy_version']})"
    )
    click.echo("nodes: " + ", ".join(f"{t} {n:,}" for t, n in summary["nodes"].items()))
    click.echo(
        f"edge types: {len(summary['edges'])}, "
        f"edges: {sum(summary['edges'].values()):,} (reverses included)"
    )


@click.command("train")
@click.option(
    "--snapshot",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Train on this snapshot instead of exporting the graph now.",
)
@click.option(
    "--fit",
    "fit_path",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Graded candidate-posting pairs (JSONL), e.g. a synthetic corpus's truth/fit.jsonl.",
)
@click.option(
    "--documents",
    "document_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder with the ingested files, for the TF-IDF/MiniLM baselines "
    "(default: the corpus folder above --fit).",
)
@click.option(
    "--encoder",
    type=click.Choice(["sage", "lightgcn"]),
    default="sage",
    show_default=True,
    help="GNN family.",
)
@click.option("--epochs", default=400, show_default=True, help="Most epochs (early stopping).")
@click.option("--hidden", default=64, show_default=True, help="Vector width.")
@click.option("--layers", default=2, show_default=True, help="Message-passing layers.")
@click.option("--lr", default=0.005, show_default=True, help="Learning rate.")
@click.option("--seed", default=7, show_default=True, help="Seed of split, sampling and weights.")
@click.option("--patience", default=100, show_default=True, help="Epochs without a better val.")
@click.option("--eval-every", default=10, show_default=True, help="Epochs between validations.")
@click.option(
    "--checkpoint-every", default=10, show_default=True, help="Epochs between checkpoints."
)
@click.option("--device", default=None, help="cpu, cuda, cuda:1 (default: settings, auto).")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Where model, vectors and metrics go (default: DATA_DIR/models/gnn).",
)
@click.option("--no-write", is_flag=True, help="Do not write the vectors to Neo4j.")
@click.option("--no-baselines", is_flag=True, help="Skip the TF-IDF and MiniLM comparison.")
@click.option(
    "--resume",
    is_flag=True,
    help="Continue a killed run from the checkpoint in --out (same data and options; "
    "without it a left-over checkpoint is replaced).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.pass_context
def train_command(
    ctx: click.Context,
    snapshot: str | None,
    fit_path: str | None,
    out_dir: str | None,
    no_write: bool,
    no_baselines: bool,
    resume: bool,
    as_json: bool,
    device: str | None,
    document_dirs: tuple[str, ...],
    **hyper: Any,
) -> None:
    """Train the GNN by link prediction, then write every node's vector to the graph."""
    from jobgraph.embed.data import load_snapshot
    from jobgraph.embed.distributed import init_from_env, shutdown
    from jobgraph.embed.pipeline import (
        EMBEDDINGS_FILE,
        export_graph,
        train_model,
        write_gnn_vectors,
    )
    from jobgraph.embed.train import TrainConfig

    settings = settings_of(ctx)
    out = Path(out_dir) if out_dir else model_dir(settings)
    config = TrainConfig(**hyper)
    rank, world, chosen_device = init_from_env(_device(settings, device))
    if world > 1 and not snapshot:
        raise click.UsageError("under torchrun, pass --snapshot (export it once beforehand)")
    if rank == 0:
        _say_what_happens_to_the_checkpoint(out, resume)
    encoder = text_encoder_for(settings)
    cache = vector_cache_for(settings)
    if snapshot:
        data = load_snapshot(Path(snapshot))
    else:
        with open_driver_for(ctx) as driver:
            data = export_graph(
                driver, database=settings.neo4j_database, encoder=encoder, cache=cache
            )
    try:
        metrics = train_model(
            data,
            config,
            out,
            fit_path=Path(fit_path) if fit_path else None,
            device=chosen_device,
            baselines=not no_baselines,
            document_dirs=[Path(d) for d in document_dirs]
            or ([Path(fit_path).resolve().parent.parent] if fit_path else []),
            encoder=encoder,
            cache=cache,
            resume=resume,
            save=rank == 0,
        )
    finally:
        cache.close()
        shutdown()
    if rank != 0:
        return
    metrics["processes"] = world
    if not no_write:
        with open_driver_for(ctx) as driver:
            metrics["written"] = write_gnn_vectors(
                driver, out / EMBEDDINGS_FILE, database=settings.neo4j_database
            )
    if as_json:
        echo_json(metrics)
        return
    _print_metrics(metrics, out)


def _say_what_happens_to_the_checkpoint(out: Path, resume: bool) -> None:
    from jobgraph.embed.pipeline import CHECKPOINT_FILE

    checkpoint = out / CHECKPOINT_FILE
    if resume and checkpoint.is_file():
        click.echo(f"resuming from {checkpoint} (if it is this run's)", err=True)
    elif resume:
        click.echo(f"no checkpoint in {out}: training from the start", err=True)
    elif checkpoint.is_file():
        click.echo(
            f"{checkpoint} of an unfinished run is replaced: training starts over "
            "(pass --resume to continue it)",
            err=True,
        )


def _print_metrics(metrics: dict[str, Any], out: Path) -> None:
    from jobgraph.embed.baselines import format_retrieval_table

    test = metrics["test"]
    click.echo(
        f"trained {metrics['config']['encoder']} in {metrics['seconds']:.0f}s: "
        f"best epoch {metrics['best_epoch']} of {metrics['epochs_run']}, "
        f"{metrics['parameters']:,} parameters"
    )
    click.echo(f"held-out link AUC (mean): {test['auc_mean']:.3f}")
    for edge_type, value in sorted(test["auc"].items()):
        click.echo(f"  {edge_type:<40}{value:.3f}")
    if metrics.get("retrieval_comparison"):
        click.echo("candidate -> posting retrieval on held-out candidates (graded fit):")
        click.echo(format_retrieval_table(metrics["retrieval_comparison"]))
    if metrics.get("written"):
        click.echo(
            "vectors written: " + ", ".join(f"{k} {v:,}" for k, v in metrics["written"].items())
        )
    click.echo(f"model, vectors and metrics in {out}")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def embed_import(ctx: click.Context, file: str) -> None:
    """Write the GNN vectors of FILE (from `jobgraph train --no-write`) to the graph."""
    from jobgraph.embed.pipeline import write_gnn_vectors

    with open_driver_for(ctx) as driver:
        written = write_gnn_vectors(driver, Path(file), database=settings_of(ctx).neo4j_database)
    click.echo("vectors written: " + ", ".join(f"{k} {v:,}" for k, v in written.items()))


def _embed_one(ctx: click.Context, node_type: str, node_id: str, model: str | None) -> None:
    from jobgraph.embed.pipeline import MODEL_FILE, embed_document

    settings = settings_of(ctx)
    path = Path(model) if model else model_dir(settings) / MODEL_FILE
    with open_driver_for(ctx) as driver:
        vector = embed_document(driver, path, node_type, node_id, database=settings.neo4j_database)
    click.echo(f"{node_type} {node_id}: GNN vector of {len(vector)} dimensions written")


@click.command("candidate")
@click.argument("node_id")
@click.option("--model", type=click.Path(dir_okay=False), default=None, help="Model file.")
@click.pass_context
def embed_candidate(ctx: click.Context, node_id: str, model: str | None) -> None:
    """Compute one candidate's GNN vector from the trained model (no retraining)."""
    _embed_one(ctx, "candidate", node_id, model)


@click.command("posting")
@click.argument("node_id")
@click.option("--model", type=click.Path(dir_okay=False), default=None, help="Model file.")
@click.pass_context
def embed_posting(ctx: click.Context, node_id: str, model: str | None) -> None:
    """Compute one posting's GNN vector from the trained model (no retraining)."""
    _embed_one(ctx, "posting", node_id, model)


GNN_EMBED_COMMANDS = (embed_import, embed_candidate, embed_posting)
