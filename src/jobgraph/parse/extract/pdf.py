"""Text of a PDF, in reading order, with clear errors for what cannot be read."""

from __future__ import annotations

import io
import logging

from jobgraph.errors import ParseError
from jobgraph.parse.extract.columns import split_columns

MAX_PAGES = 40

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
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise ParseError(f"{name}: not a PDF file (no %PDF header); check the file type")
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
