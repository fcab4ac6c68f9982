"""Skills whose shared words are written once (jobgraph.parse.skill_coordination)."""

from __future__ import annotations

import pytest

from jobgraph.parse.skill_coordination import coordinated_mentions, shared_modifier_mentions

FORMS = {
    "verbal communication": "verbal-communication",
    "written communication": "written-communication",
    "written communication skills": "written-communication",
    "project management": "project-management",
    "program management": "program-management",
    "chat support": "chat-support",
    "email support": "email-support",
    "analytical skills": "analytical-thinking",
    "research skills": "research",
    "medication review": "medication-review",
    "medication reconciliation": "medication-reconciliation",
    "cnc milling": "cnc-milling",
    "cnc turning": "cnc-turning",
    "public health": "public-health",
    "public finance": "public-finance",
    "cisco routers": "cisco-ios",
    "cisco switches": "cisco-ios",
}


def found(text: str) -> dict[str, str]:
    return {
        m.skill_id: text[m.start : m.end] for m in coordinated_mentions(text, FORMS.get)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Excellent verbal and written communication skills.",
         {"verbal-communication": "verbal and written communication"}),
        ("Experience in project and program management",
         {"project-management": "project and program management"}),
        ("Support by phone, chat and email support",
         {"chat-support": "chat and email support"}),
        ("Strong analytical and research skills",
         {"analytical-thinking": "analytical and research skills"}),
    ],
)  # fmt: skip
def test_a_modifier_takes_the_words_it_shares(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


def test_the_written_out_conjunct_must_be_a_form_too() -> None:
    assert found("Python and SQL skills") == {}
    assert found("Verbal and creative writing") == {}  # "creative writing" is no form here
    # a line end ends the coordination
    assert found("verbal and\nwritten communication") == {}


def shared(text: str) -> dict[str, str]:
    return {m.skill_id: text[m.start : m.end] for m in shared_modifier_mentions(text, FORMS.get)}


def test_heads_after_the_first_take_its_modifier() -> None:
    assert shared("Experience of medication review and reconciliation") == {
        "medication-reconciliation": "medication review and reconciliation"
    }
    assert shared("CNC milling and turning (Haas, Mazak)") == {
        "cnc-turning": "CNC milling and turning"
    }


def test_only_nouns_of_activity_take_a_shared_modifier() -> None:
    assert shared("a degree in public health, finance or economics") == {}
    assert shared("Configured Cisco routers and switches") == {}
