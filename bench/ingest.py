"""Ingestion throughput: parse-only and parse+write, on synthetic resumes.

Usage::

    .venv/bin/python bench/ingest.py --resumes 10000 [--workers 2] [--formats txt] [--rounds 3]

Three phases: parse only (worker processes), write only (the parsed records,
nothing else running), then parse and write together as ``jobgraph ingest`` does.
A throw-away local Neo4j is started in a temporary folder; with ``NEO4J_URI`` set
that server is used instead and EMPTIED, so point it at a scratch database.
Prints JSON and writes it to ``bench/results/ingest.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from jobgraph.config import Settings
from jobgraph.graph.connection import connect, local_server
from jobgraph.graph.record_writer import write_resumes
from jobgraph.graph.schema import apply_schema, delete_all, graph_counts
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.ingest.pipeline import _parsed, ingest
from jobgraph.ingest.sources import SourceItem, discover
from jobgraph.parse.records import ResumeRecord
from jobgraph.synth import generate_corpus
from jobgraph.taxonomy.builtin import builtin_taxonomy

RESULTS = Path(__file__).parent / "results"


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resumes", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--formats", default="txt", help="comma-separated: txt,docx,pdf")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--rounds", type=int, default=1, help="write-only passes (the graph is emptied between)"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="jobgraph-bench-") as scratch:
        root = Path(scratch)
        started = time.monotonic()
        generate_corpus(
            root / "corpus",
            candidates=args.resumes,
            postings=0,
            seed=args.seed,
            formats=tuple(args.formats.split(",")),
        )
        generate_seconds = time.monotonic() - started
        found = discover([str(root / "corpus" / "resumes")])
        items = [item for item in found if isinstance(item, SourceItem)]

        started = time.monotonic()
        parsed_records = _parsed("resume", items, args.workers)
        records = [r for _, r, _, _ in parsed_records if isinstance(r, ResumeRecord)]
        parse_seconds = time.monotonic() - started
        parsed = len(records)

        settings = Settings.from_env(
            data_dir=root / "neo4j-data", neo4j_port=0, neo4j_heap="2g", neo4j_pagecache="1g"
        )
        server = None
        if settings.uses_local_server:
            server = local_server(settings)
            uri = server.start().uri
            driver = connect(uri, server.credentials())
        else:
            credentials = (settings.neo4j_user, settings.neo4j_password or "")
            driver = connect(settings.neo4j_uri or "", credentials)
        try:
            database = settings.neo4j_database
            apply_schema(driver, database)
            write_taxonomy(driver, builtin_taxonomy(), database=database)
            # Write-only: the records parsed above, in ingest-sized batches, nothing else
            # running. Later rounds show the rate once the server's JIT is warm.
            rounds = []
            for _ in range(args.rounds):
                started = time.monotonic()
                write_relationships = 0
                for first in range(0, len(records), args.batch_size):
                    batch = records[first : first + args.batch_size]
                    outcome = write_resumes(driver, batch, database=database)
                    write_relationships += outcome.relationships
                seconds = time.monotonic() - started
                rounds.append(
                    {
                        "relationships": write_relationships,
                        "seconds": round(seconds, 1),
                        "resumes_per_second": round(parsed / seconds, 1),
                        "relationships_per_second": round(write_relationships / seconds),
                    }
                )
                delete_all(driver, database)
                write_taxonomy(driver, builtin_taxonomy(), database=database)
            report = ingest(
                driver,
                items,
                "resume",
                database=settings.neo4j_database,
                workers=args.workers,
                batch_size=args.batch_size,
                progress=False,
            )
            counts = graph_counts(driver, settings.neo4j_database)
        finally:
            driver.close()
            if server is not None:
                server.stop()

    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "resumes": len(items),
        "formats": args.formats,
        "workers": args.workers,
        "generate_seconds": round(generate_seconds, 1),
        "parse_only": {
            "parsed": parsed,
            "seconds": round(parse_seconds, 1),
            "resumes_per_second": round(parsed / parse_seconds, 1),
        },
        "write_only": rounds,
        "parse_and_write": {
            **report.to_dict(),
            "write_seconds": round(report.write_seconds, 1),
            "relationships_per_second_while_parsing": round(
                report.relationships / report.write_seconds, 0
            )
            if report.write_seconds
            else None,
        },
        "graph": counts,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ingest.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
