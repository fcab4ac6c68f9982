"""Read graded pairs (JSONL) into documents and judgements.

One object per line: ``resume`` and ``posting`` (text, or a path to a file,
relative paths resolved against the pairs file's folder), ``grade`` (integer,
higher is better) and optional ``resume_id`` / ``posting_id``. Ids are the
grouping keys: identical texts with different ids are different documents.
Without an id, a document's id is made from its text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from jobgraph.errors import JobgraphError

MAX_PATH_CHARS = 1_000


class PairsError(JobgraphError):
    """A graded-pairs file cannot be read."""


@dataclass
class GradedSet:
    """Documents by id and the grade of every judged pair."""

    resumes: dict[str, str] = field(default_factory=dict)
    postings: dict[str, str] = field(default_factory=dict)
    grades: dict[tuple[str, str], int] = field(default_factory=dict)
    #: Files the documents came from (id -> path), when given as paths.
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """Every judged (resume_id, posting_id), in file order."""
        return list(self.grades)

    def subset(self, resume_ids: set[str]) -> GradedSet:
        """Only the pairs of these resumes (and the postings they judge)."""
        part = GradedSet()
        for (resume, posting), grade in self.grades.items():
            if resume in resume_ids:
                part.grades[(resume, posting)] = grade
                part.resumes[resume] = self.resumes[resume]
                part.postings[posting] = self.postings[posting]
        part.files = {
            k: v for k, v in self.files.items() if k in part.resumes or k in part.postings
        }
        return part


def _document(value: object, base: Path, where: str, what: str) -> tuple[str, Path | None]:
    if not isinstance(value, str) or not value.strip():
        raise PairsError(f"{where}: '{what}' must be a non-empty text or path")
    if len(value) <= MAX_PATH_CHARS and "\n" not in value:
        path = Path(value) if Path(value).is_absolute() else base / value
        if path.is_file():
            return _read_document(path, where), path
    return value, None


def _read_document(path: Path, where: str) -> str:
    if path.suffix.lower() in (".txt", ".md", ""):
        return path.read_text(encoding="utf-8", errors="replace")
    from jobgraph.parse.extract import extract_file

    try:
        return extract_file(path).text
    except JobgraphError as error:
        raise PairsError(f"{where}: cannot read {path}: {error}") from error


def _text_id(prefix: str, text: str) -> str:
    return f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"


def read_pairs(path: Path) -> GradedSet:
    """Read a graded-pairs JSONL file.

    Args:
        path: The file.

    Returns:
        The documents and grades. A pair listed twice keeps its last grade.

    Raises:
        PairsError: The file is missing, a line is not a JSON object, a field
            is missing or wrong, or one id names two different texts.
    """
    if not path.is_file():
        raise PairsError(f"{path}: no such file; pass a JSONL file of graded pairs")
    graded = GradedSet()
    base = path.parent
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise PairsError(f"{where}: invalid JSON ({error.msg})") from error
        if not isinstance(row, dict):
            raise PairsError(f"{where}: expected a JSON object")
        grade = row.get("grade")
        if isinstance(grade, bool) or not isinstance(grade, int):
            raise PairsError(f"{where}: 'grade' must be an integer, got {grade!r}")
        ids = []
        for kind, store in (("resume", graded.resumes), ("posting", graded.postings)):
            text, file = _document(row.get(kind), base, where, kind)
            given = row.get(f"{kind}_id")
            doc_id = str(given) if given is not None else _text_id(kind, text)
            if doc_id in store and store[doc_id] != text:
                raise PairsError(f"{where}: {kind}_id {doc_id!r} names two different texts")
            store[doc_id] = text
            if file is not None:
                graded.files[doc_id] = file
            ids.append(doc_id)
        graded.grades[(ids[0], ids[1])] = grade
    if not graded.grades:
        raise PairsError(f"{path}: no graded pairs found")
    overlap = set(graded.resumes) & set(graded.postings)
    if overlap:
        raise PairsError(
            f"{path}: ids used for both a resume and a posting: {sorted(overlap)[:5]}; "
            "give resumes and postings distinct ids"
        )
    return graded
