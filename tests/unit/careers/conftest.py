"""A small hand-made occupation world for the career logic."""

from __future__ import annotations

import pytest

from jobgraph.careers.model import OccupationProfile, RequiredSkill, Transition
from jobgraph.careers.recommend import CareerModel


def skills(essential: str, optional: str = "") -> tuple[RequiredSkill, ...]:
    return tuple(RequiredSkill(s, s.upper(), True) for s in essential.split()) + tuple(
        RequiredSkill(s, s.upper(), False) for s in optional.split()
    )


PROFILES = {
    "analyst": OccupationProfile("analyst", "Data Analyst", "data", seniority=1,
                                 skills=skills("sql excel stats", "python")),
    "engineer": OccupationProfile("engineer", "Data Engineer", "data", seniority=1,
                                  skills=skills("sql python etl", "spark")),
    "senior": OccupationProfile("senior", "Senior Data Engineer", "data", seniority=2,
                                broader=("engineer",),
                                skills=skills("sql python etl spark", "kafka")),
    "architect": OccupationProfile("architect", "Data Architect", "data", seniority=3,
                                   broader=("engineer",),
                                   skills=skills("sql modelling cloud spark", "governance")),
    "nurse": OccupationProfile("nurse", "Nurse", "nursing", seniority=1,
                               skills=skills("care triage", "excel")),
}


@pytest.fixture
def model() -> CareerModel:
    return CareerModel(PROFILES, [
        Transition("analyst", "engineer", 3, 0.75, 2.0),
        Transition("analyst", "nurse", 1, 0.25, None),
    ])
