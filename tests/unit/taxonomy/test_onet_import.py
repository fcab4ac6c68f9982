"""O*NET importer on the mini database under tests/fixtures/onet_mini."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobgraph.errors import ImportFileError
from jobgraph.taxonomy.model import Importance, SkillKind
from jobgraph.taxonomy.onet import load_onet, tech_skill_id


def test_occupations_titles_zones_and_education(onet_dir: Path) -> None:
    taxonomy = load_onet(onet_dir)
    assert set(taxonomy.occupations) == {"15-1252.00", "29-1141.00", "43-3031.00"}
    developers = taxonomy.occupations["15-1252.00"]
    assert developers.title == "Software Developers"
    assert developers.alt_titles == (
        "Application Developer",
        "Software Engineer",
        "Computer Applications Engineer",
        "Apps Engineer",
        "Software Architect",  # from the reported titles
    )
    assert (developers.group_code, developers.family) == ("15", "computer-and-mathematical")
    assert developers.job_zone == 4
    assert developers.education == "bachelor's degree"  # cumulative share reaches 50% at 6
    assert developers.experience_years == 2.0  # "over 2 years, up to 4 years"
    clerks = taxonomy.occupations["43-3031.00"]
    assert clerks.title == "Bookkeeping, Accounting, and Auditing Clerks"
    assert clerks.education == "" and clerks.experience_years is None


def test_technology_examples_become_tool_skills(onet_dir: Path) -> None:
    taxonomy = load_onet(onet_dir)
    skills = taxonomy.skills
    assert skills["onet:tech:c-plus-plus"].name == "C++"
    assert skills["onet:tech:c-sharp"].name == "C#"
    excel = skills[tech_skill_id("Microsoft Excel")]
    assert (excel.kind, excel.hot, excel.category) == (SkillKind.TOOL, True, "Spreadsheet software")
    assert skills[tech_skill_id("Epic Systems")].hot is False
    assert skills["onet:commodity:43232110"].name == "Spreadsheet software"
    broader = {(k.source_id, k.target_id) for k in taxonomy.skill_links if k.kind == "BROADER"}
    jira = tech_skill_id("Atlassian JIRA")
    assert {(jira, "onet:commodity:43232201"), (jira, "onet:commodity:43231507")} <= broader
    tech = {
        (r.occupation_id, r.skill_id): r
        for r in taxonomy.requirements
        if r.skill_id.startswith("onet:tech:")
    }
    assert tech[("15-1252.00", tech_skill_id("Python"))].importance is Importance.ESSENTIAL
    assert tech[("15-1252.00", jira)].importance is Importance.OPTIONAL  # listed twice, kept once
    assert sum(1 for key in tech if key[1] == jira) == 1
    assert len(tech) == 9


def test_example_named_like_its_class_is_the_class(onet_dir: Path) -> None:
    taxonomy = load_onet(onet_dir)
    assert tech_skill_id("Accounting software") not in taxonomy.skills
    accounting = "onet:commodity:43231601"
    assert taxonomy.skills[accounting].name == "Accounting software"
    required = {(r.occupation_id, r.skill_id) for r in taxonomy.requirements}
    assert ("43-3031.00", accounting) in required
    assert not any(link.source_id == link.target_id == accounting for link in taxonomy.skill_links)


def test_skills_and_knowledge_by_importance(onet_dir: Path) -> None:
    taxonomy = load_onet(onet_dir)
    skills = taxonomy.skills
    assert skills["onet:skill:2.B.3.e"].kind is SkillKind.HARD  # Programming: technical
    assert skills["onet:skill:2.A.1.a"].kind is SkillKind.SOFT  # Reading Comprehension
    assert skills["onet:knowledge:2.C.5.a"].kind is SkillKind.KNOWLEDGE
    rated = {
        (r.occupation_id, r.skill_id): r
        for r in taxonomy.requirements
        if not r.skill_id.startswith("onet:tech:")
    }
    assert rated[("15-1252.00", "onet:skill:2.B.3.e")].importance is Importance.ESSENTIAL
    assert rated[("15-1252.00", "onet:skill:2.B.3.e")].weight == pytest.approx(0.85)
    assert rated[("15-1252.00", "onet:skill:2.A.1.a")].importance is Importance.OPTIONAL
    assert ("15-1252.00", "onet:skill:2.B.1.a") not in rated  # importance 2.75 < 3
    assert ("29-1141.00", "onet:skill:2.B.3.e") not in rated  # estimate flagged for suppression
    assert ("29-1141.00", "onet:knowledge:2.C.3.a") not in rated
    assert ("29-1141.00", "onet:knowledge:2.C.5.a") in rated


def test_files_with_spaces_in_names_are_accepted(onet_dir: Path) -> None:
    (onet_dir / "Occupation_Data.csv").rename(onet_dir / "Occupation Data.csv")
    assert len(load_onet(onet_dir).occupations) == 3


@pytest.mark.parametrize("name", ["Technology_Skills.csv", "Job_Zones.csv", "Knowledge.csv"])
def test_missing_file_is_named(onet_dir: Path, name: str) -> None:
    (onet_dir / name).unlink()
    with pytest.raises(ImportFileError, match=name.replace(".", r"\.")):
        load_onet(onet_dir)


@pytest.mark.parametrize(
    ("name", "old", "new", "where"),
    [
        ("Skills.csv", "4.25", "high", "Skills.csv:2, column 'Data Value'"),
        ("Job_Zones.csv", "Developers,4,", "Developers,7,", "Job_Zones.csv:2, column 'Job Zone'"),
        ("Alternate_Titles.csv", "29-1141.00", "29-1141", "Titles.csv:5, column 'O*NET-SOC"),
        (
            "Technology_Skills.csv",
            "Medical software,N,N",
            "Medical software,maybe,N",
            "Technology_Skills.csv:8, column 'Hot Technology'",
        ),
        ("Occupation_Data.csv", "Registered Nurses,", "", "Data.csv:3, column 'Description'"),
    ],
)
def test_malformed_rows_name_file_line_and_column(
    onet_dir: Path, name: str, old: str, new: str, where: str
) -> None:
    path = onet_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        load_onet(onet_dir)
    assert where in str(caught.value)


def test_tech_ids_are_stable_slugs() -> None:
    assert tech_skill_id("Node.js") == "onet:tech:node-js"
    assert tech_skill_id("Microsoft SQL Server") == "onet:tech:microsoft-sql-server"
    assert tech_skill_id("C++") != tech_skill_id("C#") != tech_skill_id("C")
