"""Profiles of parsed files that are matched without being stored.

Their text vector is mixed from cached pieces exactly as ingest would (see
:mod:`jobgraph.embed.features`), and their GNN vector is computed inductively
from that vector and the taxonomy nodes the record links to, so a file scores
as it would once ingested.
"""

from __future__ import annotations

from jobgraph.embed.features import DocumentVectorizer, posting_pieces, resume_pieces
from jobgraph.embed.inductive import InductiveEmbedder
from jobgraph.match.model import (
    CandidateProfile,
    PostingProfile,
    candidate_from_record,
    posting_from_record,
)
from jobgraph.parse.records import PostingRecord, ResumeRecord


def candidate_profile(
    record: ResumeRecord,
    *,
    vectorizer: DocumentVectorizer | None = None,
    embedder: InductiveEmbedder | None = None,
) -> CandidateProfile:
    """A scorer profile of a parsed resume, with the vectors it would get at ingest."""
    text = gnn = None
    if vectorizer is not None:
        text = vectorizer.vectors([resume_pieces(record)])[0]
        if embedder is not None and abs(text).sum() > 0:
            neighbours = {
                "has_skill": [m.skill_id for m in record.skills],
                "worked_as": sorted({j.occupation_id for j in record.experience
                                     if j.occupation_id}),
            }
            gnn = embedder.embed("candidate", text, neighbours)
    return candidate_from_record(record, text_vector=text, gnn_vector=gnn)


def posting_profile(
    record: PostingRecord,
    *,
    vectorizer: DocumentVectorizer | None = None,
    embedder: InductiveEmbedder | None = None,
) -> PostingProfile:
    """A scorer profile of a parsed posting, with the vectors it would get at ingest."""
    text = gnn = None
    if vectorizer is not None:
        text = vectorizer.vectors([posting_pieces(record)])[0]
        if embedder is not None and abs(text).sum() > 0:
            neighbours = {
                "requires": [s.skill_id for s in record.skills],
                "for_occupation": [record.occupation_id] if record.occupation_id else [],
            }
            gnn = embedder.embed("posting", text, neighbours)
    return posting_from_record(record, text_vector=text, gnn_vector=gnn)
