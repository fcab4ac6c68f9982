"""``jobgraph eval exposure``: who the recommendations show, against who qualifies.

For each audited posting the product's ranked candidates (``match_posting``)
give each candidate an *exposure* of ``1 / log2(1 + rank)`` (the attention a
reader gives a list falls with position, as in DCG). Exposure is summed per
candidate group and compared with the group's share of the *qualified*
candidates of the same postings: those whose required-skill credit (the
score's ``required`` feature, computed for every candidate, not only the
listed ones) reaches a threshold. A ratio below 1 means the group is shown
less than its share of qualified people; above 1, more.

Groups are attributes the graph holds without sensitive data: region (and
country), occupation family of the current role, years-of-experience band.
Urban/rural and employer size are reported only where the graph records them
(it does not today: the report says so).
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from neo4j import Driver
from tqdm import tqdm

YEAR_BANDS: tuple[tuple[str, float, float], ...] = (
    ("0-2 years", 0.0, 3.0),
    ("3-5 years", 3.0, 6.0),
    ("6-10 years", 6.0, 11.0),
    ("11+ years", 11.0, math.inf),
)
UNKNOWN = "(unknown)"


def position_weight(rank: int) -> float:
    """Exposure of the item at 1-based ``rank``."""
    return 1.0 / math.log2(1 + rank)


def years_band(years: float | None) -> str:
    """The years-of-experience band of a candidate."""
    if years is None:
        return UNKNOWN
    for name, low, high in YEAR_BANDS:
        if low <= years < high:
            return name
    return UNKNOWN


def group_shares(
    exposure: Mapping[str, float], qualified: Mapping[str, int], pool: Mapping[str, int]
) -> list[dict[str, Any]]:
    """Per group: exposure share, qualified share, their ratio, pool share; largest pool first."""
    total_exposure = sum(exposure.values())
    total_qualified = sum(qualified.values())
    total_pool = sum(pool.values())
    rows = []
    for group in sorted(pool, key=lambda g: (-pool[g], g)):
        exposure_share = exposure.get(group, 0.0) / total_exposure if total_exposure else 0.0
        qualified_share = qualified.get(group, 0) / total_qualified if total_qualified else 0.0
        rows.append(
            {
                "group": group,
                "candidates": pool[group],
                "pool_share": pool[group] / total_pool if total_pool else 0.0,
                "qualified_share": qualified_share,
                "exposure_share": exposure_share,
                "ratio": exposure_share / qualified_share if qualified_share else None,
            }
        )
    return rows


def exposure_audit(
    driver: Driver,
    *,
    database: str = "neo4j",
    postings: Sequence[str] | None = None,
    sample: int = 50,
    limit: int = 10,
    threshold: float = 0.5,
    seed: int = 7,
    progress: bool = True,
) -> dict[str, Any]:
    """Exposure by candidate group over a set of postings, against qualified shares.

    Args:
        driver: Open driver on the graph to audit (read only).
        database: Its database.
        postings: Posting ids to audit; default a seeded sample of ``sample``.
        sample: How many postings to draw when ``postings`` is not given.
        limit: Length of each recommendation list.
        threshold: Required-skill credit from which a candidate is qualified.
        seed: Seed of the posting sample.
        progress: Show a progress bar.

    Returns:
        ``{"postings", "candidates", "limit", "threshold", "groups": {attribute:
        [rows]}, "not_recorded": {...}}``.
    """
    from jobgraph.graph.matching import iter_ids
    from jobgraph.match.service import MatchService

    service = MatchService(driver, database)
    if postings is None:
        every = [pid for page in iter_ids(driver, "Posting", database=database) for pid in page]
        postings = sorted(random.Random(seed).sample(every, min(sample, len(every))))
    candidate_ids = [c for page in iter_ids(driver, "Candidate", database=database) for c in page]
    profiles = {}
    for start in range(0, len(candidate_ids), 1_000):
        profiles.update(service.candidates(candidate_ids[start : start + 1_000]))
    _, occupations = service.taxonomy()

    def family(occupation_id: str | None) -> str:
        info = occupations.by_id.get(occupation_id or "")
        return (info.family if info else None) or UNKNOWN

    attributes: dict[str, Callable[[Any], str]] = {
        "region": lambda p: ", ".join(x for x in (p.region, p.country) if x) or UNKNOWN,
        "country": lambda p: p.country or UNKNOWN,
        "occupation_family": lambda p: family(p.occupation_id),
        "years_of_experience": lambda p: years_band(p.experience_years),
    }
    groups = {cid: {a: f(p) for a, f in attributes.items()} for cid, p in profiles.items()}
    exposure: dict[str, defaultdict[str, float]] = {a: defaultdict(float) for a in attributes}
    qualified = {a: Counter[str]() for a in attributes}
    pool = {a: Counter(g[a] for g in groups.values()) for a in attributes}
    listed = 0
    for posting_id in tqdm(postings, desc="audit postings", unit="posting", disable=not progress):
        page = service.match_posting(posting_id, limit=limit)
        for rank, item in enumerate(page.items, start=1):
            listed += 1
            for attribute in attributes:
                exposure[attribute][groups[item["candidate_id"]][attribute]] += position_weight(
                    rank
                )
        scores = service.score_pairs([(cid, posting_id) for cid in profiles])
        for score in scores:
            if score.features.get("required", 0.0) >= threshold:
                for attribute in attributes:
                    qualified[attribute][groups[score.candidate_id][attribute]] += 1
    return {
        "postings": len(postings),
        "candidates": len(profiles),
        "listed": listed,
        "limit": limit,
        "threshold": threshold,
        "groups": {a: group_shares(exposure[a], qualified[a], pool[a]) for a in attributes},
        "not_recorded": {
            "urban_rural": "the graph stores city, region and country, not settlement type",
            "employer_size": "postings carry no employer size in the graph",
        },
    }


def format_exposure(result: dict[str, Any]) -> str:
    """One table per attribute: shares in percent and the exposure / qualified ratio."""
    lines = [
        f"{result['postings']} postings, top {result['limit']} each, {result['candidates']} "
        f"candidates; qualified = required-skill credit >= {result['threshold']}"
    ]
    for attribute, rows in result["groups"].items():
        lines.append("")
        lines.append(
            f"{attribute:<28}{'cands':>6}{'pool%':>7}{'qualif%':>9}{'expos%':>8}{'ratio':>7}"
        )
        for row in rows:
            ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}"
            lines.append(
                f"{row['group'][:27]:<28}{row['candidates']:>6}{100 * row['pool_share']:>7.1f}"
                f"{100 * row['qualified_share']:>9.1f}{100 * row['exposure_share']:>8.1f}"
                f"{ratio:>7}"
            )
    for name, reason in result.get("not_recorded", {}).items():
        lines.append(f"not reported: {name} ({reason})")
    return "\n".join(lines)
