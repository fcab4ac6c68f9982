"""Which few skills would open the most next roles (and postings) for a candidate.

A role or posting is *open* to a candidate who covers at least
:data:`~jobgraph.careers.paths.READY_COVERAGE` of its essential (required)
skills. For every skill missing from the candidate's best next roles, count
the roles and postings that learning it alone would open, and how many
suggested roles it brings closer.

Extension point: ``postings`` takes any ``posting id -> required skill ids``
mapping; the matcher can pass its own view of postings here once it exists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from jobgraph.careers.model import NextRole, SkillUnlock
from jobgraph.careers.paths import READY_COVERAGE, ready
from jobgraph.careers.recommend import CareerModel


def _posting_open(held: frozenset[str], required: frozenset[str]) -> bool:
    return bool(required) and len(held & required) / len(required) >= READY_COVERAGE


def skills_that_unlock(
    model: CareerModel,
    roles: Sequence[NextRole],
    held: frozenset[str],
    *,
    postings: Mapping[str, frozenset[str]] | None = None,
    limit: int = 5,
) -> list[SkillUnlock]:
    """Rank the skills that would open the most roles and postings.

    Args:
        model: The career model (for each role's essential skills).
        roles: The candidate's suggested next roles (their missing skills are
            the skills considered).
        held: The candidate's skills.
        postings: Posting id -> required skill ids, when postings should count.
        limit: How many skills to return.

    Returns:
        Skills, best first: most roles opened, then postings opened, then the
        summed score of the roles the skill brings closer.
    """
    names: dict[str, str] = {}
    closer: dict[str, list[NextRole]] = defaultdict(list)
    for role in roles:
        for skill in role.missing_skills:
            names[skill.id] = skill.name
            closer[skill.id].append(role)
    closed_roles = [role for role in roles if not ready(held, model, role.occupation_id)[0]]
    closed_postings = {
        pid: required for pid, required in (postings or {}).items()
        if not _posting_open(held, required)
    }
    unlocks: list[SkillUnlock] = []
    for skill_id, name in names.items():
        more = held | {skill_id}
        opened = [r.occupation_id for r in closed_roles if ready(more, model, r.occupation_id)[0]]
        opened_postings = sorted(
            pid for pid, required in closed_postings.items()
            if skill_id in required and _posting_open(more, required)
        )
        weight = sum(role.score for role in closer[skill_id])
        unlocks.append(
            SkillUnlock(
                id=skill_id,
                name=name,
                roles_opened=opened,
                roles_closer=len(closer[skill_id]),
                postings_opened=opened_postings,
                score=round(len(opened) + 0.5 * len(opened_postings) + weight, 4),
            )
        )
    unlocks.sort(key=lambda u: (-len(u.roles_opened), -len(u.postings_opened), -u.score, u.name))
    return unlocks[:limit]
