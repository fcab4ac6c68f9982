"""Import the ESCO classification (CSV export, English) into taxonomy records.

Reads the official export layout from one folder:

* ``occupations_en.csv``: occupations with ISCO group and alternative labels,
* ``skills_en.csv``: skills (stand-in: ``esco_v1.1.1_skill_labels_ojd.csv``),
* ``occupationSkillRelations_en.csv``: essential / optional skills of each
  occupation (stand-in: ``DERIVED_occupation_skill_relations_from_profiles.csv``),
* ``broaderRelationsSkillPillar_en.csv`` and ``broaderRelationsOccPillar_en.csv``:
  the hierarchies,
* ``skillSkillRelations_en.csv``: skills that need or help other skills,
* ``ISCOGroups_en.csv``: ISCO-08 group labels (an occupation's family is its
  two-digit ISCO sub-major group),

and, when present, ``skillGroups_en.csv`` (skill categories) and the language
and transversal collections (skill kinds). Ids are ESCO URIs. Nothing here
touches Neo4j: the graph layer writes the returned records.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path

from jobgraph.errors import ImportFileError
from jobgraph.taxonomy.csv_reading import find_file, malformed, read_rows, split_labels
from jobgraph.taxonomy.esco_skills import (
    LABELS_STAND_IN,
    LANGUAGE_COLLECTION,
    OFFICIAL_SKILLS,
    SKILL_GROUPS,
    TRANSVERSAL_COLLECTION,
    read_collection_uris,
    read_group_labels,
    read_official_skills,
    read_stand_in_skills,
)
from jobgraph.taxonomy.model import (
    Importance,
    Occupation,
    OccupationSkill,
    Skill,
    SkillKind,
    SkillLink,
    Taxonomy,
)

log = logging.getLogger(__name__)

OCCUPATIONS = "occupations_en.csv"
RELATIONS = "occupationSkillRelations_en.csv"
RELATIONS_STAND_IN = "DERIVED_occupation_skill_relations_from_profiles.csv"
SKILL_BROADER = "broaderRelationsSkillPillar_en.csv"
OCCUPATION_BROADER = "broaderRelationsOccPillar_en.csv"
SKILL_SKILL = "skillSkillRelations_en.csv"
ISCO_GROUPS = "ISCOGroups_en.csv"

REQUIREMENT_WEIGHTS = {Importance.ESSENTIAL: 1.0, Importance.OPTIONAL: 0.5}
# skillSkillRelations: "essential" means one skill needs the other, a tighter bond.
RELATED_WEIGHTS = {"essential": 0.8, "optional": 0.5}


def load_esco(directory: Path, *, progress: bool = False) -> Taxonomy:
    """Read an ESCO CSV export folder into a :class:`Taxonomy`.

    Args:
        directory: Folder holding the unpacked ``*_en.csv`` files.
        progress: Show a tqdm progress bar per file.

    Returns:
        Skills, occupations, requirements, BROADER and RELATED_TO links, all with
        ``source="esco"``.

    Raises:
        ImportFileError: A required file is missing, or a row is malformed (the
            message names file, line and column).
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise ImportFileError(f"{directory}: not a folder; pass the unpacked ESCO CSV export")
    files = {
        name: find_file(directory, name, stand_in=stand_in)
        for name, stand_in in [
            (OCCUPATIONS, None),
            (OFFICIAL_SKILLS, LABELS_STAND_IN),
            (RELATIONS, RELATIONS_STAND_IN),
            (SKILL_BROADER, None),
            (OCCUPATION_BROADER, None),
            (SKILL_SKILL, None),
            (ISCO_GROUPS, None),
        ]
    }
    skills_file = files[OFFICIAL_SKILLS]
    if skills_file.name == OFFICIAL_SKILLS:
        skills = read_official_skills(skills_file, progress=progress)
    else:
        skills = read_stand_in_skills(skills_file, progress=progress)
    _apply_collections(directory, skills, progress)

    isco_labels = _read_isco_groups(files[ISCO_GROUPS], progress)
    taxonomy = Taxonomy(
        skills=skills,
        occupations=_read_occupations(files[OCCUPATIONS], isco_labels, progress),
    )
    group_file = directory / SKILL_GROUPS
    group_labels = read_group_labels(group_file, progress=progress) if group_file.is_file() else {}
    _read_skill_broader(files[SKILL_BROADER], taxonomy, group_labels, progress)
    _read_occupation_broader(files[OCCUPATION_BROADER], taxonomy, progress)
    _read_skill_relations(files[SKILL_SKILL], taxonomy, progress)
    _read_requirements(files[RELATIONS], taxonomy, progress)
    return taxonomy


def _apply_collections(directory: Path, skills: dict[str, Skill], progress: bool) -> None:
    """Language-collection skills are LANGUAGE; transversal ones, SOFT."""
    for name, kind in [
        (TRANSVERSAL_COLLECTION, SkillKind.SOFT),
        (LANGUAGE_COLLECTION, SkillKind.LANGUAGE),
    ]:
        path = directory / name
        if not path.is_file():
            continue
        for uri in read_collection_uris(path, progress=progress):
            skill = skills.get(uri)
            if skill is None or skill.kind is kind:
                continue
            if kind is SkillKind.SOFT and skill.kind is not SkillKind.HARD:
                continue  # transversal knowledge stays knowledge
            skills[uri] = replace(skill, kind=kind)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _read_isco_groups(path: Path, progress: bool) -> dict[str, str]:
    labels: dict[str, str] = {}
    for line, row in read_rows(path, ["code", "preferredLabel"], progress=progress):
        code = row["code"].strip()
        if not code.isdigit():
            raise malformed(path, line, "code", f"{code!r} is not an ISCO-08 code")
        labels[code] = row["preferredLabel"].strip()
    return labels


def _read_occupations(
    path: Path, isco_labels: dict[str, str], progress: bool
) -> dict[str, Occupation]:
    occupations: dict[str, Occupation] = {}
    required = ["conceptUri", "iscoGroup", "preferredLabel", "altLabels"]
    for line, row in read_rows(path, required, progress=progress):
        uri = row["conceptUri"].strip()
        if not uri.startswith("http"):
            raise malformed(path, line, "conceptUri", f"{uri!r} is not an ESCO URI")
        title = row["preferredLabel"].strip()
        if not title:
            raise malformed(path, line, "preferredLabel", "empty preferred label")
        isco = row["iscoGroup"].strip()
        if isco and not isco.isdigit():
            raise malformed(path, line, "iscoGroup", f"{isco!r} is not an ISCO-08 code")
        alt_titles = [*split_labels(row["altLabels"]), *split_labels(row.get("hiddenLabels") or "")]
        occupations[uri] = Occupation(
            id=uri,
            title=title,
            alt_titles=tuple(dict.fromkeys(t for t in alt_titles if t != title)),
            group_code=isco,
            family=_slug(isco_labels.get(isco[:2], "")),
            source="esco",
            description=(row.get("description") or "").strip(),
        )
    return occupations


def _read_skill_broader(
    path: Path, taxonomy: Taxonomy, group_labels: dict[str, str], progress: bool
) -> None:
    """Skill -> skill becomes a BROADER link; skill -> group fills an empty category."""
    skills = taxonomy.skills
    required = ["conceptType", "conceptUri", "broaderType", "broaderUri"]
    for _, row in read_rows(path, required, progress=progress):
        narrower, broader = row["conceptUri"].strip(), row["broaderUri"].strip()
        skill = skills.get(narrower)
        if skill is None:
            continue  # a group -> group row, or a skill this export version lacks
        if broader in skills and broader != narrower:
            taxonomy.skill_links.append(SkillLink(narrower, broader, "BROADER", source="esco"))
        elif broader in group_labels and not skill.category:
            skills[narrower] = replace(skill, category=group_labels[broader])


def _read_occupation_broader(path: Path, taxonomy: Taxonomy, progress: bool) -> None:
    occupations = taxonomy.occupations
    required = ["conceptUri", "broaderType", "broaderUri"]
    for _, row in read_rows(path, required, progress=progress):
        narrower, broader = row["conceptUri"].strip(), row["broaderUri"].strip()
        if narrower in occupations and broader in occupations and narrower != broader:
            occupations[narrower] = replace(occupations[narrower], broader_id=broader)


def _read_skill_relations(path: Path, taxonomy: Taxonomy, progress: bool) -> None:
    best: dict[frozenset[str], SkillLink] = {}
    required = ["originalSkillUri", "relationType", "relatedSkillUri"]
    for line, row in read_rows(path, required, progress=progress):
        source, target = row["originalSkillUri"].strip(), row["relatedSkillUri"].strip()
        relation = row["relationType"].strip().lower()
        if relation not in RELATED_WEIGHTS:
            raise malformed(path, line, "relationType", f"{relation!r} is not essential/optional")
        if source not in taxonomy.skills or target not in taxonomy.skills or source == target:
            continue
        pair = frozenset((source, target))
        weight = RELATED_WEIGHTS[relation]
        if pair not in best or best[pair].weight < weight:
            best[pair] = SkillLink(source, target, "RELATED_TO", weight, source="esco")
    taxonomy.skill_links.extend(best.values())


def _read_requirements(path: Path, taxonomy: Taxonomy, progress: bool) -> None:
    """Occupation -> skill requirements; the stand-in may add skills by label."""
    chosen: dict[tuple[str, str], Importance] = {}
    dropped = 0
    required = ["occupationUri", "relationType", "skillUri"]
    for line, row in read_rows(path, required, progress=progress):
        occupation, skill = row["occupationUri"].strip(), row["skillUri"].strip()
        try:
            importance = Importance(row["relationType"].strip().lower())
        except ValueError:
            raise malformed(
                path, line, "relationType", f"{row['relationType']!r} is not essential/optional"
            ) from None
        label = (row.get("skillLabel") or "").strip()
        if skill and skill not in taxonomy.skills and label:
            # A skill newer than the label file: keep the requirement, name it by its label.
            taxonomy.skills[skill] = Skill(id=skill, name=label, source="esco")
        if occupation not in taxonomy.occupations or skill not in taxonomy.skills:
            dropped += 1
            continue
        key = (occupation, skill)
        if chosen.get(key) is not Importance.ESSENTIAL:
            chosen[key] = importance
    taxonomy.requirements.extend(
        OccupationSkill(occupation, skill, importance, REQUIREMENT_WEIGHTS[importance])
        for (occupation, skill), importance in chosen.items()
    )
    if dropped:
        log.info("%s: %d relation(s) name an unknown occupation or skill", path.name, dropped)
