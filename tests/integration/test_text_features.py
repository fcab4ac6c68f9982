"""Text vectors in the graph: `embed text`, the ingest hook, and their agreement."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from neo4j import Driver

from jobgraph.cli import main
from jobgraph.embed.cache import VectorCache
from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.embed.text_features import IngestVectorHook, embed_text_features
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.graph.vector_store import (
    TEXT_PROPERTY,
    list_vector_indexes,
    query_similar,
    read_vectors,
)
from jobgraph.ingest.pipeline import ingest
from jobgraph.ingest.sources import discover
from jobgraph.parse import parse_posting_text, parse_resume_text
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.model import Taxonomy

pytestmark = pytest.mark.neo4j

DEVELOPER = """Jordan Example
Backend Developer

EXPERIENCE
Senior Software Engineer | Northwind Labs | Mar 2020 - Present
- Built REST APIs in Python and Django on PostgreSQL, ran them on Kubernetes

Software Developer | Blue Harbor | 06/2016 - 02/2020
- Wrote Java services and SQL reports

SKILLS
Python, Django, PostgreSQL, Docker, Kubernetes, Git, {extra}
"""
NURSE = """Sam Example
Registered Nurse

EXPERIENCE
Registered Nurse | City Hospital | 2015 - Present
- Patient care, wound care, medication administration and patient education

SKILLS
Patient Care, Wound Care, Medication Administration, Electronic Health Records
"""
POSTING = """Backend Engineer (Python)
Northwind Labs - Denver, CO

Requirements:
- 5+ years of experience with Python and Django
- Strong SQL and PostgreSQL skills
- Experience with Docker and Kubernetes
"""


class CountingEncoder(MiniLMEncoder):
    def __init__(self) -> None:
        super().__init__(device="cpu")
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return super().encode(texts)


@pytest.fixture(scope="module")
def encoder() -> CountingEncoder:
    return CountingEncoder()


def _corpus(folder: Path) -> tuple[Path, Path]:
    resumes = folder / "resumes"
    resumes.mkdir(parents=True)
    for number, extra in enumerate(["Redis", "Terraform"]):
        (resumes / f"dev_{number}.txt").write_text(DEVELOPER.format(extra=extra))
    (resumes / "nurse.txt").write_text(NURSE)
    posting = folder / "posting.txt"
    posting.write_text(POSTING)
    return resumes, posting


def _small_taxonomy(driver: Driver) -> None:
    """The built-in entries these documents mention, so few labels need encoding."""
    records = [
        parse_resume_text(DEVELOPER.format(extra="Redis Terraform")),
        parse_resume_text(NURSE),
        parse_posting_text(POSTING),
    ]
    skills = {s.skill_id for r in records for s in r.skills}
    occupations = {r.occupation_id for r in records if r.occupation_id}
    occupations |= {
        j.occupation_id for r in records for j in getattr(r, "experience", []) if j.occupation_id
    }
    full = builtin_taxonomy()
    write_taxonomy(
        driver,
        Taxonomy(
            skills={i: full.skills[i] for i in skills},
            occupations={i: full.occupations[i] for i in occupations if i in full.occupations},
        ),
    )


def _ingest(driver: Driver, resumes: Path, posting: Path, hook: IngestVectorHook | None) -> None:
    ingest(driver, discover([str(resumes)]), "resume", workers=1, progress=False, after_write=hook)
    ingest(driver, discover([str(posting)]), "posting", workers=1, progress=False, after_write=hook)


def test_embed_text_fills_missing_once(
    driver: Driver, encoder: CountingEncoder, tmp_path: Path
) -> None:
    _small_taxonomy(driver)
    _ingest(driver, *_corpus(tmp_path), hook=None)
    with VectorCache(tmp_path / "v.sqlite") as cache:
        counts = embed_text_features(driver, encoder=encoder, cache=cache, progress=False)
        assert counts["Candidate"] == 3 and counts["Posting"] == 1
        assert counts["Skill"] >= 10 and counts["Occupation"] >= 1
        encoder.texts.clear()
        again = embed_text_features(driver, encoder=encoder, cache=cache, progress=False)
    assert again == {"Skill": 0, "Occupation": 0, "Candidate": 0, "Posting": 0}
    assert encoder.texts == []
    indexes = {i["name"]: i for i in list_vector_indexes(driver)}
    for label in ("candidate", "posting", "skill", "occupation"):
        index = indexes[f"{label}_text_embedding"]
        assert index["dimensions"] == 384 and index["state"] == "ONLINE"
    ids, vectors = read_vectors(driver, "Skill", TEXT_PROPERTY)
    assert len(ids) == counts["Skill"] and vectors.shape == (len(ids), 384)


def test_ingest_hook_matches_embed_text(
    driver: Driver, encoder: CountingEncoder, tmp_path: Path
) -> None:
    _small_taxonomy(driver)
    resumes, posting = _corpus(tmp_path)
    with VectorCache(tmp_path / "v.sqlite") as cache:
        hook = IngestVectorHook(driver, encoder=encoder, cache=cache)
        _ingest(driver, resumes, posting, hook)
        assert hook.written == 4
        ids, at_ingest = read_vectors(driver, "Candidate", TEXT_PROPERTY)
        assert len(ids) == 3
        # Recomputed from what the graph stores: the same vectors.
        embed_text_features(
            driver,
            encoder=encoder,
            cache=cache,
            only_missing=False,
            labels=("Candidate", "Posting"),
            progress=False,
        )
    _, from_graph = read_vectors(driver, "Candidate", TEXT_PROPERTY)
    np.testing.assert_allclose(from_graph, at_ingest, atol=1e-5)

    _, posting_vectors = read_vectors(driver, "Posting", TEXT_PROPERTY)
    hits = query_similar(driver, "Candidate", TEXT_PROPERTY, posting_vectors[0], 3)
    nurse = next(i for i in ids if i not in {h[0] for h in hits[:2]})
    assert hits[-1][0] == nurse and hits[0][1] > hits[-1][1] + 0.1


def test_embed_text_cli(neo4j_server: LocalNeo4j, driver: Driver, tmp_path: Path) -> None:
    _small_taxonomy(driver)
    _ingest(driver, *_corpus(tmp_path), hook=None)
    user, password = neo4j_server.credentials() or ("neo4j", "")
    env = {
        "NEO4J_URI": neo4j_server.recorded_uri() or "",
        "NEO4J_USER": user,
        "NEO4J_PASSWORD": password,
        "JOBGRAPH_DATA_DIR": str(tmp_path / "data"),
        "JOBGRAPH_DEVICE": "cpu",
    }
    result = CliRunner().invoke(main, ["embed", "text", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["written"]["Candidate"] == 3
    assert (tmp_path / "data" / "vectors" / "minilm.sqlite").is_file()
    status = CliRunner().invoke(main, ["db", "status"], env=env)
    assert "candidate_text_embedding" in status.output and "384 dims" in status.output
