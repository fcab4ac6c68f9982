"""Ground truth of synthetic candidates and postings, before any rendering.

A candidate has a target occupation and a career that climbs its ladder: the
jobs before the current one are occupations sharing its root in the
``broader`` tree with equal or lower seniority (or, where the ladder has a
single rung, the same occupation). Skills come from the occupations held;
a skill's years are the months of the jobs whose occupation lists it.

A posting picks an occupation, most of its essential skills as required and a
few optional ones as preferred, and a minimum experience that rises with the
occupation's seniority.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from jobgraph.synth import names
from jobgraph.synth.catalog import Catalog, OccupationProfile

# Years of experience a candidate at each seniority (0..4) typically has.
YEARS_BY_SENIORITY = {0: (0.5, 3.0), 1: (2.0, 7.0), 2: (5.0, 12.0), 3: (8.0, 18.0), 4: (12.0, 25.0)}
MAX_CANDIDATE_SKILLS = 22
MIN_YEARS_BY_SENIORITY = {0: (0, 1), 1: (1, 3), 2: (3, 6), 3: (5, 8), 4: (8, 12)}
BASE_SALARY_BY_SENIORITY = {0: 42_000, 1: 58_000, 2: 82_000, 3: 105_000, 4: 140_000}
EDUCATION_BY_FAMILY: dict[str, tuple[tuple[str, float], ...]] = {
    "software": (("bachelor", 0.7), ("master", 0.25), ("associate", 0.05)),
    "data": (("bachelor", 0.45), ("master", 0.45), ("doctorate", 0.1)),
    "security": (("bachelor", 0.7), ("master", 0.2), ("associate", 0.1)),
    "it-operations": (("associate", 0.4), ("bachelor", 0.5), ("vocational", 0.1)),
    "nursing": (("bachelor", 0.6), ("associate", 0.3), ("master", 0.1)),
    "healthcare": (("vocational", 0.3), ("associate", 0.3), ("bachelor", 0.3), ("master", 0.1)),
    "legal": (("bachelor", 0.4), ("doctorate", 0.4), ("vocational", 0.2)),
    "construction": (("vocational", 0.6), ("secondary", 0.2), ("bachelor", 0.2)),
    "manufacturing": (
        ("vocational", 0.5),
        ("secondary", 0.2),
        ("associate", 0.15),
        ("bachelor", 0.15),
    ),
    "logistics": (("secondary", 0.5), ("vocational", 0.3), ("bachelor", 0.2)),
    "hospitality": (("secondary", 0.4), ("vocational", 0.5), ("bachelor", 0.1)),
    "customer-service": (("secondary", 0.6), ("associate", 0.3), ("bachelor", 0.1)),
    "education": (("bachelor", 0.6), ("master", 0.4)),
}
DEFAULT_EDUCATION = (("bachelor", 0.7), ("master", 0.2), ("associate", 0.1))
FIELDS_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "software": ("Computer Science", "Software Engineering", "Information Technology"),
    "data": ("Statistics", "Mathematics", "Computer Science", "Economics"),
    "it-operations": ("Information Technology", "Network Administration", "Computer Science"),
    "security": ("Cybersecurity", "Information Security", "Computer Science"),
    "nursing": ("Nursing",),
    "healthcare": ("Health Sciences", "Pharmacy", "Medical Assisting", "Radiologic Technology"),
    "finance": ("Finance", "Economics", "Business Administration"),
    "accounting": ("Accounting", "Finance", "Business Administration"),
    "sales": ("Business Administration", "Marketing", "Communications"),
    "marketing": ("Marketing", "Communications", "Journalism"),
    "logistics": ("Supply Chain Management", "Logistics", "Business Administration"),
    "manufacturing": ("Mechanical Engineering", "Industrial Technology", "Machining"),
    "construction": ("Construction Management", "Civil Engineering", "Electrical Technology"),
    "education": ("Education", "Elementary Education", "Mathematics", "English"),
    "legal": ("Law", "Paralegal Studies", "Political Science"),
    "hr": ("Human Resources Management", "Psychology", "Business Administration"),
    "design": ("Graphic Design", "Interaction Design", "Fine Arts"),
    "hospitality": ("Culinary Arts", "Hospitality Management", "Tourism"),
    "customer-service": ("Business Administration", "Communications"),
    "public-sector": ("Public Policy", "Social Work", "Public Administration", "Economics"),
}
DEFAULT_FIELDS = ("Business Administration", "General Studies")
REMOTE_MODES = (("onsite", 0.5), ("hybrid", 0.3), ("remote", 0.2))
EMPLOYMENT_TYPES = (
    ("full_time", 0.85),
    ("part_time", 0.06),
    ("contract", 0.06),
    ("temporary", 0.03),
)


@dataclass(slots=True)
class JobTruth:
    """One generated job; months are indexes (year * 12 + month - 1)."""

    occupation_id: str
    title: str
    employer: str
    city: str
    start: int
    end: int | None
    skills: tuple[str, ...] = ()


@dataclass(slots=True)
class EducationTruth:
    """One generated degree."""

    level: str
    field: str | None
    institution: str
    year: int


@dataclass(slots=True)
class CandidateTruth:
    """Everything known about a generated candidate."""

    id: str
    occupation_id: str
    family: str
    seniority: int
    name: str
    email: str
    phone: str
    location: str
    jobs: list[JobTruth]
    skills: dict[str, float]
    education: list[EducationTruth]
    total_months: int
    surfaces: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class PostingTruth:
    """Everything known about a generated posting."""

    id: str
    occupation_id: str
    family: str
    title: str
    company: str
    location: str
    required: tuple[str, ...]
    preferred: tuple[str, ...]
    min_years: int
    education_level: str | None
    education_field: str | None
    remote: str
    employment_type: str
    salary: tuple[int, int, str, str]
    surfaces: dict[str, str] = field(default_factory=dict)


def employer_for(rng: random.Random, catalog: Catalog, family: str) -> str:
    """An invented employer whose name names no skill."""
    stems = catalog.clean(names.COMPANY_STEMS, "Northwind")
    nouns = catalog.clean(names.COMPANY_NOUNS.get(family, names.DEFAULT_NOUNS), "Group")
    return names.employer(rng, stems, nouns)


def fields_for(catalog: Catalog, family: str) -> tuple[str, ...]:
    """Degree fields for a family, without those that are skill names themselves."""
    return catalog.clean(FIELDS_BY_FAMILY.get(family, DEFAULT_FIELDS), "General Studies")


def weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    """Pick one option by weight."""
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def title_for(rng: random.Random, profile: OccupationProfile) -> str:
    """The occupation's title, or now and then one of its alternative titles."""
    alternatives = profile.occupation.alt_titles
    if alternatives and rng.random() < 0.3:
        return rng.choice(alternatives)
    return profile.occupation.title


def surface_for(rng: random.Random, catalog: Catalog, skill_id: str) -> str:
    """How a document writes a skill: usually its name, sometimes an alias."""
    forms = catalog.surfaces[skill_id]
    return forms[0] if len(forms) == 1 or rng.random() < 0.75 else rng.choice(forms[1:])


def _pick(rng: random.Random, pool: tuple[str, ...], share: float, at_least: int) -> list[str]:
    count = min(len(pool), max(at_least, round(len(pool) * share)))
    return rng.sample(list(pool), count)


def _previous_occupation(rng: random.Random, catalog: Catalog, current: str) -> str:
    ladder = catalog.ladders[catalog.profiles[current].root]
    seniority = catalog.taxonomy.occupations[current].seniority
    lower = [o for o in ladder if catalog.taxonomy.occupations[o].seniority < seniority]
    same = [o for o in ladder if catalog.taxonomy.occupations[o].seniority == seniority]
    if lower and rng.random() < 0.7:
        top = max(catalog.taxonomy.occupations[o].seniority for o in lower)
        return rng.choice([o for o in lower if catalog.taxonomy.occupations[o].seniority == top])
    return rng.choice(same or [current])


def _cap_skills(jobs: list[JobTruth], limit: int) -> None:
    """Drop skills of the oldest jobs until the candidate has at most ``limit``."""
    kept: list[str] = []
    for job in jobs:
        room = [s for s in job.skills if s in kept or len(kept) < limit]
        kept += [s for s in room if s not in kept]
        job.skills = tuple(room[:])


def _job_skills(rng: random.Random, profile: OccupationProfile, first: bool) -> tuple[str, ...]:
    # The current job brings most of its occupation's skills, earlier ones fewer.
    if first:
        chosen = _pick(rng, profile.essential, 0.7, 3) + _pick(rng, profile.optional, 0.3, 0)
    else:
        chosen = _pick(rng, profile.essential, 0.35, 1) + _pick(rng, profile.optional, 0.1, 0)
    return tuple(chosen)


def _career(rng: random.Random, catalog: Catalog, occupation_id: str, as_of: int) -> list[JobTruth]:
    """Jobs from the current one backwards, climbing down the ladder (see module docs)."""
    seniority = max(0, min(4, catalog.profiles[occupation_id].occupation.seniority))
    low, high = YEARS_BY_SENIORITY[seniority]
    remaining = max(4, round(rng.uniform(low, high) * 12))
    jobs: list[JobTruth] = []
    end: int | None = None if rng.random() < 0.85 else as_of - rng.randint(1, 10)
    current = occupation_id
    while remaining > 0 and len(jobs) < 5:
        length = min(remaining, rng.randint(10, 60))
        start = (as_of if end is None else end) - length + 1
        profile = catalog.profiles[current]
        jobs.append(
            JobTruth(
                occupation_id=current,
                title=title_for(rng, profile),
                employer=employer_for(rng, catalog, profile.family),
                city=names.city(rng),
                start=start,
                end=end,
                skills=_job_skills(rng, profile, first=not jobs),
            )
        )
        remaining -= length
        gap = rng.randint(3, 14) if rng.random() < 0.12 else rng.randint(0, 1)
        end = start - 1 - gap
        current = _previous_occupation(rng, catalog, current)
    if len(jobs) >= 2 and rng.random() < 0.06:
        # A side job running alongside the current one.
        profile = catalog.profiles[occupation_id]
        side_start = min(jobs[0].start + rng.randint(1, 6), as_of - 2)
        side = JobTruth(
            occupation_id=occupation_id,
            title=f"Freelance {profile.occupation.title}",
            employer=employer_for(rng, catalog, profile.family),
            city=names.city(rng),
            start=side_start,
            end=min(as_of, side_start + rng.randint(4, 14)),
            skills=jobs[0].skills[:2],
        )
        jobs.insert(1, side)
    _cap_skills(jobs, MAX_CANDIDATE_SKILLS)
    return jobs


def _months(jobs: list[JobTruth], as_of: int) -> dict[str, set[int]]:
    """Months worked, in total (key ``""``) and per skill."""
    covered: dict[str, set[int]] = {"": set()}
    for job in jobs:
        months = range(job.start, (as_of if job.end is None else job.end) + 1)
        covered[""].update(months)
        for skill_id in job.skills:
            covered.setdefault(skill_id, set()).update(months)
    return covered


def _education(
    rng: random.Random, catalog: Catalog, family: str, first_job_year: int
) -> list[EducationTruth]:
    level = weighted(rng, EDUCATION_BY_FAMILY.get(family, DEFAULT_EDUCATION))
    fields = fields_for(catalog, family)
    field_name = None if level == "secondary" else rng.choice(fields)
    year = first_job_year - rng.randint(0, 2)
    education = [EducationTruth(level, field_name, names.school(rng, level), year)]
    if level == "master" and rng.random() < 0.6:
        earlier = year - rng.randint(1, 3)
        school = names.school(rng, "bachelor")
        education.append(EducationTruth("bachelor", rng.choice(fields), school, earlier))
    return education


def make_candidate(
    rng: random.Random, catalog: Catalog, occupation_id: str, candidate_id: str, as_of: int
) -> CandidateTruth:
    """Generate one candidate whose current job is ``occupation_id``.

    Args:
        rng: The candidate's own random generator.
        catalog: The indexed taxonomy.
        occupation_id: Target (current) occupation.
        candidate_id: Id written to the truth files.
        as_of: Month index of "today" for the corpus.

    Returns:
        The candidate's truth, with the surface form chosen for each skill.
    """
    profile = catalog.profiles[occupation_id]
    jobs = _career(rng, catalog, occupation_id, as_of)
    covered = _months(jobs, as_of)
    worked = covered.pop("")
    skills = {skill_id: round(len(months) / 12, 1) for skill_id, months in covered.items()}
    name = names.person_name(
        rng, catalog.clean(names.FIRST_NAMES, "Alex"), catalog.clean(names.LAST_NAMES, "Morgan")
    )
    first_job_year = min(job.start for job in jobs) // 12
    truth = CandidateTruth(
        id=candidate_id,
        occupation_id=occupation_id,
        family=profile.family,
        seniority=max(0, min(4, profile.occupation.seniority)),
        name=name,
        email=names.email_for(rng, name),
        phone=names.phone_number(rng),
        location=names.location(rng),
        jobs=jobs,
        skills=skills,
        education=_education(rng, catalog, profile.family, first_job_year),
        total_months=len(worked),
    )
    truth.surfaces = {skill_id: surface_for(rng, catalog, skill_id) for skill_id in skills}
    return truth


def make_posting(
    rng: random.Random, catalog: Catalog, occupation_id: str, posting_id: str
) -> PostingTruth:
    """Generate one posting for ``occupation_id``."""
    profile = catalog.profiles[occupation_id]
    seniority = max(0, min(4, profile.occupation.seniority))
    required = _pick(rng, profile.essential, rng.uniform(0.5, 0.9), min(3, len(profile.essential)))
    preferred = _pick(rng, profile.optional, rng.uniform(0.15, 0.4), 0)[:5]
    if not required and preferred:
        required, preferred = preferred[:1], preferred[1:]
    low, high = MIN_YEARS_BY_SENIORITY[seniority]
    family_levels = EDUCATION_BY_FAMILY.get(profile.family, DEFAULT_EDUCATION)
    level: str | None = weighted(rng, family_levels) if rng.random() < 0.75 else None
    fields = fields_for(catalog, profile.family)
    base = BASE_SALARY_BY_SENIORITY[seniority] * rng.uniform(0.8, 1.25)
    salary_min = int(round(base / 1000) * 1000)
    salary = (salary_min, int(salary_min * rng.uniform(1.1, 1.3) // 1000 * 1000), "USD", "year")
    employment = weighted(rng, EMPLOYMENT_TYPES)
    if rng.random() < 0.25 and seniority <= 1:
        hourly = max(15, round(salary_min / 2080))
        salary = (hourly, hourly + rng.randint(2, 8), "USD", "hour")
    truth = PostingTruth(
        id=posting_id,
        occupation_id=occupation_id,
        family=profile.family,
        title=title_for(rng, profile),
        company=employer_for(rng, catalog, profile.family),
        location=names.location(rng),
        required=tuple(required),
        preferred=tuple(preferred),
        min_years=rng.randint(low, high),
        education_level=level,
        education_field=None if level in (None, "secondary") else rng.choice(fields),
        remote=weighted(rng, REMOTE_MODES),
        employment_type=employment,
        salary=salary,
    )
    truth.surfaces = {s: surface_for(rng, catalog, s) for s in (*required, *preferred)}
    return truth
