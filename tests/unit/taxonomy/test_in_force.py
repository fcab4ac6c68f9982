"""The taxonomy in force: SAME_AS duplicates folded onto built-in ids, a content version."""

from __future__ import annotations

from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.in_force import compile_in_force, taxonomy_version
from jobgraph.taxonomy.model import (
    Importance,
    Occupation,
    OccupationSkill,
    Skill,
    SkillKind,
    Taxonomy,
)

ESCO_PYTHON = "http://data.europa.eu/esco/skill/python-test"


def _imported() -> Taxonomy:
    return Taxonomy(
        skills={
            ESCO_PYTHON: Skill(
                ESCO_PYTHON, "Python (computer programming)", SkillKind.KNOWLEDGE,
                aliases=("Python", "Python 3 scripting"), source="esco",
            ),
            "onet:tech:zorblax": Skill(
                "onet:tech:zorblax", "Zorblax Studio", SkillKind.TOOL, source="onet"
            ),
        },
        occupations={"esco:occ:1": Occupation("esco:occ:1", "zorblax operator", source="esco")},
        requirements=[
            OccupationSkill("esco:occ:1", ESCO_PYTHON, Importance.ESSENTIAL),
            OccupationSkill("esco:occ:1", "onet:tech:zorblax", Importance.OPTIONAL),
        ],
        same_as=[("python", ESCO_PYTHON)],
    )  # fmt: skip


def test_same_as_folds_imported_skill_into_builtin_id() -> None:
    merged = compile_in_force(builtin_taxonomy(), _imported())
    assert ESCO_PYTHON not in merged.skills
    python = merged.skills["python"]
    assert "Python (computer programming)" in python.aliases
    assert "Python 3 scripting" not in python.aliases  # loose alternatives stay out
    assert python.aliases.count("Python") == 0  # the name itself is not repeated
    assert "onet:tech:zorblax" in merged.skills
    required = {(r.occupation_id, r.skill_id) for r in merged.requirements}
    assert ("esco:occ:1", "python") in required
    assert ("esco:occ:1", "onet:tech:zorblax") in required


def test_pair_stored_the_other_way_round_folds_the_same() -> None:
    imported = _imported()
    imported.same_as = [(ESCO_PYTHON, "python")]
    merged = compile_in_force(builtin_taxonomy(), imported)
    assert ESCO_PYTHON not in merged.skills


def test_label_owned_by_another_skill_stays_with_it() -> None:
    imported = _imported()
    skill = imported.skills[ESCO_PYTHON]
    imported.skills[ESCO_PYTHON] = Skill(skill.id, "Django", skill.kind, source="esco")
    merged = compile_in_force(builtin_taxonomy(), imported)
    assert "Django" not in merged.skills["python"].aliases


def test_version_is_a_content_hash() -> None:
    builtin = builtin_taxonomy()
    assert builtin.version == taxonomy_version(builtin)
    assert compile_in_force(builtin).version == builtin.version
    merged = compile_in_force(builtin, _imported())
    assert merged.version.startswith("tx-") and merged.version != builtin.version
    assert compile_in_force(builtin, _imported()).version == merged.version


def test_esco_and_onet_duplicates_fold_into_one_skill() -> None:
    esco_id = "http://data.europa.eu/esco/skill/websphere-test"
    imported = Taxonomy(
        skills={
            esco_id: Skill(
                esco_id, "IBM WebSphere (application server)", SkillKind.HARD, source="esco"
            ),
            "onet:tech:ibm-websphere": Skill(
                "onet:tech:ibm-websphere", "IBM Websphere", SkillKind.TOOL, source="onet"
            ),
            "onet:tech:unity": Skill("onet:tech:unity", "Unity", SkillKind.TOOL, source="onet"),
        },
        occupations={"esco:occ:1": Occupation("esco:occ:1", "zorblax operator", source="esco")},
        requirements=[
            OccupationSkill("esco:occ:1", "onet:tech:ibm-websphere", Importance.ESSENTIAL)
        ],
    )
    merged = compile_in_force(builtin_taxonomy(), imported)
    # ESCO wins over O*NET; the O*NET name becomes a form of the ESCO skill.
    assert esco_id in merged.skills and "onet:tech:ibm-websphere" not in merged.skills
    assert "IBM Websphere" in merged.skills[esco_id].aliases
    assert ("esco:occ:1", esco_id) in {(r.occupation_id, r.skill_id) for r in merged.requirements}
    # Same preferred name as a built-in skill, no SAME_AS pair: the built-in id wins.
    assert "unity" in builtin_taxonomy().skills
    assert "onet:tech:unity" not in merged.skills


def test_builtin_skills_are_never_merged_with_each_other() -> None:
    builtin = builtin_taxonomy()
    merged = compile_in_force(builtin, _imported())
    assert builtin.skills.keys() <= merged.skills.keys()
