"""Shared fixtures of the parser tests: fixture paths, a small taxonomy, a pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import jobgraph.parse  # noqa: F401 - registers the jobgraph_* spaCy factories
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.model import Occupation, Skill, SkillKind, Taxonomy

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "parse"
TODAY = date(2024, 6, 15)
REFERENCE = "2024-06"

_SKILLS: list[tuple[str, str, tuple[str, ...], SkillKind]] = [
    ("python", "Python", ("Python3",), SkillKind.HARD),
    ("java", "Java", (), SkillKind.HARD),
    ("javascript", "JavaScript", ("JS",), SkillKind.HARD),
    ("go", "Go", ("Golang",), SkillKind.HARD),
    ("r", "R", (), SkillKind.HARD),
    ("c", "C", (), SkillKind.HARD),
    ("cpp", "C++", (), SkillKind.HARD),
    ("sql", "SQL", (), SkillKind.HARD),
    ("postgresql", "PostgreSQL", ("Postgres",), SkillKind.TOOL),
    ("docker", "Docker", (), SkillKind.TOOL),
    ("kubernetes", "Kubernetes", ("k8s",), SkillKind.TOOL),
    ("aws", "Amazon Web Services", ("AWS",), SkillKind.TOOL),
    ("excel", "Microsoft Excel", ("Excel", "MS Excel"), SkillKind.TOOL),
    ("spring", "Spring Framework", ("Spring",), SkillKind.TOOL),
    ("spring-boot", "Spring Boot", (), SkillKind.TOOL),
    ("react", "React", ("React.js", "ReactJS"), SkillKind.TOOL),
    ("vue", "Vue.js", ("Vue",), SkillKind.TOOL),
    ("nodejs", "Node.js", (), SkillKind.TOOL),
    ("swift", "Swift", (), SkillKind.HARD),
    ("kotlin", "Kotlin", (), SkillKind.HARD),
    ("spark", "Apache Spark", ("Spark",), SkillKind.TOOL),
    ("kafka", "Apache Kafka", ("Kafka",), SkillKind.TOOL),
    ("fluent", "Ansys Fluent", ("Fluent",), SkillKind.TOOL),
    ("payroll", "Payroll Processing", ("Payroll",), SkillKind.HARD),
    ("ux-design", "UX Design", (), SkillKind.HARD),
    ("ios-development", "iOS Development", ("iOS",), SkillKind.HARD),
    ("cnc-machining", "CNC Machining", ("CNC",), SkillKind.HARD),
    ("m-and-a", "Mergers and Acquisitions", ("M&A",), SkillKind.KNOWLEDGE),
    ("eeo", "Equal Employment Opportunity", ("EEO", "Affirmative Action"), SkillKind.KNOWLEDGE),
    ("doe", "Design of Experiments", ("DOE",), SkillKind.HARD),
    ("machine-learning", "Machine Learning", ("ML",), SkillKind.HARD),
    ("tableau", "Tableau", (), SkillKind.TOOL),
    ("css", "CSS", ("CSS3",), SkillKind.HARD),
    ("html", "HTML", ("HTML5",), SkillKind.HARD),
    ("patient-care", "Patient Care", (), SkillKind.HARD),
    ("phlebotomy", "Phlebotomy", (), SkillKind.HARD),
    ("wound-care", "Wound Care", (), SkillKind.HARD),
    ("medication-administration", "Medication Administration", (), SkillKind.HARD),
    ("code-review", "Code Review", (), SkillKind.HARD),
    ("incident-response", "Incident Response", ("Security Incident Response",), SkillKind.HARD),
    ("journal-entries", "Journal Entries", (), SkillKind.HARD),
    ("container-security", "Container Security", ("Kubernetes Security",), SkillKind.HARD),
    ("windows", "Windows", (), SkillKind.TOOL),
    ("windows-server", "Windows Server", (), SkillKind.TOOL),
    ("account-management", "Account Management", (), SkillKind.HARD),
    ("key-account-management", "Key Account Management", (), SkillKind.HARD),
    ("kpi-tracking", "KPI Tracking", ("KPIs",), SkillKind.HARD),
    ("job-postings", "Job Postings", (), SkillKind.HARD),
    ("communication", "Communication", (), SkillKind.SOFT),
    ("mentoring", "Mentoring", ("Mentorship",), SkillKind.SOFT),
    ("computer-science", "Computer Science", (), SkillKind.KNOWLEDGE),
    ("english", "English", (), SkillKind.LANGUAGE),
    (
        "aws-solutions-architect",
        "AWS Certified Solutions Architect",
        ("AWS Solutions Architect",),
        SkillKind.CERTIFICATION,
    ),
]
_OCCUPATIONS: list[tuple[str, str, tuple[str, ...], str]] = [
    ("software-developer", "Software Developer", ("Software Engineer", "Programmer"), "software"),
    ("backend-developer", "Backend Developer", ("Back-end Developer",), "software"),
    ("data-scientist", "Data Scientist", (), "data"),
    ("data-analyst", "Data Analyst", (), "data"),
    ("data-engineer", "Data Engineer", (), "data"),
    ("mobile-developer", "Mobile Developer", ("iOS Developer", "Android Developer"), "software"),
    ("registered-nurse", "Registered Nurse", ("Staff Nurse", "RN"), "nursing"),
]


def small_taxonomy() -> Taxonomy:
    """A hand-made vocabulary big enough for the component tests."""
    taxonomy = Taxonomy()
    for skill_id, name, aliases, kind in _SKILLS:
        taxonomy.skills[skill_id] = Skill(skill_id, name, kind=kind, aliases=aliases)
    for occupation_id, title, alt_titles, family in _OCCUPATIONS:
        taxonomy.occupations[occupation_id] = Occupation(
            occupation_id, title, alt_titles=alt_titles, family=family
        )
    return taxonomy


@pytest.fixture(scope="session")
def lookup() -> TaxonomyLookup:
    """A lookup over :func:`small_taxonomy` (shared: building it once keeps tests fast)."""
    return TaxonomyLookup(small_taxonomy())


@pytest.fixture(scope="session")
def nlp(lookup: TaxonomyLookup) -> Language:
    """``spacy.blank("en")`` with the three jobgraph components added by name."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("jobgraph_sections")
    pipeline.add_pipe("jobgraph_dates", config={"reference_month": REFERENCE})
    matcher = pipeline.add_pipe("jobgraph_skills")
    matcher.set_lookup(lookup)  # type: ignore[attr-defined]
    return pipeline


@pytest.fixture
def fixtures() -> Path:
    """The folder of parser fixture documents."""
    return FIXTURES
