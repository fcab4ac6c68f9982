"""Text of a Word (.docx) document: headers, body paragraphs, tables and text boxes.

Body content keeps document order. A table row whose cells are one line each
("Python | 5 years | Expert") becomes one line joined with " | "; a layout
table (cells holding whole blocks, as two-column templates use) is read cell
by cell so the blocks do not interleave. Text boxes, which python-docx does not
expose, are read from the XML (each once: the VML fallback copy is skipped).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from jobgraph.errors import ParseError
from jobgraph.parse.extract.limits import (
    DOCX_RATIO_FLOOR,
    MAX_DOCX_MEMBERS,
    MAX_DOCX_RATIO,
    MAX_DOCX_UNPACKED_BYTES,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_PARAGRAPHS = 20_000


def docx_text(data: bytes, name: str) -> str:
    """Extract the text of a .docx file.

    Args:
        data: The file's bytes.
        name: File name, for messages.

    Returns:
        Header text, then the body, then footer text that is not a page number.

    Raises:
        ParseError: Not a Word document, damaged, or a decompression bomb (see
            :func:`check_zip_sizes`).
    """
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ParseError(f"{name}: not a Word .docx file (not a zip package); check the file type")
    check_zip_sizes(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        body = list(_block_lines(document))
        headers, footers = _headers_and_footers(document)
    except Exception as error:
        raise ParseError(
            f"{name}: the Word document is damaged or not a .docx ({type(error).__name__})"
        ) from error
    parts = [*headers, *body, *footers]
    return "\n".join(parts)


def check_zip_sizes(data: bytes, name: str) -> None:
    """Refuse a ZIP package that would inflate past the bounds, before inflating anything.

    The sizes come from the central directory. They can lie, but Python's zipfile
    never inflates a member past its declared size (the rest fails the CRC check),
    so the declared sizes bound what reading the package costs.

    Raises:
        ParseError: Unreadable directory, too many members, more than
            ``MAX_DOCX_UNPACKED_BYTES`` in all, or a member inflating more than
            ``MAX_DOCX_RATIO`` times.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except Exception as error:  # BadZipFile, EOFError, NotImplementedError ("version 8.4")...
        raise ParseError(
            f"{name}: the Word document is damaged ({type(error).__name__}: {error})"
        ) from error
    if len(members) > MAX_DOCX_MEMBERS:
        raise ParseError(
            f"{name}: {len(members):,} parts in the package, over the limit of "
            f"{MAX_DOCX_MEMBERS:,}; this is not an ordinary Word document"
        )
    total = sum(member.file_size for member in members)
    if total > MAX_DOCX_UNPACKED_BYTES:
        raise ParseError(
            f"{name}: would unpack to {total:,} bytes, over the limit of "
            f"{MAX_DOCX_UNPACKED_BYTES // 1_048_576} MiB (a decompression bomb, or very large "
            "embedded images); save a copy without the images"
        )
    for member in members:
        if member.file_size > DOCX_RATIO_FLOOR and (
            member.file_size > MAX_DOCX_RATIO * max(member.compress_size, 1)
        ):
            raise ParseError(
                f"{name}: part {member.filename!r} inflates {member.file_size:,} bytes from "
                f"{member.compress_size:,}, more than {MAX_DOCX_RATIO} times (a decompression "
                "bomb); the file was not read"
            )


def _block_lines(container: Any) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for count, block in enumerate(container.iter_inner_content()):
        if count >= MAX_PARAGRAPHS:
            return
        if isinstance(block, Paragraph):
            yield block.text
            yield from _text_boxes(block._p)
        elif isinstance(block, Table):
            yield from _table_lines(block)


def _table_lines(table: Any) -> Iterator[str]:
    for row in table.rows:
        cells = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        blocks = [list(_block_lines(cell)) for cell in cells]
        if all(
            len([t for t in b if t.strip()]) <= 1 and all("\n" not in t for t in b) for b in blocks
        ):
            joined = " | ".join(" ".join(t.strip() for t in b if t.strip()) for b in blocks)
            if joined.strip(" |"):
                yield joined
        else:
            for block in blocks:
                yield from block
                yield ""


def _text_boxes(element: Any) -> Iterator[str]:
    for box in element.iter(f"{_W}txbxContent"):
        if any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors()):
            continue
        for paragraph in box.iter(f"{_W}p"):
            text = "".join(node.text or "" for node in paragraph.iter(f"{_W}t"))
            if text.strip():
                yield text


def _headers_and_footers(document: Any) -> tuple[list[str], list[str]]:
    headers: list[str] = []
    footers: list[str] = []
    for section in document.sections:
        for part, target in ((section.header, headers), (section.footer, footers)):
            if part.is_linked_to_previous:  # no header of its own (or the same as before)
                continue
            for line in _block_lines(part):
                stripped = line.strip()
                if not stripped or stripped in target:
                    continue
                if target is footers and (
                    stripped.lower().startswith("page") or stripped.isdigit()
                ):
                    continue
                target.append(stripped)
    return headers, footers
