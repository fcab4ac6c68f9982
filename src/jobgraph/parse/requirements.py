"""What a posting requires: skills with importance and years, overall years, degree.

Mentions in the company and benefits sections, and on meta lines ("Company:",
"Location:"), are not requirements. A skill mentioned several times takes the
importance with the strongest evidence (see :mod:`jobgraph.parse.importance`);
a generic "Skills" list is weaker evidence than a "Nice to have" heading.
"""

from __future__ import annotations

import re

from jobgraph.parse.cues import NO_EXPERIENCE, YearsMention
from jobgraph.parse.degrees import find_degrees, level_rank
from jobgraph.parse.headings import clean_heading
from jobgraph.parse.importance import Importance, importance_at
from jobgraph.parse.records import RequiredSkill
from jobgraph.parse.sections import HEADER, Section, section_at
from jobgraph.parse.skills import SkillHit
from jobgraph.taxonomy.lookup import TaxonomyLookup

SKIPPED_SECTIONS = frozenset({"company", "benefits"})
_GENERIC_HEADINGS = frozenset(
    """
    skills|qualifications|experience|education|competencies|technical skills
    |skills and qualifications|qualifications and skills|skills and experience
    |experience and skills|knowledge skills and abilities|requirements and qualifications
    |the role|role|description|job description|overview|about the role|about the job
    """.replace("\n", "").split("|")
)
_META_LINE = re.compile(
    r"\s*(?:company|employer|organi[sz]ation|location|job\s+location|work\s+location|office"
    r"|employment\s+type|job\s+type|salary|pay|compensation|posted|date|department|team)"
    r"\s*(?::|\||\t)",
    re.IGNORECASE,
)


def _section_of(sections: list[Section], offset: int) -> Section | None:
    return section_at(sections, offset)


def importance_in(text: str, sections: list[Section], start: int, end: int) -> Importance:
    """Importance of ``text[start:end]`` with its section's heading as the fallback."""
    section = _section_of(sections, start)
    name = section.name if section else HEADER
    default = "preferred" if name == "preferred" else "required"
    if section is not None and name in ("required", "preferred"):
        generic = " ".join(clean_heading(section.heading).lower().split()) in _GENERIC_HEADINGS
        strength = 0.5 if generic else 1.0
    elif section is not None and name == "duties":
        # What the job does every day is required even when a "Nice to have" list
        # names it again ("cold calls" as a duty, "experience with cold calling" a plus).
        strength = 1.0
    else:
        strength = 0.25
    return importance_at(text, start, end, default, strength)


def skipped(text: str, sections: list[Section], offset: int) -> bool:
    """True where mentions are not requirements (company blurb, benefits, meta lines)."""
    section = _section_of(sections, offset)
    if section is not None and section.name in SKIPPED_SECTIONS:
        return True
    line_start = text.rfind("\n", 0, offset) + 1
    return bool(_META_LINE.match(text, line_start))


def required_skills(
    text: str,
    sections: list[Section],
    hits: list[SkillHit],
    years_of_hit: dict[int, float],
    lookup: TaxonomyLookup,
) -> list[RequiredSkill]:
    """One :class:`RequiredSkill` per skill the posting asks for, in text order.

    Args:
        text: The posting text.
        sections: Its sections (posting vocabulary).
        hits: Skill mentions from the skill matcher.
        years_of_hit: Minimum years per index into ``hits``.
        lookup: The lookup whose taxonomy names the skills.

    Returns:
        The skills; each keeps the mention with the strongest importance evidence.
    """
    chosen: dict[str, tuple[RequiredSkill, float]] = {}
    for index, hit in enumerate(hits):
        if skipped(text, sections, hit.start):
            continue
        section = _section_of(sections, hit.start)
        importance = importance_in(text, sections, hit.start, hit.end)
        min_years = years_of_hit.get(index)
        in_list = section is not None and section.name in ("required", "preferred")
        confidence = round(hit.confidence * (1.0 if in_list else 0.9), 3)
        skill = lookup.taxonomy.skills.get(hit.skill_id)
        previous = chosen.get(hit.skill_id)
        if previous is None or _stronger(importance, previous):
            record = RequiredSkill(
                skill_id=hit.skill_id,
                name=skill.name if skill else hit.surface,
                surface=hit.surface,
                importance=importance.label,  # type: ignore[arg-type]
                min_years=min_years,
                start=hit.start,
                end=hit.end,
                confidence=confidence,
            )
            if previous is not None:
                record.min_years = _max_years(record.min_years, previous[0].min_years)
                record.confidence = max(record.confidence, previous[0].confidence)
            chosen[hit.skill_id] = (record, importance.strength)
        else:
            kept = previous[0]
            kept.min_years = _max_years(kept.min_years, min_years)
            kept.confidence = max(kept.confidence, confidence)
    return sorted((record for record, _ in chosen.values()), key=lambda s: s.start)


def _stronger(importance: Importance, previous: tuple[RequiredSkill, float]) -> bool:
    record, strength = previous
    if importance.strength != strength:
        return importance.strength > strength
    return importance.label == "required" and record.importance == "preferred"


def _max_years(first: float | None, second: float | None) -> float | None:
    if first is None:
        return second
    if second is None:
        return first
    return max(first, second)


def min_years_required(
    text: str,
    sections: list[Section],
    years: list[YearsMention],
    attached: set[int],
    skills: list[RequiredSkill],
) -> float | None:
    """Minimum years of experience overall.

    The largest required figure not tied to one skill; else 0 when the posting
    says no experience is needed; else the smallest preferred figure; else the
    largest figure a required skill carries.
    """
    required: list[float] = []
    preferred: list[float] = []
    for number, mention in enumerate(years):
        if not mention.about_experience or number in attached:
            continue
        if skipped(text, sections, mention.start):
            continue
        importance = importance_in(text, sections, mention.start, mention.end)
        (preferred if importance.label == "preferred" else required).append(mention.years)
    if required:
        return max(required)
    if NO_EXPERIENCE.search(text):
        return 0.0
    if preferred:
        return min(preferred)
    per_skill = [s.min_years for s in skills if s.min_years and s.importance == "required"]
    return max(per_skill) if per_skill else None


def education_requirement(text: str, sections: list[Section]) -> tuple[str | None, str | None]:
    """The lowest degree level a posting requires, and its field (``(None, None)`` if none).

    Only a required degree counts: "Bachelor's degree preferred" is no requirement.
    """
    required: list[tuple[int, str | None, str]] = []
    for degree in find_degrees(text):
        if skipped(text, sections, degree.start):
            continue
        importance = importance_in(text, sections, degree.start, degree.end)
        if importance.label == "required":
            required.append((level_rank(degree.level), degree.field, degree.level))
    if not required:
        return None, None
    lowest = min(required, key=lambda item: item[0])
    field = lowest[1] or next((f for _, f, _ in required if f), None)
    return lowest[2], field
