"""Parse time of two checkouts, measured in alternating passes over the same documents.

Usage::

    .venv/bin/python bench/parse_ab.py --before /tmp/old-checkout --after . \\
        [--taxonomy-pickle FILE] [--passes 8] [--parts 10] [--out FILE]

On a shared two-core machine the speed of the machine drifts by 30% or more
within minutes, so two runs made one after the other compare the machine as much
as the code. Here each checkout runs in its own worker process (``PYTHONPATH``
set to its ``src``), both load the taxonomy and build their pipeline first, and
then the parent asks them for one part of a pass at a time, the same part of
each, in turn: before, after, after, before, ... A pass parses the Indeed dev
resumes, 150 postings of the shared data folder and ``--synthetic`` resume
files of the corpus that ``bench/ingest.py`` times (same generator and seed),
cut into ``--parts`` (every tenth document from the first, from the second, ...).
Each part reports the CPU milliseconds per document of each kind.

The main figure, ``median_ratio_of_paired_parts``, is the median over all parts
of after / before for the same part read seconds apart: the drift cancels out
of each ratio. Medians and the fastest part of each side are reported too.

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
for line in sys.stdin:
    part, parts = map(int, line.split())  # this pass reads every parts-th document from part
    timings = {}
    for kind, documents, parse in (("resume_ms", resumes, parse_resume_text),
                                   ("posting_ms", postings, parse_posting_text),
                                   ("synthetic_resume_ms", files, parse_resume_file)):
        chosen = documents[part::parts]
        start = time.process_time()
        for document in chosen:
            parse(document, lookup=lookup)
        timings[kind] = (time.process_time() - start) / max(1, len(chosen)) * 1000
    print(json.dumps(timings), flush=True)
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


def _pass(worker: subprocess.Popen[str], part: int, parts: int) -> dict[str, float]:
    assert worker.stdin is not None and worker.stdout is not None
    worker.stdin.write(f"{part} {parts}\n")
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
    parser.add_argument("--parts", type=int, default=10, help="paired timings per pass")
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
    # Each pass is cut in --parts: the two checkouts read the same part one right
    # after the other, so each ratio compares seconds-apart timings.
    pairs = [(index, part) for index in range(args.passes) for part in range(args.parts)]
    for number, (_, part) in enumerate(pairs):
        order = ("before", "after") if number % 2 == 0 else ("after", "before")
        for name in order:
            runs[name].append(_pass(workers[name], part, args.parts))
    for worker in workers.values():
        worker.terminate()
    kinds = ("resume_ms", "posting_ms", "synthetic_resume_ms")
    paired = {
        kind: round(
            statistics.median(
                after[kind] / before[kind]
                for before, after in zip(runs["before"], runs["after"], strict=True)
                if before[kind]
            ),
            3,
        )
        for kind in kinds
        if any(run[kind] for run in runs["before"])
    }
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
        "median_ratio_of_paired_parts": paired,
        "parts": args.parts,
        "synthetic_resumes": args.synthetic,
        "runs": runs,
    }  # fmt: skip
    return result


if __name__ == "__main__":
    main()
