"""Work history in many layouts, and total experience with overlaps merged."""

from __future__ import annotations

import pytest

from jobgraph.parse import parse_resume_text
from jobgraph.parse.dates import YearMonth
from jobgraph.parse.experience import total_experience_months
from jobgraph.parse.records import Job
from jobgraph.taxonomy.lookup import TaxonomyLookup

from .conftest import TODAY

LAYOUTS = {
    "pipes": """EXPERIENCE
Software Engineer | Initech Corp | Mar 2019 – Present
• Java services
Data Analyst | Globex Inc | 06/2016 - 02/2019
• SQL reports
""",
    "title_then_dates": """Employment History

Software Engineer
Initech Corp - Austin

Jan. 2020 to Current

Java and SQL.

Data Analyst
Globex Inc - Dallas

2017-2019

Tableau reports.
""",
    "dates_first": """Professional Background:
2019.03 – now: Software Engineer, Initech Corp (Austin, TX)
Java services.
Q1 2015 - Q4 2016: Data Analyst, Globex Inc (Dallas, TX)
SQL reports.
""",
    "dates_right": """WORK EXPERIENCE
Software Engineer, Initech Corp                  since 2021
- Java services
Data Analyst, Globex Inc                          2018 - 2020
- SQL reports
""",
    "company_first": """Experience
==========
Initech Corp — Software Engineer (Sept 2016 – May 2018)
Java services.
Globex Inc — Data Analyst (Jun 2018 – Present)
SQL reports.
""",
    "table_row": """EXPERIENCE
Company | Title | From | To
Initech Corp | Software Engineer | January 2022 | Present
Globex Inc | Data Analyst | March 2019 | December 2021
""",
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layouts_give_title_employer_and_dates(layout: str, lookup: TaxonomyLookup) -> None:
    record = parse_resume_text(LAYOUTS[layout], lookup=lookup, today=TODAY)
    assert len(record.experience) == 2, [(j.title, j.employer) for j in record.experience]
    titles = {job.title for job in record.experience}
    employers = {job.employer for job in record.experience}
    assert titles == {"Software Engineer", "Data Analyst"}
    assert employers == {"Initech Corp", "Globex Inc"}
    for job in record.experience:
        assert job.start is not None and job.months > 0
        assert job.current == (job.end is None)
    assert record.total_experience_months > 0
    assert [job.order for job in record.experience] == [0, 1]


def test_dates_and_months_of_one_layout(lookup: TaxonomyLookup) -> None:
    record = parse_resume_text(LAYOUTS["pipes"], lookup=lookup, today=TODAY)
    first, second = record.experience
    assert (first.start, first.end, first.current, first.months) == ("2019-03", None, True, 64)
    assert (second.start, second.end, second.months) == ("2016-06", "2019-02", 33)
    assert record.total_experience_months == 64 + 33
    assert first.occupation_id == "software-developer"
    assert second.occupation_id == "data-analyst"
    assert record.occupation_id == "software-developer"  # the current job


def test_overlapping_jobs_are_counted_once(lookup: TaxonomyLookup) -> None:
    text = """EXPERIENCE
Software Engineer, Initech Corp, 01/2018 - 12/2019
Evening Instructor, Riverside College, 06/2019 - 05/2020
Software Engineer, Globex Inc, 01/2021 - 06/2021
"""
    record = parse_resume_text(text, lookup=lookup, today=TODAY)
    assert [job.months for job in record.experience] == [24, 12, 6]
    assert record.total_experience_months == 24 + 5 + 6  # 2019-06..12 overlaps


def test_total_experience_function() -> None:
    jobs = [
        Job(start="2020-01", end="2020-12", months=12),
        Job(start="2020-07", current=True, months=0),
        Job(months=9),  # known only by a stated duration
    ]
    assert total_experience_months(jobs, YearMonth(2021, 6)) == 18 + 9


def test_duration_only_jobs(lookup: TaxonomyLookup) -> None:
    text = (
        "Work experience:\nPHP Developer     (9 months)\nAcme Ltd\n"
        "Web Developer (1 year 2 months)\nGlobex Bank\n"
    )
    record = parse_resume_text(text, lookup=lookup, today=TODAY)
    assert [job.months for job in record.experience] == [9, 14]
    assert record.total_experience_months == 23


def test_career_break_is_not_work(lookup: TaxonomyLookup) -> None:
    text = """EXPERIENCE
Software Engineer | Initech Corp | 2019 - 2021
Career break | 2017 - 2018
Data Analyst | Globex Inc | 2015 - 2016
"""
    record = parse_resume_text(text, lookup=lookup, today=TODAY)
    assert [job.employer for job in record.experience] == ["Initech Corp", "Globex Inc"]
    assert record.total_experience_months == 36 + 24


def test_stated_total_when_no_dates(lookup: TaxonomyLookup) -> None:
    record = parse_resume_text(
        "Backend developer with 6+ years of experience in Java.\nSKILLS\nJava", lookup=lookup
    )
    assert record.experience == []
    assert record.total_experience_months == 72
    assert any("stated figure" in warning for warning in record.warnings)


def test_skill_years_come_from_the_jobs_that_mention_them(lookup: TaxonomyLookup) -> None:
    text = """EXPERIENCE
Software Engineer | Initech Corp | 01/2020 - 12/2021
• Python and Docker
Data Engineer | Globex Inc | 01/2017 - 12/2019
• Python and Kafka
SKILLS
Python, Docker, Kafka, Go
"""
    record = parse_resume_text(text, lookup=lookup, today=TODAY)
    years = {skill.skill_id: skill.years for skill in record.skills}
    assert years["python"] == 5.0
    assert years["docker"] == 2.0
    assert years["kafka"] == 3.0
    assert years["go"] is None
    python = next(s for s in record.skills if s.skill_id == "python")
    assert python.section == "skills" and python.mentions == 3


def test_stated_years_next_to_a_skill(lookup: TaxonomyLookup) -> None:
    text = (
        "SUMMARY\n7 years of Python, Java (3 yrs).\n10 years of experience building systems in Go."
    )
    record = parse_resume_text(text, lookup=lookup)
    years = {skill.skill_id: skill.years for skill in record.skills}
    assert years["python"] == 7.0
    assert years["java"] == 3.0
    assert years.get("go") is None  # overall experience, not Go experience
