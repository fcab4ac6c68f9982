"""Digest of what a document's parse depends on, so a re-run can skip it unparsed.

Parsing is the costly step of a re-run (about 40 documents per second on two
cores), and its result depends only on: the document's bytes (or the CSV row /
JSONL line it came from), its source name, a caller-given id and title, the
taxonomy version, whether contact details are kept, the parser's code, and
today's date (durations run "to present"). :func:`input_digest` hashes exactly
these. A document whose digest is stored on a node that is marked done was
parsed and written from the same input, so parsing it again would write the same
record: ingest counts it as unchanged without parsing it.

Pure (no graph): the graph layer stores and looks up the digests.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from jobgraph.code_digest import source_digest
from jobgraph.ingest.sources import SourceItem

#: The code that decides what a parse returns; a change to any of it changes every
#: digest, so an upgraded parser re-parses everything once.
_PARSER_CODE = ("parse", "taxonomy", "ingest/documents.py", "ingest/input_digest.py")
_READ_CHUNK = 1 << 20


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """Hash of the parser's source files and the spaCy version it runs with (once per process)."""
    import spacy

    return hashlib.sha256(
        f"spacy {spacy.__version__} {source_digest(*_PARSER_CODE)}".encode()
    ).hexdigest()


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_READ_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def input_digest(
    kind: str,
    item: SourceItem,
    *,
    taxonomy_version: str,
    with_pii: bool,
    today: date | None = None,
) -> str | None:
    """Return the digest of everything ``item``'s parse depends on.

    Args:
        kind: ``"resume"`` or ``"posting"``.
        item: A document from :func:`jobgraph.ingest.sources.discover`.
        taxonomy_version: Version of the taxonomy it is parsed with.
        with_pii: Whether contact details are stored.
        today: The parse date (today when ``None``).

    Returns:
        A hex SHA-256, or ``None`` when the file cannot be read (the parse then
        reports why).
    """
    if item.path:
        try:
            content = _file_digest(Path(item.path))
        except OSError:
            return None
    else:
        content = hashlib.sha256(
            json.dumps([item.text, item.document], sort_keys=True, default=str).encode()
        ).hexdigest()
    parts = [
        kind,
        item.source,
        item.record_id,
        item.title,
        content,
        taxonomy_version,
        with_pii,
        (today or date.today()).isoformat(),
        parser_fingerprint(),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()
