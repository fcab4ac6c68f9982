"""Decide what an uploaded file is from its bytes, not from its declared name or type.

PDF starts with ``%PDF-``; DOCX is a ZIP holding ``word/document.xml``; every
other accepted format is UTF-8 (or UTF-16 with a BOM) text, told apart by its
content (HTML, JSON) and, for plain text and Markdown, by the file name. A
declared type that disagrees with the bytes (a ``.pdf`` that is text, a
``.txt`` that is a ZIP) is refused as mislabelled.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from jobgraph.api.problems import ApiProblem

_TEXT_SUFFIXES = {".txt": ".txt", ".text": ".txt", ".md": ".md", ".markdown": ".md"}
# What a declared suffix or media type promises: a PDF, a DOCX or some kind of text.
_DECLARED = {
    ".pdf": "PDF",
    ".docx": "DOCX",
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    **{suffix: "text" for suffix in (".txt", ".text", ".md", ".markdown", ".html", ".htm",
                                     ".json")},
    "application/json": "text",
    "text/html": "text",
    "text/plain": "text",
    "text/markdown": "text",
}


@dataclass(frozen=True)
class SniffedUpload:
    """An upload whose format is known: the suffix the extractors read it by."""

    data: bytes
    suffix: str


def _is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def _text(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def sniff(data: bytes, filename: str | None, content_type: str | None) -> SniffedUpload:
    """Name the format of an upload from its bytes.

    Args:
        data: The uploaded bytes.
        filename: The declared file name (may be absent or wrong).
        content_type: The declared media type of the part.

    Returns:
        The bytes with the suffix that selects their reader.

    Raises:
        ApiProblem: 415 when the bytes are no supported format or contradict the
            declared type; 422 when the file is empty.
    """
    if not data.strip():
        raise ApiProblem(422, "empty-document", "the uploaded file is empty")
    suffix = PurePosixPath(filename or "").suffix.lower()
    declared = _DECLARED.get(suffix) or _DECLARED.get(
        (content_type or "").split(";")[0].strip().lower()
    )
    if data.startswith(b"%PDF-"):
        found = ".pdf"
    elif _is_docx(data):
        found = ".docx"
    else:
        text = _text(data)
        if text is None:
            raise ApiProblem(
                415,
                "unsupported-media-type",
                "the upload is not PDF, DOCX or UTF-8 text (HTML, JSON, Markdown, plain text); "
                "images and other binaries are not accepted",
            )
        head = text.lstrip()[:512].lower()
        if head.startswith(("{", "[")):
            found = ".json"
        elif head.startswith(("<!doctype html", "<html")) or "<body" in head:
            found = ".html"
        else:
            found = _TEXT_SUFFIXES.get(suffix, ".txt")
    actual = {".pdf": "PDF", ".docx": "DOCX"}.get(found, "text")
    if declared is not None and declared != actual:
        raise ApiProblem(
            415,
            "mislabelled-upload",
            f"the upload is declared as {declared} but its bytes are {actual}; "
            "send the file with its real type",
        )
    return SniffedUpload(data, found)
