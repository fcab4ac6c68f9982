"""Skill precision on a hand-labelled sample of real-resume predictions.

``eval/skill_precision/indeed_dev_sample.jsonl`` holds predictions drawn at
random from the Indeed dev resumes and labelled correct or wrong by the rules in
that folder's README. This module reports the labelled precision and re-parses
the rows, to say which labelled predictions the current parser still makes
(same skill from overlapping evidence): precision among those, and how many correct
and wrong ones it no longer makes. Predictions made since the sample was drawn
are not labelled and not scored. ``indeed_dev_sample_uncatalogued.jsonl`` does
the same for uncatalogued skills (``skill_id`` ``"uncatalogued:<key>"``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jobgraph.errors import JobgraphError, ParseError

#: ``skill_id`` of a labelled uncatalogued skill: this prefix and the item's key.
UNCATALOGUED_PREFIX = "uncatalogued:"


def read_sample(path: Path) -> list[dict[str, Any]]:
    """Read the labelled sample (one JSON object per line).

    Raises:
        ParseError: The file is missing or a line is not a labelled prediction.
    """
    if not path.is_file():
        raise ParseError(f"{path}: labelled precision sample not found")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            _ = (item["row"], item["start"], item["end"], item["skill_id"], item["correct"])
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise ParseError(
                f"{path.name}:{number}: not a labelled prediction (row, start, end, "
                f"skill_id, correct): {error}"
            ) from error
        items.append(item)
    return items


def evaluate_precision_sample(
    sample_path: Path, indeed_path: Path, *, lookup: Any = None
) -> dict[str, Any]:
    """Score the labelled sample against the current parser.

    Args:
        sample_path: ``indeed_dev_sample.jsonl``.
        indeed_path: The Indeed span file whose rows the sample refers to.
        lookup: Taxonomy lookup for the parser (built-in when ``None``).

    Returns:
        ``labelled`` (items, correct, precision as labelled) and ``current``
        (still predicted, correct among them, precision, dropped correct /
        wrong).
    """
    from jobgraph.parse import parse_resume_text

    items = read_sample(sample_path)
    rows = [line for line in indeed_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    predictions: dict[int, list[tuple[str, int, int]]] = {}
    for row in sorted({item["row"] for item in items}):
        try:
            record = parse_resume_text(json.loads(rows[row]).get("content") or "", lookup=lookup)
        except (JobgraphError, IndexError):
            predictions[row] = []
            continue
        predictions[row] = [(m.skill_id, m.start, m.end) for m in record.skills] + [
            (UNCATALOGUED_PREFIX + item.key, item.start, item.end)
            for item in record.uncatalogued_skills
        ]
    kept = [item for item in items if _still_predicted(item, predictions[item["row"]])]
    correct = sum(item["correct"] for item in items)
    kept_correct = sum(item["correct"] for item in kept)
    return {
        "labelled": {
            "items": len(items),
            "correct": correct,
            "precision": round(correct / len(items), 4) if items else None,
        },
        "current": {
            "still_predicted": len(kept),
            "correct": kept_correct,
            "precision": round(kept_correct / len(kept), 4) if kept else None,
            "dropped_correct": correct - kept_correct,
            "dropped_wrong": (len(items) - correct) - (len(kept) - kept_correct),
        },
    }


def _still_predicted(item: dict[str, Any], predicted: list[tuple[str, int, int]]) -> bool:
    # Same skill from overlapping evidence; a skill whose chosen mention moved
    # elsewhere is another prediction, not this labelled one.
    return any(
        skill_id == item["skill_id"] and start < item["end"] and item["start"] < end
        for skill_id, start, end in predicted
    )
