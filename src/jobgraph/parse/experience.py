"""Work history: one :class:`~jobgraph.parse.records.Job` per dated entry.

Every date range on a short line of the experience section anchors one job (a
line stating only a duration, "PHP Developer (9 months)", anchors one too).
The header around the anchor holds title and employer:

* the rest of the date line ("Title | Company | 2019 - Present",
  "2021 - now Developer, Acme (Haifa)", "Title, Company      Jan 2019 - Mar 2020");
* when that is not enough, the short non-bullet lines just above the date line
  (layouts that put dates under the title) or just below it (layouts that open
  each entry with the dates), whichever the section's first entry shows.

The lines from the end of one header to the start of the next are the job's
description. Total experience merges overlapping jobs month by month.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jobgraph.parse.dates import DateRange, YearMonth, iter_durations, merged_months
from jobgraph.parse.job_header import header_pieces, parse_header
from jobgraph.parse.records import Job
from jobgraph.parse.sections import Section
from jobgraph.parse.text import Line, iter_lines

OccupationOf = Callable[[str], tuple[str, float] | None]

EXPERIENCE_SECTIONS = ("experience",)
# Sections whose dates are never jobs (studies, courses, certificates).
NON_JOB_SECTIONS = frozenset(
    {"education", "courses", "certifications", "awards", "publications", "languages",
     "interests", "references", "projects"}
)  # fmt: skip
MAX_HEADER_LINE = 90
MAX_ANCHOR_LINE = 260  # table rows carry the description on the date line
_PAREN_DURATION = re.compile(
    r"\(\s*\d{1,2}(?:[.,]\d)?\s*\+?\s*(?:years?|yrs?|months?|mos?)\.?"
    r"(?:\s*(?:and\s*)?\d{1,2}\s*(?:months?|mos?)\.?)?\s*\)",
    re.IGNORECASE,
)
_BREAK = re.compile(
    r"\b(?:career\s+break|sabbatical|parental\s+leave|maternity\s+leave|paternity\s+leave"
    r"|gap\s+year|family\s+care|caregiving\s+break|travel(?:ling)?\s+break)\b",
    re.IGNORECASE,
)
EDGE_DISTANCE = 35  # on a long line, a job's dates sit near its start or end
_DESCRIPTION_LABEL = re.compile(r"^\s*[\w /&-]{2,30}:\s*\S")
_HEADER_LABEL = re.compile(r"^\s*(company|employer|position|title|role|client)\s*:", re.I)


@dataclass(slots=True)
class _Anchor:
    line: int  # index into the scope's lines
    date_range: DateRange | None
    months: int
    header_lines: list[int]


def extract_jobs(
    text: str,
    sections: list[Section],
    ranges: list[DateRange],
    reference: YearMonth,
    *,
    occupation_of: OccupationOf | None = None,
) -> list[Job]:
    """Return the jobs of a resume in the order written.

    Args:
        text: Normalised resume text.
        sections: Its sections.
        ranges: Every date range in ``text`` (from the ``jobgraph_dates`` component).
        reference: The month "Present" means.
        occupation_of: Maps a title to ``(occupation id, confidence)``, or ``None``.

    Returns:
        The jobs, ``order`` numbering them from 0.
    """
    scopes = [(s.content_start, s.end) for s in sections if s.name in EXPERIENCE_SECTIONS]
    jobs: list[Job] = []
    for start, end in scopes:
        jobs.extend(_jobs_in(text, start, end, ranges, reference, occupation_of))
    if not jobs:
        other = [(s.content_start, s.end) for s in sections if s.name not in NON_JOB_SECTIONS]
        for start, end in other or [(0, len(text))]:
            if (start, end) not in scopes:
                jobs.extend(_jobs_in(text, start, end, ranges, reference, occupation_of))
    for order, job in enumerate(jobs):
        job.order = order
    return jobs


def _jobs_in(
    text: str,
    start: int,
    end: int,
    ranges: list[DateRange],
    reference: YearMonth,
    occupation_of: OccupationOf | None,
) -> list[Job]:
    lines = list(iter_lines(text, start, end))
    anchors = _anchors(lines, [r for r in ranges if start <= r.start_char < end], reference)
    if not anchors:
        return []
    above = _header_above(lines, anchors[0].line)
    for position, anchor in enumerate(anchors):
        floor = anchors[position - 1].line if position else -1
        ceiling = anchors[position + 1].line if position + 1 < len(anchors) else len(lines)
        anchor.header_lines = _header_lines(lines, anchor, above, floor, ceiling)
    jobs = []
    for position, anchor in enumerate(anchors):
        following = anchors[position + 1] if position + 1 < len(anchors) else None
        body_start = max(anchor.header_lines) + 1
        body_end = min(following.header_lines) if following else len(lines)
        job = _job(text, lines, anchor, body_start, body_end, reference, occupation_of)
        if not _is_break(job):
            jobs.append(job)
    return jobs


def _is_break(job: Job) -> bool:
    """A career break, sabbatical or leave listed among the jobs is not work."""
    header = f"{job.title or ''} {job.employer or ''}"
    return bool(_BREAK.search(header))


def _anchors(lines: list[Line], ranges: list[DateRange], reference: YearMonth) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    pending = sorted(ranges, key=lambda r: r.start_char)
    cursor = 0
    for index, line in enumerate(lines):
        on_line = []
        while cursor < len(pending) and pending[cursor].start_char < line.end + 1:
            if pending[cursor].start_char >= line.start:
                on_line.append(pending[cursor])
            cursor += 1
        length = len(line.stripped)
        on_line = [r for r in on_line if _near_edge(line, r)]
        if on_line and length <= MAX_ANCHOR_LINE and not (line.is_bullet and length > 100):
            first = on_line[0]
            anchors.append(_Anchor(index, first, first.months(reference), []))
        elif not on_line and length <= MAX_HEADER_LINE and not line.is_bullet:
            duration = _PAREN_DURATION.search(line.text)
            if duration:
                months = next((m for m, _, _ in iter_durations(duration.group(0))), 0)
                if months:
                    anchors.append(_Anchor(index, None, months, []))
    return anchors


def _near_edge(line: Line, date_range: DateRange) -> bool:
    """A date range in the middle of a long sentence is not a job's period."""
    if len(line.stripped) <= 80:
        return True
    leading = len(line.text) - len(line.text.lstrip())
    before = date_range.start_char - line.start - leading
    after = len(line.text.rstrip()) - (date_range.end_char - line.start)
    return before <= EDGE_DISTANCE or after <= EDGE_DISTANCE


def _is_header_candidate(line: Line) -> bool:
    stripped = line.stripped
    if not stripped or len(stripped) > MAX_HEADER_LINE or line.is_bullet:
        return False
    if _DESCRIPTION_LABEL.match(stripped) and not _HEADER_LABEL.match(stripped):
        return False
    return not (stripped.endswith(".") and len(stripped.split()) > 8)


def _header_above(lines: list[Line], first_anchor: int) -> bool:
    """True when the first entry's title sits above its date line."""
    return any(_is_header_candidate(line) for line in lines[:first_anchor])


def _remainder(line: Line, anchor: _Anchor) -> str:
    if anchor.date_range is None:
        return _PAREN_DURATION.sub(" ", line.text)
    cut_start = anchor.date_range.start_char - line.start
    cut_end = anchor.date_range.end_char - line.start
    return f"{line.text[:cut_start]}  |  {line.text[cut_end:]}"


def _header_lines(
    lines: list[Line], anchor: _Anchor, above: bool, floor: int, ceiling: int
) -> list[int]:
    taken = [anchor.line]
    pieces = len(header_pieces(_remainder(lines[anchor.line], anchor)))
    wanted = 0 if pieces >= 2 else (1 if pieces == 1 else 2)
    step = -1 if above else 1
    index = anchor.line + step
    while wanted and floor < index < ceiling:
        line = lines[index]
        if line.is_blank:
            index += step
            continue
        if not _is_header_candidate(line):
            break
        taken.append(index)
        wanted -= 1
        index += step
    return sorted(taken)


def _job(
    text: str,
    lines: list[Line],
    anchor: _Anchor,
    body_start: int,
    body_end: int,
    reference: YearMonth,
    occupation_of: OccupationOf | None,
) -> Job:
    header_texts = [
        _remainder(lines[i], anchor) if i == anchor.line else lines[i].text
        for i in anchor.header_lines
    ]
    is_title = (lambda piece: occupation_of(piece) is not None) if occupation_of else None
    header = parse_header(header_texts, is_title=is_title)
    body = [lines[i].text for i in range(body_start, min(body_end, len(lines)))]
    description = "\n".join(body).strip()
    job = Job(title=header.title, employer=header.employer, location=header.location)
    job.description = description
    job.text_start = lines[min(anchor.header_lines)].start
    last_line = max(min(body_end, len(lines)) - 1, max(anchor.header_lines))
    job.text_end = lines[last_line].end
    job.months = anchor.months
    if anchor.date_range is not None:
        job.start = str(anchor.date_range.start)
        job.current = anchor.date_range.current
        job.end = None if job.current else str(anchor.date_range.clamped_end(reference))
    if job.title and occupation_of is not None:
        found = occupation_of(job.title)
        if found is not None:
            job.occupation_id, job.occupation_confidence = found[0], round(found[1], 3)
    return job


def total_experience_months(jobs: list[Job], reference: YearMonth) -> int:
    """Months of work across ``jobs``, overlapping periods counted once.

    Jobs known only by a stated duration (no dates) are added on top.
    """
    periods = []
    undated = 0
    for job in jobs:
        first = YearMonth.parse(job.start)
        if first is None:
            undated += job.months
            continue
        last = YearMonth.parse(job.end) if job.end else reference
        periods.append((first, min(last or reference, reference)))
    return merged_months(periods) + undated
