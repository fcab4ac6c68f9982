"""Milliseconds per document for inductive GNN vectors (no retraining), on CPU.

A model is trained briefly on a synthetic graph with the built-in taxonomy's
size (2,818 skills, 323 occupations, 384-dimensional features), or read from
``--model``; then new documents with 12 skills and 2 occupations each are
embedded one at a time (``embed``) and in batches of 500 (``embed_many``, what
ingest does).

Usage::

    python bench/inductive.py [--model DATA_DIR/models/gnn/model.pt] [--documents 1000]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import torch

from jobgraph.embed.bundle import load_bundle, make_bundle, save_bundle
from jobgraph.embed.inductive import InductiveEmbedder
from jobgraph.embed.synthetic_graph import synthetic_graph
from jobgraph.embed.train import TrainConfig, Trainer


def _model(path: Path | None, folder: Path) -> Path:
    if path is not None:
        return path
    data = synthetic_graph(candidates=2_000, postings=1_000, skills=2_818, occupations=323, seed=1)
    config = TrainConfig(epochs=5, eval_every=5)
    trainer = Trainer(data, config)
    result = trainer.run(progress=False)
    bundle, _ = make_bundle(result.model, trainer.data, config, result.metrics)
    save_bundle(bundle, folder / "model.pt")
    return folder / "model.pt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--documents", type=int, default=1_000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        embedder = InductiveEmbedder(load_bundle(_model(args.model, Path(folder))))
    rng = np.random.default_rng(0)
    skills, occupations = (
        embedder.bundle.layer_ids["skill"],
        embedder.bundle.layer_ids["occupation"],
    )
    features = rng.standard_normal((args.documents, embedder.bundle.in_channels)).astype(np.float32)
    neighbours = [
        {
            "has_skill": list(rng.choice(skills, 12, replace=False)),
            "worked_as": list(rng.choice(occupations, 2, replace=False)),
        }
        for _ in range(args.documents)
    ]
    embedder.embed("candidate", features[0], neighbours[0])  # warm-up
    one = []
    for index in range(args.documents):
        started = time.perf_counter()
        embedder.embed("candidate", features[index], neighbours[index])
        one.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    for start in range(0, args.documents, 500):
        embedder.embed_many(
            "candidate", features[start : start + 500], neighbours[start : start + 500]
        )
    batched = (time.perf_counter() - started) * 1000 / args.documents
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {torch.get_num_threads()} torch threads",
        "documents": args.documents,
        "one_at_a_time_ms": {
            "median": statistics.median(one),
            "p95": float(np.percentile(one, 95)),
        },
        "batches_of_500_ms_per_document": batched,
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
