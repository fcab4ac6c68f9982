"""Document text vectors from cached pieces, with the real MiniLM encoder."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from jobgraph.embed.cache import VectorCache, encode_cached
from jobgraph.embed.features import (
    DocumentPieces,
    DocumentVectorizer,
    Recipe,
    candidate_occupations,
    candidate_skill_weight,
    occupation_text,
    posting_pieces,
    posting_skill_weight,
    resume_pieces,
    skill_text,
)
from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.parse.records import Job, PostingRecord, RequiredSkill, ResumeRecord, SkillMention

SKILLS = {
    "python": skill_text("Python", ["Python 3", "py"]),
    "django": skill_text("Django", []),
    "postgresql": skill_text("PostgreSQL", ["Postgres"]),
    "patient-care": skill_text("Patient Care", []),
    "wound-care": skill_text("Wound Care", ["wound dressing"]),
}
OCCUPATIONS = {
    "software-developer": occupation_text("Software Developer", ["Programmer"]),
    "registered-nurse": occupation_text("Registered Nurse", ["RN"], "Provides nursing care."),
}


class CountingEncoder(MiniLMEncoder):
    def __init__(self) -> None:
        super().__init__(device="cpu", batch_size=16)
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return super().encode(texts)


@pytest.fixture(scope="module")
def encoder() -> CountingEncoder:
    return CountingEncoder()


@pytest.fixture(scope="module")
def vectorizer(encoder: CountingEncoder) -> DocumentVectorizer:
    cache = VectorCache(":memory:")
    skills = encode_cached(encoder, list(SKILLS.values()), cache)
    occupations = encode_cached(encoder, list(OCCUPATIONS.values()), cache)
    return DocumentVectorizer(
        encoder,
        cache,
        dict(zip(SKILLS, skills, strict=True)),
        dict(zip(OCCUPATIONS, occupations, strict=True)),
    )


def test_label_texts() -> None:
    assert skill_text("Python", ["python", "Py3", "", "py3"]) == "Python (Py3)"
    assert skill_text("SQL") == "SQL"
    text = occupation_text("Registered Nurse", ["RN", "Staff Nurse"], "x" * 1000)
    assert text.startswith("Registered Nurse (RN, Staff Nurse). x")
    assert len(text) < 400


def test_weights() -> None:
    assert candidate_skill_weight(1.0, 8) > candidate_skill_weight(1.0, 1) > 0
    assert candidate_skill_weight(0.5, None) == pytest.approx(0.5)
    assert posting_skill_weight("preferred", 1.0) == pytest.approx(0.5)
    assert posting_skill_weight("required", None) == pytest.approx(1.0)
    weights = dict(candidate_occupations("a", [(0, "a"), (1, "b"), (2, "b")]))
    assert weights["a"] == pytest.approx(1.5) and weights["b"] == pytest.approx(0.375)


def test_pieces_from_records() -> None:
    resume = ResumeRecord(
        id="cand-1",
        skills=[
            SkillMention("python", "Python", "Python", "skills", 0, 6, 0.9, years=4.0),
            SkillMention("django", "Django", "Django", "skills", 8, 14, 1.0),
        ],
        experience=[
            Job(title="Nurse", order=1, occupation_id="registered-nurse"),
            Job(title="Backend Developer", order=0, occupation_id="software-developer"),
        ],
        occupation_id="software-developer",
    )
    pieces = resume_pieces(resume)
    assert pieces.headline == "Backend Developer"  # most recent mapped job when no headline
    assert dict(pieces.skills)["python"] == pytest.approx(candidate_skill_weight(0.9, 4.0))
    assert dict(pieces.occupations)["software-developer"] == pytest.approx(1.5)

    posting = PostingRecord(
        id="post-1",
        title="Python Developer",
        occupation_id="software-developer",
        occupation_confidence=0.8,
        skills=[
            RequiredSkill("django", "Django", "Django", importance="preferred"),
            RequiredSkill("python", "Python", "Python"),
            RequiredSkill("django", "Django", "django"),  # required wins over preferred
        ],
    )
    pieces = posting_pieces(posting)
    assert dict(pieces.skills) == {"python": 1.0, "django": 1.0}
    assert pieces.occupations == (("software-developer", 0.8),)


def test_vectors_rank_related_documents_first(vectorizer: DocumentVectorizer) -> None:
    developer = DocumentPieces(
        "c1", (("python", 2.0), ("django", 1.0)), (("software-developer", 1.0),), "Backend Engineer"
    )
    nurse = DocumentPieces(
        "c2",
        (("patient-care", 1.0), ("wound-care", 1.0)),
        (("registered-nurse", 1.0),),
        "ICU Nurse",
    )
    posting = DocumentPieces(
        "p1",
        (("python", 1.0), ("postgresql", 1.0)),
        (("software-developer", 1.0),),
        "Python Developer",
    )
    vectors = vectorizer.vectors([developer, nurse, posting])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float(vectors[2] @ vectors[0]) > float(vectors[2] @ vectors[1]) + 0.1


def test_headlines_are_encoded_once(
    vectorizer: DocumentVectorizer, encoder: CountingEncoder
) -> None:
    with_headline = DocumentVectorizer(
        vectorizer.encoder,
        vectorizer.cache,
        vectorizer.skill_vectors,
        vectorizer.occupation_vectors,
        Recipe(1.0, 0.5, 0.5),
    )
    encoder.texts.clear()
    docs = [DocumentPieces(f"d{i}", (("python", 1.0),), (), "Data  Engineer") for i in range(5)]
    first = with_headline.vectors(docs)
    again = with_headline.vectors([DocumentPieces("x", (("python", 1.0),), (), "data engineer")])
    assert encoder.texts == ["data engineer"]
    np.testing.assert_allclose(first[0], again[0], atol=1e-6)


def test_default_recipe_uses_headline_only_as_fallback(
    vectorizer: DocumentVectorizer, encoder: CountingEncoder
) -> None:
    encoder.texts.clear()
    known = DocumentPieces("a", (("python", 1.0),), (), "Quantum Pastry Architect")
    vectors = vectorizer.vectors([known])
    assert encoder.texts == []  # skills known: the headline is not needed
    np.testing.assert_allclose(vectors[0], vectorizer.skill_vectors["python"], atol=1e-5)
    bare = DocumentPieces("b", (("no-such-skill", 1.0),), (), "Pastry Chef")
    vectors = vectorizer.vectors([bare])
    assert encoder.texts == ["pastry chef"]
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)


def test_recipe_weights_and_empty_documents(vectorizer: DocumentVectorizer) -> None:
    skills_only = DocumentVectorizer(
        vectorizer.encoder,
        vectorizer.cache,
        vectorizer.skill_vectors,
        vectorizer.occupation_vectors,
        Recipe(1.0, 0.0, 0.0),
    )
    doc = DocumentPieces(
        "d", (("python", 3.0), ("django", 1.0)), (("registered-nurse", 1.0),), "Chef"
    )
    expected = 3 * vectorizer.skill_vectors["python"] + vectorizer.skill_vectors["django"]
    np.testing.assert_allclose(
        skills_only.vectors([doc])[0], expected / np.linalg.norm(expected), atol=1e-5
    )
    unknown = DocumentPieces("e", (("no-such-skill", 1.0),), (), None)
    assert not vectorizer.vectors([unknown]).any()  # nothing to build from: zero row
