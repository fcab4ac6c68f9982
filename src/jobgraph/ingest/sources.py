"""Turn the paths a user gives into documents to parse.

Accepted: single files (PDF, DOCX, TXT, Markdown, HTML, JSON), folders (searched
recursively for those), glob patterns, JSONL (one document per line: an object
with a text field, a JSON Resume, or a schema.org JobPosting), and CSV / TSV
files with one document per row (read by :mod:`jobgraph.ingest.tables`, RFC 4180).
Problems found here (a CSV that cannot be read consistently, a bad JSONL line, an
empty row) become :class:`SourceFailure` items, so one bad input never stops the
batch: every row of a CSV and every line of a JSONL file ends up as exactly one
item, except a CSV rejected as a whole, which is one failure naming the line.

This is the one reader of documents: ``jobgraph ingest``, the parse evaluation's
crash scan and the benchmarks all go through :func:`discover`.
"""

from __future__ import annotations

import glob
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobgraph.errors import ParseError
from jobgraph.ingest.tables import CsvTable, decode, read_csv
from jobgraph.parse.extract import supported_suffixes
from jobgraph.parse.extract.limits import MAX_BYTES, MAX_JSON_DEPTH, MAX_TEXT_CHARS, json_depth

# What the extractors read (one list, owned by jobgraph.parse.extract).
DOCUMENT_SUFFIXES = frozenset(supported_suffixes())
TABLE_SUFFIXES = frozenset({".csv", ".tsv"})
LINES_SUFFIXES = frozenset({".jsonl"})
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
# A guessed text column holds prose: this many characters on average at least,
# and at least a quarter of the longest column's average.
PROSE_MIN_CHARS = 80
PROSE_SHARE = 0.25
SAMPLE_ROWS = 50
# A CSV or JSONL file is a batch of documents, read whole: this bounds its memory.
MAX_BATCH_FILE_BYTES = 1024 * 1024 * 1024


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


Columns = str | Sequence[str] | None


def _expand(path_text: str) -> list[Path]:
    if any(ch in path_text for ch in "*?["):
        return [Path(p) for p in sorted(glob.glob(path_text, recursive=True))]
    return [Path(path_text)]


def _key(name: str) -> str:
    """``"Job Title"``, ``"job-title"`` and ``"job_title"`` all become ``"job_title"``."""
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")


def _pick(names: Sequence[str], configured: str | None, candidates: Sequence[str]) -> str | None:
    """Return the column to use: the configured one, else the first known name present."""
    if configured:
        return configured if configured in names else None
    by_key = {_key(name): name for name in names if isinstance(name, str)}
    for candidate in candidates:
        if candidate in by_key:
            return by_key[candidate]
    return None


def _as_list(columns: Columns) -> list[str]:
    if columns is None:
        return []
    return [columns] if isinstance(columns, str) else list(columns)


def guess_text_columns(table: CsvTable, exclude: Sequence[str | None] = ()) -> list[str]:
    """The columns that hold a row's text when none is named.

    A column called like text / description / resume if there is one; else every
    column of prose (long values: see ``PROSE_MIN_CHARS`` and ``PROSE_SHARE``) in
    file order, so a posting split into responsibilities and qualifications keeps
    all of them; else the longest column.
    """
    known = _pick(table.columns, None, TEXT_FIELDS)
    if known:
        return [known]
    sample = table.rows[:SAMPLE_ROWS]
    if not sample:
        return []
    means = {
        column: sum(len(row.values[column]) for row in sample) / len(sample)
        for column in table.columns
        if column not in exclude
    }
    if not means:
        return []
    longest = max(means.values())
    prose = [
        column
        for column, mean in means.items()
        if mean >= PROSE_MIN_CHARS and mean >= PROSE_SHARE * longest
    ]
    return prose or [max(means, key=lambda column: means[column])]


def _row_text(values: dict[str, str], columns: Sequence[str]) -> str:
    if len(columns) == 1:
        return values[columns[0]]
    # Several columns: each under its name, the way a posting shows its sections.
    parts = [f"{column}\n{values[column].strip()}" for column in columns if values[column].strip()]
    return "\n\n".join(parts)


def _csv_items(
    path: Path, text_columns: Columns, id_column: str | None, title_column: str | None
) -> Iterator[SourceItem | SourceFailure]:
    try:
        size = path.stat().st_size
    except OSError as error:
        yield SourceFailure(str(path), f"cannot open: {error.strerror}")
        return
    if size > MAX_BATCH_FILE_BYTES:
        yield SourceFailure(str(path), _batch_too_big(size))
        return
    try:
        table = read_csv(path)
    except ParseError as error:
        yield SourceFailure(str(path), str(error))
        return
    named = _as_list(text_columns)
    for name, option in [(c, "--text-column") for c in named] + [
        (id_column, "--id-column"),
        (title_column, "--title-column"),
    ]:
        if name and name not in table.columns:
            yield SourceFailure(
                str(path),
                f"no column {name!r} ({option}); columns are {', '.join(table.columns)}",
            )
            return
    id_key = _pick(table.columns, id_column, ID_FIELDS)
    title_key = _pick(table.columns, title_column, TITLE_FIELDS)
    columns = named or guess_text_columns(table, exclude=(id_key, title_key))
    for row in table.rows:
        source = f"{path}#line{row.line}"
        text = _row_text(row.values, columns)[:MAX_TEXT_CHARS]
        if not text.strip():
            shown = ", ".join(repr(c) for c in columns)
            plural = "s" if len(columns) > 1 else ""
            yield SourceFailure(source, f"empty text in column{plural} {shown}")
            continue
        yield SourceItem(
            source=source,
            text=text,
            record_id=(row.values[id_key].strip() or None) if id_key else None,
            title=(row.values[title_key].strip() or None) if title_key else None,
        )


def _jsonl_item(source: str, line: str) -> SourceItem | SourceFailure:
    if len(line) > MAX_BYTES:
        return SourceFailure(
            source,
            f"{len(line):,} characters on one line, over the limit of "
            f"{MAX_BYTES // 1_048_576} MiB per document",
        )
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return SourceFailure(source, f"invalid JSON at column {error.colno}: {error.msg}")
    except (ValueError, RecursionError) as error:  # a 5,000-digit number; [[[[...]]]]
        return SourceFailure(source, f"unreadable JSON ({type(error).__name__}: {error})"[:300])
    if json_depth(value) > MAX_JSON_DEPTH:
        return SourceFailure(
            source,
            f"JSON nested more than {MAX_JSON_DEPTH} levels deep; "
            "a resume or posting is never this deep",
        )
    if isinstance(value, str):
        return SourceItem(source=source, text=value[:MAX_TEXT_CHARS])
    if not isinstance(value, dict):
        return SourceFailure(source, "expected a JSON object or string per line")
    names = list(value)
    id_key = _pick(names, None, ID_FIELDS)
    record_id = str(value[id_key]) if id_key and value[id_key] is not None else None
    text_key = _pick(names, None, TEXT_FIELDS)
    title_key = _pick(names, None, TITLE_FIELDS)
    title = value.get(title_key) if title_key else None
    if text_key and isinstance(value[text_key], str) and "basics" not in value:
        return SourceItem(
            source=source,
            text=value[text_key][:MAX_TEXT_CHARS],
            record_id=record_id,
            title=title if isinstance(title, str) else None,
        )
    return SourceItem(source=source, document=value, record_id=record_id)


def _jsonl_items(path: Path) -> Iterator[SourceItem | SourceFailure]:
    try:
        size = path.stat().st_size
        if size > MAX_BATCH_FILE_BYTES:
            yield SourceFailure(str(path), _batch_too_big(size))
            return
        text, _ = decode(path.read_bytes())
    except OSError as error:
        yield SourceFailure(str(path), f"cannot open: {error.strerror}")
        return
    except ParseError as error:
        yield SourceFailure(str(path), str(error))
        return
    # Only \n ends a record: a stray \r or U+2028 inside a line is not a new line.
    for line_number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _jsonl_item(f"{path}#line{line_number}", line)


def _batch_too_big(size: int) -> str:
    return (
        f"{size:,} bytes, over the limit of {MAX_BATCH_FILE_BYTES // 1_073_741_824} GiB "
        "for one CSV or JSONL file; split it into several files"
    )


def _folder_files(folder: Path) -> list[Path]:
    readable = DOCUMENT_SUFFIXES | TABLE_SUFFIXES | LINES_SUFFIXES
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in readable)


def discover(
    paths: Sequence[str],
    *,
    text_column: Columns = None,
    id_column: str | None = None,
    title_column: str | None = None,
) -> Iterator[SourceItem | SourceFailure]:
    """Yield every document found under ``paths``, in a stable order.

    A file reached twice (named and inside a named folder, or by two patterns)
    is read once.

    Args:
        paths: Files, folders or glob patterns.
        text_column: CSV column(s) holding the document text; several are joined,
            each under its name. Guessed when omitted (see
            :func:`guess_text_columns`).
        id_column: CSV column holding a stable id (optional).
        title_column: CSV column holding a posting title (optional).

    Yields:
        One item per document (file, CSV row, JSONL line), or a failure for an
        input that cannot be read.
    """
    seen: set[Path] = set()

    def once(file: Path) -> Iterator[SourceItem | SourceFailure]:
        resolved = file.resolve()
        if resolved not in seen:
            seen.add(resolved)
            yield from _file_items(file, text_column, id_column, title_column)

    for path_text in paths:
        expanded = _expand(path_text)
        if not expanded:
            yield SourceFailure(path_text, "no file matches this pattern")
        for path in expanded:
            if path.is_dir():
                files = _folder_files(path)
                if not files:
                    yield SourceFailure(
                        str(path),
                        "no documents in this folder (PDF, DOCX, TXT, Markdown, "
                        "HTML, JSON, JSONL, CSV)",
                    )
                for file in files:
                    yield from once(file)
            elif path.is_file():
                yield from once(path)
            else:
                yield SourceFailure(str(path), "no such file or folder")


def _file_items(
    path: Path, text_columns: Columns, id_column: str | None, title_column: str | None
) -> Iterator[SourceItem | SourceFailure]:
    suffix = path.suffix.lower()
    if suffix in LINES_SUFFIXES:
        yield from _jsonl_items(path)
    elif suffix in TABLE_SUFFIXES:
        yield from _csv_items(path, text_columns, id_column, title_column)
    elif suffix in DOCUMENT_SUFFIXES:
        yield SourceItem(source=str(path), path=str(path))
    else:
        yield SourceFailure(
            str(path),
            f"unsupported file type {suffix or '(none)'}; "
            "use PDF, DOCX, TXT, Markdown, HTML, JSON, JSON-LD, JSONL or CSV",
        )
