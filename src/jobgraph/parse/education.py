"""Education entries of a resume: level, field, institution and year per degree."""

from __future__ import annotations

import re

from jobgraph.parse.degrees import (
    INSTITUTION,
    DegreeMention,
    degree_field_spans,
    field_before_keyword,
    find_degrees,
    level_rank,
)
from jobgraph.parse.records import EducationEntry
from jobgraph.parse.sections import Section
from jobgraph.parse.text import iter_lines, strip_bullet

__all__ = [
    "DegreeMention",
    "degree_field_spans",
    "extract_education",
    "find_degrees",
    "level_rank",
]

_EDUCATION_SECTIONS = ("education",)
# Courses / training sections hold diplomas too ("Culinary Arts Diploma, ... Institute").
_SECONDARY_SECTIONS = ("courses", "certifications")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_LEADING_YEAR = re.compile(r"^\W{0,3}(?:[A-Za-z]{3,9}\.?\s+)?(?:19[5-9]\d|20[0-4]\d)\b")
_EDUCATION_LABEL = re.compile(r"^\s*(?:•\s*)?education\s*:\s*(?P<value>\S.*)$", re.I | re.M)
_CERTIFICATE = re.compile(r"\bcertificate\b", re.IGNORECASE)


def extract_education(
    text: str, sections: list[Section], reference_year: int
) -> list[EducationEntry]:
    """Return the education entries of a resume.

    Entries come from education sections (and "Education: ..." lines); a new
    entry starts at a line naming a second degree, a second institution, or a
    year after one was seen. Courses and certification sections add entries
    only for diplomas from an institution. Without any of these, lines that
    name a bachelor's degree or higher anywhere become entries.
    """
    blocks: list[list[str]] = []
    for section in sections:
        if section.name in _EDUCATION_SECTIONS:
            blocks.extend(_blocks(text, section.content_start, section.end))
    for labelled in _EDUCATION_LABEL.finditer(text):
        blocks.append([labelled.group("value")])
    entries = [_entry(block, reference_year) for block in blocks]
    for section in sections:
        if section.name in _SECONDARY_SECTIONS:
            for block in _blocks(text, section.content_start, section.end):
                entry = _entry(block, reference_year)
                if entry.level and entry.institution:
                    entries.append(entry)
    if not blocks:
        strong = [[line.text] for line in iter_lines(text) if _strong_degree(line.text)]
        entries.extend(_entry(block, reference_year) for block in strong)
    return [entry for entry in entries if entry.level or entry.institution or entry.field]


def _strong_degree(line: str) -> bool:
    return len(line) <= 200 and any(
        level_rank(d.level) >= level_rank("bachelor") for d in find_degrees(line)
    )


def _blocks(text: str, start: int, end: int) -> list[list[str]]:
    """Group education lines into entries (blank lines alone do not split)."""
    blocks: list[list[str]] = []
    current: list[str] = []
    has_degree = has_institution = has_year = False
    for line in iter_lines(text, start, end):
        if line.is_blank:
            continue
        degree = bool(find_degrees(line.text))
        institution = bool(INSTITUTION.search(line.text))
        dated = bool(_LEADING_YEAR.match(line.text))
        if current and (
            (degree and has_degree) or (institution and has_institution) or (dated and has_year)
        ):
            blocks.append(current)
            current, has_degree, has_institution, has_year = [], False, False, False
        current.append(line.text)
        has_degree |= degree
        has_institution |= institution
        has_year |= bool(_YEAR.search(line.text))
    if current:
        blocks.append(current)
    return blocks


def _entry(block: list[str], reference_year: int) -> EducationEntry:
    raw = "\n".join(line.strip() for line in block).strip()
    degrees = find_degrees(raw)
    best = max(degrees, key=lambda d: level_rank(d.level)) if degrees else None
    institution = _institution(block)
    level = best.level if best else None
    field = best.field if best else None
    if level is None and institution and _CERTIFICATE.search(raw):
        level = "vocational"  # "Paralegal Certificate, Old Dominion Community College"
        field = field_before_keyword(raw)
    if best is not None and field is None:
        field = next((d.field for d in degrees if d.field), None)
    years = [int(y) for y in _YEAR.findall(raw) if int(y) <= reference_year + 7]
    return EducationEntry(
        level=level,  # type: ignore[arg-type]
        field=field,
        institution=institution,
        year=max(years) if years else None,
        raw=raw[:500],
    )


def _institution(block: list[str]) -> str | None:
    for line in block:
        for piece in re.split(r"\s*[|,•·]\s*|\s[-–—]\s|\s{2,}|\t", strip_bullet(line)):
            if INSTITUTION.search(piece) and 3 < len(piece) <= 120:
                return _YEAR.sub("", piece).strip(" ()-–,") or None
    return None
