"""Score one candidate–posting pair: named features in [0, 1] and their sum.

Pure: profiles and the in-memory taxonomy in, a :class:`PairScore` out. The
score keeps the facts it was computed from (each requirement's outcome, the
checks), so the explanation and the advice read the same numbers the total
was made of. See :mod:`jobgraph.match.weights` for what each feature means.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from jobgraph.match.model import AskedSkill, CandidateProfile, PostingProfile
from jobgraph.match.skill_graph import OccupationGraph, SkillGraph, SkillPath
from jobgraph.match.weights import FEATURES, ScoreWeights

NO_REQUIREMENTS = 0.5
UNKNOWN = 0.5


@dataclass(frozen=True)
class RequirementOutcome:
    """How one asked skill was met.

    Attributes:
        skill: The asked skill.
        status: ``matched`` (held directly), ``path`` (through linked skills) or ``missing``.
        credit: 0..1, already scaled by ``years_factor``.
        years_factor: 1, or less when the held years fall short of the minimum asked.
        held_id: The held skill that met it (itself when direct).
        path: The path for ``path`` outcomes.
        contribution: What this requirement adds to the total.
    """

    skill: AskedSkill
    status: str
    credit: float
    years_factor: float = 1.0
    held_id: str | None = None
    path: SkillPath | None = None
    contribution: float = 0.0


@dataclass(frozen=True)
class Check:
    """One of the experience, education, location or occupation checks."""

    name: str
    value: float
    outcome: str
    detail: str


@dataclass(frozen=True)
class PairScore:
    """A scored pair: features, contributions (weight × feature) and their total."""

    candidate_id: str
    posting_id: str
    features: dict[str, float]
    contributions: dict[str, float]
    total: float
    probability: float | None
    requirements: tuple[RequirementOutcome, ...] = ()
    checks: dict[str, Check] = field(default_factory=dict)


def _cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None or a.shape != b.shape:
        return 0.0
    return max(0.0, min(1.0, float(np.dot(a, b))))


def lexical_overlap(candidate: CandidateProfile, posting: PostingProfile) -> float:
    """Share of the posting's title and skill words found in the candidate's words."""
    asked = posting.asked_words
    if not asked:
        return 0.0
    return len(asked & candidate.held_words) / len(asked)


def years_factor(held_years: float | None, min_years: float | None) -> float:
    """1 when no minimum or years unknown; else 0.5 + 0.5 × min(1, held / minimum)."""
    if not min_years or min_years <= 0 or held_years is None:
        return 1.0
    return 0.5 + 0.5 * min(1.0, max(0.0, held_years) / min_years)


def meet(
    candidate: CandidateProfile, asked: AskedSkill, skills: SkillGraph
) -> RequirementOutcome:
    """How ``candidate`` meets one asked skill (contribution not yet set)."""
    held = candidate.skills.get(asked.id)
    if held is not None:
        factor = years_factor(held.years, asked.min_years)
        return RequirementOutcome(asked, "matched", factor, factor, asked.id)
    path = skills.best_path(candidate.skills, asked.id)
    if path is None:
        return RequirementOutcome(asked, "missing", 0.0)
    factor = years_factor(candidate.skills[path.held].years, asked.min_years)
    return RequirementOutcome(asked, "path", path.credit * factor, factor, path.held, path)


def _coverage(outcomes: list[RequirementOutcome]) -> float:
    if not outcomes:
        return NO_REQUIREMENTS
    return sum(o.credit for o in outcomes) / len(outcomes)


def occupation_check(
    candidate: CandidateProfile, posting: PostingProfile, occupations: OccupationGraph
) -> Check:
    """Occupation fit (see ``FEATURE_MEANINGS['occupation']``)."""
    asked = posting.occupation_id
    if asked is None:
        return Check("occupation", UNKNOWN, "unknown", "the posting names no occupation")
    title = occupations.title(asked)
    current = candidate.occupation_id or (candidate.roles[0].occupation_id
                                         if candidate.roles else None)
    past = [role.occupation_id for role in candidate.roles]
    held = [o for o in [current, *past] if o]
    if current and occupations.same(current, asked):
        return Check("occupation", 1.0, "same", f"currently works as {title}")
    if any(occupations.same(o, asked) for o in past):
        return Check("occupation", 0.8, "past_role", f"has worked as {title}")
    near = next((o for o in held if occupations.adjacent(o, asked)), None)
    if near:
        return Check("occupation", 0.6, "broader_or_narrower",
                     f"{occupations.title(near)} is directly broader or narrower than {title}")
    family = next((o for o in held if occupations.same_family(o, asked)), None)
    if family:
        return Check("occupation", 0.3, "same_family",
                     f"{occupations.title(family)} is in the same family as {title}")
    if not held:
        return Check("occupation", 0.0, "unknown", "no occupation found in the resume")
    return Check("occupation", 0.0, "different", f"no role related to {title}")


def experience_check(candidate: CandidateProfile, posting: PostingProfile) -> Check:
    """Years of experience against the posting's minimum."""
    minimum = posting.min_years
    years = candidate.experience_years or 0.0
    if not minimum or minimum <= 0:
        return Check("experience", 1.0, "met", f"{years:g} years; no minimum asked")
    value = min(1.0, years / minimum)
    outcome = "met" if value >= 1.0 else "short"
    return Check("experience", value, outcome, f"{years:g} of {minimum:g} years asked")


def education_check(candidate: CandidateProfile, posting: PostingProfile) -> Check:
    """Education level against the level asked."""
    asked = posting.education_rank
    if not asked:
        return Check("education", 1.0, "met", "no education level asked")
    level = posting.education_level or "the level asked"
    if not candidate.education_rank:
        return Check("education", 0.25, "unknown", f"{level} asked; none found in the resume")
    held = candidate.education_level or "a lower level"
    if candidate.education_rank >= asked:
        return Check("education", 1.0, "met", f"{held} meets {level}")
    if candidate.education_rank == asked - 1:
        return Check("education", 0.5, "one_below", f"{held}, one level below {level}")
    return Check("education", 0.0, "below", f"{held}, below {level}")


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().lower() == b.strip().lower())


def location_check(candidate: CandidateProfile, posting: PostingProfile) -> Check:
    """Location and remote compatibility."""
    if posting.remote == "remote":
        return Check("location", 1.0, "remote", "the role is remote")
    where = posting.city or posting.country
    if _same(candidate.city, posting.city) and (
        not candidate.country or not posting.country or _same(candidate.country, posting.country)
    ):
        return Check("location", 1.0, "same_city", f"both in {posting.city}")
    if _same(candidate.country, posting.country):
        return Check("location", 0.6, "same_country", f"both in {posting.country}")
    if candidate.country and posting.country:
        return Check("location", 0.0, "different_country",
                     f"candidate in {candidate.country}, role in {posting.country}")
    return Check("location", UNKNOWN, "unknown",
                 f"role in {where}" if where else "location not stated")


class Scorer:
    """Scores pairs with fixed weights over one taxonomy snapshot."""

    def __init__(
        self, skills: SkillGraph, occupations: OccupationGraph, weights: ScoreWeights
    ) -> None:
        """Keep the taxonomy and the weights."""
        self.skills = skills
        self.occupations = occupations
        self.weights = weights

    def score(self, candidate: CandidateProfile, posting: PostingProfile) -> PairScore:
        """Score one pair; contributions add up to the total exactly."""
        required = [meet(candidate, s, self.skills) for s in posting.required]
        preferred = [meet(candidate, s, self.skills) for s in posting.preferred]
        checks = {
            "occupation": occupation_check(candidate, posting, self.occupations),
            "experience": experience_check(candidate, posting),
            "education": education_check(candidate, posting),
            "location": location_check(candidate, posting),
        }
        features = {
            "gnn": _cosine(candidate.gnn_vector, posting.gnn_vector),
            "text": _cosine(candidate.text_vector, posting.text_vector),
            "lexical": lexical_overlap(candidate, posting),
            "required": _coverage(required),
            "preferred": _coverage(preferred),
            **{name: check.value for name, check in checks.items()},
        }
        contributions = {f: self.weights.of(f) * features[f] for f in FEATURES}
        total = float(sum(contributions.values()))
        outcomes = [
            *_with_contributions(required, self.weights.of("required")),
            *_with_contributions(preferred, self.weights.of("preferred")),
        ]
        calibration = self.weights.calibration
        return PairScore(
            candidate.id, posting.id, features, contributions, total,
            calibration(total) if calibration else None, tuple(outcomes), checks,
        )


def _with_contributions(
    outcomes: list[RequirementOutcome], weight: float
) -> list[RequirementOutcome]:
    share = weight / len(outcomes) if outcomes else 0.0
    return [
        RequirementOutcome(o.skill, o.status, o.credit, o.years_factor, o.held_id, o.path,
                           share * o.credit)
        for o in outcomes
    ]
