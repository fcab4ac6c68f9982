"""Text of a PDF, in reading order, with clear errors for what cannot be read."""

from __future__ import annotations

import contextlib
import io
import logging
from typing import Any

from jobgraph.errors import ParseError
from jobgraph.parse.extract.columns import split_columns
from jobgraph.parse.extract.limits import MAX_PDF_PAGES, MAX_PDF_STREAM_BYTES

MAX_PAGES = MAX_PDF_PAGES

# pypdf reports recoverable damage through logging; a parser should stay quiet.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def pdf_text(data: bytes, name: str) -> str:
    """Extract the text layer of a PDF.

    Pages are rendered with pypdf's layout mode and two-column pages are put
    back in reading order (:func:`~jobgraph.parse.extract.columns.split_columns`);
    a page the layout mode cannot render falls back to plain extraction.

    Args:
        data: The file's bytes.
        name: File name, for messages.

    Returns:
        The text, pages separated by blank lines.

    Raises:
        ParseError: Not a PDF, damaged, password-protected, or without a text
            layer (a scanned image).
    """
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise ParseError(f"{name}: not a PDF file (no %PDF header); check the file type")
    with _stream_limits():
        return _pdf_text(data, name)


def _stream_limits() -> contextlib.AbstractContextManager[Any]:
    """pypdf's per-stream inflation bounds, lowered to ``MAX_PDF_STREAM_BYTES`` (pypdf 6+)."""
    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:  # older pypdf: its module-level 75 MB bounds stay in force
        return contextlib.nullcontext()
    names = ("zlib_maximum_output_length", "lzw_maximum_output_length",
             "run_length_maximum_output_length", "array_based_stream_maximum_output_length",
             "maximum_declared_stream_length", "brotli_maximum_output_length")  # fmt: skip
    current = pypdf.get_configuration()
    known = {n: MAX_PDF_STREAM_BYTES for n in names if hasattr(current, n)}
    return apply(**known)


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as error:
                raise ParseError(
                    f"{name}: the PDF is encrypted; save an unencrypted copy and try again"
                ) from error
            if not opened:
                raise ParseError(
                    f"{name}: the PDF is password-protected; remove the password and try again"
                )
        pages = reader.pages[:MAX_PAGES]
        texts = [_page_text(page) for page in pages]
    except ParseError:
        raise
    except FileNotDecryptedError as error:
        raise ParseError(
            f"{name}: the PDF is password-protected; remove the password and try again"
        ) from error
    except PdfReadError as error:
        raise ParseError(f"{name}: the PDF is damaged or not readable ({error})") from error
    except Exception as error:
        raise ParseError(
            f"{name}: the PDF is damaged or not readable ({type(error).__name__}: {error})"
        ) from error
    text = "\n\n".join(t for t in texts if t.strip())
    if not any(ch.isalpha() for ch in text):
        if not pages:
            raise ParseError(f"{name}: the PDF has no pages")
        raise ParseError(f"{name}: no text layer found; is it a scanned image?")
    return text


def _page_text(page: object) -> str:
    try:
        rendered = page.extract_text(extraction_mode="layout")  # type: ignore[attr-defined]
        return split_columns(rendered)
    except Exception:
        return page.extract_text() or ""  # type: ignore[attr-defined]
