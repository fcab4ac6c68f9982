"""The k best multi-step paths to a target occupation, with the gap at each step.

A bounded best-first search over occupations. A step ``a -> b`` costs

    -ln(likelihood(a -> b)) + gap_weight * (1 - coverage of b)

where the likelihood is the blended next-role score of :class:`CareerModel`
and the coverage is the share of ``b``'s required skill weight already held:
the candidate's own skills plus those of every role taken earlier on the path
(a person learns a role's skills by doing it). Costs only grow along a path,
so complete paths leave the queue cheapest first.

Bounds keep the search small: at most ``max_steps`` moves, the ``branching``
best next roles of each occupation (plus the target itself), and each
occupation expanded at most ``k`` times, the labelling rule of the classic
k-shortest-paths search; it is exact when step costs do not depend on the path
and a close approximation here, where the gap does.
"""

from __future__ import annotations

import heapq
import itertools
import math
from dataclasses import dataclass

from jobgraph.careers.model import CareerPath, PathStep
from jobgraph.careers.recommend import CareerModel, missing_skills
from jobgraph.careers.similarity import coverage

READY_COVERAGE = 0.75
MIN_LIKELIHOOD = 1e-4


@dataclass(frozen=True)
class PathSearch:
    """Bounds and weights of the search.

    Attributes:
        k: How many paths to return.
        max_steps: Longest path, in moves.
        branching: Next roles considered from each occupation.
        gap_weight: Weight of a step's skill gap against its likelihood.
        max_expansions: Hard cap on queue pops.
    """

    k: int = 3
    max_steps: int = 4
    branching: int = 8
    gap_weight: float = 1.0
    max_expansions: int = 5000


def ready(held: frozenset[str], model: CareerModel, occupation_id: str) -> tuple[bool, float]:
    """Whether ``held`` covers enough of the occupation's essential skills to apply now."""
    profile = model.profile(occupation_id)
    essential = {s.id: s.importance for s in profile.skills if s.essential}
    share = coverage(held, essential or profile.skill_weights())
    return share >= READY_COVERAGE, round(share, 4)


def k_best_paths(
    model: CareerModel,
    start_id: str,
    target_id: str,
    *,
    held: frozenset[str] | None = None,
    search: PathSearch | None = None,
) -> list[CareerPath]:
    """Return up to ``search.k`` paths from ``start_id`` to ``target_id``, best first.

    Args:
        model: The career model (profiles, transitions, weights).
        start_id: Occupation held now.
        target_id: Occupation to reach.
        held: The candidate's skills; without them, the start occupation's.
        search: Bounds and weights.

    Returns:
        Paths with, at each step, the skills to acquire (ordered by importance)
        and whether the candidate's own skills would do for it now.

    Raises:
        KeyError: ``start_id`` or ``target_id`` is not an occupation of the model.
    """
    search = search or PathSearch()
    model.profile(target_id)
    own = held if held is not None else frozenset(model.profile(start_id).skill_weights())
    neighbours: dict[str, list[str]] = {}
    expanded: dict[str, int] = {}
    tie = itertools.count()
    queue: list[tuple[float, int, tuple[str, ...], frozenset[str], tuple[PathStep, ...]]] = [
        (0.0, next(tie), (start_id,), own, ())
    ]
    found: list[CareerPath] = []
    pops = 0
    while queue and len(found) < search.k and pops < search.max_expansions:
        cost, _, path, acquired, steps = heapq.heappop(queue)
        pops += 1
        node = path[-1]
        if node == target_id and steps:
            found.append(CareerPath(round(cost, 4), list(steps)))
            continue
        expanded[node] = expanded.get(node, 0) + 1
        if expanded[node] > search.k or len(steps) >= search.max_steps:
            continue
        if node not in neighbours:
            ranked = model.next_roles(node, limit=search.branching)
            neighbours[node] = [role.occupation_id for role in ranked]
            if target_id not in neighbours[node] and target_id != node:
                neighbours[node].append(target_id)
        for nxt in neighbours[node]:
            if nxt in path:
                continue
            likelihood, evidence = model.evidence(node, nxt)
            gap = missing_skills(model.profile(nxt), acquired)
            gap_share = 1 - coverage(acquired, model.profile(nxt).skill_weights())
            step_cost = -math.log(max(likelihood, MIN_LIKELIHOOD)) + search.gap_weight * gap_share
            can_now, share_now = ready(own, model, nxt)
            step = PathStep(
                from_id=node,
                to_id=nxt,
                title=model.profile(nxt).title,
                likelihood=round(likelihood, 4),
                to_acquire=gap,
                ready_now=can_now,
                coverage_now=share_now,
                evidence=evidence,
            )
            learned = acquired | frozenset(model.profile(nxt).skill_weights())
            heapq.heappush(
                queue, (cost + step_cost, next(tie), (*path, nxt), learned, (*steps, step))
            )
    return found
