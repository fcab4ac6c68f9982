"""`jobgraph train` SIGKILLed at seeded epochs and resumed each time: how close to a clean run?

One undisturbed run, then one run that is killed (a real process, SIGKILL) at
each of ``--kills`` epochs drawn by a seeded generator and resumed with
``--resume`` after each kill, until it finishes. Prints JSON (and writes
``bench/results/train_resume.json``): the kill points, the epoch each
checkpoint held, and the largest difference of any metric and any vector
against the undisturbed run.

    .venv/bin/python bench/train_resume.py --kills 5
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import torch

from jobgraph.embed.bundle import load_embeddings
from jobgraph.embed.checkpoint import CheckpointError, load_checkpoint
from jobgraph.embed.data import save_snapshot
from jobgraph.embed.pipeline import CHECKPOINT_FILE, EMBEDDINGS_FILE
from jobgraph.embed.synthetic_graph import synthetic_graph

RESULTS = Path(__file__).resolve().parent / "results" / "train_resume.json"


def _command(snapshot: Path, out: Path, epochs: int, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "jobgraph.cli", "train", "--snapshot", str(snapshot),
        "--out", str(out), "--no-write", "--no-baselines", "--json", "--epochs", str(epochs),
        "--hidden", "32", "--eval-every", "5", "--checkpoint-every", "1", "--seed", "5", *extra,
    ]  # fmt: skip


def _epoch(path: Path) -> int:
    try:
        return int(load_checkpoint(path)["epoch"])
    except CheckpointError:
        return 0


def _run_until(command: list[str], env: dict[str, str], checkpoint: Path, epoch: int) -> int:
    """Start ``command``; SIGKILL it once ``checkpoint`` holds ``epoch``. Returns the epoch held."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while _epoch(checkpoint) < epoch:
        if process.poll() is not None:
            raise SystemExit(
                f"training ended before epoch {epoch}: {process.stderr.read()[-800:]!r}"
            )  # type: ignore[union-attr]
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return _epoch(checkpoint)


def _differences(expected: dict[str, Any], resumed: dict[str, Any]) -> dict[str, float]:
    metrics = [
        abs(resumed[part]["auc"][edge] - value)
        for part in ("val", "test")
        for edge, value in expected[part]["auc"].items()
    ]
    return {
        "max_metric_difference": max(metrics),
        "best_epoch_equal": resumed["best_epoch"] == expected["best_epoch"],
        "epochs_run_equal": resumed["epochs_run"] == expected["epochs_run"],
    }


def main() -> None:
    """Run the benchmark and print its JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=80)
    parser.add_argument("--seed", type=int, default=20261130)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="train-resume-"))
    snapshot = work / "graph.pt"
    save_snapshot(
        synthetic_graph(
            candidates=400, postings=200, skills=150, occupations=20, features=32, seed=3
        ),
        snapshot,
    )
    threads = str(torch.get_num_threads())
    env = {
        **os.environ,
        "JOBGRAPH_DATA_DIR": str(work / "data"),
        "JOBGRAPH_DEVICE": "cpu",
        "OMP_NUM_THREADS": threads,
        "MKL_NUM_THREADS": threads,
    }
    started = time.monotonic()
    clean = subprocess.run(
        _command(snapshot, work / "clean", args.epochs), env=env, capture_output=True, check=True
    )
    expected = json.loads(clean.stdout)
    points = sorted(random.Random(args.seed).sample(range(2, args.epochs - 1), args.kills))
    out = work / "killed"
    held = []
    for index, point in enumerate(points):
        extra = ("--resume",) if index else ()
        held.append(
            _run_until(
                _command(snapshot, out, args.epochs, *extra), env, out / CHECKPOINT_FILE, point
            )
        )
    final = subprocess.run(
        _command(snapshot, out, args.epochs, "--resume"), env=env, capture_output=True, check=True
    )
    resumed = json.loads(final.stdout)
    vectors, reference = (
        load_embeddings(out / EMBEDDINGS_FILE),
        load_embeddings(work / "clean" / EMBEDDINGS_FILE),
    )
    vector_difference = max(
        float((vectors[t][1] - values).abs().max()) for t, (_, values) in reference.items()
    )
    result = {
        "graph": "synthetic 400 candidates, 200 postings, 150 skills, 20 occupations, seed 3",
        "epochs": args.epochs,
        "threads": int(threads),
        "kill_epochs": points,
        "checkpoint_epoch_after_kill": held,
        "kills_survived": sum(1 for p, h in zip(points, held, strict=True) if h >= p),
        **_differences(expected, resumed),
        "max_vector_difference": vector_difference,
        "test_auc_mean": {
            "clean": expected["test"]["auc_mean"],
            "resumed": resumed["test"]["auc_mean"],
        },
        "seconds": round(time.monotonic() - started, 1),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
