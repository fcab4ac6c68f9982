"""Read CSV files the way RFC 4180 describes them, and nothing cleverer.

Only two things are detected: the text encoding (a byte-order mark, else UTF-8,
else Windows-1252) and the delimiter (``,``, ``;``, tab or ``|``, chosen from the
header line). Quoting is always the standard one: a field may be wrapped in
double quotes, a quote inside it is doubled, and a quoted field may span lines.

A file that cannot be read consistently (a row whose field count differs from
the header's, a quoted field that is never closed, text after a closing quote)
is rejected with a :class:`~jobgraph.errors.ParseError` naming the line; no row
of it is used, because guessing where the fields were is how text gets cut.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from jobgraph.errors import ParseError

if TYPE_CHECKING:  # the reader's type is private to the C module
    from _csv import Reader

DELIMITERS = (",", ";", "\t", "|")
# How many records must agree with the header before a delimiter is trusted.
PROBE_RECORDS = 50
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class CsvRow:
    """One record: its values by column, and the line it starts on (1-based)."""

    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class CsvTable:
    """A whole CSV file, read and checked."""

    path: Path
    encoding: str
    delimiter: str
    columns: list[str]
    rows: list[CsvRow]


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``: by byte-order mark, else UTF-8, else Windows-1252.

    Windows-1252 leaves five byte values undefined; a file using them is read as
    Latin-1, which accepts every byte.

    Raises:
        ParseError: The data starts with a byte-order mark but is not valid in
            the encoding the mark names.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise ParseError(
                    f"starts with a {encoding} byte-order mark but byte {error.start:,} is "
                    f"not valid {encoding}; save the file as UTF-8"
                ) from None
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _records(text: str, delimiter: str) -> Reader:
    # strict: an unterminated quote or text after a closing quote is an error,
    # never silently merged into the next field.
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def _unquoted_count(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def detect_delimiter(text: str) -> str:
    """Pick the delimiter of ``text`` from its header line.

    Candidates found in the header (outside quotes) are tried most frequent
    first; the first one whose first records all have the header's field count
    wins. With no candidate in the header the file has one column and ``,`` is
    as good as any.
    """
    header = text.split("\n", 1)[0]
    counts = {d: _unquoted_count(header, d) for d in DELIMITERS}
    candidates = sorted((d for d in DELIMITERS if counts[d]), key=lambda d: -counts[d])
    for delimiter in candidates:
        reader = _records(text, delimiter)
        try:
            widths = {len(row) for row in islice(reader, PROBE_RECORDS) if row}
        except csv.Error:
            continue
        if len(widths) == 1:
            return delimiter
    return candidates[0] if candidates else ","


def _error_text(error: csv.Error) -> str:
    message = str(error)
    if "unexpected end of data" in message:
        return "a quoted field starting in this record is never closed (unterminated quote)"
    if "expected after" in message:
        return 'text follows a closing quote; a quote inside a quoted field must be doubled ("")'
    if "NUL" in message:
        return "the line contains a NUL byte; is this a binary file?"
    return message


def _column_names(header: list[str]) -> list[str]:
    """Header names, stripped; a repeated name gets a suffix so no column is lost."""
    names: list[str] = []
    taken: set[str] = set()
    next_copy: dict[str, int] = {}  # per base name, so 10,000 empty headers stay linear
    for raw in header:
        base = raw.strip()
        name, copy = base, next_copy.get(base, 2)
        while name in taken:
            name, copy = f"{base}.{copy}", copy + 1
        next_copy[base] = copy
        taken.add(name)
        names.append(name)
    return names


def read_csv(path: Path) -> CsvTable:
    """Read and check a whole CSV file (see the module docstring).

    Args:
        path: The file.

    Returns:
        Columns and rows; empty lines are skipped, every other record has
        exactly one value per column.

    Raises:
        ParseError: The file cannot be opened, has no header, or cannot be
            read consistently; the message names the line.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(f"{path}: cannot open: {error.strerror}") from error
    try:
        text, encoding = decode(data)
    except ParseError as error:
        raise ParseError(f"{path}: {error}") from None
    delimiter = detect_delimiter(text)
    csv.field_size_limit(sys.maxsize)
    reader = _records(text, delimiter)
    columns: list[str] | None = None
    rows: list[CsvRow] = []
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            line = start if "unexpected end" in str(error) else reader.line_num
            raise ParseError(
                f"{path}: line {line}: {_error_text(error)}; fix the file and run again"
            ) from error
        if not record or record == [""]:
            continue
        if columns is None:
            columns = _column_names(record)
            continue
        if len(record) != len(columns):
            raise ParseError(
                f"{path}: line {start}: {len(record)} fields where the header has "
                f"{len(columns)} (delimiter {delimiter!r}); is a quote missing or a "
                "delimiter unquoted? fix the file and run again"
            )
        rows.append(CsvRow(start, dict(zip(columns, record, strict=True))))
    if columns is None:
        raise ParseError(f"{path}: empty CSV file; the first line must name the columns")
    return CsvTable(path, encoding, delimiter, columns, rows)
