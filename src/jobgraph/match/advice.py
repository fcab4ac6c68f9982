"""Counterfactual advice, computed by re-running the scorer on a changed profile.

- For a pair: each skill the posting asks for and the candidate does not hold
  directly, with the exact gain in score if they held it (years unknown).
- For a candidate: the skills that would lift the most postings of their
  shortlist over a threshold.
- For a posting: the requirement whose removal would lift the most candidates
  of its shortlist over the threshold.

Vectors are held fixed: the gains are what the scorer's graph evidence would
add; the advice never claims a candidate holds a skill.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from jobgraph.match.model import CandidateProfile, PostingProfile
from jobgraph.match.scoring import PairScore, Scorer

DEFAULT_THRESHOLD = 0.6


def _crossings(
    base: dict[str, float], after: dict[str, float], threshold: float
) -> dict[str, Any]:
    """How a change moved each score: how many crossed ``threshold`` upwards, the gains."""
    crossing = sorted(key for key in after if base[key] < threshold <= after[key])
    gains = [after[key] - base[key] for key in after]
    return {
        "newly_above_threshold": len(crossing),
        "mean_gain": sum(gains) / len(gains) if gains else 0.0,
        "max_gain": max(gains, default=0.0),
        "examples": crossing[:5],
    }


def _rank(row: dict[str, Any]) -> tuple[int, float, str]:
    return (-int(row["newly_above_threshold"]), -float(row["mean_gain"]), str(row["skill"]))


def pair_advice(
    scorer: Scorer, candidate: CandidateProfile, posting: PostingProfile, base: PairScore
) -> list[dict[str, Any]]:
    """Skills asked and not held directly, by the score gain holding each would bring."""
    rows = []
    for outcome in base.requirements:
        if outcome.status == "matched":
            continue
        changed = scorer.score(candidate.with_skill(outcome.skill.id, outcome.skill.name), posting)
        rows.append({
            "skill_id": outcome.skill.id,
            "skill": outcome.skill.name,
            "importance": outcome.skill.importance,
            "status": outcome.status,
            "gain": changed.total - base.total,
            "score_after": changed.total,
        })
    return sorted(rows, key=lambda row: (-row["gain"], row["skill"]))


def candidate_advice(
    scorer: Scorer,
    candidate: CandidateProfile,
    postings: Sequence[PostingProfile],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    max_skills: int = 30,
    limit: int = 10,
) -> dict[str, Any]:
    """Skills that would put the most of ``postings`` above ``threshold``."""
    base = {p.id: scorer.score(candidate, p).total for p in postings}
    asked = Counter(
        (s.id, s.name) for p in postings for s in p.skills if s.id not in candidate.skills
    )
    rows = []
    for (skill_id, name), demand in asked.most_common(max_skills):
        learned = candidate.with_skill(skill_id, name)
        after = {p.id: scorer.score(learned, p).total for p in postings}
        rows.append({"skill_id": skill_id, "skill": name, "postings_asking": demand,
                     **_crossings(base, after, threshold)})
    rows.sort(key=_rank)
    return {
        "kind": "candidate",
        "id": candidate.id,
        "threshold": threshold,
        "considered": len(postings),
        "above_threshold": sum(1 for value in base.values() if value >= threshold),
        "suggestions": rows[:limit],
    }


def posting_advice(
    scorer: Scorer,
    posting: PostingProfile,
    candidates: Sequence[CandidateProfile],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 10,
) -> dict[str, Any]:
    """Requirements whose removal would put the most of ``candidates`` above ``threshold``."""
    base = {c.id: scorer.score(c, posting).total for c in candidates}
    rows = []
    for skill in posting.skills:
        relaxed = posting.without_requirement(skill.id)
        after = {c.id: scorer.score(c, relaxed).total for c in candidates}
        rows.append({"skill_id": skill.id, "skill": skill.name, "importance": skill.importance,
                     "held_by": sum(1 for c in candidates if skill.id in c.skills),
                     **_crossings(base, after, threshold)})
    rows.sort(key=_rank)
    return {
        "kind": "posting",
        "id": posting.id,
        "threshold": threshold,
        "considered": len(candidates),
        "above_threshold": sum(1 for value in base.values() if value >= threshold),
        "suggestions": rows[:limit],
    }
