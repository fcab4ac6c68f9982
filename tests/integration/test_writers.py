"""Taxonomy and record writers against the real Neo4j: shape and idempotency."""

from __future__ import annotations

from dataclasses import replace

from neo4j import Driver

from jobgraph.graph.record_writer import write_postings, write_resumes
from jobgraph.graph.schema import graph_counts
from jobgraph.graph.taxonomy_writer import taxonomy_counts, write_taxonomy
from jobgraph.parse.records import (
    Contact,
    EducationEntry,
    Job,
    Location,
    PostingRecord,
    RequiredSkill,
    ResumeRecord,
    SkillMention,
)
from jobgraph.taxonomy.model import (
    Importance,
    Occupation,
    OccupationSkill,
    Skill,
    SkillLink,
    Taxonomy,
)


def small_taxonomy() -> Taxonomy:
    taxonomy = Taxonomy()
    for skill in (
        Skill("programming", "Programming"),
        Skill("python", "Python", aliases=("py",)),
        Skill("django", "Django"),
        Skill("sql", "SQL"),
    ):
        taxonomy.skills[skill.id] = skill
    taxonomy.skill_links += [
        SkillLink("python", "programming", "BROADER"),
        SkillLink("django", "python", "BROADER"),
        SkillLink("django", "sql", "RELATED_TO", 0.5),
    ]
    taxonomy.occupations["software-developer"] = Occupation(
        "software-developer", "Software Developer", family="software"
    )
    taxonomy.occupations["backend-developer"] = Occupation(
        "backend-developer", "Backend Developer", family="software", broader_id="software-developer"
    )
    taxonomy.requirements.append(
        OccupationSkill("backend-developer", "python", Importance.ESSENTIAL)
    )
    return taxonomy


def resume() -> ResumeRecord:
    text = "Ada Lovelace\nada@example.org\nSkills: Python, Django\nBackend Developer at Acme"
    return ResumeRecord(
        id="cand-1",
        source="ada.txt",
        content_hash="h1",
        contact=Contact(name="Ada Lovelace", email="ada@example.org"),
        location=Location(city="London", country="United Kingdom", raw="London, UK"),
        skills=[
            SkillMention("python", "Python", "Python", "skills", 36, 42, 1.0, years=4.0),
            SkillMention("django", "Django", "Django", "skills", 44, 50, 1.0),
        ],
        experience=[
            Job("Backend Developer", "Acme", "2020-01", None, True, 48, "backend-developer"),
        ],
        total_experience_months=48,
        education=[EducationEntry("bachelor", "Computer Science", "Uni", 2019)],
        text=text,
    )


def posting() -> PostingRecord:
    return PostingRecord(
        id="post-1",
        content_hash="p1",
        title="Python Developer",
        company="Initech",
        occupation_id="backend-developer",
        skills=[
            RequiredSkill("python", "Python", "Python", "required", 3.0),
            RequiredSkill("sql", "SQL", "SQL", "preferred"),
        ],
        education_level="bachelor",
    )


def test_taxonomy_write_is_idempotent(driver: Driver) -> None:
    taxonomy = small_taxonomy()
    first = write_taxonomy(driver, taxonomy)
    counts = graph_counts(driver)
    write_taxonomy(driver, taxonomy)
    assert graph_counts(driver) == counts
    assert first["skills"] == 4 and first["broader"] == 2 and first["related"] == 1
    assert counts["relationships"]["BROADER"] == 3  # two skill links + one occupation link
    assert counts["nodes"]["Family"] == 1
    assert taxonomy_counts(driver) == {"skills": {"builtin": 4}, "occupations": {"builtin": 2}}


def test_resume_and_posting_shape(driver: Driver) -> None:
    write_taxonomy(driver, small_taxonomy())
    report = write_resumes(driver, [resume()])
    assert report.written == ["cand-1"] and report.unchanged == []
    write_postings(driver, [posting()])
    records, _, _ = driver.execute_query(
        "MATCH (c:Candidate {id: $id})-[r:HAS_SKILL]->(s:Skill) "
        "RETURN s.id AS skill, r.years AS years, r.section AS section, r.snippet AS snippet "
        "ORDER BY skill",
        id="cand-1",
    )
    assert [(r["skill"], r["years"], r["section"]) for r in records] == [
        ("django", None, "skills"),
        ("python", 4.0, "skills"),
    ]
    assert "Python" in records[1]["snippet"]
    counts = graph_counts(driver)["relationships"]
    for rel_type in ("WORKED_AS", "WORKED_AT", "HOLDS", "LIVES_IN", "REQUIRES", "FOR_OCCUPATION",
                     "REQUIRES_EDUCATION", "POSTED_BY"):
        assert counts.get(rel_type), rel_type
    # Personal data stays out of the graph unless asked for.
    assert "Contact" not in graph_counts(driver)["nodes"]
    records, _, _ = driver.execute_query("MATCH (c:Candidate) RETURN properties(c) AS p")
    assert "ada@example.org" not in str(records[0]["p"])


def test_rewrite_unchanged_then_changed(driver: Driver) -> None:
    write_taxonomy(driver, small_taxonomy())
    write_resumes(driver, [resume()])
    before = graph_counts(driver)
    again = write_resumes(driver, [resume()])
    assert again.written == [] and again.unchanged == ["cand-1"]
    assert graph_counts(driver) == before
    changed = replace(resume(), content_hash="h2", skills=resume().skills[:1])
    report = write_resumes(driver, [changed])
    assert report.written == ["cand-1"]
    records, _, _ = driver.execute_query(
        "MATCH (:Candidate {id: $id})-[:HAS_SKILL]->(s) RETURN collect(s.id) AS skills",
        id="cand-1",
    )
    assert records[0]["skills"] == ["python"]


def _names(driver: Driver) -> dict[str, list[str]]:
    records, _, _ = driver.execute_query(
        "MATCH (n:Employer|Location|Education) "
        "RETURN labels(n)[0] AS label, collect(n.id) AS ids ORDER BY label"
    )
    return {record["label"]: sorted(record["ids"]) for record in records}


def test_a_rewrite_deletes_the_places_only_it_used(driver: Driver) -> None:
    """A changed record that drops an employer or city leaves no orphan behind."""
    write_taxonomy(driver, small_taxonomy())
    other = replace(resume(), id="cand-2", content_hash="h3")  # also at Acme, in London
    write_resumes(driver, [resume(), other])
    write_postings(driver, [posting()])
    before = _names(driver)
    moved = replace(
        resume(), content_hash="h2", location=Location(city="Paris", country="France"),
        experience=[Job("Backend Developer", "Globex", "2020-01", None, True, 48, None)],
        education=[],
    )
    write_resumes(driver, [moved])
    after = _names(driver)
    # Acme and London stay (cand-2 links to them); only new nodes were added.
    assert set(before["Employer"]) < set(after["Employer"])
    assert set(before["Location"]) < set(after["Location"])
    write_resumes(driver, [replace(other, content_hash="h4", location=None, experience=[])])
    final = _names(driver)
    # Now nothing links to Acme or London: gone, as a delete would leave it.
    assert final["Employer"] == sorted(set(after["Employer"]) - set(before["Employer"])
                                       | {"initech"})
    assert len(final["Location"]) == 1 and final["Location"] != before["Location"]
    assert final["Education"] == before["Education"]  # cand-2 still holds the degree


def test_pii_is_separable(driver: Driver) -> None:
    write_taxonomy(driver, small_taxonomy())
    write_resumes(driver, [resume()], with_pii=True)
    records, _, _ = driver.execute_query(
        "MATCH (:Candidate {id: $id})-[:HAS_CONTACT]->(k:Contact) RETURN k.email AS email",
        id="cand-1",
    )
    assert [r["email"] for r in records] == ["ada@example.org"]
