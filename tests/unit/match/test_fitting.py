"""Weight fitting: non-negative weights that learn the informative feature; calibration."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest

from jobgraph.errors import ValidationError
from jobgraph.match.fitting import GradedFeatures, fit_weights, isotonic, mean_ndcg, ndcg_at
from jobgraph.match.weights import FEATURES, load_weights, save_weights


def _data(seed: int = 0, groups: int = 40, per_group: int = 12) -> GradedFeatures:
    rng = np.random.default_rng(seed)
    n = groups * per_group
    x = rng.uniform(size=(n, len(FEATURES)))
    # the grade follows "occupation" (and a little "education"); the rest is noise
    signal = x[:, FEATURES.index("occupation")] + 0.2 * x[:, FEATURES.index("education")]
    grades = np.digitize(signal, [0.4, 0.8, 1.0]).astype(float)
    return GradedFeatures(
        x, grades,
        candidate_groups=[f"c{i // per_group}" for i in range(n)],
        posting_groups=[f"p{i % 17}" for i in range(n)],
    )


def test_ndcg_is_one_for_the_ideal_order_and_lower_otherwise() -> None:
    grades = np.asarray([3.0, 2.0, 0.0, 1.0])
    assert ndcg_at(grades, grades) == pytest.approx(1.0)
    assert ndcg_at(-grades, grades) < 0.7
    assert np.isnan(ndcg_at(np.ones(3), np.zeros(3)))


def test_fitted_weights_are_non_negative_sum_to_one_and_find_the_signal() -> None:
    weights = fit_weights(_data())
    values = [weights.of(f) for f in FEATURES]
    assert min(values) >= 0 and sum(values) == pytest.approx(1.0, abs=1e-4)
    assert max(FEATURES, key=weights.of) == "occupation"
    metrics = weights.metrics
    assert metrics["validation_ndcg@10_fitted"] > metrics["validation_ndcg@10_defaults"]


def test_fitted_weights_generalise_to_fresh_groups() -> None:
    weights = fit_weights(_data(seed=1))
    fresh = _data(seed=2)
    vector = np.asarray([weights.of(f) for f in FEATURES])
    assert mean_ndcg(fresh.x @ vector, fresh.grades, fresh.candidate_groups) > 0.9


def test_isotonic_calibration_is_monotone_and_tracks_the_rate() -> None:
    rng = np.random.default_rng(3)
    scores = rng.uniform(size=2000)
    labels = (rng.uniform(size=2000) < scores).astype(float)  # P(good) = score
    calibration = isotonic(scores, labels)
    probabilities = [calibration(s) for s in np.linspace(0, 1, 21)]
    assert all(a <= b + 1e-12 for a, b in pairwise(probabilities))
    assert calibration(0.1) == pytest.approx(0.1, abs=0.1)
    assert calibration(0.9) == pytest.approx(0.9, abs=0.1)


def test_weights_file_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    weights = fit_weights(_data())
    save_weights(weights, tmp_path / "w.json")
    again = load_weights(tmp_path / "w.json")
    assert again.weights == weights.weights and again.calibration == weights.calibration


def test_single_grade_is_refused() -> None:
    data = _data()
    with pytest.raises(ValidationError, match="two different grades"):
        fit_weights(GradedFeatures(data.x, np.zeros(len(data.grades)),
                                   data.candidate_groups, data.posting_groups))
