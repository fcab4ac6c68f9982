"""Human-readable tables for the parse evaluation results."""

from __future__ import annotations

from typing import Any

_HEADER = f"  {'field':<20} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}   counts"


def _row(name: str, values: dict[str, Any]) -> str:
    accuracy = f"{values['accuracy']:>6.3f}" if "accuracy" in values else f"{'':>6}"
    counts = (
        f"{values['matched_pred']}/{values['pred']} pred, "
        f"{values['matched_gold']}/{values['gold']} gold"
    )
    return (
        f"  {name:<20} {values['precision']:>6.3f} {values['recall']:>6.3f} "
        f"{values['f1']:>6.3f} {accuracy}   {counts}"
    )


def _fields_table(title: str, part: dict[str, Any]) -> list[str]:
    lines = [f"{title} ({part['documents']} documents, {len(part['failures'])} failed)", _HEADER]
    lines += [_row(name, values) for name, values in part["fields"].items()]
    for failure in part["failures"][:5]:
        where = failure.get("file", failure.get("row"))
        lines.append(f"  ! {where}: {failure['error']}")
    return lines


def _gold(result: dict[str, Any]) -> list[str]:
    lines = _fields_table("Gold resumes", result["resumes"])
    by_format = result["resumes"].get("skills_by_format", {})
    if by_format:
        lines.append(
            "  skills F1 by format: "
            + ", ".join(f"{fmt} {values['f1']:.3f}" for fmt, values in by_format.items())
        )
    lines.append("")
    lines += _fields_table("Gold postings", result["postings"])
    return lines


def _indeed(result: dict[str, Any]) -> list[str]:
    lines = _fields_table("Indeed labelled resumes (partial-overlap matching)", result)
    for name, kept in result.get("samples", {}).items():
        if kept["missed"]:
            lines.append(f"  {name} missed e.g.: " + "; ".join(kept["missed"][:5]))
    counts = result.get("predicted_skills")
    if counts:
        lines.append(
            f"  skills predicted: {counts['taxonomy']} from the taxonomy, "
            f"{counts['uncatalogued']} uncatalogued"
        )
    for key, what in (("precision_sample", "skill"), ("precision_sample_uncatalogued",
                                                       "uncatalogued skill")):  # fmt: skip
        sample = result.get(key)
        if not sample:
            continue
        labelled, current = sample["labelled"], sample["current"]
        lines.append(
            f"  {what} precision, hand-labelled sample: {labelled['precision']:.3f} "
            f"({labelled['correct']}/{labelled['items']} as drawn); now still predicted "
            f"{current['still_predicted']}, precision {current['precision'] or 0:.3f}, dropped "
            f"{current['dropped_wrong']} wrong / {current['dropped_correct']} correct"
        )
    return lines


def _crash(result: dict[str, Any]) -> list[str]:
    lines = [
        "Crash scan of real documents",
        f"  {'source':<36} {'docs':>5} {'parsed':>7} {'reject':>7} {'crash':>6} "
        f"{'>=5 sk':>7} {'med':>5} {'ms/doc':>7}",
    ]
    for name, stats in result["sources"].items():
        if "skipped" in stats:
            lines.append(f"  {name:<36} skipped: {stats['skipped']}")
            continue
        lines.append(
            f"  {name:<36} {stats['documents']:>5} {stats['share_parsed']:>7.1%} "
            f"{stats['rejected']:>7} {stats['crashed']:>6} {stats['share_with_5_skills']:>7.1%} "
            f"{stats['median_skills']:>5} {stats['ms_per_document']:>7}"
        )
        lines += [f"    ! {error}" for error in stats["errors"][:3]]
    total = result["total"]
    lines.append(
        f"  {'total':<36} {total['documents']:>5} {total['share_parsed']:>7.1%} "
        f"{total['rejected']:>7} {total['crashed']:>6} {total['share_with_5_skills']:>7.1%}"
    )
    return lines


_FORMATTERS = {"gold": _gold, "indeed": _indeed, "crash_scan": _crash}


def format_report(result: dict[str, Any]) -> str:
    """Render an evaluation result as text tables.

    Args:
        result: What :func:`evaluate_gold`, :func:`evaluate_indeed` or
            :func:`crash_scan` returned, or a dict holding several of them
            under any keys (as :func:`run_parse_evaluation` returns).

    Returns:
        The tables, one block per result, separated by blank lines.
    """
    if result.get("kind") in _FORMATTERS:
        return "\n".join(_FORMATTERS[result["kind"]](result))
    blocks = []
    for value in result.values():
        if isinstance(value, dict) and value.get("kind") in _FORMATTERS:
            blocks.append("\n".join(_FORMATTERS[value["kind"]](value)))
        elif isinstance(value, dict) and "skipped" in value:
            blocks.append(f"skipped: {value['skipped']}")
    return "\n\n".join(blocks)
