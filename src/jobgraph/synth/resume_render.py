"""Turn a :class:`~jobgraph.synth.profiles.CandidateTruth` into resume blocks.

Every skill of the candidate is written somewhere: in the job bullets of the
jobs that used it, in the skills section, or (certifications and languages) in
their own sections, so the truth file and the document agree.
"""

from __future__ import annotations

import random

from jobgraph.synth.catalog import Catalog
from jobgraph.synth.layout import Block, Style, range_text
from jobgraph.synth.profiles import CandidateTruth, EducationTruth

BULLET_TEMPLATES = (
    "Used {a} day to day on {work}",
    "Applied {a} and {b} to {work}",
    "Led work on {work} with {a}",
    "Improved {work} through {a}",
    "Responsible for {work}; main tools and methods: {a}, {b}",
    "Introduced {a} for {work}, cutting turnaround by {n}%",
    "Trained {n} colleagues in {a}",
)
WORK_BY_FAMILY = {
    "software": ("customer-facing services", "the core platform", "internal tools"),
    "data": ("reporting for leadership", "forecasting projects", "the analytics platform"),
    "it-operations": ("the server estate", "user support", "network upgrades"),
    "security": ("incident handling", "the security programme", "audit findings"),
    "nursing": ("patient care on the ward", "shift handovers", "patient safety"),
    "healthcare": ("patient appointments", "clinical services", "patient care"),
    "finance": ("monthly reporting", "client portfolios", "planning cycles"),
    "accounting": ("month-end close", "audit preparation", "the ledgers"),
    "sales": ("key accounts", "the sales pipeline", "new territories"),
    "marketing": ("campaigns", "the brand", "lead generation"),
    "logistics": ("warehouse operations", "deliveries", "inventory flow"),
    "manufacturing": ("production lines", "quality checks", "plant output"),
    "construction": ("site work", "commercial projects", "renovations"),
    "education": ("lessons", "student progress", "the curriculum"),
    "legal": ("case files", "client matters", "contracts"),
    "hr": ("hiring", "employee programmes", "HR operations"),
    "design": ("product screens", "brand assets", "client projects"),
    "hospitality": ("guest service", "the kitchen", "daily operations"),
    "customer-service": ("customer enquiries", "the support queue", "escalations"),
    "public-sector": ("public programmes", "policy reviews", "community services"),
}
DEFAULT_WORK = ("daily operations", "team projects", "client work")
DEGREE_NAMES = {
    "secondary": ("High School Diploma", "Secondary School Certificate"),
    "vocational": ("Diploma", "Certificate", "Vocational Diploma"),
    "associate": ("Associate of Applied Science", "Associate Degree", "A.A.S."),
    "bachelor": ("Bachelor of Science", "B.Sc.", "Bachelor of Arts", "BA", "BS"),
    "master": ("Master of Science", "M.Sc.", "Master of Arts", "MA"),
    "doctorate": ("PhD", "Ph.D.", "Doctor of Philosophy"),
}
LANGUAGE_LEVELS = ("native", "fluent", "professional", "conversational", "basic")


def _heading(blocks: list[Block], style: Style, key: str) -> None:
    blocks.append(("heading", style.section_names[key]))


def _entry_lines(title: str, employer: str, city: str, dates: str, layout: int) -> list[str]:
    if layout == 0:
        return [f"{title} | {employer} | {dates}"]
    if layout == 1:
        return [f"{employer} — {title}", dates]
    if layout == 2:
        return [f"{title}, {employer} ({dates})"]
    if layout == 3:
        return [title, f"{employer}, {city}", dates]
    if layout == 4:
        return [dates, f"{title} at {employer}"]
    head = f"{title} — {employer}"
    return [f"{head}{' ' * max(4, 70 - len(head) - len(dates))}{dates}"]


def _bullets(
    rng: random.Random, catalog: Catalog, skills: list[str], surfaces: dict[str, str], family: str
) -> tuple[list[str], set[str]]:
    """Up to four bullets naming the given skills; also returns the skills actually named."""
    work = catalog.clean(WORK_BY_FAMILY.get(family, DEFAULT_WORK), "daily work")
    items: list[str] = []
    named: set[str] = set()
    queue = list(skills)
    while queue and len(items) < 4:
        template = rng.choice(BULLET_TEMPLATES)
        first = queue.pop(0)
        needs_second = "{b}" in template
        if needs_second and not queue:
            template = BULLET_TEMPLATES[0]
            needs_second = False
        second = queue.pop(0) if needs_second else None
        named.update(s for s in (first, second) if s)
        items.append(
            template.format(
                a=surfaces[first],
                b=surfaces[second] if second else "",
                work=rng.choice(work),
                n=rng.randint(3, 40),
            )
        )
    return items, named


def _degree_line(rng: random.Random, degree: EducationTruth, layout: int) -> list[str]:
    name = rng.choice(DEGREE_NAMES[degree.level])
    title = f"{name} in {degree.field}" if degree.field else name
    if layout == 0:
        return [f"{title} — {degree.institution}, {degree.year}"]
    if layout == 1:
        return [degree.institution, f"{title}, {degree.year}"]
    return [f"{degree.year}  {title}, {degree.institution}"]


def _skills_section(
    rng: random.Random, catalog: Catalog, surfaces: list[tuple[str, str]], layout: int
) -> list[Block]:
    names = [surface for _, surface in surfaces]
    if layout == 0:
        return [("para", ", ".join(names))]
    if layout == 1:
        return [("bullets", names)]
    if layout == 2:
        return [("para", " | ".join(names))]
    if layout == 3:
        groups: dict[str, list[str]] = {}
        for skill_id, surface in surfaces:
            category = catalog.taxonomy.skills[skill_id].category or "other"
            label = catalog.clean((category[:1].upper() + category[1:],), "Other")[0]
            groups.setdefault(label, []).append(surface)
        return [("para", f"{label}: {', '.join(items)}") for label, items in groups.items()]
    return [("para", " · ".join(names))]


def resume_blocks(
    rng: random.Random, catalog: Catalog, truth: CandidateTruth, style: Style
) -> list[Block]:
    """Lay out one candidate's resume (see module docstring)."""
    surface = truth.surfaces
    blocks: list[Block] = [("name", truth.name)]
    current = truth.jobs[0]
    if rng.random() < 0.7:
        blocks.append(("line", current.title))
    separator = rng.choice((" | ", " · ", "  ", " // "))
    blocks.append(("line", separator.join((truth.email, truth.phone, truth.location))))

    special = [s for s in truth.skills if catalog.is_certification(s) or catalog.is_language(s)]
    plain = [s for s in truth.skills if s not in special]
    mentioned: set[str] = set()
    job_bullets = []
    for job in truth.jobs:
        chosen = [s for s in job.skills if s in plain and rng.random() < 0.5][:6]
        bullets, named = _bullets(rng, catalog, chosen, surface, truth.family)
        mentioned.update(named)
        job_bullets.append(bullets)

    if rng.random() < 0.6 and plain:
        years = max(1, round(truth.total_months / 12))
        highlights = [surface[s] for s in plain[:3]]
        mentioned.update(plain[:3])
        _heading(blocks, style, "summary")
        blocks.append(
            (
                "para",
                f"{current.title} with {years} years of experience. "
                f"Strengths include {', '.join(highlights)}.",
            )
        )

    listed = [s for s in plain if s not in mentioned or rng.random() < 0.6]
    skills_first = rng.random() < 0.5
    if skills_first and listed:
        _heading(blocks, style, "skills")
        blocks += _skills_section(
            rng, catalog, [(s, surface[s]) for s in listed], style.skills_layout
        )
    _heading(blocks, style, "experience")
    for job, bullets in zip(truth.jobs, job_bullets, strict=True):
        dates = range_text(job.start, job.end, style)
        blocks.append(
            ("entry", _entry_lines(job.title, job.employer, job.city, dates, style.entry_layout))
        )
        if bullets:
            blocks.append(("bullets", bullets))
    _heading(blocks, style, "education")
    for degree in truth.education:
        blocks.append(("entry", _degree_line(rng, degree, style.education_layout)))
    if not skills_first and listed:
        _heading(blocks, style, "skills")
        blocks += _skills_section(
            rng, catalog, [(s, surface[s]) for s in listed], style.skills_layout
        )
    certificates = [surface[s] for s in special if catalog.is_certification(s)]
    if certificates:
        _heading(blocks, style, "certifications")
        blocks.append(("bullets", certificates))
    languages = [surface[s] for s in special if catalog.is_language(s)]
    if languages:
        _heading(blocks, style, "languages")
        blocks.append(
            ("para", ", ".join(f"{name} ({rng.choice(LANGUAGE_LEVELS)})" for name in languages))
        )
    return blocks
