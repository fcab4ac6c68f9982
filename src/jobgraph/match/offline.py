"""Every candidate against every posting, with tensors: top-k both ways, offline.

Each feature of :mod:`jobgraph.match.scoring` becomes a matrix product or an
outer comparison, computed for a chunk of candidates against all postings at
once (CPU or GPU), so the hybrid total of all pairs costs a few matrix
multiplications instead of one scorer call per pair:

- ``gnn`` / ``text``: dot products of the unit vectors, clipped to [0, 1];
- ``lexical``: a sparse posting-by-word matrix (1 / words asked) times the
  candidate's binary word vector;
- ``required`` / ``preferred``: a sparse posting-by-skill matrix (1 / skills
  asked) times the candidate's credit for every asked skill (1 when held, else
  the best path's credit, from the same skill graph the scorer uses);
- ``occupation``: the candidate's value for each posting occupation, worked out
  once per held occupation with the scorer's rules;
- ``experience``, ``education``, ``location``: outer comparisons of small codes.

One difference from the scorer, stated rather than hidden: the per-skill
minimum years (``years_factor``) is not applied; pairs whose posting names no
per-skill minimum score exactly as :class:`~jobgraph.match.scoring.Scorer`
scores them (to float32 rounding; ``tests/unit/match/test_offline.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from jobgraph.match.model import AskedSkill, CandidateProfile, PostingProfile
from jobgraph.match.scoring import NO_REQUIREMENTS, UNKNOWN, Scorer


@dataclass(frozen=True)
class TopK:
    """The best ``k`` of one document: other side's ids and scores, best first."""

    id: str
    ids: list[str]
    scores: list[float]


def _unit_matrix(vectors: Sequence[np.ndarray | None]) -> torch.Tensor:
    dims = next((v.shape[0] for v in vectors if v is not None), 1)
    matrix = np.zeros((len(vectors), dims), dtype=np.float32)
    for i, vector in enumerate(vectors):
        if vector is not None and vector.shape[0] == dims:
            matrix[i] = vector
    return torch.from_numpy(matrix)


def _sparse(rows: list[dict[int, float]], columns: int) -> torch.Tensor:
    """A (len(rows) × columns) sparse COO matrix from per-row {column: value}."""
    index = [(r, c) for r, row in enumerate(rows) for c in row]
    values = [row[c] for row in rows for c in row]
    if not index:
        return torch.sparse_coo_tensor(torch.zeros((2, 0), dtype=torch.long), torch.zeros(0),
                                       (len(rows), max(columns, 1)), check_invariants=False)
    return torch.sparse_coo_tensor(
        torch.tensor(index).T, torch.tensor(values, dtype=torch.float32),
        (len(rows), max(columns, 1)), check_invariants=False,
    ).coalesce()


def _code(values: Sequence[str | None], codes: dict[str, int]) -> torch.Tensor:
    out = []
    for value in values:
        key = (value or "").strip().lower()
        out.append(codes.setdefault(key, len(codes)) if key else -1)
    return torch.tensor(out)


class PairMatrices:
    """The postings side as matrices, and a builder for a chunk of candidates."""

    def __init__(self, scorer: Scorer, postings: Sequence[PostingProfile],
                 device: str = "cpu") -> None:
        """Index every posting's asked skills, words, occupation and codes."""
        self.scorer, self.device, self.postings = scorer, device, list(postings)
        self.skill_index: dict[str, int] = {}
        self.word_index: dict[str, int] = {}
        self.occupation_index: dict[str, int] = {}
        required, preferred, asked_words, occupation = [], [], [], []
        for p in self.postings:
            required.append(self._shares(p.required))
            preferred.append(self._shares(p.preferred))
            found = p.asked_words
            asked_words.append({self.word_index.setdefault(w, len(self.word_index)): 1 / len(found)
                                for w in found})
            occupation.append(
                {self.occupation_index.setdefault(p.occupation_id, len(self.occupation_index)): 1.0}
                if p.occupation_id else {})
        n_skills, to = len(self.skill_index), device
        self.required = _sparse(required, n_skills).to(to)
        self.preferred = _sparse(preferred, n_skills).to(to)
        self.words = _sparse(asked_words, len(self.word_index)).to(to)
        self.occupations = _sparse(occupation, len(self.occupation_index)).to(to)
        self.no_required = torch.tensor([NO_REQUIREMENTS if not p.required else 0.0
                                         for p in self.postings], device=to)
        self.no_preferred = torch.tensor([NO_REQUIREMENTS if not p.preferred else 0.0
                                          for p in self.postings], device=to)
        self.no_occupation = torch.tensor([UNKNOWN if not p.occupation_id else 0.0
                                           for p in self.postings], device=to)
        self.gnn = _unit_matrix([p.gnn_vector for p in self.postings]).to(to)
        self.text = _unit_matrix([p.text_vector for p in self.postings]).to(to)
        self.min_years = torch.tensor([p.min_years or 0.0 for p in self.postings], device=to)
        self.education = torch.tensor([p.education_rank for p in self.postings], device=to)
        self.remote = torch.tensor([p.remote == "remote" for p in self.postings], device=to)
        self.cities: dict[str, int] = {}
        self.countries: dict[str, int] = {}
        self.city = _code([p.city for p in self.postings], self.cities).to(to)
        self.country = _code([p.country for p in self.postings], self.countries).to(to)
        # credit that holding `origin` earns for each asked skill (the inverse of reach)
        self.meets: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for skill_id, column in self.skill_index.items():
            for origin, path in scorer.skills.reach(skill_id).items():
                self.meets[origin].append((column, path.credit))
        self._occupation_rows: dict[tuple[str, bool], np.ndarray] = {}

    def _shares(self, asked: Sequence[AskedSkill]) -> dict[int, float]:
        return {self.skill_index.setdefault(s.id, len(self.skill_index)): 1 / len(asked)
                for s in asked}

    def _occupation_row(self, held: str, current: bool) -> np.ndarray:
        """Occupation values a held occupation earns for each posting occupation."""
        key = (held, current)
        if key not in self._occupation_rows:
            graph = self.scorer.occupations
            row = np.zeros(len(self.occupation_index), dtype=np.float32)
            for asked, column in self.occupation_index.items():
                if graph.same(held, asked):
                    row[column] = 1.0 if current else 0.8
                elif graph.adjacent(held, asked):
                    row[column] = 0.6
                elif graph.same_family(held, asked):
                    row[column] = 0.3
            self._occupation_rows[key] = row
        return self._occupation_rows[key]

    def _candidate_rows(self, chunk: Sequence[CandidateProfile]) -> dict[str, torch.Tensor]:
        credit = np.zeros((len(chunk), max(len(self.skill_index), 1)), dtype=np.float32)
        held_words = np.zeros((len(chunk), max(len(self.word_index), 1)), dtype=np.float32)
        occupation = np.zeros((len(chunk), max(len(self.occupation_index), 1)), dtype=np.float32)
        for i, c in enumerate(chunk):
            for skill_id in c.skills:
                for column, value in self.meets.get(skill_id, ()):
                    credit[i, column] = max(credit[i, column], value)
            for skill_id in c.skills:  # held directly: full credit
                if skill_id in self.skill_index:
                    credit[i, self.skill_index[skill_id]] = 1.0
            for word in c.held_words & self.word_index.keys():
                held_words[i, self.word_index[word]] = 1.0
            current = c.occupation_id or (c.roles[0].occupation_id if c.roles else None)
            if current and self.occupation_index:
                occupation[i] = np.maximum(occupation[i], self._occupation_row(current, True))
            for role in c.roles:
                if self.occupation_index:
                    occupation[i] = np.maximum(occupation[i],
                                               self._occupation_row(role.occupation_id, False))
        to = self.device
        return {"credit": torch.from_numpy(credit).to(to),
                "words": torch.from_numpy(held_words).to(to),
                "occupation": torch.from_numpy(occupation).to(to)}

    @torch.no_grad()
    def totals(self, chunk: Sequence[CandidateProfile]) -> torch.Tensor:
        """Hybrid totals of ``chunk`` (rows) against every posting (columns)."""
        w, to = self.scorer.weights, self.device
        rows = self._candidate_rows(chunk)
        zeros = torch.zeros(len(chunk), len(self.postings), device=to)
        gnn_c = _unit_matrix([c.gnn_vector for c in chunk]).to(to)
        text_c = _unit_matrix([c.text_vector for c in chunk]).to(to)
        gnn = (gnn_c @ self.gnn.T).clamp(0, 1) if gnn_c.shape[1] == self.gnn.shape[1] else zeros
        text = (text_c @ self.text.T).clamp(0, 1) if text_c.shape[1] == self.text.shape[1] \
            else zeros
        total = w.of("gnn") * gnn + w.of("text") * text
        total += w.of("lexical") * torch.sparse.mm(self.words, rows["words"].T).T
        total += w.of("required") * (torch.sparse.mm(self.required, rows["credit"].T).T
                                     + self.no_required)
        total += w.of("preferred") * (torch.sparse.mm(self.preferred, rows["credit"].T).T
                                      + self.no_preferred)
        held = torch.tensor([bool(c.occupation_id or c.roles) for c in chunk], device=to)
        occupation = torch.sparse.mm(self.occupations, rows["occupation"].T).T
        total += w.of("occupation") * torch.where(
            held[:, None], occupation, torch.zeros_like(occupation)) + w.of("occupation") \
            * self.no_occupation
        years = torch.tensor([c.experience_years or 0.0 for c in chunk], device=to)[:, None]
        minimum = self.min_years[None, :]
        total += w.of("experience") * torch.where(
            minimum > 0, (years / minimum.clamp(min=1e-9)).clamp(max=1.0), torch.ones_like(zeros))
        rank = torch.tensor([c.education_rank for c in chunk], device=to)[:, None]
        asked = self.education[None, :]
        education = torch.where(rank >= asked, 1.0, torch.where(rank == asked - 1, 0.5, 0.0))
        education = torch.where(rank == 0, 0.25, education)
        total += w.of("education") * torch.where(asked == 0, 1.0, education)
        city = _code([c.city for c in chunk], self.cities).to(to)[:, None]
        country = _code([c.country for c in chunk], self.countries).to(to)[:, None]
        same_city = (city >= 0) & (city == self.city[None, :])
        compatible = (country < 0) | (self.country[None, :] < 0) | (country == self.country)
        both_countries = (country >= 0) & (self.country[None, :] >= 0)
        location = torch.where(
            self.remote[None, :], 1.0, torch.where(
                same_city & compatible, 1.0, torch.where(
                    both_countries & (country == self.country), 0.6,
                    torch.where(both_countries, 0.0, UNKNOWN))))
        total += w.of("location") * location
        return total


def top_k_both_ways(
    scorer: Scorer,
    candidates: Sequence[CandidateProfile],
    postings: Sequence[PostingProfile],
    *,
    k: int = 10,
    chunk: int = 1024,
    device: str = "cpu",
) -> tuple[list[TopK], list[TopK]]:
    """The ``k`` best postings of every candidate and the ``k`` best candidates of every posting."""
    matrices = PairMatrices(scorer, postings, device)
    k_post, k_cand = min(k, len(postings)), min(k, len(candidates))
    by_candidate: list[TopK] = []
    best_scores = torch.full((len(postings), k_cand), -1.0, device=device)
    best_index = torch.zeros((len(postings), k_cand), dtype=torch.long, device=device)
    for start in range(0, len(candidates), chunk):
        part = candidates[start:start + chunk]
        totals = matrices.totals(part)
        scores, index = torch.topk(totals, k_post, dim=1)
        for row, c in enumerate(part):
            by_candidate.append(TopK(c.id, [postings[int(j)].id for j in index[row]],
                                     scores[row].tolist()))
        merged = torch.cat([best_scores, totals.T], dim=1)
        ids = torch.cat([best_index, torch.arange(start, start + len(part), device=device)
                         .expand(len(postings), -1)], dim=1)
        best_scores, pick = torch.topk(merged, k_cand, dim=1)
        best_index = torch.gather(ids, 1, pick)
    by_posting = [TopK(p.id, [candidates[int(j)].id for j in best_index[i]],
                       best_scores[i].tolist()) for i, p in enumerate(postings)]
    return by_candidate, by_posting

