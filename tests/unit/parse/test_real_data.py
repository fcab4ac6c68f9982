"""Crash-free parsing of real documents from the shared data folder (skipped when absent)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from jobgraph.errors import ParseError
from jobgraph.parse import PostingHints, parse_posting_text, parse_resume_file, parse_resume_text

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data"
DOCX = sorted((SHARED / "resumes" / "docx").glob("*.docx"))
INDEED = SHARED / "resumes" / "indeed_resume_entities_dev.jsonl"
POSTINGS = SHARED / "postings"
ROWS_PER_FILE = 200
MIN_SHARE_WITH_FIVE_SKILLS = 0.6

needs_docx = pytest.mark.skipif(not DOCX, reason=f"no real resumes at {SHARED}/resumes/docx")
needs_indeed = pytest.mark.skipif(not INDEED.is_file(), reason=f"{INDEED} is absent")
needs_postings = pytest.mark.skipif(not POSTINGS.is_dir(), reason=f"no real postings at {POSTINGS}")


def report(label: str, skill_counts: list[int]) -> float:
    share = sum(1 for count in skill_counts if count >= 5) / max(len(skill_counts), 1)
    print(f"{label}: {len(skill_counts)} parsed, {share:.0%} with >= 5 skills")
    return share


@needs_docx
def test_real_docx_resumes() -> None:
    counts = []
    for path in DOCX:
        record = parse_resume_file(path)  # a ParseError here would fail the test
        counts.append(len(record.skills))
        assert record.text and record.id.startswith("cand-")
    assert report("docx resumes", counts) >= MIN_SHARE_WITH_FIVE_SKILLS


@needs_indeed
def test_real_indeed_resumes() -> None:
    counts = []
    with INDEED.open(encoding="utf-8") as lines:
        for line in lines:
            record = parse_resume_text(json.loads(line)["content"], source="indeed")
            counts.append(len(record.skills))
    assert report("indeed resumes", counts) >= MIN_SHARE_WITH_FIVE_SKILLS


def _posting_rows(path: Path) -> list[tuple[str, str, PostingHints]]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as handle:
        header = handle.readline()
        handle.seek(0)
        delimiter = ";" if header.count(";") > header.count(",") else ","
        reader = csv.DictReader(handle, delimiter=delimiter)
        rows = []
        for number, row in enumerate(reader):
            if number >= ROWS_PER_FILE:
                break
            title = row.get("Title") or row.get("Job Title") or ""
            named = ("Title", "Job Title", "Company", "Company Name")
            body = [f"{key}\n{value}" for key, value in row.items() if key and value]
            body = [part for part in body if part.split("\n", 1)[0] not in named]
            company = (row.get("Company") or row.get("Company Name") or "").split("\n")[0]
            text = title + "\n\n" + "\n\n".join(body)
            rows.append((title, text, PostingHints(company=company or None)))
    return rows


@needs_postings
@pytest.mark.parametrize("name", sorted(p.name for p in POSTINGS.glob("*.csv")) or ["none"])
def test_real_postings(name: str) -> None:
    counts = []
    for title, text, hints in _posting_rows(POSTINGS / name):
        try:
            record = parse_posting_text(text, title=title or None, source=name, hints=hints)
        except ParseError:
            if text.strip():
                raise
            continue
        counts.append(len(record.skills))
        assert record.title or not title
    assert counts
    assert report(f"postings {name}", counts) >= MIN_SHARE_WITH_FIVE_SKILLS
