"""Posting parsing: importance cues, years, salary, work terms, degree, title."""

from __future__ import annotations

import pytest

from jobgraph.parse import parse_posting_text
from jobgraph.parse.cues import find_years
from jobgraph.parse.importance import importance_at
from jobgraph.parse.posting import clean_title
from jobgraph.parse.salary import find_salary
from jobgraph.parse.title_skills import title_skill
from jobgraph.parse.work_terms import employment_type, remote_mode
from jobgraph.taxonomy.lookup import TaxonomyLookup

POSTING = """Senior Backend Engineer (m/f/d)
Company: Lakeside Logistics GmbH
Location: Hamburg, Germany (Hybrid)

Requirements
- 5+ years of experience building backend services
- At least 3 years' experience with Python
- Strong SQL and PostgreSQL skills
- Relational databases, ideally Kafka or Docker
- Bachelor's degree in Computer Science or a related field

Nice to have
- Go
- Experience with Kubernetes is a plus

What we offer
- Salary: €70,000 – €85,000 per year
- A Java conference budget
"""


def test_posting_record(lookup: TaxonomyLookup) -> None:
    record = parse_posting_text(POSTING, lookup=lookup)
    assert record.title == "Senior Backend Engineer"
    assert record.company == "Lakeside Logistics GmbH"
    assert record.location is not None and record.location.country == "Germany"
    assert record.remote == "hybrid"
    assert record.min_years_experience == 5
    assert (record.education_level, record.education_field) == ("bachelor", "Computer Science")
    assert record.salary is not None
    assert (record.salary.min, record.salary.max, record.salary.currency) == (70000, 85000, "EUR")
    importance = {skill.skill_id: skill.importance for skill in record.skills}
    assert importance["python"] == "required"
    assert importance["sql"] == "required"
    assert importance["postgresql"] == "required"
    assert importance["go"] == "preferred"
    assert importance["kubernetes"] == "preferred"
    assert importance["kafka"] == "preferred"  # "ideally" covers its own part only
    assert "java" not in importance  # benefits are not requirements
    assert "computer-science" not in importance  # a degree's field is not a skill
    python = next(skill for skill in record.skills if skill.skill_id == "python")
    assert python.min_years == 3
    assert record.text[python.start : python.end] == python.surface


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Python is required.", "required"),
        ("Go, Rust or Python are a plus.", "preferred"),
        ("Nice to have: Docker; Python.", "preferred"),
        ("Bonus: bilingual English/Spanish; Python experience.", "preferred"),
        ("Help customers by phone. Bonus: bilingual English/Spanish; Python experience.",
         "preferred"),
        ("Requirements: SQL; 3 years. Preferred: a master's degree; Python (any).", "preferred"),
        ("Preferred: a master's degree. Requirements: SQL; Python (any).", "required"),
        ("Nice to have: Docker. Python.", "preferred"),
        ("Must have: Python", "required"),
        ("Python (preferred)", "preferred"),
        ("QuickBooks Online and Python (certified ProAdvisor a plus)", "required"),
        ("Experience with Python would be an asset", "preferred"),
    ],
)
def test_importance_cues(sentence: str, expected: str) -> None:
    start = sentence.index("Python")
    found = importance_at(sentence, start, start + len("Python"), "required", 1.0)
    assert found.label == expected


def test_section_default_applies_without_a_cue() -> None:
    text = "Python experience"
    assert importance_at(text, 0, 6, "preferred", 1.0).label == "preferred"


@pytest.mark.parametrize(
    ("text", "years", "about"),
    [
        ("5+ years of experience in software", 5, True),
        ("at least three years' experience with AWS", 3, True),
        ("3 or more years of experience in a SOC", 3, True),
        ("4 to 6 years of M&A experience", 4, True),
        ("3+ years building iOS apps in Swift", 3, True),
        ("a company with 20 years of history", None, None),
        ("children 5 years old", None, None),
    ],
)
def test_years(text: str, years: float | None, about: bool | None) -> None:
    found = find_years(text)
    if years is None:
        assert not any(m.about_experience for m in found)
    else:
        assert (found[0].years, found[0].about_experience) == (years, about)


@pytest.mark.parametrize(
    ("text", "low", "high", "currency", "period"),
    [
        ("Salary: $120,000 - $150,000 a year", 120000, 150000, "USD", "year"),
        ("€60k–70k", 60000, 70000, "EUR", "year"),
        ("$45/hour", 45, 45, "USD", "hour"),
        ("£35,000 - £40,000 per annum", 35000, 40000, "GBP", "year"),
        ("Rate: 500-600 EUR per day", 500, 600, "EUR", "day"),
        ("CHF 130'000–150'000", 130000, 150000, "CHF", "year"),
        ("Salary | PHP 40,000 - 50,000 monthly", 40000, 50000, "PHP", "month"),
        ("¥4,000,000–¥5,200,000 / year", 4000000, 5200000, "JPY", "year"),
        ("OTE: $160,000 – $190,000. Base salary: $80,000 – $95,000.", 80000, 95000, "USD", "year"),
        ("Up to $85,000 annually", None, 85000, "USD", "year"),
    ],
)
def test_salary(text: str, low: float | None, high: float, currency: str, period: str) -> None:
    salary = find_salary(text)
    assert salary is not None
    assert (salary.min, salary.max, salary.currency, salary.period) == (low, high, currency, period)


@pytest.mark.parametrize(
    "text",
    ["We raised $5 million in funding", "a $2B company", "Python 3.8-3.11", "PHP 7 and Laravel"],
)
def test_not_salaries(text: str) -> None:
    assert find_salary(text) is None


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Fernhill Fitness · Dublin · On-site · Full-time", "onsite"),
        ("Where: Melbourne (remote within Australia)", "remote"),
        ("Bank · Hamburg · Full-time · Hybrid (3 days office)", "hybrid"),
        ("This is a fully remote role.", "remote"),
        ("We work from home two days and 3 days a week in the office", "hybrid"),
        ("Skills: GIS, remote sensing, hybrid cloud", "unknown"),
        ("Location: Remote", "remote"),
        # Meta-line pieces in every spelling the pattern accepts, "onsite" and
        # "office based" included (they once fell outside the mode table: KeyError).
        ("Harbour Analytics · Leeds · Onsite · Permanent", "onsite"),
        ("Harbour Analytics | Leeds | ONSITE | Permanent", "onsite"),
        ("Harbour Analytics · Leeds · On Site · Permanent", "onsite"),
        ("Harbour Analytics · Leeds · Office-based · Permanent", "onsite"),
        ("Harbour Analytics · Leeds · In person · Permanent", "onsite"),
        ("Harbour Analytics · Leeds · Fully remote · Permanent", "remote"),
        ("Harbour Analytics · Leeds · Remote support · Permanent", "unknown"),
    ],
)
def test_remote_mode(text: str, mode: str) -> None:
    assert remote_mode(text) == mode


def test_onsite_piece_in_a_sentence(lookup: TaxonomyLookup) -> None:
    """A comma-split sentence whose piece opens with "onsite" parses to a record."""
    record = parse_posting_text(
        "Data Analyst\n"
        "The first months are remote, onsite in Bristol after that\n"
        "Requirements\n- 2+ years of experience with SQL\n",
        lookup=lookup,
    )
    assert record.remote == "onsite"


@pytest.mark.parametrize(
    ("text", "title", "kind"),
    [
        ("Job Type: Contract", "", "contract"),
        ("We offer full-time and part-time positions", "", "full_time"),
        ("Apply now", "Software Engineering Intern", "internship"),
        ("This is a 6-month contract, possibly longer.", "", "contract"),
        ("A temporary position covering parental leave", "", "temporary"),
        ("Previous internship experience helps; full time role", "", "full_time"),
        ("Contract management and negotiation skills", "", None),
    ],
)
def test_employment_type(text: str, title: str, kind: str | None) -> None:
    assert employment_type(text, title=title) == kind


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("Front-End Developer (React) — Mid-level", "Front-End Developer (React)"),
        ("Penetration Tester — 6-month contract (outside IR35)", "Penetration Tester"),
        (
            "LICENSED PRACTICAL NURSE (LPN/LVN) - PART TIME, WEEKENDS",
            "Licensed Practical Nurse (LPN/LVN)",
        ),
        ("CNC MACHINIST - 1ST SHIFT", "CNC Machinist - 1st Shift"),
        ("Senior Backend Engineer (m/f/d)", "Senior Backend Engineer"),
        ("Registered Nurse - Night Shift", "Registered Nurse - Night Shift"),
    ],
)
def test_clean_title(title: str, clean: str) -> None:
    assert clean_title(title) == clean


def test_preferred_degree_is_no_requirement(lookup: TaxonomyLookup) -> None:
    record = parse_posting_text(
        "Sales Representative\nRequirements\n- Bachelor's degree preferred, not required\n"
        "- No professional experience required\n",
        lookup=lookup,
    )
    assert record.education_level is None
    assert record.min_years_experience == 0


def test_title_names_its_skill(lookup: TaxonomyLookup) -> None:
    # The body never says "UX design"; the title is the evidence.
    text = "Senior UX Designer (Contract)\nCompany: Fenwick Care\n\nRequirements\n- Figma, CSS\n"
    record = parse_posting_text(text, lookup=lookup)
    design = next(skill for skill in record.skills if skill.skill_id == "ux-design")
    assert design.importance == "required"
    assert record.text[design.start : design.end] == design.surface == "UX Designer"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior UX Designer", ("ux-design", "UX Designer")),
        ("Construction Project Manager – Leeds", ("cpm", "Construction Project Manager")),
        ("Project Manager (Construction)", ("pm", "Project Manager")),
        ("Data Analyst, FP&A", ("data-analysis", "Data Analyst")),
        ("Payroll Specialist II", ("payroll", "Payroll Specialist")),
        ("Registered Nurse", None),  # "nurse" names no activity here
        ("Analyst", None),  # no field of work
        ("UX Lead", None),  # not an agent noun
        ("Business Intelligence Analyst", None),  # not an intelligence analyst
        ("---", None),  # nothing to read
    ],
)
def test_title_skill(title: str, expected: tuple[str, str] | None) -> None:
    known = {
        "ux design": "ux-design",
        "construction project management": "cpm",
        "project management": "pm",
        "data analysis": "data-analysis",
        "payroll": "payroll",
        "business intelligence": "bi",
        "intelligence analysis": "intel",
    }
    assert title_skill(title, lambda phrase: known.get(phrase.lower())) == expected


def test_equal_opportunity_statement_asks_for_no_skill(lookup: TaxonomyLookup) -> None:
    text = (
        "HR Generalist\n\nRequirements\n- Python scripting\n\nEqual Employment Opportunity\n"
        "Acme is an Equal Employment Opportunity/Affirmative Action employer. All qualified"
        " applicants receive consideration without regard to race, color or religion.\n"
    )
    assert "eeo" not in {skill.skill_id for skill in parse_posting_text(text, lookup=lookup).skills}
    asked = "HR Generalist\n\nRequirements\n- Working knowledge of EEO rules\n"
    assert "eeo" in {skill.skill_id for skill in parse_posting_text(asked, lookup=lookup).skills}


@pytest.mark.parametrize(
    "heading", ["What you'll get:", "Total Rewards", "Why you’ll love working here"]
)
def test_benefit_headings_close_the_requirements(lookup: TaxonomyLookup, heading: str) -> None:
    text = (
        f"Data Engineer\n\nRequirements\n- Python and SQL\n\n{heading}\n"
        "- Mentorship and a Docker budget\n"
    )
    skills = {skill.skill_id for skill in parse_posting_text(text, lookup=lookup).skills}
    assert {"python", "sql"} <= skills
    assert not skills & {"mentoring", "docker"}


def test_what_the_job_pays_asks_for_no_skill(lookup: TaxonomyLookup) -> None:
    text = (
        "Payroll Administrator\n\nRequirements\n- Excel\n\n"
        "We offer competitive salaries and mentorship budgets. You will receive a generous bonus.\n"
    )
    skills = {skill.skill_id for skill in parse_posting_text(text, lookup=lookup).skills}
    assert "excel" in skills and "mentoring" not in skills
    duty = "Payroll Administrator\n\nDuties\n- Provide mentorship on pay and benefits\n"
    assert "mentoring" in {s.skill_id for s in parse_posting_text(duty, lookup=lookup).skills}
