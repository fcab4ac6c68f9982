"""Records: JSON Schema validity, round trips, PII removal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from jobgraph.parse import parse_posting_text, parse_resume_file, parse_resume_text
from jobgraph.parse.records import PostingRecord, ResumeRecord
from jobgraph.taxonomy.lookup import TaxonomyLookup

from .conftest import TODAY

SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize(
    "name",
    ["resume_pipes.txt", "resume_stacked.txt", "resume_dates_right.txt", "resume.md",
     "resume_two_column.pdf", "resume_tables.docx", "resume_jsonresume.json"],
)  # fmt: skip
def test_resume_records_validate(fixtures: Path, lookup: TaxonomyLookup, name: str) -> None:
    record = parse_resume_file(fixtures / name, lookup=lookup, today=TODAY)
    data = json.loads(json.dumps(record.to_dict()))  # must survive JSON
    errors = list(validator("resume.schema.json").iter_errors(data))
    assert errors == [], errors[:3]
    assert ResumeRecord.from_dict(data) == record


def test_posting_record_validates(lookup: TaxonomyLookup) -> None:
    record = parse_posting_text(
        "Data Analyst\nRequirements\n- 2+ years with SQL\nNice to have\n- Python\n"
        "Pay: $45/hour, contract, remote",
        lookup=lookup,
    )
    data = json.loads(json.dumps(record.to_dict()))
    assert list(validator("posting.schema.json").iter_errors(data)) == []
    assert PostingRecord.from_dict(data) == record
    assert [s.skill_id for s in record.required_skills] == ["sql"]
    assert [s.skill_id for s in record.preferred_skills] == ["python"]


def test_schema_rejects_a_broken_record(lookup: TaxonomyLookup) -> None:
    data = parse_resume_text("Jane Doe\nSKILLS\nPython", lookup=lookup).to_dict()
    data["experience"] = [{"title": "x"}]  # missing required job fields
    data["unexpected"] = 1
    assert list(validator("resume.schema.json").iter_errors(data))


def test_ids_are_stable_and_overridable(lookup: TaxonomyLookup) -> None:
    text = "Jane Doe\nSKILLS\nPython, SQL"
    first = parse_resume_text(text, lookup=lookup)
    second = parse_resume_text(text + "\n\n", lookup=lookup)  # same content
    assert first.id == second.id and first.id.startswith("cand-") and len(first.id) == 21
    assert parse_resume_text(text, lookup=lookup, record_id="r-7").id == "r-7"
    assert parse_posting_text("Engineer\nPython", lookup=lookup).id.startswith("post-")


def test_without_pii_masks_but_keeps_offsets(fixtures: Path, lookup: TaxonomyLookup) -> None:
    record = parse_resume_file(fixtures / "resume_pipes.txt", lookup=lookup, today=TODAY)
    anonymous = record.without_pii()
    assert anonymous.contact.name is None and anonymous.contact.email is None
    assert record.contact.email and record.contact.email not in anonymous.text
    assert record.contact.name and record.contact.name not in anonymous.text
    assert len(anonymous.text) == len(record.text)
    for skill in anonymous.skills:
        assert anonymous.text[skill.start : skill.end] == skill.surface
    assert record.contact.email is not None  # the original is untouched
