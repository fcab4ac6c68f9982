"""Parse time per document with the built-in taxonomy and with ESCO + O*NET in force.

Usage::

    .venv/bin/python bench/parse_taxonomy.py [--resumes 400] [--postings 200] [--data DIR]

Parses a synthetic corpus (fixed seed) in this process, one document at a time,
once per taxonomy: the built-in one, and (when the shared data folder holds
ESCO 1.2.0 and O*NET 29.2) the built-in one merged with both imports exactly as
``jobgraph taxonomy import`` + ``load_taxonomy_in_force`` do, minus Neo4j.
Reports setup seconds (taxonomy, lookup and pipeline built once) and
milliseconds per document. Prints JSON and writes ``bench/results/parse_taxonomy.json``
(or ``--out``). Run it on an older checkout with ``PYTHONPATH=<old>/src`` to
compare: the imports of the in-force taxonomy are optional.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from jobgraph.parse import parse_posting_text, parse_resume_text
from jobgraph.synth import generate_corpus
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.lookup import TaxonomyLookup

RESULTS = Path(__file__).parent / "results"


def _in_force_taxonomy(data: Path) -> Any:
    try:
        from jobgraph.taxonomy.in_force import compile_in_force
    except ImportError:  # a checkout from before the taxonomy in force
        return None
    from jobgraph.taxonomy.esco import load_esco
    from jobgraph.taxonomy.linking import link_same_as
    from jobgraph.taxonomy.onet import load_onet

    builtin = builtin_taxonomy()
    esco = load_esco(data / "esco-1.2.0")
    esco.same_as.extend(link_same_as(builtin, esco))
    onet = load_onet(data / "onet-29.2")
    onet.same_as.extend(link_same_as(builtin, onet))
    return compile_in_force(builtin, esco, onet)


def _run(texts: list[tuple[str, str]], lookup: TaxonomyLookup, setup: float) -> dict[str, Any]:
    started = time.perf_counter()
    warm_up = getattr(lookup, "warm_up", None)  # older checkouts build these lazily
    if warm_up is not None:
        warm_up()
    else:
        for index in (lookup._skills, lookup._titles, lookup._core_titles):
            index.typo_matches("warm-up probe")
    parse_resume_text("Python developer", lookup=lookup)  # builds the pipeline
    setup += time.perf_counter() - started
    times: dict[str, list[float]] = {"resume": [], "posting": []}
    skills: dict[str, int] = {"resume": 0, "posting": 0}
    for kind, text in texts:
        started = time.perf_counter()
        if kind == "resume":
            record: Any = parse_resume_text(text, lookup=lookup)
        else:
            record = parse_posting_text(text, lookup=lookup)
        times[kind].append(time.perf_counter() - started)
        skills[kind] += len(record.skills)
    return {
        "setup_seconds": round(setup, 1),
        **{
            f"{kind}_ms_per_document": round(1000 * statistics.fmean(values), 2)
            for kind, values in times.items()
            if values
        },
        **{
            f"{kind}_skills_per_document": round(skills[kind] / len(times[kind]), 1)
            for kind in times
            if times[kind]
        },
    }


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resumes", type=int, default=400)
    parser.add_argument("--postings", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=Path(__file__).parents[2] / "shared" / "data")
    parser.add_argument("--out", type=Path, default=RESULTS / "parse_taxonomy.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jobgraph-bench-") as scratch:
        root = Path(scratch)
        generate_corpus(
            root, candidates=args.resumes, postings=args.postings, seed=args.seed, formats=("txt",)
        )
        texts = [
            (kind, path.read_text(encoding="utf-8"))
            for kind, folder in (("resume", "resumes"), ("posting", "postings"))
            for path in sorted((root / folder).glob("*.txt"))
        ]
    result: dict[str, Any] = {
        "machine": f"{platform.machine()}, {len(os.sched_getaffinity(0))} CPUs",
        "resumes": sum(kind == "resume" for kind, _ in texts),
        "postings": sum(kind == "posting" for kind, _ in texts),
    }
    started = time.perf_counter()
    builtin = TaxonomyLookup(builtin_taxonomy())
    result["builtin"] = _run(texts, builtin, time.perf_counter() - started)
    started = time.perf_counter()
    merged = _in_force_taxonomy(args.data) if (args.data / "esco-1.2.0").is_dir() else None
    if merged is not None:
        lookup = TaxonomyLookup(merged)
        result["esco_onet"] = _run(texts, lookup, time.perf_counter() - started)
        result["esco_onet"]["taxonomy_version"] = merged.version
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
