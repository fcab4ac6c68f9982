"""Score the resume parser against the Indeed span-labelled resumes.

The file (``indeed_resume_entities_dev.jsonl``) holds one resume per line:
``content`` (plain text) and ``annotation``, a list of labelled character
spans. Four labels are scored: ``Skills``, ``Designation`` (job titles),
``Companies worked at`` and ``Degree``, plus ``Name`` against the contact name.

The labels are uneven: a "Skills" span may be one skill or a whole section, the
same designation is often labelled several times, and many skills mentioned
in job descriptions are not labelled at all. So matching is partial:

* Gold spans are deduplicated by their normalised token sets. "Skills" spans
  are split into items at line breaks, commas, semicolons, bullets and pipes,
  with a leading "Label:" and parenthesised notes ("(Less than 1 year)")
  removed; items of more than eight tokens (sentences), empty ones, bare
  durations and section headings labelled as skills ("TECHNICAL SKILLS",
  "Languages", "ADDITIONAL INFORMATION": read by the parser's own heading
  vocabulary) are dropped.
* A predicted skill stands for its taxonomy name and the surface of its
  chosen mention ("Gherkin" for Cucumber): either form may match. The
  record's uncatalogued skills (listed items no taxonomy names, "File-Aid")
  are predictions too; ``skills_taxonomy_only`` reports the counts without them.
* A gold skill item is also found when the built-in vocabulary names exactly
  one skill by it, as written, by an alias or as a version of a label ("CPP"
  -> C++, "MS OFFICE" -> Microsoft Office, "CSS3" -> CSS; no near spellings,
  no word-order or product-name guesses), and the parser predicted that skill
  anywhere in the resume. The record keeps one mention per skill, so "CSS3"
  in the list and "CSS" in a job line are one predicted skill with the surface
  "CSS". The reference is always the built-in vocabulary, whatever taxonomy
  parsed the resume, so ESCO's loose labels ("Security" -> securities) never
  judge. ``skills_tokens_only`` reports the same counts without this rule.
* A predicted degree matches through any of its forms: the parsed level and
  field ("bachelor Computer Science") or one of the first two lines of the
  entry as written ("B.Tech in Computer Science").
* A predicted item and a gold item match when their content-token sets overlap
  substantially: the overlap coefficient (shared / smaller set) is at least
  0.6 *and* the shared tokens are at least a third of the union (Jaccard
  ≥ 1/3), so "Java" matches "Core Java" but "management" does not match
  "risk management and compliance reporting".
* Precision is the share of predicted items that match any gold item (for
  skills: or whose surface text lies inside a labelled Skills span); recall is
  the share of gold items matched by any prediction. One prediction may match
  several gold items and the other way round.

Read the ``samples`` of misses before trusting the numbers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jobgraph.errors import JobgraphError, ParseError
from jobgraph.evaluation.metrics import Counts, content_tokens, jaccard, overlap
from jobgraph.parse.headings import heading_of
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.normalize import fold

LABELS = {
    "Skills": "skills",
    "Designation": "designations",
    "Companies worked at": "companies",
    "Degree": "degrees",
    "Name": "contact_name",
}
MAX_ITEM_TOKENS = 8
_ITEM_SPLIT = re.compile(r"[\n,;•|●▪]+|\s[-–]\s")
_LABEL_PREFIX = re.compile(r"^\s*[A-Za-z][\w &/().-]{0,40}:\s*")
# "(Less than 1 year)", "(5 years)": Indeed appends the time used to each skill.
_PARENTHESIS = re.compile(r"\([^)]*(?:\)|$)")
_DURATION_WORDS = frozenset(["less", "than", "year", "years", "month", "months"])


def partial_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two token sets overlap substantially (see module docstring)."""
    return overlap(a, b) >= 0.6 and jaccard(a, b) >= 1 / 3


def skill_items(span_text: str) -> list[str]:
    """Split a labelled Skills span into short items (see module docstring)."""
    items = []
    for line in span_text.splitlines():
        line = _PARENTHESIS.sub(" ", _LABEL_PREFIX.sub("", line))
        for piece in _ITEM_SPLIT.split(line):
            piece = piece.strip(" \t.:-()")
            tokens = content_tokens(piece)
            if not tokens or len(tokens) > MAX_ITEM_TOKENS:
                continue
            if all(token in _DURATION_WORDS or token.isdigit() for token in tokens):
                continue
            if heading_of(piece) is not None:  # "TECHNICAL SKILLS", "Languages": headers
                continue
            items.append(piece)
    return items


Item = str | tuple[str, ...]


def _unique(items: Iterable[Item]) -> list[tuple[str, list[frozenset[str]]]]:
    """Items deduplicated by their first form, each with the token sets of all its forms."""
    seen: set[frozenset[str]] = set()
    unique = []
    for item in items:
        forms = (item,) if isinstance(item, str) else item
        token_sets = [t for t in (content_tokens(f, drop_legal=True) for f in forms) if t]
        if token_sets and token_sets[0] not in seen:
            seen.add(token_sets[0])
            unique.append((" ".join(forms[0].split()), token_sets))
    return unique


def _any_match(first: list[frozenset[str]], second: list[frozenset[str]]) -> bool:
    return any(partial_match(a, b) for a in first for b in second)


def score_items(
    gold: Iterable[str],
    predicted: Iterable[Item],
    *,
    inside: Iterable[str] = (),
    found_by_name: Callable[[str], bool] | None = None,
) -> tuple[Counts, list[str], list[str]]:
    """Partial-overlap counts of predicted items against gold items.

    Args:
        gold: Gold item texts.
        predicted: Predicted items: a text, or a tuple of texts that all stand
            for the same item (a degree's parsed form and its line as written).
        inside: Gold span texts; a prediction whose folded text occurs in one of
            them also counts as right (used for whole-section Skills spans).
        found_by_name: Optional test of a gold item text; true counts it as found
            (a skill the reference vocabulary names and the parser predicted).

    Returns:
        Counts, gold items not found, predicted items not supported.
    """
    gold_items = _unique(gold)
    pred_items = _unique(predicted)
    spans = [fold(text) for text in inside]
    found_gold = {
        text
        for text, forms in gold_items
        if any(_any_match(forms, p) for _, p in pred_items)
        or (found_by_name is not None and found_by_name(text))
    }
    supported = {
        text
        for text, forms in pred_items
        if any(_any_match(forms, g) for _, g in gold_items)
        or (len(text) > 1 and any(fold(text) in span for span in spans))
    }
    counts = Counts(len(supported), len(pred_items), len(found_gold), len(gold_items))
    missed = [text for text, _ in gold_items if text not in found_gold]
    unsupported = [text for text, _ in pred_items if text not in supported]
    return counts, missed, unsupported


def gold_spans(row: dict[str, Any]) -> dict[str, list[str]]:
    """Labelled span texts of one Indeed row, by our field name."""
    spans: dict[str, list[str]] = {name: [] for name in LABELS.values()}
    for annotation in row.get("annotation") or []:
        for label in annotation.get("label") or []:
            name = LABELS.get(label)
            if name is None:
                continue
            spans[name].extend(point.get("text", "") for point in annotation.get("points") or [])
    return spans


def _read_rows(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise ParseError(f"{path}: Indeed span file not found; pass the path to the .jsonl file")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise ParseError(f"{path.name}:{number}: not valid JSON ({error.msg})") from error
    return rows


def evaluate_indeed(path: Path, *, lookup: Any = None, samples: int = 15) -> dict[str, Any]:
    """Parse every Indeed resume and score it against its labelled spans.

    Args:
        path: ``indeed_resume_entities_dev.jsonl``.
        lookup: Optional taxonomy lookup passed to the parser.
        samples: How many missed / unsupported items to keep per field.

    Returns:
        ``{"kind": "indeed", "documents", "failures", "fields": {field: counts},
        "predicted_skills": {"taxonomy": n, "uncatalogued": n},
        "samples": {field: {"missed": [...], "unsupported": [...]}}}``.

    Raises:
        ParseError: The file is missing or not JSON lines.
    """
    from jobgraph.parse import parse_resume_text

    rows = _read_rows(path)
    reference = TaxonomyLookup(builtin_taxonomy())
    fields = {name: Counts() for name in LABELS.values()}
    fields["skills_tokens_only"] = Counts()
    fields["skills_taxonomy_only"] = Counts()
    predictions = {"taxonomy": 0, "uncatalogued": 0}
    kept: dict[str, dict[str, list[str]]] = {
        name: {"missed": [], "unsupported": []} for name in LABELS.values()
    }
    failures = []
    for index, row in enumerate(rows):
        try:
            record = parse_resume_text(row.get("content") or "", lookup=lookup)
        except JobgraphError as error:
            failures.append({"row": index, "error": str(error), "crash": False})
            record = None
        except Exception as error:  # a parser bug; reported, not raised
            failures.append(
                {"row": index, "error": f"{type(error).__name__}: {error}", "crash": True}
            )
            record = None
        spans = gold_spans(row)
        predicted = _predicted_items(record)
        gold_skill_items = [item for span in spans["skills"] for item in skill_items(span)]
        predicted_ids = {mention.skill_id for mention in record.skills} if record else set()

        def named(item: str, predicted_ids: set[str] = predicted_ids) -> bool:
            owners = reference.skills_named(item)
            return len(owners) == 1 and owners[0].id in predicted_ids

        tokens_only = score_items(gold_skill_items, predicted["skills"], inside=spans["skills"])
        fields["skills_tokens_only"].add(tokens_only[0])
        catalogued = predicted["skills"][: len(record.skills)] if record else []
        taxonomy_only = score_items(
            gold_skill_items, catalogued, inside=spans["skills"], found_by_name=named
        )
        fields["skills_taxonomy_only"].add(taxonomy_only[0])
        if record is not None:
            predictions["taxonomy"] += len(record.skills)
            predictions["uncatalogued"] += len(record.uncatalogued_skills)
        results = {
            "skills": score_items(
                gold_skill_items, predicted["skills"], inside=spans["skills"], found_by_name=named
            ),
            "designations": score_items(spans["designations"], predicted["designations"]),
            "companies": score_items(spans["companies"], predicted["companies"]),
            "degrees": score_items(spans["degrees"], predicted["degrees"]),
            "contact_name": score_items(spans["contact_name"][:1], predicted["contact_name"]),
        }
        for name, (counts, missed, unsupported) in results.items():
            fields[name].add(counts)
            kept[name]["missed"].extend(missed[: max(0, samples - len(kept[name]["missed"]))])
            room = max(0, samples - len(kept[name]["unsupported"]))
            kept[name]["unsupported"].extend(unsupported[:room])
    return {
        "kind": "indeed",
        "path": str(path),
        "documents": len(rows),
        "failures": failures,
        "fields": {name: counts.as_dict() for name, counts in fields.items()},
        "predicted_skills": predictions,
        "samples": kept,
    }


def _predicted_items(record: Any) -> dict[str, list[Item]]:
    if record is None:
        return {name: [] for name in LABELS.values()}
    degrees: list[Item] = []
    for entry in record.education:
        # The parsed level and field, and the lines of the entry as written.
        parsed = f"{entry.level or ''} {entry.field or ''}".strip()
        lines = [line.strip() for line in (entry.raw or "").splitlines() if line.strip()]
        forms = tuple(form for form in (parsed, *lines[:2]) if form)
        if forms:
            degrees.append(forms)
    titles = [job.title for job in record.experience if job.title]
    if record.headline:
        titles.append(record.headline)
    return {
        # A skill is predicted as its taxonomy name; the surface of its chosen
        # mention ("Gherkin" for Cucumber) stands for the same item.
        "skills": [
            tuple(dict.fromkeys(form for form in (mention.surface, mention.name) if form))
            for mention in record.skills
        ]
        # Listed skills no taxonomy names ("File-Aid"), after the taxonomy's.
        + [(item.name,) for item in record.uncatalogued_skills],
        "designations": titles,
        "companies": [job.employer for job in record.experience if job.employer],
        "degrees": degrees,
        "contact_name": [record.contact.name] if record.contact.name else [],
    }
