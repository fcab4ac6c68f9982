"""The built-in taxonomy: CSV files shipped inside the package, read into records.

Layout (one file per occupational family, the family being the file's stem)::

    taxonomy/data/skills/<family>.csv
        id,name,kind,category,aliases,broader,related
    taxonomy/data/occupations/<family>.csv
        id,title,group_code,seniority,broader,alt_titles,essential,optional

List cells are ``;``-separated. ``broader`` holds one id (or nothing);
``related`` entries may carry a weight as ``id:0.8`` (default 0.6). Every id is a
lowercase slug. ``check()`` reports every broken reference at once, so a data
author can fix a whole file in one pass.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable

from jobgraph.errors import TaxonomyError
from jobgraph.taxonomy.model import (
    Importance,
    Occupation,
    OccupationSkill,
    Skill,
    SkillKind,
    SkillLink,
    Taxonomy,
)
from jobgraph.taxonomy.normalize import label_key

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SKILL_COLUMNS = ["id", "name", "kind", "category", "aliases", "broader", "related"]
OCCUPATION_COLUMNS = [
    "id",
    "title",
    "group_code",
    "seniority",
    "broader",
    "alt_titles",
    "essential",
    "optional",
]
DEFAULT_RELATED_WEIGHT = 0.6


def _data_dir(kind: str) -> Traversable:
    return resources.files("jobgraph.taxonomy") / "data" / kind


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def _rows(folder: Traversable, columns: list[str]) -> Iterator[tuple[str, int, dict[str, str]]]:
    """Yield (family, line number, row) for every CSV file in ``folder``."""
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".csv")), key=lambda f: f.name)
    for file in files:
        family = file.name[: -len(".csv")]
        reader = csv.DictReader(io.StringIO(file.read_text(encoding="utf-8"), newline=""))
        if reader.fieldnames != columns:
            raise TaxonomyError(
                f"{folder.name}/{file.name}: header is {reader.fieldnames}, expected {columns}"
            )
        for row in reader:
            yield family, reader.line_num, row


def _parse_related(cell: str, where: str, problems: list[str]) -> list[tuple[str, float]]:
    related = []
    for item in _split(cell):
        target, _, weight_text = item.partition(":")
        weight = DEFAULT_RELATED_WEIGHT
        if weight_text:
            try:
                weight = float(weight_text)
            except ValueError:
                problems.append(f"{where}: related weight {weight_text!r} is not a number")
                continue
        related.append((target.strip(), weight))
    return related


def load_builtin(*, strict: bool = True) -> Taxonomy:
    """Read the built-in taxonomy shipped with the package.

    Args:
        strict: Raise on any broken reference (default). With ``False``, broken
            references are dropped, which lets ``check()`` list them all.

    Returns:
        The taxonomy, with every skill, occupation, link and requirement.

    Raises:
        TaxonomyError: A file is malformed or (when strict) a reference is broken.
    """
    taxonomy, problems = _load()
    if strict and problems:
        shown = "\n  ".join(problems[:20])
        raise TaxonomyError(f"built-in taxonomy has {len(problems)} problem(s):\n  {shown}")
    return taxonomy


@lru_cache(maxsize=1)
def builtin_taxonomy() -> Taxonomy:
    """Return the built-in taxonomy, read once per process (``version`` set)."""
    from jobgraph.taxonomy.in_force import taxonomy_version

    taxonomy = load_builtin(strict=True)
    taxonomy.version = taxonomy_version(taxonomy)
    return taxonomy


def check() -> list[str]:
    """Return every problem in the built-in data (empty when it is sound).

    Besides broken references, this reports surface forms (names and aliases,
    compared by :func:`label_key`) that two different skills claim, since the
    parsers could not tell which one a resume means.
    """
    taxonomy, problems = _load()
    owners: dict[str, set[str]] = {}
    for skill in taxonomy.skills.values():
        for form in (skill.name, *skill.aliases):
            owners.setdefault(label_key(form), set()).add(skill.id)
    for key, skill_ids in sorted(owners.items()):
        if len(skill_ids) > 1 and key:
            problems.append(f"surface form {key!r} is claimed by {sorted(skill_ids)}")
    return problems


def _new_id(
    row: dict[str, str], known: Mapping[str, object], what: str, where: str, problems: list[str]
) -> str | None:
    """The row's id when it is a slug not seen before; else ``None`` and a problem noted."""
    entry_id = (row["id"] or "").strip()
    if not SLUG.match(entry_id):
        problems.append(f"{where}: id {entry_id!r} is not a lowercase slug")
        return None
    if entry_id in known:
        problems.append(f"{where}: duplicate {what} id {entry_id!r}")
        return None
    return entry_id


def _load() -> tuple[Taxonomy, list[str]]:
    problems: list[str] = []
    taxonomy = Taxonomy()
    pending_broader: list[tuple[str, str, str]] = []
    pending_related: list[tuple[str, str, float, str]] = []

    for family, line, row in _rows(_data_dir("skills"), SKILL_COLUMNS):
        where = f"skills/{family}.csv:{line}"
        skill_id = _new_id(row, taxonomy.skills, "skill", where, problems)
        if skill_id is None:
            continue
        try:
            kind = SkillKind((row["kind"] or "hard").strip())
        except ValueError:
            problems.append(f"{where}: unknown kind {row['kind']!r}")
            continue
        name = (row["name"] or "").strip()
        if not name:
            problems.append(f"{where}: empty name")
            continue
        taxonomy.skills[skill_id] = Skill(
            id=skill_id,
            name=name,
            kind=kind,
            category=(row["category"] or "").strip(),
            aliases=tuple(dict.fromkeys(_split(row["aliases"]))),
            families=(family,),
        )
        if (row["broader"] or "").strip():
            pending_broader.append((skill_id, row["broader"].strip(), where))
        for target, weight in _parse_related(row["related"], where, problems):
            pending_related.append((skill_id, target, weight, where))

    for skill_id, target, where in pending_broader:
        if target not in taxonomy.skills:
            problems.append(f"{where}: broader skill {target!r} does not exist")
        elif target == skill_id:
            problems.append(f"{where}: skill {skill_id!r} is broader than itself")
        else:
            taxonomy.skill_links.append(SkillLink(skill_id, target, "BROADER"))

    seen_pairs: set[frozenset[str]] = set()
    for skill_id, target, weight, where in pending_related:
        pair = frozenset((skill_id, target))
        if target not in taxonomy.skills:
            problems.append(f"{where}: related skill {target!r} does not exist")
        elif len(pair) == 1 or pair in seen_pairs:
            continue
        else:
            seen_pairs.add(pair)
            taxonomy.skill_links.append(SkillLink(skill_id, target, "RELATED_TO", weight))

    pending_occ_broader: list[tuple[str, str, str]] = []
    for family, line, row in _rows(_data_dir("occupations"), OCCUPATION_COLUMNS):
        where = f"occupations/{family}.csv:{line}"
        occupation_id = _new_id(row, taxonomy.occupations, "occupation", where, problems)
        if occupation_id is None:
            continue
        try:
            seniority = int((row["seniority"] or "1").strip())
        except ValueError:
            problems.append(f"{where}: seniority {row['seniority']!r} is not an integer")
            seniority = 1
        taxonomy.occupations[occupation_id] = Occupation(
            id=occupation_id,
            title=(row["title"] or "").strip(),
            alt_titles=tuple(dict.fromkeys(_split(row["alt_titles"]))),
            group_code=(row["group_code"] or "").strip(),
            family=family,
            seniority=seniority,
        )
        if (row["broader"] or "").strip():
            pending_occ_broader.append((occupation_id, row["broader"].strip(), where))
        for importance in (Importance.ESSENTIAL, Importance.OPTIONAL):
            for skill_id in _split(row[importance.value]):
                if skill_id not in taxonomy.skills:
                    problems.append(
                        f"{where}: {importance.value} skill {skill_id!r} does not exist"
                    )
                    continue
                weight = 1.0 if importance is Importance.ESSENTIAL else 0.5
                taxonomy.requirements.append(
                    OccupationSkill(occupation_id, skill_id, importance, weight)
                )

    for occupation_id, target, where in pending_occ_broader:
        if target not in taxonomy.occupations:
            problems.append(f"{where}: broader occupation {target!r} does not exist")
        else:
            taxonomy.occupations[occupation_id] = replace(
                taxonomy.occupations[occupation_id], broader_id=target
            )

    _add_families_from_requirements(taxonomy)
    return taxonomy, problems


def _add_families_from_requirements(taxonomy: Taxonomy) -> None:
    """A skill belongs to its own file's family and to every family that requires it."""
    families: dict[str, set[str]] = {}
    for requirement in taxonomy.requirements:
        family = taxonomy.occupations[requirement.occupation_id].family
        families.setdefault(requirement.skill_id, set()).add(family)
    for skill_id, extra in families.items():
        skill = taxonomy.skills[skill_id]
        merged = tuple(dict.fromkeys([*skill.families, *sorted(extra)]))
        if merged != skill.families:
            taxonomy.skills[skill_id] = replace(skill, families=merged)


if __name__ == "__main__":  # pragma: no cover - a data author's quick check
    found = check()
    print("\n".join(found) if found else "built-in taxonomy is sound")
    print(load_builtin(strict=False).stats())
    raise SystemExit(1 if found else 0)
