"""Training under torchrun with two gloo processes on CPU matches one process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobgraph.embed.bundle import load_embeddings
from jobgraph.embed.data import save_snapshot
from jobgraph.embed.synthetic_graph import synthetic_graph

ARGS = [
    "train",
    "--no-write",
    "--no-baselines",
    "--encoder",
    "sage",
    "--epochs",
    "10",
    "--device",
    "cpu",
    "--json",
]


def _run(command: list[str], out: Path, snapshot: Path) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    completed = subprocess.run(
        [*command, *ARGS, "--snapshot", str(snapshot), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads((out / "metrics.json").read_text())


def test_two_processes_match_one(tmp_path: Path) -> None:
    snapshot = tmp_path / "graph.pt"
    save_snapshot(
        synthetic_graph(
            candidates=300, postings=150, skills=120, occupations=15, features=16, seed=9
        ),
        snapshot,
    )
    single = _run([sys.executable, "-m", "jobgraph.cli"], tmp_path / "one", snapshot)
    torchrun = Path(sys.executable).with_name("torchrun")
    double = _run(
        [str(torchrun), "--standalone", "--nproc_per_node", "2", "-m", "jobgraph.cli"],
        tmp_path / "two",
        snapshot,
    )
    assert double["epochs_run"] == single["epochs_run"]
    assert double["test"]["auc_mean"] == pytest.approx(single["test"]["auc_mean"], abs=0.02)
    one = load_embeddings(tmp_path / "one" / "embeddings.pt")["candidate"][1]
    two = load_embeddings(tmp_path / "two" / "embeddings.pt")["candidate"][1]
    assert float((one * two).sum(-1).mean()) > 0.98  # same vectors up to float noise
