"""Importers and lookup on the real ESCO 1.2.0 and O*NET 29.2 files in ../shared/data.

The expected facts below were read from the files by hand (grep), not from the
importers' output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jobgraph.taxonomy.esco import load_esco
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.model import Importance, SkillKind, Taxonomy
from jobgraph.taxonomy.onet import load_onet, tech_skill_id

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
ESCO_DIR = SHARED_DATA / "esco-1.2.0"
ONET_DIR = SHARED_DATA / "onet-29.2"

ESCO = "http://data.europa.eu/esco"
SOFTWARE_DEVELOPER = f"{ESCO}/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
BLOCKCHAIN_DEVELOPER = f"{ESCO}/occupation/24135b84-cbdd-4d42-9ed2-02fd982d15b2"
PYTHON = f"{ESCO}/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"

needs_esco = pytest.mark.skipif(
    not ESCO_DIR.is_dir(), reason=f"real ESCO data not at {ESCO_DIR} (dev workspace only)"
)
needs_onet = pytest.mark.skipif(
    not ONET_DIR.is_dir(), reason=f"real O*NET data not at {ONET_DIR} (dev workspace only)"
)


@pytest.fixture(scope="module")
def esco() -> Taxonomy:
    return load_esco(ESCO_DIR)


@pytest.fixture(scope="module")
def onet() -> Taxonomy:
    return load_onet(ONET_DIR)


@needs_esco
def test_esco_counts_and_known_facts(esco: Taxonomy) -> None:
    assert len(esco.occupations) == 3039
    assert len(esco.skills) >= 13412  # every skill with a preferred label in the labels file
    developer = esco.occupations[SOFTWARE_DEVELOPER]
    assert (developer.title, developer.group_code) == ("software developer", "2512")
    assert "software specialist" in developer.alt_titles
    assert esco.occupations[BLOCKCHAIN_DEVELOPER].broader_id == SOFTWARE_DEVELOPER
    python = esco.skills[PYTHON]
    assert python.name == "Python (computer programming)"
    assert {"Python3", "Python 3k"} <= set(python.aliases)
    required = {(r.occupation_id, r.skill_id): r.importance for r in esco.requirements}
    assert required[(SOFTWARE_DEVELOPER, PYTHON)] is Importance.OPTIONAL
    # 108 rows name the occupation; one ("smart contract") has no skill URI
    assert sum(1 for occupation, _ in required if occupation == SOFTWARE_DEVELOPER) == 107
    kinds = {skill.kind for skill in esco.skills.values()}
    assert {SkillKind.HARD, SkillKind.KNOWLEDGE, SkillKind.LANGUAGE, SkillKind.SOFT} <= kinds


@needs_onet
def test_onet_counts_and_known_facts(onet: Taxonomy) -> None:
    assert len(onet.occupations) == 1016
    developers = onet.occupations["15-1252.00"]
    assert developers.title == "Software Developers" and developers.job_zone == 4
    assert onet.skills[tech_skill_id("Adobe Acrobat")].hot
    required = {(r.occupation_id, r.skill_id): r for r in onet.requirements}
    # Technology_Skills: Python for 15-1252.00 is In Demand
    assert required[("15-1252.00", tech_skill_id("Python"))].importance is Importance.ESSENTIAL
    # Knowledge: Registered Nurses rate Medicine and Dentistry 4.36, Economics 1.74
    assert required[("29-1141.00", "onet:knowledge:2.C.5.a")].weight == pytest.approx(0.872)
    assert ("29-1141.00", "onet:knowledge:2.C.1.c") not in required


@needs_esco
def test_lookup_on_esco(esco: Taxonomy) -> None:
    lookup = TaxonomyLookup(esco)
    python = lookup.skill("Python3")
    assert python is not None and python.id == PYTHON
    title = lookup.occupation("Senior Software Developer (m/f/d) - Remote")
    assert title is not None and title.id == SOFTWARE_DEVELOPER


@needs_onet
def test_lookup_on_onet(onet: Taxonomy) -> None:
    lookup = TaxonomyLookup(onet)
    assert lookup.skill("python 3").id == tech_skill_id("Python")  # type: ignore[union-attr]
    nurse = lookup.occupation("Registered Nurse - ICU, Night Shift")
    assert nurse is not None and nurse.id == "29-1141.00"
