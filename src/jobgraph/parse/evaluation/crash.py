"""Parse every real document in the shared data folder and count what breaks.

Sources (each optional; a missing one is reported as skipped):

* ``resumes/docx/*.docx``: real resumes, parsed with ``parse_resume_file``;
* ``resumes/indeed_resume_entities_dev.jsonl``: the ``content`` of each row,
  parsed with ``parse_resume_text``;
* ``postings/glassdoor_jobs_kenjee.csv`` and ``postings/Uncleaned_DS_jobs.csv``:
  "Job Title" plus "Job Description";
* ``postings/google_job_skills.csv`` (``;``-separated): the title, then the
  responsibilities and both qualification columns under their own headings.

For each source the result says how many documents parsed, how many the parser
rejected with a :class:`~jobgraph.errors.JobgraphError` (a clear message,
acceptable for junk input), how many crashed with any other exception (a bug),
the share with at least five skills, the median skill count and the time taken.
"""

from __future__ import annotations

import csv
import json
import statistics
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from jobgraph.errors import JobgraphError

MIN_SKILLS = 5
GLASSDOOR_FILES = ("glassdoor_jobs_kenjee.csv", "Uncleaned_DS_jobs.csv")
GOOGLE_FILE = "google_job_skills.csv"
GOOGLE_SECTIONS = (
    ("Responsibilities", "Responsibilities"),
    ("Minimum qualifications", "Minimum Qualifications"),
    ("Preferred qualifications", "Preferred Qualifications"),
)

Item = tuple[str, Callable[[], Any]]


def _csv_rows(path: Path, delimiter: str) -> Iterator[dict[str, str]]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        yield from csv.DictReader(handle, delimiter=delimiter)


def glassdoor_text(row: dict[str, str]) -> str:
    """Posting text of a Glassdoor CSV row: the title, a blank line, the description."""
    return f"{row.get('Job Title', '').strip()}\n\n{row.get('Job Description', '').strip()}"


def google_text(row: dict[str, str]) -> str:
    """Posting text of a Google CSV row, one heading per column."""
    parts = [row.get("Title", "").strip(), ""]
    for heading, column in GOOGLE_SECTIONS:
        body = (row.get(column) or "").strip()
        if body:
            parts += [heading, body, ""]
    return "\n".join(parts)


def _sources(data_dir: Path, lookup: Any) -> dict[str, Iterator[Item] | None]:
    from jobgraph.parse import parse_posting_text, parse_resume_file, parse_resume_text

    def docx_items(folder: Path) -> Iterator[Item]:
        for path in sorted(folder.glob("*.docx")):
            yield path.name, partial(parse_resume_file, path, lookup=lookup)

    def indeed_items(path: Path) -> Iterator[Item]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                text = json.loads(line).get("content") or ""
                yield f"line {number}", partial(parse_resume_text, text, lookup=lookup)

    def posting_items(
        path: Path, delimiter: str, to_text: Callable[[dict[str, str]], str]
    ) -> Iterator[Item]:
        for number, row in enumerate(_csv_rows(path, delimiter), start=2):
            yield f"row {number}", partial(parse_posting_text, to_text(row), lookup=lookup)

    resumes, postings = data_dir / "resumes", data_dir / "postings"
    sources: dict[str, Iterator[Item] | None] = {
        "resumes/docx": docx_items(resumes / "docx") if (resumes / "docx").is_dir() else None,
        "resumes/indeed": (
            indeed_items(resumes / "indeed_resume_entities_dev.jsonl")
            if (resumes / "indeed_resume_entities_dev.jsonl").is_file()
            else None
        ),
    }
    for name in GLASSDOOR_FILES:
        path = postings / name
        sources[f"postings/{name}"] = (
            posting_items(path, ",", glassdoor_text) if path.is_file() else None
        )
    google = postings / GOOGLE_FILE
    sources[f"postings/{GOOGLE_FILE}"] = (
        posting_items(google, ";", google_text) if google.is_file() else None
    )
    return sources


def _scan(items: Iterator[Item], limit: int | None, samples: int) -> dict[str, Any]:
    counts = {"documents": 0, "parsed": 0, "rejected": 0, "crashed": 0, "with_5_skills": 0}
    skill_counts: list[int] = []
    errors: list[str] = []
    started = time.perf_counter()
    for name, parse in items:
        if limit is not None and counts["documents"] >= limit:
            break
        counts["documents"] += 1
        try:
            record = parse()
        except JobgraphError as error:
            counts["rejected"] += 1
            if len(errors) < samples:
                errors.append(f"{name}: {error}")
            continue
        except Exception as error:  # a crash is exactly what this scan is for
            counts["crashed"] += 1
            if len(errors) < samples:
                errors.append(f"{name}: CRASH {type(error).__name__}: {error}")
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
    for name, items in _sources(data_dir, lookup).items():
        if items is None:
            results[name] = {"skipped": f"not found under {data_dir}"}
            continue
        results[name] = _scan(items, limit, samples)
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
