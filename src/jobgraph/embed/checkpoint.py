"""Training checkpoints: what a killed run needs to continue exactly where it was.

A checkpoint holds the model and optimiser, every random generator training
draws from (the trainer's own, and torch's, numpy's and Python's global ones),
the epoch, the history and the early-stopping state, plus a fingerprint of the
run: the training data and every setting that changes its result. A
checkpoint is only resumed by a run with the same fingerprint; anything else
is refused with a message naming what differs.

Files are written to a temporary file beside the target, flushed to disk and
moved over it with :func:`os.replace`, so a run killed while writing leaves the
previous checkpoint whole, never half of a new one.
"""

from __future__ import annotations

import hashlib
import os
import random
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import Tensor
from torch_geometric.data import HeteroData

from jobgraph.embed.data import NODE_TYPES
from jobgraph.embed.labels import GradedPairs
from jobgraph.errors import JobgraphError

FORMAT = "jobgraph-train-checkpoint/1"
#: Settings that do not change what a run computes, so a resumed run may change them.
RESUMABLE_SETTINGS = frozenset({"epochs", "checkpoint_every"})


class CheckpointError(JobgraphError):
    """A training checkpoint cannot be read, or belongs to another run."""

    http_status = 409


def data_fingerprint(tensors: Iterable[tuple[str, Tensor]]) -> str:
    """SHA-256 over named tensors (features, edges, graded pairs), in the given order.

    Args:
        tensors: ``(name, tensor)`` pairs; the name keeps two layouts with the
            same bytes apart.

    Returns:
        The hex digest.
    """
    digest = hashlib.sha256()
    for name, tensor in tensors:
        value = tensor.detach().cpu().contiguous()
        digest.update(f"{name}|{value.dtype}|{tuple(value.shape)}|".encode())
        digest.update(value.numpy().tobytes() if value.numel() else b"")
    return digest.hexdigest()


def training_fingerprint(data: HeteroData, fit: GradedPairs | None) -> str:
    """What a checkpoint must have been trained on: node features, edges, graded pairs."""
    parts = [(f"x:{t}", data[t].x) for t in NODE_TYPES]
    parts += [("edges:" + "|".join(e), data[e].edge_index) for e in sorted(data.edge_types)]
    if fit is not None:
        parts += [("fit", torch.stack([fit.candidate, fit.posting, fit.grade.long()]))]
    return data_fingerprint(parts)


def global_rng_state() -> dict[str, Any]:
    """Torch's (CPU and CUDA), numpy's and Python's global generator states, as plain data."""
    kind, keys, position, has_gauss, cached = np.random.get_state(legacy=True)
    version, internal, gauss = random.getstate()
    state: dict[str, Any] = {
        "torch": torch.get_rng_state(),
        "numpy": {
            "kind": str(kind),
            "keys": torch.from_numpy(np.asarray(keys, dtype=np.int64)),
            "position": int(position),
            "has_gauss": int(has_gauss),
            "cached_gaussian": float(cached),
        },
        "python": {"version": version, "internal": list(internal), "gauss": gauss},
    }
    if torch.cuda.is_available() and torch.cuda.is_initialized():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_global_rng_state(state: dict[str, Any]) -> None:
    """Restore what :func:`global_rng_state` returned."""
    torch.set_rng_state(state["torch"])
    numpy_state = state["numpy"]
    np.random.set_state(
        (
            numpy_state["kind"],
            numpy_state["keys"].numpy().astype(np.uint32),
            numpy_state["position"],
            numpy_state["has_gauss"],
            numpy_state["cached_gaussian"],
        )
    )
    python_state = state["python"]
    random.setstate(
        (python_state["version"], tuple(python_state["internal"]), python_state["gauss"])
    )
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def save_checkpoint(state: dict[str, Any], path: Path) -> None:
    """Write ``state`` to ``path`` atomically (temporary file, fsync, ``os.replace``).

    Args:
        state: The trainer's state, with ``config`` and ``data_fingerprint``.
        path: The checkpoint file; its folder is created when missing.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            torch.save({"format": FORMAT, **state}, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def remove_partial_checkpoints(path: Path) -> int:
    """Delete temporary files a run killed while writing ``path`` left behind.

    Returns:
        How many were removed.
    """
    removed = 0
    for partial in path.parent.glob(f".{path.name}.*.tmp"):
        partial.unlink(missing_ok=True)
        removed += 1
    return removed


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def load_checkpoint(path: Path, *, device: torch.device | str = "cpu") -> dict[str, Any]:
    """Read a checkpoint written by :func:`save_checkpoint` (no pickled code runs).

    Raises:
        CheckpointError: The file is unreadable (truncated, corrupt) or not a checkpoint.
    """
    try:
        state = torch.load(path, map_location=device, weights_only=True)
    except FileNotFoundError:
        raise CheckpointError(f"{path}: no such checkpoint") from None
    except Exception as error:
        raise CheckpointError(
            f"{path}: not a readable training checkpoint ({type(error).__name__}: {error}); "
            "delete it and train again without --resume"
        ) from error
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        raise CheckpointError(
            f"{path}: not a jobgraph training checkpoint (expected format {FORMAT}); "
            "delete it and train again without --resume"
        )
    return state


def check_same_run(
    state: dict[str, Any], config: dict[str, Any], fingerprint: str, path: Path
) -> None:
    """Refuse a checkpoint written by a run with other data or other settings.

    Args:
        state: A loaded checkpoint.
        config: This run's settings (``asdict(TrainConfig)``).
        fingerprint: This run's :func:`data_fingerprint`.
        path: The checkpoint file, for the message.

    Raises:
        CheckpointError: Naming the data and every setting that differ.
    """
    differences = []
    if state.get("data_fingerprint") != fingerprint:
        differences.append("the training data (graph snapshot or graded pairs)")
    saved = state.get("config") or {}
    for key in sorted(set(saved) | set(config)):
        if key in RESUMABLE_SETTINGS or saved.get(key) == config.get(key):
            continue
        differences.append(f"{key} (checkpoint {saved.get(key)!r}, now {config.get(key)!r})")
    if differences:
        raise CheckpointError(
            f"{path}: written by a different training run (epoch {state.get('epoch')}); it "
            f"differs in {'; '.join(differences)}. It was not resumed: run again with the "
            "same data and options, or without --resume to start over"
        )


__all__ = [
    "CheckpointError",
    "check_same_run",
    "data_fingerprint",
    "global_rng_state",
    "load_checkpoint",
    "remove_partial_checkpoints",
    "save_checkpoint",
    "set_global_rng_state",
    "training_fingerprint",
]
