"""Write a synthetic corpus: resumes, postings and their ground truth.

Layout of ``out_dir``::

    resumes/cand-000001.txt|.md|.docx|.pdf
    postings/post-000001.txt|.md|.html|.json   (.json holds schema.org JSON-LD)
    truth/candidates.jsonl   one line per resume (same keys as eval/gold/resumes.jsonl,
                             plus occupation_id, seniority and skill_years)
    truth/postings.jsonl     one line per posting (keys as eval/gold/postings.jsonl)
    truth/fit.jsonl          graded candidate -> posting pairs (see jobgraph.synth.fit)
    summary.json             what was written

Candidates and postings are spread evenly over the taxonomy's occupational
families (family ``i mod n``), with the occupation drawn at random within the
family. Every document has its own random generator seeded from the corpus
seed and its number, so a corpus is reproducible and does not depend on
Python's hash seed.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from jobgraph.errors import ConfigError
from jobgraph.synth import layout, posting_render, writers
from jobgraph.synth.catalog import Catalog, build_catalog
from jobgraph.synth.fit import FitIndex
from jobgraph.synth.profiles import CandidateTruth, PostingTruth, make_candidate, make_posting
from jobgraph.synth.resume_render import resume_blocks
from jobgraph.taxonomy.model import Taxonomy

RESUME_FORMATS = ("txt", "md", "docx", "pdf")
POSTING_FORMATS = ("txt", "md", "html", "jsonld")
POSTING_SUFFIX = {"txt": ".txt", "md": ".md", "html": ".html", "jsonld": ".json"}
DEFAULT_AS_OF = "2026-06"


@dataclass(slots=True)
class CorpusSummary:
    """What :func:`generate_corpus` wrote."""

    out_dir: str
    seed: int
    as_of: str
    candidates: int
    postings: int
    fit_pairs: int
    families: dict[str, int] = field(default_factory=dict)
    formats: dict[str, int] = field(default_factory=dict)
    grades: dict[str, int] = field(default_factory=dict)
    gold_documents: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """Plain-dict form (what ``summary.json`` holds)."""
        return asdict(self)


def _month_index(text: str) -> int:
    year, month = text.split("-")
    return int(year) * 12 + int(month) - 1


def _month_str(index: int, precision_month: bool) -> str:
    year, month = divmod(index, 12)
    return f"{year}-{month + 1:02d}" if precision_month else str(year)


def _check_formats(formats: tuple[str, ...], allowed: tuple[str, ...], what: str) -> None:
    unknown = [f for f in formats if f not in allowed]
    if unknown or not formats:
        raise ConfigError(
            f"{what} formats {list(formats)} not supported; choose from {', '.join(allowed)}"
        )


def _candidate_row(
    truth: CandidateTruth, file: str, fmt: str, style: layout.Style, as_of: str
) -> dict[str, Any]:
    precise = style.month_precision
    return {
        "id": truth.id,
        "file": file,
        "format": fmt,
        "family": truth.family,
        "occupation_id": truth.occupation_id,
        "seniority": truth.seniority,
        "as_of": as_of,
        "contact": {"name": truth.name, "email": truth.email, "phone": truth.phone},
        "skills": sorted(truth.skills),
        "skill_years": {skill: truth.skills[skill] for skill in sorted(truth.skills)},
        "skill_surfaces": {skill: truth.surfaces[skill] for skill in sorted(truth.skills)},
        "jobs": [
            {
                "title": job.title,
                "employer": job.employer,
                "occupation_id": job.occupation_id,
                "start": _month_str(job.start, precise),
                "end": None if job.end is None else _month_str(job.end, precise),
            }
            for job in truth.jobs
        ],
        "total_experience_months": truth.total_months,
        "total_experience_tolerance": 3 if precise else 12,
        "education": [
            {"level": e.level, "field": e.field, "institution": e.institution, "year": e.year}
            for e in truth.education
        ],
    }


def _posting_row(truth: PostingTruth, file: str, fmt: str) -> dict[str, Any]:
    low, high, currency, period = truth.salary
    return {
        "id": truth.id,
        "file": file,
        "format": fmt,
        "family": truth.family,
        "occupation_id": truth.occupation_id,
        "title": truth.title,
        "company": truth.company,
        "required_skills": list(truth.required),
        "preferred_skills": list(truth.preferred),
        "skill_surfaces": dict(sorted(truth.surfaces.items())),
        "min_years_experience": truth.min_years,
        "education_level": truth.education_level,
        "remote": truth.remote,
        "employment_type": truth.employment_type,
        "salary": {"min": low, "max": high, "currency": currency, "period": period},
    }


def _write_resume(
    rng: random.Random, catalog: Catalog, truth: CandidateTruth, folder: Path, fmt: str
) -> tuple[str, layout.Style]:
    style = layout.Style.pick(rng)
    blocks = resume_blocks(rng, catalog, truth, style)
    target = folder / f"{truth.id}.{fmt}"
    if fmt == "docx":
        writers.write_docx(blocks, target, table_jobs=rng.random() < 0.3)
    elif fmt == "pdf":
        writers.write_pdf(blocks, target)
    else:
        target.write_text(layout.to_text(blocks, style, markdown=fmt == "md"), encoding="utf-8")
    return f"resumes/{target.name}", style


def _write_posting(rng: random.Random, truth: PostingTruth, folder: Path, fmt: str) -> str:
    parts = posting_render.posting_parts(rng, truth)
    target = folder / f"{truth.id}{POSTING_SUFFIX[fmt]}"
    if fmt == "html":
        text = posting_render.to_html(truth, parts)
    elif fmt == "jsonld":
        text = posting_render.to_jsonld(truth, parts)
    else:
        text = posting_render.to_text(truth, parts, markdown=fmt == "md")
    target.write_text(text, encoding="utf-8")
    return f"postings/{target.name}"


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def generate_corpus(
    out_dir: Path,
    *,
    candidates: int,
    postings: int,
    seed: int,
    taxonomy: Taxonomy | None = None,
    formats: tuple[str, ...] = ("txt", "docx", "pdf"),
    posting_formats: tuple[str, ...] = ("txt", "html", "jsonld"),
    as_of: str = DEFAULT_AS_OF,
) -> CorpusSummary:
    """Generate resumes and postings with their ground truth (see module docstring).

    Args:
        out_dir: Folder to write into (created; existing files are overwritten).
        candidates: Number of resumes.
        postings: Number of postings.
        seed: Random seed; the same seed and taxonomy give the same corpus.
        taxonomy: Vocabulary to draw occupations and skills from; the built-in
            taxonomy when ``None``.
        formats: Resume formats mixed at random: txt, md, docx, pdf.
        posting_formats: Posting formats mixed at random: txt, md, html, jsonld.
        as_of: The month "Present" stands for, ``YYYY-MM``.

    Returns:
        A :class:`CorpusSummary`.

    Raises:
        ConfigError: A count is negative or a format is unknown.
        TaxonomyError: The taxonomy has no occupations or skills to draw from.
    """
    started = time.perf_counter()
    if candidates < 0 or postings < 0:
        raise ConfigError("candidates and postings must be zero or more")
    _check_formats(formats, RESUME_FORMATS, "resume")
    _check_formats(posting_formats, POSTING_FORMATS, "posting")
    if taxonomy is None:
        from jobgraph.taxonomy.builtin import builtin_taxonomy

        taxonomy = builtin_taxonomy()
    catalog = build_catalog(taxonomy)
    families = sorted(catalog.families)
    now = _month_index(as_of)
    resume_dir, posting_dir, truth_dir = (
        out_dir / "resumes",
        out_dir / "postings",
        out_dir / "truth",
    )
    for folder in (resume_dir, posting_dir, truth_dir):
        folder.mkdir(parents=True, exist_ok=True)

    format_counts: Counter[str] = Counter()
    posting_truths, posting_rows = [], []
    for number in range(postings):
        rng = random.Random(f"{seed}:posting:{number}")
        family = families[(number + 1) % len(families)]
        occupation = rng.choice(catalog.families[family])
        posting = make_posting(rng, catalog, occupation, f"post-{number + 1:06d}")
        fmt = rng.choice(posting_formats)
        format_counts[f"posting.{fmt}"] += 1
        file = _write_posting(rng, posting, posting_dir, fmt)
        posting_rows.append(_posting_row(posting, file, fmt))
        posting_truths.append(posting)

    fit_index = FitIndex(catalog, posting_truths)
    family_counts: Counter[str] = Counter()
    grade_counts: Counter[str] = Counter()
    candidate_rows, fit_rows = [], []
    for number in range(candidates):
        rng = random.Random(f"{seed}:candidate:{number}")
        family = families[number % len(families)]
        occupation = rng.choice(catalog.families[family])
        truth = make_candidate(rng, catalog, occupation, f"cand-{number + 1:06d}", now)
        fmt = rng.choice(formats)
        format_counts[f"resume.{fmt}"] += 1
        family_counts[family] += 1
        file, style = _write_resume(rng, catalog, truth, resume_dir, fmt)
        candidate_rows.append(_candidate_row(truth, file, fmt, style, as_of))
        for judgement in fit_index.judgements(rng, truth):
            fit_rows.append(judgement.as_dict())
            grade_counts[str(judgement.grade)] += 1

    _write_jsonl(truth_dir / "candidates.jsonl", candidate_rows)
    _write_jsonl(truth_dir / "postings.jsonl", posting_rows)
    _write_jsonl(truth_dir / "fit.jsonl", fit_rows)
    summary = CorpusSummary(
        out_dir=str(out_dir),
        seed=seed,
        as_of=as_of,
        candidates=candidates,
        postings=postings,
        fit_pairs=len(fit_rows),
        families=dict(sorted(family_counts.items())),
        formats=dict(sorted(format_counts.items())),
        grades=dict(sorted(grade_counts.items())),
        seconds=round(time.perf_counter() - started, 2),
    )
    (out_dir / "summary.json").write_text(
        json.dumps(_stable_summary(summary), indent=2) + "\n",
        encoding="utf-8",
    )
    return summary


def _stable_summary(summary: CorpusSummary) -> dict[str, Any]:
    # Leave out what differs between two runs of one seed (folder, timing).
    return {k: v for k, v in summary.as_dict().items() if k not in ("out_dir", "seconds")}


def _checkout_gold_dir() -> Path:
    # src/jobgraph/synth/corpus.py -> <repo>/eval/gold in a source checkout
    return Path(__file__).resolve().parents[3] / "eval" / "gold"


def build_demo_corpus(
    out_dir: Path, *, gold_dir: Path | None = None, seed: int = 2026
) -> CorpusSummary:
    """Write the demo corpus: 300 synthetic resumes and postings plus the gold documents.

    The synthetic part mixes every resume and posting format; the hand-written
    gold documents (with their annotation files) are copied to ``out_dir/gold``
    when the gold folder exists (it does in a source checkout).

    Args:
        out_dir: Folder to write into.
        gold_dir: The gold folder; ``eval/gold`` of the source checkout when ``None``.
        seed: Seed of the synthetic part.

    Returns:
        The summary; ``gold_documents`` counts the copied gold documents.
    """
    summary = generate_corpus(
        out_dir,
        candidates=300,
        postings=300,
        seed=seed,
        formats=RESUME_FORMATS,
        posting_formats=POSTING_FORMATS,
    )
    source = gold_dir or _checkout_gold_dir()
    copied = 0
    if source.is_dir():
        for kind in ("resumes", "postings"):
            target = out_dir / "gold" / kind
            target.mkdir(parents=True, exist_ok=True)
            for path in sorted((source / kind).glob("*")):
                if path.is_file():
                    shutil.copy2(path, target / path.name)
                    copied += 1
            annotations = source / f"{kind}.jsonl"
            if annotations.is_file():
                shutil.copy2(annotations, out_dir / "gold" / annotations.name)
    summary.gold_documents = copied
    return summary
