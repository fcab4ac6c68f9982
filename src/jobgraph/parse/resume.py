"""Turn resume text into a :class:`~jobgraph.parse.records.ResumeRecord`."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from jobgraph.errors import ParseError
from jobgraph.parse.contact import extract_contact, extract_headline
from jobgraph.parse.cues import find_years, years_by_mention
from jobgraph.parse.dates import YearMonth, merged_months, reference_month
from jobgraph.parse.degrees import degree_spans
from jobgraph.parse.education import extract_education
from jobgraph.parse.experience import extract_jobs, total_experience_months
from jobgraph.parse.extras import extract_certifications, extract_languages
from jobgraph.parse.location import parse_location
from jobgraph.parse.pipeline import pipeline_for
from jobgraph.parse.records import Job, ResumeRecord, SkillMention, UncataloguedSkill
from jobgraph.parse.sections import HEADER, Section, section_at
from jobgraph.parse.skills import SkillHit
from jobgraph.parse.text import content_hash, first_lines, iter_lines, normalize_text
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.model import SkillKind

MAX_TEXT = 200_000  # longer "resumes" are concatenations or garbage; parse the start
_EXPERIENCE_WORD = re.compile(r"\bexp[ei]r[ie][ae]nce", re.IGNORECASE)
_SECTION_PRIORITY = {"skills": 0, "experience": 1, "projects": 2, "summary": 3}


def parse_resume(
    text: str,
    *,
    source: str = "",
    lookup: TaxonomyLookup | None = None,
    record_id: str | None = None,
    today: date | None = None,
) -> ResumeRecord:
    """Parse resume text into a record (see :func:`jobgraph.parse.parse_resume_text`)."""
    clean = first_lines(normalize_text(text)[:MAX_TEXT])
    if not clean or not any(ch.isalpha() for ch in clean):
        raise ParseError(f"{source or 'resume'}: no text to parse; is the document empty?")
    pipeline = pipeline_for(lookup)
    reference = reference_month(today)
    doc = pipeline.run(clean, kind="resume", reference=reference)
    sections: list[Section] = doc._.jobgraph_sections
    hits: list[SkillHit] = doc._.jobgraph_skill_hits
    resolve = pipeline.occupation_of
    header_end = next((s.start for s in sections if s.name != HEADER), 0)

    forms = pipeline.skill_forms
    contact = extract_contact(
        clean,
        header_end,
        is_occupation=lambda t: resolve(t) is not None,
        is_skill=lambda word: word.lower() in forms,
    )
    jobs = extract_jobs(clean, sections, doc._.jobgraph_date_ranges, reference,
                        occupation_of=resolve)  # fmt: skip
    total = total_experience_months(jobs, reference)
    warnings: list[str] = []
    headline = extract_headline(clean, header_end, contact)
    if total == 0:
        stated = _stated_total_months(clean)
        if stated:
            total = stated
            warnings.append("no dated jobs found; total experience taken from a stated figure")
        elif not jobs:
            warnings.append("no dated work history found")
    taxonomy = pipeline.lookup.taxonomy
    certificate_names = sorted(
        {taxonomy.skills[h.skill_id].name for h in hits
         if h.skill_id in taxonomy.skills
         and taxonomy.skills[h.skill_id].kind is SkillKind.CERTIFICATION}
    )  # fmt: skip
    excluded = _name_spans(clean, jobs, contact.name) + _degree_spans(clean, sections)
    hits = [hit for hit in hits if not _inside(hit.start, excluded)]
    skills = _skill_mentions(clean, sections, hits, jobs, reference, pipeline.lookup)
    languages = extract_languages(clean, sections)
    uncatalogued = [
        UncataloguedSkill(
            hit.surface, hit.key, _section_name(sections, hit.start), hit.start, hit.end
        )
        for hit in doc._.jobgraph_uncatalogued_hits or []
        if not _inside(hit.start, excluded) and not _lists_languages(clean, hit.start, languages)
    ]
    if not skills:
        warnings.append("no taxonomy skills found")
    digest = content_hash(clean)
    return ResumeRecord(
        id=record_id or f"cand-{digest[:16]}",
        source=source,
        content_hash=digest,
        contact=contact,
        location=parse_location(contact.location),
        headline=headline,
        summary=_summary(clean, sections),
        skills=skills,
        uncatalogued_skills=uncatalogued,
        experience=jobs,
        total_experience_months=total,
        education=extract_education(clean, sections, reference.year),
        certifications=extract_certifications(clean, sections, certificate_names),
        languages=languages,
        occupation_id=_current_occupation(jobs, headline, resolve),
        text=clean,
        sections=[s.name for s in sections if s.name != HEADER],
        warnings=warnings,
        taxonomy_version=taxonomy.version,
    )


def _name_spans(text: str, jobs: list[Job], name: str | None) -> list[tuple[int, int]]:
    """Where employer names and the candidate's name are written.

    Words inside them ("Bryggen Insurance", "Harrowgate Logistics", "Ms. Haas")
    are not skills of the candidate.
    """
    spans: list[tuple[int, int]] = []
    for job in jobs:
        if job.employer and len(job.employer) >= 3:
            found = text.find(job.employer, job.text_start, job.text_start + 400)
            if found >= 0:
                spans.append((found, found + len(job.employer)))
    if name:
        found = text.find(name, 0, 600)
        if found >= 0:
            spans.append((found, found + len(name)))
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _summary(text: str, sections: list[Section]) -> str | None:
    for section in sections:
        if section.name == "summary":
            body = " ".join(
                line.stripped
                for line in iter_lines(text, section.content_start, section.end)
                if line.stripped
            )
            return body[:2000] or None
    return None


def _stated_total_months(text: str) -> int:
    """Read "8+ years of experience" from the first part of a resume."""
    for mention in find_years(text[:3000]):
        line_end = text.find("\n", mention.end)
        tail = text[mention.end : line_end if line_end >= 0 else len(text)]
        if mention.about_experience and _EXPERIENCE_WORD.search(tail[:60]):
            return round(mention.years * 12)
    return 0


def _current_occupation(
    jobs: list[Job], headline: str | None, resolve: Callable[[str], tuple[str, float] | None]
) -> str | None:
    dated = [job for job in jobs if job.occupation_id]
    if dated:
        latest = max(dated, key=lambda j: (j.current, j.end or "9999-99", j.start or "", -j.order))
        return latest.occupation_id
    if headline:
        for piece in re.split(r"\s+(?:with|\||-|–|—|,)\s+", headline)[:2]:
            found = resolve(piece)
            if found:
                return found[0]
    return None


def _lists_languages(text: str, offset: int, languages: list[str]) -> bool:
    """True when the line at ``offset`` names a spoken language ("English, isiZulu")."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)].lower()
    return any(re.search(rf"\b{re.escape(language.lower())}\b", line) for language in languages)


def _degree_spans(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    """Fields of study anywhere; in the education section, each degree's whole line."""
    fields, lines = degree_spans(text)
    return fields + [span for span in lines if _section_name(sections, span[0]) == "education"]


def _section_name(sections: list[Section], offset: int) -> str:
    section = section_at(sections, offset)
    return section.name if section else HEADER


def _skill_mentions(
    text: str,
    sections: list[Section],
    hits: list[SkillHit],
    jobs: list[Job],
    reference: YearMonth,
    lookup: TaxonomyLookup,
) -> list[SkillMention]:
    """One mention per skill: its best-placed hit, count, and years of use."""
    grouped: dict[str, list[SkillHit]] = {}
    for hit in hits:
        grouped.setdefault(hit.skill_id, []).append(hit)
    stated = _stated_years(text, hits)
    mentions = []
    for skill_id, skill_hits in grouped.items():
        placed = [(section_at(sections, h.start), h) for h in skill_hits]
        section_name, best = min(
            ((s.name if s else HEADER, h) for s, h in placed),
            key=lambda item: (
                _SECTION_PRIORITY.get(item[0], 9),
                -item[1].confidence,
                item[1].start,
            ),
        )
        skill = lookup.taxonomy.skills.get(skill_id)
        periods, undated = [], 0
        for job in jobs:
            if any(job.text_start <= h.start < job.text_end for h in skill_hits):
                first = YearMonth.parse(job.start)
                if first is None:
                    undated += job.months
                else:
                    last = YearMonth.parse(job.end) or reference
                    periods.append((first, min(last, reference)))
        months = merged_months(periods) + undated
        years = round(months / 12, 1) if months else None
        if skill_id in stated:
            years = max(years or 0.0, stated[skill_id])
        mentions.append(
            SkillMention(
                skill_id=skill_id,
                name=skill.name if skill else best.surface,
                surface=best.surface,
                section=section_name,
                start=best.start,
                end=best.end,
                confidence=max(h.confidence for h in skill_hits),
                years=years,
                mentions=len(skill_hits),
            )
        )
    mentions.sort(key=lambda m: m.start)
    return mentions


def _stated_years(text: str, hits: list[SkillHit]) -> dict[str, float]:
    """Years written next to a skill: "5 years of Python", "Java (3 yrs)"."""
    found: dict[str, float] = {}
    if not hits:
        return found
    years_of_hit, _ = years_by_mention(text, find_years(text), hits)
    for index, years in years_of_hit.items():
        skill_id = hits[index].skill_id
        found[skill_id] = max(found.get(skill_id, 0.0), years)
    return found
