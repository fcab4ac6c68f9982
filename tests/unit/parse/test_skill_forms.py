"""Skills written as verbs, and product names split in two."""

from __future__ import annotations

from jobgraph.parse import parse_resume_text
from jobgraph.parse.skill_verbs import verbs_of

RESUME = """Robin Example

EXPERIENCE
Team Lead | Northwind | 2019 - 2023
- Mentored four junior engineers and negotiated supplier contracts.
- Built the front end in Java Script and Power Point decks for the board.
- The team I mentored grew.
"""


def test_verbs_of_regular_nouns() -> None:
    assert verbs_of("Mentoring") == ["mentored"]
    assert verbs_of("planning") == ["planned"]
    assert verbs_of("scheduling") == ["scheduled"]
    assert "negotiated" in verbs_of("Negotiation")
    assert "documented" in verbs_of("Documentation")
    assert verbs_of("Python") == [] and verbs_of("SQL") == []


def test_verb_forms_count_where_a_verb_opens_the_line() -> None:
    record = parse_resume_text(RESUME)
    found = {mention.skill_id: mention for mention in record.skills}
    assert "mentoring" in found
    mentoring = found["mentoring"]
    assert record.text[mentoring.start : mentoring.end] == "Mentored"
    assert mentoring.mentions == 1  # "The team I mentored": not an action verb there


def test_split_product_name_is_one_skill() -> None:
    record = parse_resume_text(RESUME)
    ids = {mention.skill_id for mention in record.skills}
    assert "javascript" in ids and "java" not in ids
