"""Uncatalogued skills: listed items no taxonomy names, on the built-in taxonomy."""

from __future__ import annotations

import pytest

from jobgraph.parse import parse_resume_text
from jobgraph.parse.pipeline import default_lookup, pipeline_for
from jobgraph.parse.records import ResumeRecord
from jobgraph.parse.skill_uncatalogued import UncataloguedSkills, uncatalogued_reason

RESUME = """Dana Whitfield
dana.whitfield@example.org

SUMMARY
Mainframe developer who ships batch systems.

EXPERIENCE
Senior Developer, Northwind Bank
March 2016 to Present
Wrote COBOL batch jobs and tuned DB2 queries for the card platform.

SKILLS
COBOL, DB2, JCL, File-Aid, Xpeditor, Control-M, QMF
Tools: Gephi, MainView, Page Object model
Languages: English, Hindi, isiZulu
Place: Pune, Maharashtra
https://www.example.org/r/Dana-Whitfield/4270d63f
Java (4 years), Python (2 years), SPUFI (3 years), CA7 (Less than
1 year), Librarian (1 year)
Led a team of five engineers, resolved the issue, and reported to the client, Acme Ltd.
"""


@pytest.fixture(scope="module")
def record() -> ResumeRecord:
    return parse_resume_text(RESUME, lookup=default_lookup())


def names(record: ResumeRecord) -> set[str]:
    return {item.name for item in record.uncatalogued_skills}


def test_listed_products_the_taxonomy_lacks_are_kept(record: ResumeRecord) -> None:
    found = names(record)
    for product in ("File-Aid", "Xpeditor", "Control-M", "QMF", "Gephi", "MainView",
                    "Page Object model", "SPUFI", "CA7"):  # fmt: skip
        assert product in found
    for item in record.uncatalogued_skills:
        assert record.text[item.start : item.end] == item.name
        assert item.section == "skills"
    keys = {item.name: item.key for item in record.uncatalogued_skills}
    assert keys["File-Aid"] == "fileaid"  # case, punctuation and spaces folded


def test_taxonomy_skills_are_not_repeated(record: ResumeRecord) -> None:
    linked = {mention.surface.lower() for mention in record.skills}
    assert {"cobol", "java", "python"} <= linked
    assert not linked & {name.lower() for name in names(record)}
    # "Librarian" is a job title (an ordinary word of the taxonomy), not a product name
    assert "Librarian" not in names(record)


def test_places_links_durations_and_prose_are_not_skills(record: ResumeRecord) -> None:
    found = names(record)
    for wrong in ("Pune", "Maharashtra", "Dana-Whitfield", "4270d63f", "4 years",
                  "Less than", "1 year", "English", "Hindi", "isiZulu", "Acme Ltd",
                  "resolved the issue", "Led a team of five engineers"):  # fmt: skip
        assert wrong not in found


def test_a_line_outside_lists_gives_nothing() -> None:
    text = (
        "Riya Sen\n\nEXPERIENCE\nAnalyst, Contoso\nJan 2019 to Present\n"
        "Met Starbucks, Coca Cola and Dell on site visits.\n"
    )
    record = parse_resume_text(text, lookup=default_lookup())
    assert record.uncatalogued_skills == []


def test_reasons_for_single_items() -> None:
    pipeline = pipeline_for(default_lookup())
    component = pipeline.nlp.get_pipe("jobgraph_uncatalogued_skills")
    assert isinstance(component, UncataloguedSkills)

    def reason(item: str) -> str | None:
        return uncatalogued_reason(
            item,
            vocabulary=component.vocabulary,
            stop_words=component._stop_words,
            ordinary=component.ordinary,
        )

    assert reason("OC4J") is None
    assert reason("Xpeditor") is None
    assert reason("Excel") == "taxonomy"  # the matcher decides about known forms
    assert reason("Tools") == "generic"
    assert reason("Senior Test Engineer") == "employer or role"
    assert reason("Infoland Technologies") == "employer or role"
    assert reason("40 WPM") == "a figure or a verb"
    assert reason("Provided design") == "a figure or a verb"
    assert reason("ability to learn") == "stop word"
    assert reason("India") == "not a skill"
    assert reason("Spot Awards") == "not a skill"
    assert reason("one two three four five") == "length"
    assert reason("consistent") == "ordinary word"


def test_round_trip_and_pii(record: ResumeRecord) -> None:
    again = ResumeRecord.from_dict(record.to_dict())
    assert again.uncatalogued_skills == record.uncatalogued_skills
    text = (
        "Gephi Moreno\ngephi.moreno@example.org\n\nSKILLS\n"
        "Python, Gephi, Xpeditor, SPUFI\n"
    )
    named = parse_resume_text(text, lookup=default_lookup())
    assert named.contact.name == "Gephi Moreno"
    assert "Xpeditor" in names(named)
    redacted = named.without_pii()
    assert "Gephi" not in names(redacted)
    assert "Xpeditor" in names(redacted)
