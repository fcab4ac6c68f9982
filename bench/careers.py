"""Next-role quality: held-out transitions, hit@5 / hit@10, and what each evidence source adds.

Usage::

    .venv/bin/python bench/careers.py [--candidates 600] [--postings 100] [--folds 5]
    .venv/bin/python bench/careers.py --graph   # the graph the settings point at, read only

By default a synthetic corpus is generated (``jobgraph synth``), ingested into a
throw-away local Neo4j started in a temporary folder, and the work histories are
read back from the graph. With ``--graph`` the configured graph is only read
(``make demo``'s, or ``NEO4J_URI``'s). Candidates are split into folds; moves of
held-out candidates are ranked by a model mined from the others (see
``jobgraph.careers.evaluation``). Prints JSON and writes it to
``bench/results/careers.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from neo4j import Driver

from jobgraph.careers.evaluation import ablation_configs, evaluate_holdout
from jobgraph.careers.mining import moves
from jobgraph.careers.service import profiles_from_rows, work_histories
from jobgraph.config import Settings
from jobgraph.graph.careers import read_occupation_profiles
from jobgraph.graph.connection import connect, local_server, open_driver
from jobgraph.graph.schema import apply_schema
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.ingest.pipeline import ingest
from jobgraph.ingest.sources import discover
from jobgraph.synth import generate_corpus
from jobgraph.taxonomy.builtin import builtin_taxonomy

RESULTS = Path(__file__).parent / "results"


def _fresh_graph(stack: ExitStack, root: Path, args: argparse.Namespace) -> Driver:
    """Synthesize a corpus and ingest it into a throw-away local Neo4j."""
    generate_corpus(root / "corpus", candidates=args.candidates, postings=args.postings,
                    seed=args.seed)
    settings = Settings.from_env({}).with_overrides(
        data_dir=root / "neo4j-data", neo4j_port=0, neo4j_heap="1g", neo4j_pagecache="512m"
    )
    server = local_server(settings)
    uri = server.start().uri
    stack.callback(server.stop)
    driver = connect(uri, server.credentials())
    stack.callback(driver.close)
    apply_schema(driver)
    write_taxonomy(driver, builtin_taxonomy())
    ingest(driver, discover([str(root / "corpus" / "resumes")]), "resume", workers=args.workers,
           progress=True)
    return driver


def main() -> None:
    """Run the evaluation and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=600)
    parser.add_argument("--postings", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--graph", action="store_true", help="read the configured graph")
    parser.add_argument("--out", type=Path, default=RESULTS / "careers.json")
    args = parser.parse_args()

    started = time.monotonic()
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="jobgraph-careers-") as tmp:
        if args.graph:
            settings = Settings.from_env()
            driver = open_driver(settings)
            stack.callback(driver.close)
            database = settings.neo4j_database
        else:
            driver, database = _fresh_graph(stack, Path(tmp), args), "neo4j"
        prepared = time.monotonic() - started
        profiles = profiles_from_rows(read_occupation_profiles(driver, database))
        histories = work_histories(driver, database)
    started = time.monotonic()
    results = evaluate_holdout(profiles, histories, ablation_configs(), folds=args.folds,
                               seed=args.seed, progress=True)
    report: dict[str, Any] = {
        "corpus": "configured graph" if args.graph else
        f"jobgraph synth --candidates {args.candidates} --postings {args.postings} "
        f"--seed {args.seed}",
        "occupations": len(profiles),
        "histories": len(histories),
        "moves": sum(len(moves(h)) for h in histories),
        "folds": args.folds,
        "prepare_seconds": round(prepared, 1),
        "evaluate_seconds": round(time.monotonic() - started, 1),
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
