"""Parse one item from :func:`jobgraph.ingest.sources.discover` into a record.

Pure (no graph): ingestion calls it in worker processes, and the parse
evaluation's crash scan calls it too, so both parse exactly what ingest would.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Literal

from jobgraph.ingest.sources import SourceItem
from jobgraph.parse import (
    parse_posting_document,
    parse_posting_file,
    parse_posting_text,
    parse_resume_document,
    parse_resume_file,
    parse_resume_text,
)
from jobgraph.parse.extract import ExtractedDocument, extract_bytes
from jobgraph.parse.records import PostingRecord, ResumeRecord
from jobgraph.taxonomy.lookup import TaxonomyLookup

Kind = Literal["resume", "posting"]
Record = ResumeRecord | PostingRecord


def _structured(item: SourceItem) -> ExtractedDocument:
    """A JSONL object (JSON Resume or JobPosting) read the way a .json file would be."""
    data = json.dumps(item.document).encode("utf-8")
    return replace(extract_bytes(data, f"{Path(item.source).stem}.json"), source=item.source)


def parse_item(kind: Kind, item: SourceItem, *, lookup: TaxonomyLookup | None = None) -> Record:
    """Parse one document into a record.

    Args:
        kind: ``"resume"`` or ``"posting"``.
        item: A file, a text (CSV row, JSONL line) or a structured JSONL object.
        lookup: Taxonomy lookup for the parsers (the built-in one when ``None``).

    Returns:
        The parsed record.

    Raises:
        ParseError: The document cannot be read or parsed.
    """
    if kind == "resume":
        if item.path:
            return parse_resume_file(Path(item.path), lookup=lookup, record_id=item.record_id)
        if item.document is not None:
            return parse_resume_document(
                _structured(item), lookup=lookup, record_id=item.record_id
            )
        return parse_resume_text(
            item.text or "", source=item.source, lookup=lookup, record_id=item.record_id
        )
    if item.path:
        return parse_posting_file(Path(item.path), lookup=lookup, record_id=item.record_id)
    if item.document is not None:
        return parse_posting_document(_structured(item), lookup=lookup, record_id=item.record_id)
    return parse_posting_text(
        item.text or "",
        title=item.title,
        source=item.source,
        lookup=lookup,
        record_id=item.record_id,
    )
