"""Plain-text tables of ``jobgraph eval match`` results."""

from __future__ import annotations

import math
from typing import Any

from jobgraph.evaluation.matching.metrics import METRICS

LABELS = {
    "ndcg@5": "NDCG@5",
    "ndcg@10": "NDCG@10",
    "mrr": "MRR",
    "map": "MAP",
    "recall@10": "R@10",
    "auc": "AUC",
}


def _cell(value: dict[str, float]) -> str:
    if math.isnan(value["mean"]):
        return f"{'-':^18}"
    return f"{value['mean']:.3f} [{value['low']:.2f},{value['high']:.2f}]"


def format_match_report(result: dict[str, Any]) -> str:
    """One table per direction: a row per method, each metric with its 95% interval."""
    lines = [
        f"{result['set']}: {result['resumes']} resumes, {result['postings']} postings, "
        f"{result['pairs']} graded pairs; relevant from grade {result['relevant_grade']}; "
        f"95% bootstrap intervals over groups ({result['bootstrap_samples']} resamples)"
    ]
    for direction, part in result["directions"].items():
        other = "postings" if direction == "resume" else "resumes"
        lines.append("")
        lines.append(f"each {direction} ranks its judged {other} ({part['groups']} groups)")
        lines.append(f"{'method':<14}" + "".join(f"{LABELS[m]:<19}" for m in METRICS))
        for method, metrics in part["metrics"].items():
            lines.append(f"{method:<14}" + "".join(f"{_cell(metrics[m]):<19}" for m in METRICS))
        versus = part.get("ndcg@10_versus", {})
        for method, against in versus.items():
            if method in ("tfidf", "text"):
                continue
            for baseline, delta in against.items():
                if math.isnan(delta["mean"]):
                    continue
                lines.append(
                    f"  NDCG@10 {method} - {baseline}: {delta['mean']:+.3f} "
                    f"[{delta['low']:+.3f},{delta['high']:+.3f}]"
                )
    for method, reason in result.get("skipped", {}).items():
        lines.append(f"skipped {method}: {reason}")
    return "\n".join(lines)
