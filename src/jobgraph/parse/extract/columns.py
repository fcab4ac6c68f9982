"""Reading order for two-column page layouts.

pypdf's layout mode renders a page as fixed-width text, so a two-column resume
comes out with the columns side by side, separated by a vertical band of
spaces. :func:`split_columns` finds that band (the *gutter*) and returns the
left column's lines, then the right column's; a line that crosses the gutter
(a full-width heading or name) ends the column blocks above it.

A single-column page with dates aligned to the right has no gutter by this
test: its right-hand text is short, sparse and not left-aligned, so it stays
on the title's line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

MIN_LINES = 8
MIN_GUTTER = 3
MIN_SIDE_SHARE = 0.3  # each column holds text on at least this share of lines
MIN_ALIGNED_SHARE = 0.6  # right-column lines that start at the same position
_LONG_SPACES = re.compile(r" {3,}")


@dataclass(frozen=True, slots=True)
class Gutter:
    """The blank band between two columns: character positions [start, end)."""

    start: int
    end: int


def find_gutter(lines: list[str]) -> Gutter | None:
    """Return the band of spaces that separates two text columns, if any."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < MIN_LINES:
        return None
    width = max(len(line) for line in filled)
    occupancy = [0] * (width + 1)
    for line in filled:
        for position, char in enumerate(line):
            if char != " ":
                occupancy[position] += 1
    tolerance = max(1, int(len(filled) * 0.04))
    best: tuple[int, Gutter] | None = None
    position = int(width * 0.15)
    limit = int(width * 0.85)
    while position < limit:
        if occupancy[position] > tolerance:
            position += 1
            continue
        run_start = position
        while position < limit and occupancy[position] <= tolerance:
            position += 1
        if position - run_start < MIN_GUTTER:
            continue
        gutter = Gutter(run_start, position)
        score = _score(filled, gutter)
        if score and (best is None or score > best[0]):
            best = (score, gutter)
    return best[1] if best else None


def _score(lines: list[str], gutter: Gutter) -> int:
    left = right = 0
    starts: Counter[int] = Counter()
    for line in lines:
        if line[: gutter.start].strip():
            left += 1
        tail = line[gutter.end :]
        if tail.strip():
            right += 1
            starts[gutter.end + len(tail) - len(tail.lstrip(" "))] += 1
    if left < len(lines) * MIN_SIDE_SHARE or right < len(lines) * MIN_SIDE_SHARE:
        return 0
    aligned = sum(
        count for start, count in starts.items() if abs(start - starts.most_common(1)[0][0]) <= 2
    )
    if aligned < right * MIN_ALIGNED_SHARE:
        return 0
    return left + right


def split_columns(page_text: str) -> str:
    """Return the page's text in reading order (left column, then right column).

    Args:
        page_text: One page as rendered by pypdf's layout mode.

    Returns:
        The text with columns un-interleaved; long space runs shortened.
    """
    lines = [line.rstrip() for line in page_text.split("\n")]
    gutter = find_gutter(lines)
    if gutter is None:
        return "\n".join(_LONG_SPACES.sub("   ", line.strip()) for line in lines)
    output: list[str] = []
    left_block: list[str] = []
    right_block: list[str] = []

    def flush() -> None:
        output.extend(left_block)
        output.append("")
        output.extend(right_block)
        left_block.clear()
        right_block.clear()

    for line in lines:
        if line[gutter.start : gutter.end].strip():
            flush()
            output.append(line.strip())
            continue
        left_part = line[: gutter.start].strip()
        right_part = line[gutter.end :].strip()
        if left_part or not line.strip():
            left_block.append(left_part)
        if right_part or not line.strip():
            right_block.append(right_part)
    flush()
    return "\n".join(_LONG_SPACES.sub("   ", line) for line in output)
