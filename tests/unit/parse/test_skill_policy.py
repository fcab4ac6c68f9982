"""What imported (ESCO / O*NET) forms may match where, with the built-in vocabulary beside."""

from __future__ import annotations

import pytest

from jobgraph.parse import parse_resume_text
from jobgraph.parse.pipeline import lookup_for
from jobgraph.parse.skill_policy import imported_form_rule, ordinary_words
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.in_force import compile_in_force
from jobgraph.taxonomy.model import Occupation, Skill, SkillKind, Taxonomy

ESCO = "http://data.europa.eu/esco/skill/"


def _imported() -> Taxonomy:
    skills = [
        Skill(ESCO + "history", "history", SkillKind.KNOWLEDGE, source="esco"),
        Skill(ESCO + "budgets", "manage budgets", SkillKind.HARD, aliases=("lead",), source="esco"),
        Skill(ESCO + "gis", "use geographic systems", SkillKind.HARD, aliases=("use RS",),
              source="esco"),
        Skill(ESCO + "docs", "document management", SkillKind.KNOWLEDGE, source="esco"),
        Skill("onet:tech:putty", "PuTTY", SkillKind.TOOL, source="onet"),
        Skill("onet:tech:route", "Route", SkillKind.TOOL, source="onet"),
        Skill("onet:tech:zorblax", "Zorblax", SkillKind.TOOL, source="onet"),
        Skill("onet:skill:2.A.2.d", "Monitoring", SkillKind.SOFT, source="onet"),
        Skill("onet:tech:act", "ACT", SkillKind.TOOL, source="onet"),
        Skill("onet:tech:act-crm", "Act!", SkillKind.TOOL, source="onet"),
    ]  # fmt: skip
    return Taxonomy(
        skills={skill.id: skill for skill in skills},
        occupations={"onet:53-3033": Occupation("onet:53-3033", "Route Driver", source="onet")},
    )


@pytest.fixture(scope="module")
def merged() -> Taxonomy:
    return compile_in_force(builtin_taxonomy(), _imported())


def _rule(merged: Taxonomy, skill_id: str, form: str | None = None) -> str | None:
    skill = merged.skills[skill_id]
    form = form or skill.name
    return imported_form_rule(
        form, skill, is_name=form == skill.name, ordinary=ordinary_words(merged)
    )


def test_rules_by_shape_and_source(merged: Taxonomy) -> None:
    assert _rule(merged, ESCO + "history") == "list"  # a one-word lower-case name
    assert _rule(merged, ESCO + "budgets", "lead") is None  # a one-word alternative label
    assert _rule(merged, ESCO + "budgets") == "list"  # an ESCO competence: a verb phrase
    assert _rule(merged, ESCO + "docs") == ""  # multi-word knowledge: anywhere
    assert _rule(merged, "onet:tech:putty") == "product"
    assert _rule(merged, "onet:tech:zorblax") == "product"  # not an ordinary word
    assert _rule(merged, "onet:tech:route") == "list"  # "route" is in an occupation title
    assert _rule(merged, "onet:skill:2.A.2.d") is None  # a rated O*NET element
    assert _rule(merged, "onet:tech:act") is None  # a three-letter acronym


def test_matcher_applies_the_rules(merged: Taxonomy) -> None:
    text = (
        "Robin Example\n\nEXPERIENCE\nAnalyst | Northwind | 2019 - 2023\n"
        "- Wrote the history of the product and helped 300 users; I lead the team.\n"
        "- Managed document management workflows; connected over PuTTY to hosts.\n"
        "- I manage budgets for the route planning team.\n\n"
        "SKILLS\nputty, Zorblax, history\n"
    )
    record = parse_resume_text(text, lookup=lookup_for(merged))
    found = {mention.skill_id: mention for mention in record.skills}
    assert ESCO + "docs" in found
    assert "onet:tech:putty" in found and "onet:tech:zorblax" in found
    history = found[ESCO + "history"]
    assert history.section == "skills"  # only the listed one counts
    assert ESCO + "budgets" not in found  # prose, not a list
    assert ESCO + "gis" not in found  # "users" is not "use RS"
    assert "onet:tech:route" not in found
    assert record.text[history.start : history.end] == "history"


def test_a_product_word_keeps_its_key_but_not_a_punctuated_one(merged: Taxonomy) -> None:
    lookup = lookup_for(merged)

    def found(text: str) -> set[str]:
        record = parse_resume_text("Jane Roe\njane@example.com\n\n" + text, lookup=lookup)
        return {mention.skill_id for mention in record.skills}

    assert "onet:tech:putty" in found("SKILLS\nToad, Putty,Clarify, Docker")  # glued by a comma
    assert "onet:tech:act-crm" not in found("SKILLS\nACT, Docker")  # "ACT" is not "Act!"
