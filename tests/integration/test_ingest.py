"""Ingestion end to end: parse in worker processes, write, re-run, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver

from jobgraph.cli import main
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.schema import graph_counts
from jobgraph.ingest.pipeline import ingest
from jobgraph.ingest.sources import discover

RESUME = """Jordan Example
jordan@example.org | +1 555 0100 | Denver, CO

SUMMARY
Backend developer with {years} years of experience building APIs.

EXPERIENCE
Senior Software Engineer | Northwind Labs | Mar 2020 - Present
- Built REST APIs in Python and Django on PostgreSQL
- Ran services on Kubernetes and AWS

Software Developer | Blue Harbor | 06/2016 - 02/2020
- Wrote Java services and SQL reports

EDUCATION
B.Sc. Computer Science, State University, 2016

SKILLS
Python, Django, PostgreSQL, Docker, Kubernetes, Git, {extra}
"""

POSTING = """Backend Engineer (Python)
Northwind Labs - Denver, CO (Hybrid) - Full-time

Requirements:
- 5+ years of experience with Python
- Strong SQL and PostgreSQL skills
- Experience with Docker and Kubernetes

Nice to have:
- Terraform
- Go

Bachelor's degree in Computer Science or related field.
Salary: $130,000 - $160,000 per year
"""


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, extra in enumerate(["Redis", "Terraform", "React"]):
        text = RESUME.format(years=6 + number, extra=extra)
        (folder / f"resume_{number}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (folder / "empty.docx").write_bytes(b"")
    return folder


def test_ingest_resumes_and_rerun(driver: Driver, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "resumes")
    failures = tmp_path / "failures.jsonl"
    report = ingest(
        driver, discover([str(folder)]), "resume", workers=2, failures_path=failures, progress=False
    )
    assert (report.ingested, report.unchanged, len(report.failed)) == (3, 0, 2)
    failed_sources = sorted(Path(f.source).name for f in report.failed)
    assert failed_sources == ["broken.pdf", "empty.docx"]
    lines = [json.loads(line) for line in failures.read_text().splitlines()]
    assert all(line["reason"] for line in lines)

    counts = graph_counts(driver)
    assert counts["nodes"]["Candidate"] == 3
    assert counts["relationships"]["HAS_SKILL"] >= 3 * 6
    assert counts["relationships"].get("WORKED_AS", 0) + counts["relationships"].get(
        "WORKED_AT", 0
    ) >= 3

    again = ingest(driver, discover([str(folder)]), "resume", workers=1, progress=False)
    assert (again.ingested, again.unchanged) == (0, 3)
    assert graph_counts(driver) == counts


def test_years_and_dates_reach_the_graph(driver: Driver, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "resumes")
    ingest(driver, discover([str(folder / "resume_0.txt")]), "resume", workers=1, progress=False)
    records, _, _ = driver.execute_query(
        "MATCH (c:Candidate)-[r:HAS_SKILL]->(:Skill {id: $skill}) "
        "RETURN c.total_experience_months AS months, r.years AS years",
        skill="python",
    )
    assert len(records) == 1
    # 06/2016 .. present: well over eight years of work, no double counting.
    assert records[0]["months"] >= 8 * 12
    assert records[0]["years"] is not None and records[0]["years"] >= 4


def test_ingest_postings_cli(neo4j_server: LocalNeo4j, driver: Driver, tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(POSTING, encoding="utf-8")
    uri = neo4j_server.recorded_uri()
    user, password = neo4j_server.credentials() or ("neo4j", "")
    env = {"NEO4J_URI": uri or "", "NEO4J_USER": user, "NEO4J_PASSWORD": password}
    result = CliRunner().invoke(
        main, ["ingest", "postings", str(tmp_path / "p.txt"), "--workers", "1", "--json"], env=env
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{"):])
    assert report["ingested"] == 1 and report["failed"] == 0
    records, _, _ = driver.execute_query(
        "MATCH (p:Posting)-[r:REQUIRES]->(s:Skill) RETURN s.id AS skill, r.importance AS imp"
    )
    importance = {r["skill"]: r["imp"] for r in records}
    assert importance.get("python") == "required"
    assert importance.get("terraform") == "preferred"


def test_jsonl_with_text_and_json_resume(driver: Driver, tmp_path: Path) -> None:
    json_resume = {
        "basics": {"name": "Sam Rivera", "label": "Registered Nurse"},
        "work": [
            {
                "name": "Mercy General Hospital",
                "position": "Registered Nurse",
                "startDate": "2018-04",
                "summary": "Medication administration, IV therapy and patient assessment.",
            }
        ],
        "skills": [{"name": "Patient Assessment"}, {"name": "BLS"}],
    }
    lines = [
        json.dumps({"id": "r-text", "text": RESUME.format(years=7, extra="Redis")}),
        json.dumps({"id": "r-json", **json_resume}),
        "not json",
    ]
    path = tmp_path / "resumes.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = ingest(driver, discover([str(path)]), "resume", workers=1, progress=False)
    assert (report.ingested, len(report.failed)) == (2, 1)
    records, _, _ = driver.execute_query(
        "MATCH (c:Candidate {id: $id})-[:HAS_SKILL]->(s:Skill) RETURN collect(s.id) AS skills",
        id="r-json",
    )
    assert records[0]["skills"], "the JSON Resume's skills reach the graph"


def test_each_kind_keeps_its_own_failures_file(
    neo4j_server: LocalNeo4j, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ingesting postings after resumes leaves the list of failed resumes in place."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad-resume.pdf").write_bytes(b"%PDF-1.4 cut short")
    (tmp_path / "bad-posting.docx").write_bytes(b"not a zip file")
    user, password = neo4j_server.credentials() or ("neo4j", "")
    env = {"NEO4J_URI": neo4j_server.recorded_uri() or "", "NEO4J_USER": user,
           "NEO4J_PASSWORD": password}
    for kind, name in (("resumes", "bad-resume.pdf"), ("postings", "bad-posting.docx")):
        result = CliRunner().invoke(
            main, ["ingest", kind, name, "--workers", "1", "--no-vectors"], env=env
        )
        assert result.exit_code == 0, result.output
    resume_failures = (tmp_path / "resume-failures.jsonl").read_text(encoding="utf-8")
    posting_failures = (tmp_path / "posting-failures.jsonl").read_text(encoding="utf-8")
    assert "bad-resume.pdf" in resume_failures and "bad-posting" not in resume_failures
    assert "bad-posting.docx" in posting_failures and "bad-resume" not in posting_failures
