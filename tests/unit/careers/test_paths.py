"""k best multi-step paths and the skills that unlock most."""

from __future__ import annotations

from jobgraph.careers.model import NextRole
from jobgraph.careers.paths import PathSearch, k_best_paths, ready
from jobgraph.careers.recommend import CareerModel
from jobgraph.careers.unlocks import skills_that_unlock


def test_paths_are_ordered_and_end_at_the_target(model: CareerModel) -> None:
    paths = k_best_paths(model, "analyst", "senior", search=PathSearch(k=3))
    assert paths, "a path exists"
    assert all(p.occupation_ids[0] == "analyst" and p.occupation_ids[-1] == "senior" for p in paths)
    assert [p.cost for p in paths] == sorted(p.cost for p in paths)
    assert len({tuple(p.occupation_ids) for p in paths}) == len(paths), "paths differ"
    best = paths[0]
    assert best.occupation_ids == ["analyst", "engineer", "senior"]


def test_each_step_lists_what_to_acquire_given_what_came_before(model: CareerModel) -> None:
    best = k_best_paths(model, "analyst", "senior")[0]
    first, second = best.steps
    assert [s.id for s in first.to_acquire if s.essential] == ["etl"]
    # After working as a data engineer, spark (its optional skill) is held.
    assert [s.id for s in second.to_acquire] == ["kafka"]


def test_ready_now_comes_from_the_candidate_own_skills(model: CareerModel) -> None:
    held = frozenset({"sql", "python", "etl"})
    best = k_best_paths(model, "analyst", "senior", held=held)[0]
    assert best.steps[0].ready_now
    assert best.steps[1].coverage_now == 0.75  # spark, essential there, is missing
    assert ready(frozenset({"sql"}), model, "senior") == (False, 0.25)
    assert ready(held | {"spark"}, model, "senior") == (True, 1.0)
    assert not k_best_paths(model, "analyst", "senior", held=frozenset())[0].steps[0].ready_now


def test_search_is_bounded_by_steps(model: CareerModel) -> None:
    paths = k_best_paths(model, "nurse", "senior", search=PathSearch(k=5, max_steps=1))
    assert all(len(p.steps) == 1 for p in paths)


def test_skills_that_unlock_most(model: CareerModel) -> None:
    held = frozenset({"sql", "python"})
    roles: list[NextRole] = model.next_roles("analyst", held=held, limit=None)
    unlocks = skills_that_unlock(
        model, roles, held, postings={"p1": frozenset({"sql", "etl"}), "p2": frozenset({"care"})}
    )
    assert unlocks[0].id == "etl"
    assert set(unlocks[0].roles_opened) == {"engineer", "senior"}  # 3 of 4 essentials
    assert unlocks[0].postings_opened == ["p1"]
