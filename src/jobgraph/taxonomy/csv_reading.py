"""CSV reading shared by the ESCO and O*NET importers.

Every problem becomes an :class:`~jobgraph.errors.ImportFileError` whose message
names the file and, for a bad row, the line and column, so a user can open the
file at the right place. Rows are yielded with the line on which they start,
which differs from the reader's line when a quoted field spans several lines
(ESCO's ``altLabels``).
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from tqdm import tqdm

from jobgraph.errors import ImportFileError

# ESCO cells (concept-scheme member lists, descriptions) exceed the csv module's
# default 128 KiB field limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

_LABEL_SEPARATOR = re.compile(r"\s*\n\s*|\s+\|\s+")


def find_file(directory: Path, name: str, *, stand_in: str | None = None) -> Path:
    """Return ``directory / name`` (or its stand-in), or raise naming what is missing.

    Args:
        directory: The folder the user pointed the importer at.
        name: File name in the official layout.
        stand_in: Another file accepted when ``name`` is absent.

    Raises:
        ImportFileError: Neither file exists.
    """
    path = directory / name
    if path.is_file():
        return path
    if stand_in and (directory / stand_in).is_file():
        return directory / stand_in
    also = f" (or its stand-in {stand_in})" if stand_in else ""
    raise ImportFileError(
        f"{path}: file not found{also}; point the importer at the folder that holds the "
        "unpacked CSV export"
    )


def malformed(path: Path, line: int, column: str, problem: str) -> ImportFileError:
    """Build the error for one bad cell: ``file:line, column 'x': problem``."""
    return ImportFileError(f"{path}:{line}, column {column!r}: {problem}")


def read_rows(
    path: Path,
    required: Sequence[str],
    *,
    progress: bool = False,
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` for each data row of a CSV file with a header.

    Args:
        path: The CSV file (UTF-8, optionally with a byte-order mark).
        required: Columns that must be in the header; other columns are allowed.
        progress: Show a tqdm progress bar over the rows.

    Raises:
        ImportFileError: The file is missing or unreadable, lacks a required
            column, has a row with too many or too few fields, or broken quoting.
    """
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise ImportFileError(f"{path}: cannot be opened ({error.strerror})") from error
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
        except (csv.Error, UnicodeDecodeError) as error:
            raise ImportFileError(f"{path}:1: unreadable header ({error})") from error
        missing = [column for column in required if column not in header]
        if missing:
            raise ImportFileError(
                f"{path}:1: missing column(s) {missing}; the header has {header}. "
                "Is this the right file of the export?"
            )
        rows = tqdm(reader, desc=path.name, unit=" rows", disable=not progress, leave=False)
        start = reader.line_num + 1
        try:
            for row in rows:
                if None in row:  # more fields than the header names
                    raise malformed(
                        path, start, header[-1], f"row has more than {len(header)} fields"
                    )
                absent = [column for column, value in row.items() if value is None]
                if absent:
                    raise malformed(
                        path, start, absent[0], f"row ends early, {len(header)} fields expected"
                    )
                yield start, row
                start = reader.line_num + 1
        except csv.Error as error:
            raise ImportFileError(f"{path}:{reader.line_num}: broken CSV ({error})") from error
        except UnicodeDecodeError as error:
            raise ImportFileError(
                f"{path}: not UTF-8 near line {reader.line_num}; save it as UTF-8"
            ) from error


def split_labels(cell: str) -> list[str]:
    """Split a label list cell: ESCO exports use new lines, its collections `` | ``."""
    return [label for label in _LABEL_SEPARATOR.split(cell.strip()) if label]


def parse_float(path: Path, line: int, column: str, cell: str) -> float:
    """Read a number from a cell or raise an error naming file, line and column."""
    try:
        return float(cell)
    except ValueError:
        raise malformed(path, line, column, f"{cell!r} is not a number") from None
