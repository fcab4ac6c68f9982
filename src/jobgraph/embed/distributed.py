"""Several training processes with ``torch.distributed`` (started by ``torchrun``).

``torchrun --nproc_per_node N -m jobgraph.cli train ...`` sets ``RANK``,
``WORLD_SIZE`` and the rendezvous variables; :func:`init_from_env` joins the
group (NCCL on GPUs, gloo on CPU) and pins each process to its GPU. The
training loop then shards each supervision batch across the processes and DDP
averages the gradients; only rank 0 writes files and vectors.
"""

from __future__ import annotations

import os

import torch
import torch.distributed as dist


def init_from_env(device: str) -> tuple[int, int, str]:
    """Join the process group torchrun describes, if any.

    Args:
        device: The device asked for (``cpu``, ``cuda``).

    Returns:
        ``(rank, world_size, device)``; ``(0, 1, device)`` outside torchrun.
    """
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world <= 1 or dist.is_initialized():
        return (
            (dist.get_rank(), dist.get_world_size(), device)
            if dist.is_initialized()
            else (0, 1, device)
        )
    if device.startswith("cuda"):
        local = int(os.environ.get("LOCAL_RANK", "0"))
        torch.cuda.set_device(local)
        device = f"cuda:{local}"
        dist.init_process_group("nccl")
    else:
        dist.init_process_group("gloo")
    return dist.get_rank(), dist.get_world_size(), device


def shutdown() -> None:
    """Leave the process group (no-op outside one)."""
    if dist.is_initialized():
        dist.destroy_process_group()
