"""Required vs preferred on real posting layouts, and mentions that are no requirement."""

from __future__ import annotations

from jobgraph.parse import parse_posting_text
from jobgraph.parse.headings import heading_of, posting_section_keyword
from jobgraph.parse.importance import importance_at


def _importance(text: str) -> dict[str, str]:
    record = parse_posting_text(text)  # the built-in taxonomy
    return {skill.skill_id: skill.importance for skill in record.skills}


def test_ordinary_words_are_no_preference_cue() -> None:
    text = "Maintain the fixed-asset register; take advantage of Python scripts"
    start = text.index("Python")
    assert importance_at(text, start, start + 6, "required").label == "required"
    labelled = "Assets: Python"
    assert importance_at(labelled, 8, 14, "required").label == "preferred"
    cued = "Python would be an asset"
    assert importance_at(cued, 0, 6, "required").label == "preferred"


def test_labelled_posting_lines_name_their_section() -> None:
    assert heading_of("Essential:", kind="posting") == "required"
    assert heading_of("Essential experience:", kind="posting") == "required"
    assert heading_of("Benefits Analyst", kind="posting") is None  # a title, not a heading
    assert posting_section_keyword("Performance responsibilities") == "duties"
    assert posting_section_keyword("Bonus if you have") == "preferred"
    assert posting_section_keyword("We would love it if you also had") is None


def test_duties_outweigh_a_nice_to_have_list() -> None:
    text = (
        "Data Analyst\n\nResponsibilities:\n- Build reports in Tableau\n\n"
        "Requirements:\n- Strong SQL\n\nNice to have:\n- Experience with Tableau\n- Python\n"
    )
    importance = _importance(text)
    assert importance["tableau"] == "required"
    assert importance["sql"] == "required"
    assert importance["python"] == "preferred"


def test_label_after_a_preferred_list_restores_required() -> None:
    text = (
        "Data Analyst\n\nRequirements:\n- SQL\n\nDesirable:\n- Python\n\n"
        "Daily responsibilities: Tableau dashboards for the sales team.\n"
    )
    importance = _importance(text)
    assert importance["python"] == "preferred"
    assert importance["tableau"] == "required"


def test_masthead_employer_blurb_and_salary_codes_are_not_requirements() -> None:
    text = (
        "Backend Engineer (Python)\n"
        "Kestrel Robotics | Pittsburgh, PA | Hybrid | Full time\n"
        "Salary | CAD 85,000 – 100,000 per year\n\n"
        "Kestrel Robotics builds accounting and payroll software for clinics. "
        "We are hiring a backend engineer.\n\n"
        "Requirements:\n- Django and PostgreSQL\n"
        "- Bachelor's degree in finance, accounting or economics\n"
    )
    skills = _importance(text)
    assert {"python", "django", "postgresql"} <= skills.keys()
    for noise in ("robotics", "cad", "recruiting", "accounting", "payroll"):
        assert noise not in skills, noise


def test_level_words_do_not_override_a_preferred_list() -> None:
    text = (
        "Data Analyst\n\nMinimum qualifications:\n- Strong SQL\n\n"
        "Preferred qualifications:\n- Strong Python and proven Tableau experience\n"
    )
    importance = _importance(text)
    assert importance["sql"] == "required"
    assert importance["python"] == "preferred"
    assert importance["tableau"] == "preferred"
    assert importance_at("Python required", 0, 6, "preferred").label == "required"
