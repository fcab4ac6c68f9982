"""`jobgraph train` killed with SIGKILL mid-run, then resumed: the same result as a run left alone.

The killed run is a real process (``python -m jobgraph.cli train``) on a small
seeded snapshot, killed at an epoch a seeded generator picks, wherever it is in
that epoch (a step, a validation, or writing the checkpoint). The undisturbed
and the resumed runs go through the same command in this process.

Tolerance: metrics within 1e-6 and vectors within 1e-5 (absolute). Training
on CPU with the same thread count is deterministic, so both are expected to
be met exactly; the margin only absorbs float summation order.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from click.testing import CliRunner

from jobgraph.cli import main
from jobgraph.embed.bundle import load_embeddings
from jobgraph.embed.checkpoint import CheckpointError, load_checkpoint
from jobgraph.embed.data import load_snapshot, save_snapshot
from jobgraph.embed.pipeline import CHECKPOINT_FILE, EMBEDDINGS_FILE
from jobgraph.embed.synthetic_graph import synthetic_graph
from jobgraph.embed.train import TrainConfig, Trainer

METRIC_TOLERANCE = 1e-6
VECTOR_TOLERANCE = 1e-5
EPOCHS = 40
KILL_SEED = 20261130


def _snapshot(path: Path, seed: int) -> Path:
    graph = synthetic_graph(
        candidates=120, postings=60, skills=60, occupations=10, features=16, seed=seed
    )
    save_snapshot(graph, path)
    return path


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _snapshot(tmp_path_factory.mktemp("resume") / "graph.pt", seed=3)


def _args(snapshot: Path, out: Path, *extra: str) -> list[str]:
    return [
        "train", "--snapshot", str(snapshot), "--out", str(out), "--no-write",
        "--no-baselines", "--json", "--epochs", str(EPOCHS), "--hidden", "16",
        "--eval-every", "4", "--checkpoint-every", "1", "--seed", "5", *extra,
    ]  # fmt: skip


def _env(tmp: Path) -> dict[str, str]:
    return {"JOBGRAPH_DATA_DIR": str(tmp / "data"), "JOBGRAPH_DEVICE": "cpu"}


def _train(args: list[str], tmp: Path) -> tuple[int, dict, str]:
    result = CliRunner().invoke(main, args, env=_env(tmp))
    metrics = json.loads(result.stdout) if result.exit_code == 0 else {}
    return result.exit_code, metrics, result.stderr + result.stdout


def _checkpoint_epoch(path: Path) -> int:
    try:
        return int(load_checkpoint(path)["epoch"])
    except CheckpointError:  # not written yet
        return 0


def _kill_mid_run(snapshot: Path, out: Path, tmp: Path, target_epoch: int) -> int:
    """Run training in its own process; SIGKILL it once its checkpoint reaches ``target_epoch``."""
    threads = str(torch.get_num_threads())  # same summation order as this process
    env = {**os.environ, **_env(tmp), "OMP_NUM_THREADS": threads, "MKL_NUM_THREADS": threads}
    process = subprocess.Popen(
        [sys.executable, "-m", "jobgraph.cli", *_args(snapshot, out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 300
        while _checkpoint_epoch(out / CHECKPOINT_FILE) < target_epoch:
            assert process.poll() is None, process.stderr.read().decode()[-2000:]  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "training reached no checkpoint in 300 s"
            time.sleep(0.01)
        assert process.poll() is None, "training ended before it could be killed"
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return _checkpoint_epoch(out / CHECKPOINT_FILE)


def test_killed_training_resumes_to_the_undisturbed_result(snapshot: Path, tmp_path: Path) -> None:
    target = random.Random(KILL_SEED).randint(3, EPOCHS // 2)
    killed = tmp_path / "killed"
    reached = _kill_mid_run(snapshot, killed, tmp_path, target)
    # whatever the kill interrupted, the checkpoint on disk is whole and mid-run
    state = load_checkpoint(killed / CHECKPOINT_FILE)
    assert target <= reached == state["epoch"] < EPOCHS
    assert {"model", "optimizer", "generator", "rng", "best_state", "best_epoch"} <= set(state)
    assert not (killed / EMBEDDINGS_FILE).exists()

    # an undisturbed run (a left-over checkpoint in its folder is replaced, and said so)
    straight = tmp_path / "straight"
    straight.mkdir()
    (straight / CHECKPOINT_FILE).write_bytes(b"left over")
    code, expected, output = _train(_args(snapshot, straight), tmp_path)
    assert code == 0, output
    assert "is replaced: training starts over" in output

    code, resumed, output = _train(_args(snapshot, killed, "--resume"), tmp_path)
    assert code == 0, output
    assert "resuming from" in output
    assert resumed["epochs_run"] == expected["epochs_run"] == EPOCHS
    assert resumed["best_epoch"] == expected["best_epoch"]
    for part in ("val", "test"):
        assert resumed[part]["auc_mean"] == pytest.approx(
            expected[part]["auc_mean"], abs=METRIC_TOLERANCE
        )
        for edge_type, value in expected[part]["auc"].items():
            assert resumed[part]["auc"][edge_type] == pytest.approx(value, abs=METRIC_TOLERANCE)
    vectors, reference = (
        load_embeddings(killed / EMBEDDINGS_FILE),
        load_embeddings(straight / EMBEDDINGS_FILE),
    )
    for node_type, (ids, values) in reference.items():
        assert vectors[node_type][0] == ids
        assert float((vectors[node_type][1] - values).abs().max()) <= VECTOR_TOLERANCE
    # a finished run leaves no checkpoint and no half-written temporary behind
    assert sorted(p.name for p in killed.iterdir() if "checkpoint" in p.name) == []


def test_a_checkpoint_of_another_run_is_refused_not_resumed(snapshot: Path, tmp_path: Path) -> None:
    # a checkpoint as an interrupted run of these options would have left it
    config = TrainConfig(hidden=16, epochs=2, eval_every=4, checkpoint_every=1, seed=5)
    stale = tmp_path / "stale"
    Trainer(load_snapshot(snapshot), config).run(progress=False, checkpoint=stale / CHECKPOINT_FILE)
    assert (stale / CHECKPOINT_FILE).is_file()
    saved = (stale / CHECKPOINT_FILE).read_bytes()

    # other settings: refused, naming the setting; the checkpoint stays as it was
    code, _, output = _train(_args(snapshot, stale, "--resume", "--lr", "0.01"), tmp_path)
    assert code == 1
    assert "written by a different training run" in output
    assert "lr (checkpoint 0.005, now 0.01)" in output and "without --resume" in output
    assert (stale / CHECKPOINT_FILE).read_bytes() == saved

    # another graph: refused, naming the data
    other = _snapshot(tmp_path / "other.pt", seed=4)
    code, _, output = _train(_args(other, stale, "--resume"), tmp_path)
    assert code == 1
    assert "differs in the training data" in output

    # a damaged file: one clear error, not a traceback
    (stale / CHECKPOINT_FILE).write_bytes(saved[: len(saved) // 2])
    code, _, output = _train(_args(snapshot, stale, "--resume"), tmp_path)
    assert code == 1
    assert "not a readable training checkpoint" in output and "Traceback" not in output
