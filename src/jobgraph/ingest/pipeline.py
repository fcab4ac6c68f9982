"""Parse documents in worker processes and write them to the graph in batches.

Parsing is CPU-bound and pure, so it runs in a process pool (each worker builds
its spaCy pipeline and taxonomy lookup once); writing happens in the parent, one
transaction per batch, while the workers go on parsing. A document that fails
is recorded with its reason and the batch goes on.

A run stopped at any point (killed, or the server gone) leaves nothing half
done that the next run would skip: a batch's records count as done (their
digest stored) only after its transaction and its ``after_write`` step, and the
failures file is replaced whole at the end.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from neo4j import Driver
from tqdm import tqdm

from jobgraph.errors import JobgraphError
from jobgraph.graph.input_digests import known_input_digests, store_input_digests
from jobgraph.graph.record_batches import WriteReport, confirm_digests
from jobgraph.graph.record_writer import write_postings, write_resumes
from jobgraph.graph.taxonomy_reader import load_taxonomy_in_force
from jobgraph.graph.taxonomy_writer import ensure_builtin_taxonomy
from jobgraph.ingest.documents import Kind, Record, parse_item
from jobgraph.ingest.input_digest import input_digest
from jobgraph.ingest.sources import SourceFailure, SourceItem
from jobgraph.parse import parse_posting_text, parse_resume_text
from jobgraph.parse.pipeline import lookup_for
from jobgraph.parse.records import PostingRecord, ResumeRecord
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.model import Taxonomy

__all__ = ["IngestReport", "Kind", "Record", "ingest", "parse_item"]

WINDOW = 2_048


@dataclass
class IngestReport:
    """Final counts of an ingest run, and every failure with its reason."""

    kind: str
    ingested: int = 0
    unchanged: int = 0
    failed: list[SourceFailure] = field(default_factory=list)
    #: Documents whose id an earlier document of this run had (also counted as
    #: ingested when they replaced that record, else as unchanged).
    repeated: int = 0
    #: Of the unchanged: documents skipped unparsed, their input digest known.
    skipped: int = 0
    relationships: int = 0
    parse_seconds: float = 0.0
    write_seconds: float = 0.0
    seconds: float = 0.0
    taxonomy_version: str = ""

    @property
    def total(self) -> int:
        """Documents seen: ingested + unchanged + failed, one per file, row or line."""
        return self.ingested + self.unchanged + len(self.failed)

    def to_dict(self) -> dict[str, object]:
        """Return the report as JSON-ready data."""
        return {
            "kind": self.kind,
            "total": self.total,
            "ingested": self.ingested,
            "unchanged": self.unchanged,
            "repeated": self.repeated,
            "skipped_unparsed": self.skipped,
            "failed": len(self.failed),
            "relationships": self.relationships,
            "taxonomy_version": self.taxonomy_version,
            "seconds": round(self.seconds, 2),
            "documents_per_second": round(self.total / self.seconds, 1) if self.seconds else None,
        }


# The lookup of this process: set once per worker by _warm_up, from the taxonomy
# the parent sent once (never per document).
_WORKER_LOOKUP: TaxonomyLookup | None = None


def _safe_parse(job: tuple[Kind, SourceItem]) -> tuple[str, Record | None, str | None, float]:
    kind, item = job
    started = time.perf_counter()
    try:
        record = parse_item(kind, item, lookup=_WORKER_LOOKUP)
    except JobgraphError as error:
        return item.source, None, str(error), time.perf_counter() - started
    except Exception as error:  # one bad document must never stop the batch
        reason = f"unexpected {type(error).__name__}: {error}"
        return item.source, None, reason, time.perf_counter() - started
    return item.source, record, None, time.perf_counter() - started


def _exit_with_parent(parent_pid: int) -> None:
    """End this worker as soon as the ingest process that started it is gone.

    A killed ingest (SIGKILL, the OOM killer) cannot shut its pool down, and its
    workers, each holding a parser and a taxonomy lookup, would wait forever on
    a queue whose other writers are their idle siblings.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _warm_up(
    kind: Kind,
    taxonomy: Taxonomy | None = None,
    parent_pid: int | None = None,
    lookup_cache: Path | None = None,
) -> None:
    """Build the lookup and parser once per worker, before the first document arrives."""
    global _WORKER_LOOKUP
    if parent_pid is not None:
        _exit_with_parent(parent_pid)
    _WORKER_LOOKUP = lookup_for(taxonomy, cache_dir=lookup_cache) if taxonomy is not None else None
    if kind == "resume":
        parse_resume_text("Python developer", source="warm-up", lookup=_WORKER_LOOKUP)
    else:
        parse_posting_text("Python developer", source="warm-up", lookup=_WORKER_LOOKUP)


def _parsed(
    kind: Kind,
    items: list[SourceItem],
    workers: int,
    taxonomy: Taxonomy | None = None,
    lookup_cache: Path | None = None,
) -> Generator[tuple[str, Record | None, str | None, float], None, None]:
    """Parse ``items`` in order, ``workers`` processes at a time (inline when 1)."""
    if workers <= 1:
        if not items:
            return
        _warm_up(kind, taxonomy, lookup_cache=lookup_cache)
        for item in items:
            yield _safe_parse((kind, item))
        return
    with ProcessPoolExecutor(
        max_workers=workers,
        initializer=_warm_up,
        initargs=(kind, taxonomy, os.getpid(), lookup_cache),
    ) as pool:
        iterator = iter(items)
        # Submit in windows so memory stays flat for very large inputs.
        while window := list(islice(iterator, WINDOW)):
            yield from pool.map(_safe_parse, [(kind, item) for item in window], chunksize=8)


def ingest(
    driver: Driver,
    items: Iterable[SourceItem | SourceFailure],
    kind: Kind,
    *,
    database: str = "neo4j",
    workers: int | None = None,
    batch_size: int = 500,
    with_pii: bool = False,
    failures_path: Path | None = None,
    progress: bool = True,
    total: int | None = None,
    after_write: Callable[[list[Record]], None] | None = None,
    taxonomy: Taxonomy | None = None,
    lookup_cache: Path | None = None,
) -> IngestReport:
    """Parse and write every document; failures are reported, never fatal.

    Args:
        driver: Open driver (the taxonomy is loaded first if the graph has none).
        items: Documents from :func:`jobgraph.ingest.sources.discover`.
        kind: ``"resume"`` or ``"posting"``.
        database: Target database.
        workers: Parser processes; defaults to the number of CPUs.
        batch_size: Records per write transaction.
        with_pii: Store resume contact blocks in ``:Contact`` nodes.
        failures_path: JSONL file receiving one line per failure (written only
            when something failed).
        progress: Show a progress bar.
        total: Number of documents, for the progress bar.
        after_write: Called with the records of each batch that were written
            (new or changed), after their transaction; ingest uses it to add
            text vectors (:class:`jobgraph.embed.text_features.IngestVectorHook`).
        taxonomy: The taxonomy to parse with; ``None`` reads the one in force
            from the graph (:func:`~jobgraph.graph.taxonomy_reader.load_taxonomy_in_force`:
            the built-in one unless ESCO / O*NET were imported). Workers receive
            it once.
        lookup_cache: The user's taxonomy data folder, where each worker reads
            the built skill lookup (or writes it, the first time) instead of
            building it (:mod:`jobgraph.taxonomy.lookup_cache`).

    Returns:
        Counts of ingested, unchanged and failed documents, with timings.
    """
    started = time.monotonic()
    report = IngestReport(kind=kind)
    ensure_builtin_taxonomy(driver, database)
    if taxonomy is None:
        taxonomy = load_taxonomy_in_force(driver, database)
    report.taxonomy_version = taxonomy.version
    workers = workers or os.cpu_count() or 1
    documents: list[SourceItem] = []
    for item in items:
        if isinstance(item, SourceFailure):
            report.failed.append(item)
        else:
            documents.append(item)
    # A document whose input a done record was parsed from is not parsed again.
    inputs = [
        input_digest(kind, item, taxonomy_version=taxonomy.version, with_pii=with_pii)
        for item in documents
    ]
    known = known_input_digests(
        driver, kind, [digest for digest in inputs if digest], database=database
    )
    # Where the last skipped document of each id stands: a parsed document of the
    # same id before it would be replaced by it, as in the run that stored it.
    skipped_at: dict[str, int] = {}
    to_parse: list[tuple[int, str | None]] = []
    for position, digest in enumerate(inputs):
        if digest is not None and digest in known:
            skipped_at[known[digest]] = position
        else:
            to_parse.append((position, digest))
    report.skipped = report.unchanged = len(documents) - len(to_parse)

    # With an after_write step, a record is done only once that step has run too.
    confirm = after_write is None
    write: Callable[[list[Record]], WriteReport]
    if kind == "resume":
        def write(batch: list[Record]) -> WriteReport:
            resumes = [r for r in batch if isinstance(r, ResumeRecord)]
            return write_resumes(
                driver, resumes, database=database, with_pii=with_pii, confirm=confirm
            )
    else:
        def write(batch: list[Record]) -> WriteReport:
            postings = [r for r in batch if isinstance(r, PostingRecord)]
            return write_postings(driver, postings, database=database, confirm=confirm)

    seen_ids: set[str] = set()
    # The input digest of each record id in the current batch (the last one wins).
    batch_inputs: dict[str, str] = {}

    def flush(batch: list[Record]) -> None:
        if not batch:
            return
        outcome = write(batch)
        # The writer reports each id once (the batch's last document of an id wins);
        # the documents it did not write count as unchanged, so totals match the input.
        report.ingested += len(outcome.written)
        report.unchanged += len(batch) - len(outcome.written)
        for record in batch:
            report.repeated += record.id in seen_ids
            seen_ids.add(record.id)
        report.relationships += outcome.relationships
        report.write_seconds += outcome.seconds
        if after_write is not None and outcome.written:
            written = set(outcome.written)
            after_write([record for record in batch if record.id in written])
            confirm_digests(driver, kind, outcome.digests, database=database)
        store_input_digests(driver, kind, batch_inputs, database=database)
        batch.clear()
        batch_inputs.clear()

    batch: list[Record] = []
    # closing(): if a write fails, the workers' queued documents are dropped at once.
    with tqdm(
        total=total or len(documents), desc=f"ingest {kind}s", unit="doc", disable=not progress
    ) as bar, closing(
        _parsed(
            kind,
            [documents[position] for position, _ in to_parse],
            workers,
            taxonomy,
            lookup_cache,
        )
    ) as parsed:
        bar.update(report.skipped)
        for (position, digest), (source, record, reason, seconds) in zip(
            to_parse, parsed, strict=True
        ):
            report.parse_seconds += seconds
            if record is None:
                report.failed.append(SourceFailure(source, reason or "unknown error"))
            elif skipped_at.get(record.id, -1) > position:
                # A later document of this id, skipped, replaces this one: as before.
                report.unchanged += 1
                report.repeated += 1
            else:
                batch.append(record)
                batch_inputs.pop(record.id, None)
                if digest is not None:
                    batch_inputs[record.id] = digest
                if len(batch) >= batch_size:
                    flush(batch)
            bar.update(1)
        flush(batch)
    report.seconds = time.monotonic() - started
    if failures_path is not None and report.failed:
        write_failures(failures_path, report.failed)
    return report


def write_failures(path: Path, failures: Iterable[SourceFailure]) -> None:
    """Replace ``path`` with one JSON line per failure, all at once.

    The lines go to a temporary file beside ``path`` that is then renamed over
    it, so a run killed while writing leaves the previous file whole, never a
    cut or doubled list.

    Args:
        path: The failures file (JSONL).
        failures: Failed documents with their reasons, one line each.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with partial.open("w", encoding="utf-8") as handle:
            for failure in failures:
                line = {"source": failure.source, "reason": failure.reason}
                handle.write(json.dumps(line) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
