"""A skill's name used in another sense (jobgraph.parse.skill_senses)."""

from __future__ import annotations

import pytest

from jobgraph.parse.skill_people import person_nouns
from jobgraph.parse.skill_senses import names_holder, names_nationality, names_people, names_unit
from jobgraph.taxonomy.model import Occupation, Taxonomy


def _holder(text: str, word: str) -> bool:
    start = text.index(word)
    return names_holder(text, start, start + len(word))


def _nationality(text: str, word: str) -> bool:
    start = text.index(word)
    return names_nationality(text, start, start + len(word))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Report changes to the RN and physicians", True),
        ("Work with our outside CPA on year-end", True),
        ("Must be an RN with 2 years on a ward", False),
        ("RN required; BLS preferred", False),
        ("Progress toward the CPA exam", False),
        ("Hold their RN licence in Ohio", False),
    ],
)
def test_a_credential_may_name_its_holder(text: str, person: bool) -> None:
    word = "RN" if "RN" in text else "CPA"
    assert _holder(text, word) is person


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("progress toward the German public auditor exam", True),
        ("Sell to our French clients", True),
        ("Business fluent German and English", False),
        ("Excellent English copywriting and editing", False),
        ("Fluent in the English language", False),
        ("the German B2 certificate", False),
        ("Japanese market experience", False),  # no article: left as the language
    ],
)
def test_a_language_name_may_be_a_nationality(text: str, adjective: bool) -> None:
    word = next(w for w in ("German", "French", "English", "Japanese") if w in text)
    assert _nationality(text, word) is adjective


@pytest.mark.parametrize(
    ("text", "word", "unit"),
    [
        ("Our pricing team is hiring", "pricing", True),
        ("The planning department needs an analyst", "planning", True),
        ("join our Data Science team", "Data Science", True),
        ("Work in an agile team", "agile", False),  # describes how the team works
        ("Pricing team lead, 2019-2022", "Pricing", False),
        ("Own the pricing models", "pricing", False),
        ("join the haematology and oncology pharmacy team", "haematology", True),
        ("join the haematology and oncology pharmacy team", "oncology", True),
        ("support our product, sales, leadership and marketing teams", "leadership", True),
        ("by the end of the year the sales team", "year", False),  # "of" ends a unit's name
        ("our research environment affords team members time", "research", False),
    ],
)
def test_a_skill_name_may_name_a_team(text: str, word: str, unit: bool) -> None:
    start = text.index(word)
    assert names_unit(text, start, start + len(word)) is unit


@pytest.mark.parametrize(
    ("text", "word", "people"),
    [
        ("Lead a team of 40 operators and mechanics", "mechanics", True),
        ("Work closely with Architects, Data Scientists, and DevOps", "DevOps", True),
        ("Collaborate with data engineers, machine learning engineers", "machine learning", True),
        ("infrastructure automation tools (Ansible, Chef, Salt)", "Ansible", False),  # singular
        ("Provide consultation and guidance to scientists", "consultation", False),
        ("Experience coaching and mentoring team members", "coaching", False),  # an activity
        ("work independently and on teams", "work independently", False),  # a team is a unit
        ("AWS, or other cloud providers", "AWS", False),  # providers are companies too
    ],
)
def test_a_name_listed_with_people_names_people(text: str, word: str, people: bool) -> None:
    taxonomy = Taxonomy()
    for title in ("Software Engineer", "Data Scientist", "Architect", "Machine Operator",
                  "Healthcare Provider"):  # fmt: skip
        taxonomy.occupations[title] = Occupation(title, title)
    start = text.index(word)
    assert names_people(text, start, start + len(word), person_nouns(taxonomy)) is people
