"""``make bench``: the CPU benchmarks end to end, one after another, with a time budget.

Each entry runs as its own process (``.venv/bin/python bench/SCRIPT ARGS``) and
writes its own JSON under ``bench/results/``; a script that is not in this
checkout yet is reported as missing, not run. The sizes are chosen so the whole
run fits in about 20 minutes on 2 cores; run a script alone for larger figures.
``NEO4J_URI`` is removed from the benchmarks' environment: each starts its own
throw-away server, so no benchmark can empty a graph the user pointed at.
Prints one line per benchmark and writes ``bench/results/run_all.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).parent
#: (script, arguments, what it measures). GPU-only benchmarks are left out.
BENCHES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("ingest.py", ("--resumes", "2000"), "ingest throughput"),
    (
        "match.py",
        ("--candidates", "2000", "--postings", "2000", "--queries", "100"),
        "explained top-10 latency in-process, both directions; all-pairs top-10 scoring",
    ),
    (
        "api.py",
        ("--candidates", "1000", "--postings", "2000", "--seconds", "10"),
        "API latency p50/p95/p99 at 1, 10 and 50 clients",
    ),
    ("train_gpu.py", ("--scale", "small"), "GNN training step time and memory (CPU)"),
    (
        "match_quality.py",
        ("--synthetic-candidates", "150", "--synthetic-postings", "80", "--gnn-epochs", "60"),
        "match quality by method on the labelled sets; exposure audit",
    ),
)


def main() -> int:
    """Run every benchmark present; exit status 1 if one failed."""
    runs = []
    failed = False
    # Some benchmarks use (and empty) the server NEO4J_URI names; here each starts its own.
    environment = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    for script, arguments, what in BENCHES:
        path = BENCH / script
        if not path.is_file():
            print(f"{script:<20} missing (not in this checkout): {what}")
            runs.append({"script": script, "status": "missing", "measures": what})
            continue
        started = time.monotonic()
        completed = subprocess.run(
            [sys.executable, str(path), *arguments], check=False, env=environment
        )
        seconds = round(time.monotonic() - started, 1)
        status = "ok" if completed.returncode == 0 else f"exit {completed.returncode}"
        failed |= completed.returncode != 0
        print(f"{script:<20} {status} in {seconds} s: {what}")
        runs.append(
            {
                "script": script,
                "args": list(arguments),
                "status": status,
                "seconds": seconds,
                "measures": what,
            }
        )
    summary = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "seconds": round(sum(r.get("seconds", 0.0) for r in runs), 1),
        "runs": runs,
    }
    (BENCH / "results").mkdir(exist_ok=True)
    (BENCH / "results" / "run_all.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(f"total {summary['seconds']} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
