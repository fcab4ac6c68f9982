"""Structured inputs: JSON Resume documents and schema.org ``JobPosting`` JSON-LD.

Both are rendered to text in a layout the text parsers read well (so skills get
offsets like any other document), and their explicit fields then override
what the text parsers guessed: a JSON Resume's dates, employers and contact
block; a JobPosting's title, company, location, pay and employment type.
"""

from __future__ import annotations

import re
from typing import Any

from jobgraph.parse.dates import parse_date
from jobgraph.parse.degrees import find_degrees
from jobgraph.parse.extract.html import html_text
from jobgraph.parse.posting import PostingHints
from jobgraph.parse.records import Contact, ResumeRecord, Salary

_EMPLOYMENT_TYPES = {
    "full_time": "full_time", "fulltime": "full_time", "part_time": "part_time",
    "parttime": "part_time", "contractor": "contract", "contract": "contract",
    "temporary": "temporary", "per_diem": "temporary", "intern": "internship",
    "internship": "internship",
}  # fmt: skip
_UNITS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
_CREDENTIALS = {
    "high school": "secondary", "associate degree": "associate", "bachelor degree": "bachelor",
    "professional certificate": "vocational", "postgraduate degree": "master",
}  # fmt: skip


def _text(value: Any) -> str:
    """A JSON value as one line of text (lists joined, objects by their name)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value[:50]) if t)
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or "")
    return ""


def _items(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [item for item in value[:200] if isinstance(item, dict)]
    return []


def _values(value: Any) -> list[Any]:
    """A JSON value that should be a list (``highlights``): a list, one value, or nothing."""
    if isinstance(value, list):
        return value[:50]
    return [] if value is None else [value]


def _month(value: Any, *, is_end: bool = False) -> str | None:
    text = _text(value)
    found = parse_date(text[:10], is_end=is_end) or parse_date(text[:7], is_end=is_end)
    found = found or parse_date(text[:4], is_end=is_end)
    return str(found) if found else None


# -- JSON Resume -----------------------------------------------------------------


def _basics(data: dict[str, Any]) -> dict[str, Any]:
    basics = data.get("basics")
    return basics if isinstance(basics, dict) else {}


def render_json_resume(data: dict[str, Any]) -> str:
    """Render a JSON Resume (jsonresume.org schema) as resume text."""
    basics = _basics(data)
    lines = [_text(basics.get("name")), _text(basics.get("label"))]
    contact = [_text(basics.get(key)) for key in ("email", "phone", "url", "website")]
    contact += [_text(p.get("url")) for p in _items(basics.get("profiles"))]
    lines.append(" | ".join(c for c in contact if c))
    lines.append(_place(basics.get("location")))
    if _text(basics.get("summary")):
        lines += ["", "SUMMARY", _text(basics.get("summary"))]
    for heading, key in (("EXPERIENCE", "work"), ("VOLUNTEERING", "volunteer")):
        entries = _items(data.get(key))
        if entries:
            lines += ["", heading]
        for entry in entries:
            start = _month(entry.get("startDate")) or ""
            end = _month(entry.get("endDate"), is_end=True) or ("Present" if start else "")
            employer = _text(entry.get("name") or entry.get("company") or entry.get("organization"))
            header = [_text(entry.get("position")), employer, f"{start} - {end}" if start else ""]
            lines += ["", " | ".join(h for h in header if h)]
            lines += [_text(entry.get("summary"))]
            lines += [f"• {_text(h)}" for h in _values(entry.get("highlights")) if _text(h)]
    if _items(data.get("education")):
        lines += ["", "EDUCATION"]
    for entry in _items(data.get("education")):
        degree = " in ".join(
            t for t in (_text(entry.get("studyType")), _text(entry.get("area"))) if t
        )
        finished = _month(entry.get("endDate"), is_end=True)
        school = _text(entry.get("institution"))
        lines += ["", degree, school + (f", {finished[:4]}" if finished else "")]
    skills = _items(data.get("skills"))
    if skills:
        lines += ["", "SKILLS"]
        for skill in skills:
            keywords = _text(skill.get("keywords"))
            lines.append(
                f"{_text(skill.get('name'))}: {keywords}" if keywords else _text(skill.get("name"))
            )
    for heading, key, fields in (
        ("CERTIFICATIONS", "certificates", ("name", "issuer")),
        ("LANGUAGES", "languages", ("language", "fluency")),
        ("PROJECTS", "projects", ("name", "description", "keywords")),
        ("AWARDS", "awards", ("title", "awarder")),
    ):
        entries = _items(data.get(key))
        if entries:
            lines += ["", heading]
            lines += [
                " - ".join(t for t in (_text(e.get(f)) for f in fields) if t) for e in entries
            ]
    return "\n".join(lines)


def _place(value: Any) -> str:
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return ""
    parts = [_text(value.get(k)) for k in ("city", "addressLocality", "region", "addressRegion",
                                           "countryCode", "addressCountry")]  # fmt: skip
    return ", ".join(dict.fromkeys(p for p in parts if p))


def apply_json_resume(record: ResumeRecord, data: dict[str, Any]) -> ResumeRecord:
    """Overwrite text-parsed fields of ``record`` with the JSON Resume's explicit ones."""
    basics = _basics(data)
    links = [_text(basics.get("url"))] + [
        _text(p.get("url")) for p in _items(basics.get("profiles"))
    ]
    record.contact = Contact(
        name=_text(basics.get("name")) or record.contact.name,
        email=_text(basics.get("email")) or record.contact.email,
        phone=_text(basics.get("phone")) or record.contact.phone,
        links=[link for link in links if link] or record.contact.links,
        location=_place(basics.get("location")) or record.contact.location,
    )
    record.headline = _text(basics.get("label")) or record.headline
    work = [w for w in _items(data.get("work")) if _month(w.get("startDate"))]
    if len(work) == len(record.experience):
        for job, entry in zip(record.experience, work, strict=True):
            job.title = _text(entry.get("position")) or job.title
            job.employer = _text(entry.get("name") or entry.get("company")) or job.employer
    languages = [_text(item.get("language")) for item in _items(data.get("languages"))]
    record.languages = [lang for lang in languages if lang] or record.languages
    certificates = [_text(item.get("name")) for item in _items(data.get("certificates"))]
    record.certifications = [c for c in certificates if c] or record.certifications
    return record


# -- schema.org JobPosting ---------------------------------------------------------


def render_job_posting(data: dict[str, Any]) -> str:
    """Render a JobPosting as posting text (description HTML turned into lines)."""
    description = _text(data.get("description"))
    if "<" in description and ">" in description:
        description = html_text(description, "description")[0]
    lines = [_text(data.get("title")), ""]
    lines.append(description)
    for heading, key in (
        ("Responsibilities", "responsibilities"), ("Qualifications", "qualifications"),
        ("Skills", "skills"), ("Experience requirements", "experienceRequirements"),
        ("Education requirements", "educationRequirements"),
    ):  # fmt: skip
        value = data.get(key)
        text = _text(value) if not isinstance(value, dict) else _text(value.get("description"))
        if text and "<" in text and ">" in text:
            text = html_text(text, key)[0]
        if text:
            lines += ["", heading, text]
    return "\n".join(lines)


def job_posting_hints(data: dict[str, Any]) -> PostingHints:
    """Read the explicit facts of a JobPosting."""
    hints = PostingHints(title=_text(data.get("title")) or None)
    hints.company = _text(data.get("hiringOrganization")) or None
    places = [_place(p.get("address") if isinstance(p, dict) else p)
              for p in _items(data.get("jobLocation"))]  # fmt: skip
    hints.location = next((p for p in places if p), None)
    if hints.location is None:  # remote jobs name where applicants may live
        required = [_text(r) for r in _items(data.get("applicantLocationRequirements"))]
        hints.location = next((r for r in required if r), None)
    location_type = _text(data.get("jobLocationType")).upper()
    if "TELECOMMUTE" in location_type:
        hybrid = "hybrid" in _text(data.get("description")).lower()
        hints.remote = "hybrid" if hybrid else "remote"
    kinds = data.get("employmentType")
    for kind in kinds if isinstance(kinds, list) else [kinds]:
        mapped = _EMPLOYMENT_TYPES.get(re.sub(r"[\s-]", "_", _text(kind)).lower())
        if mapped:
            hints.employment_type = mapped
            break
    hints.salary = _salary(data.get("baseSalary") or data.get("estimatedSalary"))
    experience = data.get("experienceRequirements")
    if isinstance(experience, dict):
        months = experience.get("monthsOfExperience")
        if isinstance(months, (int, float)) and not isinstance(months, bool) and 0 <= months < 600:
            hints.min_years = round(float(months) / 12, 1)
    education = data.get("educationRequirements")
    category = (
        _text(education.get("credentialCategory")).lower() if isinstance(education, dict) else ""
    )
    hints.education_level = _CREDENTIALS.get(category)
    if hints.education_level is None and isinstance(education, str):
        degrees = find_degrees(education)
        hints.education_level = degrees[0].level if degrees else None
    return hints


def _salary(value: Any) -> Salary | None:
    amount = value[0] if isinstance(value, list) and value else value
    if not isinstance(amount, dict):
        return None
    currency = _text(amount.get("currency")).upper() or None
    inner = amount.get("value")
    low = high = None
    unit = ""
    if isinstance(inner, dict):
        low, high = _number(inner.get("minValue")), _number(inner.get("maxValue"))
        single = _number(inner.get("value"))
        low, high = low or single, high or single
        unit = _text(inner.get("unitText")).upper()
    else:
        low = high = _number(inner)
    unit = unit or _text(amount.get("unitText")).upper()
    if low is None and high is None:
        return None
    if currency and not re.fullmatch(r"[A-Z]{3}", currency):
        currency = None
    return Salary(min=low, max=high, currency=currency, period=_UNITS.get(unit))


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value >= 0 else None
    if isinstance(value, str):
        try:
            number = float(value.replace(",", ""))
        except ValueError:
            return None
        return number if number >= 0 else None
    return None
