"""Finding documents in files, folders, globs, JSONL and CSV."""

from __future__ import annotations

import json
from pathlib import Path

from jobgraph.ingest.sources import SourceFailure, SourceItem, discover


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_and_glob(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "one.txt", "Python developer")
    _write(tmp_path / "a" / "b" / "two.md", "# Nurse")
    _write(tmp_path / "a" / "notes.xyz", "ignored: not a document type")
    from_folder = list(discover([str(tmp_path / "a")]))
    assert [Path(i.source).name for i in from_folder] == ["two.md", "one.txt"]
    from_glob = list(discover([str(tmp_path / "a" / "**" / "*.md")]))
    assert [Path(i.source).name for i in from_glob] == ["two.md"]


def test_missing_inputs_are_failures(tmp_path: Path) -> None:
    items = list(discover([str(tmp_path / "nope.pdf"), str(tmp_path / "*.docx")]))
    assert all(isinstance(i, SourceFailure) for i in items)
    assert [i.reason for i in items] == ["no such file or folder", "no file matches this pattern"]


def test_unsupported_file_is_a_failure(tmp_path: Path) -> None:
    (item,) = discover([str(_write(tmp_path / "x.exe", "MZ"))])
    assert isinstance(item, SourceFailure) and "unsupported file type .exe" in item.reason


def test_jsonl_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 7, "text": "Registered nurse, BLS"}),
        "{broken",
        json.dumps({"basics": {"name": "Ada"}, "work": []}),
        json.dumps("just text"),
        json.dumps([1, 2]),
    ]
    items = list(discover([str(_write(tmp_path / "r.jsonl", "\n".join(lines)))]))
    assert isinstance(items[0], SourceItem) and items[0].record_id == "7"
    assert items[0].text == "Registered nurse, BLS"
    assert isinstance(items[1], SourceFailure) and "invalid JSON" in items[1].reason
    assert isinstance(items[2], SourceItem)
    assert items[2].document == {"basics": {"name": "Ada"}, "work": []}
    assert isinstance(items[3], SourceItem) and items[3].text == "just text"
    assert isinstance(items[4], SourceFailure)
    assert items[1].source.endswith("#line2")


def test_csv_with_semicolons_and_guessed_columns(tmp_path: Path) -> None:
    text = (
        "Company;Title;Responsibilities\n"
        'Acme;Data Analyst;"Build dashboards in Tableau; write SQL"\n'
        "Initech;Nurse;\n"
    )
    items = list(discover([str(_write(tmp_path / "jobs.csv", text))]))
    first, second = items
    assert isinstance(first, SourceItem)
    assert first.text == "Build dashboards in Tableau; write SQL"
    assert first.title == "Data Analyst"
    assert isinstance(second, SourceFailure) and "empty text" in second.reason


def test_csv_named_columns(tmp_path: Path) -> None:
    text = "key,body,other\nk1,Forklift operator with OSHA,x\n"
    path = _write(tmp_path / "docs.csv", text)
    (item,) = discover([str(path)], text_column="body", id_column="key")
    assert isinstance(item, SourceItem)
    assert (item.record_id, item.text) == ("k1", "Forklift operator with OSHA")
    (failure,) = discover([str(path)], text_column="nope")
    assert isinstance(failure, SourceFailure) and "no column 'nope'" in failure.reason
