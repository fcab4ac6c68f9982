"""Plain-text renderings of matches, explanations and advice for the terminal.

Pure: JSON-ready dicts in, text out. ``style`` colours a fragment
(``click.style`` in the CLI; the default leaves text plain).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Style = Callable[..., str]
STATUS_COLOURS = {"matched": "green", "path": "yellow", "missing": "red"}


def _plain(text: str, **_: Any) -> str:
    return text


def _bar(value: float, width: int = 20) -> str:
    filled = max(0, min(width, round(value * width)))
    return "█" * filled + "·" * (width - filled)


def match_page(page: Mapping[str, Any], style: Style = _plain) -> str:
    """A ranked list: rank, score, probability, label and summary."""
    other = "postings" if page["direction"] == "candidate" else "candidates"
    lines = [style(f"{other} for {page['id']} ({page['considered']} scored, weights: "
                   f"{page['weights_source']})", bold=True)]
    for rank, item in enumerate(page["items"], start=page["offset"] + 1):
        other_id = item["posting_id"] if page["direction"] == "candidate" else item["candidate_id"]
        probability = (f"  p(good fit) {item['probability']:.2f}"
                       if item["probability"] is not None else "")
        score = style(f"{item['score']:.3f}", bold=True)
        lines.append(f"{rank:>3}. {score}{probability}  {other_id}  {item['label'] or ''}")
        lines.append(f"     {item['summary']}")
    if not page["items"]:
        lines.append("  (no matches)")
    return "\n".join(lines)


def explanation(document: Mapping[str, Any], style: Style = _plain) -> str:
    """An explained pair: summary, breakdown bars, requirements, checks, advice."""
    post, cand = document["posting"], document["candidate"]
    head = f"{cand['id']} ({cand['headline'] or 'no headline'}) × {post['id']} ({post['title']})"
    lines = [style(head, bold=True), document["summary"], "", style("score breakdown", bold=True)]
    for row in document["breakdown"]:
        lines.append(f"  {row['feature']:<11} {_bar(row['value'])} {row['value']:.2f} "
                     f"× {row['weight']:.2f} = {row['contribution']:.3f}")
    total = f"{document['score']:.3f}"
    if document["probability"] is not None:
        total += f"  (probability of a good fit {document['probability']:.2f})"
    lines += [f"  {'total':<11} {' ' * 20} {total}", "", style("requirements", bold=True)]
    for req in document["requirements"]:
        colour = STATUS_COLOURS[req["status"]]
        mark = style(f"{req['status']:<8}", fg=colour)
        line = f"  {mark} {req['skill']} ({req['importance']}) +{req['contribution']:.3f}"
        if req["evidence"]:
            ev = req["evidence"]
            line += f'  "{ev["text"]}" at {ev["start"]}–{ev["end"]}'
        if req["path"]:
            line += f"  via {req['path']['text']} (credit {req['path']['credit']:.2f})"
        lines.append(line)
    lines += ["", style("checks", bold=True)]
    for name, check in document["checks"].items():
        lines.append(f"  {name:<11} {check['value']:.2f}  {check['detail']}")
    if document["advice"]:
        lines += ["", style("what would raise the score", bold=True)]
        for row in document["advice"][:5]:
            lines.append(f"  learn {row['skill']}: +{row['gain']:.3f} → {row['score_after']:.3f}")
    return "\n".join(lines)


def advice(document: Mapping[str, Any], style: Style = _plain) -> str:
    """Candidate or posting advice as a table."""
    verb = "learn" if document["kind"] == "candidate" else "drop"
    lines = [style(f"{document['kind']} {document['id']}: {document['above_threshold']} of "
                   f"{document['considered']} at or above {document['threshold']:.2f}", bold=True)]
    for row in document["suggestions"]:
        lines.append(f"  {verb} {row['skill']}: {row['newly_above_threshold']} more above the "
                     f"threshold, mean gain {row['mean_gain']:+.3f}")
    if not document["suggestions"]:
        lines.append("  (nothing to suggest)")
    return "\n".join(lines)
