"""Parse time of two checkouts, measured in alternating passes over the same documents.

Usage::

    .venv/bin/python bench/parse_ab.py --before /tmp/old-checkout --after . \\
        [--taxonomy-pickle FILE] [--passes 8] [--out FILE]

On a shared two-core machine the speed of one pass drifts by 30% or more within
minutes, so two runs made one after the other compare the machine as much as the
code. Here each checkout runs in its own worker process (``PYTHONPATH`` set to
its ``src``), both load the taxonomy and build their pipeline first, and then
the parent asks them for one pass at a time, in turn: before, after, after,
before, ... Each pass parses the Indeed dev resumes and 150 postings of the
shared data folder once, and ``--synthetic`` resume files of the corpus that
``bench/ingest.py`` times (same generator and seed), and reports the CPU seconds
of that pass. The figure
is the median per document; the ratio compares passes made minutes apart at most.
The fastest pass of each is reported too: on a busy machine single passes of the
same code vary twofold, and the fastest is the one least slowed by other work.

A checkout older than ``jobgraph.parse.pipeline.lookup_for`` (before issue 14)
gets a plain ``TaxonomyLookup``, so the whole issue can be timed against it.

``--taxonomy-pickle`` is a pickled ``Taxonomy`` (for ESCO + O*NET in force, as
written by ``jobgraph taxonomy import``'s snapshot, unzipped); without it the
built-in taxonomy is used.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from jobgraph.synth import generate_corpus

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
RESULTS = Path(__file__).parent / "results"

WORKER = r"""
import csv, json, pickle, sys, time
from jobgraph.parse import parse_posting_text, parse_resume_text
from jobgraph.taxonomy.builtin import builtin_taxonomy
try:
    from jobgraph.parse.pipeline import lookup_for
except ImportError:  # a checkout from before issue 14 builds its lookup directly
    from jobgraph.taxonomy.lookup import TaxonomyLookup as lookup_for
from pathlib import Path
from jobgraph.parse import parse_resume_file
shared, pickled, synthetic = sys.argv[1], sys.argv[2], sys.argv[3]
files = sorted(Path(synthetic).rglob("*.txt"))
taxonomy = pickle.load(open(pickled, "rb")) if pickled else builtin_taxonomy()
lookup = lookup_for(taxonomy)
resumes = [json.loads(line).get("content") or ""
           for line in open(f"{shared}/resumes/indeed_resume_entities_dev.jsonl")]
csv.field_size_limit(10**8)
postings = []
with open(f"{shared}/postings/Uncleaned_DS_jobs.csv", newline="", errors="replace") as handle:
    for row in csv.DictReader(handle):
        postings.append((row.get("Job Title") or "") + "\n" + (row.get("Job Description") or ""))
        if len(postings) == 150:
            break
parse_resume_text(resumes[0], lookup=lookup)
parse_posting_text(postings[0], lookup=lookup)
print("ready", flush=True)
for _ in sys.stdin:
    start = time.process_time()
    for text in resumes:
        parse_resume_text(text, lookup=lookup)
    middle = time.process_time()
    for text in postings:
        parse_posting_text(text, lookup=lookup)
    end = time.process_time()
    for path in files:
        parse_resume_file(path, lookup=lookup)
    last = time.process_time()
    print(json.dumps({"resume_ms": (middle - start) / len(resumes) * 1000,
                      "posting_ms": (end - middle) / len(postings) * 1000,
                      "synthetic_resume_ms": (last - end) / max(1, len(files)) * 1000}),
          flush=True)
"""


def _start(checkout: Path, shared: Path, pickled: str, synthetic: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(checkout / "src"), "OMP_NUM_THREADS": "1"}
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(shared), pickled, str(synthetic)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert worker.stdout is not None
    if worker.stdout.readline().strip() != "ready":
        raise SystemExit(f"{checkout}: the worker did not start")
    return worker


def _pass(worker: subprocess.Popen[str]) -> dict[str, float]:
    assert worker.stdin is not None and worker.stdout is not None
    worker.stdin.write("go\n")
    worker.stdin.flush()
    return dict(json.loads(worker.stdout.readline()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, default=Path(__file__).parents[1])
    parser.add_argument("--taxonomy-pickle", default="")
    parser.add_argument("--passes", type=int, default=8)
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=RESULTS / "parse_ab.json")
    parser.add_argument(
        "--synthetic", type=int, default=300, help="synthetic resumes as bench/ingest.py makes"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jobgraph-ab-") as scratch:
        synthetic = Path(scratch)
        if args.synthetic:
            generate_corpus(
                synthetic, candidates=args.synthetic, postings=0, seed=7, formats=("txt",)
            )
        result = _compare(args, synthetic)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=2))


def _compare(args: argparse.Namespace, synthetic: Path) -> dict[str, object]:
    workers = {name: _start(path, args.data, args.taxonomy_pickle, synthetic)
               for name, path in (("before", args.before), ("after", args.after))}  # fmt: skip
    runs: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
    for index in range(args.passes):
        order = ("before", "after") if index % 2 == 0 else ("after", "before")
        for name in order:
            runs[name].append(_pass(workers[name]))
    for worker in workers.values():
        worker.terminate()
    kinds = ("resume_ms", "posting_ms", "synthetic_resume_ms")
    summary = {
        name: {kind: round(statistics.median(run[kind] for run in passes), 2) for kind in kinds}
        for name, passes in runs.items()
    }  # fmt: skip
    # The fastest pass is the one least slowed by other work on a shared machine.
    fastest = {
        name: {kind: round(min(run[kind] for run in passes), 2) for kind in kinds}
        for name, passes in runs.items()
    }  # fmt: skip
    result = {
        "before": str(args.before), "after": str(args.after),
        "taxonomy": args.taxonomy_pickle or "builtin", "passes": args.passes,
        "median_cpu_ms_per_document": summary,
        "ratio_after_over_before": {
            kind: round(summary["after"][kind] / summary["before"][kind], 3)
            for kind in kinds
            if summary["before"][kind]
        },
        "fastest_cpu_ms_per_document": fastest,
        "ratio_of_fastest": {
            kind: round(fastest["after"][kind] / fastest["before"][kind], 3)
            for kind in kinds
            if fastest["before"][kind]
        },
        "synthetic_resumes": args.synthetic,
        "runs": runs,
    }  # fmt: skip
    return result


if __name__ == "__main__":
    main()
