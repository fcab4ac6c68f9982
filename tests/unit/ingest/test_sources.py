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


def test_csv_quoted_newlines_make_one_document_per_row(tmp_path: Path) -> None:
    text = (
        '\ufeff"Job Title","Job Description",Rating\r\n'
        '"Data Scientist","Builds models in Python.\r\n\r\nSays ""hello"", uses SQL.",4.1\r\n'
        'Nurse,"Registered nurse, BLS",3.9\r\n'
        "Welder,,2.0\r\n"
    )
    items = list(discover([str(_write(tmp_path / "jobs.csv", text))]))
    assert len(items) == 3, "one item per row, quoted line breaks included"
    first, second, third = items
    assert isinstance(first, SourceItem) and isinstance(second, SourceItem)
    assert first.text == 'Builds models in Python.\r\n\r\nSays "hello", uses SQL.'
    assert (first.title, second.title) == ("Data Scientist", "Nurse")
    assert first.source.endswith("jobs.csv#line2") and second.source.endswith("#line5")
    assert isinstance(third, SourceFailure) and "empty text" in third.reason


def test_csv_sections_in_several_columns_are_joined(tmp_path: Path) -> None:
    long = "Design data pipelines with Apache Spark and Airflow for analytics teams. " * 2
    rows = [
        "Company;Title;Responsibilities;Minimum Qualifications",
        f"Acme;Data Engineer;{long};{'BS degree and 3 years of SQL and Python. ' * 3}",
    ]
    (item,) = discover([str(_write(tmp_path / "google.csv", "\n".join(rows) + "\n"))])
    assert isinstance(item, SourceItem) and item.title == "Data Engineer"
    assert item.text is not None
    assert item.text.startswith("Responsibilities\nDesign data pipelines")
    assert "\n\nMinimum Qualifications\nBS degree" in item.text
    path = tmp_path / "google.csv"
    (chosen,) = discover([str(path)], text_column=["Minimum Qualifications"])
    assert isinstance(chosen, SourceItem) and chosen.text is not None
    assert chosen.text.startswith("BS degree")


def test_ragged_csv_is_one_failure_naming_the_line(tmp_path: Path) -> None:
    good = _write(tmp_path / "a_good.csv", "text\nPython developer\n")
    _write(tmp_path / "b_ragged.csv", "id,text\n1,Nurse\n2,Welder,extra\n3,Driver\n")
    items = list(discover([str(tmp_path)]))
    assert len(items) == 2, "the good file's row, then one failure for the ragged file"
    assert isinstance(items[0], SourceItem) and items[0].source == f"{good}#line2"
    failure = items[1]
    assert isinstance(failure, SourceFailure)
    assert "b_ragged.csv: line 3: 3 fields where the header has 2" in failure.reason


def test_jsonl_bad_line_is_one_failure_with_its_number(tmp_path: Path) -> None:
    lines = ["\ufeff" + json.dumps({"text": "Nurse"}), "", '{"text": "cut', json.dumps("Welder")]
    items = list(discover([str(_write(tmp_path / "r.jsonl", "\n".join(lines) + "\n"))]))
    assert [type(i).__name__ for i in items] == ["SourceItem", "SourceFailure", "SourceItem"]
    assert items[1].source.endswith("r.jsonl#line3")
    assert items[0].source.endswith("#line1") and items[2].source.endswith("#line4")


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    one = _write(tmp_path / "docs" / "one.txt", "Python developer")
    items = list(discover([str(tmp_path / "docs"), str(one), str(tmp_path / "docs" / "*.txt")]))
    assert [i.source for i in items] == [str(one)]


def test_empty_folder_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    (item,) = discover([str(tmp_path / "nothing")])
    assert isinstance(item, SourceFailure) and "no documents" in item.reason


REAL_POSTINGS = {
    "glassdoor_jobs_kenjee.csv": 956,
    "Uncleaned_DS_jobs.csv": 672,
    "google_job_skills.csv": 1_250,
}


def test_real_posting_files_one_item_per_row(shared_data: Path) -> None:
    for name, rows in REAL_POSTINGS.items():
        items = list(discover([str(shared_data / "postings" / name)]))
        assert len(items) == rows, name
        documents = [i for i in items if isinstance(i, SourceItem)]
        assert all(i.text and i.title for i in documents), name
        failures = [i for i in items if isinstance(i, SourceFailure)]
        # Only rows with no text at all fail (Google lists 14 titles with no sections).
        assert all("empty text" in f.reason for f in failures), name
        assert len(failures) <= 14, name
