"""The jobgraph_skills component: phrase matches, key fallbacks, ambiguous forms."""

from __future__ import annotations

import spacy
from spacy.language import Language

from jobgraph.parse.skills import SkillMatcher
from jobgraph.taxonomy.lookup import TaxonomyLookup


def skills_of(nlp: Language, text: str) -> dict[str, str]:
    """Skill id -> surface of every hit."""
    return {hit.skill_id: hit.surface for hit in nlp(text)._.jobgraph_skill_hits}


def test_offsets_point_at_the_surface(nlp: Language) -> None:
    text = "Built services in Python and Apache Kafka on Kubernetes."
    doc = nlp(text)
    hits = doc._.jobgraph_skill_hits
    assert {h.skill_id for h in hits} == {"python", "kafka", "kubernetes"}
    for hit in hits:
        assert text[hit.start : hit.end] == hit.surface
        assert 0 < hit.confidence <= 1
    labels = {span.label_ for span in doc.spans["jobgraph_skills"]}
    assert labels == {"python", "kafka", "kubernetes"}


def test_longest_match_wins(nlp: Language) -> None:
    found = skills_of(nlp, "SKILLS\nSpring Boot, Java")
    assert "spring-boot" in found and "spring" not in found


def test_glued_and_versioned_forms(nlp: Language) -> None:
    found = skills_of(
        nlp, "SKILLS\nPython3, Vue.js/React, NodeJS, Postgres(SQL), CSS3, HTML5, node js"
    )
    for skill_id in ("python", "vue", "react", "nodejs", "postgresql", "sql", "css", "html"):
        assert skill_id in found, skill_id


def test_ambiguous_words_need_case_and_context(nlp: Language) -> None:
    prose = "I excel at teamwork. Go to market in Spring 2020. We react quickly to swift changes."
    assert skills_of(nlp, prose) == {}
    listed = skills_of(nlp, "SKILLS\nGo, R, C, Swift, Spring, Excel")
    assert set(listed) == {"go", "r", "c", "swift", "spring", "excel"}


def test_short_forms_in_prose_need_a_neighbouring_skill(nlp: Language) -> None:
    assert "go" in skills_of(nlp, "Wrote services in Go and Python.")
    assert "go" not in skills_of(nlp, "Ready to Go live next week.")
    assert "r" in skills_of(nlp, "Experience with R")


def test_capitalised_tool_names_mid_sentence(nlp: Language) -> None:
    assert "excel" in skills_of(nlp, "Built monthly reports in Excel for finance.")
    assert "excel" not in skills_of(nlp, "Excel reports were built monthly.")  # sentence start


def test_acronym_and_cut_down_aliases_need_their_case(nlp: Language) -> None:
    found = skills_of(nlp, "Jane Doe\nFluent in English; fluent Spanish speaker")
    assert "doe" not in found  # "DOE" is an alias; "Doe" is a surname
    assert "fluent" not in found  # "Fluent" cut from "Ansys Fluent"
    assert "english" in found
    assert "doe" in skills_of(nlp, "Ran a DOE on the moulding line.")


def test_cut_down_aliases_of_activities_may_be_lower_case(nlp: Language) -> None:
    # Only a product's cut-down alias is an everyday word in lower case ("excel
    # at"); an activity's is how the skill is written.
    assert "payroll" in skills_of(nlp, "Run bi-weekly payroll for 25 staff")
    assert "excel" not in skills_of(nlp, "Candidates who excel at payroll")
    assert "payroll" not in skills_of(nlp, "Payroll questions go to HR.")  # sentence start
    assert "ios-development" in skills_of(nlp, "Shipped three iOS apps")
    assert "ios-development" not in skills_of(nlp, "Tested every IOS release on the routers")
    # an acronym in its exact case needs no place away from a sentence start
    assert "cnc-machining" in skills_of(nlp, "Requirements: CNC experience on lathes")


def test_short_ampersand_terms_need_only_their_case(nlp: Language) -> None:
    assert "m-and-a" in skills_of(nlp, "REQUIREMENTS\n- Four years of M&A transactions")
    assert "m-and-a" not in skills_of(nlp, "REQUIREMENTS\n- Four years of m&a transactions")


def test_label_words_and_hyphen_tails_are_not_skills(nlp: Language) -> None:
    found = skills_of(nlp, "Tools: Docker, Kubernetes\nSet up data-communication checks.")
    assert {"docker", "kubernetes"} <= set(found)
    assert "communication" not in found


def test_list_items_resolved_by_the_lookup(nlp: Language) -> None:
    # "Kubernetes Engine" is not a form; the word-order-free key of "Engine
    # Kubernetes" is not either, but a near spelling of a known skill is.
    found = skills_of(nlp, "SKILLS\nKubernettes, Postgress")
    assert "kubernetes" in found


def test_component_loads_forms_like_the_entity_ruler(lookup: TaxonomyLookup) -> None:
    nlp = spacy.blank("en")
    matcher = nlp.add_pipe("jobgraph_skills", config={"max_lookups": 0})
    assert isinstance(matcher, SkillMatcher)
    assert nlp("Python")._.jobgraph_skill_hits == []  # no vocabulary yet
    matcher.add_forms({"Python": "python", "Rust": "rust"})
    assert [h.skill_id for h in nlp("Rust and Python")._.jobgraph_skill_hits] == ["rust", "python"]


def test_lower_case_acronym_needs_a_listed_neighbour(nlp: Language) -> None:
    listed = skills_of(nlp, "EXPERIENCE\nShipped with Docker, aws and Kubernetes daily.")
    assert listed.get("aws") == "aws"  # "AWS" in lower case, listed beside sure skills
    assert "aws" not in skills_of(nlp, "EXPERIENCE\nThe aws were loud.")
    assert "aws" not in skills_of(nlp, "EXPERIENCE\nAws Alamo, Docker and Kubernetes")


def test_list_item_by_a_versioned_form(lookup: TaxonomyLookup) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("jobgraph_sections")
    matcher = nlp.add_pipe("jobgraph_skills")
    assert isinstance(matcher, SkillMatcher)
    matcher.add_forms({"Quuxbase 19c": "qb", "Docker": "docker"})
    assert skills_of(nlp, "SKILLS\nDocker, Quuxbase 10g, Java") == {
        "docker": "Docker",
        "qb": "Quuxbase 10g",
    }
    assert "qb" in skills_of(nlp, "SKILLS\nDocker, Quuxbase, Java")
    assert "qb" not in skills_of(nlp, "EXPERIENCE\nWe sold Quuxbase to banks.")


def test_label_words_and_editions_are_not_skills() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("jobgraph_sections")
    matcher = nlp.add_pipe("jobgraph_skills")
    assert isinstance(matcher, SkillMatcher)
    matcher.add_forms({"Database": "db", "PostgreSQL": "pg", "R": "r", "Docker": "docker"})
    found = skills_of(nlp, "SKILL SET\nDatabase PostgreSQL, Docker")
    assert set(found) == {"pg", "docker"}  # "Database" labels the line
    assert "db" in skills_of(nlp, "SKILL SET\nDatabase\nDocker")  # an item by itself
    assert "db" not in skills_of(nlp, "SKILL SET\nDatabase Quuxbase, PostgreSQL")  # an item
    # a sentence, not a label: words other than label words stand before the next skill
    assert "db" in skills_of(nlp, "REQUIREMENTS\n- Database experience with PostgreSQL")
    assert "r" in skills_of(nlp, "SKILLS\nR, Docker")
    assert "r" not in skills_of(nlp, "SKILLS\nMule Server 3.7 R, Docker")  # an edition


def test_justified_lines_with_runs_of_spaces() -> None:
    """PDF text set with two or more spaces between words still matches phrases."""
    from jobgraph.parse import parse_resume_text
    from jobgraph.parse.pipeline import default_lookup

    text = (
        "Ravi Chandra\n\nEXPERIENCE\nSEO Specialist, Lonestar Outdoor Co.\nMar 2021 – Present\n"
        "•  Keyword  research  and  content  briefs;  Google   Ads  reporting\n"
    )
    record = parse_resume_text(text, lookup=default_lookup())
    found = {mention.skill_id: mention for mention in record.skills}
    assert {"keyword-research", "google-ads"} <= set(found)
    mention = found["keyword-research"]
    assert record.text[mention.start : mention.end] == "Keyword  research"


def test_a_tool_name_ending_a_job_title_is_the_job() -> None:
    from dataclasses import replace

    from jobgraph.parse import parse_resume_text
    from jobgraph.taxonomy.builtin import builtin_taxonomy
    from jobgraph.taxonomy.lookup import TaxonomyLookup
    from jobgraph.taxonomy.model import Skill, SkillKind

    base = builtin_taxonomy()
    chef = Skill(id="chef-tool", name="Chef", kind=SkillKind.TOOL)
    taxonomy = replace(base, skills={**base.skills, "chef-tool": chef})
    lookup = TaxonomyLookup(taxonomy)
    text = (
        "Ana Ruiz\n\nEXPERIENCE\nSous Chef, Osteria Lupa (Chicago)\n2019 – Present\n"
        "Line Cook, then Chef de Partie, Aurora Hotel\n2016 – 2019\n"
        "Automated our servers with Ansible and Chef.\n"
    )
    record = parse_resume_text(text, lookup=lookup)
    mentions = [m for m in record.skills if m.skill_id == "chef-tool"]
    assert len(mentions) == 1 and "Ansible and Chef" in record.text[mentions[0].start - 12 :]
    assert mentions[0].mentions == 1  # "Sous Chef", "Chef de Partie" are jobs, not the tool


def test_a_region_code_after_a_place_is_the_place() -> None:
    from jobgraph.parse import parse_resume_text
    from jobgraph.parse.pipeline import default_lookup

    text = (
        "Brianna Lee\nInside Sales · Atlanta, GA · brianna@example.org\n\nSKILLS\n"
        "Salesforce, GA, Excel\n"
    )
    record = parse_resume_text(text, lookup=default_lookup())
    mentions = [m for m in record.skills if m.skill_id == "google-analytics"]
    assert len(mentions) == 1 and mentions[0].section == "skills"  # only the listed GA


def test_words_of_a_degree_name_are_not_skills() -> None:
    from jobgraph.parse.degrees import degree_field_spans, degree_spans

    text = "EDUCATION\nBachelor of Fine Arts in Graphic Design, 2016\n"
    (start, end), = degree_field_spans(text)
    assert text[start:end].strip() == "of Fine Arts in Graphic Design"
    # a resume's education line: everything after the degree word is about the degree
    text = "EDUCATION\nB.S. Finance, minor in Statistics — University of St. Croix\nSKILLS\nR\n"
    spans = degree_spans(text)[1]
    assert any(text[start:end].endswith("St. Croix") for start, end in spans)
    assert all(end <= text.index("\nSKILLS") for _, end in spans)


def test_a_verb_opening_a_clause_and_its_object(nlp: Language) -> None:
    text = "Duties\n- Administer medications and IV therapy\n- Reviewed code for two teams"
    found = skills_of(nlp, text)
    assert found["medication-administration"] == "Administer medications"
    assert found["code-review"] == "Reviewed code"
    # after "and", "to" or a comma a clause may open; after other words it may not
    assert "incident-response" in skills_of(nlp, "You will triage and respond to incidents.")
    assert skills_of(nlp, "The peer review code base is old.") == {}
    # a skill named as written is not named twice
    assert len(nlp("Code review: review code of juniors.")._.jobgraph_skill_hits) == 1


def test_a_form_in_the_other_number(nlp: Language) -> None:
    # a singular form in the plural, anywhere
    assert skills_of(nlp, "Did weekly code reviews.") == {"code-review": "code reviews"}
    # a plural form in the singular where it modifies a noun after it, or in a skill list
    assert skills_of(nlp, "Ran journal entry testing; built KPI dashboards.") == {
        "journal-entries": "journal entry",
        "kpi-tracking": "KPI",
    }
    assert skills_of(nlp, "Skills: job posting, Python") == {
        "job-postings": "job posting",
        "python": "Python",
    }
    # elsewhere the singular is one thing, not the practice: a heading, an object
    assert skills_of(nlp, "Job Posting: Analyst\nWrite the job posting with care.") == {}


def test_a_language_name_as_a_nationality_is_no_skill(nlp: Language) -> None:
    assert skills_of(nlp, "Fluent English; writes for the English market.") == {
        "english": "English"
    }
    assert skills_of(nlp, "Writes for the English market.") == {}


def test_a_skill_named_inside_a_longer_one(nlp: Language) -> None:
    # an activity named after the tool it is about names the tool too
    assert skills_of(nlp, "Deep knowledge of Kubernetes security.") == {
        "container-security": "Kubernetes security",
        "kubernetes": "Kubernetes",
    }
    # a product's name is one name; the head of a longer name is the broader skill
    assert skills_of(nlp, "Ran Windows Server estates.") == {"windows-server": "Windows Server"}
    assert skills_of(nlp, "Owns key account management.") == {
        "key-account-management": "key account management"
    }


def test_duties_toward_people_and_names_listed_with_people(nlp: Language) -> None:
    # a verb of people whose object is people names the skill of that duty
    assert skills_of(nlp, "You will mentor two junior developers.") == {
        "mentoring": "mentor two junior developers"
    }
    assert skills_of(nlp, "Mentor program for new starters.") == {}  # no person: no mentoring
    # a name listed with people names people, a team's name a unit
    assert skills_of(nlp, "Partner with data scientists and Python developers.") == {}
    assert skills_of(nlp, "Join our Python and Go team.") == {}
    assert skills_of(nlp, "Skills: Python, Docker and Kubernetes") == {
        "python": "Python",
        "docker": "Docker",
        "kubernetes": "Kubernetes",
    }
