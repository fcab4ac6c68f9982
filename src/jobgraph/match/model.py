"""What the scorer knows about a candidate and a posting.

Profiles are built from the graph's rows (stored documents) or straight from
a parsed record (a file matched without being stored); the scorer sees no
difference. Vectors are optional: a document without one scores 0 on that part.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy as np

from jobgraph.parse.records import PostingRecord, ResumeRecord

_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*")
_STOP = frozenset({
    "a", "an", "and", "or", "the", "of", "for", "to", "in", "on", "with", "at", "by", "from",
    "as", "is", "are", "be", "we", "you", "our", "your", "this", "that", "will", "who", "m",
    "f", "d", "w", "senior", "junior", "sr", "jr", "lead", "ii", "iii", "iv",
})


def words(texts: Iterable[str | None]) -> set[str]:
    """Lower-case content words of ``texts`` (stop words and seniority words dropped)."""
    found: set[str] = set()
    for text in texts:
        if text:
            found.update(w.rstrip(".") for w in _WORD.findall(text.lower()))
    return {w for w in found if w and w not in _STOP}


EDUCATION_RANKS = {
    "secondary": 1, "vocational": 2, "associate": 3, "bachelor": 4, "master": 5, "doctorate": 6,
}


@dataclass(frozen=True)
class HeldSkill:
    """A skill a candidate holds, with the resume's evidence for it.

    ``start`` / ``end`` are character offsets of ``evidence`` in the resume text.
    """

    id: str
    name: str
    years: float | None = None
    evidence: str | None = None
    snippet: str | None = None
    section: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class AskedSkill:
    """A skill a posting asks for: ``required`` or ``preferred``, maybe with minimum years."""

    id: str
    name: str
    importance: str = "required"
    min_years: float | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class Role:
    """A past or current role that resolved to an occupation (``order`` 0 = latest)."""

    occupation_id: str
    title: str | None = None
    order: int = 0
    months: int | None = None


@dataclass(frozen=True)
class CandidateProfile:
    """A candidate as the scorer sees it."""

    id: str
    headline: str | None = None
    summary: str | None = None
    occupation_id: str | None = None
    experience_years: float | None = None
    education_level: str | None = None
    education_rank: int = 0
    city: str | None = None
    region: str | None = None
    country: str | None = None
    skills: Mapping[str, HeldSkill] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    text_vector: np.ndarray | None = None
    gnn_vector: np.ndarray | None = None

    @cached_property
    def held_words(self) -> frozenset[str]:
        """Words of the headline, summary, job titles, skill names and evidence."""
        return frozenset(words([
            self.headline, self.summary, *(role.title for role in self.roles),
            *(s.name for s in self.skills.values()), *(s.evidence for s in self.skills.values()),
        ]))

    def with_skill(self, skill_id: str, name: str) -> CandidateProfile:
        """A copy that also holds ``skill_id`` (no evidence, years unknown): for advice."""
        return replace(self, skills={**self.skills, skill_id: HeldSkill(skill_id, name)})

    def without_skill(self, skill_id: str) -> CandidateProfile:
        """A copy that no longer holds ``skill_id``."""
        return replace(
            self, skills={k: v for k, v in self.skills.items() if k != skill_id}
        )


@dataclass(frozen=True)
class PostingProfile:
    """A posting as the scorer sees it. ``remote`` is onsite, hybrid, remote or unknown."""

    id: str
    title: str | None = None
    company: str | None = None
    occupation_id: str | None = None
    remote: str = "unknown"
    min_years: float | None = None
    education_level: str | None = None
    education_rank: int = 0
    city: str | None = None
    region: str | None = None
    country: str | None = None
    skills: tuple[AskedSkill, ...] = ()
    text_vector: np.ndarray | None = None
    gnn_vector: np.ndarray | None = None

    @cached_property
    def asked_words(self) -> frozenset[str]:
        """Words of the title and the asked skills' names."""
        return frozenset(words([self.title, *(s.name for s in self.skills)]))

    @property
    def required(self) -> tuple[AskedSkill, ...]:
        """The skills marked required."""
        return tuple(s for s in self.skills if s.importance == "required")

    @property
    def preferred(self) -> tuple[AskedSkill, ...]:
        """The skills marked preferred."""
        return tuple(s for s in self.skills if s.importance != "required")

    def without_requirement(self, skill_id: str) -> PostingProfile:
        """A copy that no longer asks for ``skill_id``: for relaxation advice."""
        return replace(self, skills=tuple(s for s in self.skills if s.id != skill_id))


def _vector(value: Any) -> np.ndarray | None:
    if value is None:
        return None
    vector = np.asarray(value, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else None


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


def candidate_from_row(row: Mapping[str, Any]) -> CandidateProfile:
    """Build a profile from a ``match_candidate_profiles`` row."""
    skills = {
        s["id"]: HeldSkill(
            id=s["id"], name=s.get("name") or s["id"], years=_float(s.get("years")),
            evidence=s.get("evidence"), snippet=s.get("snippet"), section=s.get("section"),
            start=s.get("start"), end=s.get("end"),
        )
        for s in row.get("skills") or []
    }
    roles = tuple(
        sorted(
            (
                Role(r["id"], r.get("title"), int(r.get("order") or 0), r.get("months"))
                for r in row.get("roles") or []
            ),
            key=lambda role: role.order,
        )
    )
    return CandidateProfile(
        id=row["id"], headline=row.get("headline"), summary=row.get("summary"),
        occupation_id=row.get("occupation_id"),
        experience_years=_float(row.get("experience_years")),
        education_level=row.get("education_level"),
        education_rank=int(row.get("education_rank") or 0),
        city=row.get("city"), region=row.get("region"), country=row.get("country"),
        skills=skills, roles=roles,
        text_vector=_vector(row.get("text_vector")), gnn_vector=_vector(row.get("gnn_vector")),
    )


def posting_from_row(row: Mapping[str, Any]) -> PostingProfile:
    """Build a profile from a ``match_posting_profiles`` row."""
    skills = tuple(
        sorted(
            (
                AskedSkill(
                    id=s["id"], name=s.get("name") or s["id"],
                    importance=s.get("importance") or "required",
                    min_years=_float(s.get("min_years")), evidence=s.get("evidence"),
                )
                for s in row.get("skills") or []
            ),
            key=lambda skill: (skill.importance != "required", skill.name.lower()),
        )
    )
    return PostingProfile(
        id=row["id"], title=row.get("title"), company=row.get("company"),
        occupation_id=row.get("occupation_id"), remote=row.get("remote") or "unknown",
        min_years=_float(row.get("min_years")), education_level=row.get("education_level"),
        education_rank=int(row.get("education_rank") or 0),
        city=row.get("city"), region=row.get("region"), country=row.get("country"),
        skills=skills,
        text_vector=_vector(row.get("text_vector")), gnn_vector=_vector(row.get("gnn_vector")),
    )


def candidate_from_record(
    record: ResumeRecord,
    *,
    text_vector: np.ndarray | None = None,
    gnn_vector: np.ndarray | None = None,
) -> CandidateProfile:
    """Build a profile from a parsed resume that is not (or not yet) stored."""
    levels = [EDUCATION_RANKS.get(e.level or "", 0) for e in record.education]
    rank = max(levels, default=0)
    level = next((e.level for e in record.education if EDUCATION_RANKS.get(e.level or "") == rank),
                 None) if rank else None
    text = record.text
    skills: dict[str, HeldSkill] = {}
    for m in record.skills:
        if m.skill_id in skills:
            continue
        snippet = text[max(0, m.start - 60): m.end + 60].replace("\n", " ").strip()
        skills[m.skill_id] = HeldSkill(
            id=m.skill_id, name=m.name, years=m.years, evidence=m.surface, snippet=snippet,
            section=m.section, start=m.start, end=m.end,
        )
    roles = tuple(
        Role(job.occupation_id, job.title, job.order, job.months)
        for job in sorted(record.experience, key=lambda job: job.order)
        if job.occupation_id
    )
    location = record.location
    return CandidateProfile(
        id=record.id, headline=record.headline, summary=record.summary,
        occupation_id=record.occupation_id,
        experience_years=round(record.total_experience_months / 12, 1),
        education_level=level, education_rank=rank,
        city=location.city if location else None, region=location.region if location else None,
        country=location.country if location else None,
        skills=skills, roles=roles,
        text_vector=_vector(text_vector), gnn_vector=_vector(gnn_vector),
    )


def posting_from_record(
    record: PostingRecord,
    *,
    text_vector: np.ndarray | None = None,
    gnn_vector: np.ndarray | None = None,
) -> PostingProfile:
    """Build a profile from a parsed posting that is not (or not yet) stored."""
    seen: set[str] = set()
    skills: list[AskedSkill] = []
    for skill in record.required_skills + record.preferred_skills:
        if skill.skill_id in seen:
            continue
        seen.add(skill.skill_id)
        skills.append(AskedSkill(skill.skill_id, skill.name, skill.importance, skill.min_years,
                                 skill.surface))
    location = record.location
    return PostingProfile(
        id=record.id, title=record.title, company=record.company,
        occupation_id=record.occupation_id, remote=record.remote,
        min_years=record.min_years_experience, education_level=record.education_level,
        education_rank=EDUCATION_RANKS.get(record.education_level or "", 0),
        city=location.city if location else None, region=location.region if location else None,
        country=location.country if location else None,
        skills=tuple(sorted(skills, key=lambda s: (s.importance != "required", s.name.lower()))),
        text_vector=_vector(text_vector), gnn_vector=_vector(gnn_vector),
    )
