"""``jobgraph parse`` and ``jobgraph synth``: one document in, or a corpus out."""

from __future__ import annotations

import click

from jobgraph.cli.common import echo_json


@click.command("parse")
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
@click.option(
    "--taxonomy",
    "taxonomy_choice",
    type=click.Choice(["builtin", "graph"]),
    default="builtin",
    show_default=True,
    help="Vocabulary to match skills with: the built-in one, or the graph's "
    "(built-in plus ESCO / O*NET imports; starts the local Neo4j if needed).",
)
@click.pass_context
def parse_command(
    ctx: click.Context, file: str, kind: str, as_json: bool, no_pii: bool, taxonomy_choice: str
) -> None:
    """Parse FILE into a typed record (nothing is written to the graph)."""
    from pathlib import Path

    from jobgraph.cli.taxonomy import lookup_in_force
    from jobgraph.parse import parse_posting_file, parse_resume_file
    from jobgraph.parse.records import ResumeRecord

    lookup = lookup_in_force(ctx, taxonomy_choice)
    parse = parse_resume_file if kind == "resume" else parse_posting_file
    record = parse(Path(file), lookup=lookup)
    if isinstance(record, ResumeRecord) and no_pii:
        record = record.without_pii()
    document = record.to_dict()
    if as_json:
        echo_json(document)
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
@click.command("synth")
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
    echo_json(summary.as_dict())
