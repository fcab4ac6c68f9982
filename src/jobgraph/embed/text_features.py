"""Fill ``text_embedding`` on skills, occupations, candidates and postings.

Skills and occupations are encoded from their labels (through the persistent
cache, so a re-run encodes nothing); candidates and postings get vectors mixed
from those and a cached headline vector (:mod:`jobgraph.embed.features`). This
is what the GNN reads as input features, and what ingest writes per batch.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import numpy as np
from neo4j import Driver
from tqdm import tqdm

from jobgraph.embed.cache import TextEncoder, VectorCache, encode_cached
from jobgraph.embed.features import (
    DEFAULT_RECIPE,
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
from jobgraph.graph.feature_sources import (
    DocumentLabel,
    document_piece_pages,
    occupation_sources,
    skill_sources,
)
from jobgraph.graph.vector_store import (
    TEXT_PROPERTY,
    ensure_vector_index,
    read_vectors,
    read_vectors_by_id,
    write_vectors,
)
from jobgraph.parse.records import PostingRecord, ResumeRecord

TEXT_LABELS: tuple[str, ...] = ("Skill", "Occupation", "Candidate", "Posting")
ENCODE_CHUNK = 1024  # texts per encode call, so the progress bar moves


def candidate_pieces_from_row(row: dict[str, Any]) -> DocumentPieces:
    """Pieces of a candidate from a ``text_candidate_pieces`` row."""
    skills = tuple(
        (skill["id"], candidate_skill_weight(skill.get("confidence"), skill.get("years")))
        for skill in row.get("skills") or []
    )
    jobs = sorted(
        ((job.get("order") or 0, job["id"], job.get("title")) for job in row.get("jobs") or []),
        key=lambda job: job[:2],
    )
    headline = row.get("headline") or next((title for _, _, title in jobs if title), None)
    occupations = candidate_occupations(row.get("occupation_id"), [(o, i) for o, i, _ in jobs])
    return DocumentPieces(row["id"], skills, occupations, headline)


def posting_pieces_from_row(row: dict[str, Any]) -> DocumentPieces:
    """Pieces of a posting from a ``text_posting_pieces`` row."""
    skills = tuple(
        (skill["id"], posting_skill_weight(skill.get("importance"), skill.get("confidence")))
        for skill in row.get("skills") or []
    )
    occupations = tuple(
        (occupation["id"], occupation["confidence"] if occupation.get("confidence") else 1.0)
        for occupation in row.get("occupations") or []
    )
    return DocumentPieces(row["id"], skills, occupations, row.get("title"))


def _encode_labels(
    driver: Driver,
    label: str,
    ids: list[str],
    texts: list[str],
    *,
    database: str,
    encoder: TextEncoder,
    cache: VectorCache | None,
    progress: bool,
) -> int:
    written = 0
    with tqdm(total=len(texts), desc=f"encode {label}", unit="text", disable=not progress) as bar:
        for start in range(0, len(texts), ENCODE_CHUNK):
            chunk = texts[start : start + ENCODE_CHUNK]
            vectors = encode_cached(encoder, chunk, cache)
            written += write_vectors(
                driver,
                label,
                TEXT_PROPERTY,
                ids[start : start + ENCODE_CHUNK],
                vectors,
                database=database,
            )
            bar.update(len(chunk))
    return written


def embed_taxonomy_texts(
    driver: Driver,
    *,
    database: str = "neo4j",
    encoder: TextEncoder,
    cache: VectorCache | None,
    only_missing: bool = True,
    progress: bool = True,
    skill_ids: Sequence[str] | None = None,
    occupation_ids: Sequence[str] | None = None,
) -> dict[str, int]:
    """Encode skills (name + aliases) and occupations (titles + description).

    ``skill_ids`` / ``occupation_ids``, when given, restrict the work to those.
    """
    skills = skill_sources(driver, database=database, only_missing=only_missing, ids=skill_ids)
    occupations = occupation_sources(
        driver, database=database, only_missing=only_missing, ids=occupation_ids
    )
    return {
        "Skill": _encode_labels(
            driver,
            "Skill",
            [row["id"] for row in skills],
            [skill_text(row["name"] or row["id"], row.get("aliases")) for row in skills],
            database=database,
            encoder=encoder,
            cache=cache,
            progress=progress,
        ),
        "Occupation": _encode_labels(
            driver,
            "Occupation",
            [row["id"] for row in occupations],
            [
                occupation_text(
                    row["title"] or row["id"], row.get("alt_titles"), row.get("description")
                )
                for row in occupations
            ],
            database=database,
            encoder=encoder,
            cache=cache,
            progress=progress,
        ),
    }


def build_vectorizer(
    driver: Driver,
    *,
    database: str = "neo4j",
    encoder: TextEncoder,
    cache: VectorCache | None,
    recipe: Recipe = DEFAULT_RECIPE,
    progress: bool = False,
) -> DocumentVectorizer:
    """Make sure skills and occupations have text vectors, then load them for documents."""
    embed_taxonomy_texts(driver, database=database, encoder=encoder, cache=cache, progress=progress)
    skill_ids, skill_matrix = read_vectors(driver, "Skill", TEXT_PROPERTY, database=database)
    occupation_ids, occupation_matrix = read_vectors(
        driver, "Occupation", TEXT_PROPERTY, database=database
    )
    return DocumentVectorizer(
        encoder,
        cache,
        dict(zip(skill_ids, skill_matrix, strict=True)),
        dict(zip(occupation_ids, occupation_matrix, strict=True)),
        recipe,
    )


def write_document_vectors(
    driver: Driver,
    label: DocumentLabel,
    documents: Sequence[DocumentPieces],
    vectorizer: DocumentVectorizer,
    *,
    database: str = "neo4j",
) -> int:
    """Compute and store the text vectors of ``documents``; returns nodes written.

    A document with nothing to build a vector from (no known skill, occupation
    or headline) is left without one.
    """
    if not documents:
        return 0
    vectors = vectorizer.vectors(documents)
    usable = np.flatnonzero(np.abs(vectors).sum(axis=1) > 0)
    return write_vectors(
        driver,
        label,
        TEXT_PROPERTY,
        [documents[int(i)].id for i in usable],
        vectors[usable],
        database=database,
    )


def embed_text_features(
    driver: Driver,
    *,
    database: str = "neo4j",
    encoder: TextEncoder,
    cache: VectorCache | None,
    labels: Sequence[str] = TEXT_LABELS,
    only_missing: bool = True,
    progress: bool = True,
) -> dict[str, int]:
    """Write ``text_embedding`` on every node of ``labels`` (missing ones by default).

    Skills and occupations come first (documents are built from them); the four
    cosine vector indexes are created if needed.

    Args:
        driver: Open driver.
        database: Target database.
        encoder: The MiniLM encoder.
        cache: Persistent vector cache (``None``: encode without one).
        labels: Which of Skill, Occupation, Candidate, Posting to fill.
        only_missing: Skip nodes that already have a text vector.
        progress: Show progress bars.

    Returns:
        Nodes written per label.
    """
    counts = {label: 0 for label in labels}
    if "Skill" in labels or "Occupation" in labels:
        taxonomy = embed_taxonomy_texts(
            driver,
            database=database,
            encoder=encoder,
            cache=cache,
            only_missing=only_missing,
            progress=progress,
        )
        counts.update({label: taxonomy[label] for label in taxonomy if label in labels})
    documents: list[DocumentLabel] = [
        label for label in ("Candidate", "Posting") if label in labels
    ]
    vectorizer = (
        build_vectorizer(driver, database=database, encoder=encoder, cache=cache)
        if documents
        else None
    )
    builders = {"Candidate": candidate_pieces_from_row, "Posting": posting_pieces_from_row}
    for label in documents:
        assert vectorizer is not None  # built above whenever documents is not empty
        with tqdm(desc=f"vectors {label}", unit="doc", disable=not progress) as bar:
            for page in document_piece_pages(
                driver,
                label,
                database=database,
                only_missing=only_missing,
            ):
                pieces = [builders[label](row) for row in page]
                counts[label] += write_document_vectors(
                    driver,
                    label,
                    pieces,
                    vectorizer,
                    database=database,
                )
                bar.update(len(page))
    # Indexes last: building one over stored vectors is far faster than updating
    # it on every write.
    for indexed in TEXT_LABELS:
        ensure_vector_index(driver, indexed, TEXT_PROPERTY, encoder.dimension, database=database)
    return counts


class IngestVectorHook:
    """``after_write`` callback of the ingest pipeline: text vectors per written batch.

    The vectors of the skills and occupations a batch refers to are loaded on
    first need (encoded and stored first when the graph has none yet, through
    the cache) and kept in memory; each batch's document vectors are built from
    the parsed records.

    Args:
        driver: Open driver.
        database: Target database.
        encoder: The MiniLM encoder (labels and headlines not cached yet).
        cache: Persistent vector cache.
        recipe: Weights of the document vector's parts.
    """

    def __init__(
        self,
        driver: Driver,
        *,
        database: str = "neo4j",
        encoder: TextEncoder,
        cache: VectorCache | None,
        recipe: Recipe = DEFAULT_RECIPE,
    ) -> None:
        self.driver = driver
        self.database = database
        self.encoder = encoder
        self.cache = cache
        self.written = 0
        self.seconds = 0.0
        #: Seconds spent on skill/occupation vectors, mixing vectors, writing them.
        self.timings = {"setup": 0.0, "vectors": 0.0, "write": 0.0}
        self._skills: dict[str, np.ndarray] = {}
        self._occupations: dict[str, np.ndarray] = {}
        self._looked_up: set[tuple[str, str]] = set()
        self._indexed = False
        self._vectorizer = DocumentVectorizer(
            encoder, cache, self._skills, self._occupations, recipe
        )

    def _load_taxonomy_vectors(self, documents: Sequence[DocumentPieces]) -> None:
        wanted = {
            "Skill": {i for doc in documents for i, _ in doc.skills},
            "Occupation": {i for doc in documents for i, _ in doc.occupations},
        }
        new = {
            label: sorted(i for i in ids if (label, i) not in self._looked_up)
            for label, ids in wanted.items()
        }
        if not new["Skill"] and not new["Occupation"]:
            return
        embed_taxonomy_texts(
            self.driver,
            database=self.database,
            encoder=self.encoder,
            cache=self.cache,
            progress=False,
            skill_ids=new["Skill"],
            occupation_ids=new["Occupation"],
        )
        for label, store in (("Skill", self._skills), ("Occupation", self._occupations)):
            store.update(
                read_vectors_by_id(
                    self.driver, label, TEXT_PROPERTY, new[label], database=self.database
                )
            )
            self._looked_up.update((label, i) for i in new[label])

    def __call__(self, records: Sequence[ResumeRecord | PostingRecord]) -> None:
        """Compute and write the text vectors of one written batch of records."""
        started = time.perf_counter()
        resumes = [resume_pieces(r) for r in records if isinstance(r, ResumeRecord)]
        postings = [posting_pieces(r) for r in records if isinstance(r, PostingRecord)]
        if not self._indexed:
            for label in TEXT_LABELS:
                ensure_vector_index(
                    self.driver,
                    label,
                    TEXT_PROPERTY,
                    self.encoder.dimension,
                    database=self.database,
                )
            self._indexed = True
        self._load_taxonomy_vectors(resumes + postings)
        self.timings["setup"] += time.perf_counter() - started
        batches: list[tuple[DocumentLabel, list[DocumentPieces]]] = [
            ("Candidate", resumes),
            ("Posting", postings),
        ]
        for label, pieces in batches:
            if not pieces:
                continue
            begun = time.perf_counter()
            vectors = self._vectorizer.vectors(pieces)
            usable = np.flatnonzero(np.abs(vectors).sum(axis=1) > 0)
            computed = time.perf_counter()
            self.written += write_vectors(
                self.driver,
                label,
                TEXT_PROPERTY,
                [pieces[int(i)].id for i in usable],
                vectors[usable],
                database=self.database,
            )
            self.timings["vectors"] += computed - begun
            self.timings["write"] += time.perf_counter() - computed
        self.seconds += time.perf_counter() - started
