"""``jobgraph parse``, ``synth`` and ``documents``: one document in, a corpus out, erasure."""

from __future__ import annotations

import click

from jobgraph.cli.common import echo_json, open_driver_for, settings_of


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
                f"{s['name']}"
                + (f" ({s['years']:g}y)" if s.get("years") else "")
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
@click.option("--formats", default="txt,docx,pdf", show_default=True, help="Resume formats to mix.")
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


# ----------------------------------------------------------------- documents
@click.group()
def documents() -> None:
    """Erase stored documents, and audit the graph for what is left of them."""


@documents.command("delete")
@click.argument("kind", type=click.Choice(["candidate", "posting"]))
@click.argument("ids", nargs=-1, required=True)
@click.pass_context
def documents_delete(ctx: click.Context, kind: str, ids: tuple[str, ...]) -> None:
    """Erase candidates or postings by id, with everything that came from them.

    A candidate goes with its contact details, every relationship, its vectors and
    the employer, location and education nodes nothing else links to; skills and
    occupations stay. Unknown ids are reported and the exit status is 1.
    """
    from jobgraph.graph.documents_read import DocumentKind, delete_document

    settings = settings_of(ctx)
    document_kind: DocumentKind = "candidate" if kind == "candidate" else "posting"
    missing = []
    with open_driver_for(ctx) as driver:
        for document_id in ids:
            if delete_document(driver, document_kind, document_id, settings.neo4j_database):
                click.echo(f"deleted {kind} {document_id}")
            else:
                missing.append(document_id)
    if missing:
        raise click.ClickException(
            f"no {kind} with id {', '.join(map(repr, missing))} in the graph"
        )


@documents.command("find")
@click.argument("texts", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.pass_context
def documents_find(ctx: click.Context, texts: tuple[str, ...], as_json: bool) -> None:
    """Where TEXTS (a name, an email, a sentence) still appear in the graph.

    Searches every text property of every node and relationship (case ignored)
    and every full-text index; the exit status is 1 when anything is found.
    """
    from jobgraph.graph.privacy import find_text, fulltext_hits

    settings = settings_of(ctx)
    with open_driver_for(ctx) as driver:
        hits = find_text(driver, texts, settings.neo4j_database)
        indexed = {
            text: {
                name: count
                for name, count in fulltext_hits(driver, text, settings.neo4j_database).items()
                if count
            }
            for text in texts
        }
    if as_json:
        echo_json({"properties": hits, "fulltext": indexed})
    else:
        for hit in hits:
            owner = ":".join(hit.get("labels") or [hit.get("type", "")])
            click.echo(
                f"{owner} {hit.get('id') or hit.get('from_id')} .{hit['key']}: {hit['text']!r}"
            )
        for text, found in indexed.items():
            for name, count in found.items():
                click.echo(f"full-text index {name}: {count} hit(s) for {text!r}")
        click.echo(f"{len(hits)} propert{'y' if len(hits) == 1 else 'ies'} hold the text")
    if hits or any(indexed.values()):
        ctx.exit(1)
