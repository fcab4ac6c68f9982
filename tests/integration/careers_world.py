"""A small, hand-made world for the career and analyst tests, written through the
product's own writers (taxonomy writer, resume and posting writers)."""

from __future__ import annotations

from neo4j import Driver

from jobgraph.graph.record_writer import write_postings, write_resumes
from jobgraph.graph.schema import delete_all
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.parse.records import (
    Job,
    PostingRecord,
    RequiredSkill,
    ResumeRecord,
    Salary,
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

SKILLS = ["python", "django", "sql", "spark", "excel", "etl", "patient-care", "triage",
          "communication"]
OCCUPATIONS = {
    # id: (title, family, seniority, broader, essential, optional)
    "data-analyst": ("Data Analyst", "data", 1, None, "sql excel", "python"),
    "data-engineer": ("Data Engineer", "data", 1, None, "python sql etl", "spark"),
    "senior-data-engineer": ("Senior Data Engineer", "data", 2, "data-engineer",
                             "python sql etl spark", ""),
    "software-developer": ("Software Developer", "software", 1, None, "python django",
                           "sql communication"),
    "nurse": ("Nurse", "nursing", 1, None, "patient-care triage", "communication"),
}
CANDIDATES = {
    # id: (skills, [(occupation, start)] most recent first)
    "c1": ("python sql etl", [("data-engineer", "2020-01"), ("data-analyst", "2018-01")]),
    "c2": ("sql excel", [("data-engineer", "2021-06"), ("data-analyst", "2019-01")]),
    "c3": ("django sql", [("software-developer", "2021-01")]),
    "c4": ("patient-care triage communication", [("nurse", "2015-01")]),
    "c5": ("python sql etl spark", [("senior-data-engineer", "2021-01"),
                                    ("data-engineer", "2017-01")]),
}
POSTINGS = {
    # id: (occupation, required, preferred, yearly salary range)
    "p1": ("data-engineer", "python sql etl", "spark", (100_000, 120_000)),
    "p2": ("senior-data-engineer", "python sql etl spark", "", (140_000, 160_000)),
    "p3": ("nurse", "patient-care triage communication", "", None),
    "p4": ("data-analyst", "sql excel", "", (70_000, 80_000)),
    "p5": ("software-developer", "python django communication", "", None),
}


def name_of(skill_id: str) -> str:
    return skill_id.replace("-", " ").title() if skill_id != "etl" else "ETL"


def taxonomy() -> Taxonomy:
    skills = {s: Skill(s, name_of(s)) for s in SKILLS}
    occupations = {
        oid: Occupation(oid, title, family=family, seniority=seniority, broader_id=broader)
        for oid, (title, family, seniority, broader, _, _) in OCCUPATIONS.items()
    }
    requirements = [
        OccupationSkill(oid, sid, importance)
        for oid, (_, _, _, _, essential, optional) in OCCUPATIONS.items()
        for words, importance in (
            (essential, Importance.ESSENTIAL), (optional, Importance.OPTIONAL)
        )
        for sid in words.split()
    ]
    links = [SkillLink("django", "python", "BROADER")]
    return Taxonomy(skills, occupations, links, requirements)


def resume(cid: str) -> ResumeRecord:
    skills, jobs = CANDIDATES[cid]
    return ResumeRecord(
        id=cid,
        headline=OCCUPATIONS[jobs[0][0]][0],
        skills=[
            SkillMention(s, name_of(s), name_of(s), "skills", 0, 0, 1.0) for s in skills.split()
        ],
        experience=[
            Job(title=OCCUPATIONS[oid][0], start=start, occupation_id=oid, order=order)
            for order, (oid, start) in enumerate(jobs)
        ],
    )


def posting(pid: str) -> PostingRecord:
    oid, required, preferred, salary = POSTINGS[pid]
    return PostingRecord(
        id=pid,
        title=OCCUPATIONS[oid][0],
        occupation_id=oid,
        salary=Salary(salary[0], salary[1], "USD", "year") if salary else None,
        skills=[RequiredSkill(s, name_of(s), s, "required") for s in required.split()]
        + [RequiredSkill(s, name_of(s), s, "preferred") for s in preferred.split()],
    )


def seed(driver: Driver) -> Driver:
    """Empty the graph and write the world; returns the driver."""
    delete_all(driver)
    write_taxonomy(driver, taxonomy())
    write_resumes(driver, [resume(cid) for cid in CANDIDATES])
    write_postings(driver, [posting(pid) for pid in POSTINGS])
    return driver
