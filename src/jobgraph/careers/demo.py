"""What ``jobgraph careers demo`` (and so ``make demo``) prints for one candidate."""

from __future__ import annotations

from neo4j import Driver

from jobgraph.careers.paths import PathSearch, k_best_paths
from jobgraph.careers.recommend import CareerModel
from jobgraph.careers.report import next_roles_text, path_text, unlocks_text
from jobgraph.careers.service import (
    CandidateView,
    load_candidate,
    load_model,
    posting_requirements,
)
from jobgraph.careers.unlocks import skills_that_unlock
from jobgraph.errors import NotFoundError
from jobgraph.graph.careers import read_demo_candidates

DEMO_POOL = 25


def two_moves_away(model: CareerModel, view: CandidateView, direct: set[str]) -> str | None:
    """A role two good moves from the candidate's, not among the direct suggestions."""
    assert view.occupation_id is not None
    skip = direct | set(view.past) | {view.occupation_id}
    for first in model.next_roles(view.occupation_id, exclude=view.past, limit=3):
        for second in model.next_roles(first.occupation_id, limit=5):
            if second.occupation_id not in skip:
                return second.occupation_id
    return None


def demo_lines(driver: Driver, database: str = "neo4j", *, limit: int = 5) -> list[str]:
    """Next roles, unlocking skills and a multi-step path for a demo candidate.

    The candidate is the first, among those with the longest resolved work
    histories, whose current role people have been seen leaving and for whom a
    role two moves away exists.

    Raises:
        NotFoundError: No candidate has a work history linked to occupations.
    """
    model = load_model(driver, database)
    titles = {oid: profile.title for oid, profile in model.profiles.items()}
    views = [load_candidate(driver, row["id"], database)
             for row in read_demo_candidates(driver, DEMO_POOL, database)]
    views = [v for v in views if v.occupation_id is not None and v.occupation_id in model.profiles]
    views.sort(key=lambda v: not model.observed_from(v.occupation_id or ""))
    for view in views:
        assert view.occupation_id is not None
        roles = model.next_roles(view.occupation_id, held=view.held, exclude=view.past,
                                 limit=limit)
        target = two_moves_away(model, view, {role.occupation_id for role in roles})
        if target is None:
            continue
        paths = k_best_paths(model, view.occupation_id, target, held=view.held,
                             search=PathSearch(k=3))
        multi = [path for path in paths if len(path.steps) > 1] or paths
        if not multi:
            continue
        wider = model.next_roles(view.occupation_id, held=view.held, exclude=view.past,
                                 limit=30)
        unlocks = skills_that_unlock(model, wider, view.held,
                                     postings=posting_requirements(driver, database), limit=3)
        current = titles[view.occupation_id]
        history = " -> ".join(titles.get(oid, oid) for oid in reversed(view.past))
        lines = [f"Candidate {view.id} ({view.headline or current}); history: {history}", ""]
        lines += next_roles_text(f"{current} with this candidate's skills", roles)
        lines += ["", *unlocks_text(unlocks, titles), ""]
        lines.append(f"Best multi-step path to {titles[target]}:")
        lines += path_text(multi[0], titles)
        return lines
    raise NotFoundError(
        "no candidate's work history is linked to occupations; ingest resumes and run "
        "`jobgraph careers mine` first"
    )
