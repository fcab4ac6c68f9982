"""Fuzz every parser entry point: each document must parse or raise ParseError.

Documents are generated from a seed (the repository's parser fixtures, mutated,
plus documents built from scratch): random and resume-like text in odd encodings,
truncated and bit-flipped PDF / DOCX / ZIP bytes, decompression bombs, deeply
nested and huge JSON, tag soup, broken CSV and JSONL, very long lines. Per entry
point it counts parsed / ParseError / uncaught (a crash, which must be 0) /
timeout, and records the slowest document and the largest peak of traced Python
memory. A crashing or stalling input is written to ``--repro-dir``.

    nice -n 10 python bench/fuzz_parsers.py --count 100000 --seed 0 --workers 2

Prints JSON and writes bench/results/fuzz_parsers.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_documents import ENTRY_POINTS, generate
from jobgraph.errors import ParseError
from jobgraph.ingest.documents import parse_item
from jobgraph.ingest.sources import SourceFailure, discover
from jobgraph.parse import parse_bytes

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "parse"
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "json_resume": ".json",
          "jobposting_json": ".json", "text": ".txt", "markdown": ".md", "csv": ".csv",
          "jsonl": ".jsonl"}  # fmt: skip


class DocumentTimeout(Exception):
    """Raised by the alarm when one document runs past ``--timeout``."""


def _alarm(signum: int, frame: Any) -> None:
    raise DocumentTimeout


def _parse_batch_file(data: bytes, suffix: str, kind: str, folder: str) -> str:
    """CSV / JSONL: every row goes through discover + parse_item, as ingest does."""
    path = Path(folder) / f"fuzz{suffix}"
    path.write_bytes(data)
    parsed = rejected = 0
    for item in discover([str(path)]):
        if isinstance(item, SourceFailure):
            rejected += 1
            continue
        try:
            parse_item("resume" if kind == "resume" else "posting", item)
            parsed += 1
        except ParseError:
            rejected += 1
    return "parsed" if parsed else "parse_error"


def run_one(entry: str, data: bytes, kind: str, folder: str) -> str:
    """Parse one document; return "parsed" or "parse_error" (anything else propagates)."""
    suffix = SUFFIX[entry]
    if entry in ("csv", "jsonl"):
        return _parse_batch_file(data, suffix, kind, folder)
    try:
        parse_bytes(data, f"fuzz{suffix}", kind)
    except ParseError:
        return "parse_error"
    return "parsed"


def _warm_up() -> None:
    """Build the lookup and pipeline, and import every reader, before anything is timed.

    (The first HTML document once took 60 s: bs4 imported under tracemalloc.)
    """
    text = b"Jane Doe\nPython developer\nEXPERIENCE\nAcme 2019 - 2021"
    for kind in ("resume", "posting"):
        parse_bytes(text, "w.txt", kind)
    parse_bytes(b"<h1>Developer</h1><p>Python</p>", "w.html", "posting")
    for name in ("resume_single_column.pdf", "resume_tables.docx", "resume_jsonresume.json"):
        parse_bytes((FIXTURES / name).read_bytes(), name, "resume")


def _work(task: tuple[int, int, int, bool, float, str]) -> list[dict[str, Any]]:
    start, stop, seed, trace_all, timeout, repro_dir = task
    signal.signal(signal.SIGALRM, _alarm)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        for index in range(start, stop):
            rng = random.Random(f"{seed}-{index}")
            entry, variant, kind, data = generate(rng, index)
            trace = trace_all or index % 20 == 0 or len(data) > 1_000_000
            if trace:
                tracemalloc.start()
            began = time.perf_counter()
            error = ""
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                outcome = run_one(entry, data, kind, folder)
            except DocumentTimeout:
                outcome = "timeout"
            except Exception as caught:  # the bench exists to find these
                outcome = "uncaught"
                error = "".join(traceback.format_exception(caught)[-3:])[-1500:]
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            seconds = time.perf_counter() - began
            peak = 0
            if trace:
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            row: dict[str, Any] = {"index": index, "entry": entry, "variant": variant,
                                   "kind": kind, "bytes": len(data), "outcome": outcome,
                                   "seconds": seconds, "peak_bytes": peak}  # fmt: skip
            if outcome in ("uncaught", "timeout"):
                path = Path(repro_dir) / f"{entry}-seed{seed}-{index}{SUFFIX[entry]}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                row["repro"] = str(path)
                row["error"] = error
            results.append(row)
    results.append({"worker_max_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                    * 1024})  # fmt: skip
    return results


def _summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    per_entry: dict[str, dict[str, Any]] = {}
    for row in rows:
        stats = per_entry.setdefault(row["entry"], {
            "documents": 0, "seconds_total": 0.0, "parsed": 0, "parse_error": 0, "uncaught": 0,
            "timeout": 0,
            "bytes_max": 0, "slowest": None, "largest_peak": None, "variants": {},
        })  # fmt: skip
        stats["documents"] += 1
        stats["seconds_total"] += row["seconds"]
        stats[row["outcome"]] += 1
        stats["bytes_max"] = max(stats["bytes_max"], row["bytes"])
        stats["variants"][row["variant"]] = stats["variants"].get(row["variant"], 0) + 1
        brief = {k: row[k] for k in ("index", "variant", "kind", "bytes", "outcome")}
        if stats["slowest"] is None or row["seconds"] > stats["slowest"]["seconds"]:
            stats["slowest"] = {**brief, "seconds": round(row["seconds"], 3)}
        if stats["largest_peak"] is None or row["peak_bytes"] > stats["largest_peak"]["peak_mib"]:
            stats["largest_peak"] = {**brief, "peak_mib": row["peak_bytes"]}
    for stats in per_entry.values():
        stats["seconds_total"] = round(stats["seconds_total"], 1)
        peak = stats["largest_peak"]
        peak["peak_mib"] = round(peak["peak_mib"] / 1_048_576, 1)
    return per_entry


def _progress(items: Iterator[Any], total: int) -> Iterator[Any]:
    from tqdm import tqdm

    return iter(tqdm(items, total=total, unit="batch", file=sys.stderr))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="documents in total")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="processes (at most 2 here)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per document")
    parser.add_argument(
        "--trace-all",
        action="store_true",
        help="tracemalloc every document (default: every 20th and all > 1 MB)",
    )
    parser.add_argument("--repro-dir", default=str(ROOT / "bench" / "results" / "fuzz_repro"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "fuzz_parsers.json"))
    parser.add_argument(
        "--rows",
        default=str(Path(tempfile.gettempdir()) / "fuzz_rows.jsonl"),
        help="every document's outcome, one JSON line each, written as it goes",
    )
    parser.add_argument(
        "--summarise", metavar="ROWS", help="only summarise a --rows file (of a run stopped early)"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    chunk = 250
    tasks = [(start, min(start + chunk, args.count), args.seed, args.trace_all, args.timeout,
              args.repro_dir) for start in range(0, args.count, chunk)]  # fmt: skip
    rows: list[dict[str, Any]] = []
    rss: list[int] = []
    began = time.perf_counter()
    if args.summarise:  # a run stopped early: summarise the rows it wrote
        with open(args.summarise, encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                (rss.append(row["worker_max_rss_bytes"]) if "worker_max_rss_bytes" in row
                 else rows.append(row))  # fmt: skip
    else:
        rows_file = open(args.rows, "w", encoding="utf-8")  # noqa: SIM115 - written per batch
        context = multiprocessing.get_context("fork")
        with (
            rows_file,
            context.Pool(max(1, args.workers), initializer=_warm_up, maxtasksperchild=100) as pool,
        ):
            for batch in _progress(pool.imap_unordered(_work, tasks), len(tasks)):
                for row in batch:
                    rows_file.write(json.dumps(row) + "\n")
                    if "worker_max_rss_bytes" in row:
                        rss.append(row["worker_max_rss_bytes"])
                    else:
                        rows.append(row)
                rows_file.flush()
    rows.sort(key=lambda row: row["index"])
    per_entry = _summarise(rows)
    failures = [row for row in rows if row["outcome"] in ("uncaught", "timeout")]
    slowest = max(rows, key=lambda row: row["seconds"])
    largest = max(rows, key=lambda row: row["peak_bytes"])
    report = {
        "count": len(rows), "requested": args.count, "seed": args.seed, "workers": args.workers,
        "wall_seconds": round(time.perf_counter() - began, 1),
        "entry_points": sorted(ENTRY_POINTS),
        "totals": {o: sum(1 for r in rows if r["outcome"] == o)
                   for o in ("parsed", "parse_error", "uncaught", "timeout")},
        "slowest": {k: slowest[k] for k in ("index", "entry", "variant", "kind", "bytes",
                                            "outcome", "seconds")},
        "largest_peak": {**{k: largest[k] for k in ("index", "entry", "variant", "kind",
                                                      "bytes", "outcome")},
                         "peak_mib": round(largest["peak_bytes"] / 1_048_576, 1)},
        "worker_max_rss_mib": round(max(rss, default=0) / 1_048_576, 1),
        "per_entry": per_entry,
        "failures": [{k: row.get(k) for k in ("index", "entry", "variant", "kind", "outcome",
                                                "repro", "error")} for row in failures[:50]],
        "reproduce": "python bench/fuzz_parsers.py --count N --seed S (document i is "
                     "fuzz_documents.generate(random.Random(f'{S}-{i}'), i))",
    }  # fmt: skip
    text = json.dumps(report, indent=2)
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
