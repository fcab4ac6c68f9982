"""ESCO skills: read from the official ``skills_en.csv`` or the labels stand-in.

The official export has one row per skill with ``skillType`` ("knowledge" or
"skill/competence"), ``reuseLevel`` and new-line separated ``altLabels``. Where
it is missing, ``esco_v1.1.1_skill_labels_ojd.csv`` carries the same labels as
one row per label (``id`` = the UUID at the end of the skill URI, ``type`` =
"preferredLabel" / "altLabels") with the skill's positions in the ESCO skills
hierarchy, whose top letters give the kind: L language, K knowledge, S skills,
T transversal, A attitudes.
"""

from __future__ import annotations

import ast
from pathlib import Path

from jobgraph.taxonomy.csv_reading import malformed, read_rows, split_labels
from jobgraph.taxonomy.model import Skill, SkillKind

SKILL_URI_PREFIX = "http://data.europa.eu/esco/skill/"
OFFICIAL_SKILLS = "skills_en.csv"
LABELS_STAND_IN = "esco_v1.1.1_skill_labels_ojd.csv"
SKILL_GROUPS = "skillGroups_en.csv"
LANGUAGE_COLLECTION = "languageSkillsCollection_en.csv"
TRANSVERSAL_COLLECTION = "transversalSkillsCollection_en.csv"


def skill_kind(skill_type: str, reuse_level: str, *, is_language: bool = False) -> SkillKind:
    """Map ESCO's ``skillType`` and ``reuseLevel`` to a :class:`SkillKind`.

    Language skills (in the language collection or hierarchy) are ``LANGUAGE``;
    other knowledge is ``KNOWLEDGE``; transversal skills/competences ("show
    initiative") are ``SOFT``; every other skill/competence is ``HARD``.
    """
    if is_language:
        return SkillKind.LANGUAGE
    if skill_type.strip().lower() == "knowledge":
        return SkillKind.KNOWLEDGE
    if reuse_level.strip().lower() == "transversal":
        return SkillKind.SOFT
    return SkillKind.HARD


def read_official_skills(path: Path, *, progress: bool = False) -> dict[str, Skill]:
    """Read ``skills_en.csv`` into skills keyed by URI (``category`` is filled later
    from the broader skill groups)."""
    skills: dict[str, Skill] = {}
    required = ["conceptUri", "preferredLabel", "altLabels", "skillType", "reuseLevel"]
    for line, row in read_rows(path, required, progress=progress):
        uri = row["conceptUri"].strip()
        if not uri.startswith("http"):
            raise malformed(path, line, "conceptUri", f"{uri!r} is not an ESCO URI")
        name = row["preferredLabel"].strip()
        if not name:
            raise malformed(path, line, "preferredLabel", "empty preferred label")
        if (row.get("status") or "released").strip() not in {"released", ""}:
            continue
        aliases = [*split_labels(row["altLabels"]), *split_labels(row.get("hiddenLabels") or "")]
        skills[uri] = Skill(
            id=uri,
            name=name,
            kind=skill_kind(row["skillType"], row["reuseLevel"]),
            aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
            source="esco",
            description=(row.get("description") or "").strip(),
        )
    return skills


def read_stand_in_skills(path: Path, *, progress: bool = False) -> dict[str, Skill]:
    """Read the one-row-per-label stand-in into skills keyed by URI.

    Hierarchy-group rows (``type`` "level_2"/"level_3") name the groups; a skill's
    ``category`` is the label of the deepest group of its first position.
    """
    names: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    positions: dict[str, list[list[str | None]]] = {}
    group_labels: dict[str, str] = {}
    required = ["id", "description", "hierarchy_levels", "type"]
    for line, row in read_rows(path, required, progress=progress):
        label = row["description"].strip()
        label_type = row["type"].strip()
        key = row["id"].strip()
        if not key:
            raise malformed(path, line, "id", "empty id")
        if label_type.startswith("level_"):
            group_labels[key] = label
            continue
        if label_type not in {"preferredLabel", "altLabels", "altLabel", "hiddenLabels"}:
            raise malformed(path, line, "type", f"unknown label type {label_type!r}")
        if not label:
            continue
        if label_type == "preferredLabel":
            if key in names:
                raise malformed(path, line, "id", f"second preferred label for {key}")
            names[key] = label
            positions[key] = _positions(path, line, row["hierarchy_levels"])
        else:
            aliases.setdefault(key, []).append(label)

    skills: dict[str, Skill] = {}
    for key, name in names.items():
        roots = {position[0] for position in positions[key] if position}
        category = ""
        for position in positions[key]:
            deepest = [code for code in position[1:] if code]
            if deepest and deepest[-1] in group_labels:
                category = group_labels[deepest[-1]]
                break
        uri = SKILL_URI_PREFIX + key
        skills[uri] = Skill(
            id=uri,
            name=name,
            kind=_kind_from_roots(roots),
            category=category,
            aliases=tuple(dict.fromkeys(a for a in aliases.get(key, ()) if a != name)),
            source="esco",
        )
    return skills


def _positions(path: Path, line: int, cell: str) -> list[list[str | None]]:
    if not cell.strip():
        return []
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError):
        raise malformed(path, line, "hierarchy_levels", "not a list of code paths") from None
    if not isinstance(value, list) or not all(isinstance(p, list) for p in value):
        raise malformed(path, line, "hierarchy_levels", "not a list of code paths")
    return value


def _kind_from_roots(roots: set[str | None]) -> SkillKind:
    if "L" in roots:
        return SkillKind.LANGUAGE
    if "S" in roots:
        return SkillKind.HARD
    if "K" in roots:
        return SkillKind.KNOWLEDGE
    if roots & {"T", "A"}:
        return SkillKind.SOFT
    return SkillKind.HARD


def read_collection_uris(path: Path, *, progress: bool = False) -> set[str]:
    """Return the skill URIs listed in an ESCO collection file (language, transversal)."""
    return {
        row["conceptUri"].strip()
        for _, row in read_rows(path, ["conceptUri"], progress=progress)
        if row["conceptUri"].strip()
    }


def read_group_labels(path: Path, *, progress: bool = False) -> dict[str, str]:
    """Return skill-group URI -> preferred label from ``skillGroups_en.csv``."""
    return {
        row["conceptUri"].strip(): row["preferredLabel"].strip()
        for _, row in read_rows(path, ["conceptUri", "preferredLabel"], progress=progress)
    }
