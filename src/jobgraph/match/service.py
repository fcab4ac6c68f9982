"""Matching over the graph: retrieve, score, explain and advise, both ways.

:class:`MatchService` receives an open driver (the CLI and the API own it),
reads the taxonomy's skill and occupation links once, and answers with plain
JSON-ready dicts that follow ``schemas/match_list.schema.json``,
``schemas/explanation.schema.json`` and ``schemas/advice.schema.json``.
Candidates and postings are given by id (stored) or as a profile built from a
parsed file (not stored).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import Driver

from jobgraph.config import Settings
from jobgraph.errors import NotFoundError, ValidationError
from jobgraph.graph import matching as graph
from jobgraph.match import advice as advising
from jobgraph.match.explain import explanation, summary
from jobgraph.match.model import (
    CandidateProfile,
    PostingProfile,
    candidate_from_row,
    posting_from_row,
)
from jobgraph.match.retrieval import SOURCES, candidates_for, postings_for
from jobgraph.match.scoring import PairScore, Scorer
from jobgraph.match.skill_graph import OccupationGraph, SkillGraph
from jobgraph.match.weights import ScoreWeights, load_weights

DEFAULT_SHORTLIST = 50  # documents asked of each retrieval source; their union is scored
ADVICE_SHORTLIST = 200


def weights_file(data_dir: Path) -> Path:
    """Where ``jobgraph match fit-weights`` writes, and the service looks, by default."""
    return Path(data_dir) / "models" / "match" / "weights.json"


def service_for(
    driver: Driver, settings: Settings, *, weights_path: Path | None = None
) -> MatchService:
    """The service the settings describe: weights from ``weights_path``, else
    ``JOBGRAPH_MATCH_WEIGHTS``, else the fitted file in the data folder if there is
    one, else the documented defaults; the shortlist size from the settings.

    Raises:
        ConfigError: A weights file was named and cannot be read.
    """
    path = weights_path or settings.match_weights
    if path is None and weights_file(settings.data_dir).is_file():
        path = weights_file(settings.data_dir)
    return MatchService(driver, settings.neo4j_database, weights_path=path,
                        shortlist=settings.match_shortlist)


@dataclass(frozen=True)
class MatchPage:
    """One page of ranked matches for a candidate or a posting."""

    direction: str
    id: str
    items: list[dict[str, Any]]
    considered: int
    offset: int
    limit: int
    weights_source: str

    @property
    def next_offset(self) -> int | None:
        """Offset of the next page, ``None`` at the end."""
        end = self.offset + self.limit
        return end if end < self.considered else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``schemas/match_list.schema.json``)."""
        return {
            "direction": self.direction, "id": self.id, "items": self.items,
            "considered": self.considered, "offset": self.offset, "limit": self.limit,
            "next_offset": self.next_offset, "weights_source": self.weights_source,
        }


def _place_matches(text: str, city: str | None, region: str | None, country: str | None) -> bool:
    wanted = text.strip().lower()
    return any(wanted in (value or "").lower() for value in (city, region, country))


class MatchService:
    """Explained matching over one graph; safe to share between threads."""

    def __init__(
        self,
        driver: Driver,
        database: str = "neo4j",
        *,
        weights: ScoreWeights | None = None,
        weights_path: Path | None = None,
        shortlist: int = DEFAULT_SHORTLIST,
        sources: Sequence[str] = SOURCES,
    ) -> None:
        """Keep the driver; weights from ``weights``, else ``weights_path``, else defaults."""
        self.driver = driver
        self.database = database
        if weights is None:
            weights = load_weights(weights_path) if weights_path else ScoreWeights()
        self.weights = weights
        self.shortlist = shortlist
        self.sources = tuple(sources)
        self._lock = threading.Lock()
        self._taxonomy: tuple[SkillGraph, OccupationGraph] | None = None

    # -- the taxonomy snapshot -------------------------------------------------
    def taxonomy(self) -> tuple[SkillGraph, OccupationGraph]:
        """The skill and occupation links, read from the graph on first use."""
        with self._lock:
            if self._taxonomy is None:
                skills = SkillGraph.from_rows(graph.read_skill_graph(self.driver, self.database))
                occupations = OccupationGraph(graph.read_occupations(self.driver, self.database))
                self._taxonomy = (skills, occupations)
            return self._taxonomy

    def refresh(self) -> None:
        """Forget the taxonomy snapshot (after an import); the next call reads it again."""
        with self._lock:
            self._taxonomy = None

    def scorer(self, weights: ScoreWeights | None = None) -> Scorer:
        """A scorer over the current snapshot with ``weights`` (default: the service's)."""
        skills, occupations = self.taxonomy()
        return Scorer(skills, occupations, weights or self.weights)

    # -- profiles ---------------------------------------------------------------
    def candidates(self, ids: Sequence[str]) -> dict[str, CandidateProfile]:
        """Profiles of the stored candidates in ``ids`` (unknown ids left out)."""
        rows = graph.read_candidate_profiles(self.driver, list(ids), self.database)
        return {row["id"]: candidate_from_row(row) for row in rows}

    def postings(self, ids: Sequence[str]) -> dict[str, PostingProfile]:
        """Profiles of the stored postings in ``ids`` (unknown ids left out)."""
        rows = graph.read_posting_profiles(self.driver, list(ids), self.database)
        return {row["id"]: posting_from_row(row) for row in rows}

    def candidate(self, candidate: str | CandidateProfile) -> CandidateProfile:
        """The candidate's profile.

        Raises:
            NotFoundError: No candidate has that id.
        """
        if isinstance(candidate, CandidateProfile):
            return candidate
        found = self.candidates([candidate]).get(candidate)
        if found is None:
            raise NotFoundError(f"no candidate with id {candidate!r}")
        return found

    def posting(self, posting: str | PostingProfile) -> PostingProfile:
        """The posting's profile.

        Raises:
            NotFoundError: No posting has that id.
        """
        if isinstance(posting, PostingProfile):
            return posting
        found = self.postings([posting]).get(posting)
        if found is None:
            raise NotFoundError(f"no posting with id {posting!r}")
        return found

    # -- scoring ----------------------------------------------------------------
    def score_pairs(
        self, pairs: Sequence[tuple[str, str]], *, weights: ScoreWeights | None = None
    ) -> list[PairScore]:
        """Score stored pairs (candidate id, posting id); pairs with an unknown id are skipped."""
        candidates = self.candidates(sorted({c for c, _ in pairs}))
        postings = self.postings(sorted({p for _, p in pairs}))
        scorer = self.scorer(weights)
        return [
            scorer.score(candidates[c], postings[p])
            for c, p in pairs
            if c in candidates and p in postings
        ]

    def _item(self, score: PairScore, other: str | None, found_by: set[str],
              posting: PostingProfile) -> dict[str, Any]:
        return {
            "candidate_id": score.candidate_id,
            "posting_id": score.posting_id,
            "label": other,
            "score": score.total,
            "probability": score.probability,
            "features": dict(score.features),
            "breakdown": dict(score.contributions),
            "summary": summary(score, posting),
            "found_by": sorted(found_by),
        }

    @staticmethod
    def _check_page(limit: int, offset: int) -> None:
        if not 1 <= limit <= 100:
            raise ValidationError(f"limit must be between 1 and 100, not {limit}")
        if offset < 0:
            raise ValidationError(f"offset must be 0 or more, not {offset}")

    def match_candidate(
        self,
        candidate: str | CandidateProfile,
        *,
        limit: int = 10,
        offset: int = 0,
        min_score: float = 0.0,
        location: str | None = None,
        remote: bool | None = None,
    ) -> MatchPage:
        """Postings for a candidate, best first.

        Raises:
            NotFoundError: Unknown candidate id.
            ValidationError: ``limit`` outside 1..100 or a negative ``offset``.
        """
        self._check_page(limit, offset)
        profile = self.candidate(candidate)
        skills, _ = self.taxonomy()
        found = postings_for(self.driver, profile, skills, size=max(self.shortlist, offset + limit),
                             sources=self.sources, database=self.database)
        scorer = self.scorer()
        scored = [
            (scorer.score(profile, posting), posting, posting.title, found.found[posting.id])
            for posting in self.postings(found.ids).values()
            if (not location or posting.remote == "remote"
                or _place_matches(location, posting.city, posting.region, posting.country))
            and (remote is None or (posting.remote == "remote") == remote)
        ]
        return self._page("candidate", profile.id, scored, limit, offset, min_score)

    def match_posting(
        self,
        posting: str | PostingProfile,
        *,
        limit: int = 10,
        offset: int = 0,
        min_score: float = 0.0,
        location: str | None = None,
        remote: bool | None = None,
    ) -> MatchPage:
        """Candidates for a posting, best first (``remote`` does not filter this way).

        Raises:
            NotFoundError: Unknown posting id.
            ValidationError: ``limit`` outside 1..100 or a negative ``offset``.
        """
        del remote  # a candidate has no remote mode; accepted so both directions take one query
        self._check_page(limit, offset)
        profile = self.posting(posting)
        skills, _ = self.taxonomy()
        found = candidates_for(self.driver, profile, skills,
                               size=max(self.shortlist, offset + limit),
                               sources=self.sources, database=self.database)
        scorer = self.scorer()
        scored = [
            (scorer.score(candidate, profile), profile, candidate.headline,
             found.found[candidate.id])
            for candidate in self.candidates(found.ids).values()
            if not location
            or _place_matches(location, candidate.city, candidate.region, candidate.country)
        ]
        return self._page("posting", profile.id, scored, limit, offset, min_score)

    def _page(
        self,
        direction: str,
        subject: str,
        scored: list[tuple[PairScore, PostingProfile, str | None, set[str]]],
        limit: int,
        offset: int,
        min_score: float,
    ) -> MatchPage:
        """Keep scores from ``min_score``, rank them (ties by the other side's id), cut a page."""
        def other(score: PairScore) -> str:
            return score.posting_id if direction == "candidate" else score.candidate_id

        kept = sorted((row for row in scored if row[0].total >= min_score),
                      key=lambda row: (-row[0].total, other(row[0])))
        items = [self._item(score, label, found_by, posting)
                 for score, posting, label, found_by in kept[offset:offset + limit]]
        return MatchPage(direction, subject, items, len(kept), offset, limit,
                         self.weights.source)

    # -- explanation and advice ---------------------------------------------------
    def explain(
        self, candidate: str | CandidateProfile, posting: str | PostingProfile
    ) -> dict[str, Any]:
        """The full explanation of one pair, with every drawn path confirmed in the graph.

        Raises:
            NotFoundError: Unknown candidate or posting id.
        """
        cand, post = self.candidate(candidate), self.posting(posting)
        for attempt in range(2):
            scorer = self.scorer()
            score = scorer.score(cand, post)
            edges = {(s.source, s.target, s.type) for o in score.requirements if o.path
                     for s in o.path.steps}
            rows = graph.confirm_skill_edges(
                self.driver, [{"source": a, "target": b, "type": t} for a, b, t in sorted(edges)],
                self.database,
            )
            confirmed = frozenset((r["source"], r["target"], r["type"]) for r in rows)
            if edges <= confirmed or attempt:
                break
            self.refresh()  # the taxonomy changed since the snapshot: read it again
        _, occupations = self.taxonomy()
        titles = {"candidate": occupations.title(cand.occupation_id),
                  "posting": occupations.title(post.occupation_id)}
        return explanation(
            score, cand, post, skills=scorer.skills, weights=self.weights, confirmed=confirmed,
            advice=advising.pair_advice(scorer, cand, post, score), occupation_titles=titles,
        )

    def candidate_advice(
        self, candidate: str | CandidateProfile, *, threshold: float = advising.DEFAULT_THRESHOLD
    ) -> dict[str, Any]:
        """Skills that would lift the most postings over ``threshold`` for a candidate.

        Raises:
            NotFoundError: Unknown candidate id.
        """
        profile = self.candidate(candidate)
        skills, _ = self.taxonomy()
        found = postings_for(self.driver, profile, skills, size=ADVICE_SHORTLIST,
                             sources=self.sources, database=self.database)
        postings = list(self.postings(found.ids).values())
        return advising.candidate_advice(self.scorer(), profile, postings, threshold=threshold)

    def posting_advice(
        self, posting: str | PostingProfile, *, threshold: float = advising.DEFAULT_THRESHOLD
    ) -> dict[str, Any]:
        """Requirements whose relaxation would lift the most candidates over ``threshold``.

        Raises:
            NotFoundError: Unknown posting id.
        """
        profile = self.posting(posting)
        skills, _ = self.taxonomy()
        found = candidates_for(self.driver, profile, skills, size=ADVICE_SHORTLIST,
                               sources=self.sources, database=self.database)
        candidates = list(self.candidates(found.ids).values())
        return advising.posting_advice(self.scorer(), profile, candidates, threshold=threshold)
