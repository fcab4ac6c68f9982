"""The tensor scorer of `match all` agrees with the pair scorer, both ways."""

from __future__ import annotations

import random

import numpy as np
import pytest

from jobgraph.match.model import AskedSkill, CandidateProfile, HeldSkill, PostingProfile, Role
from jobgraph.match.offline import PairMatrices, top_k_both_ways
from jobgraph.match.scoring import Scorer
from jobgraph.match.skill_graph import SkillGraph
from jobgraph.match.weights import ScoreWeights
from tests.unit.match.test_scoring import OCCUPATIONS
from tests.unit.match.test_skill_graph import EDGES, NAMES

PLACES = [("Berlin", "Germany"), ("Munich", "Germany"), ("Paris", "France"), (None, None),
          (None, "France")]


def _vector(rng: np.random.Generator, dims: int) -> np.ndarray | None:
    if rng.uniform() < 0.1:
        return None
    v = rng.normal(size=dims).astype(np.float32)
    return v / np.linalg.norm(v)


def _profiles(seed: int) -> tuple[list[CandidateProfile], list[PostingProfile]]:
    rng, pick = np.random.default_rng(seed), random.Random(seed)
    skills, occupations = sorted(NAMES), [*sorted(OCCUPATIONS.by_id), None]
    candidates = []
    for i in range(23):
        held = pick.sample(skills, pick.randint(0, 4))
        city, country = pick.choice(PLACES)
        roles = tuple(Role(o, f"role {o}", n) for n, o in
                      enumerate(pick.sample(sorted(OCCUPATIONS.by_id), pick.randint(0, 2))))
        candidates.append(CandidateProfile(
            id=f"c{i}", headline=pick.choice(["Java developer", "Nurse", None]),
            occupation_id=pick.choice(occupations),
            experience_years=pick.choice([None, 0.0, 2.0, 8.0]),
            education_rank=pick.randint(0, 6), city=city, country=country,
            skills={s: HeldSkill(s, NAMES[s], evidence=NAMES[s]) for s in held}, roles=roles,
            text_vector=_vector(rng, 12), gnn_vector=_vector(rng, 6)))
    postings = []
    for i in range(17):
        asked = pick.sample(skills, pick.randint(0, 5))
        city, country = pick.choice(PLACES)
        postings.append(PostingProfile(
            id=f"p{i}", title=pick.choice(["Java Engineer", "Ward Nurse", None]),
            occupation_id=pick.choice(occupations),
            remote=pick.choice(["remote", "onsite", "unknown"]),
            min_years=pick.choice([None, 3.0]), education_rank=pick.randint(0, 6),
            city=city, country=country,
            skills=tuple(AskedSkill(s, NAMES[s], pick.choice(["required", "preferred"]))
                         for s in asked),
            text_vector=_vector(rng, 12), gnn_vector=_vector(rng, 6)))
    return candidates, postings


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_pair_scores_as_the_pair_scorer_scores_it(seed: int) -> None:
    scorer = Scorer(SkillGraph(NAMES, EDGES), OCCUPATIONS, ScoreWeights())
    candidates, postings = _profiles(seed)
    totals = PairMatrices(scorer, postings).totals(candidates).numpy()
    expected = np.asarray([[scorer.score(c, p).total for p in postings] for c in candidates])
    np.testing.assert_allclose(totals, expected, atol=1e-5)


def test_top_k_both_ways_matches_sorting_every_pair() -> None:
    scorer = Scorer(SkillGraph(NAMES, EDGES), OCCUPATIONS, ScoreWeights())
    candidates, postings = _profiles(5)
    by_candidate, by_posting = top_k_both_ways(scorer, candidates, postings, k=3, chunk=4)
    full = np.asarray([[scorer.score(c, p).total for p in postings] for c in candidates])
    for i, top in enumerate(by_candidate):
        assert top.scores == pytest.approx(sorted(full[i], reverse=True)[:3], abs=1e-5)
    for j, top in enumerate(by_posting):
        assert top.scores == pytest.approx(sorted(full[:, j], reverse=True)[:3], abs=1e-5)
        assert [full[int(cid[1:]), j] for cid in top.ids] == pytest.approx(top.scores, abs=1e-5)
