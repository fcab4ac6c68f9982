"""The in-memory skill graph: path credits by relation, direction and distance."""

from __future__ import annotations

import pytest

from jobgraph.match.skill_graph import (
    DOWN_CREDIT,
    HOP_DECAY,
    MIN_CREDIT,
    RELATED_CREDIT,
    UP_CREDIT,
    OccupationGraph,
    SkillGraph,
)

NAMES = {k: k.title() for k in ["postgres", "sql", "mysql", "kotlin", "java", "scala", "jvm"]}
EDGES = [
    {"source": "postgres", "target": "sql", "type": "BROADER", "weight": None},
    {"source": "mysql", "target": "sql", "type": "BROADER", "weight": None},
    {"source": "kotlin", "target": "java", "type": "RELATED_TO", "weight": 0.8},
    {"source": "java", "target": "jvm", "type": "BROADER", "weight": None},
    {"source": "scala", "target": "jvm", "type": "BROADER", "weight": None},
]


@pytest.fixture
def skills() -> SkillGraph:
    return SkillGraph(NAMES, EDGES)


def test_narrower_held_skill_meets_the_broader_one_with_up_credit(skills: SkillGraph) -> None:
    path = skills.best_path({"postgres"}, "sql")
    assert path is not None
    assert path.credit == pytest.approx(UP_CREDIT)
    assert [s.relation for s in path.steps] == ["broader"]


def test_broader_held_skill_meets_a_narrower_one_with_less(skills: SkillGraph) -> None:
    path = skills.best_path({"sql"}, "postgres")
    assert path is not None and path.credit == pytest.approx(DOWN_CREDIT)
    assert path.steps[0].relation == "narrower"


def test_related_credit_scales_with_the_link_weight_both_ways(skills: SkillGraph) -> None:
    for held, asked in [("kotlin", "java"), ("java", "kotlin")]:
        path = skills.best_path({held}, asked)
        assert path is not None and path.credit == pytest.approx(RELATED_CREDIT * 0.8)


def test_sibling_through_two_hops_decays(skills: SkillGraph) -> None:
    path = skills.best_path({"postgres"}, "mysql")
    assert path is not None
    assert path.credit == pytest.approx(UP_CREDIT * DOWN_CREDIT * HOP_DECAY)
    assert [s.relation for s in path.steps] == ["broader", "narrower"]


def test_paths_below_the_minimum_credit_are_not_kept(skills: SkillGraph) -> None:
    # kotlin -> java -> jvm -> scala: 0.56 * 0.8 * 0.9 * 0.5 * 0.9 ≈ 0.18 < MIN_CREDIT
    assert skills.best_path({"kotlin"}, "scala") is None
    assert MIN_CREDIT > RELATED_CREDIT * 0.8 * UP_CREDIT * DOWN_CREDIT * HOP_DECAY**2


def test_best_of_several_held_skills_wins(skills: SkillGraph) -> None:
    path = skills.best_path({"mysql", "kotlin"}, "java")
    assert path is not None and path.held == "kotlin"


def test_unrelated_skill_has_no_path(skills: SkillGraph) -> None:
    assert skills.best_path({"postgres"}, "kotlin") is None
    assert skills.best_path(set(), "sql") is None


def test_occupation_links() -> None:
    occupations = OccupationGraph([
        {"id": "dev", "title": "Developer", "family": "software", "broader": [], "same_as": ["x"]},
        {"id": "sr", "title": "Senior Developer", "family": "software", "broader": ["dev"],
         "same_as": []},
        {"id": "qa", "title": "Tester", "family": "software", "broader": [], "same_as": []},
        {"id": "rn", "title": "Nurse", "family": "nursing", "broader": [], "same_as": []},
    ])
    assert occupations.same("dev", "x") and not occupations.same("dev", "sr")
    assert occupations.adjacent("dev", "sr") and occupations.adjacent("sr", "dev")
    assert occupations.same_family("qa", "dev") and not occupations.same_family("rn", "dev")
