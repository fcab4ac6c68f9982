"""Seconds to a ready skill lookup over ESCO + O*NET: built in-process vs read from its cache.

Usage::

    .venv/bin/python bench/lookup_cache.py [--rounds 2] [--taxonomy-pickle FILE] [--data DIR]

The taxonomy is the merged one in force: a pickled
:class:`~jobgraph.taxonomy.model.Taxonomy` (``--taxonomy-pickle``, e.g. one read
from a graph with ESCO + O*NET imported), or else compiled here from
``esco-1.2.0`` and ``onet-29.2`` under ``--data`` (the built-in vocabulary plus
both imports, as ``jobgraph taxonomy import`` would). It is written as a
compiled snapshot into a scratch folder; each measurement then runs in a fresh
Python process that reads that snapshot and:

* ``build``: ``TaxonomyLookup(taxonomy)`` + ``warm_up()`` (what every process
  did before the cache);
* ``first``: :func:`~jobgraph.taxonomy.lookup_cache.cached_lookup` on an empty
  folder (the build plus writing the cache file);
* ``cached``: the same with the file present (what later processes do).

Each also reports the spaCy pipeline build that follows (``build_pipeline``,
not cached) and peak RSS. ``compare`` checks, on the real taxonomy, that the
cached lookup answers exactly as a fresh one over a few thousand texts.
Prints JSON and writes ``bench/results/lookup_cache.json`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, snapshots, version, cache = sys.argv[1], Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
from jobgraph.parse.pipeline import build_pipeline
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.lookup_cache import cached_lookup, cache_path
from jobgraph.taxonomy.snapshot import read_snapshot
def peak_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
started = time.perf_counter()
taxonomy = read_snapshot(snapshots, version, builtin_taxonomy().version)
assert taxonomy is not None, "snapshot unreadable"
loaded = time.perf_counter()
result = {"mode": mode, "taxonomy_seconds": round(loaded - started, 2)}
if mode == "compare":
    fresh = TaxonomyLookup(taxonomy)
    cached = cached_lookup(cache, taxonomy)
    assert cache_path(cache, version).exists()
    labels = sorted(cached.surface_forms())[::40]
    titles = sorted(o.title for o in taxonomy.occupations.values())[::4]
    texts = labels + [t.upper() for t in labels[::3]] + [t[:-1] for t in labels[::5]]
    texts += [t + "s" for t in labels[::7]] + ["Sr. " + t + " (m/f/d)" for t in titles]
    differ = [t for t in texts if fresh.search_skills(t) != cached.search_skills(t)
              or fresh.skill(t) != cached.skill(t)
              or fresh.search_occupations(t) != cached.search_occupations(t)]
    same_forms = fresh.surface_forms() == cached.surface_forms()
    result.update(texts=len(texts), differing=len(differ), examples=differ[:5],
                  surface_forms_equal=same_forms)
else:
    if mode == "build":
        lookup = TaxonomyLookup(taxonomy)
        lookup.warm_up()
    else:
        lookup = cached_lookup(cache, taxonomy)
    ready = time.perf_counter()
    result.update(lookup_seconds=round(ready - loaded, 2), peak_rss_mb_lookup=peak_mb())
    if mode != "build":
        result["cache_mb"] = round(cache_path(cache, version).stat().st_size / 2**20, 1)
    build_pipeline(lookup)
    result.update(pipeline_seconds=round(time.perf_counter() - ready, 2), peak_rss_mb=peak_mb())
print(json.dumps(result))
"""


def _run(mode: str, snapshots: Path, version: str, cache: Path) -> dict[str, Any]:
    output = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(snapshots), version, str(cache)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    result: dict[str, Any] = json.loads(output.stdout.strip().splitlines()[-1])
    print(json.dumps(result), file=sys.stderr)
    return result


def _taxonomy(args: argparse.Namespace) -> Any:
    if args.taxonomy_pickle:
        with args.taxonomy_pickle.open("rb") as stream:
            return pickle.load(stream)  # a file the user named: their own
    from jobgraph.taxonomy.builtin import builtin_taxonomy
    from jobgraph.taxonomy.esco import load_esco
    from jobgraph.taxonomy.in_force import compile_in_force
    from jobgraph.taxonomy.onet import load_onet

    esco_dir, onet_dir = args.data / "esco-1.2.0", args.data / "onet-29.2"
    if not esco_dir.is_dir() or not onet_dir.is_dir():
        raise SystemExit(f"{args.data}: esco-1.2.0 and onet-29.2 not found; pass --data")
    return compile_in_force(builtin_taxonomy(), load_esco(esco_dir), load_onet(onet_dir))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--taxonomy-pickle", type=Path, default=None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-compare", action="store_true", help="Skip the equality check.")
    parser.add_argument("--out", type=Path, default=RESULTS / "lookup_cache.json")
    args = parser.parse_args()

    from jobgraph.taxonomy.builtin import builtin_taxonomy
    from jobgraph.taxonomy.snapshot import write_snapshot

    taxonomy = _taxonomy(args)
    rounds: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as scratch:
        snapshots = Path(scratch) / "snapshots"
        write_snapshot(snapshots, taxonomy, builtin_taxonomy().version)
        for number in range(args.rounds):
            cache = Path(scratch) / f"cache-{number}"
            rounds.append(
                {
                    mode: _run(mode, snapshots, taxonomy.version, cache)
                    for mode in ("build", "first", "cached")
                }
            )
        compare = (
            None
            if args.no_compare
            else _run("compare", snapshots, taxonomy.version, Path(scratch) / "compare")
        )
    summary = {
        "taxonomy": {
            "version": taxonomy.version,
            "skills": len(taxonomy.skills),
            "occupations": len(taxonomy.occupations),
        },
        "rounds": rounds,
        "compare": compare,
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    print(json.dumps(summary, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
