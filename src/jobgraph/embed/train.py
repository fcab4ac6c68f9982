"""Training loop: the only module that knows optimiser, device, epochs and seeds.

One full-graph forward per step with a mini-batch of supervision edges per edge
type (PyG's LightGCN example pattern): it needs no neighbour sampler, so it
runs on plain torch without pyg-lib. Under ``torchrun`` each process computes
the same forward and a shard of the supervision batch; DDP averages the
gradients, so the update equals the single-process one.
"""

from __future__ import annotations

import copy
import math
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.distributed as dist
from torch import Tensor, nn
from torch_geometric.data import HeteroData
from tqdm import tqdm

from jobgraph.embed.checkpoint import (
    check_same_run,
    global_rng_state,
    load_checkpoint,
    save_checkpoint,
    set_global_rng_state,
    training_fingerprint,
)
from jobgraph.embed.data import NODE_TYPES, EdgeType
from jobgraph.embed.labels import GradedPairs
from jobgraph.embed.loss import StepLoss, labelled_batch
from jobgraph.embed.metrics import auc, grade_table, ranking_by_degree, ranking_metrics
from jobgraph.embed.models import HeteroEncoder, LinkPredictor
from jobgraph.embed.sampling import Adjacency, sample_negatives
from jobgraph.embed.split import EdgeSplit, message_graph, split_edges

MAX_GRADE = 3  # the synthetic corpus grades fit 0-3


@dataclass
class TrainConfig:
    """Everything that decides a training run (saved with the checkpoint)."""

    encoder: str = "sage"
    hidden: int = 64
    layers: int = 2
    epochs: int = 400
    lr: float = 0.005
    projection_lr_ratio: float = 0.1
    batch_size: int = 1_000_000  # supervision edges per edge type per step
    disjoint_ratio: float = 0.3
    hard_ratio: float = 0.5
    fit_weight: float = 1.0
    patience: int = 100
    eval_every: int = 10
    checkpoint_every: int = 10
    val_ratio: float = 0.1
    test_ratio: float = 0.1
    holdout_ratio: float = 0.3
    seed: int = 7


@dataclass
class TrainResult:
    """The best model, its metrics and the history of the run."""

    model: LinkPredictor
    split: EdgeSplit
    metrics: dict[str, Any]
    history: list[dict[str, float]] = field(default_factory=list)


def set_seed(seed: int) -> None:
    """Seed every generator training touches (the one place seeds are set)."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def build_model(data: HeteroData, config: TrainConfig) -> LinkPredictor:
    """The model for ``data``'s node and edge types."""
    encoder = HeteroEncoder(
        NODE_TYPES,
        sorted(data.edge_types),
        in_channels=int(data["skill"].x.size(1)),
        hidden=config.hidden,
        layers=config.layers,
        encoder=config.encoder,
    )
    return LinkPredictor(encoder)


def _world() -> tuple[int, int]:
    if dist.is_available() and dist.is_initialized():
        return dist.get_rank(), dist.get_world_size()
    return 0, 1


class Trainer:
    """Train a :class:`LinkPredictor` on a snapshot.

    Args:
        data: The snapshot (moved to ``device`` here).
        config: Hyper-parameters.
        device: Torch device, chosen once by the caller.
        fit: Graded candidate–posting pairs (the synthetic corpus), if any.
    """

    FIT: EdgeType = ("candidate", "fits", "posting")

    def __init__(
        self,
        data: HeteroData,
        config: TrainConfig,
        *,
        device: str = "cpu",
        fit: GradedPairs | None = None,
    ) -> None:
        set_seed(config.seed)
        self.config = config
        self.device = torch.device(device)
        self.fingerprint = training_fingerprint(data, fit)
        self.split = split_edges(
            data,
            val_ratio=config.val_ratio,
            test_ratio=config.test_ratio,
            holdout_ratio=config.holdout_ratio,
            fit=fit,
            seed=config.seed,
        )
        self.data = data.to(self.device)
        for part in (self.split.train, self.split.val, self.split.test):
            for edge_type, positions in part.items():
                part[edge_type] = positions.to(self.device)
        self.x_dict = {t: self.data[t].x for t in NODE_TYPES}
        self.model = build_model(data, config).to(self.device)
        self.model.encoder.initialise_projection(self.x_dict)
        self.rank, self.world = _world()
        self.step_loss: nn.Module = StepLoss(self.model)
        if self.world > 1:
            self.step_loss = nn.parallel.DistributedDataParallel(self.step_loss)
        # the projection starts at the features' principal directions: move it slowly
        projection = list(self.model.encoder.project.parameters())
        chosen = {id(p) for p in projection}
        rest = [p for p in self.model.parameters() if id(p) not in chosen]
        self.optimizer = torch.optim.Adam(
            [
                {"params": projection, "lr": config.lr * config.projection_lr_ratio},
                {"params": rest, "lr": config.lr},
            ]
        )
        self.generator = torch.Generator(device=self.device).manual_seed(config.seed)
        self.adjacency = {
            e: Adjacency.build(
                self.data[e].edge_index[:, positions],
                self.data[e[0]].num_nodes,
                self.data[e[2]].num_nodes,
            )
            for e, positions in self.split.train.items()
        }
        self.fit_train = self._fit_tensors(self.split.fit_train)
        self.epoch = 0
        self.history: list[dict[str, float]] = []
        self.best_score = -math.inf
        self.best_state: dict[str, Tensor] | None = None
        self.best_epoch = 0

    def _fit_tensors(self, pairs: GradedPairs | None) -> tuple[Tensor, Tensor] | None:
        """Judged pairs and their targets: the grade scaled to [0, 1] (3 -> 1.0)."""
        if pairs is None or not len(pairs):
            return None
        edges = torch.stack([pairs.candidate, pairs.posting]).to(self.device)
        return edges, (pairs.grade.float() / MAX_GRADE).clamp(0, 1).to(self.device)

    def _batch(
        self, edge_type: EdgeType, edges: Tensor, labels: Tensor, weight: float
    ) -> tuple[EdgeType, Tensor, Tensor, float]:
        """This process's share of a batch, weighted so shards add up to the batch mean."""
        count = max(edges.size(1), 1)
        return (
            edge_type,
            edges[:, self.rank :: self.world],
            labels[self.rank :: self.world],
            weight * self.world / count,
        )

    def train_epoch(self) -> float:
        """One optimisation step over a fresh supervision batch; returns the loss."""
        self.model.train()
        removed: dict[EdgeType, Tensor | list[Tensor]] = {}
        batches: list[tuple[EdgeType, Tensor, Tensor, float]] = []
        for edge_type, positions in self.split.train.items():
            order = torch.randperm(positions.numel(), generator=self.generator, device=self.device)
            shuffled = positions[order]
            supervision = shuffled[: max(1, int(positions.numel() * self.config.disjoint_ratio))]
            removed[edge_type] = [
                self.split.val[edge_type],
                self.split.test[edge_type],
                supervision,
            ]
            positive = self.data[edge_type].edge_index[:, supervision[: self.config.batch_size]]
            negative = sample_negatives(
                positive,
                self.data[edge_type[2]].num_nodes,
                self.generator,
                adjacency=self.adjacency[edge_type],
                hard_ratio=self.config.hard_ratio,
            )
            edges, labels = labelled_batch(positive, negative)
            batches.append(self._batch(edge_type, edges, labels, 1.0))
        if self.fit_train is not None:
            judged, grades = self.fit_train
            # graded pairs regress their grade; unjudged random postings count as 0
            uniform = sample_negatives(judged, self.data["posting"].num_nodes, self.generator)
            edges = torch.cat([judged, uniform], dim=1)
            labels = torch.cat([grades, torch.zeros_like(grades)])
            batches.append(self._batch(self.FIT, edges, labels, self.config.fit_weight))
        edge_index_dict = message_graph(self.data, removed)
        self.optimizer.zero_grad()
        loss = self.step_loss(self.x_dict, edge_index_dict, batches)
        loss.backward()
        self.optimizer.step()
        return float(loss.detach())

    @torch.no_grad()
    def embed(
        self, removed: dict[EdgeType, Tensor | list[Tensor]] | None = None
    ) -> dict[str, Tensor]:
        """Every node's vector, with the ``removed`` edges left out of message passing."""
        self.model.eval()
        return self.model(self.x_dict, message_graph(self.data, removed or {}))

    @torch.no_grad()
    def evaluate(self, which: str = "val") -> dict[str, Any]:
        """Link AUC on the split's held-out edges; graded retrieval on its held-out candidates."""
        held = self.split.val if which == "val" else self.split.test
        removed: dict[EdgeType, Tensor | list[Tensor]] = {
            e: [self.split.val[e], self.split.test[e]] if which == "val" else self.split.test[e]
            for e in self.split.train
        }
        h = self.embed(removed)
        generator = torch.Generator(device=self.device).manual_seed(self.config.seed + 99)
        aucs: dict[str, float] = {}
        for edge_type, positions in held.items():
            if positions.numel() == 0:
                continue
            positive = self.data[edge_type].edge_index[:, positions.to(self.device)]
            negative = sample_negatives(positive, self.data[edge_type[2]].num_nodes, generator)
            source, _, target = edge_type
            aucs["|".join(edge_type)] = auc(
                self.model.score(h[source][positive[0]], h[target][positive[1]]),
                self.model.score(h[source][negative[0]], h[target][negative[1]]),
            )
        result: dict[str, Any] = {"auc": aucs}
        valid = [v for v in aucs.values() if not math.isnan(v)]
        result["auc_mean"] = float(np.mean(valid)) if valid else float("nan")
        pairs = self.split.fit_val if which == "val" else self.split.fit_test
        if pairs is not None and len(pairs):
            result.update(self.retrieval(h, pairs))
        return result

    def retrieval(self, h: dict[str, Tensor], pairs: GradedPairs) -> dict[str, Any]:
        """Candidate → posting ranking over every posting, by cosine of the vectors."""
        grades = grade_table(pairs.candidate, pairs.posting, pairs.grade)
        queries = sorted(q for q, judged in grades.items() if max(judged.values()) >= 2)
        if not queries:
            return {}
        candidates = torch.nn.functional.normalize(h["candidate"][queries], dim=-1)
        postings = torch.nn.functional.normalize(h["posting"], dim=-1)
        scores = (candidates @ postings.t()).cpu().numpy()
        degree = torch.bincount(
            self.data["candidate", "has_skill", "skill"].edge_index[0],
            minlength=self.data["candidate"].num_nodes,
        ).tolist()
        return {
            "retrieval": ranking_metrics(scores, grades, queries),
            "retrieval_by_degree": ranking_by_degree(
                scores, grades, queries, dict(enumerate(degree))
            ),
        }

    def _score(self, metrics: dict[str, Any]) -> float:
        if "retrieval" in metrics:
            return float(metrics["retrieval"]["ndcg@10"]) + 0.1 * float(metrics["auc_mean"])
        return float(metrics["auc_mean"])

    def _patience_spent(self) -> bool:
        return self.best_state is not None and self.epoch - self.best_epoch >= self.config.patience

    def state(self) -> dict[str, Any]:
        """Everything needed to resume: weights, optimiser, generators, progress."""
        return {
            "config": asdict(self.config),
            "data_fingerprint": self.fingerprint,
            "rng": global_rng_state(),
            "epoch": self.epoch,
            "model": self.model.state_dict(),
            "optimizer": self.optimizer.state_dict(),
            "generator": self.generator.get_state(),
            "history": self.history,
            "best_score": self.best_score,
            "best_state": self.best_state,
            "best_epoch": self.best_epoch,
        }

    def load_state(self, state: dict[str, Any]) -> None:
        """Continue from :meth:`state` (a checkpoint of a run with the same fingerprint)."""
        self.model.load_state_dict(state["model"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.generator.set_state(state["generator"])
        self.epoch = int(state["epoch"])
        self.history = list(state["history"])
        self.best_score = float(state["best_score"])
        self.best_state = state["best_state"]
        self.best_epoch = int(state["best_epoch"])
        set_global_rng_state(state["rng"])

    def run(self, *, progress: bool = True, checkpoint: Path | None = None) -> TrainResult:
        """Train with early stopping on the validation score, then test the best model.

        Args:
            progress: Show a progress bar with the loss.
            checkpoint: File rewritten (atomically) every ``checkpoint_every`` epochs;
                when it exists already, training resumes from it.

        Raises:
            CheckpointError: The checkpoint is unreadable or from another run.
        """
        if checkpoint is not None and checkpoint.is_file():
            state = load_checkpoint(checkpoint, device=self.device)
            check_same_run(state, asdict(self.config), self.fingerprint, checkpoint)
            self.load_state(state)
        started = time.monotonic()
        if self.best_state is None:  # the untrained model (text projection) is the bar to beat
            self.best_score = self._score(self.evaluate("val"))
            self.best_state = copy.deepcopy(self.model.state_dict())
        bar = tqdm(
            total=self.config.epochs,
            initial=self.epoch,
            desc=f"train {self.config.encoder}",
            unit="epoch",
            disable=not progress or self.rank != 0,
        )
        # patience is checked before each step, so a run resumed from the epoch that
        # exhausted it stops there too
        while self.epoch < self.config.epochs and not self._patience_spent():
            loss = self.train_epoch()
            self.epoch += 1
            bar.update(1)
            entry: dict[str, float] = {"epoch": self.epoch, "loss": loss}
            if self.epoch % self.config.eval_every == 0 or self.epoch == self.config.epochs:
                metrics = self.evaluate("val")
                score = self._score(metrics)
                entry["val_score"] = score
                if score > self.best_score:
                    self.best_score, self.best_epoch = score, self.epoch
                    self.best_state = copy.deepcopy(self.model.state_dict())
                bar.set_postfix(loss=f"{loss:.4f}", val=f"{score:.4f}", best=self.best_epoch)
            else:
                bar.set_postfix(loss=f"{loss:.4f}")
            self.history.append(entry)
            if (
                checkpoint is not None
                and self.rank == 0
                and self.epoch % self.config.checkpoint_every == 0
            ):
                save_checkpoint(self.state(), checkpoint)
        bar.close()
        if self.best_state is not None:
            self.model.load_state_dict(self.best_state)
        metrics = {
            "val": self.evaluate("val"),
            "test": self.evaluate("test"),
            "best_epoch": self.best_epoch,
            "epochs_run": self.epoch,
            "seconds": round(time.monotonic() - started, 2),
            "parameters": sum(p.numel() for p in self.model.parameters()),
        }
        return TrainResult(self.model, self.split, metrics, self.history)
