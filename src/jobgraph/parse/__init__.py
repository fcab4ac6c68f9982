"""Parse resumes and job postings into typed records.

Public API::

    parse_resume_file(path, *, lookup=None, record_id=None, today=None) -> ResumeRecord
    parse_resume_text(text, *, source="", lookup=None, record_id=None, today=None)
    parse_resume_document(document, *, source=None, lookup=None, record_id=None, today=None)
    parse_posting_file(path, *, title=None, lookup=None, record_id=None) -> PostingRecord
    parse_posting_text(text, *, title=None, source="", lookup=None, record_id=None, hints=None)
    parse_posting_document(document, *, title=None, source=None, lookup=None, record_id=None)
    parse_file(path, kind, *, lookup=None) -> ResumeRecord | PostingRecord
    parse_bytes(data, name, kind) -> ResumeRecord | PostingRecord   (uploads)

``lookup=None`` uses ``TaxonomyLookup(builtin_taxonomy())``; it and the spaCy
pipeline are built once per process and reused. Every failure on bad input is
a :class:`~jobgraph.errors.ParseError` naming the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jobgraph.errors import ParseError
from jobgraph.parse import date_tagger, sections, skills  # noqa: F401 - register components
from jobgraph.parse.extract import ExtractedDocument, extract_bytes, extract_file
from jobgraph.parse.posting import PostingHints, parse_posting
from jobgraph.parse.records import (
    Contact,
    EducationEntry,
    Job,
    Location,
    PostingRecord,
    RequiredSkill,
    ResumeRecord,
    Salary,
    SkillMention,
)
from jobgraph.parse.resume import parse_resume
from jobgraph.parse.structured import (
    apply_json_resume,
    job_posting_hints,
    render_job_posting,
    render_json_resume,
)
from jobgraph.taxonomy.lookup import TaxonomyLookup

__all__ = [
    "Contact",
    "EducationEntry",
    "ExtractedDocument",
    "Job",
    "Location",
    "PostingHints",
    "PostingRecord",
    "RequiredSkill",
    "ResumeRecord",
    "Salary",
    "SkillMention",
    "parse_bytes",
    "parse_file",
    "parse_posting_document",
    "parse_posting_file",
    "parse_posting_text",
    "parse_resume_document",
    "parse_resume_file",
    "parse_resume_text",
]


def parse_resume_text(
    text: str,
    *,
    source: str = "",
    lookup: TaxonomyLookup | None = None,
    record_id: str | None = None,
    today: date | None = None,
) -> ResumeRecord:
    """Parse a resume given as plain text.

    Args:
        text: The resume text.
        source: File name or other origin, kept in the record and in messages.
        lookup: Taxonomy lookup; ``None`` for the built-in taxonomy.
        record_id: Id to use instead of the content-derived ``cand-...`` one.
        today: Date that "Present" refers to (default: today).

    Returns:
        The parsed resume.

    Raises:
        ParseError: The text is empty.
    """
    return parse_resume(text, source=source, lookup=lookup, record_id=record_id, today=today)


def parse_resume_document(
    document: ExtractedDocument,
    *,
    source: str | None = None,
    lookup: TaxonomyLookup | None = None,
    record_id: str | None = None,
    today: date | None = None,
) -> ResumeRecord:
    """Parse an already extracted document (JSON Resume data is honoured).

    Args:
        document: From :func:`jobgraph.parse.extract.extract_file` or ``extract_bytes``.
        source: Origin to record instead of the document's file name.
        lookup: Taxonomy lookup; ``None`` for the built-in taxonomy.
        record_id: Id to use instead of the content-derived one.
        today: Date that "Present" refers to (default: today).

    Raises:
        ParseError: The document holds no resume text.
    """
    text = document.text
    if document.format == "json-resume" and document.data is not None:
        text = render_json_resume(document.data)
    record = parse_resume(
        text,
        source=source or document.source,
        lookup=lookup,
        record_id=record_id,
        today=today,
    )
    if document.format == "json-resume" and document.data is not None:
        record = apply_json_resume(record, document.data)
    return record


def parse_resume_file(
    path: str | Path,
    *,
    lookup: TaxonomyLookup | None = None,
    record_id: str | None = None,
    today: date | None = None,
) -> ResumeRecord:
    """Read and parse a resume file (PDF, DOCX, TXT, Markdown, HTML or JSON Resume).

    Args:
        path: The file.
        lookup: Taxonomy lookup; ``None`` for the built-in taxonomy.
        record_id: Id to use instead of the content-derived one.
        today: Date that "Present" refers to (default: today).

    Returns:
        The parsed resume; ``source`` is the file name.

    Raises:
        ParseError: The file is missing, unsupported, damaged, encrypted,
            image-only or empty.
    """
    document = extract_file(path)
    if document.format == "jsonld":
        raise ParseError(f"{document.source}: this is a job posting (JSON-LD), not a resume")
    return parse_resume_document(document, lookup=lookup, record_id=record_id, today=today)


def parse_posting_text(
    text: str,
    *,
    title: str | None = None,
    source: str = "",
    lookup: TaxonomyLookup | None = None,
    record_id: str | None = None,
    hints: PostingHints | None = None,
) -> PostingRecord:
    """Parse a job posting given as plain text.

    Args:
        text: The posting text.
        title: The job title when known separately (else read from the text).
        source: File name or other origin.
        lookup: Taxonomy lookup; ``None`` for the built-in taxonomy.
        record_id: Id to use instead of the content-derived ``post-...`` one.
        hints: Facts known from structured data (company, location, pay...).

    Returns:
        The parsed posting.

    Raises:
        ParseError: The text is empty.
    """
    return parse_posting(
        text, title=title, source=source, lookup=lookup, record_id=record_id, hints=hints
    )


def parse_posting_document(
    document: ExtractedDocument,
    *,
    title: str | None = None,
    source: str | None = None,
    lookup: TaxonomyLookup | None = None,
    record_id: str | None = None,
) -> PostingRecord:
    """Parse an already extracted posting (JSON-LD ``JobPosting`` data is honoured).

    Args:
        document: From :func:`jobgraph.parse.extract.extract_file` or ``extract_bytes``.
        title: The job title when known separately.
        source: Origin to record instead of the document's file name.
        lookup: Taxonomy lookup; ``None`` for the built-in taxonomy.
        record_id: Id to use instead of the content-derived one.

    Raises:
        ParseError: The document holds no posting text.
    """
    hints = None
    text = document.text
    if document.data is not None and document.format in ("jsonld", "html"):
        hints = job_posting_hints(document.data)
        if document.format == "jsonld" or document.data.get("description"):
            text = render_job_posting(document.data)
    chosen_title = title or (hints.title if hints else None) or document.title
    return parse_posting(
        text, title=chosen_title, source=source or document.source, lookup=lookup,
        record_id=record_id, hints=hints,
    )  # fmt: skip


def parse_posting_file(
    path: str | Path,
    *,
    title: str | None = None,
    lookup: TaxonomyLookup | None = None,
    record_id: str | None = None,
) -> PostingRecord:
    """Read and parse a job posting file (HTML, JSON-LD, TXT, Markdown, PDF or DOCX).

    Raises:
        ParseError: The file is missing, unsupported, damaged or empty.
    """
    document = extract_file(path)
    if document.format == "json-resume":
        raise ParseError(f"{document.source}: this is a JSON Resume, not a job posting")
    return parse_posting_document(document, title=title, lookup=lookup, record_id=record_id)


def parse_file(
    path: str | Path, kind: str, *, lookup: TaxonomyLookup | None = None
) -> ResumeRecord | PostingRecord:
    """Parse a file as a "resume" or a "posting".

    Raises:
        ParseError: ``kind`` is unknown, or the file cannot be parsed.
    """
    if kind == "resume":
        return parse_resume_file(path, lookup=lookup)
    if kind == "posting":
        return parse_posting_file(path, lookup=lookup)
    raise ParseError(f"{path}: unknown document kind {kind!r}; use 'resume' or 'posting'")


def parse_bytes(data: bytes, name: str, kind: str) -> ResumeRecord | PostingRecord:
    """Parse an uploaded file's bytes as a "resume" or a "posting" (format from ``name``)."""
    document = extract_bytes(data, name)
    if kind == "resume":
        return parse_resume_document(document)
    if kind == "posting":
        return parse_posting_document(document)
    raise ParseError(f"{name}: unknown document kind {kind!r}; use 'resume' or 'posting'")
