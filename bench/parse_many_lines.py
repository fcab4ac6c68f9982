"""Seconds to parse many-tag HTML: the fuzz timeout document and the tag limit.

The documents are ``"<p>a</p>" * n``: seed 2's document 74,340 (20,000
paragraphs, 160 kB, a timeout in bench/fuzz_parsers.py) and 50,000 paragraphs
(100,000 tags, ``MAX_HTML_TAGS``). Each is parsed as a resume and as a posting,
once plainly and once under tracemalloc as the fuzz bench traces it; the
extraction alone (bs4 to text) is timed too. The median of ``--repeat`` runs.

    OMP_NUM_THREADS=1 python bench/parse_many_lines.py

Prints JSON and writes bench/results/parse_many_lines.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import jobgraph
from fuzz_documents import generate
from jobgraph.parse import parse_bytes
from jobgraph.parse.extract import extract_bytes
from jobgraph.parse.extract.limits import MAX_HTML_TAGS

ROOT = Path(__file__).resolve().parents[1]


def _seconds(work: Callable[[], Any], *, traced: bool, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        if traced:
            tracemalloc.start()
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
        if traced:
            tracemalloc.stop()
    return round(statistics.median(times), 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--commit", help="commit of the jobgraph code measured (default: HEAD of this checkout)"
    )
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "parse_many_lines.json"))
    args = parser.parse_args(argv)
    _, variant, _, fuzz_document = generate(random.Random("2-74340"), 74340)
    documents = {
        f"fuzz seed 2 #74340 ({variant}, {len(fuzz_document):,} bytes)": fuzz_document,
        f"{MAX_HTML_TAGS:,} tags": b"<p>a</p>" * (MAX_HTML_TAGS // 2),
    }
    load = os.getloadavg()
    parse_bytes(b"<h1>Developer</h1><p>Python</p>", "warm.html", "resume")  # build once
    results: dict[str, Any] = {}
    for label, data in documents.items():
        row: dict[str, Any] = {"lines_extracted": extract_bytes(data, "d.html").text.count("\n")}
        for traced in (False, True):
            suffix = " traced" if traced else ""
            row["extract_seconds" + suffix] = _seconds(
                partial(extract_bytes, data, "d.html"), traced=traced, repeat=args.repeat
            )
            for kind in ("resume", "posting"):
                row[f"{kind}_seconds{suffix}"] = _seconds(
                    partial(parse_bytes, data, "d.html", kind),
                    traced=traced,
                    repeat=args.repeat,
                )
        results[label] = row
    commit = (
        args.commit
        or subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
    )
    report = {
        "commit": commit,
        "jobgraph": str(Path(jobgraph.__file__).parent),
        "repeat": args.repeat,
        "load_average_at_start": [round(value, 1) for value in load],
        "documents": results,
    }
    text = json.dumps(report, indent=2)
    print(text)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
