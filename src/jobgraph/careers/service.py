"""Career paths over the graph: read, mine, resolve, suggest.

The functions here receive an open ``driver`` and hand the graph's rows to the
pure logic of this package. Occupation text is resolved with the taxonomy
lookup (never put into a query); a graph with imported occupations also
resolves their titles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from jobgraph.careers.mining import chronological, mine_transitions
from jobgraph.careers.model import (
    OccupationProfile,
    RequiredSkill,
    Spell,
    Transition,
    WorkHistory,
)
from jobgraph.careers.recommend import DEFAULT_WEIGHTS, CareerModel
from jobgraph.errors import NotFoundError
from jobgraph.graph import careers as graph
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.model import Occupation, Taxonomy


@dataclass(frozen=True)
class CandidateView:
    """What career suggestions need about one candidate.

    Attributes:
        id: Candidate id.
        headline: Their headline, if any.
        occupation_id: The occupation of the most recent resolved job (or the
            candidate's own ``occupation_id``), ``None`` when unknown.
        held: Skills held, with the broader and SAME_AS skills they imply.
        past: Occupations held before, most recent first.
    """

    id: str
    headline: str | None
    occupation_id: str | None
    held: frozenset[str]
    past: tuple[str, ...]


@dataclass(frozen=True)
class MineReport:
    """Outcome of ``careers mine``."""

    histories: int
    moves: int
    transitions: int


def _spells(rows: list[dict[str, Any]]) -> tuple[Spell, ...]:
    return tuple(
        Spell(
            occupation_id=row["occupation_id"],
            order=int(row.get("order") or 0),
            start=row.get("start"),
            end=row.get("end"),
            months=row.get("months"),
        )
        for row in rows
    )


def work_histories(driver: Driver, database: str = "neo4j") -> list[WorkHistory]:
    """Every candidate's resolved work history, read from the graph."""
    return [
        WorkHistory(row["candidate_id"], _spells(row["spells"]))
        for row in graph.read_work_histories(driver, database)
    ]


def transition_rows(transitions: list[Transition]) -> list[dict[str, Any]]:
    """The parameters of ``careers_next_write``."""
    return [
        {"from_id": t.from_id, "to_id": t.to_id, "count": t.count,
         "probability": t.probability, "median_years": t.median_years}
        for t in transitions
    ]


def mine(driver: Driver, database: str = "neo4j") -> MineReport:
    """Mine ``NEXT`` transitions from every work history and replace the stored ones."""
    histories = work_histories(driver, database)
    transitions = mine_transitions(histories)
    written = graph.replace_transitions(driver, transition_rows(transitions), database)
    return MineReport(len(histories), sum(t.count for t in transitions), written)


def profiles_from_rows(rows: list[dict[str, Any]]) -> dict[str, OccupationProfile]:
    """Turn ``careers_occupation_profiles`` rows into profiles by id."""
    profiles: dict[str, OccupationProfile] = {}
    for row in rows:
        skills = tuple(
            RequiredSkill(
                id=skill["id"],
                name=skill.get("name") or skill["id"],
                essential=(skill.get("importance") or "essential") != "optional",
                weight=float(skill["weight"]) if skill.get("weight") is not None else 1.0,
            )
            for skill in row.get("skills") or []
        )
        profiles[row["id"]] = OccupationProfile(
            id=row["id"],
            title=row.get("title") or row["id"],
            family=row.get("family") or "",
            source=row.get("source") or "builtin",
            seniority=row.get("seniority"),
            job_zone=row.get("job_zone"),
            education=row.get("education") or "",
            broader=tuple(row.get("broader") or ()),
            same_as=tuple(row.get("same_as") or ()),
            skills=skills,
        )
    return profiles


def load_model(
    driver: Driver, database: str = "neo4j", *, weights: Mapping[str, float] | None = None
) -> CareerModel:
    """Read occupation profiles and mined transitions into a :class:`CareerModel`.

    Raises:
        NotFoundError: The graph holds no occupations (the taxonomy is not loaded).
    """
    profiles = profiles_from_rows(graph.read_occupation_profiles(driver, database))
    if not profiles:
        raise NotFoundError(
            "the graph holds no occupations; run `jobgraph taxonomy load` first"
        )
    transitions = [
        Transition(row["from_id"], row["to_id"], int(row["count"]), float(row["probability"]),
                   row.get("median_years"))
        for row in graph.read_transitions(driver, database)
    ]
    return CareerModel(profiles, transitions, dict(weights or DEFAULT_WEIGHTS))


def load_candidate(driver: Driver, candidate_id: str, database: str = "neo4j") -> CandidateView:
    """Read one candidate for career suggestions.

    Raises:
        NotFoundError: No candidate has that id.
    """
    row = graph.read_candidate(driver, candidate_id, database)
    if row is None:
        raise NotFoundError(
            f"candidate {candidate_id!r}: not in the graph; ingest the resume first "
            "or check the id with `jobgraph db status`"
        )
    recent_first = list(reversed(chronological(_spells(row["spells"]))))
    current = recent_first[0].occupation_id if recent_first else row.get("occupation_id")
    past = tuple(dict.fromkeys(s.occupation_id for s in recent_first))
    return CandidateView(
        id=row["id"],
        headline=row.get("headline"),
        occupation_id=current,
        held=frozenset(row["skills"]) | frozenset(row["implied_skills"]),
        past=past,
    )


def resolve_occupation(model: CareerModel, text: str) -> str:
    """Return the occupation id for an id or a job title.

    Titles resolve with the taxonomy lookup: the built-in vocabulary first,
    then the titles of every occupation in the graph (imported ones too).

    Raises:
        NotFoundError: Nothing in the graph matches.
    """
    if text in model.profiles:
        return text
    for lookup in (_builtin_lookup(), _graph_lookup(model)):
        found = lookup.occupation(text)
        if found is not None and found.id in model.profiles:
            return found.id
    raise NotFoundError(
        f"occupation {text!r}: no occupation id or title in the graph matches; "
        "try `jobgraph taxonomy search` for the titles it knows"
    )


_LOOKUPS: dict[str, TaxonomyLookup] = {}


def _builtin_lookup() -> TaxonomyLookup:
    if "builtin" not in _LOOKUPS:
        _LOOKUPS["builtin"] = TaxonomyLookup(builtin_taxonomy())
    return _LOOKUPS["builtin"]


def _graph_lookup(model: CareerModel) -> TaxonomyLookup:
    occupations = {
        oid: Occupation(id=oid, title=profile.title, family=profile.family)
        for oid, profile in model.profiles.items()
    }
    return TaxonomyLookup(Taxonomy(occupations=occupations))


def posting_requirements(driver: Driver, database: str = "neo4j") -> dict[str, frozenset[str]]:
    """Posting id -> required skill ids (postings without any are left out)."""
    return {
        row["id"]: frozenset(row["required"])
        for row in graph.read_posting_requirements(driver, database)
        if row["required"]
    }
