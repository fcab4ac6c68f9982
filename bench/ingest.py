"""Ingestion throughput: parse-only and parse+write, on synthetic resumes.

Usage::

    .venv/bin/python bench/ingest.py --resumes 10000 [--workers 2] [--formats txt]

A throw-away local Neo4j is started in a temporary folder (or ``NEO4J_URI`` is
used, after emptying nothing: point it at a scratch database). Prints JSON and
writes it to ``bench/results/ingest.json``.
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
from jobgraph.graph.schema import apply_schema, graph_counts
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.ingest.pipeline import _parsed, ingest
from jobgraph.ingest.sources import SourceItem, discover
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
        parsed = sum(1 for _, record, _, _ in _parsed("resume", items, args.workers) if record)
        parse_seconds = time.monotonic() - started

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
            apply_schema(driver, settings.neo4j_database)
            write_taxonomy(driver, builtin_taxonomy(), database=settings.neo4j_database)
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
        "parse_and_write": {
            **report.to_dict(),
            "write_seconds": round(report.write_seconds, 1),
            "relationships_per_second_writing": round(
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
