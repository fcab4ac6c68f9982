"""Held-out evaluation: folds, hits, cold cases and the ablation configurations."""

from __future__ import annotations

from jobgraph.careers.evaluation import Tally, ablation_configs, evaluate_holdout, fold_of
from jobgraph.careers.model import Spell, WorkHistory
from jobgraph.careers.recommend import SOURCES

from .conftest import PROFILES


def careers(count: int) -> list[WorkHistory]:
    return [
        WorkHistory(f"c{i}", (Spell("engineer", 0, "2021-01"), Spell("analyst", 1, "2018-01")))
        for i in range(count)
    ] + [WorkHistory("lone", (Spell("senior", 0, "2021-01"), Spell("nurse", 1, "2010-01")))]


def test_tally_counts_hits_and_reciprocal_rank() -> None:
    tally = Tally()
    for rank in (1, 3, None, 7):
        tally.add(rank)
    assert tally.summary() == {"cases": 4, "hit@1": 0.25, "hit@5": 0.5, "hit@10": 0.75,
                               "mrr": round((1 + 1 / 3 + 1 / 7) / 4, 4)}


def test_folds_are_stable_and_spread() -> None:
    assert fold_of("abc", 5, 7) == fold_of("abc", 5, 7)
    assert len({fold_of(f"c{i}", 5, 7) for i in range(50)}) == 5


def test_ablation_configs_switch_each_source() -> None:
    configs = ablation_configs()
    assert set(configs["full"]) == set(SOURCES)
    assert configs["only skills"] == {"skills": 1.0}
    assert "transitions" not in configs["similarity only (no transitions)"]


def test_transitions_answer_warm_cases_and_similarity_cold_ones() -> None:
    results = evaluate_holdout(PROFILES, careers(20), ablation_configs(), folds=4)
    assert results["full"]["all"]["cases"] == 21
    assert results["only transitions"]["warm"]["hit@1"] == 1.0
    # Nobody else moved nurse -> senior: only similarity can rank it, and it is far.
    assert results["only transitions"]["cold"] == {"cases": 1, "hit@1": 0.0, "hit@5": 0.0,
                                                   "hit@10": 0.0, "mrr": 0.0}
    assert results["full"]["all"]["hit@5"] >= results["only transitions"]["all"]["hit@5"]


def test_onet_suggestions_checked_against_esco_hierarchy() -> None:
    from jobgraph.careers.evaluation import hierarchy_agreement
    from jobgraph.careers.model import OccupationProfile
    from jobgraph.careers.recommend import CareerModel

    from .conftest import skills

    profiles = {
        "e0": OccupationProfile("e0", "engineers", source="esco"),
        "e1": OccupationProfile("e1", "data engineer", source="esco", broader=("e0",)),
        "e2": OccupationProfile("e2", "database engineer", source="esco", broader=("e0",)),
        "e3": OccupationProfile("e3", "baker", source="esco"),
        "o1": OccupationProfile("o1", "Data Engineers", source="onet", same_as=("e1",),
                                skills=skills("sql python")),
        "o2": OccupationProfile("o2", "Database Architects", source="onet", same_as=("b2",),
                                skills=skills("sql python modelling")),
        "b2": OccupationProfile("b2", "Database Engineer", same_as=("o2", "e2")),
        "o3": OccupationProfile("o3", "Bakers", source="onet", same_as=("e3",),
                                skills=skills("python baking")),
    }
    result = hierarchy_agreement(CareerModel(profiles, []), k=1)
    assert result["occupations"] == 3
    # o1 -> o2 (sql) agrees (e2 is a sibling of e1, reached through b2); o3 -> o1 (python)
    # does not (bakers and data engineers are far apart); o2 -> o1 agrees.
    assert result["suggestions"] == 3
    assert result["agreeing_share"] == round(2 / 3, 4)


def test_transfer_mines_from_one_corpus_and_ranks_another() -> None:
    from jobgraph.careers.evaluation import evaluate_transfer

    real = [WorkHistory("r1", (Spell("engineer", 0, "2022-01"), Spell("analyst", 1, "2020-01")))]
    results = evaluate_transfer(PROFILES, careers(3), real, ablation_configs())
    assert results["only transitions"] == {"cases": 1, "hit@1": 1.0, "hit@5": 1.0,
                                           "hit@10": 1.0, "mrr": 1.0}
    assert results["only level"]["cases"] == 1
