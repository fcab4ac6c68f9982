"""The three labelled sets of ``jobgraph eval match`` (see ``data/labelled/RULES.md``).

* hand-written (b): :mod:`jobgraph.evaluation.matching.handwritten`;
* synthetic (a): a ``jobgraph synth`` corpus's graded fit, as graded pairs;
* real (c): Indeed resumes × Google postings from the shared data folder,
  graded by the job field the documents themselves state (read at run time;
  the pairs file goes under ``build/``, never into the repository).
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
from pathlib import Path
from typing import Any

from jobgraph.errors import ConfigError
from jobgraph.evaluation.matching.handwritten import build_handwritten_set

INDEED_FILE = Path("resumes") / "indeed_resume_entities_dev.jsonl"
GOOGLE_FILE = Path("postings") / "google_job_skills.csv"
REAL_POSTINGS_PER_FIELD = 6
REAL_SEED = 11

#: Job field of a resume's designation: first matching rule wins (written by hand,
#: independent of jobgraph's taxonomy so the label cannot favour its lookup).
DESIGNATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("finance", r"financ|account|audit"),
    ("sales", r"\bsales\b|business development"),
    ("writing-marketing", r"writer|content|marketing"),
    ("program-management", r"project|program|\bpmo\b|coordinator"),
    ("customer-support", r"support|customer care|escalation|service desk|help ?desk"),
    (
        "infrastructure",
        r"system(s)? (engineer|administrator)|server|network|\bnoc\b|devops|dba|infrastructure",
    ),
    ("software", r"software|developer|programmer|application|\bapp\b|test|\bqa\b|java|automation"),
    ("solutions", r"consultant"),
)
#: Google posting categories in each field.
CATEGORY_FIELDS = {
    "Finance": "finance",
    "Sales & Account Management": "sales",
    "Marketing & Communications": "writing-marketing",
    "Technical Writing": "writing-marketing",
    "Program Management": "program-management",
    "Product & Customer Support": "customer-support",
    "Technical Infrastructure": "infrastructure",
    "Network Engineering": "infrastructure",
    "IT & Data Management": "infrastructure",
    "Data Center & Network": "infrastructure",
    "Software Engineering": "software",
    "Technical Solutions": "solutions",
}


def build_handwritten(source: str | None, out: str | None) -> dict[str, Any]:
    """Set (b): render and grade the hand-written facts (see handwritten.py)."""
    return build_handwritten_set(Path(source) if source else None, Path(out) if out else None)


def build_synthetic(corpus: Path, out: Path | None = None) -> dict[str, Any]:
    """Set (a): a synthetic corpus's ``truth/fit.jsonl`` as graded pairs.

    Args:
        corpus: A folder written by ``jobgraph synth``.
        out: The pairs file (default ``corpus/pairs.jsonl``); document paths
            in it are relative to its folder.

    Raises:
        ConfigError: The folder is not a synthetic corpus.
    """
    truth = corpus / "truth"
    try:
        files = {
            row["id"]: corpus / row["file"]
            for name in ("candidates.jsonl", "postings.jsonl")
            for row in map(json.loads, (truth / name).read_text(encoding="utf-8").splitlines())
        }
        fit = [json.loads(line) for line in (truth / "fit.jsonl").read_text().splitlines()]
    except (OSError, ValueError, KeyError) as error:
        raise ConfigError(
            f"{corpus}: not a synthetic corpus ({error}); make one with `jobgraph synth --out DIR`"
        ) from error
    out = out or corpus / "pairs.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    grades: dict[str, int] = {}
    with out.open("w", encoding="utf-8") as handle:
        for row in fit:
            resume, posting = row["candidate"], row["posting"]
            line = {
                "resume": os.path.relpath(files[resume], out.parent),
                "posting": os.path.relpath(files[posting], out.parent),
                "grade": int(row["grade"]),
                "resume_id": resume,
                "posting_id": posting,
                "relation": row.get("relation"),
                "coverage": row.get("coverage"),
            }
            grades[str(line["grade"])] = grades.get(str(line["grade"]), 0) + 1
            handle.write(json.dumps(line) + "\n")
    return {"pairs": len(fit), "grades": dict(sorted(grades.items())), "out": str(out)}


def designation_field(designation: str) -> str | None:
    """The job field of a designation by :data:`DESIGNATION_FIELDS` (``None``: none applies)."""
    text = designation.lower()
    for name, pattern in DESIGNATION_FIELDS:
        if re.search(pattern, text):
            return name
    return None


def _first_designation(row: dict[str, Any]) -> str | None:
    spans = [
        point
        for item in row.get("annotation") or []
        if "Designation" in (item.get("label") or [])
        for point in item.get("points") or []
    ]
    if not spans:
        return None
    return str(min(spans, key=lambda point: point["start"])["text"]).strip()


def _posting_text(row: dict[str, str]) -> str:
    parts = [row["Title"], f"{row['Company']} - {row['Location']}", ""]
    for heading in ("Responsibilities", "Minimum Qualifications", "Preferred Qualifications"):
        if row.get(heading, "").strip():
            parts.extend([heading, row[heading].strip(), ""])
    return "\n".join(parts).strip() + "\n"


def build_real(data_dir: Path | None = None, out: Path | None = None) -> dict[str, Any]:
    """Set (c): Indeed resumes × Google postings, grade 1 when both are in one job field.

    A resume's field comes from its first hand-labelled ``Designation`` span, a
    posting's from its stated ``Category`` (both mapped by the hand-written
    tables above); resumes without a mapped designation are left out, and up
    to six postings per field present among the resumes are drawn (seeded).

    Args:
        data_dir: The shared data folder (default ``<repo>/../shared/data``).
        out: The pairs file (default ``build/labelled/real.jsonl``).

    Raises:
        ConfigError: The data files are not there.
    """
    from jobgraph.evaluation import default_data_dir

    data_dir = data_dir or default_data_dir()
    resumes_path, postings_path = data_dir / INDEED_FILE, data_dir / GOOGLE_FILE
    if not resumes_path.is_file() or not postings_path.is_file():
        raise ConfigError(
            f"{data_dir}: needs {INDEED_FILE} and {GOOGLE_FILE} (the shared real data)"
        )
    resumes: list[tuple[str, str, str]] = []
    for number, line in enumerate(resumes_path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        designation = _first_designation(row)
        field = designation_field(designation) if designation else None
        if field is not None:
            resumes.append((f"indeed-{number:03d}", field, row["content"]))
    fields = sorted({field for _, field, _ in resumes})
    with postings_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    rng = random.Random(REAL_SEED)
    postings: list[tuple[str, str, str]] = []
    for field in fields:
        numbered = [
            (number, row)
            for number, row in enumerate(rows, 1)
            if CATEGORY_FIELDS.get(row["Category"]) == field
        ]
        for number, row in rng.sample(numbered, min(REAL_POSTINGS_PER_FIELD, len(numbered))):
            postings.append((f"google-{number:04d}", field, _posting_text(row)))
    out = out or Path("build") / "labelled" / "real.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    positives = 0
    with out.open("w", encoding="utf-8") as handle:
        for resume_id, resume_field, resume_text in resumes:
            for posting_id, posting_field, posting_text in postings:
                grade = int(resume_field == posting_field)
                positives += grade
                handle.write(
                    json.dumps(
                        {
                            "resume": resume_text,
                            "posting": posting_text,
                            "grade": grade,
                            "resume_id": resume_id,
                            "posting_id": posting_id,
                            "resume_field": resume_field,
                            "posting_field": posting_field,
                        }
                    )
                    + "\n"
                )
    return {
        "resumes": len(resumes),
        "postings": len(postings),
        "pairs": len(resumes) * len(postings),
        "positives": positives,
        "fields": fields,
        "out": str(out),
    }
