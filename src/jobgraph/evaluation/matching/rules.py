"""The written grading rules of the hand-written labelled set (``data/labelled/RULES.md``).

A grade (0–3) is a function of facts written per document, never of the text
the methods read: the relation of the candidate's occupations to the posting's,
the share of required skills the candidate has, relevant years against the
posting's minimum (and maximum), education and location. RULES.md states the
same rules in prose; the unit tests hold the two together on the hard cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

AS_OF_YEAR = 2025
EDUCATION_LEVELS = (
    "none",
    "high-school",
    "certificate",
    "associate",
    "bachelor",
    "master",
    "doctorate",
)
#: How far past a posting's maximum years a candidate is over-qualified.
OVERQUALIFIED_MARGIN = 2


@dataclass(frozen=True)
class JobFacts:
    """One job of a resume."""

    title: str
    employer: str
    occupation: str
    start: int
    end: int  # 0: present
    skills: tuple[str, ...] = ()

    @property
    def years(self) -> int:
        """Whole years in the job, up to :data:`AS_OF_YEAR`."""
        return (self.end or AS_OF_YEAR) - self.start


@dataclass(frozen=True)
class ResumeFacts:
    """What the grading rules know about a resume."""

    id: str
    name: str
    location: str
    region: str
    relocate: bool
    education_level: str
    jobs: tuple[JobFacts, ...]
    extra_skills: tuple[str, ...] = ()
    objective: str | None = None
    education_field: str = ""
    school: str = ""
    note: str = ""

    @property
    def current(self) -> JobFacts:
        """The current job (``end == 0``), else the latest."""
        return max(self.jobs, key=lambda job: (job.end == 0, job.end, job.start))

    @property
    def skills(self) -> frozenset[str]:
        """Every skill the resume shows, lower-cased."""
        names = set(self.extra_skills)
        for job in self.jobs:
            names.update(job.skills)
        return frozenset(name.lower() for name in names)

    @property
    def years(self) -> int:
        """Total years of work."""
        return sum(job.years for job in self.jobs)


@dataclass(frozen=True)
class PostingFacts:
    """What the grading rules know about a posting."""

    id: str
    title: str
    company: str
    occupation: str
    location: str
    remote: str  # remote | hybrid | onsite
    min_years: int
    education_level: str
    required: tuple[str, ...]
    preferred: tuple[str, ...] = ()
    max_years: int | None = None
    size: str = ""
    duties: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Grade:
    """A grade with the facts it came from (kept in the pairs file for readers)."""

    grade: int
    relation: str
    coverage: float
    relevant_years: int
    capped_by: tuple[str, ...]


def relation(resume: ResumeFacts, posting: PostingFacts, families: dict[str, str]) -> str:
    """``same``, ``past``, ``family`` or ``other`` (RULES.md, "Relation")."""
    if resume.current.occupation == posting.occupation:
        return "same"
    others = {job.occupation for job in resume.jobs}
    if posting.occupation in others or resume.objective == posting.occupation:
        return "past"
    family = families[posting.occupation]
    own = {families[occupation] for occupation in others}
    if resume.objective:
        own.add(families[resume.objective])
    return "family" if family in own else "other"


def relevant_years(resume: ResumeFacts, posting: PostingFacts, families: dict[str, str]) -> int:
    """Years in jobs of the posting's family."""
    family = families[posting.occupation]
    return sum(job.years for job in resume.jobs if families[job.occupation] == family)


def _education_met(resume: ResumeFacts, posting: PostingFacts) -> bool:
    level = EDUCATION_LEVELS.index
    return level(resume.education_level) >= level(posting.education_level)


def _location_met(resume: ResumeFacts, posting: PostingFacts) -> bool:
    return posting.remote == "remote" or resume.location == posting.location or resume.relocate


def grade_pair(resume: ResumeFacts, posting: PostingFacts, families: dict[str, str]) -> Grade:
    """Grade one pair by the rules of RULES.md.

    Args:
        resume: The resume's facts.
        posting: The posting's facts.
        families: Occupation -> family.

    Returns:
        The grade and the facts behind it.
    """
    kind = relation(resume, posting, families)
    required = [skill.lower() for skill in posting.required]
    coverage = sum(1 for skill in required if skill in resume.skills) / len(required)
    years = relevant_years(resume, posting, families)
    enough = years >= posting.min_years
    nearly = years >= posting.min_years - 1
    if kind == "same" and coverage == 1.0 and enough:
        grade = 3
    elif (kind in ("same", "past") and coverage >= 0.75 and nearly) or (
        kind == "family" and coverage == 1.0 and nearly
    ):
        grade = 2
    elif (kind != "other" and coverage >= 0.5) or coverage >= 0.75:
        grade = 1
    else:
        grade = 0
    caps: list[str] = []
    if posting.max_years is not None and years > posting.max_years + OVERQUALIFIED_MARGIN:
        caps.append("over-qualified")
        grade = min(grade, 2)
    if not _education_met(resume, posting):
        caps.append("education")
        grade = min(grade, 2)
    if not _location_met(resume, posting):
        caps.append("location")
        grade = min(grade, 1)
    return Grade(grade, kind, round(coverage, 3), years, tuple(caps))
