"""Typed values of the career-path stage: what is read, mined and suggested.

Everything here is plain data. The graph layer (``jobgraph.graph.careers``)
fills :class:`OccupationProfile`, :class:`WorkHistory` and :class:`Transition`;
the logic in this package turns them into :class:`NextRole`,
:class:`CareerPath` and :class:`SkillUnlock` values, each carrying the
:class:`Evidence` it rests on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ESSENTIAL_WEIGHT = 1.0
OPTIONAL_WEIGHT = 0.4


@dataclass(frozen=True, slots=True)
class RequiredSkill:
    """One skill an occupation requires.

    Attributes:
        id: Skill id.
        name: Skill name.
        essential: True for an essential skill, False for an optional one.
        weight: The requirement's own weight (1.0 when the taxonomy gives none).
    """

    id: str
    name: str
    essential: bool = True
    weight: float = 1.0

    @property
    def importance(self) -> float:
        """Essential skills count more than optional ones, scaled by the weight."""
        return (ESSENTIAL_WEIGHT if self.essential else OPTIONAL_WEIGHT) * self.weight


@dataclass(frozen=True, slots=True)
class OccupationProfile:
    """What similarity needs to know about one occupation."""

    id: str
    title: str
    family: str = ""
    source: str = "builtin"
    seniority: int | None = None
    job_zone: int | None = None
    education: str = ""
    broader: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    skills: tuple[RequiredSkill, ...] = ()

    def skill_weights(self) -> dict[str, float]:
        """Skill id -> importance (the highest when a skill is listed twice)."""
        weights: dict[str, float] = {}
        for skill in self.skills:
            weights[skill.id] = max(weights.get(skill.id, 0.0), skill.importance)
        return weights


@dataclass(frozen=True, slots=True)
class Spell:
    """One job in a work history: ``order`` 0 is the most recent."""

    occupation_id: str
    order: int
    start: str | None = None
    end: str | None = None
    months: int | None = None


@dataclass(frozen=True, slots=True)
class WorkHistory:
    """A candidate's jobs linked to occupations."""

    candidate_id: str
    spells: tuple[Spell, ...]


@dataclass(frozen=True, slots=True)
class Transition:
    """An observed move between occupations, as stored on ``NEXT``.

    Attributes:
        from_id: Occupation left.
        to_id: Occupation taken next.
        count: People seen making the move.
        probability: ``count`` over all moves out of ``from_id``.
        median_years: Median years spent in ``from_id`` before moving, when known.
    """

    from_id: str
    to_id: str
    count: int
    probability: float
    median_years: float | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason behind a suggestion.

    Attributes:
        source: The evidence source ("transitions", "skills", "hierarchy",
            "family", "level", or a plugged-in one such as "embedding").
        score: Its 0..1 contribution before weighting.
        detail: A sentence a person can read.
    """

    source: str
    score: float
    detail: str


@dataclass(frozen=True, slots=True)
class MissingSkill:
    """A skill the next role needs that is not held yet."""

    id: str
    name: str
    essential: bool
    importance: float


@dataclass(slots=True)
class NextRole:
    """One suggested next occupation, with why and what it takes."""

    occupation_id: str
    title: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    shared_skills: list[str] = field(default_factory=list)
    missing_skills: list[MissingSkill] = field(default_factory=list)
    coverage: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


@dataclass(slots=True)
class PathStep:
    """One move of a multi-step path."""

    from_id: str
    to_id: str
    title: str
    likelihood: float
    to_acquire: list[MissingSkill]
    ready_now: bool
    coverage_now: float
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class CareerPath:
    """A path from a start occupation to a target, best (lowest cost) first."""

    cost: float
    steps: list[PathStep]

    @property
    def occupation_ids(self) -> list[str]:
        """Start, every intermediate role and the target."""
        return [self.steps[0].from_id, *(step.to_id for step in self.steps)] if self.steps else []

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"cost": self.cost, "occupations": self.occupation_ids,
                "steps": [asdict(step) for step in self.steps]}


@dataclass(slots=True)
class SkillUnlock:
    """A skill and what learning it would open for one candidate."""

    id: str
    name: str
    roles_opened: list[str]
    roles_closer: int
    postings_opened: list[str]
    score: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)
