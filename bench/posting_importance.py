"""Required vs preferred on real postings whose layout says which is which.

Usage::

    .venv/bin/python bench/posting_importance.py [--postings 400] [--data DIR] [--out FILE]

The Google postings (``../shared/data/postings/google_job_skills.csv``) keep
Responsibilities, Minimum Qualifications and Preferred Qualifications in separate
columns; ingest joins them, each under its name, as it does for any CSV. Every
skill the parser returns is counted by the column its chosen mention sits in and
the importance it was given: a skill chosen from the Preferred column should be
preferred, one from the Minimum column required. Built-in taxonomy. Run it on an
older checkout with ``PYTHONPATH=<old>/src`` to compare. Prints JSON and writes
``bench/results/posting_importance.json`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from jobgraph.ingest.sources import discover
from jobgraph.parse import parse_posting_text

RESULTS = Path(__file__).parent / "results"
COLUMNS = ("Responsibilities", "Minimum Qualifications", "Preferred Qualifications")


def main() -> None:
    """Count (column, importance) pairs over the first N Google postings."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postings", type=int, default=400)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=RESULTS / "posting_importance.json")
    args = parser.parse_args()
    source = args.data / "postings" / "google_job_skills.csv"
    tally: Counter[str] = Counter()
    parsed = 0
    for item in discover([str(source)], text_column=COLUMNS):
        if parsed >= args.postings:
            break
        text = getattr(item, "text", None)
        if not isinstance(text, str):
            continue  # a row that could not be read
        parsed += 1
        record = parse_posting_text(text)
        text = record.text
        minimum, preferred = text.find(COLUMNS[1]), text.find(COLUMNS[2])
        if minimum < 0 or preferred < 0:
            tally["postings without both qualification columns"] += 1
            continue
        for skill in record.skills:
            column = (
                "responsibilities"
                if skill.start < minimum
                else "minimum"
                if skill.start < preferred
                else "preferred"
            )
            tally[f"{column}/{skill.importance}"] += 1
    wrong = tally["preferred/required"] + tally["minimum/preferred"]
    judged = sum(
        tally[f"{c}/{i}"] for c in ("minimum", "preferred") for i in ("required", "preferred")
    )
    result = {
        "bench": "posting_importance",
        "postings": parsed,
        "counts": dict(sorted(tally.items())),
        "qualification_column_agreement": round(1 - wrong / judged, 4) if judged else None,
    }
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
