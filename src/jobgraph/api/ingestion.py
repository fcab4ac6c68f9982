"""Parse one posted document and write it the way ``jobgraph ingest`` does.

The record is parsed with the same functions ingest's workers use, written by
the same graph writer (one-record batch, unchanged documents skipped by their
digest) and passed to the same after-write hooks (text vectors, then GNN
vectors). A per-id lock makes two simultaneous posts of one document answer
201 once and 200 once; across processes the uniqueness constraint behind the
writer's ``MERGE`` still keeps a single node.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from jobgraph.api.services import ApiServices
from jobgraph.api.uploads import SniffedUpload
from jobgraph.graph.documents_read import DocumentKind, stored_digest
from jobgraph.graph.record_batches import confirm_digests
from jobgraph.graph.record_writer import write_postings, write_resumes
from jobgraph.ingest.documents import Record
from jobgraph.parse import (
    parse_posting_document,
    parse_posting_text,
    parse_resume_document,
    parse_resume_text,
)
from jobgraph.parse.extract import extract_bytes
from jobgraph.parse.records import PostingRecord, ResumeRecord

Kind = Literal["resume", "posting"]


@dataclass(frozen=True)
class IngestOutcome:
    """What the API answers after a post (``schemas/api/ingested.schema.json``)."""

    record: Record
    kind: Kind
    created: bool
    changed: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.record.id,
            "kind": self.kind,
            "created": self.created,
            "changed": self.changed,
            "warnings": list(self.record.warnings),
            "skill_count": len(self.record.skills),
            "occupation_id": self.record.occupation_id,
        }


def parse_upload(kind: Kind, upload: SniffedUpload) -> Record:
    """Parse uploaded bytes whose format was read from the bytes themselves.

    Raises:
        ParseError: The document cannot be read or parsed.
    """
    document = extract_bytes(upload.data, f"upload{upload.suffix}")
    source = f"api-upload{upload.suffix}"
    if kind == "resume":
        return parse_resume_document(document, source=source)
    return parse_posting_document(document, source=source)


def parse_body(kind: Kind, body: dict[str, Any]) -> Record:
    """Parse a JSON body: ``{"text": ...}`` or ``{"document": {...}}`` (validated before).

    Raises:
        ParseError: The document cannot be parsed.
    """
    if "document" in body:
        data = json.dumps(body["document"]).encode("utf-8")
        document = extract_bytes(data, "upload.json")
        if kind == "resume":
            return parse_resume_document(document, source="api-json")
        return parse_posting_document(document, source="api-json")
    if kind == "resume":
        return parse_resume_text(body["text"], source="api-text")
    return parse_posting_text(body["text"], title=body.get("title"), source="api-text")


def ingest_record(services: ApiServices, kind: Kind, record: Record) -> IngestOutcome:
    """Write one parsed record and run the after-write hooks if it was written."""
    services.ensure_taxonomy()
    node_kind: DocumentKind = "candidate" if kind == "resume" else "posting"
    with services.document_lock(record.id):
        existed = stored_digest(services.driver, node_kind, record.id, services.database)
        # the digest is stored only after the vectors, so a crash in between leaves a
        # document that the next post of it writes again (as `jobgraph ingest` does)
        if isinstance(record, ResumeRecord):
            report = write_resumes(services.driver, [record], database=services.database,
                                   with_pii=services.store_pii, confirm=False)
        else:
            assert isinstance(record, PostingRecord)
            report = write_postings(services.driver, [record], database=services.database,
                                    confirm=False)
        if report.written:
            services.after_write([record])
            confirm_digests(services.driver, kind, report.digests, database=services.database)
    return IngestOutcome(record, kind, created=existed is None, changed=bool(report.written))
