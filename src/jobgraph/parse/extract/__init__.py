"""Read documents into plain text (and structured data where the format has it).

Supported: PDF, DOCX, TXT, Markdown, HTML, JSON (JSON Resume, or schema.org
``JobPosting`` JSON-LD). Every failure is a :class:`~jobgraph.errors.ParseError`
whose message names the file and says what to do.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobgraph.errors import ParseError
from jobgraph.parse.extract.docx import docx_text
from jobgraph.parse.extract.html import html_text, json_objects
from jobgraph.parse.extract.limits import (
    MAX_BYTES,
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    MAX_TEXT_CHARS,
    json_depth,
)
from jobgraph.parse.extract.pdf import pdf_text

SUFFIXES = {
    ".pdf": "pdf", ".docx": "docx", ".txt": "text", ".text": "text", ".md": "markdown",
    ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json",
    ".jsonld": "json",
}  # fmt: skip
_UNSUPPORTED_HINTS = {
    ".doc": "Word 97-2003 .doc is not supported; save it as .docx or PDF",
    ".rtf": "RTF is not supported; save it as .docx, PDF or plain text",
    ".odt": "OpenDocument is not supported; save it as .docx or PDF",
    ".pages": "Apple Pages is not supported; export it as PDF or .docx",
    ".png": "images are not supported; a scanned resume needs OCR first",
    ".jpg": "images are not supported; a scanned resume needs OCR first",
    ".jpeg": "images are not supported; a scanned resume needs OCR first",
}  # fmt: skip
# Emphasis spans are searched at most this far, so a long line of "**" stays linear.
_MD_SPAN = 200
_MD_LINK = re.compile(r"\[([^\]\n]{1,200})\]\(([^)\s]{1,500})\)")
_MD_EMPHASIS = re.compile(rf"(\*\*|__)(?=\S)(.{{1,{_MD_SPAN}}}?)(?<=\S)\1")
_MD_ITALIC = re.compile(rf"(?<![\w*])([*_])(?=\S)([^*_\n]{{1,{_MD_SPAN}}}?)(?<=\S)\1(?![\w*])")


@dataclass(slots=True)
class ExtractedDocument:
    """A document's text and, for JSON formats, its structured data.

    Attributes:
        text: Plain text (not yet normalised).
        source: File name.
        format: "pdf", "docx", "text", "markdown", "html", "json-resume" or "jsonld".
        data: The JSON Resume object or the JSON-LD ``JobPosting``, else ``None``.
        title: A document title when the format carries one (HTML ``<h1>``).
    """

    text: str
    source: str
    format: str
    data: dict[str, Any] | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)


def supported_suffixes() -> list[str]:
    """File suffixes :func:`extract_file` reads."""
    return sorted(SUFFIXES)


def extract_file(path: str | Path) -> ExtractedDocument:
    """Read a file from disk; see :func:`extract_bytes`.

    Raises:
        ParseError: Missing, unreadable, unsupported or damaged file.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    _check_suffix(file.name, suffix)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise ParseError(_too_big(file.name, size))
        data = file.read_bytes()
    except FileNotFoundError as error:
        raise ParseError(f"{file}: file not found; check the path") from error
    except IsADirectoryError as error:
        raise ParseError(f"{file}: is a folder, not a file") from error
    except OSError as error:
        raise ParseError(f"{file}: cannot be read ({error.strerror})") from error
    return extract_bytes(data, file.name)


def _too_big(name: str, size: int) -> str:
    return (
        f"{name}: {size:,} bytes is over the limit of {MAX_BYTES // 1_048_576} MiB "
        "per document; split the file or remove embedded images"
    )


def _check_suffix(name: str, suffix: str) -> None:
    if suffix in SUFFIXES:
        return
    if suffix in _UNSUPPORTED_HINTS:
        raise ParseError(f"{name}: {_UNSUPPORTED_HINTS[suffix]}")
    known = ", ".join(supported_suffixes())
    raise ParseError(f"{name}: unsupported file type {suffix or '(none)'!r}; use one of {known}")


def extract_bytes(data: bytes, name: str) -> ExtractedDocument:
    """Extract text from a document's bytes; the format comes from ``name``'s suffix.

    Args:
        data: File content.
        name: File name (its suffix selects the reader; it also names the file
            in error messages).

    Returns:
        The extracted document.

    Raises:
        ParseError: Empty, unsupported, damaged, encrypted or image-only input.
    """
    suffix = Path(name).suffix.lower()
    _check_suffix(name, suffix)
    if len(data) > MAX_BYTES:
        raise ParseError(_too_big(name, len(data)))
    if not data.strip():
        raise ParseError(f"{name}: the file is empty")
    kind = SUFFIXES[suffix]
    if kind == "pdf":
        return ExtractedDocument(pdf_text(data, name)[:MAX_TEXT_CHARS], name, "pdf")
    if kind == "docx":
        return ExtractedDocument(docx_text(data, name)[:MAX_TEXT_CHARS], name, "docx")
    if kind == "json" and len(data) > MAX_JSON_BYTES:
        raise ParseError(
            f"{name}: {len(data):,} bytes of JSON is over the limit of "
            f"{MAX_JSON_BYTES // 1_048_576} MiB for one resume or posting; is it a whole "
            "collection? put one document per line in a .jsonl file"
        )
    source = decode_text(data, name)
    if kind == "html":
        text, json_ld, title = html_text(source, name)
        posting = find_job_posting(json_ld)
        return ExtractedDocument(text, name, "html", data=posting, title=title)
    if kind == "json":
        return _json_document(source, name)
    source = source[:MAX_TEXT_CHARS]
    if kind == "markdown":
        return ExtractedDocument(markdown_to_text(source), name, "markdown")
    return ExtractedDocument(source, name, "text")


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file (UTF-32 or UTF-16 with BOM, else UTF-8, else Windows-1252).

    Raises:
        ParseError: The bytes are binary, not text.
    """
    # UTF-32's little-endian BOM starts like UTF-16's, so it is tested first.
    for boms, encoding in (
        ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "utf-32"),
        ((b"\xff\xfe", b"\xfe\xff"), "utf-16"),
    ):
        if data.startswith(boms):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ParseError(f"{name}: broken {encoding.upper()} text") from error
    if b"\x00" in data[:4096]:
        raise ParseError(f"{name}: binary data, not text; check the file type")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:20_000]
    odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    if sample and odd > len(sample) * 0.05:
        raise ParseError(f"{name}: binary data, not text; check the file type")
    return text


def markdown_to_text(source: str) -> str:
    """Drop Markdown emphasis (bold, italics) and turn links into "text (url)"; headings stay."""
    text = _MD_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", source)
    text = _MD_EMPHASIS.sub(lambda m: m.group(2), text)
    return _MD_ITALIC.sub(lambda m: m.group(2), text)


def find_job_posting(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Return the first schema.org ``JobPosting`` among JSON-LD objects."""
    for item in objects:
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.split("/")[-1] == "JobPosting" for k in kinds):
            return item
    return None


def _json_document(source: str, name: str) -> ExtractedDocument:
    try:
        parsed = json.loads(source)
    except (ValueError, RecursionError) as error:
        raise ParseError(f"{name}: not valid JSON ({error})") from error
    if json_depth(parsed) > MAX_JSON_DEPTH:
        raise ParseError(
            f"{name}: JSON nested more than {MAX_JSON_DEPTH} levels deep; "
            "a resume or posting is never this deep, is the file generated wrongly?"
        )
    posting = find_job_posting(json_objects(source))
    if posting is not None:
        return ExtractedDocument("", name, "jsonld", data=posting)
    if isinstance(parsed, dict) and ("basics" in parsed or "work" in parsed):
        return ExtractedDocument("", name, "json-resume", data=parsed)
    raise ParseError(
        f"{name}: JSON is neither a JSON Resume (with 'basics' / 'work') "
        "nor a schema.org JobPosting"
    )
