"""The public API end to end on the fixture documents, with the built-in taxonomy."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobgraph.errors import ParseError
from jobgraph.parse import (
    parse_bytes,
    parse_file,
    parse_posting_file,
    parse_resume_file,
    parse_resume_text,
)
from jobgraph.parse.records import PostingRecord, ResumeRecord
from jobgraph.taxonomy.builtin import builtin_taxonomy

from .conftest import TODAY


def family(occupation_id: str | None) -> str | None:
    occupations = builtin_taxonomy().occupations
    return occupations[occupation_id].family if occupation_id in occupations else None


def test_resume_pipes(fixtures: Path) -> None:
    record = parse_resume_file(fixtures / "resume_pipes.txt", today=TODAY)
    assert record.source == "resume_pipes.txt"
    assert record.contact.name == "Maria Gonzalez"
    assert record.location is not None and record.location.region == "TX"
    assert [(j.title, j.start, j.current) for j in record.experience] == [
        ("Senior Data Engineer", "2019-03", True),
        ("Data Engineer", "2016-06", False),
    ]
    assert record.total_experience_months == 64 + 33
    ids = {skill.skill_id for skill in record.skills}
    assert {"python", "sql", "docker", "postgresql", "tableau"} <= ids
    assert record.languages == ["English", "Spanish"]
    assert record.education[0].level == "bachelor"
    assert any("AWS Certified Solutions Architect" in c for c in record.certifications)
    assert family(record.occupation_id) == "data"


def test_nurse_pdf(fixtures: Path) -> None:
    record = parse_resume_file(fixtures / "resume_single_column.pdf", today=TODAY)
    assert record.contact.name == "Oliver Brown"
    assert [job.employer for job in record.experience] == [
        "Leeds General Infirmary",
        "St James's Hospital",
    ]
    assert family(record.occupation_id) == "nursing"
    assert record.total_experience_months == 63 + 43  # Apr 2019..Jun 2024, Sep 2015..Mar 2019


def test_json_resume_keeps_its_explicit_fields(fixtures: Path) -> None:
    record = parse_resume_file(fixtures / "resume_jsonresume.json", today=TODAY)
    assert record.contact.name == "Daniel Okafor"
    assert record.contact.links == ["https://github.com/dokafor"]
    assert [(j.employer, j.start, j.end) for j in record.experience] == [
        ("Paystream Ltd", "2020-02", None),
        ("Lagos Web Studio", "2016-05", "2020-01"),
    ]
    assert record.languages == ["English", "Yoruba"]
    assert record.certifications == ["Certified Kubernetes Administrator"]
    assert {"kubernetes", "terraform", "docker"} <= {s.skill_id for s in record.skills}


def test_postings(fixtures: Path) -> None:
    cues = parse_posting_file(fixtures / "posting_cues.txt")
    assert cues.employment_type == "full_time" and cues.remote == "hybrid"
    assert family(cues.occupation_id) == "software"
    jsonld = parse_posting_file(fixtures / "posting_jsonld.html")
    assert jsonld.company == "Lakeview Medical Center"
    assert jsonld.employment_type == "part_time"
    assert jsonld.salary is not None and jsonld.salary.period == "hour"
    assert jsonld.min_years_experience == 2
    assert jsonld.location is not None and jsonld.location.region == "WI"
    remote = parse_posting_file(fixtures / "posting_jobposting.json")
    assert remote.remote == "remote" and remote.salary is not None
    assert remote.salary.currency == "CAD"
    page = parse_posting_file(fixtures / "posting_page.html")
    assert (page.remote, page.employment_type, page.education_level) == (
        "remote", "contract", "associate",
    )  # fmt: skip


def test_parse_file_and_bytes(fixtures: Path) -> None:
    assert isinstance(parse_file(fixtures / "resume_stacked.txt", "resume"), ResumeRecord)
    assert isinstance(parse_file(fixtures / "posting_cues.txt", "posting"), PostingRecord)
    data = (fixtures / "resume_tables.docx").read_bytes()
    record = parse_bytes(data, "upload.docx", "resume")
    assert isinstance(record, ResumeRecord) and record.source == "upload.docx"
    with pytest.raises(ParseError, match="unknown document kind"):
        parse_file(fixtures / "resume_stacked.txt", "letter")


def test_wrong_kind_of_json(fixtures: Path) -> None:
    with pytest.raises(ParseError, match="job posting"):
        parse_resume_file(fixtures / "posting_jobposting.json")
    with pytest.raises(ParseError, match="JSON Resume"):
        parse_posting_file(fixtures / "resume_jsonresume.json")


def test_empty_text_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no text to parse"):
        parse_resume_text("   \n\t ")
