"""``jobgraph careers``: mine transitions, next roles, multi-step paths, unlocking skills."""

from __future__ import annotations

from typing import Any

import click
from neo4j import Driver

from jobgraph.cli.common import echo_json, open_driver_for, settings_of


@click.group()
def careers() -> None:
    """Career paths: mined moves blended with occupation similarity, with evidence."""


@careers.command("mine")
@click.pass_context
def careers_mine(ctx: click.Context) -> None:
    """Mine NEXT transitions from every candidate's work history (replaces the stored ones)."""
    from jobgraph.careers.service import mine

    with open_driver_for(ctx) as driver:
        report = mine(driver, settings_of(ctx).neo4j_database)
    click.echo(
        f"{report.histories:,} work histories, {report.moves:,} moves, "
        f"{report.transitions:,} NEXT transitions written"
    )


def _start(driver: Driver, database: str, candidate: str | None, occupation: str | None) -> Any:
    """The model, the start occupation, the candidate (or None) and the held skills."""
    from jobgraph.careers.service import load_candidate, load_model, resolve_occupation
    from jobgraph.errors import NotFoundError

    model = load_model(driver, database)
    if candidate:
        view = load_candidate(driver, candidate, database)
        if view.occupation_id is None or view.occupation_id not in model.profiles:
            raise NotFoundError(
                f"candidate {candidate!r}: no job in the work history resolved to an "
                "occupation; pass --occupation (or --from) instead"
            )
        return model, view.occupation_id, view
    assert occupation is not None
    return model, resolve_occupation(model, occupation), None


@careers.command("next")
@click.option("--candidate", help="A candidate id: start from their current role and skills.")
@click.option("--occupation", help="An occupation id or job title.")
@click.option("--all", "every", is_flag=True, help="Every occupation -> its ranked next ids.")
@click.option("--limit", default=10, show_default=True, help="Suggestions per start.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def careers_next(
    ctx: click.Context,
    candidate: str | None,
    occupation: str | None,
    every: bool,
    limit: int,
    as_json: bool,
) -> None:
    """Ranked next roles with their evidence and missing skills."""
    from jobgraph.careers.report import next_roles_text

    if sum(bool(x) for x in (candidate, occupation, every)) != 1:
        raise click.UsageError("give exactly one of --candidate, --occupation or --all")
    database = settings_of(ctx).neo4j_database
    with open_driver_for(ctx) as driver:
        if every:
            from tqdm import tqdm

            from jobgraph.careers.service import load_model

            model = load_model(driver, database)
            echo_json({
                oid: [role.occupation_id for role in model.next_roles(oid, limit=limit)]
                for oid in tqdm(sorted(model.profiles), desc="next roles", unit="occupation")
            })
            return
        model, start, view = _start(driver, database, candidate, occupation)
    roles = model.next_roles(
        start,
        held=view.held if view else None,
        exclude=view.past if view else (),
        limit=limit,
    )
    if as_json:
        echo_json({"from": start, "candidate": view.id if view else None,
                   "next": [role.to_dict() for role in roles]})
        return
    title = model.profile(start).title
    who = f"{view.id}, now {title}" if view else title
    click.echo("\n".join(next_roles_text(who, roles)))


@careers.command("path")
@click.option("--from", "from_text", help="Start occupation (id or job title).")
@click.option("--candidate", help="Start from a candidate's current role and skills.")
@click.option("--to", "to_text", required=True, help="Target occupation (id or job title).")
@click.option("--k", default=3, show_default=True, help="How many paths.")
@click.option("--max-steps", default=4, show_default=True, help="Longest path, in moves.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def careers_path(
    ctx: click.Context,
    from_text: str | None,
    candidate: str | None,
    to_text: str,
    k: int,
    max_steps: int,
    as_json: bool,
) -> None:
    """The k best multi-step paths to a target role, with the skills to acquire at each step."""
    from jobgraph.careers.paths import PathSearch, k_best_paths
    from jobgraph.careers.report import path_text
    from jobgraph.careers.service import resolve_occupation

    if bool(from_text) == bool(candidate):
        raise click.UsageError("give exactly one of --from or --candidate")
    database = settings_of(ctx).neo4j_database
    with open_driver_for(ctx) as driver:
        model, start, view = _start(driver, database, candidate, from_text)
    target = resolve_occupation(model, to_text)
    paths = k_best_paths(
        model, start, target, held=view.held if view else None,
        search=PathSearch(k=k, max_steps=max_steps),
    )
    if as_json:
        echo_json({"from": start, "to": target, "paths": [p.to_dict() for p in paths]})
        return
    titles = {oid: profile.title for oid, profile in model.profiles.items()}
    if not paths:
        click.echo(f"no path from {titles[start]} to {titles[target]} within {max_steps} moves")
    for number, path in enumerate(paths, start=1):
        click.echo("\n".join(path_text(path, titles, number)))


@careers.command("unlocks")
@click.option("--candidate", required=True, help="A candidate id.")
@click.option("--limit", default=5, show_default=True, help="How many skills.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def careers_unlocks(ctx: click.Context, candidate: str, limit: int, as_json: bool) -> None:
    """The few skills that would open the most next roles and postings for a candidate."""
    from jobgraph.careers.report import unlocks_text
    from jobgraph.careers.service import posting_requirements
    from jobgraph.careers.unlocks import skills_that_unlock

    database = settings_of(ctx).neo4j_database
    with open_driver_for(ctx) as driver:
        model, start, view = _start(driver, database, candidate, None)
        postings = posting_requirements(driver, database)
    roles = model.next_roles(start, held=view.held, exclude=view.past, limit=30)
    unlocks = skills_that_unlock(model, roles, view.held, postings=postings, limit=limit)
    if as_json:
        echo_json({"candidate": view.id, "unlocks": [u.to_dict() for u in unlocks]})
        return
    titles = {oid: profile.title for oid, profile in model.profiles.items()}
    click.echo("\n".join(unlocks_text(unlocks, titles)))


@careers.command("demo")
@click.option("--limit", default=5, show_default=True, help="Next roles to show.")
@click.pass_context
def careers_demo(ctx: click.Context, limit: int) -> None:
    """For a demo candidate: next roles, unlocking skills and one multi-step path."""
    from jobgraph.careers.demo import demo_lines

    with open_driver_for(ctx) as driver:
        click.echo("\n".join(demo_lines(driver, settings_of(ctx).neo4j_database, limit=limit)))
