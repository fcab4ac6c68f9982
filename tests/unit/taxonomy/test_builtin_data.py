"""The built-in taxonomy shipped with the package: size, soundness, coverage."""

from __future__ import annotations

import pytest

from jobgraph.taxonomy.builtin import builtin_taxonomy, check
from jobgraph.taxonomy.model import Importance, SkillKind
from jobgraph.taxonomy.normalize import label_key

REQUIRED_FAMILIES = {
    "software", "data", "it-operations", "security", "healthcare", "nursing", "finance",
    "accounting", "sales", "marketing", "logistics", "manufacturing", "construction",
    "education", "legal", "hr", "design", "hospitality", "customer-service", "engineering",
    "public-sector",
}


def test_data_is_sound() -> None:
    assert check() == []


def test_size() -> None:
    stats = builtin_taxonomy().stats()
    assert stats["skills"] >= 2000
    assert stats["occupations"] >= 250
    assert stats["broader_links"] >= 1000
    assert stats["related_links"] >= 1000


def test_every_family_has_occupations_and_skills() -> None:
    taxonomy = builtin_taxonomy()
    families = {o.family for o in taxonomy.occupations.values()}
    assert families >= REQUIRED_FAMILIES
    skill_families = {f for s in taxonomy.skills.values() for f in s.families}
    assert skill_families >= REQUIRED_FAMILIES


def test_every_occupation_requires_essential_skills() -> None:
    taxonomy = builtin_taxonomy()
    essential = {
        r.occupation_id for r in taxonomy.requirements if r.importance is Importance.ESSENTIAL
    }
    assert set(taxonomy.occupations) == essential


def test_all_kinds_are_used() -> None:
    kinds = {s.kind for s in builtin_taxonomy().skills.values()}
    assert {SkillKind.HARD, SkillKind.SOFT, SkillKind.TOOL, SkillKind.LANGUAGE,
            SkillKind.CERTIFICATION} <= kinds


@pytest.mark.parametrize(
    ("surface", "expected_name"),
    [
        ("JS", "JavaScript"),
        ("k8s", "Kubernetes"),
        ("Postgres", "PostgreSQL"),
        ("MS Excel", "Microsoft Excel"),
        ("C sharp", "C#"),
        ("NodeJS", "Node.js"),
        ("ML", "Machine Learning"),
        ("CPR", "Cardiopulmonary Resuscitation"),
        ("GAAP", "Generally Accepted Accounting Principles"),
    ],
)
def test_common_variants_are_known(surface: str, expected_name: str) -> None:
    taxonomy = builtin_taxonomy()
    owners = {
        skill.name
        for skill in taxonomy.skills.values()
        if label_key(surface) in {label_key(form) for form in (skill.name, *skill.aliases)}
    }
    assert owners == {expected_name}


def test_career_ladders_exist() -> None:
    taxonomy = builtin_taxonomy()
    with_broader = [o for o in taxonomy.occupations.values() if o.broader_id]
    assert len(with_broader) >= 100
    for occupation in with_broader:
        broader = taxonomy.occupations[occupation.broader_id or ""]
        assert broader.family == occupation.family, occupation.id
