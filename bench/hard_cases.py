"""NDCG@10 of each method on the hand-written set's hard cases against the other resumes.

Usage::

    jobgraph eval match data/labelled/handwritten/pairs.jsonl --json --per-group > run.json
    .venv/bin/python bench/hard_cases.py run.json

A hard case is a resume whose facts carry a ``note`` in
``data/labelled/handwritten/resumes.toml`` (same title on another stack, career
changer, over-qualified, near miss). Prints a table and writes
``bench/results/hard_cases.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import tomllib
from pathlib import Path

from jobgraph.evaluation.matching.handwritten import default_dir

RESULTS = Path(__file__).parent / "results"


def main() -> None:
    """Split the per-resume NDCG@10 of a run into hard cases and the rest."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("run", type=Path, help="JSON of eval match --json --per-group")
    parser.add_argument("--out", type=Path, default=RESULTS / "hard_cases.json")
    args = parser.parse_args()
    text = args.run.read_text()
    report = json.loads(text[text.index("{") :])
    facts = tomllib.loads((default_dir() / "resumes.toml").read_text())
    notes = {item["id"]: item["note"] for item in facts["resume"] if item.get("note")}
    per_group = report["directions"]["resume"]["per_group"]
    result: dict[str, dict[str, float]] = {}
    print(f"{'method':<14}{'hard cases':>12}{'others':>10}   (NDCG@10 per resume, mean)")
    for method, groups in per_group.items():
        hard = [v["ndcg@10"] for g, v in groups.items() if g in notes]
        other = [v["ndcg@10"] for g, v in groups.items() if g not in notes]
        hard = [v for v in hard if not math.isnan(v)]
        other = [v for v in other if not math.isnan(v)]
        result[method] = {
            "hard": statistics.fmean(hard),
            "others": statistics.fmean(other),
            "hard_groups": len(hard),
            "other_groups": len(other),
        }
        print(f"{method:<14}{result[method]['hard']:>12.3f}{result[method]['others']:>10.3f}")
    args.out.write_text(json.dumps({"notes": notes, "ndcg@10": result}, indent=2) + "\n")


if __name__ == "__main__":
    main()
