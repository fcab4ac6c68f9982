"""Next-role quality: held-out transitions, hit@5 / hit@10, and what each evidence source adds.

Usage::

    .venv/bin/python bench/careers.py [--candidates 600] [--postings 100] [--folds 5]
    .venv/bin/python bench/careers.py --imports --real  # + ESCO/O*NET agreement, real moves
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

from jobgraph.careers.evaluation import (
    ablation_configs,
    evaluate_holdout,
    evaluate_transfer,
    hierarchy_agreement,
)
from jobgraph.careers.mining import mine_transitions, moves
from jobgraph.careers.model import Spell, WorkHistory
from jobgraph.careers.recommend import CareerModel
from jobgraph.careers.service import profiles_from_rows, work_histories
from jobgraph.config import Settings
from jobgraph.errors import JobgraphError
from jobgraph.graph.careers import read_occupation_profiles
from jobgraph.graph.connection import connect, local_server, open_driver
from jobgraph.graph.schema import apply_schema
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.ingest.pipeline import ingest, parse_item
from jobgraph.ingest.sources import SourceItem, discover
from jobgraph.parse.records import ResumeRecord
from jobgraph.synth import generate_corpus
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.esco import load_esco
from jobgraph.taxonomy.linking import link_same_as
from jobgraph.taxonomy.onet import load_onet

RESULTS = Path(__file__).parent / "results"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
INDEED = SHARED_DATA / "resumes" / "indeed_resume_entities_dev.jsonl"


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
    if args.imports:
        _import_esco_onet(driver)
    return driver


def _import_esco_onet(driver: Driver) -> None:
    """Import ESCO and O*NET from ../shared/data, linked to the built-in taxonomy."""
    builtin = builtin_taxonomy()
    for folder, load in (("esco-1.2.0", load_esco), ("onet-29.2", load_onet)):
        imported = load(SHARED_DATA / folder)
        imported.same_as.extend(link_same_as(builtin, imported))
        write_taxonomy(driver, imported, progress=True)


def _real_histories() -> list[WorkHistory]:
    """Work histories of the real Indeed resumes, parsed in-process (nothing written)."""
    items = discover([str(INDEED)], text_column="content")
    histories = []
    for item in items:
        if not isinstance(item, SourceItem):
            continue
        try:
            record = parse_item("resume", item)
        except JobgraphError:
            continue
        if not isinstance(record, ResumeRecord):
            continue
        spells = tuple(
            Spell(job.occupation_id, job.order, job.start, job.end)
            for job in record.experience
            if job.occupation_id
        )
        if len(spells) > 1:
            histories.append(WorkHistory(record.id, spells))
    return histories


def _agreement(model: CareerModel) -> dict[str, Any]:
    """O*NET suggestions against ESCO's hierarchy, for a few blends."""
    configs = ablation_configs()
    chosen = ["full", "only skills", "only level", "only family", "without level"]
    return {name: hierarchy_agreement(model.with_weights(configs[name])) for name in chosen}


def main() -> None:
    """Run the evaluation and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=600)
    parser.add_argument("--postings", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--graph", action="store_true", help="read the configured graph")
    parser.add_argument("--real", action="store_true",
                        help="also rank the moves of the real Indeed resumes in ../shared/data "
                        "(parsed with jobgraph's parser), transitions mined from the corpus")
    parser.add_argument("--imports", action="store_true",
                        help="also import ESCO and O*NET from ../shared/data and report how "
                        "O*NET suggestions agree with ESCO's hierarchy")
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
    if args.imports and not args.graph and not SHARED_DATA.is_dir():
        raise SystemExit(f"--imports: {SHARED_DATA} is absent")
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
    if args.real and INDEED.is_file():
        real = _real_histories()
        report["real_indeed"] = {
            "histories": len(real),
            "moves": sum(len(moves(h)) for h in real),
            "results": evaluate_transfer(profiles, histories, real, ablation_configs()),
        }
    sources = {profile.source for profile in profiles.values()}
    if {"esco", "onet"} <= sources:
        started = time.monotonic()
        model = CareerModel(profiles, mine_transitions(histories))
        report["onet_vs_esco_hierarchy"] = _agreement(model)
        report["agreement_seconds"] = round(time.monotonic() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
