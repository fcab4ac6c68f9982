"""Headings and the jobgraph_sections component."""

from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.language import Language

from jobgraph.parse.headings import collapse_spaced_letters, heading_of
from jobgraph.parse.sections import find_sections, section_at


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("WORK EXPERIENCE", "experience"),
        ("Professional Background:", "experience"),
        ("Employment History", "experience"),
        ("## Experience", "experience"),
        ("**Education**", "education"),
        ("E D U C A T I O N", "education"),
        ("T E C H N I C A L  S K I L L S", "skills"),
        ("Technical Skills & Tools", "skills"),
        ("Licenses & Certifications", "certifications"),
        ("Languages", "languages"),
        ("Professional Summary", "summary"),
        ("PROJECTS:", "projects"),
    ],
)
def test_heading_variants(line: str, section: str) -> None:
    assert heading_of(line) == section


@pytest.mark.parametrize(
    "line",
    [
        "Skills: Python, Java, SQL",  # a labelled line, not a heading
        "Built the experience layer of our mobile app in Swift and Kotlin.",
        "Python",
        "",
        "Senior Software Engineer",
    ],
)
def test_ordinary_lines_are_not_headings(line: str) -> None:
    assert heading_of(line) is None


def test_posting_vocabulary() -> None:
    assert heading_of("Nice to have", kind="posting") == "preferred"
    assert heading_of("What you'll need", kind="posting") == "required"
    assert heading_of("About us", kind="posting") == "company"
    assert heading_of("Perks & Benefits", kind="posting") == "benefits"
    assert heading_of("Nice to have", kind="resume") is None
    # a listed heading of more than seven words is still that heading
    assert heading_of("It would be great if you also had", kind="posting") == "preferred"


def test_collapse_spaced_letters() -> None:
    assert collapse_spaced_letters("C O N T A C T  M E") == "CONTACT ME"
    assert collapse_spaced_letters("Go to market") == "Go to market"


def test_sections_tile_the_text() -> None:
    text = "Jane Doe\njane@example.com\n\nEXPERIENCE\nDev at X\n\nSkills\n======\nPython, SQL\n"
    sections = find_sections(text)
    assert [s.name for s in sections] == ["header", "experience", "skills"]
    assert sections[0].start == 0
    for before, after in itertools.pairwise(sections):
        assert before.end == after.start
    assert sections[-1].end == len(text)
    skills = sections[-1]
    # The underline belongs to the heading, not to the content.
    assert text[skills.content_start :].startswith("Python")
    assert section_at(sections, text.index("Dev at")).name == "experience"  # type: ignore[union-attr]


def test_component_is_added_by_name() -> None:
    nlp: Language = spacy.blank("en")
    nlp.add_pipe("jobgraph_sections", config={"kind": "posting"})
    doc = nlp("Data Analyst\n\nRequirements\n- SQL\n\nNice to have\n- Python\n")
    assert [s.name for s in doc._.jobgraph_sections] == ["header", "required", "preferred"]


def test_component_rejects_an_unknown_kind() -> None:
    nlp: Language = spacy.blank("en")
    with pytest.raises(ValueError, match="kind"):
        nlp.add_pipe("jobgraph_sections", config={"kind": "letter"})
