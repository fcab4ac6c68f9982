"""Document blocks and the styles that vary how they are written.

Renderers first build a list of :data:`Block` values, (kind, payload) pairs:
``("name", text)``, ``("line", text)``, ``("heading", text)``,
``("entry", [lines])`` (a job or degree header, one or more lines),
``("bullets", [items])`` and ``("para", text)``. Plain text, Markdown, DOCX
and PDF writers all start from the same blocks, so a candidate's facts do not
depend on the file format.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

Block = tuple[str, str | list[str]]

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_FULL = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DATE_STYLES = ("mon_year", "month_year", "numeric", "iso", "mon_dot", "year")
RANGE_JOINERS = (" – ", " - ", " to ", " — ", " – ")
PRESENT_WORDS = ("Present", "Current", "Now", "present")
BULLETS = ("-", "•", "*", "–", ">", "·")
HEADING_CASES = ("upper", "title", "underline", "colon")
SECTION_NAMES = {
    "summary": ("Summary", "Profile", "Professional Summary", "About Me", "Career Objective"),
    "experience": (
        "Experience",
        "Work Experience",
        "Professional Experience",
        "Employment History",
        "Work History",
        "Career History",
    ),
    "skills": (
        "Skills",
        "Technical Skills",
        "Core Competencies",
        "Key Skills",
        "Areas of Expertise",
        "Skills & Tools",
    ),
    "education": ("Education", "Education & Training", "Academic Background", "Education History"),
    "certifications": ("Certifications", "Licenses & Certifications", "Certificates"),
    "languages": ("Languages", "Language Skills"),
}


@dataclass(frozen=True, slots=True)
class Style:
    """How one document is written: dates, headings, bullets and entry layout."""

    date_style: str
    joiner: str
    present: str
    bullet: str
    heading_case: str
    entry_layout: int
    skills_layout: int
    education_layout: int
    section_names: dict[str, str]
    open_since: bool

    @classmethod
    def pick(cls, rng: random.Random) -> Style:
        """Draw a style at random."""
        return cls(
            date_style=rng.choice(DATE_STYLES),
            joiner=rng.choice(RANGE_JOINERS),
            present=rng.choice(PRESENT_WORDS),
            bullet=rng.choice(BULLETS),
            heading_case=rng.choice(HEADING_CASES),
            entry_layout=rng.randrange(6),
            skills_layout=rng.randrange(5),
            education_layout=rng.randrange(3),
            section_names={key: rng.choice(names) for key, names in SECTION_NAMES.items()},
            open_since=rng.random() < 0.15,
        )

    @property
    def month_precision(self) -> bool:
        """Whether dates show the month (else only the year)."""
        return self.date_style != "year"


def month_text(index: int, style: str) -> str:
    """Write a month index (year * 12 + month - 1) in a date style."""
    year, month = divmod(index, 12)
    if style == "mon_year":
        return f"{MONTH_ABBR[month]} {year}"
    if style == "month_year":
        return f"{MONTH_FULL[month]} {year}"
    if style == "numeric":
        return f"{month + 1:02d}/{year}"
    if style == "iso":
        return f"{year}-{month + 1:02d}"
    if style == "mon_dot":
        return f"{MONTH_ABBR[month]}{'' if month == 4 else '.'} {year}"
    return str(year)


def range_text(start: int, end: int | None, style: Style) -> str:
    """Write a job's date range in the document's style."""
    first = month_text(start, style.date_style)
    if end is None:
        if style.open_since:
            return f"since {first}"
        return f"{first}{style.joiner}{style.present}"
    return f"{first}{style.joiner}{month_text(end, style.date_style)}"


def heading_text(name: str, style: Style) -> list[str]:
    """Plain-text lines of a section heading."""
    if style.heading_case == "upper":
        return [name.upper()]
    if style.heading_case == "underline":
        return [name, "=" * len(name) if len(name) % 2 else "-" * len(name)]
    if style.heading_case == "colon":
        return [f"{name}:"]
    return [name]


def to_text(blocks: list[Block], style: Style, *, markdown: bool = False) -> str:
    """Render blocks as plain text or Markdown."""
    lines: list[str] = []
    for kind, payload in blocks:
        if kind == "name":
            lines.append(f"# {payload}" if markdown else str(payload))
        elif kind == "line" or kind == "para":
            lines.append(str(payload))
        elif kind == "heading":
            lines.append("")
            lines += [f"## {payload}"] if markdown else heading_text(str(payload), style)
        elif kind == "entry":
            lines.append("")
            entry = list(payload)
            lines += [f"**{entry[0]}**", *entry[1:]] if markdown else entry
        elif kind == "bullets":
            marker = "-" if markdown else style.bullet
            lines += [f"{marker} {item}" for item in payload]
    return "\n".join(lines).strip() + "\n"
