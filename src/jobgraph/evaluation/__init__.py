"""How well the parsers do: the gold set, the Indeed spans and a crash scan.

``jobgraph eval parse`` runs :func:`run_parse_evaluation` and prints
:func:`format_report` (or the dict as JSON). Each part can also be run alone:

* :func:`evaluate_gold`: field-level precision / recall / F1 on the
  hand-annotated documents in ``eval/gold``;
* :func:`evaluate_indeed`: partial-overlap scores on the span-labelled Indeed
  resumes in the shared data folder;
* :func:`crash_scan`: share of real documents parsed without error and with
  at least five skills;
* :func:`evaluate_precision_sample`: skill precision on a hand-labelled sample
  of Indeed predictions (``eval/skill_precision``), reported with the Indeed part.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jobgraph.evaluation.crash import crash_scan
from jobgraph.evaluation.gold import evaluate_gold
from jobgraph.evaluation.indeed import evaluate_indeed
from jobgraph.evaluation.precision_sample import evaluate_precision_sample
from jobgraph.evaluation.report import format_report

__all__ = [
    "crash_scan",
    "default_data_dir",
    "default_gold_dir",
    "evaluate_gold",
    "evaluate_indeed",
    "evaluate_precision_sample",
    "format_report",
    "run_parse_evaluation",
]

INDEED_FILE = Path("resumes") / "indeed_resume_entities_dev.jsonl"
PRECISION_SAMPLES = {
    "precision_sample": Path("skill_precision") / "indeed_dev_sample.jsonl",
    "precision_sample_uncatalogued": (
        Path("skill_precision") / "indeed_dev_sample_uncatalogued.jsonl"
    ),
}


def _repo_root() -> Path:
    # src/jobgraph/evaluation/__init__.py -> the repository root of a checkout
    return Path(__file__).resolve().parents[3]


def default_gold_dir() -> Path:
    """``eval/gold`` under the current directory if present, else in the source checkout."""
    here = Path.cwd() / "eval" / "gold"
    return here if here.is_dir() else _repo_root() / "eval" / "gold"


def default_data_dir() -> Path:
    """The shared data folder beside the repository (``<repo>/../shared/data``)."""
    return _repo_root().parent / "shared" / "data"


def run_parse_evaluation(
    gold_dir: Path | None = None,
    data_dir: Path | None = None,
    *,
    lookup: Any = None,
    indeed: bool = True,
    crash: bool = True,
    crash_limit: int | None = None,
) -> dict[str, Any]:
    """Run every parse evaluation whose inputs exist.

    Args:
        gold_dir: The gold folder; :func:`default_gold_dir` when ``None``.
        data_dir: The shared data folder; :func:`default_data_dir` when ``None``.
        lookup: Optional taxonomy lookup passed to the parsers.
        indeed: Also score the Indeed span file.
        crash: Also run the crash scan.
        crash_limit: At most this many documents per crash-scan source.

    Returns:
        ``{"gold": ..., "indeed": ..., "crash_scan": ...}``; a part whose input
        is missing holds ``{"skipped": reason}``.
    """
    gold_dir = gold_dir or default_gold_dir()
    data_dir = data_dir or default_data_dir()
    result: dict[str, Any] = {}
    if (gold_dir / "resumes.jsonl").is_file():
        result["gold"] = evaluate_gold(gold_dir, lookup=lookup)
    else:
        result["gold"] = {"skipped": f"no resumes.jsonl in {gold_dir}"}
    if indeed:
        path = data_dir / INDEED_FILE
        result["indeed"] = (
            evaluate_indeed(path, lookup=lookup)
            if path.is_file()
            else {"skipped": f"{path} not found"}
        )
        for key, name in PRECISION_SAMPLES.items():
            sample = gold_dir.parent / name
            if path.is_file() and sample.is_file():
                result["indeed"][key] = evaluate_precision_sample(sample, path, lookup=lookup)
    if crash:
        result["crash_scan"] = (
            crash_scan(data_dir, lookup=lookup, limit=crash_limit)
            if data_dir.is_dir()
            else {"skipped": f"{data_dir} not found"}
        )
    return result
