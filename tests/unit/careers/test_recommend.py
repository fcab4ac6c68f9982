"""Next roles: blended evidence, missing skills, ablation weights."""

from __future__ import annotations

from jobgraph.careers.model import OccupationProfile
from jobgraph.careers.recommend import CareerModel, missing_skills
from jobgraph.careers.similarity import coverage, level_fit, skill_similarity, weighted_cosine

from .conftest import PROFILES


def test_weighted_cosine_and_coverage() -> None:
    assert weighted_cosine({"a": 1.0}, {"a": 1.0}) == 1.0
    assert weighted_cosine({"a": 1.0}, {"b": 1.0}) == 0.0
    assert coverage({"a"}, {"a": 1.0, "b": 0.4}) == 1 / 1.4


def test_essential_skills_weigh_more_than_optional() -> None:
    source = PROFILES["analyst"]
    shares_essential = skill_similarity(source, PROFILES["engineer"])  # sql essential, python
    assert shares_essential is not None and shares_essential[0] > 0
    assert "shares 2 of 4" in shares_essential[1]


def test_level_prefers_one_step_up() -> None:
    up = level_fit(PROFILES["engineer"], PROFILES["senior"])
    jump = level_fit(PROFILES["engineer"], PROFILES["architect"])
    assert up is not None and jump is not None and up[0] > jump[0]


def test_observed_moves_rank_first_and_say_so(model: CareerModel) -> None:
    roles = model.next_roles("analyst", limit=3)
    assert roles[0].occupation_id == "engineer"
    sources = {e.source for e in roles[0].evidence}
    assert {"transitions", "skills", "family", "level"} <= sources
    moved = next(e for e in roles[0].evidence if e.source == "transitions")
    assert "3 of 4 people" in moved.detail and "median 2 years" in moved.detail


def test_sparse_data_still_answers_by_similarity(model: CareerModel) -> None:
    roles = model.next_roles("engineer", limit=2)  # nobody has left Data Engineer yet
    assert roles[0].occupation_id == "senior"
    assert any(e.source == "hierarchy" for e in roles[0].evidence)
    assert all(e.source != "transitions" for e in roles[0].evidence)


def test_missing_skills_essential_first(model: CareerModel) -> None:
    senior = next(r for r in model.next_roles("engineer", limit=5) if r.occupation_id == "senior")
    assert [s.id for s in senior.missing_skills] == ["kafka"]  # spark comes with the job
    held = frozenset({"sql"})
    senior = next(r for r in model.next_roles("engineer", held=held, limit=5)
                  if r.occupation_id == "senior")
    assert [s.id for s in senior.missing_skills] == ["etl", "python", "spark", "kafka"]
    assert senior.missing_skills[0].essential and not senior.missing_skills[-1].essential
    ordered = missing_skills(PROFILES["architect"], {"sql"})
    assert [s.essential for s in ordered] == [True, True, True, False]


def test_candidate_skills_change_coverage_and_gap(model: CareerModel) -> None:
    held = frozenset({"sql", "python", "etl", "spark", "kafka"})
    senior = next(r for r in model.next_roles("engineer", held=held, limit=5)
                  if r.occupation_id == "senior")
    assert senior.missing_skills == [] and senior.coverage == 1.0
    assert "you hold 100%" in next(e.detail for e in senior.evidence if e.source == "skills")


def test_excluded_roles_are_not_suggested(model: CareerModel) -> None:
    roles = model.next_roles("analyst", exclude={"engineer"}, limit=None)
    assert "engineer" not in {r.occupation_id for r in roles}


def test_weights_switch_sources_off(model: CareerModel) -> None:
    only_moves = model.with_weights({"transitions": 1.0})
    roles = only_moves.next_roles("analyst", limit=None)
    assert [r.occupation_id for r in roles] == ["engineer", "nurse"]
    assert only_moves.next_roles("engineer", limit=None) == []


def test_an_extra_source_joins_the_blend() -> None:
    def prefers_nurse(source: OccupationProfile, target: OccupationProfile) -> tuple[float, str]:
        return (1.0, "embedding says so") if target.id == "nurse" else (0.0, "far")

    model = CareerModel(PROFILES, [], {"embedding": 1.0, "family": 0.1},
                        extra_sources={"embedding": prefers_nurse})
    roles = model.next_roles("engineer", limit=1)
    assert roles[0].occupation_id == "nurse"
    assert roles[0].evidence[0].detail == "embedding says so"


def test_other_taxonomies_and_same_as_entries_are_not_next_roles() -> None:
    profiles = dict(PROFILES)
    profiles["esco-senior"] = OccupationProfile(
        "esco-senior", "senior data engineer", "data", source="esco",
        skills=PROFILES["senior"].skills)
    profiles["twin"] = OccupationProfile("twin", "Data Engineer (twin)", "data",
                                         same_as=("engineer",), skills=PROFILES["engineer"].skills)
    profiles["engineer"] = OccupationProfile(
        "engineer", "Data Engineer", "data", seniority=1, same_as=("twin",),
        skills=PROFILES["engineer"].skills)
    model = CareerModel(profiles, [])
    suggested = {r.occupation_id for r in model.next_roles("engineer", limit=None)}
    assert "senior" in suggested
    assert "esco-senior" not in suggested and "twin" not in suggested
    wide = CareerModel(profiles, [], same_source=False)
    assert "esco-senior" in {r.occupation_id for r in wide.next_roles("engineer", limit=None)}
