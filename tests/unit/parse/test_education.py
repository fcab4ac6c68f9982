"""Degree levels and fields, education entries."""

from __future__ import annotations

import pytest

from jobgraph.parse.degrees import find_degrees
from jobgraph.parse.education import extract_education
from jobgraph.parse.sections import find_sections


@pytest.mark.parametrize(
    ("text", "level", "field"),
    [
        ("Bachelor of Science in Computer Science", "bachelor", "Computer Science"),
        ("B.Sc. Computer Science — University of Westmere, 2016", "bachelor", "Computer Science"),
        ("BA Economics, Lakemont College, 2019", "bachelor", "Economics"),
        ("MS in Statistics", "master", "Statistics"),
        (
            "Master's degree, Computer Software Engineering",
            "master",
            "Computer Software Engineering",
        ),
        ("Master of Business Administration", "master", "Business Administration"),
        ("PhD in Physics", "doctorate", "Physics"),
        (
            "Associate of Applied Science, Network Administration",
            "associate",
            "Network Administration",
        ),
        ("High School Diploma, Westbrook High School, 2019", "secondary", None),
        ("Culinary Arts Diploma, Lakefront Culinary Institute", "vocational", "Culinary Arts"),
        ("Certificate III in Carpentry, Gordon Bay TAFE", "vocational", "Carpentry"),
        ("BSN, Cape Fear University, 2013", "bachelor", "Nursing"),
        ("A degree in economics, public policy or a related discipline", "bachelor", "economics"),
        ("BA/BS degree or equivalent practical experience", "bachelor", None),
    ],
)
def test_degree_mentions(text: str, level: str, field: str | None) -> None:
    best = max(
        find_degrees(text),
        key=lambda d: [
            "secondary",
            "vocational",
            "associate",
            "bachelor",
            "master",
            "doctorate",
        ].index(d.level),
    )
    assert (best.level, best.field) == (level, field)


@pytest.mark.parametrize(
    "text",
    ["MS Office and MS Excel", "Boston, MA", "We value your degree of autonomy", "TO BE DONE"],
)
def test_not_degrees(text: str) -> None:
    assert find_degrees(text) == []


def test_entries_from_an_education_section() -> None:
    text = (
        "EDUCATION\n\nB.Tech in Information Technology\n\nGMR Institute of Technology - Rajam\n\n"
        "2009 to 2013\n\nPratibha Junior College\n\n2007 to 2009\n\nSKILLS\nPython\n"
    )
    entries = extract_education(text, find_sections(text), 2024)
    assert [(e.level, e.field, e.institution, e.year) for e in entries] == [
        ("bachelor", "Information Technology", "GMR Institute of Technology", 2013),
        (None, None, "Pratibha Junior College", 2009),
    ]


def test_labelled_education_line_outside_a_section() -> None:
    text = (
        "WORK\nDock Worker, 2015 - 2017\n"
        "Education: High school diploma, Whitehaven High School, 2015\n"
    )
    entries = extract_education(text, find_sections(text), 2024)
    assert [(e.level, e.year) for e in entries] == [("secondary", 2015)]
