"""Mine occupation-to-occupation moves from ordered work histories.

A work history lists jobs with ``order`` 0 the most recent. Read oldest first,
each job whose occupation differs from the previous job's is a move. A job that
starts before the previous one ends (a side job running alongside) is still
read in order, so overlapping spells do not invent backwards moves: spells are
sorted by start month when all have one, else by ``order``.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable

from jobgraph.careers.model import Spell, Transition, WorkHistory


def month_index(text: str | None) -> int | None:
    """``"2021-03"`` -> months since year 0, or ``None`` when absent or malformed."""
    if not text or len(text) < 7 or text[4] != "-":
        return None
    try:
        return int(text[:4]) * 12 + int(text[5:7]) - 1
    except ValueError:
        return None


def chronological(spells: Iterable[Spell]) -> list[Spell]:
    """Oldest job first: by start month when every job has one, else by ``order``."""
    spells = list(spells)
    starts = [month_index(spell.start) for spell in spells]
    if all(start is not None for start in starts):
        pairs = sorted(zip(starts, spells, strict=True), key=lambda p: (p[0], -p[1].order))
        return [spell for _, spell in pairs]
    return sorted(spells, key=lambda spell: -spell.order)


def moves(history: WorkHistory) -> list[tuple[str, str, float | None]]:
    """The moves of one history: ``(from_id, to_id, years spent in from_id)``.

    Consecutive jobs in the same occupation merge into one stay, so a
    promotion-free change of employer is not a move, and the years counted
    before a move run from the start of the stay to the start of the next job.
    """
    found: list[tuple[str, str, float | None]] = []
    ordered = chronological(history.spells)
    stay_start: int | None = None
    for previous, current in itertools.pairwise(ordered):
        if stay_start is None:
            stay_start = month_index(previous.start)
        if previous.occupation_id == current.occupation_id:
            continue
        next_start = month_index(current.start)
        years = (
            round((next_start - stay_start) / 12, 2)
            if stay_start is not None and next_start is not None and next_start >= stay_start
            else None
        )
        found.append((previous.occupation_id, current.occupation_id, years))
        stay_start = next_start
    return found


def mine_transitions(histories: Iterable[WorkHistory]) -> list[Transition]:
    """Count moves over many histories into ``NEXT`` transitions.

    Args:
        histories: Work histories (the order within each is read from its spells).

    Returns:
        One transition per observed ``(from, to)`` pair, sorted by ``from_id``
        then count (highest first). ``probability`` is the pair's share of all
        moves out of ``from_id``; ``median_years`` the median stay before it.
    """
    counts: dict[tuple[str, str], int] = defaultdict(int)
    years: dict[tuple[str, str], list[float]] = defaultdict(list)
    leaving: dict[str, int] = defaultdict(int)
    for history in histories:
        for from_id, to_id, stay in moves(history):
            counts[(from_id, to_id)] += 1
            leaving[from_id] += 1
            if stay is not None:
                years[(from_id, to_id)].append(stay)
    transitions = [
        Transition(
            from_id=from_id,
            to_id=to_id,
            count=count,
            probability=round(count / leaving[from_id], 4),
            median_years=(
                round(statistics.median(years[(from_id, to_id)]), 2)
                if years[(from_id, to_id)]
                else None
            ),
        )
        for (from_id, to_id), count in counts.items()
    ]
    return sorted(transitions, key=lambda t: (t.from_id, -t.count, t.to_id))
