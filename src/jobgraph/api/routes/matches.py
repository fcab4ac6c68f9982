"""``/v1/candidates/{id}/matches``, ``/v1/postings/{id}/matches``, ``/v1/matches/{c}/{p}``, advice.

Pages are addressed by an opaque cursor: the offset of the next page and the
id it belongs to, base64url-encoded, so a client never builds one itself and a
cursor from another list is refused.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from flask import Blueprint, Response, jsonify

from jobgraph.api.problems import ApiProblem, FieldError
from jobgraph.api.routes.common import can_see_pii, query, services

blueprint = Blueprint("matches", __name__, url_prefix="/v1")
_CURSOR_VERSION = "c1"


def encode_cursor(list_id: str, offset: int) -> str:
    """The cursor of the page starting at ``offset`` of ``list_id``'s matches."""
    raw = f"{_CURSOR_VERSION}:{offset}:{list_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, list_id: str) -> int:
    """The offset a cursor stands for (0 without one).

    Raises:
        ApiProblem: 422 when the cursor is malformed or belongs to another list.
    """
    if cursor is None:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        version, offset_text, owner = raw.split(":", 2)
        offset = int(offset_text)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        offset, version, owner = -1, "", ""
    if version != _CURSOR_VERSION or owner != list_id or not 0 <= offset <= 1_000_000:
        raise ApiProblem(
            422, "invalid-cursor", "this cursor does not belong to this list; start without one",
            errors=[FieldError("query", "/cursor", "not a cursor of this list")],
        )
    return offset


def _matcher() -> Any:
    matcher = services().match
    if matcher is None:  # pragma: no cover - jobgraph.match ships with jobgraph
        raise ApiProblem(503, "matching-unavailable", "matching is not installed on this server")
    return matcher


def _page(direction: str, document_id: str) -> Response:
    args = query()
    matcher = _matcher()
    offset = decode_cursor(args["cursor"], f"{direction}:{document_id}")
    method = matcher.match_candidate if direction == "candidate" else matcher.match_posting
    page = method(
        document_id,
        limit=args["limit"],
        offset=offset,
        min_score=args["min_score"],
        location=args["location"],
        remote=args["remote"],
    )
    following = page.next_offset
    cursor = (encode_cursor(f"{direction}:{document_id}", following)
              if following is not None else None)
    return jsonify({"matches": page.to_dict(), "next_cursor": cursor})


@blueprint.get("/candidates/<candidate_id>/matches")
def candidate_matches(candidate_id: str) -> Response:
    """Postings for a candidate, ranked and explained, one page at a time."""
    return _page("candidate", candidate_id)


@blueprint.get("/postings/<posting_id>/matches")
def posting_matches(posting_id: str) -> Response:
    """Candidates for a posting, ranked and explained, one page at a time."""
    return _page("posting", posting_id)


@blueprint.get("/matches/<candidate_id>/<posting_id>")
def explain_match(candidate_id: str, posting_id: str) -> Response:
    """The full explanation of one candidate-posting pair (snippets only with ``pii``)."""
    document = _matcher().explain(candidate_id, posting_id)
    if not can_see_pii():  # a snippet is resume text around the mention: it may name a person
        for requirement in document["requirements"]:
            if requirement["evidence"] is not None:
                requirement["evidence"]["snippet"] = None
    return jsonify(document)


@blueprint.get("/candidates/<candidate_id>/advice")
def candidate_advice(candidate_id: str) -> Response:
    """Skills that would lift the most postings for a candidate."""
    return jsonify(_matcher().candidate_advice(candidate_id))


@blueprint.get("/postings/<posting_id>/advice")
def posting_advice(posting_id: str) -> Response:
    """Requirements whose relaxation would lift the most candidates for a posting."""
    return jsonify(_matcher().posting_advice(posting_id))
