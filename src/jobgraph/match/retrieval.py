"""The shortlist: which documents get scored at all.

The union of four sources, each asked for ``size`` ids:

- ``gnn`` and ``text``: nearest neighbours in the vector indexes;
- ``graph``: documents linked to the same skills, directly or through one
  taxonomy link (a skill met through a path counts with its credit);
- ``lexical``: Neo4j's full-text index (Lucene BM25) over titles, headlines and
  descriptions, queried with the other side's title and skill names.

The four queries run at the same time. Retrieval only decides what is
scored; the score itself never depends on which source found a document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from neo4j import Driver
from neo4j.exceptions import ClientError

from jobgraph.graph import matching as graph
from jobgraph.graph.vector_store import GNN_PROPERTY, TEXT_PROPERTY, query_similar
from jobgraph.match.model import CandidateProfile, PostingProfile
from jobgraph.match.skill_graph import SkillGraph

SOURCES: tuple[str, ...] = ("gnn", "text", "graph", "lexical")
# The driver is thread-safe; each query borrows its own pooled connection.
_POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="jobgraph-retrieval")


@dataclass
class Shortlist:
    """Ids found, with the sources that found each, in the order first found."""

    found: dict[str, set[str]] = field(default_factory=dict)

    def add(self, source: str, ids: Sequence[str]) -> None:
        """Record that ``source`` found ``ids``."""
        for node_id in ids:
            self.found.setdefault(node_id, set()).add(source)

    @property
    def ids(self) -> list[str]:
        """Every id found."""
        return list(self.found)


def _nearest(
    driver: Driver, database: str, label: str, prop: str, vector: np.ndarray | None, k: int
) -> list[str]:
    if vector is None:
        return []
    try:
        return [node_id for node_id, _ in query_similar(
            driver, label, prop, vector, k, database=database, overfetch=3
        )]
    except ClientError:  # no such index yet (vectors never written): the source is empty
        return []


def _skill_weights(held: Sequence[str], skills: SkillGraph) -> list[dict[str, float | str]]:
    weights: dict[str, float] = {}
    for skill_id in held:
        weights[skill_id] = 1.0
        for other, credit in skills.neighbours(skill_id).items():
            weights[other] = max(weights.get(other, 0.0), credit)
    return [{"id": key, "weight": value} for key, value in weights.items()]


def _gather(
    driver: Driver,
    database: str,
    label: str,
    size: int,
    sources: Sequence[str],
    *,
    vectors: tuple[np.ndarray | None, np.ndarray | None],
    weights: list[dict[str, float | str]],
    words: list[str],
) -> Shortlist:
    """Run the chosen sources' queries for ``label`` at the same time (each is one
    round trip) and merge them in ``SOURCES`` order, so the result does not depend
    on which answered first.

    ``vectors`` are the other side's GNN and text vectors, ``weights`` the skills
    to look for (id and weight), ``words`` the full-text search terms.
    """
    gnn_vector, text_vector = vectors
    calls: dict[str, Callable[[], list[str]]] = {
        "gnn": lambda: _nearest(driver, database, label, GNN_PROPERTY, gnn_vector, size),
        "text": lambda: _nearest(driver, database, label, TEXT_PROPERTY, text_vector, size),
        "graph": lambda: [i for i, _ in graph.documents_by_skills(
            driver, label, weights, k=size, database=database)],
        "lexical": lambda: [i for i, _ in graph.fulltext_search(
            driver, label, words, k=size, database=database)],
    }
    futures = {name: _POOL.submit(call) for name, call in calls.items() if name in sources}
    shortlist = Shortlist()
    for name in SOURCES:
        if name in futures:
            shortlist.add(name, futures[name].result())
    return shortlist


def postings_for(
    driver: Driver,
    candidate: CandidateProfile,
    skills: SkillGraph,
    *,
    size: int,
    sources: Sequence[str] = SOURCES,
    database: str = "neo4j",
) -> Shortlist:
    """Postings worth scoring for ``candidate``."""
    wanted = _skill_weights(list(candidate.skills), skills)
    words = [candidate.headline or "", *(r.title or "" for r in candidate.roles[:3]),
             *(s.name for s in candidate.skills.values())]
    return _gather(driver, database, "Posting", size, sources, vectors=(
        candidate.gnn_vector, candidate.text_vector), weights=wanted, words=words)


def candidates_for(
    driver: Driver,
    posting: PostingProfile,
    skills: SkillGraph,
    *,
    size: int,
    sources: Sequence[str] = SOURCES,
    database: str = "neo4j",
) -> Shortlist:
    """Candidates worth scoring for ``posting``."""
    # Holders of an asked skill, and of skills that meet it through one link.
    wanted: dict[str, float] = {}
    for asked in posting.skills:
        scale = 1.0 if asked.importance == "required" else 0.5
        wanted[asked.id] = max(wanted.get(asked.id, 0.0), scale)
        for other, credit in skills.reach(asked.id).items():
            if len(credit.steps) == 1:
                wanted[other] = max(wanted.get(other, 0.0), scale * credit.credit)
    rows: list[dict[str, float | str]] = [
        {"id": key, "weight": value} for key, value in wanted.items()
    ]
    words = [posting.title or "", *(s.name for s in posting.skills)]
    return _gather(driver, database, "Candidate", size, sources, vectors=(
        posting.gnn_vector, posting.text_vector), weights=rows, words=words)
