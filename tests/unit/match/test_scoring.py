"""The scorer: parts in [0, 1], contributions that add up, faithful to changes."""

from __future__ import annotations

import numpy as np
import pytest

from jobgraph.match.advice import candidate_advice, pair_advice, posting_advice
from jobgraph.match.explain import explanation
from jobgraph.match.model import AskedSkill, CandidateProfile, HeldSkill, PostingProfile, Role
from jobgraph.match.scoring import Scorer, years_factor
from jobgraph.match.skill_graph import OccupationGraph, SkillGraph
from jobgraph.match.weights import FEATURES, ScoreWeights
from jobgraph.schemas import validation_errors
from tests.unit.match.test_skill_graph import EDGES, NAMES

OCCUPATIONS = OccupationGraph([
    {"id": "backend", "title": "Backend Developer", "family": "software", "broader": ["dev"],
     "same_as": []},
    {"id": "dev", "title": "Developer", "family": "software", "broader": [], "same_as": []},
    {"id": "dba", "title": "Database Administrator", "family": "software", "broader": [],
     "same_as": []},
    {"id": "nurse", "title": "Nurse", "family": "nursing", "broader": [], "same_as": []},
])


def _vec(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=16).astype(np.float32)
    return v / np.linalg.norm(v)


def candidate(**changes: object) -> CandidateProfile:
    base = {
        "id": "c1", "headline": "Backend developer", "occupation_id": "backend",
        "experience_years": 4.0, "education_level": "bachelor", "education_rank": 4,
        "city": "Berlin", "country": "Germany",
        "skills": {
            "postgres": HeldSkill("postgres", "Postgres", 3.0, "PostgreSQL", "used PostgreSQL",
                                  "experience", 10, 20),
            "kotlin": HeldSkill("kotlin", "Kotlin", 2.0, "Kotlin", "Kotlin services",
                                "skills", 30, 36),
        },
        "roles": (Role("backend", "Backend Developer", 0, 30), Role("dba", "DBA", 1, 20)),
        "text_vector": _vec(1), "gnn_vector": _vec(2),
    }
    base.update(changes)
    return CandidateProfile(**base)  # type: ignore[arg-type]


def posting(**changes: object) -> PostingProfile:
    base = {
        "id": "p1", "title": "Backend Engineer (Java)", "occupation_id": "backend",
        "remote": "onsite", "min_years": 5.0, "education_level": "bachelor", "education_rank": 4,
        "city": "Munich", "country": "Germany",
        "skills": (
            AskedSkill("java", "Java", "required", 3.0), AskedSkill("sql", "Sql", "required"),
            AskedSkill("postgres", "Postgres", "required", 5.0),
            AskedSkill("scala", "Scala", "required"), AskedSkill("mysql", "Mysql", "preferred"),
        ),
        "text_vector": _vec(3), "gnn_vector": _vec(4),
    }
    base.update(changes)
    return PostingProfile(**base)  # type: ignore[arg-type]


@pytest.fixture
def scorer() -> Scorer:
    return Scorer(SkillGraph(NAMES, EDGES), OCCUPATIONS, ScoreWeights())


def test_contributions_add_up_and_features_stay_in_range(scorer: Scorer) -> None:
    score = scorer.score(candidate(), posting())
    assert set(score.features) == set(FEATURES)
    assert all(0.0 <= value <= 1.0 for value in score.features.values())
    assert sum(score.contributions.values()) == pytest.approx(score.total, abs=1e-12)
    required = [o for o in score.requirements if o.skill.importance == "required"]
    assert sum(o.contribution for o in required) == pytest.approx(score.contributions["required"])


def test_requirement_outcomes(scorer: Scorer) -> None:
    outcome = {o.skill.id: o for o in scorer.score(candidate(), posting()).requirements}
    assert outcome["postgres"].status == "matched"
    assert outcome["postgres"].years_factor == pytest.approx(years_factor(3.0, 5.0)) == 0.8
    assert outcome["java"].status == "path" and outcome["java"].held_id == "kotlin"
    assert outcome["sql"].status == "path" and outcome["sql"].held_id == "postgres"
    assert outcome["scala"].status == "missing" and outcome["scala"].credit == 0.0
    assert outcome["mysql"].status == "path"


def test_checks(scorer: Scorer) -> None:
    checks = scorer.score(candidate(), posting()).checks
    assert checks["occupation"].outcome == "same"
    assert checks["experience"].value == pytest.approx(0.8)
    assert checks["education"].value == 1.0
    assert checks["location"].outcome == "same_country"
    remote = scorer.score(candidate(country="France"), posting(remote="remote")).checks
    assert remote["location"].value == 1.0
    abroad = scorer.score(candidate(country="France", city="Paris"), posting()).checks
    assert abroad["location"].value == 0.0
    past = scorer.score(candidate(occupation_id="nurse"), posting(occupation_id="dba")).checks
    assert past["occupation"].outcome == "past_role"


def test_removing_a_matched_skill_lowers_the_score_by_its_contribution(scorer: Scorer) -> None:
    person, job = candidate(), posting(skills=(AskedSkill("kotlin", "Kotlin", "required"),
                                               AskedSkill("sql", "Sql", "required")))
    before = scorer.score(person, job)
    kotlin = next(o for o in before.requirements if o.skill.id == "kotlin")
    after = scorer.score(person.without_skill("kotlin"), job)
    # lexical also loses the word "kotlin"; every other part is unchanged
    lexical_drop = before.contributions["lexical"] - after.contributions["lexical"]
    assert before.total - after.total == pytest.approx(kotlin.contribution + lexical_drop)


def test_advice_gain_is_what_the_scorer_gives(scorer: Scorer) -> None:
    person, job = candidate(), posting()
    base = scorer.score(person, job)
    advice = pair_advice(scorer, person, job, base)
    assert advice[0]["gain"] >= advice[-1]["gain"]
    scala = next(row for row in advice if row["skill_id"] == "scala")
    after = scorer.score(person.with_skill("scala", "Scala"), job)
    assert scala["gain"] == pytest.approx(after.total - base.total) and scala["gain"] > 0


def test_candidate_and_posting_advice_count_threshold_crossings(scorer: Scorer) -> None:
    person = candidate()
    jobs = [posting(id=f"p{i}") for i in range(3)]
    base = scorer.score(person, jobs[0]).total
    report = candidate_advice(scorer, person, jobs, threshold=base + 0.01)
    top = report["suggestions"][0]
    assert top["newly_above_threshold"] == 3 and top["skill_id"] in {"scala", "java", "sql"}
    relax = posting_advice(scorer, jobs[0], [person], threshold=base + 0.01)
    assert relax["suggestions"][0]["skill_id"] == "scala"
    assert validation_errors("advice", report) == [] and validation_errors("advice", relax) == []


def test_explanation_follows_its_schema_and_summary_states_facts(scorer: Scorer) -> None:
    person, job = candidate(), posting()
    score = scorer.score(person, job)
    document = explanation(score, person, job, skills=scorer.skills, weights=scorer.weights,
                           advice=pair_advice(scorer, person, job, score))
    assert validation_errors("explanation", document) == []
    java = next(r for r in document["requirements"] if r["skill_id"] == "java")
    assert java["path"]["text"] == "Candidate–HAS_SKILL→Kotlin–RELATED_TO–Java←REQUIRES–Posting"
    postgres = next(r for r in document["requirements"] if r["skill_id"] == "postgres")
    assert postgres["evidence"]["start"] == 10 and postgres["evidence"]["text"] == "PostgreSQL"
    assert "Holds 1 of 4 required skills directly" in document["summary"]
    assert "missing Scala" in document["summary"]
    assert document["summary"].count(".") <= 4


def test_weights_reject_unknown_and_negative() -> None:
    from jobgraph.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown"):
        ScoreWeights({"gnn": 1.0, "charm": 1.0})
    with pytest.raises(ConfigError, match="non-negative"):
        ScoreWeights({"gnn": -1.0})
