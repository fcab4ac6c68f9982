"""Skills named by what a duty makes (jobgraph.parse.skill_making)."""

from __future__ import annotations

import pytest

from jobgraph.parse.skill_making import making_mentions

FORMS = {
    "reporting": "reporting",
    "budgeting": "budgeting",
    "planning": "planning",
    "wireframing": "wireframing",
    "prototyping": "prototyping",
    "dashboarding": "dashboard-development",
    "accounting": "accounting",
    "clustering": "clustering",
}


def found(text: str) -> dict[str, str]:
    return {m.skill_id: text[m.start : m.end] for m in making_mentions(text, FORMS.get)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Prepare monthly performance reports for the board",
         {"reporting": "Prepare monthly performance reports"}),
        ("Prepare the annual budget and monthly rolling forecasts",
         {"budgeting": "Prepare the annual budget"}),
        ("Create user flows, wireframes and interactive prototypes in Figma",
         {"wireframing": "Create user flows, wireframes",
          "prototyping": "Create user flows, wireframes and interactive prototypes"}),
        ("• Built KPI dashboards in Tableau", {"dashboard-development": "Built KPI dashboards"}),
        ("You will analyse inventory and build reports that help",
         {"reporting": "build reports"}),
        ("Develop a staffing plan", {"planning": "Develop a staffing plan"}),
    ],
)  # fmt: skip
def test_a_verb_of_making_and_a_deliverable(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Create an account before you apply",  # not a deliverable: accounting is another thing
        "Maintain a Kafka cluster",
        "Reports to the finance director",  # no verb of making
        "Review the reports weekly",
        "Strong planning skills",
    ],
)
def test_no_skill_without_a_verb_of_making_and_a_deliverable(text: str) -> None:
    assert found(text) == {}
