"""Explanations: what a score was made of, in data and in a few plain sentences.

Everything here reads a :class:`PairScore`; nothing is recomputed or invented.
The summary is filled from templates with the score's own facts, so it can
say no more than the breakdown holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jobgraph.match.model import CandidateProfile, PostingProfile
from jobgraph.match.scoring import PairScore, RequirementOutcome
from jobgraph.match.skill_graph import SkillGraph, SkillPath
from jobgraph.match.weights import FEATURE_MEANINGS, FEATURES, ScoreWeights


def breakdown(score: PairScore, weights: ScoreWeights) -> list[dict[str, Any]]:
    """One row per feature: value, weight, contribution and meaning."""
    return [
        {
            "feature": f,
            "value": round(score.features[f], 6),
            "weight": weights.of(f),
            "contribution": score.contributions[f],
            "meaning": FEATURE_MEANINGS[f],
        }
        for f in FEATURES
    ]


def path_text(path: SkillPath, skills: SkillGraph) -> str:
    """``Candidate–HAS_SKILL→Kotlin–RELATED_TO→Java←REQUIRES–Posting``."""
    parts = ["Candidate", "–HAS_SKILL→", skills.name(path.held)]
    for step in path.steps:
        arrow = f"–{step.type}→" if step.forward else f"←{step.type}–"
        if step.type in ("RELATED_TO", "SAME_AS"):  # read in both directions
            arrow = f"–{step.type}–"
        nxt = step.target if step.forward else step.source
        parts += [arrow, skills.name(nxt)]
    parts += ["←REQUIRES–", "Posting"]
    return "".join(parts)


def path_dict(
    path: SkillPath, skills: SkillGraph, confirmed: frozenset[tuple[str, str, str]] | None
) -> dict[str, Any]:
    """A path as data, each step with its relation, weight and credit."""
    steps = []
    for step in path.steps:
        start, end = (step.source, step.target) if step.forward else (step.target, step.source)
        steps.append({
            "from_id": start, "from": skills.name(start), "to_id": end, "to": skills.name(end),
            "type": step.type, "relation": step.relation, "weight": step.weight,
            "credit": step.credit,
        })
    edges = {(s.source, s.target, s.type) for s in path.steps}
    return {
        "held_skill_id": path.held,
        "held_skill": skills.name(path.held),
        "steps": steps,
        "credit": path.credit,
        "text": path_text(path, skills),
        "confirmed": None if confirmed is None else edges <= confirmed,
    }


def requirement_dict(
    outcome: RequirementOutcome,
    candidate: CandidateProfile,
    skills: SkillGraph,
    confirmed: frozenset[tuple[str, str, str]] | None,
) -> dict[str, Any]:
    """One requirement: status, credit, contribution, the resume's evidence and the path."""
    held = candidate.skills.get(outcome.held_id) if outcome.held_id else None
    evidence = None
    if held is not None and held.evidence is not None:
        evidence = {"text": held.evidence, "snippet": held.snippet, "section": held.section,
                    "start": held.start, "end": held.end, "years": held.years}
    return {
        "skill_id": outcome.skill.id,
        "skill": outcome.skill.name,
        "importance": outcome.skill.importance,
        "min_years": outcome.skill.min_years,
        "status": outcome.status,
        "credit": outcome.credit,
        "years_factor": outcome.years_factor,
        "contribution": outcome.contribution,
        "evidence": evidence,
        "path": path_dict(outcome.path, skills, confirmed) if outcome.path else None,
    }


def _names(outcomes: list[RequirementOutcome], limit: int = 3) -> str:
    names = [o.skill.name for o in outcomes]
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def summary(score: PairScore, posting: PostingProfile) -> str:
    """One to three sentences built from the score's facts only."""
    required = [o for o in score.requirements if o.skill.importance == "required"]
    direct = [o for o in required if o.status == "matched"]
    linked = [o for o in required if o.status == "path"]
    missing = [o for o in required if o.status == "missing"]
    sentences: list[str] = []
    if required:
        first = f"Holds {len(direct)} of {len(required)} required skills directly"
        if linked:
            first += f" and {len(linked)} through related skills ({_names(linked)})"
        first += f"; missing {_names(missing)}." if missing else "."
        sentences.append(first)
    else:
        sentences.append("The posting lists no required skills.")
    checks = score.checks
    facts = [checks["occupation"].detail, checks["experience"].detail]
    if checks["education"].outcome != "met" or posting.education_rank:
        facts.append(checks["education"].detail)
    sentences.append(_capitalise("; ".join(facts)) + ".")
    best = max(FEATURES, key=lambda f: score.contributions[f])
    line = f"Score {score.total:.2f}, most of it from {best.replace('_', ' ')}"
    if score.probability is not None:
        line += f"; estimated probability of a good fit {score.probability:.0%}"
    sentences.append(line + ".")
    return " ".join(sentences)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def explanation(
    score: PairScore,
    candidate: CandidateProfile,
    posting: PostingProfile,
    *,
    skills: SkillGraph,
    weights: ScoreWeights,
    confirmed: frozenset[tuple[str, str, str]] | None = None,
    advice: list[dict[str, Any]] | None = None,
    occupation_titles: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """The full explanation of a pair (``schemas/explanation.schema.json``)."""
    titles = occupation_titles or {}
    return {
        "candidate": {"id": candidate.id, "headline": candidate.headline,
                      "occupation": titles.get("candidate")},
        "posting": {"id": posting.id, "title": posting.title, "company": posting.company,
                    "occupation": titles.get("posting")},
        "score": score.total,
        "probability": score.probability,
        "weights_source": weights.source,
        "breakdown": breakdown(score, weights),
        "requirements": [requirement_dict(o, candidate, skills, confirmed)
                         for o in score.requirements],
        "checks": {name: {"value": c.value, "outcome": c.outcome, "detail": c.detail}
                   for name, c in score.checks.items()},
        "summary": summary(score, posting),
        "advice": advice or [],
    }
