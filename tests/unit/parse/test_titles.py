"""Job titles to occupations, including the fallbacks for titles the taxonomy lacks."""

from __future__ import annotations

import pytest

from jobgraph.parse.pipeline import pipeline_for


@pytest.mark.parametrize(
    ("title", "occupation"),
    [
        ("Data Scientist", "data-scientist"),
        ("Technical Recruiter", "recruiter"),  # a specific role noun alone
        ("Medical-Surgical RN", "registered-nurse"),
        ("Line Cook → Chef de Partie", "cook"),  # one part of a compound line
        ("Digital Marketing Manager / Havenkade Fashion", "marketing-manager"),
    ],
)
def test_titles_resolve(title: str, occupation: str) -> None:
    found = pipeline_for(None).occupation_of(title)
    assert found is not None and found[0] == occupation


@pytest.mark.parametrize("title", ["Security Consultant", "IT Engineer", "Front Desk Supervisor"])
def test_generic_role_nouns_alone_resolve_nothing(title: str) -> None:
    # "Consultant", "Engineer", "Supervisor" fit many occupations: better none than a guess.
    assert pipeline_for(None).occupation_of(title) is None


def test_fallbacks_are_less_certain_than_a_known_title() -> None:
    known = pipeline_for(None).occupation_of("Recruiter")
    fallback = pipeline_for(None).occupation_of("Technical Recruiter")
    assert known is not None and fallback is not None
    assert fallback[1] < known[1]
