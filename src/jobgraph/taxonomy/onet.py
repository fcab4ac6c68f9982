"""Import the O*NET database (CSV conversions of its tables) into taxonomy records.

Files read from one folder (names as in the O*NET release, spaces as
underscores; ``Occupation Data.csv`` spelt with spaces is accepted too):

* ``Occupation_Data.csv``, ``Alternate_Titles.csv``: occupations and their titles
  (``Sample_of_Reported_Titles.csv`` adds more titles when present),
* ``Technology_Skills.csv``: software and technologies by occupation; each
  example ("Microsoft Excel") is a tool skill ``onet:tech:<slug>``, narrower than
  its commodity class ("Spreadsheet software", ``onet:commodity:<code>``);
  the Hot Technology flag sets ``Skill.hot``,
* ``Skills.csv``, ``Knowledge.csv``: rated elements (``onet:skill:2.A.1.a``,
  ``onet:knowledge:2.C.1.a``); an occupation requires those it rates at least
  :data:`MIN_IMPORTANCE` on the 1-5 importance scale,
* ``Job_Zones.csv`` and ``Education_Training_and_Experience.csv``: the job
  zone, the typical education and the typical years of related experience.

Occupation ids are O*NET-SOC codes ("15-1252.00"). Nothing here touches Neo4j.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from jobgraph.errors import ImportFileError
from jobgraph.taxonomy.csv_reading import find_file, malformed, parse_float, read_rows
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
from jobgraph.taxonomy.onet_codes import (
    EDUCATION_LEVELS,
    EXPERIENCE_YEARS,
    SOC_MAJOR_GROUPS,
    median_category,
)

OCCUPATION_DATA = "Occupation_Data.csv"
ALTERNATE_TITLES = "Alternate_Titles.csv"
REPORTED_TITLES = "Sample_of_Reported_Titles.csv"
TECHNOLOGY_SKILLS = "Technology_Skills.csv"
SKILLS = "Skills.csv"
KNOWLEDGE = "Knowledge.csv"
JOB_ZONES = "Job_Zones.csv"
EDUCATION = "Education_Training_and_Experience.csv"

CODE = "O*NET-SOC Code"
SOC_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
#: Importance (1-5) from which a skill or knowledge area counts as required;
#: 3 is "important" on O*NET's scale.
MIN_IMPORTANCE = 3.0
#: From this importance on, a requirement is essential rather than optional.
ESSENTIAL_IMPORTANCE = 4.0
TECH_IN_DEMAND_WEIGHT = 0.9
TECH_WEIGHT = 0.5
# Skills element ids under 2.B.3 are technical (programming, repairing, ...);
# the others (reading, speaking, coordination, judgment) are soft.
TECHNICAL_SKILL_PREFIX = "2.B.3."


def load_onet(directory: Path, *, progress: bool = False) -> Taxonomy:
    """Read an O*NET database folder into a :class:`Taxonomy`.

    Args:
        directory: Folder holding the O*NET tables as CSV files.
        progress: Show a tqdm progress bar per file.

    Returns:
        Occupations, technology / skill / knowledge skills, requirements and the
        BROADER links from technology examples to their commodity class, all with
        ``source="onet"``.

    Raises:
        ImportFileError: A required file is missing, or a row is malformed (the
            message names file, line and column).
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise ImportFileError(f"{directory}: not a folder; pass the O*NET database folder")
    names = [OCCUPATION_DATA, ALTERNATE_TITLES, TECHNOLOGY_SKILLS, SKILLS, KNOWLEDGE]
    files = {name: _find(directory, name) for name in [*names, JOB_ZONES, EDUCATION]}

    taxonomy = Taxonomy(occupations=_read_occupations(files[OCCUPATION_DATA], progress))
    _read_titles(files[ALTERNATE_TITLES], "Alternate Title", taxonomy, progress)
    if (directory / REPORTED_TITLES).is_file():
        _read_titles(directory / REPORTED_TITLES, "Reported Job Title", taxonomy, progress)
    _read_technology(files[TECHNOLOGY_SKILLS], taxonomy, progress)
    _read_rated(files[SKILLS], "skill", taxonomy, progress)
    _read_rated(files[KNOWLEDGE], "knowledge", taxonomy, progress)
    _read_job_zones(files[JOB_ZONES], taxonomy, progress)
    _read_education(files[EDUCATION], taxonomy, progress)
    return taxonomy


def _find(directory: Path, name: str) -> Path:
    return find_file(directory, name, stand_in=name.replace("_", " "))


def tech_skill_id(example: str) -> str:
    """Return the stable id of a technology example: ``onet:tech:<slug>``.

    The slug keeps what tells languages apart: "C++" -> ``c-plus-plus``,
    "C#" -> ``c-sharp``, "Node.js" -> ``node-js``.
    """
    text = unicodedata.normalize("NFKD", example).encode("ascii", "ignore").decode().lower()
    text = text.replace("+", " plus ").replace("#", " sharp ")
    return "onet:tech:" + re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _code(path: Path, line: int, row: dict[str, str]) -> str:
    code = row[CODE].strip()
    if not SOC_CODE.match(code):
        raise malformed(path, line, CODE, f"{code!r} is not an O*NET-SOC code like 15-1252.00")
    return code


def _read_occupations(path: Path, progress: bool) -> dict[str, Occupation]:
    occupations: dict[str, Occupation] = {}
    for line, row in read_rows(path, [CODE, "Title", "Description"], progress=progress):
        code = _code(path, line, row)
        title = row["Title"].strip()
        if not title:
            raise malformed(path, line, "Title", "empty title")
        occupations[code] = Occupation(
            id=code,
            title=title,
            group_code=code[:2],
            family=SOC_MAJOR_GROUPS.get(code[:2], ""),
            source="onet",
            description=row["Description"].strip(),
        )
    return occupations


def _read_titles(path: Path, column: str, taxonomy: Taxonomy, progress: bool) -> None:
    titles: dict[str, list[str]] = {}
    extra_columns = ["Short Title"] if column == "Alternate Title" else []
    for line, row in read_rows(path, [CODE, column, *extra_columns], progress=progress):
        code = _code(path, line, row)
        for cell in [column, *extra_columns]:
            if title := row[cell].strip():
                titles.setdefault(code, []).append(title)
    for code, found in titles.items():
        occupation = taxonomy.occupations.get(code)
        if occupation is None:
            continue
        merged = [*occupation.alt_titles, *(t for t in found if t != occupation.title)]
        taxonomy.occupations[code] = replace(occupation, alt_titles=tuple(dict.fromkeys(merged)))


def _read_technology(path: Path, taxonomy: Taxonomy, progress: bool) -> None:
    """Technology examples and their commodity classes.

    An example named like a commodity class ("Accounting software") is that
    class, not a second skill of the same name.
    """
    rows = list(_technology_rows(path, progress))
    skills = taxonomy.skills
    class_ids: dict[str, str] = {}  # label key of a class title -> class id
    for _, _, commodity, commodity_title, _, _ in rows:
        class_id = f"onet:commodity:{commodity}"
        if class_id not in skills:
            skills[class_id] = Skill(
                class_id, commodity_title, SkillKind.TOOL, category=commodity_title, source="onet"
            )
            class_ids.setdefault(label_key(commodity_title), class_id)
    links: set[tuple[str, str]] = set()
    requirements: dict[tuple[str, str], bool] = {}
    for code, example, commodity, commodity_title, hot, in_demand in rows:
        skill_id = class_ids.get(label_key(example)) or tech_skill_id(example)
        known = skills.get(skill_id)
        if known is None:
            skills[skill_id] = Skill(
                skill_id, example, SkillKind.TOOL, category=commodity_title, source="onet", hot=hot
            )
        elif hot and not known.hot:
            skills[skill_id] = replace(known, hot=True)
        class_id = f"onet:commodity:{commodity}"
        if skill_id != class_id:
            links.add((skill_id, class_id))
        if code in taxonomy.occupations:
            key = (code, skill_id)
            requirements[key] = requirements.get(key, False) or in_demand
    taxonomy.skill_links.extend(
        SkillLink(example_id, class_id, "BROADER", source="onet")
        for example_id, class_id in sorted(links)
    )
    taxonomy.requirements.extend(
        OccupationSkill(
            code,
            skill_id,
            Importance.ESSENTIAL if in_demand else Importance.OPTIONAL,
            TECH_IN_DEMAND_WEIGHT if in_demand else TECH_WEIGHT,
        )
        for (code, skill_id), in_demand in requirements.items()
    )


def _technology_rows(path: Path, progress: bool) -> Iterator[tuple[str, str, str, str, bool, bool]]:
    """Yield checked (code, example, commodity code, commodity title, hot, in demand)."""
    required = [CODE, "Example", "Commodity Code", "Commodity Title", "Hot Technology"]
    for line, row in read_rows(path, required, progress=progress):
        code = _code(path, line, row)
        example = row["Example"].strip()
        commodity, commodity_title = row["Commodity Code"].strip(), row["Commodity Title"].strip()
        if not example:
            raise malformed(path, line, "Example", "empty technology name")
        if not commodity.isdigit():
            raise malformed(path, line, "Commodity Code", f"{commodity!r} is not a UNSPSC code")
        if not commodity_title:
            raise malformed(path, line, "Commodity Title", "empty commodity title")
        hot = _flag(path, line, row, "Hot Technology")
        in_demand = _flag(path, line, row, "In Demand") if "In Demand" in row else False
        yield code, example, commodity, commodity_title, hot, in_demand


def _flag(path: Path, line: int, row: dict[str, str], column: str) -> bool:
    value = row[column].strip().upper()
    if value not in {"Y", "N", ""}:
        raise malformed(path, line, column, f"{row[column]!r} is not Y or N")
    return value == "Y"


def _read_rated(path: Path, domain: str, taxonomy: Taxonomy, progress: bool) -> None:
    """Skills.csv / Knowledge.csv: one skill per element, requirements from importance."""
    required = [CODE, "Element ID", "Element Name", "Scale ID", "Data Value"]
    for line, row in read_rows(path, required, progress=progress):
        code = _code(path, line, row)
        element = row["Element ID"].strip()
        if not re.fullmatch(r"\d+(?:\.[0-9A-Za-z]+)+", element):
            raise malformed(path, line, "Element ID", f"{element!r} is not an element id")
        skill_id = f"onet:{domain}:{element}"
        if skill_id not in taxonomy.skills:
            taxonomy.skills[skill_id] = Skill(
                skill_id,
                row["Element Name"].strip(),
                _rated_kind(domain, element),
                category=domain,
                source="onet",
            )
        if row["Scale ID"].strip() != "IM":
            continue  # the level scale (LV) says how much, not whether it is needed
        importance = parse_float(path, line, "Data Value", row["Data Value"].strip())
        if (row.get("Recommend Suppress") or "").strip().upper() == "Y":
            continue  # O*NET flags the estimate as unreliable
        if importance >= MIN_IMPORTANCE and code in taxonomy.occupations:
            taxonomy.requirements.append(
                OccupationSkill(
                    code,
                    skill_id,
                    Importance.ESSENTIAL
                    if importance >= ESSENTIAL_IMPORTANCE
                    else Importance.OPTIONAL,
                    round(importance / 5.0, 3),
                )
            )


def _rated_kind(domain: str, element: str) -> SkillKind:
    if domain == "knowledge":
        return SkillKind.KNOWLEDGE
    return SkillKind.HARD if element.startswith(TECHNICAL_SKILL_PREFIX) else SkillKind.SOFT


def _read_job_zones(path: Path, taxonomy: Taxonomy, progress: bool) -> None:
    for line, row in read_rows(path, [CODE, "Job Zone"], progress=progress):
        code = _code(path, line, row)
        zone = row["Job Zone"].strip()
        if zone not in {"1", "2", "3", "4", "5"}:
            raise malformed(path, line, "Job Zone", f"{zone!r} is not a job zone 1-5")
        if code in taxonomy.occupations:
            occupation = taxonomy.occupations[code]
            taxonomy.occupations[code] = replace(occupation, job_zone=int(zone))


def _read_education(path: Path, taxonomy: Taxonomy, progress: bool) -> None:
    """Typical (median) required education (RL) and related work experience (RW)."""
    shares: dict[tuple[str, str], dict[int, float]] = {}
    required = [CODE, "Scale ID", "Category", "Data Value"]
    for line, row in read_rows(path, required, progress=progress):
        scale = row["Scale ID"].strip()
        if scale not in {"RL", "RW"}:
            continue
        code = _code(path, line, row)
        category = parse_float(path, line, "Category", row["Category"].strip())
        share = parse_float(path, line, "Data Value", row["Data Value"].strip())
        shares.setdefault((code, scale), {})[int(category)] = share
    for (code, scale), distribution in shares.items():
        occupation = taxonomy.occupations.get(code)
        typical = median_category(distribution)
        if occupation is None or typical is None:
            continue
        if scale == "RL":
            occupation = replace(occupation, education=EDUCATION_LEVELS.get(typical, ""))
        else:
            occupation = replace(occupation, experience_years=EXPERIENCE_YEARS.get(typical))
        taxonomy.occupations[code] = occupation
