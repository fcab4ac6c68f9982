"""Turning parsed records into write parameters (no Neo4j needed)."""

from __future__ import annotations

from jobgraph.graph.record_writer import education_id, education_rank, posting_row, resume_row, slug
from jobgraph.parse.records import (
    Contact,
    EducationEntry,
    Job,
    Location,
    PostingRecord,
    RequiredSkill,
    ResumeRecord,
    Salary,
    SkillMention,
)


def test_slug_and_education_ids() -> None:
    assert slug("São Paulo, SP") == "sao-paulo-sp"
    assert education_id("master", "Business Administration") == "master:business-administration"
    assert education_id("bachelor", None) == "bachelor"
    assert education_id(None, None) == "unspecified"
    assert [education_rank(x) for x in ("secondary", "bachelor", "doctorate", None)] == [1, 4, 6, 0]


def test_resume_row_keeps_pii_out_unless_asked() -> None:
    record = ResumeRecord(
        id="cand-x",
        content_hash="h",
        contact=Contact(name="Kim Lee", email="kim@example.org"),
        location=Location(city="Austin", region="TX", country="US"),
        skills=[
            SkillMention("python", "Python", "Python", "skills", 0, 6, 1.0, years=3.0),
            SkillMention("python", "Python", "python", "experience", 23, 29, 0.9),
        ],
        experience=[
            Job("Analyst", "Acme Corp", "2019-01", "2020-12", False, 24, "data-analyst", order=1),
            Job("Intern", None, "2018-06", "2018-08", False, 3, None, order=2),
        ],
        education=[
            EducationEntry("bachelor", "Statistics", "UT", 2018),
            EducationEntry("master", None, None, 2021),
        ],
        text="Python kim@example.org python",
    )
    row = resume_row(record)
    assert row["contacts"] == []
    assert "kim@example.org" not in str(row)  # not even inside an evidence snippet
    assert "Python" in row["skills"][0]["snippet"]
    assert [s["skill_id"] for s in row["skills"]] == ["python"]  # one relationship per skill
    assert [j["occupation_id"] for j in row["jobs"]] == ["data-analyst"]
    assert [e["employer_id"] for e in row["employers"]] == ["acme-corp"]
    assert row["props"]["education_level"] == "master" and row["props"]["education_rank"] == 5
    assert row["locations"][0]["id"] == "austin|tx|us"
    assert resume_row(record, with_pii=True)["contacts"][0]["email"] == "kim@example.org"


def test_posting_row() -> None:
    record = PostingRecord(
        id="post-x",
        title="Nurse",
        company="Mercy Health",
        occupation_id="registered-nurse",
        occupation_confidence=0.9,
        salary=Salary(30.0, 45.0, "USD", "hour"),
        skills=[RequiredSkill("bls", "BLS", "BLS", "required", 1.0)],
        education_level="associate",
        text="BLS required",
    )
    row = posting_row(record)
    assert row["props"]["salary_min"] == 30.0 and row["props"]["salary_period"] == "hour"
    assert row["skills"][0]["importance"] == "required"
    assert row["occupations"] == [{"id": "registered-nurse", "confidence": 0.9}]
    assert row["education"][0]["id"] == "associate" and row["education"][0]["rank"] == 3
    assert row["employers"] == [{"id": "mercy-health", "name": "Mercy Health"}]
