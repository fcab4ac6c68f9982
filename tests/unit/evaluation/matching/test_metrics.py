"""Ranking metrics and the bootstrap of jobgraph eval match."""

from __future__ import annotations

import math

import numpy as np
import pytest

from jobgraph.evaluation.matching.metrics import (
    bootstrap_means,
    group_metrics,
    paired_difference,
    pairwise_auc,
    per_group,
    rank_items,
)


def test_perfect_ranking_scores_one_everywhere() -> None:
    grades = {"a": 3, "b": 2, "c": 0, "d": 0}
    scores = {"a": 0.9, "b": 0.5, "c": 0.2, "d": 0.1}
    result = group_metrics(scores, grades, relevant=2)
    assert result == {
        "ndcg@5": 1.0,
        "ndcg@10": 1.0,
        "mrr": 1.0,
        "map": 1.0,
        "recall@10": 1.0,
        "auc": 1.0,
    }


def test_reversed_ranking_by_hand() -> None:
    grades = {"a": 1, "b": 0, "c": 0}
    scores = {"a": 0.1, "b": 0.5, "c": 0.9}
    result = group_metrics(scores, grades, relevant=1)
    assert result["mrr"] == pytest.approx(1 / 3)
    assert result["map"] == pytest.approx(1 / 3)
    # DCG: gain 1 at rank 3 -> 1/log2(4) = 0.5; ideal 1
    assert result["ndcg@10"] == pytest.approx(0.5)
    assert result["auc"] == 0.0


def test_ndcg_at_five_ignores_items_below_the_cut() -> None:
    grades = {f"i{n}": 0 for n in range(6)} | {"hit": 1}
    scores = {f"i{n}": 1.0 - n / 10 for n in range(6)} | {"hit": 0.0}
    result = group_metrics(scores, grades, relevant=1)
    assert result["ndcg@5"] == 0.0
    assert 0.0 < result["ndcg@10"] < 1.0
    assert result["recall@10"] == 1.0


def test_group_without_relevant_items_has_no_mrr_and_equal_grades_no_auc() -> None:
    result = group_metrics({"a": 1.0, "b": 0.0}, {"a": 0, "b": 0}, relevant=1)
    assert math.isnan(result["mrr"]) and math.isnan(result["map"])
    assert math.isnan(result["auc"]) and math.isnan(result["ndcg@10"])


def test_auc_counts_ties_half_and_skips_equal_grades() -> None:
    assert pairwise_auc({"a": 0.5, "b": 0.5}, {"a": 2, "b": 1}) == 0.5
    assert pairwise_auc({"a": 0.1, "b": 0.9, "c": 0.0}, {"a": 1, "b": 1, "c": 0}) == 1.0


def test_ties_do_not_follow_the_input_order() -> None:
    items = [f"item-{n}" for n in range(50)]
    ranked = rank_items(dict.fromkeys(items, 0.0))
    assert sorted(ranked) == sorted(items)
    assert ranked != items and ranked != sorted(items)


def test_per_group_both_directions() -> None:
    grades = {("r1", "p1"): 2, ("r1", "p2"): 0, ("r2", "p1"): 0, ("r2", "p2"): 2}
    scores = {("r1", "p1"): 0.9, ("r1", "p2"): 0.1, ("r2", "p1"): 0.8, ("r2", "p2"): 0.2}
    by_resume = per_group(scores, grades, direction="resume", relevant=2)
    by_posting = per_group(scores, grades, direction="posting", relevant=2)
    assert by_resume["r1"]["mrr"] == 1.0 and by_resume["r2"]["mrr"] == 0.5
    # p1 ranks r1 (0.9) above r2 (0.8): right; p2 ranks r2 (0.2) above r1 (0.1): right
    assert by_posting["p1"]["auc"] == 1.0 and by_posting["p2"]["auc"] == 1.0


def test_bootstrap_interval_brackets_the_mean_and_shrinks_with_more_groups() -> None:
    rng = np.random.default_rng(3)

    def values(groups: int) -> dict[str, dict[str, dict[str, float]]]:
        draws = rng.uniform(0.0, 1.0, size=groups)
        return {"m": {f"g{i}": {"ndcg@10": float(v)} for i, v in enumerate(draws)}}

    small = bootstrap_means(values(20), samples=500)["m"]["ndcg@10"]
    large = bootstrap_means(values(2000), samples=500)["m"]["ndcg@10"]
    assert small["low"] <= small["mean"] <= small["high"]
    assert large["high"] - large["low"] < (small["high"] - small["low"]) / 3
    assert large["groups"] == 2000
    assert math.isnan(bootstrap_means(values(5))["m"]["mrr"]["mean"])


def test_paired_difference_sees_a_consistent_gain() -> None:
    groups = {f"g{i}": {"ndcg@10": 0.5 + 0.01 * (i % 7)} for i in range(40)}
    better = {g: {"ndcg@10": v["ndcg@10"] + 0.05} for g, v in groups.items()}
    delta = paired_difference({"a": better, "b": groups}, "a", "b", "ndcg@10")
    assert delta["mean"] == pytest.approx(0.05)
    assert delta["low"] > 0.0
