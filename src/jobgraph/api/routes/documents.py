"""``/v1/resumes``, ``/v1/postings`` and ``/v1/candidates/{id}``, ``/v1/postings/{id}``."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, g, jsonify

from jobgraph.api.ingestion import Kind, ingest_record, parse_body, parse_upload
from jobgraph.api.routes.common import can_see_pii, services
from jobgraph.api.uploads import sniff
from jobgraph.errors import NotFoundError
from jobgraph.graph.documents_read import delete_document, read_candidate, read_posting

blueprint = Blueprint("documents", __name__, url_prefix="/v1")


def _post(kind: Kind) -> tuple[Response, int]:
    upload = g.get("upload")
    if upload is not None:
        data = upload.read()
        record = parse_upload(kind, sniff(data, upload.filename, upload.mimetype))
    else:
        record = parse_body(kind, g.body)
    outcome = ingest_record(services(), kind, record)
    return jsonify(outcome.to_dict()), 201 if outcome.created else 200


@blueprint.post("/resumes")
def post_resume() -> tuple[Response, int]:
    """Parse and ingest a resume."""
    return _post("resume")


@blueprint.post("/postings")
def post_posting() -> tuple[Response, int]:
    """Parse and ingest a job posting."""
    return _post("posting")


def _missing(kind: str, document_id: str) -> NotFoundError:
    return NotFoundError(f"{kind} {document_id!r}: not in the graph; check the id")


def candidate_view(row: dict[str, Any], *, pii: bool) -> dict[str, Any]:
    """The API's candidate (``schemas/api/candidate.schema.json``) from the graph's row."""
    candidate = dict(row["candidate"])
    candidate["certifications"] = list(candidate.get("certifications") or [])
    candidate["languages"] = list(candidate.get("languages") or [])
    candidate["uncatalogued_skills"] = list(candidate.get("uncatalogued_skills") or [])
    skills = []
    for skill in row["skills"]:
        skill = dict(skill)
        if not pii or skill.get("snippet") is None:
            skill.pop("snippet", None)
        skills.append(skill)
    occupations = {job["order"]: job["occupation_id"] for job in row["resolved_jobs"]}
    jobs = [{**job, "occupation_id": occupations.get(job["order"])} for job in row["jobs"]]
    known = {job["order"] for job in jobs}
    jobs += [
        {"order": job["order"], "title": job["title"], "occupation_id": job["occupation_id"]}
        for job in row["resolved_jobs"]
        if job["order"] not in known
    ]
    candidate["skills"] = skills
    candidate["jobs"] = sorted(jobs, key=lambda job: job["order"])
    if pii and row["contacts"]:
        contact = dict(row["contacts"][0])
        contact["links"] = list(contact.get("links") or [])
        candidate["contact"] = contact
    return candidate


@blueprint.get("/candidates/<candidate_id>")
def get_candidate(candidate_id: str) -> Response:
    """One candidate (contact details and snippets only with the pii scope)."""
    built = services()
    row = read_candidate(built.driver, candidate_id, built.database)
    if row is None:
        raise _missing("candidate", candidate_id)
    return jsonify(candidate_view(row, pii=can_see_pii()))


@blueprint.get("/postings/<posting_id>")
def get_posting(posting_id: str) -> Response:
    """One posting with its required skills."""
    built = services()
    row = read_posting(built.driver, posting_id, built.database)
    if row is None:
        raise _missing("posting", posting_id)
    return jsonify({**row["posting"], "skills": row["skills"]})


@blueprint.delete("/candidates/<candidate_id>")
def delete_candidate(candidate_id: str) -> tuple[str, int]:
    """Remove a candidate with its relationships, contact data and vectors."""
    built = services()
    if not delete_document(built.driver, "candidate", candidate_id, built.database):
        raise _missing("candidate", candidate_id)
    return "", 204


@blueprint.delete("/postings/<posting_id>")
def delete_posting(posting_id: str) -> tuple[str, int]:
    """Remove a posting with its relationships and vectors."""
    built = services()
    if not delete_document(built.driver, "posting", posting_id, built.database):
        raise _missing("posting", posting_id)
    return "", 204
