"""Career paths: mined transitions blended with occupation similarity.

- :mod:`~jobgraph.careers.mining` counts ``NEXT`` moves in work histories;
- :mod:`~jobgraph.careers.similarity` compares occupations source by source;
- :mod:`~jobgraph.careers.recommend` ranks next roles with their evidence;
- :mod:`~jobgraph.careers.paths` finds the k best multi-step paths;
- :mod:`~jobgraph.careers.unlocks` finds the skills that open most roles;
- :mod:`~jobgraph.careers.service` connects them to the graph.
"""

from jobgraph.careers.mining import mine_transitions
from jobgraph.careers.model import (
    CareerPath,
    Evidence,
    MissingSkill,
    NextRole,
    OccupationProfile,
    SkillUnlock,
    Transition,
    WorkHistory,
)
from jobgraph.careers.paths import PathSearch, k_best_paths
from jobgraph.careers.recommend import DEFAULT_WEIGHTS, CareerModel, PairScorer
from jobgraph.careers.unlocks import skills_that_unlock

__all__ = [
    "DEFAULT_WEIGHTS",
    "CareerModel",
    "CareerPath",
    "Evidence",
    "MissingSkill",
    "NextRole",
    "OccupationProfile",
    "PairScorer",
    "PathSearch",
    "SkillUnlock",
    "Transition",
    "WorkHistory",
    "k_best_paths",
    "mine_transitions",
    "skills_that_unlock",
]
