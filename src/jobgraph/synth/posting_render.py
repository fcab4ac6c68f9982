"""Turn a :class:`~jobgraph.synth.profiles.PostingTruth` into TXT, Markdown, HTML or JSON-LD.

Required skills appear in the duties and requirements; preferred skills only
under a "nice to have" heading, so the two can be told apart the way a reader
would.
"""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass

from jobgraph.synth.profiles import PostingTruth

REQUIRED_PHRASES = (
    "Experience with {s}",
    "Proficiency in {s}",
    "Strong {s} skills",
    "Working knowledge of {s}",
    "Hands-on experience with {s}",
    "{s}",
)
PREFERRED_HEADINGS = ("Nice to have", "Preferred qualifications", "Bonus points", "Desirable")
REQUIREMENT_HEADINGS = ("Requirements", "What you bring", "Qualifications", "You have", "Must have")
DUTY_HEADINGS = ("Responsibilities", "What you will do", "Duties", "The role")
DUTY_TEMPLATES = (
    "Use {s} in daily work with the team",
    "Own tasks that rely on {s}",
    "Work with colleagues on projects involving {s}",
)
REMOTE_TEXT = {
    "onsite": ("On-site", "In office"),
    "hybrid": ("Hybrid", "Hybrid (2 days on site)"),
    "remote": ("Remote", "Fully remote"),
}
EMPLOYMENT_TEXT = {
    "full_time": "Full-time",
    "part_time": "Part-time",
    "contract": "Contract",
    "temporary": "Temporary",
    "internship": "Internship",
}
SCHEMA_EMPLOYMENT = {
    "full_time": "FULL_TIME",
    "part_time": "PART_TIME",
    "contract": "CONTRACTOR",
    "temporary": "TEMPORARY",
    "internship": "INTERN",
}
EDUCATION_TEXT = {
    "secondary": "High school diploma or equivalent",
    "vocational": "Vocational certificate or diploma in {f}",
    "associate": "Associate degree in {f}",
    "bachelor": "Bachelor's degree in {f} or a related field",
    "master": "Master's degree in {f}",
    "doctorate": "PhD in {f}",
}
SCHEMA_CREDENTIAL = {
    "secondary": "high school",
    "vocational": "professional certificate",
    "associate": "associate degree",
    "bachelor": "bachelor degree",
    "master": "postgraduate degree",
    "doctorate": "postgraduate degree",
}


@dataclass(slots=True)
class PostingParts:
    """The pieces every posting format is assembled from."""

    facts: list[tuple[str, str]]
    intro: str
    duties_heading: str
    duties: list[str]
    requirements_heading: str
    requirements: list[str]
    preferred_heading: str
    preferred: list[str]


def salary_text(salary: tuple[int, int, str, str]) -> str:
    """A salary range as postings write it."""
    low, high, _, period = salary
    if period == "hour":
        return f"${low}–${high} per hour"
    return f"${low:,} – ${high:,} per year"


def posting_parts(rng: random.Random, truth: PostingTruth) -> PostingParts:
    """Choose the wording of one posting."""
    surfaces = truth.surfaces
    required = [surfaces[s] for s in truth.required]
    in_duties = required[: rng.randint(1, min(3, len(required)))] if required else []
    duties = [rng.choice(DUTY_TEMPLATES).format(s=s) for s in in_duties]
    duties.append(f"Collaborate with colleagues across {truth.company}")
    if truth.min_years > 0:
        experience = (
            f"{truth.min_years}+ years of experience as a {truth.title} or in a similar role"
        )
    else:
        experience = "No prior professional experience required"
    requirements = [experience]
    requirements += [rng.choice(REQUIRED_PHRASES).format(s=s) for s in required]
    if truth.education_level:
        field = truth.education_field or "a relevant field"
        requirements.append(EDUCATION_TEXT[truth.education_level].format(f=field))
    facts = [
        ("Company", truth.company),
        ("Location", truth.location),
        ("Work mode", rng.choice(REMOTE_TEXT[truth.remote])),
        ("Employment type", EMPLOYMENT_TEXT[truth.employment_type]),
        ("Salary", salary_text(truth.salary)),
    ]
    return PostingParts(
        facts=facts,
        intro=f"{truth.company} is hiring a {truth.title} to join our team in "
        f"{truth.location.split(',')[0]}.",
        duties_heading=rng.choice(DUTY_HEADINGS),
        duties=duties,
        requirements_heading=rng.choice(REQUIREMENT_HEADINGS),
        requirements=requirements,
        preferred_heading=rng.choice(PREFERRED_HEADINGS),
        preferred=[surfaces[s] for s in truth.preferred],
    )


def to_text(truth: PostingTruth, parts: PostingParts, *, markdown: bool = False) -> str:
    """Plain-text or Markdown posting."""
    bullet = "-" if markdown else "*"
    lines = [f"# {truth.title}" if markdown else truth.title]
    lines += [f"{label}: {value}" for label, value in parts.facts]
    lines += ["", parts.intro]
    for heading, items in (
        (parts.duties_heading, parts.duties),
        (parts.requirements_heading, parts.requirements),
        (parts.preferred_heading, parts.preferred),
    ):
        if items:
            lines += ["", f"## {heading}" if markdown else heading]
            lines += [f"{bullet} {item}" for item in items]
    return "\n".join(lines) + "\n"


def _html_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"


def _html_body(parts: PostingParts) -> str:
    sections = [f"<p>{html.escape(parts.intro)}</p>"]
    for heading, items in (
        (parts.duties_heading, parts.duties),
        (parts.requirements_heading, parts.requirements),
        (parts.preferred_heading, parts.preferred),
    ):
        if items:
            sections.append(f"<h2>{html.escape(heading)}</h2>{_html_list(items)}")
    return "\n".join(sections)


def _facts_html(parts: PostingParts) -> str:
    return '<p class="facts">' + " · ".join(html.escape(v) for _, v in parts.facts) + "</p>\n"


def to_html(truth: PostingTruth, parts: PostingParts) -> str:
    """An HTML careers page for the posting."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(truth.title)} – {html.escape(truth.company)}</title></head>\n"
        f"<body><main>\n<h1>{html.escape(truth.title)}</h1>\n{_facts_html(parts)}"
        f"{_html_body(parts)}\n</main></body></html>\n"
    )


def to_jsonld(truth: PostingTruth, parts: PostingParts) -> str:
    """A schema.org ``JobPosting`` as JSON-LD."""
    low, high, currency, period = truth.salary
    town, _, region = truth.location.partition(", ")
    data: dict[str, object] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": truth.title,
        "description": _facts_html(parts) + _html_body(parts),
        "employmentType": SCHEMA_EMPLOYMENT[truth.employment_type],
        "hiringOrganization": {"@type": "Organization", "name": truth.company},
        "jobLocation": {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressLocality": town, "addressRegion": region},
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": currency,
            "value": {
                "@type": "QuantitativeValue",
                "minValue": low,
                "maxValue": high,
                "unitText": period.upper(),
            },
        },
        "experienceRequirements": {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": truth.min_years * 12,
        },
    }
    if truth.remote == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
    if truth.education_level:
        data["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": SCHEMA_CREDENTIAL[truth.education_level],
        }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
