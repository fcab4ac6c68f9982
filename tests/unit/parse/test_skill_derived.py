"""Forms derived from the taxonomy's own labels: acronyms, vendor-less names, version bases."""

from __future__ import annotations

import pytest

from jobgraph.parse import parse_resume_text
from jobgraph.parse.pipeline import lookup_for
from jobgraph.parse.skill_derived import abbreviates, derived_forms
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.in_force import compile_in_force
from jobgraph.taxonomy.model import Occupation, Skill, SkillKind, Taxonomy


def _imported() -> Taxonomy:
    tools = [
        ("onet:tech:jsp", "Oracle JavaServer Pages JSP"),
        ("onet:tech:mpls", "Multiprotocol label switching MPLS"),
        ("onet:tech:sqoop", "Apache Sqoop"),
        ("onet:tech:appserver", "Oracle Application Server"),
        ("onet:tech:apps", "Automated Package Processing System APPS"),
        ("onet:tech:seo", "Technical SEO"),
        ("onet:tech:risk", "Risk assessment software"),
        ("onet:tech:wrk", "Wallingford Software Infoworks WS"),
    ]
    skills = [Skill(sid, name, SkillKind.TOOL, source="onet") for sid, name in tools]
    skills.append(Skill("onet:tech:qbase", "QuuxBase 11g", SkillKind.TOOL, source="onet",
                        aliases=("QuuxBase 12c",)))  # fmt: skip
    occupations = {
        "onet:1": Occupation("onet:1", "Application Server Administrator", source="onet"),
        "onet:2": Occupation("onet:2", "Package Processing Clerk", source="onet"),
    }
    # Descriptive labels make the ordinary words ("apps", "application", "server").
    skills.append(Skill("onet:tech:mobile", "mobile apps software", SkillKind.TOOL, source="onet"))
    return Taxonomy(skills={s.id: s for s in skills}, occupations=occupations)


@pytest.fixture(scope="module")
def merged() -> Taxonomy:
    return compile_in_force(builtin_taxonomy(), _imported())


def test_an_acronym_must_abbreviate_the_words_before_it() -> None:
    assert abbreviates("JSP", "JavaServer Pages")  # inner capitals split words
    assert abbreviates("REXX", "Restructured Extended Executor")
    assert abbreviates("MPLS", "Multiprotocol Label Switching")
    assert not abbreviates("SEO", "Technical")
    assert not abbreviates("IT", "computer technology")


def test_forms_and_rules_come_from_the_labels(merged: Taxonomy) -> None:
    forms, rules = derived_forms(merged, set())
    assert forms["JSP"] == "onet:tech:jsp" and rules["jsp"] == "acronym"
    assert forms["JavaServer Pages"] == "onet:tech:jsp"
    assert forms["MPLS"] == "onet:tech:mpls"
    assert forms["Sqoop"] == "onet:tech:sqoop" and rules["sqoop"] == "product"
    assert forms["QuuxBase"] == "onet:tech:qbase" and rules["quuxbase"] == "list"
    assert "Application Server" not in forms  # only ordinary words are left
    assert "APPS" not in forms  # an acronym that is an everyday word
    assert "Technical" not in forms and "SEO" not in forms
    assert "Risk assessment" not in forms  # a kind of software, not the skill
    assert "WS" not in forms  # two letters mean too many things


def test_forms_already_taken_are_not_derived(merged: Taxonomy) -> None:
    forms, _ = derived_forms(merged, {"sqoop"})
    assert "Sqoop" not in forms


def test_derived_forms_match_by_their_rules(merged: Taxonomy) -> None:
    lookup = lookup_for(merged)

    def found(text: str) -> set[str]:
        record = parse_resume_text("Jane Roe\njane@example.com\n\n" + text, lookup=lookup)
        return {mention.skill_id for mention in record.skills}

    assert "onet:tech:jsp" in found("SKILLS\nJava, JSP, Servlets")
    assert "onet:tech:jsp" not in found("SKILLS\nJava, jsp, Servlets")  # acronyms: exact case
    assert "onet:tech:jsp" not in found("EXPERIENCE\nWe met JSP in Paris.")  # short: listed only
    assert "onet:tech:mpls" in found("EXPERIENCE\nDesigned MPLS circuits for branches.")
    assert "onet:tech:sqoop" in found("EXPERIENCE\nImported tables with Sqoop nightly.")
    assert "onet:tech:qbase" in found("SKILLS\nQuuxBase, Java")
