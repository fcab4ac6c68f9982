"""Parse every real document in the shared data folder and count what breaks.

Sources (each optional; a missing one is reported as skipped):

* ``resumes/docx/*.docx``: real resumes;
* ``resumes/indeed_resume_entities_dev.jsonl``: one resume per line (its
  ``content``);
* ``postings/glassdoor_jobs_kenjee.csv``, ``postings/Uncleaned_DS_jobs.csv`` and
  ``postings/google_job_skills.csv``: one posting per row.

Documents are read and parsed exactly as ``jobgraph ingest`` reads and parses
them (:func:`jobgraph.ingest.sources.discover`, then
:func:`jobgraph.ingest.documents.parse_item`), so these figures describe what
ingest does with the same files.

For each source the result says how many documents parsed, how many were
rejected with a :class:`~jobgraph.errors.JobgraphError` or could not be read (a
clear message, acceptable for junk input), how many crashed with any other
exception (a bug), the share with at least five skills, the median skill count
and the time taken.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jobgraph.errors import JobgraphError
from jobgraph.ingest.documents import Kind, parse_item
from jobgraph.ingest.sources import SourceFailure, SourceItem, discover

MIN_SKILLS = 5
POSTING_FILES = ("glassdoor_jobs_kenjee.csv", "Uncleaned_DS_jobs.csv", "google_job_skills.csv")
INDEED_FILE = "indeed_resume_entities_dev.jsonl"

Items = tuple[Kind, Iterator[SourceItem | SourceFailure]]


def _sources(data_dir: Path) -> dict[str, Items | None]:
    resumes, postings = data_dir / "resumes", data_dir / "postings"
    docx, indeed = resumes / "docx", resumes / INDEED_FILE
    sources: dict[str, Items | None] = {
        "resumes/docx": ("resume", discover([str(docx / "*.docx")])) if docx.is_dir() else None,
        "resumes/indeed": ("resume", discover([str(indeed)])) if indeed.is_file() else None,
    }
    for name in POSTING_FILES:
        path = postings / name
        sources[f"postings/{name}"] = ("posting", discover([str(path)])) if path.is_file() else None
    return sources


def _name(source: str) -> str:
    """``/data/postings/x.csv#line12`` -> ``x.csv#line12``: short enough for a report."""
    return Path(source).name


def _scan(
    kind: Kind,
    items: Iterator[SourceItem | SourceFailure],
    lookup: Any,
    limit: int | None,
    samples: int,
) -> dict[str, Any]:
    counts = {"documents": 0, "parsed": 0, "rejected": 0, "crashed": 0, "with_5_skills": 0}
    skill_counts: list[int] = []
    errors: list[str] = []
    started = time.perf_counter()
    for item in items:
        if limit is not None and counts["documents"] >= limit:
            break
        counts["documents"] += 1
        if isinstance(item, SourceFailure):
            counts["rejected"] += 1
            if len(errors) < samples:
                errors.append(f"{_name(item.source)}: {item.reason}")
            continue
        try:
            record = parse_item(kind, item, lookup=lookup)
        except JobgraphError as error:
            counts["rejected"] += 1
            if len(errors) < samples:
                errors.append(f"{_name(item.source)}: {error}")
            continue
        except Exception as error:  # a crash is exactly what this scan is for
            counts["crashed"] += 1
            if len(errors) < samples:
                errors.append(f"{_name(item.source)}: CRASH {type(error).__name__}: {error}")
            continue
        counts["parsed"] += 1
        skill_counts.append(len(record.skills))
        counts["with_5_skills"] += int(len(record.skills) >= MIN_SKILLS)
    seconds = time.perf_counter() - started
    total = counts["documents"] or 1
    return {
        **counts,
        "share_parsed": round(counts["parsed"] / total, 4),
        "share_with_5_skills": round(counts["with_5_skills"] / total, 4),
        "median_skills": statistics.median(skill_counts) if skill_counts else 0,
        "seconds": round(seconds, 2),
        "ms_per_document": round(1000 * seconds / total, 1),
        "errors": errors,
    }


def crash_scan(
    data_dir: Path, *, lookup: Any = None, limit: int | None = None, samples: int = 10
) -> dict[str, Any]:
    """Parse every real resume and posting under ``data_dir`` (see module docstring).

    Args:
        data_dir: The shared data folder (``<repo>/../shared/data``).
        lookup: Optional taxonomy lookup passed to the parsers.
        limit: Parse at most this many documents per source (for quick runs).
        samples: How many error messages to keep per source.

    Returns:
        ``{"kind": "crash_scan", "sources": {name: stats or {"skipped": reason}},
        "total": {...}}`` with the shares over all parsed sources.
    """
    results: dict[str, Any] = {}
    for name, source in _sources(data_dir).items():
        if source is None:
            results[name] = {"skipped": f"not found under {data_dir}"}
            continue
        kind, items = source
        results[name] = _scan(kind, items, lookup, limit, samples)
    scanned = [r for r in results.values() if "skipped" not in r]
    documents = sum(r["documents"] for r in scanned)
    total = {
        key: sum(r[key] for r in scanned)
        for key in ("documents", "parsed", "rejected", "crashed", "with_5_skills")
    }
    total["share_parsed"] = round(total["parsed"] / documents, 4) if documents else 0.0
    total["share_with_5_skills"] = (
        round(total["with_5_skills"] / documents, 4) if documents else 0.0
    )
    return {"kind": "crash_scan", "data_dir": str(data_dir), "sources": results, "total": total}
