"""The score's named parts, their default weights, and the calibration map.

The total is ``sum(weight[f] * feature[f])`` over the parts below, each feature
in [0, 1], so each part's *contribution* is its weight times its value and the
contributions add up to the total. Default weights sum to 1, so the total is in
[0, 1] too. ``jobgraph match fit-weights`` learns non-negative weights from
graded pairs and stores them with an isotonic calibration (raw total →
probability of a good fit) in one JSON file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from jobgraph.errors import ConfigError

FEATURES: tuple[str, ...] = (
    "gnn", "text", "lexical", "required", "preferred",
    "occupation", "experience", "education", "location",
)
# What each part means; the API, the docs and `jobgraph explain` show these.
FEATURE_MEANINGS: dict[str, str] = {
    "gnn": "cosine of the two GNN vectors (negative counts as 0)",
    "text": "cosine of the two MiniLM text vectors (negative counts as 0)",
    "lexical": "share of the posting's title and skill words found in the candidate's "
               "headline, summary, job titles and skill evidence",
    "required": "mean credit over required skills: 1 held directly, partial through a "
                "SAME_AS/BROADER/RELATED_TO path, scaled down when years fall short; "
                "0.5 when the posting lists none",
    "preferred": "the same credit over preferred skills; 0.5 when the posting lists none",
    "occupation": "1 same occupation, 0.8 a past role, 0.6 directly broader or narrower, "
                  "0.3 same family, 0 otherwise; 0.5 when the posting has none",
    "experience": "years of experience over the minimum asked, capped at 1; 1 when none asked",
    "education": "1 meets the level asked, 0.5 one level below, 0.25 unknown, 0 lower; "
                 "1 when none asked",
    "location": "1 remote or same city, 0.6 same country, 0 another country, 0.5 unknown",
}
DEFAULT_WEIGHTS: dict[str, float] = {
    "gnn": 0.10, "text": 0.15, "lexical": 0.05, "required": 0.35, "preferred": 0.08,
    "occupation": 0.12, "experience": 0.07, "education": 0.04, "location": 0.04,
}
# Parts computed from the graph's evidence (not from vectors).
GRAPH_FEATURES: tuple[str, ...] = (
    "lexical", "required", "preferred", "occupation", "experience", "education", "location",
)


@dataclass(frozen=True)
class Calibration:
    """A non-decreasing step map from raw total to the probability of a good fit.

    ``thresholds[i]`` is the smallest total that earns ``probabilities[i]``.
    """

    thresholds: tuple[float, ...]
    probabilities: tuple[float, ...]

    def __call__(self, total: float) -> float:
        """The probability for ``total`` (linear between the fitted points)."""
        if not self.thresholds:
            return float("nan")
        return float(np.interp(total, self.thresholds, self.probabilities))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"thresholds": list(self.thresholds), "probabilities": list(self.probabilities)}


@dataclass(frozen=True)
class ScoreWeights:
    """Non-negative weights by feature, with an optional calibration and its provenance."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    calibration: Calibration | None = None
    source: str = "defaults"
    metrics: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = sorted(set(self.weights) - set(FEATURES))
        if unknown:
            raise ConfigError(f"unknown score features in weights: {', '.join(unknown)}; "
                              f"known: {', '.join(FEATURES)}")
        negative = sorted(name for name, value in self.weights.items() if value < 0)
        if negative:
            raise ConfigError(f"weights must be non-negative; negative: {', '.join(negative)}")

    def of(self, feature: str) -> float:
        """The weight of ``feature`` (0 when absent)."""
        return float(self.weights.get(feature, 0.0))

    def only(self, features: Sequence[str]) -> ScoreWeights:
        """A copy that keeps the weights of ``features`` and zeroes the others."""
        return ScoreWeights({f: self.of(f) for f in FEATURES if f in features},
                            None, f"{self.source} ({'+'.join(features)} only)")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (what :func:`load_weights` reads)."""
        return {
            "weights": {f: self.of(f) for f in FEATURES},
            "calibration": self.calibration.to_dict() if self.calibration else None,
            "source": self.source,
            "metrics": dict(self.metrics),
        }


def load_weights(path: Path) -> ScoreWeights:
    """Read a weights file written by ``jobgraph match fit-weights``.

    Raises:
        ConfigError: The file is missing, not JSON or not a weights file.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
    except FileNotFoundError as error:
        raise ConfigError(f"{path}: no such weights file; write one with "
                          "`jobgraph match fit-weights PAIRS.jsonl`") from error
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ConfigError(f"{path}: not a weights file ({error}); expected "
                          '{"weights": {feature: number}, "calibration": ...}') from error
    calibration = None
    if data.get("calibration"):
        raw = data["calibration"]
        calibration = Calibration(tuple(map(float, raw["thresholds"])),
                                  tuple(map(float, raw["probabilities"])))
    return ScoreWeights(weights, calibration, str(data.get("source") or path),
                        dict(data.get("metrics") or {}))


def save_weights(weights: ScoreWeights, path: Path) -> None:
    """Write ``weights`` as JSON (parents created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(weights.to_dict(), indent=2) + "\n", encoding="utf-8")
