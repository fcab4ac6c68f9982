"""Graded relevance (0–3) of a synthetic candidate for a synthetic posting.

The grade is a function of four facts known from the truth files:

* ``relation``: ``"same"`` (the candidate's current occupation is the posting's),
  ``"ladder"`` (both occupations share a root in the ``broader`` tree, e.g.
  junior and senior developer), ``"family"`` (same occupational family) or
  ``"other"``;
* ``coverage``: share of the posting's required skills the candidate has;
* ``preferred``: share of its preferred skills the candidate has (tie-break
  only, it never changes a grade);
* ``experience``: the candidate's total years against the posting's minimum.

Grades:

* **3** (strong fit): same occupation, coverage ≥ 0.6 and enough experience
  (at least the minimum minus one year).
* **2** (good fit): same occupation with coverage ≥ 0.4; or same ladder with
  coverage ≥ 0.5 and enough experience.
* **1** (partial fit): same ladder or family with coverage ≥ 0.25; or any
  occupation with coverage ≥ 0.5.
* **0** otherwise.

For every candidate the generator judges all postings of its occupation and
ladder, up to 60 others of its family and a few random postings of other
families; ``fit.jsonl`` keeps every judged pair with grade ≥ 1, the five
hardest grade-0 pairs of the same family and five grade-0 pairs of other
families. Pairs not listed are unjudged; by the rules above an unjudged pair
of the same ladder cannot exist, and any other is at most grade 1 (a
cross-family pair is 1 only when it covers half the required skills).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from jobgraph.synth.catalog import Catalog
from jobgraph.synth.profiles import CandidateTruth, PostingTruth

MAX_FAMILY_JUDGED = 60
NEGATIVES = 5


@dataclass(frozen=True, slots=True)
class Judgement:
    """One graded candidate–posting pair."""

    candidate_id: str
    posting_id: str
    grade: int
    relation: str
    coverage: float
    preferred: float

    def as_dict(self) -> dict[str, object]:
        """The line written to ``fit.jsonl``."""
        return {
            "candidate": self.candidate_id,
            "posting": self.posting_id,
            "grade": self.grade,
            "relation": self.relation,
            "coverage": round(self.coverage, 3),
            "preferred": round(self.preferred, 3),
        }


def relation(catalog: Catalog, candidate_occupation: str, posting_occupation: str) -> str:
    """How the candidate's occupation relates to the posting's."""
    if candidate_occupation == posting_occupation:
        return "same"
    if catalog.same_root(candidate_occupation, posting_occupation):
        return "ladder"
    if catalog.profiles[candidate_occupation].family == catalog.profiles[posting_occupation].family:
        return "family"
    return "other"


def grade(kind: str, coverage: float, enough_experience: bool) -> int:
    """The grade for a relation, required-skill coverage and experience (see module docs)."""
    if kind == "same" and coverage >= 0.6 and enough_experience:
        return 3
    if (kind == "same" and coverage >= 0.4) or (
        kind == "ladder" and coverage >= 0.5 and enough_experience
    ):
        return 2
    if (kind in ("same", "ladder", "family") and coverage >= 0.25) or coverage >= 0.5:
        return 1
    return 0


def judge(catalog: Catalog, candidate: CandidateTruth, posting: PostingTruth) -> Judgement:
    """Grade one pair."""
    skills = candidate.skills
    required = posting.required
    coverage = sum(1 for s in required if s in skills) / len(required) if required else 1.0
    preferred = (
        sum(1 for s in posting.preferred if s in skills) / len(posting.preferred)
        if posting.preferred
        else 0.0
    )
    kind = relation(catalog, candidate.occupation_id, posting.occupation_id)
    enough = candidate.total_months >= 12 * (posting.min_years - 1)
    return Judgement(
        candidate.id, posting.id, grade(kind, coverage, enough), kind, coverage, preferred
    )


class FitIndex:
    """Postings indexed by occupation, ladder and family, for fast judging."""

    def __init__(self, catalog: Catalog, postings: list[PostingTruth]) -> None:
        self.catalog = catalog
        self.postings = postings
        self.by_root: dict[str, list[int]] = {}
        self.by_family: dict[str, list[int]] = {}
        self.required = [frozenset(p.required) for p in postings]
        self.preferred = [frozenset(p.preferred) for p in postings]
        for index, posting in enumerate(postings):
            profile = catalog.profiles[posting.occupation_id]
            self.by_root.setdefault(profile.root, []).append(index)
            self.by_family.setdefault(profile.family, []).append(index)

    def _judge(self, candidate: CandidateTruth, index: int) -> Judgement:
        # Same rules as judge(), with the posting's skill sets precomputed.
        posting = self.postings[index]
        required, preferred = self.required[index], self.preferred[index]
        skills = candidate.skills.keys()
        coverage = len(required & skills) / len(required) if required else 1.0
        liked = len(preferred & skills) / len(preferred) if preferred else 0.0
        kind = relation(self.catalog, candidate.occupation_id, posting.occupation_id)
        enough = candidate.total_months >= 12 * (posting.min_years - 1)
        return Judgement(
            candidate.id, posting.id, grade(kind, coverage, enough), kind, coverage, liked
        )

    def judgements(self, rng: random.Random, candidate: CandidateTruth) -> list[Judgement]:
        """Every judged pair for one candidate, best first (see module docstring)."""
        profile = self.catalog.profiles[candidate.occupation_id]
        chosen = list(self.by_root.get(profile.root, []))
        in_ladder = set(chosen)
        family_others = [i for i in self.by_family.get(profile.family, []) if i not in in_ladder]
        if len(family_others) > MAX_FAMILY_JUDGED:
            family_others = rng.sample(family_others, MAX_FAMILY_JUDGED)
        chosen += family_others
        in_family = set(self.by_family.get(profile.family, []))
        if len(self.postings) > len(in_family):
            for _ in range(NEGATIVES * 4):
                index = rng.randrange(len(self.postings))
                if index not in in_family and index not in chosen:
                    chosen.append(index)
                    if len(chosen) - len(in_ladder) - len(family_others) >= NEGATIVES:
                        break
        found = [self._judge(candidate, i) for i in chosen]
        found.sort(key=lambda j: (-j.grade, -j.coverage, -j.preferred, j.posting_id))
        positives = [j for j in found if j.grade > 0]
        family_negatives = [j for j in found if j.grade == 0 and j.relation != "other"]
        other_negatives = [j for j in found if j.grade == 0 and j.relation == "other"]
        # Hard negatives first (same family), then the random ones.
        return positives + family_negatives[:NEGATIVES] + other_negatives[:NEGATIVES]
