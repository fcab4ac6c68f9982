"""What each part of the score and each retrieval source is worth, on a graded graph.

Reads the graph the settings point at (read only; e.g. the one `make demo`
builds) and graded pairs (the demo's ``truth/fit.jsonl``), then reports:

1. **Ranking quality by part**: every graded pair is scored; within each
   candidate's graded postings (and each posting's graded candidates) the pairs
   are ranked by one feature alone, by the default hybrid and, when a fitted
   weights file exists, by the fitted hybrid: mean NDCG@10 and MRR (first pair
   of grade ≥ 2).
2. **Shortlist recall by source**: for each candidate, the share of its
   grade ≥ 2 postings that the shortlist (100) contains, for each retrieval
   source alone, for all four, and for all but lexical (does BM25 help?).

    .venv/bin/python bench/match_parts.py build/demo/truth/fit.jsonl

Results go to ``bench/results/match-parts.json``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from jobgraph.config import Settings
from jobgraph.graph.connection import open_driver
from jobgraph.graph.matching import document_aliases
from jobgraph.match.fitting import mean_ndcg
from jobgraph.match.retrieval import SOURCES, postings_for
from jobgraph.match.service import MatchService, weights_file
from jobgraph.match.weights import DEFAULT_WEIGHTS, FEATURES, load_weights

RESULTS = Path(__file__).resolve().parent / "results"


def mrr(scores: np.ndarray, grades: np.ndarray, groups: list[str]) -> float:
    """Mean reciprocal rank of the first pair of grade ≥ 2 per group (skipping groups without)."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        members[group].append(i)
    values = []
    for idx in map(np.asarray, members.values()):
        order = idx[np.argsort(-scores[idx], kind="stable")]
        hits = np.flatnonzero(grades[order] >= 2)
        if len(hits):
            values.append(1.0 / (hits[0] + 1))
    return float(np.mean(values)) if values else float("nan")


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--recall-candidates", type=int, default=100)
    args = parser.parse_args()
    settings = Settings.from_env()
    driver = open_driver(settings, start_local=False)
    service = MatchService(driver, settings.neo4j_database)
    candidates = document_aliases(driver, "Candidate", settings.neo4j_database)
    postings = document_aliases(driver, "Posting", settings.neo4j_database)
    graded = []
    for line in args.pairs.read_text().splitlines():
        row = json.loads(line)
        c, p = row.get("candidate") or row["resume_id"], row.get("posting") or row["posting_id"]
        if c in candidates and p in postings:
            graded.append((candidates[c], postings[p], int(row["grade"])))
    scores = service.score_pairs([(c, p) for c, p, _ in graded])
    x = np.asarray([[s.features[f] for f in FEATURES] for s in scores])
    grades = np.asarray([g for _, _, g in graded], dtype=float)
    by_candidate = [c for c, _, _ in graded]
    by_posting = [p for _, p, _ in graded]
    rankers = {f"{f} alone": x[:, i] for i, f in enumerate(FEATURES)}
    rankers["hybrid (defaults)"] = x @ np.asarray([DEFAULT_WEIGHTS[f] for f in FEATURES])
    fitted = weights_file(settings.data_dir)
    if fitted.is_file():
        weights = load_weights(fitted)
        rankers["hybrid (fitted)"] = x @ np.asarray([weights.of(f) for f in FEATURES])
    quality = {
        name: {
            "ndcg@10 candidate→postings": round(mean_ndcg(s, grades, by_candidate), 4),
            "ndcg@10 posting→candidates": round(mean_ndcg(s, grades, by_posting), 4),
            "mrr candidate→postings": round(mrr(s, grades, by_candidate), 4),
        }
        for name, s in rankers.items()
    }
    relevant: dict[str, set[str]] = defaultdict(set)
    for c, p, g in graded:
        if g >= 2:
            relevant[c].add(p)
    skills, _ = service.taxonomy()
    chosen = sorted(relevant)[: args.recall_candidates]
    profiles = service.candidates(chosen)
    source_sets = {**{s: (s,) for s in SOURCES}, "all four": SOURCES,
                   "all but lexical": tuple(s for s in SOURCES if s != "lexical")}
    recall = {}
    for name, sources in source_sets.items():
        started, hits, total = time.perf_counter(), 0, 0
        for cid in chosen:
            found = set(postings_for(driver, profiles[cid], skills, size=100, sources=sources,
                                     database=settings.neo4j_database).ids)
            hits += len(found & relevant[cid])
            total += len(relevant[cid])
        recall[name] = {"recall": round(hits / total, 4),
                        "ms_per_query": round(1000 * (time.perf_counter() - started)
                                              / len(chosen), 1)}
    driver.close()
    result = {"date": time.strftime("%Y-%m-%d"), "pairs": len(graded),
              "quality": quality, "shortlist_recall@100": recall}
    text = json.dumps(result, indent=2)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "match-parts.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
