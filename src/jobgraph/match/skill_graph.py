"""The taxonomy's skill and occupation links, held in memory for scoring.

A requirement the candidate does not hold directly can still be met *through a
path*: a held skill linked to the asked one by ``SAME_AS``, ``BROADER`` or
``RELATED_TO`` within three hops. Each step earns a credit by relation and
direction, a path's credit is the product of its steps times
``HOP_DECAY`` per step after the first, and the best path wins:

| step (held → asked)                    | credit              |
|----------------------------------------|---------------------|
| ``SAME_AS`` (one concept, two sources) | 1.0                 |
| ``BROADER`` upwards: held is narrower  | 0.8                 |
| ``BROADER`` downwards: held is broader | 0.5                 |
| ``RELATED_TO``                         | 0.7 × link weight   |

Paths whose credit falls below ``MIN_CREDIT`` are not kept. The graph is read
once by Cypher (``match_skill_edges``) and the neighbourhood of each asked skill
is cached, so scoring a shortlist costs dictionary lookups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SAME_AS_CREDIT = 1.0
UP_CREDIT = 0.8
DOWN_CREDIT = 0.5
RELATED_CREDIT = 0.7
DEFAULT_RELATED_WEIGHT = 0.5
HOP_DECAY = 0.9
MAX_HOPS = 3
MIN_CREDIT = 0.2


@dataclass(frozen=True)
class Step:
    """One link of a path, walked from the held skill towards the asked one.

    ``source`` / ``target`` are the link as stored in the graph; ``forward`` says
    whether the walk follows it (``False``: walked against its direction).
    """

    source: str
    target: str
    type: str
    forward: bool
    credit: float
    weight: float | None = None

    @property
    def relation(self) -> str:
        """How the walk used the link: same_as, broader, narrower or related."""
        if self.type == "BROADER":
            return "broader" if self.forward else "narrower"
        return self.type.lower()


@dataclass(frozen=True)
class SkillPath:
    """How a held skill meets an asked one: the steps, from held to asked."""

    held: str
    asked: str
    steps: tuple[Step, ...]
    credit: float


class SkillGraph:
    """Skill names and links, with the best paths into each asked skill."""

    def __init__(self, names: Mapping[str, str], edges: Iterable[Mapping[str, Any]]) -> None:
        """Build from ``match_skill_edges`` rows (``source, target, type, weight``)."""
        self.names = dict(names)
        # incoming[asked] = steps (from a neighbour) that end at `asked`
        self._incoming: dict[str, list[Step]] = defaultdict(list)
        self._outgoing: dict[str, dict[str, float]] = defaultdict(dict)
        for edge in edges:
            a, b, kind = edge["source"], edge["target"], edge["type"]
            if a == b:
                continue
            weight = edge.get("weight")
            if kind == "SAME_AS":
                self._add(Step(a, b, kind, True, SAME_AS_CREDIT), at=b)
                self._add(Step(a, b, kind, False, SAME_AS_CREDIT), at=a)
            elif kind == "BROADER":  # a is narrower than b
                self._add(Step(a, b, kind, True, UP_CREDIT), at=b)
                self._add(Step(a, b, kind, False, DOWN_CREDIT), at=a)
            elif kind == "RELATED_TO":
                w = float(weight) if weight is not None else DEFAULT_RELATED_WEIGHT
                credit = RELATED_CREDIT * max(0.0, min(1.0, w))
                self._add(Step(a, b, kind, True, credit, w), at=b)
                self._add(Step(a, b, kind, False, credit, w), at=a)
        self.reach = lru_cache(maxsize=200_000)(self._reach)

    def _add(self, step: Step, *, at: str) -> None:
        self._incoming[at].append(step)
        origin = step.source if step.forward else step.target
        met = self._outgoing[origin]
        met[at] = max(met.get(at, 0.0), step.credit)

    @classmethod
    def from_rows(cls, rows: Mapping[str, Any]) -> SkillGraph:
        """Build from :func:`jobgraph.graph.matching.read_skill_graph` output."""
        return cls(rows["names"], rows["edges"])

    def name(self, skill_id: str) -> str:
        """The skill's preferred name (its id when unknown)."""
        return self.names.get(skill_id, skill_id)

    def _reach(self, asked: str) -> dict[str, SkillPath]:
        """Best path from every skill within ``MAX_HOPS`` that meets ``asked``."""
        best: dict[str, SkillPath] = {}
        # node -> (credit so far, steps from node to asked, nodes on those steps)
        frontier: dict[str, tuple[float, tuple[Step, ...], frozenset[str]]] = {
            asked: (1.0, (), frozenset({asked}))
        }
        for hop in range(MAX_HOPS):
            decay = HOP_DECAY if hop else 1.0
            following: dict[str, tuple[float, tuple[Step, ...], frozenset[str]]] = {}
            for node, (credit, steps, on_path) in frontier.items():
                for step in self._incoming.get(node, ()):
                    origin = step.source if step.forward else step.target
                    value = credit * step.credit * decay
                    if value < MIN_CREDIT or origin in on_path:
                        continue
                    known = best.get(origin)
                    if known is not None and known.credit >= value:
                        continue
                    path_steps = (step, *steps)
                    best[origin] = SkillPath(origin, asked, path_steps, value)
                    following[origin] = (value, path_steps, on_path | {origin})
            frontier = following
            if not frontier:
                break
        return best

    def best_path(self, held: Iterable[str], asked: str) -> SkillPath | None:
        """The highest-credit path from any of ``held`` to ``asked`` (ties: by held id)."""
        reach = self.reach(asked)
        found = [reach[h] for h in reach.keys() & set(held)]
        if not found:
            return None
        return max(found, key=lambda path: (path.credit, -len(path.steps), path.held))

    def neighbours(self, skill_id: str, min_credit: float = 0.5) -> dict[str, float]:
        """Skills that ``skill_id`` meets through a path, with the credit it would earn there.

        Used by retrieval: a candidate holding ``skill_id`` partly meets these.
        """
        met = self._outgoing.get(skill_id, {})
        return {asked: credit for asked, credit in met.items() if credit >= min_credit}


@dataclass(frozen=True)
class OccupationInfo:
    """An occupation's title, family and links."""

    id: str
    title: str
    family: str | None
    broader: frozenset[str]
    same_as: frozenset[str]


class OccupationGraph:
    """Occupations by id, with broader/narrower and SAME_AS neighbours."""

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Build from ``match_occupations`` rows."""
        self.by_id: dict[str, OccupationInfo] = {}
        narrower: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            info = OccupationInfo(
                row["id"], row.get("title") or row["id"], row.get("family"),
                frozenset(row.get("broader") or ()), frozenset(row.get("same_as") or ()),
            )
            self.by_id[info.id] = info
            for parent in info.broader:
                narrower[parent].add(info.id)
        self._narrower = {key: frozenset(value) for key, value in narrower.items()}

    def title(self, occupation_id: str | None) -> str | None:
        """The occupation's title (``None`` for ``None``; the id when unknown)."""
        if occupation_id is None:
            return None
        info = self.by_id.get(occupation_id)
        return info.title if info else occupation_id

    def same(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are one occupation (equal or ``SAME_AS``)."""
        info = self.by_id.get(a)
        return a == b or (info is not None and b in info.same_as)

    def adjacent(self, a: str, b: str) -> bool:
        """Whether one is directly broader than the other."""
        info = self.by_id.get(a)
        return (info is not None and b in info.broader) or b in self._narrower.get(a, ())

    def same_family(self, a: str, b: str) -> bool:
        """Whether both belong to the same (known) family."""
        x, y = self.by_id.get(a), self.by_id.get(b)
        return bool(x and y and x.family and x.family == y.family)
