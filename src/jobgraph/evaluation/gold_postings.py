"""Score the posting parser on ``postings.jsonl`` (rules: :mod:`.gold`)."""

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
from jobgraph.evaluation.metrics import Counts, content_tokens, same_item

POSTING_FIELDS = (
    "title",
    "occupation_family",
    "required_skills",
    "preferred_skills",
    "all_skills",
    "min_years",
    "education_level",
    "remote",
    "employment_type",
    "salary",
    "salary_currency",
)


def _salary_equal(gold: dict[str, Any], predicted: Any) -> bool:
    def close(a: float | None, b: float | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return abs(a - b) <= 0.02 * max(abs(a), 1.0)

    return (
        close(gold.get("min"), predicted.min)
        and close(gold.get("max"), predicted.max)
        and gold.get("period") == predicted.period
    )


def evaluate_postings(
    gold_dir: Path, *, lookup: Any = None, taxonomy: Any = None
) -> dict[str, Any]:
    """Score the posting parser on ``gold_dir/postings.jsonl`` (see module docstring)."""
    from jobgraph.parse import parse_posting_file

    rows = load_annotations(gold_dir / "postings.jsonl")
    scalars = {
        "title",
        "occupation_family",
        "min_years",
        "education_level",
        "remote",
        "employment_type",
        "salary",
        "salary_currency",
    }
    tallies = new_tallies(POSTING_FIELDS, scalars)
    documents: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    for row in rows:
        record = parse_or_log(
            parse_posting_file, gold_dir / row["file"], lookup, date.today(), failures
        )
        documents.append(_score_posting(row, record, tallies, taxonomy))
    return {
        "documents": len(rows),
        "failures": failures,
        "fields": {name: tally.as_dict() for name, tally in tallies.items()},
        "details": documents,
    }


def _score_posting(
    row: dict[str, Any], record: Any, tallies: dict[str, Any], taxonomy: Any
) -> dict[str, Any]:
    required = set(row.get("required_skills", []))
    preferred = set(row.get("preferred_skills", []))
    skills = record.skills if record else []
    pred_required = {s.skill_id for s in skills if s.importance == "required"}
    pred_preferred = {s.skill_id for s in skills if s.importance == "preferred"}
    tallies["required_skills"].add(Counts.of_sets(required, pred_required))
    tallies["preferred_skills"].add(Counts.of_sets(preferred, pred_preferred))
    tallies["all_skills"].add(Counts.of_sets(required | preferred, pred_required | pred_preferred))
    tallies["title"].add(
        row.get("title"),
        record.title if record else None,
        lambda g, p: same_item(content_tokens(g), content_tokens(p)) > 0,
    )
    tallies["occupation_family"].add(
        row.get("family"),
        family_of(record.occupation_id if record else None, taxonomy),
        lambda g, p: g == p,
    )
    tallies["min_years"].add(
        row.get("min_years_experience"),
        record.min_years_experience if record else None,
        lambda g, p: abs(g - p) <= 0.5,
    )
    gold_level = row.get("education_level")
    tallies["education_level"].add(
        gold_level,
        record.education_level if record else None,
        lambda g, p: p in accepted_levels(g),
    )
    remote = row.get("remote")
    pred_remote = record.remote if record else None
    tallies["remote"].add(
        None if remote in (None, "unknown") else remote,
        None if pred_remote in (None, "unknown") else pred_remote,
        lambda g, p: g == p,
    )
    tallies["employment_type"].add(
        row.get("employment_type"),
        record.employment_type if record else None,
        lambda g, p: g == p,
    )
    salary = row.get("salary")
    pred_salary = record.salary if record else None
    tallies["salary"].add(salary, pred_salary, _salary_equal)
    tallies["salary_currency"].add(
        salary.get("currency") if salary else None,
        pred_salary.currency if pred_salary else None,
        lambda g, p: g == p,
    )
    return {
        "file": row["file"],
        "missing_skills": sorted((required | preferred) - (pred_required | pred_preferred)),
        "extra_skills": sorted((pred_required | pred_preferred) - (required | preferred)),
        "wrong_importance": sorted((required & pred_preferred) | (preferred & pred_required)),
    }
