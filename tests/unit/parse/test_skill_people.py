"""Skills a verb names when its object is people (jobgraph.parse.skill_people)."""

from __future__ import annotations

import pytest

from jobgraph.parse.skill_actions import ActionIndex
from jobgraph.parse.skill_people import PeopleActions, person_nouns
from jobgraph.taxonomy.model import Occupation, Taxonomy

FORMS = {
    "staff management": "people-management",
    "staff supervision": "people-management",
    "staff training": "training-delivery",
    "employee coaching": "coaching",
    "team leadership": "leadership",
    "team building": "team-building",
    "mentoring": "mentoring",
    "coaching": "coaching",
    "teaching": "teaching",
}


def people() -> PeopleActions:
    taxonomy = Taxonomy()
    for title in ("Software Developer", "Physiotherapist", "Marketing Specialist", "Technician",
                  "Server", "Sous Chef"):  # fmt: skip
        key = title.lower().replace(" ", "-")
        taxonomy.occupations[key] = Occupation(key, title)
    index = ActionIndex.build((form, skill) for form, skill in FORMS.items() if " " in form)
    return PeopleActions(index, FORMS.get, person_nouns(taxonomy))


def found(text: str) -> dict[str, str]:
    return {m.skill_id: text[m.start : m.end] for m in people().find(text)}


def test_person_nouns_are_agent_nouns_of_built_in_titles() -> None:
    taxonomy = Taxonomy()
    taxonomy.occupations["a"] = Occupation("a", "Software Developer")
    taxonomy.occupations["b"] = Occupation("b", "Director of Research and Development",
                                           source="esco")  # fmt: skip
    taxonomy.occupations["c"] = Occupation("c", "Database Server")
    nouns = person_nouns(taxonomy)
    assert "developer" in nouns and "staff" in nouns
    assert "development" not in nouns  # an imported title's head is no agent noun here
    assert "server" not in nouns  # an agent noun that more often names a machine


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You will mentor two mid-level developers.",
         {"mentoring": "mentor two mid-level developers"}),
        ("• Manage one marketing specialist and an agency",
         {"people-management": "Manage one marketing specialist"}),
        ("- Supervise and coach audit associates",
         {"people-management": "Supervise and coach audit associates",
          "coaching": "coach audit associates"}),
        ("+ Coach, train and hold associates accountable",
         {"coaching": "Coach, train and hold associates",
          "training-delivery": "train and hold associates"}),
        ("Lead the line during service and train cooks",
         {"training-delivery": "train cooks"}),
        ("• Supervised 12 technicians on two shifts",
         {"people-management": "Supervised 12 technicians"}),
        ("Treat a varied caseload and mentor\ntwo junior physiotherapists.",
         {"mentoring": "mentor\ntwo junior physiotherapists"}),
    ],
)  # fmt: skip
def test_a_people_verb_with_a_person_object(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Manage developer tools and build pipelines",  # a singular person noun modifies
        "Manage servers and storage",  # a machine
        "Build and optimize classifiers",  # no verb of people, no person
        "Work with skilled and motivated developers",  # an adjective, not a verb
        "Backed by board members, leading healthcare investors",  # likewise
        "Mentor\nTwo Sessions a week",  # a new line in upper case is no wrapped sentence
        "Teaching Strategies offers our employees a pension",  # a possessive opens a phrase
    ],
)
def test_no_people_skill_without_a_people_verb_and_a_person(text: str) -> None:
    assert found(text) == {}


def test_an_inflected_verb_counts_where_a_clause_opens_or_after_a_verb_like_it() -> None:
    assert found("• Leading cross-functional teams") == {
        "leadership": "Leading cross-functional teams"
    }
    assert found("Experience with teams, leading developers") == {}  # after a comma
    assert found("Mentored, trained and managed new developers") == {
        "mentoring": "Mentored, trained and managed new developers",
        "training-delivery": "trained and managed new developers",
        "people-management": "managed new developers",
    }
