"""Skills written as a verb and its object (jobgraph.parse.skill_actions)."""

from __future__ import annotations

import pytest

from jobgraph.parse.skill_actions import ActionIndex, names_action
from jobgraph.taxonomy.label_index import singular

FORMS = [
    ("Medication Administration", "medication-administration"),
    ("Code Review", "code-review"),
    ("Incident Response", "incident-response"),
    ("Security Incident Response", "incident-response"),
    ("Data Cleaning", "data-cleaning"),
    ("Lead Qualification", "lead-qualification"),
    ("Team Development", "team-building"),
    ("Management Development", "leadership-development"),
    ("Logo Design", "logo-design"),
    ("Brand Identity Design", "brand-identity"),
    ("Packaging Design", "packaging-design"),
    ("Design Systems", "design-systems"),
    ("Lesson Planning", "lesson-planning"),
    ("Node.js Development", "nodejs"),  # not all letters: never an object-verb form
]


def found(text: str) -> dict[str, str]:
    index = ActionIndex.build(FORMS)
    mentions = index.find(text)
    return {m.skill_id: text[m.start : m.end] for m in mentions}


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("administer", "administration"),
        ("administered", "administration"),
        ("respond", "response"),
        ("review", "review"),
        ("reviewed", "review"),
        ("qualify", "qualification"),
        ("analyze", "analysis"),
        ("clean", "cleaning"),
        ("plan", "planning"),
        ("scheduled", "scheduling"),
        ("managing", "management"),
    ],
)
def test_the_noun_of_a_verb_is_found_by_its_shape(verb: str, noun: str) -> None:
    assert names_action(verb, noun)


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("storing", "storytelling"),  # a shared stem, but "ytelling" is no nominal ending
        ("expert", "experience"),
        ("common", "commissioning"),
        ("development", "development"),  # already a noun: "development team"
        ("engineers", "engineering"),
    ],
)
def test_words_that_only_look_alike_are_not_a_verb_and_its_noun(verb: str, noun: str) -> None:
    assert not names_action(verb, noun)


def test_singular_of_regular_plurals() -> None:
    assert [singular(w) for w in ("medications", "policies", "process", "analysis", "data")] == [
        "medication",
        "policy",
        "process",
        "analysis",
        "data",
    ]


def test_verb_and_object_name_a_form_in_either_tense() -> None:
    assert found("Administer medications and IV therapy") == {
        "medication-administration": "Administer medications"
    }
    assert found("Reviewed the code of two teams") == {"code-review": "Reviewed the code"}


def test_leading_words_of_the_object_may_be_dropped() -> None:
    # the longest known object wins: "security incidents", not just "incidents"
    assert found("Respond to cloud security incidents") == {
        "incident-response": "Respond to cloud security incidents"
    }
    assert found("Qualify inbound leads") == {"lead-qualification": "Qualify inbound leads"}


def test_a_run_of_verbs_shares_the_last_ones_object() -> None:
    assert found("Clean and combine data from fare systems") == {
        "data-cleaning": "Clean and combine data"
    }


def test_nouns_lines_and_activities_are_not_verb_and_object() -> None:
    assert found("Development teams across Europe") == {}  # a noun, not "develop teams"
    assert found("Review\ncode samples") == {}  # the object does not run over a line end
    assert found("Develop the management") == {}  # the object is itself an activity
    assert found("The peer review code base") == {}  # a verb only where a clause opens


def test_a_hyphenated_word_is_no_clause_start() -> None:
    assert found("tests for financial-review code owners") == {}
    assert found("- Review code") == {"code-review": "Review code"}


def test_each_object_of_a_list_takes_the_verb() -> None:
    assert found("- Design logos, brand identities and packaging for print") == {
        "logo-design": "Design logos",
        "brand-identity": "Design logos, brand identities",
        "packaging-design": "Design logos, brand identities and packaging",
    }
    # a run of verbs and a list of objects together
    assert found("Plan and deliver engaging, well-differentiated lessons") == {
        "lesson-planning": "Plan and deliver engaging, well-differentiated lessons"
    }
    # the list ends at a line end, a semicolon or a full stop
    assert found("Design logos\npackaging for print") == {"logo-design": "Design logos"}
    assert found("Design logos; packaging") == {"logo-design": "Design logos"}
    # a noun phrase heads this list, not a verb and its object
    assert found("System analysis, design and testing") == {}
