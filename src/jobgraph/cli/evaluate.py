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

    from jobgraph.evaluation import format_report, run_parse_evaluation

    result = run_parse_evaluation(
        Path(gold_dir) if gold_dir else None,
        Path(data_dir) if data_dir else None,
        indeed=not no_indeed,
        crash=not no_crash_scan,
        crash_limit=crash_limit,
    )
    if as_json:
        echo_json(result)
    else:
        click.echo(format_report(result))
