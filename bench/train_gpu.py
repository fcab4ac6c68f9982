"""Time jobgraph's GNN training step against a plain-PyG reference step.

Synthetic graphs shaped like jobgraph's (candidates, postings, skills,
occupations; 384-dimensional features) at a chosen scale. Both steps: 2 layers,
hidden 64, a full-graph forward, about 1M positive + 1M negative supervision
edges, BCE loss, one Adam update.

* project: ``jobgraph.embed.train.Trainer.train_epoch`` (per-type projection,
  HeteroConv of SAGEConv, hard negatives, fresh disjoint supervision split).
* reference: ``to_hetero`` of a 2-layer SAGEConv model on the raw features, a
  dot-product decoder on ``has_skill`` edges, uniform negatives.

Usage::

    python bench/train_gpu.py --scale small              # CPU check, seconds
    python bench/train_gpu.py --scale 1m --scale 5m      # on a GPU

Prints JSON (also written to --out).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn
from torch_geometric.nn import SAGEConv, to_hetero

from jobgraph.embed.data import NODE_TYPES
from jobgraph.embed.synthetic_graph import synthetic_graph
from jobgraph.embed.train import TrainConfig, Trainer

# candidates, postings, skills, occupations; about 21 and 105 directed edges per node
SCALES = {
    "small": (6_000, 3_000, 900, 100),
    "1m": (600_000, 300_000, 90_000, 10_000),
    "5m": (3_000_000, 1_500_000, 450_000, 50_000),
}
HAS_SKILL = ("candidate", "has_skill", "skill")


class ReferenceSAGE(nn.Module):
    def __init__(self, hidden: int) -> None:
        super().__init__()
        self.conv1 = SAGEConv((-1, -1), hidden)
        self.conv2 = SAGEConv((-1, -1), hidden)

    def forward(self, x: torch.Tensor, edge_index: torch.Tensor) -> torch.Tensor:
        return self.conv2(self.conv1(x, edge_index).relu(), edge_index)


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def _timed(step, device: torch.device, warmup: int, repeats: int) -> dict[str, float]:
    for _ in range(warmup):
        step()
    _sync(device)
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats(device)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        step()
        _sync(device)
        times.append(time.perf_counter() - started)
    result = {"median_s": statistics.median(times), "min_s": min(times)}
    if device.type == "cuda":
        result["peak_gib"] = torch.cuda.max_memory_allocated(device) / 2**30
    return result


def project_step(data, device: torch.device, supervision: int, args) -> tuple[dict, int]:
    # per-type cap so that all supervised types together give about `supervision` positives
    config = TrainConfig(hidden=64, layers=2, batch_size=max(1, supervision // 3), seed=1)
    trainer = Trainer(data, config, device=str(device))
    total = sum(
        min(int(p.numel() * config.disjoint_ratio), config.batch_size)
        for p in trainer.split.train.values()
    )
    if args.bf16:

        def step() -> None:
            with torch.autocast(device.type, dtype=torch.bfloat16):
                trainer.train_epoch()
    else:
        step = trainer.train_epoch
    result = _timed(step, device, args.warmup, args.repeats)
    if args.profile:
        _profile(step, device)
    return result, total


def _profile(step, device: torch.device) -> None:
    """Print where one project step spends its time (to stderr)."""
    from torch.profiler import ProfilerActivity, profile

    activities = [ProfilerActivity.CPU]
    if device.type == "cuda":
        activities.append(ProfilerActivity.CUDA)
    with profile(activities=activities) as prof:
        step()
        _sync(device)
    key = "cuda_time_total" if device.type == "cuda" else "cpu_time_total"
    print(prof.key_averages().table(sort_by=key, row_limit=25), file=sys.stderr)


def reference_step(data, device: torch.device, supervision: int, args) -> dict:
    data = data.to(device)
    model = to_hetero(ReferenceSAGE(64), data.metadata(), aggr="sum").to(device)
    x_dict = {t: data[t].x for t in NODE_TYPES}
    edge_index_dict = {e: data[e].edge_index for e in data.edge_types}
    with torch.no_grad():
        model(x_dict, edge_index_dict)  # materialise the lazy layers
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    edges = data[HAS_SKILL].edge_index
    generator = torch.Generator(device=device).manual_seed(1)

    def step() -> None:
        pick = torch.randint(0, edges.size(1), (supervision,), device=device, generator=generator)
        positive = edges[:, pick]
        negative = torch.stack(
            [
                positive[0],
                torch.randint(
                    0, data["skill"].num_nodes, (supervision,), device=device, generator=generator
                ),
            ]
        )
        optimizer.zero_grad()
        h = model(x_dict, edge_index_dict)
        logits = torch.cat(
            [
                (h["candidate"][positive[0]] * h["skill"][positive[1]]).sum(-1),
                (h["candidate"][negative[0]] * h["skill"][negative[1]]).sum(-1),
            ]
        )
        labels = torch.cat(
            [torch.ones(supervision, device=device), torch.zeros(supervision, device=device)]
        )
        F.binary_cross_entropy_with_logits(logits, labels).backward()
        optimizer.step()

    return _timed(step, device, args.warmup, args.repeats)


def run_scale(name: str, device: torch.device, args) -> dict:
    candidates, postings, skills, occupations = SCALES[name]
    started = time.perf_counter()
    data = synthetic_graph(
        candidates=candidates,
        postings=postings,
        skills=skills,
        occupations=occupations,
        skills_per_candidate=11.0,
        skills_per_posting=11.0,
        with_ids=False,
        seed=0,
    )
    built = time.perf_counter() - started
    nodes = sum(data[t].num_nodes for t in NODE_TYPES)
    edges = sum(data[e].edge_index.size(1) for e in data.edge_types)
    supervision = min(args.supervision, data[HAS_SKILL].edge_index.size(1) // 2)
    entry: dict = {
        "scale": name,
        "nodes": nodes,
        "directed_edges": edges,
        "build_s": round(built, 1),
    }
    try:
        project, project_supervision = project_step(data.clone(), device, supervision, args)
        entry["project"] = {**project, "supervision_positives": project_supervision}
    except torch.OutOfMemoryError as error:
        entry["project"] = {"error": f"out of memory: {str(error)[:200]}"}
    if device.type == "cuda":
        torch.cuda.empty_cache()
    try:
        entry["reference"] = {
            **reference_step(data, device, supervision, args),
            "supervision_positives": supervision,
        }
    except torch.OutOfMemoryError as error:
        entry["reference"] = {"error": f"out of memory: {str(error)[:200]}"}
    if "median_s" in entry["project"] and "median_s" in entry["reference"]:
        entry["ratio"] = round(entry["project"]["median_s"] / entry["reference"]["median_s"], 3)
    if device.type == "cuda":
        torch.cuda.empty_cache()
    return entry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", action="append", choices=sorted(SCALES))
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--supervision", type=int, default=1_000_000)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--bf16", action="store_true", help="Autocast the project step to bf16.")
    parser.add_argument("--profile", action="store_true", help="Profile one project step.")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    device = torch.device(args.device)
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "device": torch.cuda.get_device_name(device)
        if device.type == "cuda"
        else platform.processor() or "cpu",
        "torch": torch.__version__,
        "bf16": args.bf16,
        "results": [],
    }
    for name in args.scale or ["small"]:
        report["results"].append(run_scale(name, device, args))
        print(json.dumps(report["results"][-1]), file=sys.stderr, flush=True)
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
