"""Exposure arithmetic of jobgraph eval exposure."""

from __future__ import annotations

import pytest

from jobgraph.evaluation.matching.exposure import group_shares, position_weight, years_band


def test_position_weight_is_the_dcg_discount() -> None:
    assert position_weight(1) == 1.0
    assert position_weight(3) == pytest.approx(0.5)
    assert position_weight(2) > position_weight(10) > 0


def test_years_bands() -> None:
    assert [years_band(y) for y in (0, 2.9, 3, 10.5, 11, None)] == [
        "0-2 years",
        "0-2 years",
        "3-5 years",
        "6-10 years",
        "11+ years",
        "(unknown)",
    ]


def test_group_shares_compare_exposure_with_qualified() -> None:
    rows = group_shares(
        exposure={"north": 3.0, "south": 1.0},
        qualified={"north": 1, "south": 1},
        pool={"north": 5, "south": 10, "west": 5},
    )
    by_group = {row["group"]: row for row in rows}
    assert [row["group"] for row in rows] == ["south", "north", "west"]  # largest pool first
    assert by_group["north"]["exposure_share"] == 0.75
    assert by_group["north"]["ratio"] == pytest.approx(1.5)
    assert by_group["south"]["ratio"] == pytest.approx(0.5)
    assert by_group["west"]["ratio"] is None  # nobody qualified: no ratio
    assert by_group["south"]["pool_share"] == 0.5
