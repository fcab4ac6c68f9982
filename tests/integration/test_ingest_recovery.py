"""What a run stopped midway leaves behind, and how the next run repairs it.

Each test here pins one fix found by killing ingests (``bench/ingest_faults.py``,
``test_ingest_kills.py``) to a deterministic check.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from neo4j import Driver

from jobgraph.graph.integrity import graph_fingerprint
from jobgraph.graph.record_batches import replace_records
from jobgraph.graph.record_writer import resume_row
from jobgraph.graph.schema import delete_all, graph_counts
from jobgraph.graph.taxonomy_writer import ensure_builtin_taxonomy
from jobgraph.ingest.documents import Record
from jobgraph.ingest.pipeline import ingest, write_failures
from jobgraph.ingest.sources import SourceFailure, discover
from jobgraph.parse import parse_resume_text
from tests.integration.test_ingest import RESUME

EXTRAS = ("Redis", "Terraform", "React", "Kafka", "Spark")


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, extra in enumerate(EXTRAS):
        text = RESUME.format(years=3 + number, extra=extra)
        (folder / f"resume_{number}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 cut off here")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip archive")
    return folder


class ProcessDied(Exception):
    """Stands for the process being killed right after a batch's transaction."""


def test_records_are_done_only_after_their_after_write_step(
    driver: Driver, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path / "resumes")
    calls: list[list[str]] = []

    def dies(records: list[Record]) -> None:
        raise ProcessDied

    def records_ids(records: list[Record]) -> None:
        calls.append(sorted(record.id for record in records))

    with pytest.raises(ProcessDied):
        ingest(driver, discover([str(folder)]), "resume", workers=1, batch_size=2,
               progress=False, after_write=dies)
    first = graph_fingerprint(driver)
    assert first["documents"]["Candidate"]["nodes"] == 2, "the first batch was committed"
    assert first["documents"]["Candidate"]["with_digest"] == 0, "but not marked done"

    report = ingest(driver, discover([str(folder)]), "resume", workers=1, batch_size=2,
                    progress=False, after_write=records_ids)
    # The batch whose after_write step never ran is written again, and its step runs.
    assert report.ingested == len(EXTRAS) and report.unchanged == 0
    assert sum(len(ids) for ids in calls) == len(EXTRAS)
    repaired = graph_fingerprint(driver)
    assert repaired["documents"]["Candidate"]["with_digest"] == len(EXTRAS)

    again = ingest(driver, discover([str(folder)]), "resume", workers=1, batch_size=2,
                   progress=False, after_write=records_ids)
    assert again.unchanged == len(EXTRAS) and sum(len(ids) for ids in calls) == len(EXTRAS)

    delete_all(driver)
    ingest(driver, discover([str(folder)]), "resume", workers=1, batch_size=2, progress=False,
           after_write=records_ids)
    assert graph_fingerprint(driver) == repaired, "same graph as a run never interrupted"


def test_replacing_records_twice_writes_them_once(driver: Driver) -> None:
    ensure_builtin_taxonomy(driver)
    rows = [resume_row(parse_resume_text(RESUME.format(years=4, extra="Redis"), source="a.txt"))]
    with driver.session() as session:
        session.execute_write(replace_records, "candidates", rows)
        once = graph_counts(driver)
        # As the driver does when an attempt's outcome was lost with the connection.
        session.execute_write(replace_records, "candidates", rows)
    assert graph_counts(driver) == once
    assert once["relationships"]["HAS_SKILL"] >= 5


def test_builtin_taxonomy_appears_whole_or_not_at_all(driver: Driver) -> None:
    seen: list[dict[str, dict[str, int]]] = []
    loader = threading.Thread(target=ensure_builtin_taxonomy, args=(driver,))
    loader.start()
    while loader.is_alive():
        seen.append(graph_counts(driver))
    loader.join()
    whole = graph_counts(driver)
    assert whole["nodes"]["Skill"] > 2_000 and whole["relationships"]["REQUIRES"] > 1_000
    partial = [counts for counts in seen if counts["nodes"] and counts != whole]
    assert not partial, f"{len(partial)} of {len(seen)} reads saw a part of the taxonomy"
    assert not ensure_builtin_taxonomy(driver)


def test_failures_file_is_replaced_whole(driver: Driver, tmp_path: Path) -> None:
    failures = tmp_path / "out" / "failures.jsonl"
    write_failures(failures, [SourceFailure(f"old-{n}.pdf", "old") for n in range(5)])
    folder = _corpus(tmp_path / "resumes")
    for _ in range(2):
        ingest(driver, discover([str(folder)]), "resume", workers=1, failures_path=failures,
               progress=False)
        lines = [json.loads(line) for line in failures.read_text().splitlines()]
        assert sorted(Path(line["source"]).name for line in lines) == ["broken.docx", "broken.pdf"]
    assert sorted(path.name for path in failures.parent.iterdir()) == ["failures.jsonl"]
