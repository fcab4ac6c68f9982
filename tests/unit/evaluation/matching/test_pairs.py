"""Reading graded pairs for jobgraph eval match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobgraph.evaluation.matching.pairs import PairsError, read_pairs


def write(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_texts_paths_and_ids(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "cv.txt").write_text("Python developer")
    pairs = write(
        tmp_path / "pairs.jsonl",
        [
            {
                "resume": "docs/cv.txt",
                "posting": "Hiring a Python dev",
                "grade": 2,
                "resume_id": "r1",
                "posting_id": "p1",
            },
            {"resume": "docs/cv.txt", "posting": "Hiring a nurse", "grade": 0, "resume_id": "r1"},
            {
                "resume": "docs/cv.txt",
                "posting": "Hiring a nurse",
                "grade": 0,
                "resume_id": "r2",
                "posting_id": "p2",
            },
        ],
    )
    graded = read_pairs(pairs)
    assert graded.resumes["r1"] == "Python developer"
    assert graded.resumes["r2"] == "Python developer"  # same text, different document
    assert graded.files["r1"] == tmp_path / "docs" / "cv.txt"
    derived = [p for r, p in graded.pairs if r == "r1" and p != "p1"]
    assert len(derived) == 1 and derived[0].startswith("posting-")
    assert graded.grades[("r1", "p1")] == 2


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"resume": "a", "posting": "b", "grade": "2"}, "'grade' must be an integer"),
        ({"resume": "", "posting": "b", "grade": 1}, "'resume' must be a non-empty"),
        ([1, 2], "expected a JSON object"),
    ],
)
def test_bad_lines_name_the_line(tmp_path: Path, row: object, message: str) -> None:
    with pytest.raises(PairsError, match=message) as error:
        read_pairs(write(tmp_path / "p.jsonl", [row]))
    assert "p.jsonl:1" in str(error.value)


def test_one_id_two_texts_is_an_error(tmp_path: Path) -> None:
    rows = [
        {"resume": "a", "posting": "b", "grade": 1, "resume_id": "r"},
        {"resume": "c", "posting": "b", "grade": 1, "resume_id": "r"},
    ]
    with pytest.raises(PairsError, match="two different texts"):
        read_pairs(write(tmp_path / "p.jsonl", rows))
