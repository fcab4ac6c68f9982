"""same_as linking and merging of taxonomies."""

from __future__ import annotations

from pathlib import Path

from jobgraph.taxonomy.esco import load_esco
from jobgraph.taxonomy.linking import link_same_as, merge
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.model import (
    Occupation,
    OccupationSkill,
    Skill,
    SkillLink,
    Taxonomy,
)
from jobgraph.taxonomy.onet import load_onet, tech_skill_id


def _builtin() -> Taxonomy:
    skills = [
        Skill("python", "Python", aliases=("Python 3",)),
        Skill("cpp", "C++"),
        Skill("excel", "Excel", aliases=("Microsoft Excel", "MS Excel")),
        Skill("programming", "Programming", aliases=("Coding",)),
        Skill("pottery", "Pottery"),
    ]
    occupations = [
        Occupation("software-engineer", "Software Engineer", alt_titles=("Software Developer",)),
        Occupation("registered-nurse", "Registered Nurse", alt_titles=("RN",)),
    ]
    return Taxonomy(
        skills={s.id: s for s in skills},
        occupations={o.id: o for o in occupations},
        skill_links=[SkillLink("cpp", "programming", "BROADER")],
        requirements=[OccupationSkill("software-engineer", "python")],
    )


def test_links_to_onet_by_name_and_alias(onet_dir: Path) -> None:
    pairs = set(link_same_as(_builtin(), load_onet(onet_dir)))
    assert ("python", tech_skill_id("Python")) in pairs
    assert ("cpp", "onet:tech:c-plus-plus") in pairs
    assert ("excel", tech_skill_id("Microsoft Excel")) in pairs  # via the built-in alias
    assert ("programming", "onet:skill:2.B.3.e") in pairs
    assert not any(ours == "pottery" for ours, _ in pairs)
    # "Software Engineer" is an alternate title of Software Developers
    assert ("software-engineer", "15-1252.00") in pairs
    # "RN" (alias) meets the short title "RN" (alias)
    assert ("registered-nurse", "29-1141.00") in pairs


def test_names_outrank_aliases(esco_dir: Path) -> None:
    esco = load_esco(esco_dir)
    pairs = dict(link_same_as(_builtin(), esco))
    python_uri = "http://data.europa.eu/esco/skill/bbbb0001-0000-4000-8000-000000000001"
    programming_uri = "http://data.europa.eu/esco/skill/bbbb0001-0000-4000-8000-000000000002"
    assert pairs["python"] == python_uri  # ESCO alias "Python"
    assert pairs["programming"] == programming_uri
    # ESCO's preferred title is "software developer", a built-in alt title: tier 1
    assert pairs["software-engineer"].endswith("aaaa0001-0000-4000-8000-000000000001")


def test_merge_keeps_everything_once(onet_dir: Path, esco_dir: Path) -> None:
    builtin, onet, esco = _builtin(), load_onet(onet_dir), load_esco(esco_dir)
    builtin.same_as.extend(link_same_as(builtin, onet))
    merged = merge(builtin, onet, esco, builtin)
    assert len(merged.skills) == len(builtin.skills) + len(onet.skills) + len(esco.skills)
    assert len(merged.occupations) == 2 + 3 + 4
    assert len(merged.requirements) == sum(len(t.requirements) for t in (builtin, onet, esco))
    assert merged.same_as == builtin.same_as
    assert len(merged.skill_links) == sum(len(t.skill_links) for t in (builtin, onet, esco))
    # the lookup works on the merged vocabulary
    lookup = TaxonomyLookup(merged)
    assert lookup.skill("Pottery").id == "pottery"  # type: ignore[union-attr]
    assert lookup.skill("Epic Systems").id == tech_skill_id("Epic Systems")  # type: ignore[union-attr]
    result = lookup.occupation("Senior Specialist Nurse")
    assert result is not None and result.id.endswith("000000000004")


def test_merge_drops_dangling_references() -> None:
    broken = Taxonomy(
        skills={"a": Skill("a", "A")},
        skill_links=[SkillLink("a", "missing", "BROADER")],
        requirements=[OccupationSkill("nobody", "a")],
    )
    merged = merge(broken)
    assert merged.skills.keys() == {"a"}
    assert merged.skill_links == [] and merged.requirements == []


def test_qualified_names_link_when_nothing_closer_does() -> None:
    from jobgraph.taxonomy.linking import link_same_as
    from jobgraph.taxonomy.model import Skill, Taxonomy

    ours = Taxonomy(skills={"python": Skill("python", "Python", aliases=("py",))})
    theirs = Taxonomy(
        skills={
            "esco:1": Skill("esco:1", "Python (computer programming)", source="esco"),
            "esco:2": Skill("esco:2", "Pythonic style", source="esco"),
        }
    )
    assert link_same_as(ours, theirs) == [("python", "esco:1")]
