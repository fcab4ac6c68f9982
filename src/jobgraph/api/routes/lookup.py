"""``/v1/skills``, ``/v1/occupations`` and ``/v1/careers/*``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from flask import Blueprint, Response, jsonify

from jobgraph.api.problems import ApiProblem, FieldError
from jobgraph.api.routes.common import query, services
from jobgraph.errors import NotFoundError

blueprint = Blueprint("lookup", __name__, url_prefix="/v1")


@blueprint.get("/skills")
def search_skills() -> Response:
    """Skills for a name or alias, best first."""
    args = query()
    results = services().lookup.search_skills(args["q"], args["limit"])
    return jsonify({"query": args["q"], "results": [asdict(r) for r in results or []]})


@blueprint.get("/occupations")
def search_occupations() -> Response:
    """Occupations for a job title, best first."""
    args = query()
    results = services().lookup.search_occupations(args["q"], args["limit"])
    return jsonify({"query": args["q"], "results": [asdict(r) for r in results or []]})


def _exactly_one(args: dict[str, Any], first: str, second: str) -> None:
    if (args.get(first) is None) == (args.get(second) is None):
        raise ApiProblem(
            422,
            "invalid-query",
            f"give exactly one of {first} or {second}",
            errors=[FieldError("query", f"/{name}", "exactly one of the two is required")
                    for name in (first, second)],
        )


def _start(candidate: str | None, occupation: str | None) -> tuple[Any, str, Any]:
    """The career model, the start occupation id and the candidate view (or None)."""
    from jobgraph.careers.service import load_candidate, resolve_occupation

    built = services()
    model = built.career_model()
    if candidate is not None:
        view = load_candidate(built.driver, candidate, built.database)
        if view.occupation_id is None or view.occupation_id not in model.profiles:
            raise NotFoundError(
                f"candidate {candidate!r}: no job in the work history resolved to an "
                "occupation; start from an occupation instead"
            )
        return model, view.occupation_id, view
    assert occupation is not None
    return model, resolve_occupation(model, occupation), None


@blueprint.get("/careers/next")
def careers_next() -> Response:
    """Ranked next roles with evidence and missing skills."""
    args = query()
    _exactly_one(args, "candidate", "occupation")
    model, start, view = _start(args["candidate"], args["occupation"])
    roles = model.next_roles(
        start,
        held=view.held if view else None,
        exclude=view.past if view else (),
        limit=args["limit"],
    )
    return jsonify({"from": start, "candidate": view.id if view else None,
                    "next": [role.to_dict() for role in roles]})


@blueprint.get("/careers/path")
def careers_path() -> Response:
    """The k best multi-step paths to a target role."""
    from jobgraph.careers.paths import PathSearch, k_best_paths
    from jobgraph.careers.service import resolve_occupation

    args = query()
    _exactly_one(args, "from", "candidate")
    model, start, view = _start(args["candidate"], args["from"])
    target = resolve_occupation(model, args["to"])
    paths = k_best_paths(
        model, start, target, held=view.held if view else None,
        search=PathSearch(k=args["k"], max_steps=args["max_steps"]),
    )
    return jsonify({"from": start, "to": target, "candidate": view.id if view else None,
                    "paths": [path.to_dict() for path in paths]})


@blueprint.get("/careers/unlocks")
def careers_unlocks() -> Response:
    """The few skills that would open the most next roles and postings for a candidate."""
    from jobgraph.careers.service import posting_requirements
    from jobgraph.careers.unlocks import skills_that_unlock

    args = query()
    built = services()
    model, start, view = _start(args["candidate"], None)
    postings = posting_requirements(built.driver, built.database)
    roles = model.next_roles(start, held=view.held, exclude=view.past, limit=30)
    unlocks = skills_that_unlock(model, roles, view.held, postings=postings, limit=args["limit"])
    return jsonify({"candidate": view.id, "unlocks": [u.to_dict() for u in unlocks]})
