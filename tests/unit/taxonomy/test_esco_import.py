"""ESCO importer on the mini export under tests/fixtures/esco_mini."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobgraph.errors import ImportFileError
from jobgraph.taxonomy.esco import load_esco
from jobgraph.taxonomy.model import Importance, SkillKind
from tests.unit.taxonomy.conftest import copy_fixture_files

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

ESCO = "http://data.europa.eu/esco"
DEVELOPER = f"{ESCO}/occupation/aaaa0001-0000-4000-8000-000000000001"
MOBILE = f"{ESCO}/occupation/aaaa0001-0000-4000-8000-000000000002"
DATA_SCIENTIST = f"{ESCO}/occupation/aaaa0001-0000-4000-8000-000000000003"
NURSE = f"{ESCO}/occupation/aaaa0001-0000-4000-8000-000000000004"


def skill(number: int) -> str:
    return f"{ESCO}/skill/bbbb0001-0000-4000-8000-{number:012d}"


def test_occupations_with_multiline_alt_labels(esco_dir: Path) -> None:
    taxonomy = load_esco(esco_dir)
    assert len(taxonomy.occupations) == 4
    developer = taxonomy.occupations[DEVELOPER]
    assert developer.title == "software developer"
    # new-line separated alt labels, then the hidden (misspelt) label
    assert developer.alt_titles == (
        "software engineer",
        "application developer",
        "programmer",
        "sofware developer",
    )
    assert developer.group_code == "2512"
    assert developer.family == "information-and-communications-technology-professionals"
    assert developer.source == "esco"
    assert developer.description.startswith("Software developers implement")
    assert taxonomy.occupations[MOBILE].broader_id == DEVELOPER
    assert developer.broader_id is None  # its broader concept is an ISCO group


def test_skills_kinds_and_categories(esco_dir: Path) -> None:
    skills = load_esco(esco_dir).skills
    assert len(skills) == 7
    python = skills[skill(1)]
    assert python.name == "Python (computer programming)"
    assert python.aliases == ("Python", "Python programming")
    assert python.kind is SkillKind.KNOWLEDGE
    assert skills[skill(2)].kind is SkillKind.HARD
    assert skills[skill(4)].kind is SkillKind.SOFT  # transversal skill
    assert skills[skill(5)].kind is SkillKind.LANGUAGE  # from the language collection
    assert skills[skill(2)].category == "software and applications development and analysis"
    # "coding, scripting and programming" contains commas inside one new-line separated label
    assert "coding, scripting and programming" in skills[skill(2)].aliases


def test_requirements_links_and_relations(esco_dir: Path) -> None:
    taxonomy = load_esco(esco_dir)
    required = {(r.occupation_id, r.skill_id): r for r in taxonomy.requirements}
    # listed as optional and as essential: essential wins, once
    assert required[(DEVELOPER, skill(3))].importance is Importance.ESSENTIAL
    assert required[(DEVELOPER, skill(1))].importance is Importance.OPTIONAL
    assert required[(DEVELOPER, skill(1))].weight < required[(DEVELOPER, skill(2))].weight
    assert len(taxonomy.requirements) == 6  # the relation to an unknown skill is dropped
    broader = [(k.source_id, k.target_id) for k in taxonomy.skill_links if k.kind == "BROADER"]
    assert broader == [(skill(1), skill(2))]
    related = {
        frozenset((link.source_id, link.target_id)): link.weight
        for link in taxonomy.skill_links
        if link.kind == "RELATED_TO"
    }
    # the pair appears in both directions; stored once with the stronger weight
    assert related == {frozenset((skill(3), skill(7))): 0.8, frozenset((skill(1), skill(2))): 0.5}


def test_stand_in_files_are_accepted(esco_dir: Path) -> None:
    (esco_dir / "skills_en.csv").unlink()
    (esco_dir / "occupationSkillRelations_en.csv").unlink()
    copy_fixture_files(FIXTURES / "esco_mini" / "stand_in", esco_dir)
    taxonomy = load_esco(esco_dir)
    skills = taxonomy.skills
    assert skills[skill(1)].kind is SkillKind.KNOWLEDGE
    assert skills[skill(1)].aliases == ("Python",)
    assert skills[skill(4)].kind is SkillKind.SOFT
    assert skills[skill(5)].kind is SkillKind.LANGUAGE
    assert skills[skill(2)].category == "programming computer systems"
    # a skill known only from the relations file is added under its label
    assert skills[skill(3)].name == "use databases"
    pairs = {(r.occupation_id, r.skill_id, r.importance) for r in taxonomy.requirements}
    assert pairs == {
        (DEVELOPER, skill(2), Importance.ESSENTIAL),
        (DATA_SCIENTIST, skill(7), Importance.ESSENTIAL),
        (DATA_SCIENTIST, skill(3), Importance.OPTIONAL),
    }


@pytest.mark.parametrize(
    "name",
    ["occupations_en.csv", "skills_en.csv", "ISCOGroups_en.csv", "skillSkillRelations_en.csv"],
)
def test_missing_file_is_named(esco_dir: Path, name: str) -> None:
    (esco_dir / name).unlink()
    with pytest.raises(ImportFileError, match=name.replace(".", r"\.")):
        load_esco(esco_dir)


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="not a folder"):
        load_esco(tmp_path / "nowhere")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bad_uri_names_file_line_and_column(esco_dir: Path) -> None:
    # the third occupation starts on line 8: the first two span lines 2-7
    _replace(esco_dir / "occupations_en.csv", f"Occupation,{DATA_SCIENTIST}", "Occupation,oops")
    with pytest.raises(ImportFileError) as caught:
        load_esco(esco_dir)
    assert "occupations_en.csv:8, column 'conceptUri'" in str(caught.value)


def test_bad_relation_type(esco_dir: Path) -> None:
    _replace(esco_dir / "occupationSkillRelations_en.csv", "optional", "sometimes")
    where = r"occupationSkillRelations_en\.csv:3, column 'relationType'"
    with pytest.raises(ImportFileError, match=where):
        load_esco(esco_dir)


def test_missing_column(esco_dir: Path) -> None:
    _replace(esco_dir / "skillSkillRelations_en.csv", "relatedSkillUri", "otherUri")
    with pytest.raises(ImportFileError, match=r"skillSkillRelations_en\.csv:1: missing column"):
        load_esco(esco_dir)


def test_ragged_row(esco_dir: Path) -> None:
    path = esco_dir / "broaderRelationsOccPillar_en.csv"
    path.write_text(path.read_text(encoding="utf-8") + "Occupation,http://x\n", encoding="utf-8")
    where = r"broaderRelationsOccPillar_en\.csv:5, column 'broaderType'"
    with pytest.raises(ImportFileError, match=where):
        load_esco(esco_dir)
