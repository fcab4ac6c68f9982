"""``jobgraph eval``: parsing (and later matching) quality."""

from __future__ import annotations

import click

from jobgraph.cli.common import echo_json


@click.group("eval")
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
@click.option(
    "--taxonomy",
    "taxonomy_choice",
    type=click.Choice(["builtin", "graph", "both"]),
    default="builtin",
    show_default=True,
    help="Parse with the built-in taxonomy, the graph's (built-in plus imports), or each.",
)
@click.pass_context
def eval_parse(
    ctx: click.Context,
    gold_dir: str | None,
    data_dir: str | None,
    no_indeed: bool,
    no_crash_scan: bool,
    crash_limit: int | None,
    as_json: bool,
    taxonomy_choice: str,
) -> None:
    """Precision / recall / F1 of the parsers per field, on the gold set and real data."""
    from pathlib import Path

    from jobgraph.cli.taxonomy import lookup_in_force
    from jobgraph.evaluation import format_report, run_parse_evaluation

    choices = ["builtin", "graph"] if taxonomy_choice == "both" else [taxonomy_choice]
    results = {}
    for choice in choices:
        lookup = lookup_in_force(ctx, choice)
        result = run_parse_evaluation(
            Path(gold_dir) if gold_dir else None,
            Path(data_dir) if data_dir else None,
            lookup=lookup,
            indeed=not no_indeed,
            crash=not no_crash_scan,
            crash_limit=crash_limit,
        )
        results[choice] = {"taxonomy_version": lookup.taxonomy.version, **result}
    if as_json:
        echo_json(results[choices[0]] if len(choices) == 1 else results)
        return
    for choice, result in results.items():
        if len(choices) > 1:
            click.echo(f"== taxonomy: {choice} ({result['taxonomy_version']})")
        click.echo(format_report(result))
