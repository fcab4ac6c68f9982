"""Typed records the parsers produce: a parsed resume and a parsed job posting.

Both serialise with ``to_dict()`` to plain JSON that validates against
``schemas/resume.schema.json`` and ``schemas/posting.schema.json``, and come back
with ``from_dict()``. Character offsets (``start`` / ``end``) always index into
the record's own ``text``. Dates are ``"YYYY-MM"`` strings.

Personal data (name, email, phone, links, street-level location) lives only in
:class:`Contact` and the raw ``text``; :meth:`ResumeRecord.without_pii` drops
both so a record can be stored or shared for matching alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

EducationLevel = Literal["secondary", "vocational", "associate", "bachelor", "master", "doctorate"]
EDUCATION_LEVELS: tuple[str, ...] = (
    "secondary",
    "vocational",
    "associate",
    "bachelor",
    "master",
    "doctorate",
)
REMOTE_MODES: tuple[str, ...] = ("onsite", "hybrid", "remote", "unknown")
EMPLOYMENT_TYPES: tuple[str, ...] = (
    "full_time",
    "part_time",
    "contract",
    "temporary",
    "internship",
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SALARY_PERIODS: tuple[str, ...] = ("hour", "day", "week", "month", "year")
IMPORTANCES: tuple[str, ...] = ("required", "preferred")


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Keep only the keys ``cls`` declares, so newer payloads still load."""
    names = {f.name for f in fields(cls)}
    return {key: value for key, value in data.items() if key in names}


@dataclass(slots=True)
class Location:
    """A coarse location used for matching (city level at most)."""

    city: str | None = None
    region: str | None = None
    country: str | None = None
    raw: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        """Build a location from its ``to_dict()`` form."""
        return cls(**_known(cls, data))


@dataclass(slots=True)
class Contact:
    """Personal contact data of a candidate; everything here is PII."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    links: list[str] = field(default_factory=list)
    location: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contact:
        """Build a contact block from its ``to_dict()`` form."""
        values = _known(cls, data)
        values["links"] = list(values.get("links") or [])
        return cls(**values)


@dataclass(slots=True)
class SkillMention:
    """One taxonomy skill found in a resume (its first, best-placed mention).

    Attributes:
        skill_id: Taxonomy id of the skill.
        name: Preferred name of the skill.
        surface: The text as written in the resume.
        section: Section the chosen mention sits in ("skills", "experience", ...).
        start: Offset of the mention in ``ResumeRecord.text``.
        end: End offset (exclusive).
        confidence: 0..1; lower for ambiguous short or common-word forms.
        years: Years of use, from the jobs that mention the skill or a stated
            figure ("5 years of Python"); ``None`` when unknown.
        mentions: How many times the skill occurs in the text.
    """

    skill_id: str
    name: str
    surface: str
    section: str
    start: int
    end: int
    confidence: float
    years: float | None = None
    mentions: int = 1

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SkillMention:
        """Build a mention from its ``to_dict()`` form."""
        return cls(**_known(cls, data))


@dataclass(slots=True)
class UncataloguedSkill:
    """A skill the resume lists that no taxonomy in force names ("File-Aid", "OC4J").

    Attributes:
        name: The item as written.
        key: ``name`` folded (case, punctuation, spaces): equal keys, same skill.
        section: Section the item sits in.
        start: Offset in ``ResumeRecord.text``.
        end: End offset (exclusive).
    """

    name: str
    key: str
    section: str
    start: int
    end: int

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> UncataloguedSkill:
        """Build an item from its ``to_dict()`` form."""
        return cls(**_known(cls, data))


@dataclass(slots=True)
class Job:
    """One position in a candidate's work history.

    ``start`` / ``end`` are ``"YYYY-MM"``; ``end`` is ``None`` for a current job.
    ``months`` counts both the first and the last month. ``text_start`` /
    ``text_end`` delimit the entry (header and description) in the resume text.
    """

    title: str | None = None
    employer: str | None = None
    start: str | None = None
    end: str | None = None
    current: bool = False
    months: int = 0
    occupation_id: str | None = None
    occupation_confidence: float | None = None
    location: str | None = None
    description: str = ""
    order: int = 0
    text_start: int = 0
    text_end: int = 0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Job:
        """Build a job from its ``to_dict()`` form."""
        return cls(**_known(cls, data))


@dataclass(slots=True)
class EducationEntry:
    """One degree, diploma or school entry."""

    level: EducationLevel | None = None
    field: str | None = None
    institution: str | None = None
    year: int | None = None
    raw: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EducationEntry:
        """Build an education entry from its ``to_dict()`` form."""
        return cls(**_known(cls, data))


@dataclass(slots=True)
class Salary:
    """A pay range; ``period`` is one of hour, day, week, month, year."""

    min: float | None = None
    max: float | None = None
    currency: str | None = None
    period: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Salary:
        """Build a salary from its ``to_dict()`` form."""
        return cls(**_known(cls, data))


@dataclass(slots=True)
class RequiredSkill:
    """A skill a posting asks for, with how strongly and for how long."""

    skill_id: str
    name: str
    surface: str
    importance: Literal["required", "preferred"] = "required"
    min_years: float | None = None
    start: int = 0
    end: int = 0
    confidence: float = 1.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RequiredSkill:
        """Build a required skill from its ``to_dict()`` form."""
        return cls(**_known(cls, data))


@dataclass(slots=True)
class ResumeRecord:
    """Everything parsed from one resume.

    ``id`` is caller-given or ``"cand-"`` plus the first 16 hex digits of
    ``content_hash`` (SHA-256 of the normalised text), so re-parsing the same
    document yields the same id.
    """

    id: str
    source: str = ""
    content_hash: str = ""
    contact: Contact = field(default_factory=Contact)
    location: Location | None = None
    headline: str | None = None
    summary: str | None = None
    skills: list[SkillMention] = field(default_factory=list)
    #: Listed skills no taxonomy in force names (see ``parse/skill_uncatalogued.py``).
    uncatalogued_skills: list[UncataloguedSkill] = field(default_factory=list)
    experience: list[Job] = field(default_factory=list)
    total_experience_months: int = 0
    education: list[EducationEntry] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    occupation_id: str | None = None
    text: str = ""
    sections: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Version of the taxonomy the skills were matched with (``Taxonomy.version``).
    taxonomy_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the record as JSON-ready data (see ``schemas/resume.schema.json``)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ResumeRecord:
        """Rebuild a record from :meth:`to_dict` output."""
        values = _known(cls, data)
        values["contact"] = Contact.from_dict(values.get("contact") or {})
        location = values.get("location")
        values["location"] = Location.from_dict(location) if location else None
        values["skills"] = [SkillMention.from_dict(s) for s in values.get("skills") or []]
        values["uncatalogued_skills"] = [
            UncataloguedSkill.from_dict(s) for s in values.get("uncatalogued_skills") or []
        ]
        values["experience"] = [Job.from_dict(j) for j in values.get("experience") or []]
        values["education"] = [EducationEntry.from_dict(e) for e in values.get("education") or []]
        for name in ("certifications", "languages", "sections", "warnings"):
            values[name] = list(values.get(name) or [])
        return cls(**values)

    def without_pii(self) -> ResumeRecord:
        """Return a copy with the contact block emptied and PII masked everywhere else.

        The name (whole, and each of its words as a word of its own), email,
        phone and links found in the contact block, and any email address, are
        replaced by runs of ``*`` of the same length in ``text``, ``headline``,
        ``summary``, ``source`` (file names often carry the name) and the jobs'
        titles, so every character offset in the record stays valid. Uncatalogued
        skills that hold any of it are dropped.
        """
        mask = _pii_mask(self.contact)
        return replace(
            self,
            contact=Contact(),
            text=mask(self.text),
            source=mask(self.source),
            headline=mask(self.headline) if self.headline else self.headline,
            summary=mask(self.summary) if self.summary else self.summary,
            experience=[
                replace(job, title=mask(job.title)) if job.title else job for job in self.experience
            ],
            uncatalogued_skills=[
                item for item in self.uncatalogued_skills if mask(item.name) == item.name
            ],
        )


def _pii_mask(contact: Contact) -> Callable[[str], str]:
    """A function masking ``contact``'s details (and any email) in a string, length kept."""
    secrets = [contact.name, contact.email, contact.phone, *contact.links]
    patterns = [
        re.escape(secret)
        for secret in sorted({s for s in secrets if s and len(s) >= 3}, key=len, reverse=True)
    ]
    # each word of the name on its own ("Halvorsen", "jane_doe.pdf"), not inside other words
    words = {w for w in re.split(r"[^\w]+|_", contact.name or "") if len(w) >= 2}
    patterns += [rf"(?<![^\W_]){re.escape(w)}(?![^\W_])" for w in sorted(words, key=len)[::-1]]
    found = re.compile("|".join(patterns), re.I) if patterns else None

    def mask(text: str) -> str:
        if found is not None:
            text = found.sub(lambda m: "*" * len(m.group(0)), text)
        return _EMAIL.sub(lambda m: "*" * len(m.group(0)), text)

    return mask


@dataclass(slots=True)
class PostingRecord:
    """Everything parsed from one job posting.

    ``id`` is caller-given or ``"post-"`` plus the first 16 hex digits of
    ``content_hash``. ``remote`` is one of onsite, hybrid, remote, unknown.
    """

    id: str
    source: str = ""
    content_hash: str = ""
    title: str | None = None
    company: str | None = None
    occupation_id: str | None = None
    occupation_confidence: float | None = None
    location: Location | None = None
    remote: str = "unknown"
    employment_type: str | None = None
    salary: Salary | None = None
    skills: list[RequiredSkill] = field(default_factory=list)
    min_years_experience: float | None = None
    education_level: EducationLevel | None = None
    education_field: str | None = None
    description: str = ""
    text: str = ""
    warnings: list[str] = field(default_factory=list)
    #: Version of the taxonomy the skills were matched with (``Taxonomy.version``).
    taxonomy_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the record as JSON-ready data (see ``schemas/posting.schema.json``)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PostingRecord:
        """Rebuild a record from :meth:`to_dict` output."""
        values = _known(cls, data)
        location = values.get("location")
        values["location"] = Location.from_dict(location) if location else None
        salary = values.get("salary")
        values["salary"] = Salary.from_dict(salary) if salary else None
        values["skills"] = [RequiredSkill.from_dict(s) for s in values.get("skills") or []]
        values["warnings"] = list(values.get("warnings") or [])
        return cls(**values)

    @property
    def required_skills(self) -> list[RequiredSkill]:
        """The skills marked required."""
        return [skill for skill in self.skills if skill.importance == "required"]

    @property
    def preferred_skills(self) -> list[RequiredSkill]:
        """The skills marked preferred (nice to have)."""
        return [skill for skill in self.skills if skill.importance == "preferred"]
