"""CSV as RFC 4180 reads it: standard quoting, detected delimiter and encoding."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

import pytest

from jobgraph.errors import ParseError
from jobgraph.ingest.tables import decode, detect_delimiter, read_csv

DESCRIPTION = 'Builds "dashboards" in Tableau, writes SQL;\nmentors analysts.\n\nPython a plus.'


def _rows(delimiter: str) -> list[list[str]]:
    return [
        ["id", "Job Title", "Job Description"],
        ["1", "Data Analyst", DESCRIPTION],
        ["2", "Nurse, ICU", "Registered nurse | BLS\tACLS"],
        ["3", "Welder", ""],
    ]


def _write_csv(path: Path, rows: list[list[str]], delimiter: str, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_quoted_newlines_and_doubled_quotes_survive(tmp_path: Path, delimiter: str) -> None:
    path = _write_csv(tmp_path / "jobs.csv", _rows(delimiter), delimiter)
    table = read_csv(path)
    assert table.delimiter == delimiter
    assert table.columns == ["id", "Job Title", "Job Description"]
    assert [row.values["Job Description"] for row in table.rows] == [
        DESCRIPTION,
        "Registered nurse | BLS\tACLS",
        "",
    ]
    # Each record starts on the line after the previous one ended: row 1 spans 4 lines.
    assert [row.line for row in table.rows] == [2, 6, 7]


def test_byte_order_marks(tmp_path: Path) -> None:
    utf8 = _write_csv(tmp_path / "bom8.csv", _rows(","), ",", encoding="utf-8-sig")
    utf16 = _write_csv(tmp_path / "bom16.csv", _rows(";"), ";", encoding="utf-16")
    for path in (utf8, utf16):
        table = read_csv(path)
        assert table.columns[0] == "id", "the BOM is not part of the first column name"
        assert table.rows[0].values["Job Description"] == DESCRIPTION
    assert read_csv(utf16).encoding == "utf-16"


def test_encoding_fallback() -> None:
    assert decode("Caf\u00e9".encode()) == ("Caf\u00e9", "utf-8")
    assert decode("Caf\u00e9 \u2013 bar".encode("cp1252")) == ("Caf\u00e9 \u2013 bar", "cp1252")
    assert decode(codecs.BOM_UTF8 + b"x") == ("x", "utf-8-sig")
    assert decode(b"\x81\x8d") == ("\x81\x8d", "latin-1")


def test_delimiter_from_header_not_from_prose() -> None:
    # The description is full of commas; the header says ';'.
    text = 'a;b\n1;"x, y, z, w, v"\n2;"p, q"\n'
    assert detect_delimiter(text) == ";"
    assert detect_delimiter("only_one_column\nvalue\n") == ","


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("a,b\n\n1,2\n\n3,4\n", encoding="utf-8")
    table = read_csv(path)
    assert [(row.line, row.values["b"]) for row in table.rows] == [(3, "2"), (5, "4")]


def test_repeated_column_names_keep_both_values(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("name,name,text\nA,B,hello\n", encoding="utf-8")
    table = read_csv(path)
    assert table.columns == ["name", "name.2", "text"]
    assert table.rows[0].values == {"name": "A", "name.2": "B", "text": "hello"}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a,b\n1,2\n3,4,5\n6,7\n", 3, "3 fields where the header has 2"),
        ('a,b\n1,2\n3,"never closed\n4,5\n6,7\n', 3, "unterminated quote"),
        ('a,b\n1,2\n3,"quoted" tail\n', 3, "must be doubled"),
    ],
)
def test_inconsistent_files_name_the_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        read_csv(path)
    message = str(caught.value)
    assert f"bad.csv: line {line}:" in message
    assert words in message


def test_empty_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ParseError, match="empty CSV file"):
        read_csv(tmp_path / "empty.csv")
    with pytest.raises(ParseError, match="cannot open"):
        read_csv(tmp_path / "absent.csv")
