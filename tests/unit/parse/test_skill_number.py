"""Skill forms in the other grammatical number (jobgraph.parse.skill_number)."""

from __future__ import annotations

import pytest

from jobgraph.parse.skill_number import number_variants, other_number


@pytest.mark.parametrize(
    ("form", "variant"),
    [
        ("Code Review", ("Code Reviews", False)),
        ("Bank Reconciliation", ("Bank Reconciliations", False)),
        ("Agile Methodology", ("Agile Methodologies", False)),
        ("Business Process", ("Business Processes", False)),
        ("Journal Entries", ("Journal Entry", True)),
        ("Unit Tests", ("Unit Test", True)),
        ("KPIs", ("KPI", True)),
        ("REST APIs", ("REST API", True)),
    ],
)
def test_the_last_word_changes_number(form: str, variant: tuple[str, bool]) -> None:
    assert other_number(form) == variant


@pytest.mark.parametrize(
    "form",
    [
        "Sales",  # one word: "sale" is another word
        "Communications",
        "Machine Learning",  # a gerund
        "Google Analytics",  # "-ics"
        "Data Analysis",  # not "Analysises"
        "Big Data",  # a mass noun
        "Embedded Software",
        "Go SDK",  # an acronym
        "Windows Server 2019",
    ],
)
def test_forms_that_keep_their_number(form: str) -> None:
    assert other_number(form) is None


def test_variants_never_replace_a_form_and_skip_tools_and_ruled_forms() -> None:
    forms = {
        "Journal Entries": "journal-entries",
        "Code Review": "code-review",
        "Code Reviews": "code-review",  # the plural is already a form: nothing to add
        "Test Plans": "test-planning",
        "Test Plan": "test-plan-writing",  # a form of another skill
        "Power Tools": "power-tools",  # a tool: its name keeps a plural
        "Windows Server": "windows-server",  # but a tool is written in the plural
        "Expense Reports": "expensing",  # matched only in lists
        "Data Models": "data-modeling",
        "Data Model": "data-modeling",
        "Test Case": "test-case-design",
        "Test case": "test-cases",  # two skills would derive "Test Cases": none does
    }
    variants, rules = number_variants(
        forms, {"expense reports": "list"}, ["power-tools", "windows-server"]
    )
    assert variants == {"Journal Entry": "journal-entries", "Windows Servers": "windows-server"}
    assert rules == {"journal entry": "modifier"}
