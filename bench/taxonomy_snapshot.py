"""How long a process takes to get the taxonomy in force: graph read vs compiled snapshot.

Usage (a Neo4j with ESCO + O*NET imported; the usual JOBGRAPH_* / NEO4J_* settings)::

    .venv/bin/python bench/taxonomy_snapshot.py [--rounds 2] [--snapshot-dir DIR]

Each round runs, in a fresh Python process each so nothing is cached in memory:

* ``graph``: read every skill, occupation and SAME_AS pair and compile them
  (``load_taxonomy_in_force``: what parse and ingest did before snapshots);
* ``refresh``: the same plus writing the snapshot and the graph's stamp (what
  ``jobgraph taxonomy import|load`` now does once);
* ``snapshot``: the stamp check plus loading the snapshot
  (``taxonomy_in_force_cached``: what parse and ingest do now).

Seconds include the import of jobgraph and the driver connection. Prints JSON and
writes ``bench/results/taxonomy_snapshot.json`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"

_CHILD = r"""
import json, sys, time
started = time.monotonic()
from pathlib import Path
from jobgraph.config import Settings
from jobgraph.graph.connection import open_driver
from jobgraph.graph import taxonomy_reader, taxonomy_snapshot
settings = Settings.from_env()
driver = open_driver(settings, start_local=False)
mode, directory = sys.argv[1], Path(sys.argv[2])
if mode == "graph":
    taxonomy, origin = taxonomy_reader.load_taxonomy_in_force(driver), "graph"
elif mode == "refresh":
    taxonomy, _ = taxonomy_snapshot.refresh_taxonomy_snapshot(driver, directory)
    origin = "graph"
else:
    taxonomy, origin = taxonomy_snapshot.taxonomy_in_force_cached(driver, directory)
driver.close()
print(json.dumps({"seconds": round(time.monotonic() - started, 2), "origin": origin,
                  "version": taxonomy.version, "skills": len(taxonomy.skills)}))
"""


def _run(mode: str, directory: Path) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(directory)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def main() -> None:
    """Time the three ways of getting the taxonomy in force and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--snapshot-dir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=RESULTS / "taxonomy_snapshot.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        directory = args.snapshot_dir or Path(scratch)
        rounds = []
        for _ in range(args.rounds):
            rounds.append(
                {mode: _run(mode, directory) for mode in ("graph", "refresh", "snapshot")}
            )
    result = {
        "bench": "taxonomy_snapshot",
        "python": platform.python_version(),
        "rounds": rounds,
        "graph_seconds": [r["graph"]["seconds"] for r in rounds],
        "snapshot_seconds": [r["snapshot"]["seconds"] for r in rounds],
        "same_version": all(r["graph"]["version"] == r["snapshot"]["version"] for r in rounds),
    }
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
