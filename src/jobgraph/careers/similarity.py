"""How alike two occupations are, source by source, each with its reason.

Every function returns ``(score, detail)`` with ``score`` in 0..1, or ``None``
where the source has nothing to say (no skills listed, no job zone known).
Keeping the sources apart lets a suggestion name its evidence and lets the
evaluation switch each one off.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from jobgraph.careers.model import OccupationProfile

Scored = tuple[float, str] | None

# Moving one rung up is the usual next step; staying level is common; a big
# jump or a step down is rare.
SENIORITY_FIT = {0: 0.6, 1: 1.0, 2: 0.4, -1: 0.15}
JOB_ZONE_FIT = {0: 0.8, 1: 1.0, -1: 0.3}
EDUCATION_RANKS = {
    "secondary": 1, "high school": 1, "vocational": 2, "postsecondary": 2,
    "associate": 3, "bachelor": 4, "master": 5, "doctor": 6, "phd": 6,
}


def vector_norm(weights: Mapping[str, float]) -> float:
    """Euclidean length of a skill-weight vector."""
    return math.sqrt(sum(w * w for w in weights.values()))


def weighted_cosine(
    left: Mapping[str, float],
    right: Mapping[str, float],
    norms: tuple[float, float] | None = None,
) -> float:
    """Cosine of two skill-weight vectors (0 when either is empty).

    Args:
        left: Skill id -> weight.
        right: Skill id -> weight.
        norms: Their lengths, when already known.
    """
    if not left or not right:
        return 0.0
    if len(left) > len(right):
        left, right = right, left
    dot = sum(weight * right[skill] for skill, weight in left.items() if skill in right)
    norm = norms[0] * norms[1] if norms else vector_norm(left) * vector_norm(right)
    return dot / norm if norm else 0.0


def coverage(held: set[str] | frozenset[str], target: Mapping[str, float]) -> float:
    """Share of the target's skill weight that ``held`` covers (1 when nothing is required)."""
    total = sum(target.values())
    if not total:
        return 1.0
    return sum(weight for skill, weight in target.items() if skill in held) / total


def skill_similarity(
    source: OccupationProfile,
    target: OccupationProfile,
    weights: Mapping[str, Mapping[str, float]] | None = None,
    norms: Mapping[str, float] | None = None,
) -> Scored:
    """Shared required skills, essential ones weighted above optional ones.

    Args:
        source: Occupation left.
        target: Occupation considered.
        weights: Precomputed ``skill_weights()`` by occupation id (a speed-up).
        norms: Precomputed vector lengths by occupation id (a speed-up).
    """
    left = weights[source.id] if weights else source.skill_weights()
    right = weights[target.id] if weights else target.skill_weights()
    if not left or not right:
        return None
    shared = set(left) & set(right)
    essential = {s.id for s in target.skills if s.essential and s.id in shared}
    known = (norms[source.id], norms[target.id]) if norms else None
    score = weighted_cosine(left, right, known)
    detail = f"shares {len(shared)} of {len(right)} required skills ({len(essential)} essential)"
    return score, detail


def hierarchy_similarity(
    source: OccupationProfile, target: OccupationProfile, titles: Mapping[str, str]
) -> Scored:
    """BROADER links: a narrower or broader role, a sibling, or the same entry in another source."""
    if target.id in source.same_as or source.id in target.same_as:
        return 0.9, "the same role in another taxonomy"
    if target.id in source.broader:
        return 1.0, f"the broader role above {source.title}"
    if source.id in target.broader:
        return 1.0, f"a specialisation of {source.title}"
    common = set(source.broader) & set(target.broader)
    if common:
        parent = titles.get(sorted(common)[0], sorted(common)[0])
        return 0.6, f"a sibling role under {parent}"
    return None


def family_similarity(source: OccupationProfile, target: OccupationProfile) -> Scored:
    """The same occupational family."""
    if source.family and source.family == target.family:
        return 1.0, f"same family ({target.family})"
    return None


def _education_rank(text: str) -> int | None:
    folded = text.lower()
    ranks = [rank for word, rank in EDUCATION_RANKS.items() if word in folded]
    return max(ranks) if ranks else None


def level_fit(source: OccupationProfile, target: OccupationProfile) -> Scored:
    """Seniority, O*NET job zone and education: does the target sit one step up?"""
    parts: list[tuple[float, str]] = []
    # Only the built-in taxonomy ranks seniority; imported entries carry a default.
    builtin = source.source == target.source == "builtin"
    if builtin and source.seniority is not None and target.seniority is not None:
        step = target.seniority - source.seniority
        detail = f"seniority {source.seniority} -> {target.seniority}"
        parts.append((SENIORITY_FIT.get(step, 0.0), detail))
    if source.job_zone is not None and target.job_zone is not None:
        step = target.job_zone - source.job_zone
        detail = f"job zone {source.job_zone} -> {target.job_zone}"
        parts.append((JOB_ZONE_FIT.get(step, 0.0), detail))
    source_rank, target_rank = _education_rank(source.education), _education_rank(target.education)
    if source_rank is not None and target_rank is not None:
        step = target_rank - source_rank
        detail = f"education {source.education} -> {target.education}"
        parts.append((1.0 if 0 <= step <= 1 else 0.3, detail))
    if not parts:
        return None
    return sum(score for score, _ in parts) / len(parts), "; ".join(detail for _, detail in parts)
