"""The web explorer: pages at ``/`` that call the same ``/v1`` API as any client.

The pages are server-rendered shells (Jinja templates); the data comes from the
browser, with the API key the user enters once (kept in ``sessionStorage``), so
the explorer sees exactly what that key's scopes allow. Everything it loads is
served from this blueprint: no CDN, no build step (see ``docs/explorer.md``).
"""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request

blueprint = Blueprint(
    "explorer",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/explorer/static",
)

# Only this origin: a page that tried to load a CDN script or style would break
# visibly in the browser test instead of silently needing the network.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


@blueprint.after_request
def _page_headers(response: Response) -> Response:
    if request.blueprint == "explorer":
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


def _page(name: str, title: str, **values: str) -> str:
    return render_template(f"explorer/{name}.html", page=name, title=title, **values)


@blueprint.get("/")
def home() -> str:
    """Key entry and search: a document by id, a role by title, or an upload."""
    return _page("home", "Search")


@blueprint.get("/explore/candidate/<candidate_id>")
def candidate(candidate_id: str) -> str:
    """One candidate: their ranked postings and the skills that would lift them."""
    return _page("document", "Candidate", kind="candidate", document_id=candidate_id)


@blueprint.get("/explore/posting/<posting_id>")
def posting(posting_id: str) -> str:
    """One posting: its ranked candidates and the requirements that hold them back."""
    return _page("document", "Posting", kind="posting", document_id=posting_id)


@blueprint.get("/explore/match/<candidate_id>/<posting_id>")
def match(candidate_id: str, posting_id: str) -> str:
    """One pair explained: requirements, evidence, skill paths, advice."""
    return _page("match", "Match", candidate_id=candidate_id, posting_id=posting_id)


@blueprint.get("/explore/careers")
def careers() -> str:
    """Next roles and multi-step paths from an occupation or a candidate."""
    return _page("careers", "Career paths")
