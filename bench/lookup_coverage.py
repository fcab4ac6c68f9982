"""How much of the real ESCO and O*NET vocabularies the taxonomy lookup resolves.

Measures, on the data in ``../shared/data`` (or ``--data``):

(a) O*NET Technology Skills example names ("Microsoft Excel", "Python"):
    * over the O*NET import: the share that resolves to that example's own skill,
      as written, lower-cased, and without the vendor ("SolidWorks");
    * over the built-in taxonomy: the share that resolves to any built-in skill,
      for all examples and for the Hot Technologies, with sample misses;
(b) ESCO skill labels (preferred and alternative, from the labels file) over the
    ESCO import: the share that resolves to the label's own skill URI;

plus the time of a full ESCO and O*NET load (pure parse), of building the lookup
indexes, and of one lookup. Prints a JSON summary.

Run: ``PYTHONPATH=src python bench/lookup_coverage.py [--data DIR] [--out FILE]``
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jobgraph.taxonomy.builtin import load_builtin
from jobgraph.taxonomy.esco import load_esco
from jobgraph.taxonomy.esco_skills import LABELS_STAND_IN, SKILL_URI_PREFIX
from jobgraph.taxonomy.lookup import LookupResult, TaxonomyLookup
from jobgraph.taxonomy.normalize import label_key
from jobgraph.taxonomy.onet import load_onet, tech_skill_id
from jobgraph.taxonomy.product_names import without_vendor

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SAMPLE = 15


def timed(action: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = action()
    return result, round(time.perf_counter() - start, 3)


def coverage(
    cases: Iterable[tuple[str, str | None]],
    resolve: Callable[[str], LookupResult | None],
) -> dict[str, Any]:
    """Resolve each ``(text, expected id)``; ``None`` as expected means "any hit"."""
    total = right = 0
    methods: Counter[str] = Counter()
    misses: list[dict[str, str | None]] = []
    for text, expected in cases:
        total += 1
        result = resolve(text)
        hit = result is not None and (expected is None or result.id == expected)
        if hit:
            right += 1
            methods[result.method] += 1  # type: ignore[union-attr]
        else:
            misses.append(
                {
                    "text": text,
                    "got": None if result is None else f"{result.name} ({result.method})",
                }
            )
    rng = random.Random(7)
    return {
        "total": total,
        "resolved": right,
        "share": round(right / total, 4) if total else 0.0,
        "methods": dict(methods.most_common()),
        "sample_misses": rng.sample(misses, min(SAMPLE, len(misses))),
    }


def unshared(cases: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The cases whose text (by label_key) belongs to one entry only.

    A label that several entries carry cannot resolve to "its" entry without
    context, so the share over these isolates the lookup's own misses.
    """
    owners: dict[str, set[str]] = {}
    for text, expected in cases:
        owners.setdefault(label_key(text), set()).add(expected)
    return [(text, expected) for text, expected in cases if len(owners[label_key(text)]) == 1]


def technology_examples(onet_dir: Path) -> tuple[list[str], set[str], Counter[str]]:
    """Distinct example names, the hot ones, and how many occupations list each."""
    names: dict[str, None] = {}
    hot: set[str] = set()
    listed: Counter[str] = Counter()
    with (onet_dir / "Technology_Skills.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            example = row["Example"].strip()
            names[example] = None
            listed[example] += 1
            if row["Hot Technology"].strip() == "Y":
                hot.add(example)
    return list(names), hot, listed


def esco_labels(esco_dir: Path) -> list[tuple[str, str, str]]:
    """(label, skill URI, label type) for every preferred and alternative skill label."""
    labels = []
    with (esco_dir / LABELS_STAND_IN).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["type"] in {"preferredLabel", "altLabels"} and row["description"].strip():
                labels.append(
                    (row["description"].strip(), SKILL_URI_PREFIX + row["id"], row["type"])
                )
    return labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, help="also write the JSON summary here")
    args = parser.parse_args(argv)
    esco_dir, onet_dir = args.data / "esco-1.2.0", args.data / "onet-29.2"
    if not esco_dir.is_dir() or not onet_dir.is_dir():
        print(f"{args.data}: ESCO / O*NET folders not found; pass --data", file=sys.stderr)
        return 2

    summary: dict[str, Any] = {"timings_s": {}}
    timings = summary["timings_s"]
    esco, timings["load_esco"] = timed(lambda: load_esco(esco_dir))
    onet, timings["load_onet"] = timed(lambda: load_onet(onet_dir))
    builtin = load_builtin(strict=False)
    esco_lookup, timings["index_esco"] = timed(lambda: TaxonomyLookup(esco))
    onet_lookup, timings["index_onet"] = timed(lambda: TaxonomyLookup(onet))
    builtin_lookup, timings["index_builtin"] = timed(lambda: TaxonomyLookup(builtin))
    summary["sizes"] = {"esco": esco.stats(), "onet": onet.stats(), "builtin": builtin.stats()}

    examples, hot, listed = technology_examples(onet_dir)
    # An example named like its commodity class ("Accounting software") is that class.
    class_ids = {
        label_key(skill.name): skill.id
        for skill in onet.skills.values()
        if skill.id.startswith("onet:commodity:")
    }
    summary["onet_tech_over_onet"] = coverage(
        ((name, class_ids.get(label_key(name), tech_skill_id(name))) for name in examples),
        onet_lookup.skill,
    )
    # As a resume writes them: lower case; without the vendor ("SolidWorks").
    expected = {name: class_ids.get(label_key(name), tech_skill_id(name)) for name in examples}
    summary["onet_tech_lowercase_over_onet"] = coverage(
        ((name.lower(), expected[name]) for name in examples), onet_lookup.skill
    )
    summary["onet_tech_without_vendor_over_onet"] = coverage(
        ((without_vendor(name), expected[name]) for name in examples if without_vendor(name)),
        onet_lookup.skill,
    )
    summary["onet_tech_over_builtin"] = coverage(
        ((n, None) for n in examples), builtin_lookup.skill
    )
    summary["onet_hot_tech_over_builtin"] = coverage(
        ((name, None) for name in examples if name in hot), builtin_lookup.skill
    )
    weighted = sum(listed[n] for n in examples if builtin_lookup.skill(n) is not None)
    summary["onet_tech_rows_over_builtin_share"] = round(weighted / sum(listed.values()), 4)

    labels = esco_labels(esco_dir)
    label_cases = [(label, uri) for label, uri, _ in labels]
    summary["esco_labels_over_esco"] = coverage(label_cases, esco_lookup.skill)
    for label_type in ("preferredLabel", "altLabels"):
        share = coverage(
            ((label, uri) for label, uri, kind in labels if kind == label_type), esco_lookup.skill
        )
        summary[f"esco_{label_type}_share"] = share["share"]
    only_once = unshared(label_cases)
    summary["esco_labels_shared_by_several_skills"] = len(label_cases) - len(only_once)
    summary["esco_unshared_labels_share"] = coverage(only_once, esco_lookup.skill)["share"]

    for name, taxonomy, lookup in [("esco", esco, esco_lookup), ("onet", onet, onet_lookup)]:
        title_cases = [
            (title, occupation.id)
            for occupation in taxonomy.occupations.values()
            for title in (occupation.title, *occupation.alt_titles)
        ]
        summary[f"{name}_titles_over_{name}"] = coverage(title_cases, lookup.occupation)
        only_once = unshared(title_cases)
        summary[f"{name}_titles_shared_by_several_occupations"] = len(title_cases) - len(only_once)
        summary[f"{name}_unshared_titles_share"] = coverage(only_once, lookup.occupation)["share"]

    _, timings["esco_typo_index_first_use"] = timed(lambda: esco_lookup.skill("kubernetis"))
    calls = ["Python", "postgres 14", "Microsoft Excel", "project managment", "Kubernetes"]
    _, elapsed = timed(lambda: [esco_lookup.skill(text) for text in calls * 200])
    timings["esco_lookup_per_call_us"] = round(elapsed / (len(calls) * 200) * 1e6, 1)
    _, elapsed = timed(lambda: [esco_lookup.skill("Python3") for _ in range(10_000)])
    timings["esco_exact_hit_per_call_us"] = round(elapsed / 10_000 * 1e6, 2)

    text = json.dumps(summary, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
