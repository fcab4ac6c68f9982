"""Title clean-up and seniority reading."""

from __future__ import annotations

import pytest

from jobgraph.taxonomy.job_titles import split_seniority, title_variants


@pytest.mark.parametrize(
    ("title", "core", "rung"),
    [
        ("Sr. Software Engineer", "Software Engineer", 2),
        ("Senior Data Analyst", "Data Analyst", 2),
        ("Junior Web Developer", "Web Developer", 0),
        ("Software Engineer III", "Software Engineer", 2),
        ("Software Engineer II", "Software Engineer", 1),
        ("Engineer I", "Engineer", 0),
        ("Entry-Level Accountant", "Accountant", 0),
        ("Principal Product Designer", "Product Designer", 3),
        ("Lead Nurse", "Nurse", 3),
        ("Marketing Intern", "Marketing", 0),
        ("Accountant, Level 2", "Accountant", 1),
        # Every level the phrase accepts has a rung (fuzz seed 3 found "Lvl5" raising KeyError).
        ("Engineer level 5", "Engineer", 3),
        ("Lvl5 Technician", "Technician", 3),
        # "ı" matches "i" under IGNORECASE but names no rung (fuzz seed 4, a CSV row).
        ("Analyst level \u0131", "Analyst level \u0131", None),
        ("Analyst \u0130I", "Analyst \u0130I", None),
        ("Data Scientist", "Data Scientist", None),
        ("Head of Engineering", "Head of Engineering", None),
        ("Lead", "Lead", None),
        ("Senior", "Senior", None),
    ],
)
def test_split_seniority(title: str, core: str, rung: int | None) -> None:
    assert split_seniority(title) == (core, rung)


def test_variants_drop_noise_progressively() -> None:
    assert title_variants("Senior Nurse (m/f/d) - London") == [
        "Senior Nurse (m/f/d) - London",
        "Senior Nurse - London",
        "Senior Nurse",
    ]
    assert title_variants("Data Engineer | Remote")[-1] == "Data Engineer"
    assert title_variants("Elektriker (m/w/d)")[-1] == "Elektriker"
    assert title_variants("Developer, Full-Time, Berlin")[-1] == "Developer"
    assert title_variants("Analyst at Acme Corp")[-1] == "Analyst"
    assert title_variants("   ") == []


def test_variants_keep_titles_that_contain_separators() -> None:
    # The full title comes first, so a taxonomy title with a comma still matches as written.
    title = "Bookkeeping, Accounting, and Auditing Clerks"
    assert title_variants(title)[0] == title
