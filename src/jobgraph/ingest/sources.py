"""Turn the paths a user gives into documents to parse.

Accepted: single files (PDF, DOCX, TXT, Markdown, HTML, JSON), folders (searched
recursively for those), glob patterns, JSONL (one document per line: an object
with a text field, a JSON Resume, or a schema.org JobPosting), and CSV files with
a text column. Problems found here (an unreadable CSV, a bad JSONL line) become
:class:`SourceFailure` items, so one bad input never stops the batch.
"""

from __future__ import annotations

import csv
import glob
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobgraph.parse.extract import supported_suffixes

# What the extractors read (one list, owned by jobgraph.parse.extract).
DOCUMENT_SUFFIXES = frozenset(supported_suffixes())
TEXT_FIELDS = (
    "text",
    "content",
    "resume",
    "resume_text",
    "description",
    "job_description",
    "body",
)
ID_FIELDS = ("id", "record_id", "doc_id", "uid")
TITLE_FIELDS = ("title", "job_title", "position", "designation")


@dataclass(frozen=True)
class SourceItem:
    """One document to parse: a file, or text / JSON taken from a JSONL or CSV row."""

    source: str
    path: str | None = None
    text: str | None = None
    document: dict[str, Any] | None = None
    record_id: str | None = None
    title: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceFailure:
    """An input that could not even be read into a document."""

    source: str
    reason: str


def _expand(path_text: str) -> list[Path]:
    if any(ch in path_text for ch in "*?["):
        return [Path(p) for p in sorted(glob.glob(path_text, recursive=True))]
    return [Path(path_text)]


def _pick(row: dict[str, Any], configured: str | None, candidates: Sequence[str]) -> str | None:
    """Return the column to use: the configured one, else the first known name present."""
    if configured:
        return configured if configured in row else None
    lowered = {key.lower().strip(): key for key in row if isinstance(key, str)}
    for name in candidates:
        if name in lowered:
            return lowered[name]
    return None


def _longest_text_column(rows: list[dict[str, str]]) -> str | None:
    """The column with the longest average value: a reasonable guess for the text."""
    if not rows:
        return None
    totals: dict[str, int] = {}
    for row in rows:
        for key, value in row.items():
            if key is not None:
                totals[key] = totals.get(key, 0) + len(value or "")
    return max(totals, key=lambda key: totals[key]) if totals else None


def _csv_items(
    path: Path, text_column: str | None, id_column: str | None, title_column: str | None
) -> Iterator[SourceItem | SourceFailure]:
    csv.field_size_limit(sys.maxsize)
    try:
        handle = path.open(encoding="utf-8-sig", errors="replace", newline="")
    except OSError as error:
        yield SourceFailure(str(path), f"cannot open: {error.strerror}")
        return
    with handle:
        sample = handle.read(65536)
        handle.seek(0)
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(handle, dialect=dialect)
        if not reader.fieldnames:
            yield SourceFailure(str(path), "CSV file has no header row")
            return
        if text_column and text_column not in reader.fieldnames:
            yield SourceFailure(
                str(path),
                f"no column {text_column!r}; columns are {', '.join(reader.fieldnames)}",
            )
            return
        rows = list(reader)
    if not rows:
        return
    column = text_column or _pick(rows[0], None, TEXT_FIELDS) or _longest_text_column(rows[:50])
    for row_number, row in enumerate(rows, start=2):
        yield _row_item(path, row_number, row, column, id_column, title_column)


def _row_item(
    path: Path,
    row_number: int,
    row: dict[str, str],
    column: str | None,
    id_column: str | None,
    title_column: str | None,
) -> SourceItem | SourceFailure:
    source = f"{path}#row{row_number}"
    text = (row.get(column) or "") if column else ""
    if not text.strip():
        return SourceFailure(source, f"empty text in column {column!r}")
    id_key = _pick(row, id_column, ID_FIELDS)
    title_key = _pick(row, title_column, TITLE_FIELDS)
    return SourceItem(
        source=source,
        text=text,
        record_id=(row.get(id_key) or None) if id_key else None,
        title=(row.get(title_key) or None) if title_key else None,
    )


def _jsonl_items(path: Path) -> Iterator[SourceItem | SourceFailure]:
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as error:
        yield SourceFailure(str(path), f"cannot open: {error.strerror}")
        return
    with handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            source = f"{path}#line{line_number}"
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                yield SourceFailure(source, f"invalid JSON at column {error.colno}: {error.msg}")
                continue
            if isinstance(value, str):
                yield SourceItem(source=source, text=value)
                continue
            if not isinstance(value, dict):
                yield SourceFailure(source, "expected a JSON object or string per line")
                continue
            id_key = _pick(value, None, ID_FIELDS)
            record_id = str(value[id_key]) if id_key and value[id_key] is not None else None
            text_key = _pick(value, None, TEXT_FIELDS)
            title_key = _pick(value, None, TITLE_FIELDS)
            title = value.get(title_key) if title_key else None
            if text_key and isinstance(value[text_key], str) and "basics" not in value:
                yield SourceItem(
                    source=source,
                    text=value[text_key],
                    record_id=record_id,
                    title=title if isinstance(title, str) else None,
                )
            else:
                yield SourceItem(source=source, document=value, record_id=record_id)


def discover(
    paths: Sequence[str],
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    title_column: str | None = None,
) -> Iterator[SourceItem | SourceFailure]:
    """Yield every document found under ``paths``, in a stable order.

    Args:
        paths: Files, folders or glob patterns.
        text_column: CSV column holding the document text (guessed when omitted:
            a column named like text/description/resume, else the longest one).
        id_column: CSV column holding a stable id (optional).
        title_column: CSV column holding a posting title (optional).

    Yields:
        Documents to parse, or failures for inputs that cannot be read.
    """
    for path_text in paths:
        expanded = _expand(path_text)
        if not expanded:
            yield SourceFailure(path_text, "no file matches this pattern")
        for path in expanded:
            if path.is_dir():
                files = sorted(
                    p for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES | {".jsonl", ".csv"}
                )
                for file in files:
                    yield from _file_items(file, text_column, id_column, title_column)
            elif path.is_file():
                yield from _file_items(path, text_column, id_column, title_column)
            else:
                yield SourceFailure(str(path), "no such file or folder")


def _file_items(
    path: Path, text_column: str | None, id_column: str | None, title_column: str | None
) -> Iterator[SourceItem | SourceFailure]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl_items(path)
    elif suffix == ".csv":
        yield from _csv_items(path, text_column, id_column, title_column)
    elif suffix in DOCUMENT_SUFFIXES:
        yield SourceItem(source=str(path), path=str(path))
    else:
        yield SourceFailure(
            str(path), f"unsupported file type {suffix or '(none)'}; "
            "use PDF, DOCX, TXT, Markdown, HTML, JSON, JSON-LD, JSONL or CSV"
        )
