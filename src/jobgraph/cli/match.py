"""``jobgraph match``, ``jobgraph explain`` and ``jobgraph advice``: explained matching."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from neo4j import Driver

from jobgraph.cli.common import echo_json, open_driver_for, settings_of

if TYPE_CHECKING:
    from jobgraph.config import Settings
    from jobgraph.match.model import CandidateProfile, PostingProfile
    from jobgraph.match.service import MatchService


def _service(driver: Driver, settings: Settings, weights: str | None) -> MatchService:
    """The service with ``--weights``, else as the settings say (see ``service_for``)."""
    from jobgraph.match.service import service_for

    return service_for(driver, settings, weights_path=Path(weights) if weights else None)


@contextmanager
def _match_context(ctx: click.Context, weights: str | None) -> Iterator[MatchService]:
    settings = settings_of(ctx)
    with open_driver_for(ctx) as driver:
        yield _service(driver, settings, weights)


def _profile(
    ctx: click.Context, service: MatchService, kind: str, id_or_file: str, ingest: bool
) -> str | CandidateProfile | PostingProfile:
    """An id as given, or a parsed file's profile (stored first with ``--ingest``)."""
    path = Path(id_or_file)
    if not path.is_file():
        if ingest:
            raise click.UsageError(f"--ingest needs a file; {id_or_file!r} is not one")
        return id_or_file
    from jobgraph.parse import parse_posting_file, parse_resume_file

    if ingest:  # exactly `jobgraph ingest resumes|postings FILE`, its defaults included
        from jobgraph.cli.ingest import ingest_postings, ingest_resumes

        ctx.invoke(ingest_resumes if kind == "candidate" else ingest_postings,
                   paths=(str(path),), workers=1)
    record = (parse_resume_file if kind == "candidate" else parse_posting_file)(path)
    if ingest:
        return record.id
    return _unstored(ctx, service, record)


def _unstored(ctx: click.Context, service: MatchService, record: Any) -> Any:
    """The profile of a parsed record, with the vectors it would get at ingest."""
    from jobgraph.cli.embed import text_encoder_for, vector_cache_for
    from jobgraph.cli.gnn import model_dir
    from jobgraph.embed.bundle import load_bundle
    from jobgraph.embed.inductive import InductiveEmbedder
    from jobgraph.embed.pipeline import MODEL_FILE
    from jobgraph.embed.text_features import build_vectorizer
    from jobgraph.graph.vector_store import TEXT_PROPERTY, list_vector_indexes, vector_index_name
    from jobgraph.match.unstored import candidate_profile, posting_profile
    from jobgraph.parse.records import ResumeRecord

    settings = settings_of(ctx)
    indexes = {row["name"] for row in list_vector_indexes(service.driver,
                                                          database=service.database)}
    make = candidate_profile if isinstance(record, ResumeRecord) else posting_profile
    if vector_index_name("Skill", TEXT_PROPERTY) not in indexes:
        # no text vectors in this graph (`jobgraph embed text` never ran): nothing to compare
        return make(record)
    with vector_cache_for(settings) as cache:
        vectorizer = build_vectorizer(service.driver, database=service.database,
                                      encoder=text_encoder_for(settings), cache=cache)
        model = model_dir(settings) / MODEL_FILE
        embedder = InductiveEmbedder(load_bundle(model)) if model.is_file() else None
        return make(record, vectorizer=vectorizer, embedder=embedder)


_weights_option = click.option(
    "--weights", type=click.Path(dir_okay=False, exists=True), default=None,
    help="A weights file from `jobgraph match fit-weights` (default: JOBGRAPH_MATCH_WEIGHTS, "
    "else the fitted one in the data folder if present, else the documented defaults).",
)


def _match_options(function: Any) -> Any:
    options = [
        click.argument("id_or_file"),
        click.option("--limit", default=10, show_default=True, help="Matches to show (1–100)."),
        click.option("--offset", default=0, show_default=True, help="Skip this many first."),
        click.option("--min-score", default=0.0, show_default=True, help="Drop lower scores."),
        click.option("--location", default=None, help="Keep matches in this city/region/country."),
        click.option("--remote/--onsite", "remote", default=None,
                     help="Keep only remote (or only non-remote) postings."),
        click.option("--ingest", is_flag=True, help="Store a given file before matching."),
        click.option("--json", "as_json", is_flag=True, help="Print JSON (match_list schema)."),
        _weights_option,
    ]
    for option in reversed(options):
        function = option(function)
    return function


@click.group()
def match() -> None:
    """Ranked, explained matches: postings for a candidate, candidates for a posting."""


def _run_match(ctx: click.Context, kind: str, id_or_file: str, **options: Any) -> None:
    from jobgraph.match import render

    with _match_context(ctx, options["weights"]) as service:
        subject = _profile(ctx, service, kind, id_or_file, options["ingest"])
        run = service.match_candidate if kind == "candidate" else service.match_posting
        page = run(subject, limit=options["limit"], offset=options["offset"],  # type: ignore[arg-type]
                   min_score=options["min_score"], location=options["location"],
                   remote=options["remote"]).to_dict()
    if options["as_json"]:
        echo_json(page)
    else:
        click.echo(render.match_page(page, click.style))


@match.command("candidate")
@_match_options
@click.pass_context
def match_candidate(ctx: click.Context, id_or_file: str, **options: Any) -> None:
    """Postings for a candidate (a stored id, or a resume file matched without storing it)."""
    _run_match(ctx, "candidate", id_or_file, **options)


@match.command("posting")
@_match_options
@click.pass_context
def match_posting(ctx: click.Context, id_or_file: str, **options: Any) -> None:
    """Candidates for a posting (a stored id, or a posting file matched without storing it)."""
    _run_match(ctx, "posting", id_or_file, **options)


@click.command("explain")
@click.argument("candidate")
@click.argument("posting")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (explanation schema).")
@_weights_option
@click.pass_context
def explain_command(
    ctx: click.Context, candidate: str, posting: str, as_json: bool, weights: str | None
) -> None:
    """Why CANDIDATE and POSTING (ids or files) score what they do, and what would change it."""
    from jobgraph.match import render

    with _match_context(ctx, weights) as service:
        document = service.explain(_profile(ctx, service, "candidate", candidate, False),  # type: ignore[arg-type]
                                   _profile(ctx, service, "posting", posting, False))  # type: ignore[arg-type]
    if as_json:
        echo_json(document)
    else:
        click.echo(render.explanation(document, click.style))


@click.group("advice")
def advice() -> None:
    """Counterfactual advice: skills to learn, requirements to relax."""


def _advice_options(function: Any) -> Any:
    for option in reversed([
        click.argument("id_or_file"),
        click.option("--threshold", default=0.6, show_default=True,
                     help="Score that counts as a good match."),
        click.option("--json", "as_json", is_flag=True, help="Print JSON (advice schema)."),
        _weights_option,
    ]):
        function = option(function)
    return function


def _run_advice(ctx: click.Context, kind: str, id_or_file: str, **options: Any) -> None:
    from jobgraph.match import render

    with _match_context(ctx, options["weights"]) as service:
        subject = _profile(ctx, service, kind, id_or_file, False)
        run = service.candidate_advice if kind == "candidate" else service.posting_advice
        document = run(subject, threshold=options["threshold"])  # type: ignore[arg-type]
    if options["as_json"]:
        echo_json(document)
    else:
        click.echo(render.advice(document, click.style))


@advice.command("candidate")
@_advice_options
@click.pass_context
def advice_candidate(ctx: click.Context, id_or_file: str, **options: Any) -> None:
    """Skills that would put the most postings above the threshold for this candidate."""
    _run_advice(ctx, "candidate", id_or_file, **options)


@advice.command("posting")
@_advice_options
@click.pass_context
def advice_posting(ctx: click.Context, id_or_file: str, **options: Any) -> None:
    """Requirements whose relaxation would put the most candidates above the threshold."""
    _run_advice(ctx, "posting", id_or_file, **options)


MATCH_COMMANDS = (match, explain_command, advice)


def read_graded_pairs(path: Path) -> list[tuple[str, str, int]]:
    """``(candidate, posting, grade)`` from JSONL: keys ``candidate``/``resume_id`` and
    ``posting``/``posting_id`` (ids or file stems) and an integer ``grade``."""
    import json

    pairs = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                candidate = row.get("candidate") or row["resume_id"]
                posting = row["posting"] if "posting_id" not in row else row["posting_id"]
                pairs.append((str(candidate), str(posting), int(row["grade"])))
            except (ValueError, KeyError, TypeError) as error:
                raise click.BadParameter(
                    f"{path}:{number}: expected candidate (or resume_id), posting (or "
                    f"posting_id) and an integer grade ({error})"
                ) from error
    return pairs


@match.command("fit-weights")
@click.argument("pairs_file", type=click.Path(dir_okay=False, exists=True))
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Weights file to write (default: the data folder's, used by every command).")
@click.option("--good-grade", default=2, show_default=True,
              help="Lowest grade that counts as a good fit (for the calibration).")
@click.option("--seed", default=0, show_default=True, help="Seed of the validation split.")
@click.option("--json", "as_json", is_flag=True, help="Print the weights file as JSON.")
@click.pass_context
def match_fit_weights(
    ctx: click.Context, pairs_file: str, out: str | None, good_grade: int, seed: int,
    as_json: bool,
) -> None:
    """Learn non-negative weights from graded pairs (JSONL) of stored documents; calibrate."""
    import numpy as np

    from jobgraph.graph.matching import document_aliases
    from jobgraph.match.fitting import GradedFeatures, fit_weights
    from jobgraph.match.service import MatchService, weights_file
    from jobgraph.match.weights import FEATURES, save_weights

    settings = settings_of(ctx)
    graded = read_graded_pairs(Path(pairs_file))
    with open_driver_for(ctx) as driver:
        database = settings.neo4j_database
        candidates = document_aliases(driver, "Candidate", database)
        postings = document_aliases(driver, "Posting", database)
        resolved = [(candidates[c], postings[p], g) for c, p, g in graded
                    if c in candidates and p in postings]
        if not resolved:
            raise click.ClickException(f"{pairs_file}: none of the pairs name stored documents")
        scores = MatchService(driver, database).score_pairs([(c, p) for c, p, _ in resolved])
    grade_of = {(c, p): g for c, p, g in resolved}
    data = GradedFeatures(
        x=np.asarray([[s.features[f] for f in FEATURES] for s in scores]),
        grades=np.asarray([grade_of[(s.candidate_id, s.posting_id)] for s in scores], dtype=float),
        candidate_groups=[s.candidate_id for s in scores],
        posting_groups=[s.posting_id for s in scores],
    )
    weights = fit_weights(data, good_grade=good_grade, seed=seed, source=Path(pairs_file).name)
    target = Path(out) if out else weights_file(settings.data_dir)
    save_weights(weights, target)
    if as_json:
        echo_json({**weights.to_dict(), "path": str(target),
                   "unmatched_pairs": len(graded) - len(resolved)})
        return
    click.echo(f"{len(resolved):,} of {len(graded):,} pairs matched stored documents")
    click.echo("weights: " + ", ".join(f"{f} {weights.of(f):.3f}" for f in FEATURES))
    for key, value in weights.metrics.items():
        click.echo(f"  {key}: {value:.4f}" if isinstance(value, float) else f"  {key}: {value}")
    click.echo(f"written to {target}")


@match.command("demo")
@_weights_option
@click.option("--api-key", default=None,
              help="An API key: end with how to fetch the explained pair over HTTP.")
@click.pass_context
def match_demo(ctx: click.Context, weights: str | None, api_key: str | None) -> None:
    """Show matching on the graph: a candidate's postings, the best pair explained, the
    posting's candidates, and advice for both."""
    from jobgraph.graph.careers import read_demo_candidates
    from jobgraph.match import render

    with _match_context(ctx, weights) as service:
        rows = read_demo_candidates(service.driver, 1, service.database)
        if not rows:
            raise click.ClickException("the graph holds no candidate with a resolved job; "
                                       "ingest resumes first")
        candidate_id = rows[0]["id"]
        page = service.match_candidate(candidate_id, limit=3).to_dict()
        click.echo(render.match_page(page, click.style))
        if not page["items"]:
            return
        posting_id = page["items"][0]["posting_id"]
        click.echo()
        click.echo(render.explanation(service.explain(candidate_id, posting_id), click.style))
        click.echo()
        click.echo(render.match_page(service.match_posting(posting_id, limit=3).to_dict(),
                                     click.style))
        click.echo()
        click.echo(render.advice(service.candidate_advice(candidate_id), click.style))
        click.echo()
        click.echo(render.advice(service.posting_advice(posting_id), click.style))
    if api_key:
        base = "http://127.0.0.1:8000"
        click.echo()
        click.echo(click.style("the same over HTTP", bold=True))
        click.echo(f"  start the API:  jobgraph serve   (docs: {base}/v1/docs)")
        click.echo(f"  demo API key:   {api_key}")
        pair = f"{base}/v1/matches/{candidate_id}/{posting_id}"
        click.echo(f"  curl -H 'X-API-Key: {api_key}' {pair}")


@match.command("all")
@click.option("--out", type=click.Path(dir_okay=False), required=True,
              help="JSONL file: one line per candidate and per posting with its top k.")
@click.option("--k", "top", default=10, show_default=True, help="Matches kept per document.")
@click.option("--chunk", default=1024, show_default=True, help="Candidates scored per step.")
@_weights_option
@click.pass_context
def match_all(ctx: click.Context, out: str, top: int, chunk: int, weights: str | None) -> None:
    """Score every candidate against every posting with torch (CPU or GPU); write top k
    both ways. Per-skill minimum years are not applied here (see docs/matching.md)."""
    import json
    import time

    from tqdm import tqdm

    from jobgraph.embed.text_encoder import default_device
    from jobgraph.graph.matching import iter_ids
    from jobgraph.match.offline import top_k_both_ways

    settings = settings_of(ctx)
    device = default_device() if settings.device == "auto" else settings.device
    with _match_context(ctx, weights) as service:
        started = time.perf_counter()
        profiles: dict[str, list[Any]] = {}
        for label, read in (("Candidate", service.candidates), ("Posting", service.postings)):
            loaded: list[Any] = []
            with tqdm(desc=f"read {label.lower()}s", unit="doc") as bar:
                for ids in iter_ids(service.driver, label, page=2000, database=service.database):
                    loaded.extend(read(ids).values())
                    bar.update(len(ids))
            profiles[label] = loaded
        read_seconds = time.perf_counter() - started
        started = time.perf_counter()
        by_candidate, by_posting = top_k_both_ways(
            service.scorer(), profiles["Candidate"], profiles["Posting"], k=top, chunk=chunk,
            device=str(device))
        score_seconds = time.perf_counter() - started
    with Path(out).open("w", encoding="utf-8") as sink:
        for direction, rows in (("candidate", by_candidate), ("posting", by_posting)):
            for row in rows:
                sink.write(json.dumps({"direction": direction, "id": row.id,
                                       "matches": [{"id": i, "score": round(s, 6)}
                                                   for i, s in zip(row.ids, row.scores,
                                                                   strict=True)]}) + "\n")
    click.echo(f"{len(by_candidate):,} candidates × {len(by_posting):,} postings scored on "
               f"{device} in {score_seconds:.1f}s (read {read_seconds:.1f}s); top {top} both "
               f"ways written to {out}")
