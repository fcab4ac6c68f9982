"""Write parsed resumes and postings into the graph, idempotently.

A record is keyed by its stable id. Before writing, the stored ``record_digest``
of each id is read: an identical record is skipped ("unchanged"), a new one is
created, and a changed one has all its outgoing relationships replaced.

The digest is what marks a record as done, so it is stored last: in the same
transaction as the record, or, when more belongs to the record than this
transaction writes (ingest adds text vectors after it), only once that is
written too (``confirm=False``, then
:func:`~jobgraph.graph.record_batches.confirm_digests`). A process killed
in between leaves a record without a digest, which the next run writes again.

Personal data (the resume's contact block) is written only when asked, into a
separate ``:Contact`` node, so it can be dropped or withheld as a whole.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any

from neo4j import Driver

from jobgraph.graph.record_batches import WriteReport, write_records
from jobgraph.parse.records import (
    EDUCATION_LEVELS,
    EducationEntry,
    Location,
    PostingRecord,
    RequiredSkill,
    ResumeRecord,
)
from jobgraph.taxonomy.normalize import fold

SNIPPET_RADIUS = 60


def slug(text: str) -> str:
    """Return a lowercase ascii slug ("São Paulo" -> "sao-paulo")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def education_rank(level: str | None) -> int:
    """Rank of an education level: 0 unknown, 1 secondary … 6 doctorate."""
    return EDUCATION_LEVELS.index(level) + 1 if level in EDUCATION_LEVELS else 0


def education_id(level: str | None, field: str | None) -> str:
    """Stable id of an Education node: the level, plus the field when known."""
    base = level or "unspecified"
    return f"{base}:{slug(field)}" if field and slug(field) else base


def _location_rows(location: Location | None) -> list[dict[str, Any]]:
    if location is None or not (location.city or location.country or location.region):
        return []
    parts = [location.city or "", location.region or "", location.country or ""]
    return [
        {
            "id": "|".join(slug(part) for part in parts),
            "city": location.city,
            "region": location.region,
            "country": location.country,
        }
    ]


def _snippet(text: str, start: int, end: int) -> str:
    if not text or end <= start:
        return ""
    left = max(0, start - SNIPPET_RADIUS)
    right = min(len(text), end + SNIPPET_RADIUS)
    return " ".join(text[left:right].split())


def _highest_education(entries: Sequence[EducationEntry]) -> str | None:
    ranked = [entry.level for entry in entries if entry.level]
    return max(ranked, key=education_rank) if ranked else None


def _first_per_skill(skills: list[RequiredSkill]) -> list[RequiredSkill]:
    return list({skill.skill_id: skill for skill in reversed(skills)}.values())[::-1]


def resume_row(record: ResumeRecord, *, with_pii: bool = False) -> dict[str, Any]:
    """Turn a resume record into the parameters of ``candidates_upsert``.

    Unless ``with_pii`` asks for the contact block to be stored as well, the
    record is redacted first (:meth:`ResumeRecord.without_pii`): no contact node,
    and the name, email, phone and links masked in every text written (source,
    headline, summary, job titles, evidence snippets).
    """
    if not with_pii:
        record = record.without_pii()
    highest = _highest_education(record.education)
    text = record.text
    props = {
        "source": record.source,
        "content_hash": record.content_hash,
        "headline": record.headline,
        "summary": record.summary,
        "occupation_id": record.occupation_id,
        "total_experience_months": record.total_experience_months,
        "experience_years": round(record.total_experience_months / 12, 1),
        "education_level": highest,
        "education_rank": education_rank(highest),
        "certifications": list(record.certifications),
        "languages": list(record.languages),
        "city": record.location.city if record.location else None,
        "country": record.location.country if record.location else None,
        "skill_count": len(record.skills),
        # Listed skills no taxonomy names ("File-Aid"): queryable, not linked.
        "uncatalogued_skills": [item.name for item in record.uncatalogued_skills],
        # In the digest: a re-ingest after a taxonomy import rewrites (re-links) the record.
        "taxonomy_version": record.taxonomy_version,
        "updated_at": time.time(),
    }
    skills = [
        {
            "skill_id": mention.skill_id,
            "years": mention.years,
            "evidence": mention.surface,
            "snippet": _snippet(text, mention.start, mention.end),
            "section": mention.section,
            "confidence": mention.confidence,
            "mentions": mention.mentions,
            "start": mention.start,
            "end": mention.end,
        }
        for mention in {m.skill_id: m for m in record.skills}.values()
    ]
    job_props = [
        {
            "order": job.order,
            "title": job.title,
            "employer": job.employer,
            "start": job.start,
            "end": job.end,
            "current": job.current,
            "months": job.months,
        }
        for job in record.experience
    ]
    jobs = [
        {"occupation_id": job.occupation_id, **props_}
        for job, props_ in zip(record.experience, job_props, strict=True)
        if job.occupation_id
    ]
    employers = [
        {"employer_id": slug(job.employer), **props_}
        for job, props_ in zip(record.experience, job_props, strict=True)
        if job.employer and slug(job.employer)
    ]
    education = [
        {
            "id": education_id(entry.level, entry.field),
            "level": entry.level,
            "field": entry.field,
            "rank": education_rank(entry.level),
            "year": entry.year,
            "institution": entry.institution,
        }
        for entry in record.education
        if entry.level or entry.field
    ]
    contact = record.contact
    contacts = (
        [
            {
                "name": contact.name,
                "email": contact.email,
                "phone": contact.phone,
                "links": list(contact.links),
                "location": contact.location,
            }
        ]
        if with_pii and any([contact.name, contact.email, contact.phone, contact.links])
        else []
    )
    return {
        "id": record.id,
        "props": props,
        "skills": skills,
        "jobs": jobs,
        "employers": employers,
        "education": education,
        "locations": _location_rows(record.location),
        "contacts": contacts,
    }


def posting_row(record: PostingRecord) -> dict[str, Any]:
    """Turn a posting record into the parameters of ``postings_upsert``."""
    salary = record.salary
    props = {
        "source": record.source,
        "content_hash": record.content_hash,
        "title": record.title,
        "company": record.company,
        "occupation_id": record.occupation_id,
        "remote": record.remote,
        "employment_type": record.employment_type,
        "min_years_experience": record.min_years_experience,
        "education_level": record.education_level,
        "education_rank": education_rank(record.education_level),
        "education_field": record.education_field,
        "salary_min": salary.min if salary else None,
        "salary_max": salary.max if salary else None,
        "salary_currency": salary.currency if salary else None,
        "salary_period": salary.period if salary else None,
        "city": record.location.city if record.location else None,
        "country": record.location.country if record.location else None,
        "description": record.description[:4000],
        "skill_count": len(record.skills),
        # In the digest: a re-ingest after a taxonomy import rewrites (re-links) the record.
        "taxonomy_version": record.taxonomy_version,
        "updated_at": time.time(),
    }
    skills = [
        {
            "skill_id": skill.skill_id,
            "importance": skill.importance,
            "min_years": skill.min_years,
            "evidence": skill.surface,
            "snippet": _snippet(record.text, skill.start, skill.end),
            "confidence": skill.confidence,
        }
        # One relationship per skill; a skill both required and preferred counts as required.
        for skill in _first_per_skill(record.required_skills + record.preferred_skills)
    ]
    occupations = (
        [{"id": record.occupation_id, "confidence": record.occupation_confidence}]
        if record.occupation_id
        else []
    )
    education = (
        [
            {
                "id": education_id(record.education_level, record.education_field),
                "level": record.education_level,
                "field": record.education_field,
                "rank": education_rank(record.education_level),
            }
        ]
        if record.education_level
        else []
    )
    employers = (
        [{"id": slug(record.company), "name": record.company}]
        if record.company and slug(record.company)
        else []
    )
    return {
        "id": record.id,
        "props": props,
        "skills": skills,
        "occupations": occupations,
        "education": education,
        "locations": _location_rows(record.location),
        "employers": employers,
    }


def write_resumes(
    driver: Driver,
    records: Sequence[ResumeRecord],
    *,
    database: str = "neo4j",
    with_pii: bool = False,
    confirm: bool = True,
) -> WriteReport:
    """Write one batch of resumes in a single transaction, skipping unchanged ones.

    Args:
        driver: Open driver.
        records: Parsed resumes.
        database: Target database.
        with_pii: Also store each contact block in a ``:Contact`` node.
        confirm: Store each record's digest in the same transaction. ``False``
            leaves the written records without one until
            :func:`~jobgraph.graph.record_batches.confirm_digests` is called
            with the report's ``digests``.

    Returns:
        Ids written and ids found unchanged, relationships created, time taken,
        and the digest of each written record.
    """
    rows = [resume_row(record, with_pii=with_pii) for record in records]
    return write_records(driver, "candidates", rows, database=database, confirm=confirm)


def write_postings(
    driver: Driver,
    records: Sequence[PostingRecord],
    *,
    database: str = "neo4j",
    confirm: bool = True,
) -> WriteReport:
    """Write one batch of postings in a single transaction, skipping unchanged ones.

    Args:
        driver: Open driver.
        records: Parsed postings.
        database: Target database.
        confirm: As for :func:`write_resumes`.

    Returns:
        As for :func:`write_resumes`.
    """
    rows = [posting_row(record) for record in records]
    return write_records(driver, "postings", rows, database=database, confirm=confirm)
