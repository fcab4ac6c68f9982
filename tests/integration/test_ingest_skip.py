"""A re-run skips documents whose input a done record was parsed from, and changes nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from neo4j import Driver

from jobgraph.graph.integrity import graph_fingerprint
from jobgraph.graph.record_writer import write_resumes
from jobgraph.ingest.pipeline import IngestReport, ingest
from jobgraph.ingest.sources import discover
from jobgraph.parse import parse_resume_file

RESUME = """Robin Tester
robin@example.org

EXPERIENCE
{title} | Acme Analytics | Jan 2019 - Present
- Built dashboards in Tableau and reports in SQL

SKILLS
Python, SQL, Tableau, {extra}
"""


def _write(folder: Path, name: str, title: str, extra: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(RESUME.format(title=title, extra=extra), encoding="utf-8")
    return path


def _run(driver: Driver, folder: Path, **options: Any) -> IngestReport:
    return ingest(driver, discover([str(folder)]), "resume", workers=1, progress=False, **options)


def _candidates(driver: Driver) -> dict[str, dict[str, Any]]:
    records, _, _ = driver.execute_query(
        "MATCH (c:Candidate) RETURN c.id AS id, c.source AS source, "
        "c.record_digest AS record, c.input_digest AS input"
    )
    return {record["id"]: record.data() for record in records}


def test_rerun_skips_unparsed_and_changes_nothing(driver: Driver, tmp_path: Path) -> None:
    folder = tmp_path / "resumes"
    for number, extra in enumerate(["Excel", "Power BI", "R"]):
        _write(folder, f"r{number}.txt", "Data Analyst", extra)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 cut short")
    first = _run(driver, folder)
    assert (first.ingested, first.skipped, len(first.failed)) == (3, 0, 1)
    before, stored = graph_fingerprint(driver), _candidates(driver)
    assert all(row["input"] for row in stored.values()), "done records hold their input digest"

    again = _run(driver, folder)
    # Nothing parsed but the broken file, which is reported again.
    assert (again.ingested, again.unchanged, again.skipped, len(again.failed)) == (0, 3, 3, 1)
    assert graph_fingerprint(driver) == before and _candidates(driver) == stored

    _write(folder, "r1.txt", "Senior Data Analyst", "Power BI")
    changed = _run(driver, folder)
    assert (changed.ingested, changed.skipped) == (1, 2)


def test_a_new_parse_setting_parses_again(driver: Driver, tmp_path: Path) -> None:
    folder = tmp_path / "resumes"
    _write(folder, "r.txt", "Data Analyst", "Excel")
    _run(driver, folder)
    # Keeping contact details writes a different record: the input is not the same.
    with_pii = _run(driver, folder, with_pii=True)
    assert (with_pii.ingested, with_pii.skipped) == (1, 0)
    assert _run(driver, folder, with_pii=True).skipped == 1


def test_same_content_twice_is_stable_across_runs(driver: Driver, tmp_path: Path) -> None:
    """Two files with one text share an id; the later file's record stays, run after run."""
    folder = tmp_path / "resumes"
    _write(folder, "a.txt", "Data Analyst", "Excel")
    _write(folder, "b.txt", "Data Analyst", "Excel")
    first = _run(driver, folder)
    assert (first.ingested, first.unchanged) == (1, 1)
    stored = _candidates(driver)
    assert [Path(row["source"]).name for row in stored.values()] == ["b.txt"]
    for _ in range(2):
        again = _run(driver, folder)
        assert (again.ingested, again.skipped) == (0, 1)
        assert _candidates(driver) == stored


def test_a_record_written_elsewhere_loses_its_input_digest(
    driver: Driver, tmp_path: Path
) -> None:
    folder = tmp_path / "resumes"
    path = _write(folder, "r.txt", "Data Analyst", "Excel")
    _run(driver, folder)
    record = parse_resume_file(path)
    # The same id written with other content (as the API or another tool might).
    write_resumes(driver, [replace(record, headline="Changed elsewhere")])
    (row,) = _candidates(driver).values()
    assert row["input"] is None
    # So the file is parsed and written again, and its digest stored once more.
    again = _run(driver, folder)
    assert (again.ingested, again.skipped) == (1, 0)
    (row,) = _candidates(driver).values()
    assert row["input"] is not None
