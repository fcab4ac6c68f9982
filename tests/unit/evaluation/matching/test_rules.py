"""The written grading rules of the hand-written set (data/labelled/RULES.md)."""

from __future__ import annotations

import json

import pytest

from jobgraph.evaluation.matching.handwritten import (
    build_handwritten_set,
    default_dir,
    load_facts,
    render_posting,
    render_resume,
    surface,
)
from jobgraph.evaluation.matching.rules import JobFacts, PostingFacts, ResumeFacts, grade_pair

FAMILIES = {"backend": "software", "frontend": "software", "teacher": "education"}


def resume(**changes: object) -> ResumeFacts:
    base: dict[str, object] = {
        "id": "r",
        "name": "A B",
        "location": "Austin, TX",
        "region": "South",
        "relocate": False,
        "education_level": "bachelor",
        "jobs": (JobFacts("Dev", "Acme", "backend", 2019, 0, ("Python", "SQL", "Docker")),),
    }
    base.update(changes)
    return ResumeFacts(**base)  # type: ignore[arg-type]


def posting(**changes: object) -> PostingFacts:
    base: dict[str, object] = {
        "id": "p",
        "title": "Backend Developer",
        "company": "Co",
        "occupation": "backend",
        "location": "Austin, TX",
        "remote": "onsite",
        "min_years": 3,
        "education_level": "bachelor",
        "required": ("Python", "SQL", "Docker", "Git"),
    }
    base.update(changes)
    return PostingFacts(**base)  # type: ignore[arg-type]


def test_strong_fit_needs_every_required_skill() -> None:
    assert grade_pair(resume(extra_skills=("Git",)), posting(), FAMILIES).grade == 3
    near = grade_pair(resume(), posting(), FAMILIES)  # one of four missing
    assert (near.grade, near.coverage, near.relation) == (2, 0.75, "same")


def test_same_title_different_stack_is_partial() -> None:
    java = resume(jobs=(JobFacts("Dev", "Acme", "backend", 2019, 0, ("Java", "SQL", "Git")),))
    assert grade_pair(java, posting(), FAMILIES).grade == 1


def test_career_changer_years_do_not_count() -> None:
    changer = resume(
        objective="backend",
        extra_skills=("Python", "SQL", "Docker", "Git"),
        jobs=(JobFacts("Teacher", "School", "teacher", 2010, 0, ("Lesson Planning",)),),
    )
    result = grade_pair(changer, posting(min_years=0), FAMILIES)
    assert (result.relation, result.relevant_years, result.grade) == ("past", 0, 2)
    assert grade_pair(changer, posting(min_years=3), FAMILIES).grade == 1


def test_caps_over_qualified_education_location() -> None:
    senior = resume(
        extra_skills=("Git",),
        jobs=(JobFacts("Dev", "Acme", "backend", 2005, 0, ("Python", "SQL", "Docker")),),
    )
    capped = grade_pair(senior, posting(min_years=0, max_years=3), FAMILIES)
    assert (capped.grade, capped.capped_by) == (2, ("over-qualified",))
    full = resume(extra_skills=("Git",))
    assert grade_pair(full, posting(education_level="master"), FAMILIES).grade == 2
    elsewhere = resume(extra_skills=("Git",), location="Boston, MA")
    assert grade_pair(elsewhere, posting(), FAMILIES).grade == 1
    assert grade_pair(elsewhere, posting(remote="remote"), FAMILIES).grade == 3
    movable = resume(extra_skills=("Git",), location="Boston, MA", relocate=True)
    assert grade_pair(movable, posting(), FAMILIES).grade == 3


def test_family_relation_and_other() -> None:
    front = resume(
        extra_skills=("Git",),
        jobs=(JobFacts("FE", "Acme", "frontend", 2018, 0, ("Python", "SQL", "Docker")),),
    )
    assert grade_pair(front, posting(), FAMILIES).relation == "family"
    assert grade_pair(front, posting(), FAMILIES).grade == 2
    teacher = resume(jobs=(JobFacts("T", "S", "teacher", 2010, 0, ("Python", "SQL")),))
    assert grade_pair(teacher, posting(), FAMILIES).grade == 0


def test_committed_set_matches_the_facts(tmp_path: pytest.TempPathFactory) -> None:
    folder = default_dir()
    summary = build_handwritten_set(folder, tmp_path)  # type: ignore[arg-type]
    assert summary["resumes"] >= 40 and summary["postings"] >= 20
    assert all(summary["grades"].get(g, 0) > 0 for g in ("0", "1", "2", "3"))
    fresh = (tmp_path / "pairs.jsonl").read_text()  # type: ignore[operator]
    assert fresh == (folder / "pairs.jsonl").read_text(), (
        "regenerate: jobgraph eval match-set handwritten"
    )
    rows = [json.loads(line) for line in fresh.splitlines()]
    by_pair = {(r["resume_id"], r["posting_id"]): r for r in rows}
    # hard cases named in RULES.md
    assert by_pair[("r02", "p01")]["grade"] == 1  # Java backend for the Python post (and elsewhere)
    assert by_pair[("r03", "p01")]["grade"] == 2  # Flask instead of Django
    assert by_pair[("r24", "p10")]["grade"] == 2  # no ACLS
    assert by_pair[("r31", "p14")]["capped_by"] == ["over-qualified"]
    assert by_pair[("r15", "p07")]["relation"] == "family"  # teacher with an analytics objective


def test_every_skill_of_the_facts_is_in_the_text_by_name_or_alias() -> None:
    resumes, postings, _ = load_facts(default_dir())
    for facts in resumes:
        text = render_resume(facts).lower()
        names = {s for job in facts.jobs for s in job.skills} | set(facts.extra_skills)
        assert all(surface(name, facts.id).lower() in text for name in names), facts.id
    for item in postings:
        text = render_posting(item).lower()
        assert all(surface(s, item.id).lower() in text for s in item.required), item.id
