"""Held-out evaluation of next-role suggestions, with an ablation per evidence source.

Candidates are split into folds. For each fold, transitions are mined from the
other folds only, and every move a held-out candidate made (``from -> to``) is
a test case: a hit@k when ``to`` is among the top k next roles of ``from``.
Cases whose ``from`` occupation has no mined transition left are counted
apart as "cold": there only similarity can answer.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tqdm import tqdm

from jobgraph.careers.mining import mine_transitions, moves
from jobgraph.careers.model import OccupationProfile, WorkHistory
from jobgraph.careers.recommend import DEFAULT_WEIGHTS, SOURCES, CareerModel

KS = (1, 5, 10)
SUGGESTIONS_SCANNED = 50  # hierarchy agreement: suggestions searched for linked ones


@dataclass
class Tally:
    """Hits at each k and reciprocal ranks over test moves."""

    cases: int = 0
    reciprocal_rank: float = 0.0

    def __post_init__(self) -> None:
        self.hits = dict.fromkeys(KS, 0)

    def add(self, rank: int | None) -> None:
        """Record one test move; ``rank`` is 1-based, ``None`` when not suggested."""
        self.cases += 1
        if rank is not None:
            self.reciprocal_rank += 1 / rank
            for k in KS:
                self.hits[k] += rank <= k

    def summary(self) -> dict[str, float | int]:
        """hit@k and MRR as shares of the cases."""
        out: dict[str, float | int] = {"cases": self.cases}
        for k in KS:
            out[f"hit@{k}"] = round(self.hits[k] / self.cases, 4) if self.cases else 0.0
        out["mrr"] = round(self.reciprocal_rank / self.cases, 4) if self.cases else 0.0
        return out


def fold_of(candidate_id: str, folds: int, seed: int) -> int:
    """A stable fold number for a candidate (independent of input order)."""
    digest = hashlib.sha256(f"{seed}:{candidate_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % folds


def ablation_configs() -> dict[str, dict[str, float]]:
    """The blends compared: full, each source alone, and full without each source."""
    configs = {"full": dict(DEFAULT_WEIGHTS)}
    for source in SOURCES:
        configs[f"only {source}"] = {source: 1.0}
    for source in SOURCES:
        configs[f"without {source}"] = {k: v for k, v in DEFAULT_WEIGHTS.items() if k != source}
    configs["similarity only (no transitions)"] = configs.pop("without transitions")
    return configs


def evaluate_holdout(
    profiles: Mapping[str, OccupationProfile],
    histories: Sequence[WorkHistory],
    configs: Mapping[str, Mapping[str, float]],
    *,
    folds: int = 5,
    seed: int = 7,
    max_k: int = max(KS),
    progress: bool = False,
) -> dict[str, dict[str, dict[str, float | int]]]:
    """Cross-validated hit@k of each weight configuration.

    Args:
        profiles: Occupation profiles by id.
        histories: Every candidate's work history.
        configs: Name -> evidence weights.
        folds: Number of candidate folds (each held out once).
        seed: Fold assignment seed.
        max_k: Suggestions ranked per test move.
        progress: Show a progress bar over the folds.

    Returns:
        Config name -> {"all": ..., "warm": ..., "cold": ...} summaries.
    """
    tallies = {name: {part: Tally() for part in ("all", "warm", "cold")} for name in configs}
    for fold in tqdm(range(folds), desc="folds", unit="fold", disable=not progress):
        train = [h for h in histories if fold_of(h.candidate_id, folds, seed) != fold]
        test = [h for h in histories if fold_of(h.candidate_id, folds, seed) == fold]
        transitions = mine_transitions(train)
        seen_from = {t.from_id for t in transitions}
        cases = [
            (from_id, to_id)
            for history in test
            for from_id, to_id, _ in moves(history)
            if from_id in profiles and to_id in profiles
        ]
        base = CareerModel(profiles, transitions)
        for name, weights in configs.items():
            model = base.with_weights(weights)
            ranked: dict[str, list[str]] = {}
            for from_id, to_id in cases:
                if from_id not in ranked:
                    ranked[from_id] = [
                        r.occupation_id for r in model.next_roles(from_id, limit=max_k)
                    ]
                order = ranked[from_id]
                rank = order.index(to_id) + 1 if to_id in order else None
                tallies[name]["all"].add(rank)
                tallies[name]["warm" if from_id in seen_from else "cold"].add(rank)
    return {
        name: {part: tally.summary() for part, tally in parts.items()}
        for name, parts in tallies.items()
    }


def _counterparts(profiles: Mapping[str, OccupationProfile], oid: str, reference: str) -> set[str]:
    """``reference`` occupations linked by SAME_AS, directly or through one built-in entry."""
    found: set[str] = set()
    for linked in profiles[oid].same_as:
        other = profiles.get(linked)
        if other is None:
            continue
        if other.source == reference:
            found.add(linked)
            continue
        found |= {x for x in other.same_as if x in profiles and profiles[x].source == reference}
    return found


def hierarchy_agreement(
    model: CareerModel,
    *,
    source: str = "onet",
    reference: str = "esco",
    k: int = 10,
    seed: int = 7,
) -> dict[str, float | int]:
    """How often suggestions for ``source`` occupations agree with ``reference``'s hierarchy.

    For each ``source`` occupation with a ``reference`` counterpart (SAME_AS, or
    through a built-in entry), its top ``k`` suggestions among ``source``
    occupations that also have a counterpart (within the 50 best) are checked: one agrees
    when its counterpart lies within two BROADER links of the occupation's
    (itself, parent, child, sibling, grandparent, aunt). Random ``source``
    pairs give the baseline.

    Returns:
        Occupations and suggestions checked, the agreeing share and the random share.
    """
    profiles = model.profiles
    children: dict[str, set[str]] = {}
    for profile in profiles.values():
        for parent in profile.broader:
            children.setdefault(parent, set()).add(profile.id)

    def neighbourhood(oid: str) -> set[str]:
        parents = set(profiles[oid].broader)
        near = {oid} | parents | children.get(oid, set())
        for parent in parents:
            near |= children.get(parent, set()) | set(profiles[parent].broader)
        return near

    linked = {
        oid: _counterparts(profiles, oid, reference)
        for oid, profile in profiles.items()
        if profile.source == source
    }
    linked = {oid: refs for oid, refs in linked.items() if refs}
    rng = random.Random(seed)
    pool = sorted(linked)
    agree = checked = random_agree = random_checked = 0
    for oid in tqdm(pool, desc=f"{source} vs {reference}", unit="occupation", leave=False):
        near = set().union(*(neighbourhood(ref) for ref in linked[oid]))
        ranked = model.next_roles(oid, limit=SUGGESTIONS_SCANNED)
        suggestions = [r.occupation_id for r in ranked if r.occupation_id in linked][:k]
        for other in suggestions:
            checked += 1
            agree += bool(linked[other] & near)
        for other in rng.sample(pool, min(k, len(pool))):
            if other != oid:
                random_checked += 1
                random_agree += bool(linked[other] & near)
    return {
        "occupations": len(pool),
        "suggestions": checked,
        "agreeing_share": round(agree / checked, 4) if checked else 0.0,
        "random_share": round(random_agree / random_checked, 4) if random_checked else 0.0,
    }


def evaluate_transfer(
    profiles: Mapping[str, OccupationProfile],
    train: Sequence[WorkHistory],
    test: Sequence[WorkHistory],
    configs: Mapping[str, Mapping[str, float]],
    *,
    max_k: int = max(KS),
) -> dict[str, dict[str, float | int]]:
    """hit@k on the moves of ``test`` histories, transitions mined from ``train`` only.

    Used for real work histories, too few to mine from: the model learns its
    transitions from another corpus and similarity does the rest.
    """
    transitions = mine_transitions(train)
    cases = [
        (from_id, to_id)
        for history in test
        for from_id, to_id, _ in moves(history)
        if from_id in profiles and to_id in profiles
    ]
    base = CareerModel(profiles, transitions)
    out: dict[str, dict[str, float | int]] = {}
    for name, weights in configs.items():
        model = base.with_weights(weights)
        tally = Tally()
        for from_id, to_id in cases:
            order = [r.occupation_id for r in model.next_roles(from_id, limit=max_k)]
            tally.add(order.index(to_id) + 1 if to_id in order else None)
        out[name] = tally.summary()
    return out
