"""Score the parsers against the hand-annotated gold set in ``eval/gold``.

The gold folder holds the documents and two annotation files,
``resumes.jsonl`` and ``postings.jsonl`` (one JSON object per document; the
fields are described in ``eval/gold/README.md``). Each document is parsed
with the public parser functions and compared field by field; counts are summed
over documents (micro-averaged). The rules:

* Skills (resume skills; posting required / preferred / all skills): exact sets
  of taxonomy skill ids.
* Job titles and employers: one-to-one matching of short texts by token sets
  (:func:`~jobgraph.evaluation.metrics.same_item`; legal forms such as
  "Inc." are ignored for employers).
* Job dates: gold and predicted jobs are first paired (title, employer and
  start date similarity); each gold job has two date slots, start and end.
  A start or end written as a month is right within one month; one written as a
  bare year is right when the year agrees; an open ("Present") end is right
  when the prediction is current. Unpaired jobs' dates count as misses and
  false alarms.
* Total experience: right within the document's tolerance (3 months unless the
  annotation widens it, e.g. for resumes dated in years only). Gold totals are
  counted up to ``as_of``; documents are parsed with that date as "today".
* Degree level: one-to-one matching on level (a gold entry may accept several
  levels, e.g. a J.D. as doctorate or master). Degree field: one-to-one
  matching of field texts by token sets (a gold field may list alternatives,
  e.g. a degree's name in the original language and in English).
* Posting scalars (min years within half a year, education level, remote mode,
  employment type, salary with min and max within 2% and the same period,
  salary currency): see :class:`~jobgraph.evaluation.metrics.ScalarTally`;
  a remote mode of "unknown" counts as absent.
* Occupation family: the family of the predicted occupation (looked up in the
  taxonomy) against the annotated family.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from jobgraph.evaluation.annotations import (
    accepted_levels,
    family_of,
    load_annotations,
    new_tallies,
    parse_or_log,
)
from jobgraph.evaluation.gold_postings import evaluate_postings
from jobgraph.evaluation.metrics import (
    Counts,
    content_tokens,
    greedy_pairs,
    item_counts,
    same_item,
)

__all__ = [
    "date_matches",
    "evaluate_gold",
    "evaluate_resumes",
    "load_annotations",
    "score_degrees",
    "score_job_dates",
]

DEFAULT_TOLERANCE = 3
RESUME_FIELDS = (
    "skills",
    "job_titles",
    "employers",
    "job_dates",
    "total_experience",
    "degree_level",
    "degree_field",
    "occupation_family",
    "contact_email",
    "contact_phone",
    "contact_name",
)


def _month_index(value: str) -> int:
    year, _, month = value.partition("-")
    return int(year) * 12 + (int(month) if month else 1) - 1


def _as_of(row: dict[str, Any]) -> date:
    year, month = row.get("as_of", "2026-11").split("-")
    return date(int(year), int(month), 15)


def date_matches(gold: str | None, predicted: str | None, predicted_current: bool) -> bool:
    """Whether a predicted job date agrees with a gold one (see module docstring)."""
    if gold is None:
        return predicted_current or predicted is None
    if predicted is None:
        return False
    if len(gold) == 4:
        return predicted[:4] == gold
    return abs(_month_index(gold) - _month_index(predicted)) <= 1


def _job_pair_score(gold: dict[str, Any], job: Any) -> float:
    score = same_item(content_tokens(gold.get("title")), content_tokens(job.title))
    score += same_item(
        content_tokens(gold.get("employer"), drop_legal=True),
        content_tokens(job.employer, drop_legal=True),
    )
    if gold.get("start") and job.start and date_matches(gold["start"], job.start, False):
        score += 1.0
    return score


def score_job_dates(gold_jobs: list[dict[str, Any]], predicted_jobs: list[Any]) -> Counts:
    """Date slots (start and end of every job) right within a month."""
    pairs = greedy_pairs(gold_jobs, predicted_jobs, _job_pair_score)
    right = 0
    for g, p, _ in pairs:
        gold, job = gold_jobs[g], predicted_jobs[p]
        right += int(job.start is not None and date_matches(gold["start"], job.start, False))
        right += int(
            (job.end is not None or job.current) and date_matches(gold["end"], job.end, job.current)
        )
    predicted_slots = sum(
        int(job.start is not None) + int(job.end is not None or job.current)
        for job in predicted_jobs
    )
    return Counts(right, predicted_slots, right, 2 * len(gold_jobs))


def score_degrees(gold: list[dict[str, Any]], predicted: list[Any]) -> tuple[Counts, Counts]:
    """Degree-level and degree-field counts for one resume."""
    gold_levels = [accepted_levels(entry.get("level")) for entry in gold]
    level_pairs = greedy_pairs(
        gold_levels,
        [entry.level for entry in predicted],
        lambda levels, level: 1.0 if level in levels else 0.0,
    )
    with_level = sum(1 for entry in predicted if entry.level)
    level_counts = Counts(len(level_pairs), with_level, len(level_pairs), len(gold))
    gold_fields = [_alternatives(entry.get("field")) for entry in gold]
    gold_fields = [options for options in gold_fields if options]
    pred_fields = [content_tokens(entry.field) for entry in predicted if entry.field]
    field_pairs = greedy_pairs(
        gold_fields,
        pred_fields,
        lambda options, field: max(same_item(option, field) for option in options),
    )
    field_counts = Counts(len(field_pairs), len(pred_fields), len(field_pairs), len(gold_fields))
    return level_counts, field_counts


def _alternatives(value: str | list[str] | None) -> list[frozenset[str]]:
    """Token sets of a gold text that may list several acceptable answers."""
    texts = [value] if isinstance(value, str) else list(value or [])
    return [tokens for tokens in (content_tokens(text) for text in texts) if tokens]


def _digits(text: str | None) -> str:
    return "".join(ch for ch in text or "" if ch.isdigit())


def evaluate_resumes(gold_dir: Path, *, lookup: Any = None, taxonomy: Any = None) -> dict[str, Any]:
    """Score the resume parser on ``gold_dir/resumes.jsonl`` (see module docstring)."""
    from jobgraph.parse import parse_resume_file

    rows = load_annotations(gold_dir / "resumes.jsonl")
    scalars = {
        "total_experience",
        "occupation_family",
        "contact_email",
        "contact_phone",
        "contact_name",
    }
    tallies = new_tallies(RESUME_FIELDS, scalars)
    by_format: dict[str, Counts] = {}
    documents: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    for row in rows:
        path = gold_dir / row["file"]
        record = parse_or_log(parse_resume_file, path, lookup, _as_of(row), failures)
        detail = _score_resume(row, record, tallies, taxonomy)
        fmt = path.suffix.lstrip(".").lower()
        by_format.setdefault(fmt, Counts()).add(detail.pop("_skill_counts"))
        documents.append(detail)
    return {
        "documents": len(rows),
        "failures": failures,
        "fields": {name: tally.as_dict() for name, tally in tallies.items()},
        "skills_by_format": {fmt: c.as_dict() for fmt, c in sorted(by_format.items())},
        "details": documents,
    }


def _score_resume(
    row: dict[str, Any], record: Any, tallies: dict[str, Any], taxonomy: Any
) -> dict[str, Any]:
    gold_skills = set(row.get("skills", []))
    pred_skills = {m.skill_id for m in record.skills} if record else set()
    skill_counts = Counts.of_sets(gold_skills, pred_skills)
    tallies["skills"].add(skill_counts)
    jobs = record.experience if record else []
    gold_jobs = row.get("jobs", [])
    titles, missed_titles, extra_titles = item_counts(
        [j.get("title") for j in gold_jobs], [j.title for j in jobs]
    )
    tallies["job_titles"].add(titles)
    employers, missed_employers, _ = item_counts(
        [j.get("employer") for j in gold_jobs], [j.employer for j in jobs], drop_legal=True
    )
    tallies["employers"].add(employers)
    tallies["job_dates"].add(score_job_dates(gold_jobs, jobs))
    tolerance = row.get("total_experience_tolerance", DEFAULT_TOLERANCE)
    gold_total = row.get("total_experience_months")
    tallies["total_experience"].add(
        gold_total,
        record.total_experience_months if record else None,
        lambda g, p: abs(g - p) <= tolerance,
    )
    levels, fields = score_degrees(row.get("education", []), record.education if record else [])
    tallies["degree_level"].add(levels)
    tallies["degree_field"].add(fields)
    tallies["occupation_family"].add(
        row.get("family"),
        family_of(record.occupation_id if record else None, taxonomy),
        lambda g, p: g == p,
    )
    contact = row.get("contact", {})
    pred_contact = record.contact if record else None
    tallies["contact_email"].add(
        contact.get("email"),
        pred_contact.email if pred_contact else None,
        lambda g, p: g.lower() == p.lower(),
    )
    tallies["contact_phone"].add(
        contact.get("phone"),
        pred_contact.phone if pred_contact else None,
        lambda g, p: _digits(g) == _digits(p),
    )
    tallies["contact_name"].add(
        contact.get("name"),
        pred_contact.name if pred_contact else None,
        lambda g, p: same_item(content_tokens(g), content_tokens(p), extra=1) > 0,
    )
    return {
        "file": row["file"],
        "missing_skills": sorted(gold_skills - pred_skills),
        "extra_skills": sorted(pred_skills - gold_skills),
        "missed_titles": missed_titles,
        "extra_titles": extra_titles,
        "missed_employers": missed_employers,
        "total_experience": [gold_total, record.total_experience_months if record else None],
        "_skill_counts": skill_counts,
    }


def evaluate_gold(gold_dir: Path, *, lookup: Any = None) -> dict[str, Any]:
    """Parse every gold document and score each field against its annotation.

    Args:
        gold_dir: The gold folder (``eval/gold`` in the repository).
        lookup: A :class:`~jobgraph.taxonomy.lookup.TaxonomyLookup` passed to the
            parsers; the built-in taxonomy's when ``None``.

    Returns:
        ``{"kind": "gold", "resumes": {...}, "postings": {...}}``; each part has
        ``documents``, ``failures`` (documents the parser rejected), ``fields``
        (precision / recall / F1 and counts per field) and per-document
        ``details`` listing what was missed.

    Raises:
        ParseError: An annotation file is missing or malformed.
    """
    taxonomy = getattr(lookup, "taxonomy", None)
    if taxonomy is None:
        from jobgraph.taxonomy.builtin import builtin_taxonomy

        taxonomy = builtin_taxonomy()
    return {
        "kind": "gold",
        "gold_dir": str(gold_dir),
        "resumes": evaluate_resumes(gold_dir, lookup=lookup, taxonomy=taxonomy),
        "postings": evaluate_postings(gold_dir, lookup=lookup, taxonomy=taxonomy),
    }
