"""What an input digest depends on: everything a parse reads, and nothing else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jobgraph.ingest.input_digest import input_digest
from jobgraph.ingest.sources import SourceItem

DAY = date(2026, 11, 30)


def _digest(item: SourceItem, **changes: object) -> str | None:
    options: dict[str, object] = {"taxonomy_version": "t1", "with_pii": False, "today": DAY}
    options.update(changes)
    return input_digest("resume", item, **options)  # type: ignore[arg-type]


def test_a_file_digest_follows_its_bytes_and_settings(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Nurse\nSkills: BLS", encoding="utf-8")
    item = SourceItem(source=str(path), path=str(path))
    first = _digest(item)
    assert first is not None and first == _digest(item)
    assert _digest(item, taxonomy_version="t2") != first
    assert _digest(item, with_pii=True) != first
    assert _digest(item, today=date(2026, 12, 1)) != first
    assert input_digest("posting", item, taxonomy_version="t1", with_pii=False, today=DAY) != first
    path.write_text("Nurse\nSkills: BLS, ACLS", encoding="utf-8")
    assert _digest(item) != first


def test_rows_differ_by_text_id_title_and_source() -> None:
    base = SourceItem(source="a.csv#1", text="Data analyst, SQL", record_id="r1", title="Analyst")
    first = _digest(base)
    for other in (
        SourceItem(source="a.csv#2", text="Data analyst, SQL", record_id="r1", title="Analyst"),
        SourceItem(source="a.csv#1", text="Data analyst, R", record_id="r1", title="Analyst"),
        SourceItem(source="a.csv#1", text="Data analyst, SQL", record_id="r2", title="Analyst"),
        SourceItem(source="a.csv#1", text="Data analyst, SQL", record_id="r1", title=None),
    ):
        assert _digest(other) != first


def test_an_unreadable_file_has_no_digest(tmp_path: Path) -> None:
    missing = tmp_path / "gone.pdf"
    assert _digest(SourceItem(source=str(missing), path=str(missing))) is None
