"""Mining NEXT transitions from ordered work histories."""

from __future__ import annotations

from jobgraph.careers.mining import chronological, mine_transitions, month_index, moves
from jobgraph.careers.model import Spell, WorkHistory


def history(cid: str, *jobs: tuple[str, str | None]) -> WorkHistory:
    """Jobs given most recent first, as resumes list them (order 0 first)."""
    spells = tuple(Spell(occ, order, start) for order, (occ, start) in enumerate(jobs))
    return WorkHistory(cid, spells)


def test_month_index_reads_year_and_month() -> None:
    assert month_index("2021-03") - month_index("2020-03") == 12  # type: ignore[operator]
    assert month_index(None) is None
    assert month_index("2021") is None


def test_moves_run_oldest_first_and_count_the_stay() -> None:
    found = moves(history("a", ("senior", "2022-01"), ("mid", "2019-01"), ("junior", "2017-07")))
    assert found == [("junior", "mid", 1.5), ("mid", "senior", 3.0)]


def test_same_occupation_twice_is_one_stay() -> None:
    found = moves(history("a", ("senior", "2022-01"), ("mid", "2020-01"), ("mid", "2018-01")))
    assert found == [("mid", "senior", 4.0)]


def test_order_is_used_when_dates_are_missing() -> None:
    spells = history("a", ("b", None), ("a", "2019-01")).spells
    assert [s.occupation_id for s in chronological(spells)] == ["a", "b"]
    assert moves(history("a", ("b", None), ("a", "2019-01"))) == [("a", "b", None)]


def test_counts_probabilities_and_median_years() -> None:
    transitions = mine_transitions([
        history("1", ("mid", "2020-01"), ("junior", "2018-01")),
        history("2", ("mid", "2021-01"), ("junior", "2018-01")),
        history("3", ("lead", "2021-01"), ("junior", "2020-01")),
        history("4", ("mid", "2021-01")),
    ])
    by_pair = {(t.from_id, t.to_id): t for t in transitions}
    assert set(by_pair) == {("junior", "mid"), ("junior", "lead")}
    assert by_pair[("junior", "mid")].count == 2
    assert by_pair[("junior", "mid")].probability == round(2 / 3, 4)
    assert by_pair[("junior", "mid")].median_years == 2.5
    assert by_pair[("junior", "lead")].probability == round(1 / 3, 4)
    assert transitions[0].to_id == "mid", "most frequent move first"
