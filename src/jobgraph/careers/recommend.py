"""Rank next occupations by blending observed moves with occupation similarity.

:class:`CareerModel` holds the occupation profiles and the mined transitions
and scores a move ``source -> target`` as a weighted sum of evidence sources,
each 0..1:

- ``transitions``: the share of people in ``source`` who moved to ``target``;
- ``skills``: shared required skills (essential above optional), blended with
  how much of the target a candidate's own skills already cover;
- ``hierarchy``: BROADER links (built-in ladders, ESCO's hierarchy), SAME_AS;
- ``family``: the same occupational family;
- ``level``: seniority, O*NET job zone and education one step up.

Sparse data still answers: a role nobody has left yet is ranked by similarity.

Extension point: ``extra_sources`` takes more scorers by name (for instance
occupation-embedding similarity once ``jobgraph.embed`` provides it), each a
:class:`PairScorer` with a weight in ``weights``; they join the blend and the
evidence like the built-in sources.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from jobgraph.careers.model import (
    Evidence,
    MissingSkill,
    NextRole,
    OccupationProfile,
    Transition,
)
from jobgraph.careers.similarity import (
    Scored,
    coverage,
    family_similarity,
    hierarchy_similarity,
    level_fit,
    skill_similarity,
    vector_norm,
)

PairScorer = Callable[[OccupationProfile, OccupationProfile], Scored]
"""Scores a move ``(source, target)``: ``(0..1, reason)`` or ``None``."""

DEFAULT_WEIGHTS: dict[str, float] = {
    "transitions": 0.40,
    "skills": 0.25,
    "hierarchy": 0.15,
    "family": 0.05,
    "level": 0.15,
}
SOURCES = tuple(DEFAULT_WEIGHTS)
MAX_FAMILY_CANDIDATES = 300  # beyond this a family is too broad to scan whole
# Imported taxonomies share generic skills among hundreds of occupations; only the
# occupations with the most shared skill weight are scored in full.
MAX_SKILL_CANDIDATES = 150
# A skill nearly every occupation of a source lists (O*NET's "Active Listening")
# says nothing about which ones are near; it still counts in the skills evidence.
MAX_SKILL_SPREAD = 300


@dataclass
class CareerModel:
    """Occupation profiles plus mined transitions, ready to rank moves.

    Args:
        profiles: Occupation id -> profile.
        transitions: Mined ``NEXT`` moves.
        weights: Evidence source -> weight; a source missing or at 0 is off.
        extra_sources: More scorers by name (see the module docs).
        same_source: Suggest only occupations of the start's own taxonomy
            (built-in, ESCO or O*NET), so one role never comes back under
            another vocabulary's name.
    """

    profiles: Mapping[str, OccupationProfile]
    transitions: Collection[Transition] = ()
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    extra_sources: Mapping[str, PairScorer] = field(default_factory=dict)
    same_source: bool = True

    def __post_init__(self) -> None:
        self._outgoing: dict[str, dict[str, Transition]] = defaultdict(dict)
        for transition in self.transitions:
            self._outgoing[transition.from_id][transition.to_id] = transition
        self._titles = {oid: profile.title for oid, profile in self.profiles.items()}
        self._weights = {oid: profile.skill_weights() for oid, profile in self.profiles.items()}
        self._norms = {oid: vector_norm(weights) for oid, weights in self._weights.items()}
        self._by_skill: dict[str, set[str]] = defaultdict(set)
        self._by_family: dict[str, set[str]] = defaultdict(set)
        self._children: dict[str, set[str]] = defaultdict(set)
        for profile in self.profiles.values():
            for skill in profile.skills:
                self._by_skill[skill.id].add(profile.id)
            if profile.family:
                self._by_family[profile.family].add(profile.id)
            for parent in profile.broader:
                self._children[parent].add(profile.id)

    def with_weights(self, weights: Mapping[str, float]) -> CareerModel:
        """The same data under other weights (used by the ablation study)."""
        return CareerModel(
            self.profiles, self.transitions, weights, self.extra_sources, self.same_source
        )

    def observed_from(self, occupation_id: str) -> list[Transition]:
        """The mined moves out of one occupation, most frequent first."""
        return sorted(self._outgoing.get(occupation_id, {}).values(), key=lambda t: -t.count)

    def profile(self, occupation_id: str) -> OccupationProfile:
        """The profile of one occupation (KeyError when unknown)."""
        return self.profiles[occupation_id]

    def _on(self, source: str) -> bool:
        return self.weights.get(source, 0.0) > 0

    def candidates(self, source_id: str) -> set[str]:
        """Occupations worth scoring as a move from ``source_id``."""
        source = self.profiles[source_id]
        found = set(self._outgoing.get(source_id, {}))
        if self._on("skills") or self._on("level"):
            found |= self._nearest_by_skills(source_id)
        if self._on("hierarchy") or self._on("level"):
            found |= set(source.broader) | self._children.get(source_id, set())
            for parent in source.broader:
                found |= self._children.get(parent, set())
        family = self._by_family.get(source.family, set())
        if len(family) <= MAX_FAMILY_CANDIDATES:
            found |= family
        if self.extra_sources:
            found |= set(self.profiles)
        # SAME_AS entries are the same role under another name, never a next one.
        found -= {source_id, *source.same_as}
        return {
            oid for oid in found
            if oid in self.profiles
            and (not self.same_source or self.profiles[oid].source == source.source)
        }

    def _nearest_by_skills(self, source_id: str) -> set[str]:
        """The occupations sharing the most required-skill weight (dot product) with one."""
        overlap: dict[str, float] = defaultdict(float)
        for skill_id, weight in self._weights[source_id].items():
            holders = self._by_skill.get(skill_id, ())
            if len(holders) > MAX_SKILL_SPREAD:
                continue
            for other in holders:
                overlap[other] += weight * self._weights[other][skill_id]
        if len(overlap) <= MAX_SKILL_CANDIDATES:
            return set(overlap)
        ranked = sorted(overlap.items(), key=lambda item: (-item[1], item[0]))
        return {oid for oid, _ in ranked[:MAX_SKILL_CANDIDATES]}

    def evidence(
        self, source_id: str, target_id: str, held: frozenset[str] | None = None
    ) -> tuple[float, list[Evidence]]:
        """Score one move and list the evidence behind it.

        Args:
            source_id: Occupation left.
            target_id: Occupation considered next.
            held: A candidate's skills, when the move is for a person; their
                coverage of the target joins the skills evidence.

        Returns:
            ``(score, evidence)``; the score is the weighted sum of the sources
            that have something to say, divided by the sum of all weights in force.
        """
        source, target = self.profiles[source_id], self.profiles[target_id]
        found: dict[str, Scored] = {}
        transition = self._outgoing.get(source_id, {}).get(target_id)
        if transition is not None:
            leaving = sum(t.count for t in self._outgoing[source_id].values())
            years = (
                f", median {transition.median_years:g} years before moving"
                if transition.median_years is not None else ""
            )
            found["transitions"] = (
                transition.probability,
                f"{transition.count} of {leaving} people who left {source.title} "
                f"moved here ({transition.probability:.0%}){years}",
            )
        found["skills"] = self._skills_evidence(source, target, held)
        found["hierarchy"] = hierarchy_similarity(source, target, self._titles)
        found["family"] = family_similarity(source, target)
        found["level"] = level_fit(source, target)
        for name, scorer in self.extra_sources.items():
            found[name] = scorer(source, target)
        total_weight = sum(w for w in self.weights.values() if w > 0) or 1.0
        score = 0.0
        evidence: list[Evidence] = []
        for name, scored in found.items():
            weight = self.weights.get(name, 0.0)
            if scored is None or weight <= 0:
                continue
            value, detail = scored
            score += weight * value
            evidence.append(Evidence(name, round(value, 4), detail))
        return score / total_weight, evidence

    def _skills_evidence(
        self, source: OccupationProfile, target: OccupationProfile, held: frozenset[str] | None
    ) -> Scored:
        between = skill_similarity(source, target, self._weights, self._norms)
        if held is None:
            return between
        covered = coverage(held, self._weights[target.id])
        detail = f"you hold {covered:.0%} of what it requires"
        if between is None:
            return covered, detail
        return (between[0] + covered) / 2, f"{between[1]}; {detail}"

    def next_roles(
        self,
        source_id: str,
        *,
        held: frozenset[str] | None = None,
        exclude: Collection[str] = (),
        limit: int | None = 10,
    ) -> list[NextRole]:
        """Rank the next occupations from ``source_id``.

        Args:
            source_id: The occupation held now.
            held: A candidate's skills; without them the source occupation's own
                required skills count as held when listing what is missing.
            exclude: Occupations not to suggest (roles held before).
            limit: How many to return (``None``: all that score above 0).

        Returns:
            Suggestions, best first, each with evidence and missing skills.

        Raises:
            KeyError: ``source_id`` is not an occupation of the model.
        """
        have = held if held is not None else frozenset(self._weights[source_id])
        scored: list[tuple[float, str, str, list[Evidence]]] = []
        for target_id in self.candidates(source_id):
            if target_id in exclude:
                continue
            score, evidence = self.evidence(source_id, target_id, held)
            if score > 0:
                scored.append((-round(score, 4), self._titles[target_id], target_id, evidence))
        scored.sort(key=lambda entry: entry[:3])
        chosen = scored if limit is None else scored[:limit]
        # Missing and shared skills are listed only for the suggestions returned.
        return [self._role(oid, -negative, evidence, have)
                for negative, _, oid, evidence in chosen]

    def _role(
        self, target_id: str, score: float, evidence: list[Evidence], have: frozenset[str]
    ) -> NextRole:
        target = self.profiles[target_id]
        return NextRole(
            occupation_id=target_id,
            title=target.title,
            score=round(score, 4),
            evidence=evidence,
            shared_skills=sorted({s.name for s in target.skills if s.id in have}),
            missing_skills=missing_skills(target, have),
            coverage=round(coverage(have, self._weights[target_id]), 4),
        )


def missing_skills(target: OccupationProfile, held: Collection[str]) -> list[MissingSkill]:
    """The target's skills not held, most important first (essential, then weight, then name)."""
    seen: dict[str, MissingSkill] = {}
    for skill in target.skills:
        if skill.id in held:
            continue
        entry = MissingSkill(skill.id, skill.name, skill.essential, round(skill.importance, 4))
        if skill.id not in seen or entry.importance > seen[skill.id].importance:
            seen[skill.id] = entry
    return sorted(seen.values(), key=lambda s: (not s.essential, -s.importance, s.name))
