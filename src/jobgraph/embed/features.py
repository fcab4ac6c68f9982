"""Text features of skills, occupations and documents, built from cached pieces.

Encoding a whole resume with MiniLM costs about 1/18 s on two CPU cores, which
would cap ingest near 20 documents/s. A document's text vector is instead a
mix of vectors that are already cached or cheap:

* its skills: the weighted mean of their vectors (confidence, years of use,
  required vs preferred), each skill encoded once from its name and aliases;
* its occupations: the occupation(s) it was mapped to (most recent job first);
* its headline (a candidate's) or title (a posting's): a few words, cached by
  normalised text, so repeated titles cost nothing; by default only for a
  document with no known skill or occupation.

Each part is normalised, mixed with the weights of a :class:`Recipe`, and the
sum normalised again. ``docs/embeddings.md`` ("Text features") has the measured
quality against encoding the full text. Nothing here touches Neo4j.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from jobgraph.embed.cache import TextEncoder, VectorCache, encode_cached
from jobgraph.parse.records import PostingRecord, ResumeRecord

MAX_ALIASES = 6
MAX_ALT_TITLES = 6
MAX_DESCRIPTION_CHARS = 300
PREFERRED_SKILL_FACTOR = 0.5
PAST_JOB_DECAY = 0.5  # weight of a job's occupation relative to the next more recent one


@dataclass(frozen=True)
class Recipe:
    """Weights of the parts of a document vector (each part is unit length first)."""

    skills: float = 1.0
    occupations: float = 0.5
    # 0: the headline is used only by documents with no known skill or occupation.
    # Weighing it in measured no better on the synthetic corpus and costs an
    # encode per new headline at ingest (docs/embeddings.md, "Text features").
    headline: float = 0.0


DEFAULT_RECIPE = Recipe()


@dataclass(frozen=True)
class DocumentPieces:
    """What a candidate's or posting's text vector is built from.

    Attributes:
        id: Node id.
        skills: ``(skill id, weight)`` pairs.
        occupations: ``(occupation id, weight)`` pairs.
        headline: A candidate's headline or a posting's title (short text).
    """

    id: str
    skills: tuple[tuple[str, float], ...] = ()
    occupations: tuple[tuple[str, float], ...] = ()
    headline: str | None = None


def _join(head: str, extras: Iterable[str | None], limit: int) -> str:
    seen = {head.strip().lower()}
    kept: list[str] = []
    for extra in extras:
        text = (extra or "").strip()
        if text and text.lower() not in seen:
            seen.add(text.lower())
            kept.append(text)
        if len(kept) == limit:
            break
    return f"{head.strip()} ({', '.join(kept)})" if kept else head.strip()


def skill_text(name: str, aliases: Sequence[str] | None = None) -> str:
    """The text a skill is encoded from: its name and first few aliases."""
    return _join(name, aliases or (), MAX_ALIASES)


def occupation_text(
    title: str, alt_titles: Sequence[str] | None = None, description: str | None = None
) -> str:
    """The text an occupation is encoded from: title, alternative titles, description start."""
    text = _join(title, alt_titles or (), MAX_ALT_TITLES)
    if description and description.strip():
        text = f"{text}. {description.strip()[:MAX_DESCRIPTION_CHARS]}"
    return text


def candidate_skill_weight(confidence: float | None, years: float | None) -> float:
    """Weight of one of a candidate's skills: confidence, more with years of use."""
    return float(confidence if confidence is not None else 1.0) * (
        1.0 + math.log1p(max(0.0, float(years or 0.0))) / 2
    )


def posting_skill_weight(importance: str | None, confidence: float | None) -> float:
    """Weight of one of a posting's skills: preferred skills count half."""
    factor = PREFERRED_SKILL_FACTOR if importance == "preferred" else 1.0
    return float(confidence if confidence is not None else 1.0) * factor


def candidate_occupations(
    primary: str | None, job_occupations: Iterable[tuple[int, str]]
) -> tuple[tuple[str, float], ...]:
    """Occupation weights of a candidate: the primary one 1.0, jobs by recency.

    Args:
        primary: The candidate's ``occupation_id``.
        job_occupations: ``(order, occupation id)`` of its jobs, 0 = most recent.
    """
    weights: dict[str, float] = {}
    if primary:
        weights[primary] = 1.0
    for order, occupation_id in job_occupations:
        if occupation_id:
            weights[occupation_id] = weights.get(occupation_id, 0.0) + PAST_JOB_DECAY ** (
                1 + max(0, int(order))
            )
    return tuple(weights.items())


def resume_pieces(record: ResumeRecord) -> DocumentPieces:
    """Pieces of a parsed resume (the same values the graph stores for it)."""
    by_skill = {mention.skill_id: mention for mention in record.skills}  # last mention wins
    skills = tuple(
        (skill_id, candidate_skill_weight(m.confidence, m.years))
        for skill_id, m in by_skill.items()
    )
    mapped = sorted(
        (job for job in record.experience if job.occupation_id), key=lambda job: job.order
    )
    jobs = [(job.order, job.occupation_id or "") for job in mapped]
    # The graph keeps titles only of jobs mapped to an occupation (WORKED_AS).
    headline = record.headline or next((job.title for job in mapped if job.title), None)
    return DocumentPieces(
        record.id,
        skills,
        candidate_occupations(record.occupation_id, jobs),
        headline,
    )


def posting_pieces(record: PostingRecord) -> DocumentPieces:
    """Pieces of a parsed posting (the same values the graph stores for it)."""
    skills: dict[str, float] = {}
    for skill in record.required_skills + record.preferred_skills:  # required first
        skills.setdefault(skill.skill_id, posting_skill_weight(skill.importance, skill.confidence))
    occupations: tuple[tuple[str, float], ...] = ()
    if record.occupation_id:
        confidence = record.occupation_confidence
        occupations = ((record.occupation_id, confidence if confidence is not None else 1.0),)
    return DocumentPieces(record.id, tuple(skills.items()), occupations, record.title)


def _unit(vector: np.ndarray) -> np.ndarray | None:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 1e-12 else None


def _weighted_mean(
    pairs: Sequence[tuple[str, float]], vectors: Mapping[str, np.ndarray]
) -> np.ndarray | None:
    known = [(vectors[key], weight) for key, weight in pairs if key in vectors and weight > 0]
    if not known:
        return None
    total = sum((vector * weight for vector, weight in known), np.zeros_like(known[0][0]))
    return _unit(total)


@dataclass
class DocumentVectorizer:
    """Turns :class:`DocumentPieces` into unit text vectors.

    Args:
        encoder: Encodes headlines not in the cache yet.
        cache: Persistent vector cache (``None``: encode every distinct headline).
        skill_vectors: Skill id to unit vector.
        occupation_vectors: Occupation id to unit vector.
        recipe: Weights of the parts.
    """

    encoder: TextEncoder
    cache: VectorCache | None
    skill_vectors: Mapping[str, np.ndarray]
    occupation_vectors: Mapping[str, np.ndarray]
    recipe: Recipe = field(default_factory=Recipe)

    def vectors(self, documents: Sequence[DocumentPieces]) -> np.ndarray:
        """Return one unit vector per document, ``(len(documents), dimension)`` float32.

        Headlines are encoded only when the recipe weighs them, or for a
        document with neither a known skill nor a known occupation (its only
        signal). A document with no usable piece at all gets a zero row;
        callers skip those.
        """
        dimension = self.encoder.dimension
        out = np.zeros((len(documents), dimension), dtype=np.float32)
        recipe = self.recipe
        skill_parts = [_weighted_mean(doc.skills, self.skill_vectors) for doc in documents]
        occupation_parts = [
            _weighted_mean(doc.occupations, self.occupation_vectors) for doc in documents
        ]
        headlines = [(doc.headline or "").strip() for doc in documents]
        wanted = [
            row
            for row, text in enumerate(headlines)
            if text
            and (
                recipe.headline > 0 or (skill_parts[row] is None and occupation_parts[row] is None)
            )
        ]
        encoded = encode_cached(self.encoder, [headlines[row] for row in wanted], self.cache)
        headline_parts = dict(zip(wanted, encoded, strict=True))
        for row in range(len(documents)):
            headline = headline_parts.get(row)
            if skill_parts[row] is None and occupation_parts[row] is None:
                if headline is not None:
                    out[row] = headline  # already unit length
                continue
            mix = np.zeros(dimension, dtype=np.float64)
            for weight, part in (
                (recipe.skills, skill_parts[row]),
                (recipe.occupations, occupation_parts[row]),
                (recipe.headline, headline),
            ):
                if part is not None and weight > 0:
                    mix += weight * part
            unit = _unit(mix)
            if unit is not None:
                out[row] = unit
        return out
