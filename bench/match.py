"""Explained top-10 latency, both directions, over a generated graph of realistic shape.

A throw-away local Neo4j (temporary folder, free port) gets the built-in
taxonomy and ``--candidates`` resumes and ``--postings`` postings written
through the product's writers. Documents are generated from the taxonomy's
occupations: each takes most of its occupation's essential skills, some
optional ones and a few at random, a location from a small list, years and an
education level; text and GNN vectors are the occupation's random centre plus
noise (what the trained model produces is not needed to time retrieval).

Then, in-process with the product's ``MatchService``: ``match_candidate`` and
``match_posting`` with ``limit=10`` (retrieval, profile reads, scoring and the
summaries), and ``explain`` for single pairs, each timed per call over
``--queries`` random documents: p50 / p95 / p99 in milliseconds.

Finally every pair is scored exhaustively with the tensor scorer of
``jobgraph match all`` (timed), and the shortlist's top 10 is compared with the
exhaustive top 10 for the sampled candidates: recall@10 of retrieval, with all
four sources, without the lexical one, and with each alone.

    .venv/bin/python bench/match.py --candidates 10000 --postings 10000
    .venv/bin/python bench/match.py --candidates 10000 --postings 100000

Results go to ``bench/results/match-<candidates>x<postings>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import tempfile
import time
from pathlib import Path

import numpy as np

from jobgraph.config import Settings
from jobgraph.graph.connection import connect, local_server
from jobgraph.graph.record_writer import write_postings, write_resumes
from jobgraph.graph.schema import apply_schema
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.graph.vector_store import (
    GNN_PROPERTY,
    TEXT_PROPERTY,
    ensure_vector_index,
    write_vectors,
)
from jobgraph.match.offline import top_k_both_ways
from jobgraph.match.retrieval import SOURCES
from jobgraph.match.service import MatchService
from jobgraph.parse.records import (
    EducationEntry,
    Job,
    Location,
    PostingRecord,
    RequiredSkill,
    ResumeRecord,
    SkillMention,
)
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.model import Importance, Taxonomy

RESULTS = Path(__file__).resolve().parent / "results"
PLACES = [("Berlin", "Germany"), ("Munich", "Germany"), ("Paris", "France"),
          ("London", "United Kingdom"), ("Austin", "United States"),
          ("Toronto", "Canada"), ("Bangalore", "India"), ("Sydney", "Australia")]
LEVELS = ["secondary", "vocational", "associate", "bachelor", "master", "doctorate"]


def _skills_by_occupation(taxonomy: Taxonomy) -> dict[str, tuple[list[str], list[str]]]:
    found: dict[str, tuple[list[str], list[str]]] = {}
    for req in taxonomy.requirements:
        essential, optional = found.setdefault(req.occupation_id, ([], []))
        (essential if req.importance == Importance.ESSENTIAL else optional).append(req.skill_id)
    return {k: v for k, v in found.items() if len(v[0]) >= 3}


def _pick(rng: random.Random, taxonomy: Taxonomy, occupation: str,
          by_occupation: dict[str, tuple[list[str], list[str]]]) -> list[str]:
    essential, optional = by_occupation[occupation]
    chosen = rng.sample(essential, k=max(2, int(len(essential) * rng.uniform(0.5, 0.9))))
    chosen += rng.sample(optional, k=min(len(optional), rng.randint(0, 3)))
    chosen += rng.sample(sorted(taxonomy.skills), k=rng.randint(0, 2))
    return list(dict.fromkeys(chosen))


def generate(taxonomy: Taxonomy, candidates: int, postings: int, seed: int):  # type: ignore[no-untyped-def]
    """Resume and posting records, and the occupation of each (for the vectors)."""
    rng = random.Random(seed)
    by_occupation = _skills_by_occupation(taxonomy)
    occupations = sorted(by_occupation)
    resumes, posts = [], []
    for i in range(candidates):
        occupation = rng.choice(occupations)
        city, country = rng.choice(PLACES)
        skills = [SkillMention(s, taxonomy.skills[s].name, taxonomy.skills[s].name, "skills",
                               0, 0, 1.0, years=float(rng.randint(1, 8)))
                  for s in _pick(rng, taxonomy, occupation, by_occupation)]
        months = rng.randint(6, 240)
        resumes.append(ResumeRecord(
            id=f"bench-c{i:07d}", headline=taxonomy.occupations[occupation].title,
            location=Location(city, None, country), skills=skills,
            experience=[Job(title=taxonomy.occupations[occupation].title, months=months,
                            occupation_id=occupation, current=True)],
            total_experience_months=months, occupation_id=occupation,
            education=[EducationEntry(level=rng.choice(LEVELS[2:]))],  # type: ignore[arg-type]
        ))
    for i in range(postings):
        occupation = rng.choice(occupations)
        city, country = rng.choice(PLACES)
        chosen = _pick(rng, taxonomy, occupation, by_occupation)
        skills = [RequiredSkill(s, taxonomy.skills[s].name, taxonomy.skills[s].name,
                                "required" if n < 6 else "preferred")
                  for n, s in enumerate(chosen)]
        posts.append(PostingRecord(
            id=f"bench-p{i:07d}", title=taxonomy.occupations[occupation].title,
            company=f"Company {rng.randint(1, 2000)}", occupation_id=occupation,
            location=Location(city, None, country),
            remote=rng.choice(["onsite", "hybrid", "remote", "unknown"]), skills=skills,
            min_years_experience=float(rng.choice([0, 1, 2, 3, 5])) or None,
            education_level=rng.choice([None, "bachelor", "master"]),  # type: ignore[arg-type]
            description=f"{taxonomy.occupations[occupation].title} at a growing company",
        ))
    return resumes, posts


def _vectors(occupations: list[str], dims: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = {o: rng.normal(size=dims) for o in sorted(set(occupations))}
    matrix = np.stack([centres[o] + 0.6 * rng.normal(size=dims) for o in occupations])
    return (matrix / np.linalg.norm(matrix, axis=1, keepdims=True)).astype(np.float32)


def _percentiles(samples: list[float]) -> dict[str, float]:
    values = np.asarray(samples) * 1000
    return {f"p{p}": round(float(np.percentile(values, p)), 2) for p in (50, 95, 99)}


def load(driver, resumes, posts, seed: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Write documents and vectors; returns seconds per step."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    for start in range(0, len(resumes), 2000):
        write_resumes(driver, resumes[start:start + 2000])
    for start in range(0, len(posts), 2000):
        write_postings(driver, posts[start:start + 2000])
    timings["write_documents_seconds"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    occupations = [r.occupation_id for r in resumes] + [p.occupation_id for p in posts]
    for prop, dims in ((GNN_PROPERTY, 64), (TEXT_PROPERTY, 384)):
        matrix = _vectors(occupations, dims, seed + dims)  # type: ignore[arg-type]
        write_vectors(driver, "Candidate", prop, [r.id for r in resumes], matrix[:len(resumes)])
        write_vectors(driver, "Posting", prop, [p.id for p in posts], matrix[len(resumes):])
        for label in ("Candidate", "Posting"):
            ensure_vector_index(driver, label, prop, dims)
    timings["write_vectors_and_indexes_seconds"] = round(time.perf_counter() - started, 1)
    return timings


def measure(service: MatchService, resumes, posts, queries: int, seed: int) -> dict:  # type: ignore[no-untyped-def]
    """Per-call latency of both directions and of explain."""
    rng = random.Random(seed)
    service.match_candidate(resumes[0].id)  # warm: taxonomy snapshot, query plans
    service.match_posting(posts[0].id)
    out = {}
    for name, run, ids in (
        ("candidate_to_postings", service.match_candidate, [r.id for r in resumes]),
        ("posting_to_candidates", service.match_posting, [p.id for p in posts]),
    ):
        samples = []
        for node_id in rng.sample(ids, queries):
            started = time.perf_counter()
            run(node_id, limit=10)
            samples.append(time.perf_counter() - started)
        out[name] = _percentiles(samples)
    samples = []
    for _ in range(queries // 2):
        pair = (rng.choice(resumes).id, rng.choice(posts).id)
        started = time.perf_counter()
        service.explain(*pair)
        samples.append(time.perf_counter() - started)
    out["explain_pair"] = _percentiles(samples)
    return out


def retrieval_recall(driver, resumes, queries: int, seed: int) -> dict:  # type: ignore[no-untyped-def]
    """Recall@10 of the shortlist against exhaustive scoring, by retrieval sources."""
    service = MatchService(driver)
    ids = [r.id for r in resumes]
    candidates = [p for chunk in range(0, len(ids), 2000)
                  for p in service.candidates(ids[chunk:chunk + 2000]).values()]
    from jobgraph.graph.matching import iter_ids

    postings = [p for page in iter_ids(driver, "Posting", page=2000)
                for p in service.postings(page).values()]
    started = time.perf_counter()
    by_candidate, _ = top_k_both_ways(service.scorer(), candidates, postings, k=10)
    exhaustive_seconds = time.perf_counter() - started
    exact = {top.id: set(top.ids) for top in by_candidate}
    sample = random.Random(seed).sample(ids, queries)
    source_sets = {"all four": SOURCES,
                   "all but lexical": tuple(s for s in SOURCES if s != "lexical"),
                   **{f"{s} alone": (s,) for s in SOURCES}}
    recall = {}
    for name, sources in source_sets.items():
        shortlisted = MatchService(driver, sources=sources)
        hits = sum(len(exact[cid] & {i["posting_id"] for i in
                                     shortlisted.match_candidate(cid, limit=10).items})
                   for cid in sample)
        recall[name] = round(hits / (10 * len(sample)), 4)
    return {"exhaustive_all_pairs_seconds_cpu": round(exhaustive_seconds, 1),
            "recall@10_vs_exhaustive": recall}


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    taxonomy = builtin_taxonomy()
    resumes, posts = generate(taxonomy, args.candidates, args.postings, args.seed)
    with tempfile.TemporaryDirectory(prefix="jobgraph-bench-") as scratch:
        settings = Settings(data_dir=Path(scratch), neo4j_port=0, neo4j_heap="3g",
                            neo4j_pagecache="2g")
        server = local_server(settings)
        driver = connect(server.start().uri, server.credentials())
        try:
            apply_schema(driver)
            write_taxonomy(driver, taxonomy, progress=False)
            timings = load(driver, resumes, posts, args.seed)
            latency = measure(MatchService(driver), resumes, posts, args.queries, args.seed)
            recall = retrieval_recall(driver, resumes, min(args.queries, 50), args.seed)
        finally:
            driver.close()
            server.stop()
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "date": time.strftime("%Y-%m-%d"),
        "candidates": args.candidates, "postings": args.postings, "queries": args.queries,
        "load": timings, "latency_ms": latency, "retrieval": recall,
    }
    text = json.dumps(result, indent=2)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"match-{args.candidates}x{args.postings}.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
