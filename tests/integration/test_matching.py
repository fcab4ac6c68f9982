"""Explained matching on the real Neo4j: retrieval, scores that add up, true paths, advice."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from neo4j import Driver

from jobgraph.cli import main
from jobgraph.errors import NotFoundError
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.matching import confirm_skill_edges, fulltext_search
from jobgraph.graph.record_writer import write_postings, write_resumes
from jobgraph.graph.schema import delete_all
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.graph.vector_store import (
    TEXT_PROPERTY,
    drop_vector_index,
    ensure_vector_index,
    write_vectors,
)
from jobgraph.match.service import MatchService
from jobgraph.match.weights import DEFAULT_WEIGHTS, ScoreWeights
from jobgraph.parse import parse_posting_text, parse_resume_text
from jobgraph.parse.records import SkillMention
from jobgraph.schemas import validation_errors
from jobgraph.taxonomy.builtin import builtin_taxonomy

pytestmark = pytest.mark.neo4j

RESUMES = {
    "kotlin-dev": """Alex Example
Backend Developer, Berlin, Germany

EXPERIENCE
Backend Developer | Northwind | Mar 2019 - Present
- Built Kotlin services on PostgreSQL and Docker

SKILLS
Kotlin, PostgreSQL, Docker, Git, REST APIs

EDUCATION
BSc Computer Science, TU Berlin, 2018
""",
    "python-dev": """Jordan Example
Software Engineer, Munich, Germany

EXPERIENCE
Software Engineer | Blue Harbor | Jan 2016 - Present
- Python and Django services, SQL reporting, Kubernetes deployments

SKILLS
Python, Django, SQL, Kubernetes, Terraform, AWS

EDUCATION
MSc Computer Science, 2015
""",
    "nurse": """Sam Example
Registered Nurse, Hamburg, Germany

EXPERIENCE
Registered Nurse | City Hospital | 2015 - Present
- Patient care, wound care, medication administration

SKILLS
Patient Care, Wound Care, Medication Administration
""",
}
POSTINGS = {
    "java-backend": """Backend Engineer (Java)
Northwind - Berlin, Germany

Requirements:
- 3+ years of experience with Java
- PostgreSQL and Docker
- Kubernetes

Nice to have:
- Terraform
""",
    "python-backend": """Python Developer
Blue Harbor - Munich, Germany

Requirements:
- Python and Django
- SQL and PostgreSQL
- AWS
""",
    "ward-nurse": """Registered Nurse
City Hospital - Hamburg, Germany

Requirements:
- Patient care and wound care
- Medication administration
- Bachelor of Science in Nursing
""",
}


@pytest.fixture(scope="module")
def records():  # type: ignore[no-untyped-def]
    resumes = {key: replace(parse_resume_text(text), id=key) for key, text in RESUMES.items()}
    postings = {key: replace(parse_posting_text(text), id=key) for key, text in POSTINGS.items()}
    return resumes, postings


@pytest.fixture(scope="module")
def seeded(session_driver: Driver, records) -> Driver:  # type: ignore[no-untyped-def]
    """One graph for the module (the taxonomy takes seconds to write); tests that change
    it put it back."""
    delete_all(session_driver)
    write_taxonomy(session_driver, builtin_taxonomy())
    resumes, postings = records
    write_resumes(session_driver, list(resumes.values()))
    write_postings(session_driver, list(postings.values()))
    return session_driver


@pytest.fixture
def service(seeded: Driver) -> MatchService:
    return MatchService(seeded)


def test_both_directions_rank_the_right_family_first(service: MatchService) -> None:
    for_python = service.match_candidate("python-dev").to_dict()
    assert validation_errors("match_list", for_python) == []
    assert for_python["items"][0]["posting_id"] == "python-backend"
    assert "ward-nurse" not in [i["posting_id"] for i in for_python["items"][:1]]
    for_ward = service.match_posting("ward-nurse").to_dict()
    assert validation_errors("match_list", for_ward) == []
    assert for_ward["items"][0]["candidate_id"] == "nurse"
    for item in for_python["items"] + for_ward["items"]:
        assert sum(item["breakdown"].values()) == pytest.approx(item["score"], abs=1e-6)
        assert item["found_by"], "every match names how it was found"


def test_pagination_filters_and_unknown_ids(service: MatchService) -> None:
    first = service.match_candidate("kotlin-dev", limit=1)
    second = service.match_candidate("kotlin-dev", limit=1, offset=1)
    assert first.next_offset == 1 and first.items[0] != second.items[0]
    munich = service.match_candidate("kotlin-dev", location="munich").to_dict()
    assert [i["posting_id"] for i in munich["items"]] == ["python-backend"]
    assert service.match_candidate("kotlin-dev", remote=True).items == []
    high = service.match_candidate("kotlin-dev", min_score=0.99)
    assert high.items == []
    with pytest.raises(NotFoundError):
        service.match_candidate("nobody")
    with pytest.raises(NotFoundError):
        service.explain("kotlin-dev", "no-such-posting")


def test_explanation_paths_are_confirmed_by_the_graph(service: MatchService) -> None:
    document = service.explain("kotlin-dev", "java-backend")
    assert validation_errors("explanation", document) == []
    by_skill = {r["skill"]: r for r in document["requirements"]}
    java = next(r for r in document["requirements"] if r["skill_id"] == "java")
    assert java["status"] == "path", by_skill
    assert java["path"]["confirmed"] is True and java["path"]["held_skill"] == "Kotlin"
    postgres = next(r for r in document["requirements"] if r["status"] == "matched")
    evidence = postgres["evidence"]
    assert RESUMES["kotlin-dev"][evidence["start"]:evidence["end"]] == evidence["text"]
    assert sum(r["contribution"] for r in document["breakdown"]) == pytest.approx(
        document["score"], abs=1e-6)
    # every step of every path exists in the graph as drawn
    edges = [{"source": s["from_id"] if s["relation"] != "narrower" else s["to_id"],
              "target": s["to_id"] if s["relation"] != "narrower" else s["from_id"],
              "type": s["type"]}
             for r in document["requirements"] if r["path"] for s in r["path"]["steps"]]
    found = confirm_skill_edges(service.driver, edges)
    assert len(found) >= len({(e["source"], e["target"], e["type"]) for e in edges}) - sum(
        1 for e in edges if e["type"] == "RELATED_TO")  # RELATED_TO may be stored reversed
    assert document["advice"] and document["advice"][0]["gain"] > 0


def test_removing_a_matched_skill_costs_its_contribution(service: MatchService) -> None:
    """Faithfulness: with the lexical part off, removing a held skill costs exactly the
    contributions the explanation attributes to it (directly, and as the start of paths),
    less whatever another held skill still earns for those requirements."""
    weights = ScoreWeights({**DEFAULT_WEIGHTS, "lexical": 0.0})
    scorer = service.scorer(weights)
    exact = checked = 0
    for candidate_id, posting_id in [("kotlin-dev", "java-backend"),
                                     ("python-dev", "python-backend"), ("nurse", "ward-nurse")]:
        person, job = service.candidate(candidate_id), service.posting(posting_id)
        base = scorer.score(person, job)
        for skill_id in {o.held_id for o in base.requirements if o.status == "matched"}:
            attributed = [o for o in base.requirements if o.held_id == skill_id]
            after = scorer.score(person.without_skill(skill_id), job)
            residual = {o.skill.id: o.contribution for o in after.requirements}
            expected = sum(o.contribution - residual[o.skill.id] for o in attributed)
            assert base.total - after.total == pytest.approx(expected, abs=1e-9)
            checked += 1
            if all(residual[o.skill.id] == 0 for o in attributed):
                assert base.total - after.total == pytest.approx(
                    sum(o.contribution for o in attributed), abs=1e-9)
                exact += 1
    assert checked >= 5 and exact >= 1


def test_advice_predicts_the_score_after_the_graph_changes(
    seeded: Driver, service: MatchService, records  # type: ignore[no-untyped-def]
) -> None:
    """Adding the advised skill to the stored resume raises the stored score by the gain."""
    before = service.explain("kotlin-dev", "java-backend")
    advised = before["advice"][0]
    resumes, _ = records
    record = resumes["kotlin-dev"]
    added = SkillMention(advised["skill_id"], advised["skill"], advised["skill"], "skills",
                         0, 0, 1.0)
    write_resumes(seeded, [replace(record, skills=[*record.skills, added])])
    try:
        after = service.explain("kotlin-dev", "java-backend")
    finally:
        write_resumes(seeded, [record])
    assert after["score"] - before["score"] == pytest.approx(advised["gain"], abs=1e-6)


def test_candidate_and_posting_advice(service: MatchService) -> None:
    advice = service.candidate_advice("kotlin-dev", threshold=0.3)
    assert validation_errors("advice", advice) == []
    assert advice["considered"] >= 2 and advice["suggestions"]
    names = [s["skill"] for s in advice["suggestions"]]
    assert all(s["skill_id"] not in service.candidate("kotlin-dev").skills
               for s in advice["suggestions"]), names
    relax = service.posting_advice("java-backend", threshold=0.3)
    assert validation_errors("advice", relax) == []
    assert {s["skill_id"] for s in relax["suggestions"]} <= {
        s.id for s in service.posting("java-backend").skills}


def test_vector_and_lexical_retrieval(seeded: Driver, service: MatchService) -> None:
    driver = seeded
    ids = ["java-backend", "python-backend", "ward-nurse"]
    vectors = np.eye(3, 8, dtype=np.float32)
    write_vectors(driver, "Posting", TEXT_PROPERTY, ids, vectors)
    ensure_vector_index(driver, "Posting", TEXT_PROPERTY, 8)
    write_vectors(driver, "Candidate", TEXT_PROPERTY, ["nurse"], vectors[2:3])
    try:
        page = service.match_candidate("nurse").to_dict()
    finally:
        drop_vector_index(driver, "Posting", TEXT_PROPERTY)
    found = {i["posting_id"]: i["found_by"] for i in page["items"]}
    assert "text" in found["ward-nurse"]
    assert page["items"][0]["features"]["text"] == pytest.approx(1.0, abs=1e-5)
    hits = fulltext_search(driver, "Posting", ["Python (Django)", "AND", "x:y"], k=5)
    assert hits and hits[0][0] == "python-backend"


def test_cli_match_explain_advice_fit_and_all(
    seeded: Driver, neo4j_server: LocalNeo4j, tmp_path: Path
) -> None:
    user, password = neo4j_server.credentials() or ("neo4j", "")
    env = {"NEO4J_URI": neo4j_server.recorded_uri() or "", "NEO4J_USER": user,
           "NEO4J_PASSWORD": password, "JOBGRAPH_DATA_DIR": str(tmp_path / "data")}
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(main, list(args), env=env)
        assert result.exit_code == 0, result.output
        return result.stdout

    page = json.loads(run("match", "candidate", "python-dev", "--limit", "2", "--json"))
    assert validation_errors("match_list", page) == [] and len(page["items"]) == 2
    assert "python-backend" in run("match", "candidate", "python-dev")
    resume = tmp_path / "nurse.txt"
    resume.write_text(RESUMES["nurse"])
    unstored = json.loads(run("match", "candidate", str(resume), "--json"))
    assert unstored["items"][0]["posting_id"] == "ward-nurse"
    explained = json.loads(run("explain", "kotlin-dev", "java-backend", "--json"))
    assert validation_errors("explanation", explained) == []
    assert "Candidate–HAS_SKILL→Kotlin" in run("explain", "kotlin-dev", "java-backend")
    assert validation_errors("advice", json.loads(run("advice", "posting", "java-backend",
                                                      "--json"))) == []
    pairs = tmp_path / "pairs.jsonl"
    grades = {("python-dev", "python-backend"): 3, ("kotlin-dev", "java-backend"): 3,
              ("nurse", "ward-nurse"): 3}
    pairs.write_text("".join(
        json.dumps({"candidate": c, "posting": p, "grade": grades.get((c, p), 0)}) + "\n"
        for c in RESUMES for p in POSTINGS))
    fitted = json.loads(run("match", "fit-weights", str(pairs), "--json"))
    assert abs(sum(fitted["weights"].values()) - 1) < 1e-4 and fitted["calibration"]
    with_fit = json.loads(run("match", "candidate", "nurse", "--json"))
    assert with_fit["weights_source"] == "pairs.jsonl"
    assert with_fit["items"][0]["probability"] is not None
    out = tmp_path / "all.jsonl"
    run("match", "all", "--out", str(out), "--k", "2")
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == len(RESUMES) + len(POSTINGS)
    assert all(len(row["matches"]) == 2 for row in rows)
    result = runner.invoke(main, ["explain", "nobody", "java-backend"], env=env)
    assert result.exit_code == 1 and "no candidate with id 'nobody'" in result.output
