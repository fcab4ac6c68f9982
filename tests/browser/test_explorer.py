"""The web explorer in a real headless Chromium, against the app on 127.0.0.1 and the real Neo4j.

Chromium is Debian's ``chromium`` package at ``/usr/bin/chromium`` (``.ci/run``
installs it); Playwright drives that executable and never downloads a browser.
Screenshots land in ``build/test-artifacts/explorer/``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask
from neo4j import Driver
from werkzeug.serving import make_server

from jobgraph.api import create_app
from jobgraph.api.services import EXTENSION
from jobgraph.graph.record_writer import write_postings, write_resumes
from jobgraph.graph.schema import delete_all
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.parse import parse_posting_text, parse_resume_text
from jobgraph.taxonomy.builtin import builtin_taxonomy
from tests.conftest import REPO_ROOT, make_test_settings

pytestmark = pytest.mark.neo4j

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = REPO_ROOT / "build" / "test-artifacts" / "explorer"
TIMEOUT_MS = 30_000

RESUME = """Alex Example
alex@example.com | Berlin, Germany
Backend Developer, Berlin, Germany

EXPERIENCE
Backend Developer | Northwind | Mar 2019 - Present
- Built Kotlin services on PostgreSQL and Docker

SKILLS
Kotlin, PostgreSQL, Docker, Git, REST APIs, Ktor

EDUCATION
BSc Computer Science, TU Berlin, 2018
"""
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
    "ward-nurse": """Registered Nurse
City Hospital - Hamburg, Germany

Requirements:
- Patient care and wound care
- Medication administration
""",
}
UPLOADED_RESUME = """Jordan Example
Software Engineer, Munich, Germany

EXPERIENCE
Software Engineer | Blue Harbor | Jan 2016 - Present
- Python and Django services, SQL reporting, Kubernetes deployments

SKILLS
Python, Django, SQL, Kubernetes
"""


def _require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: the browser test needs Debian's Chromium. Install it with "
            "`sudo apt-get install -y --no-install-recommends chromium` (CI's .ci/run does this "
            "before `make test`)",
            pytrace=False,
        )


@pytest.fixture(scope="module")
def seeded(session_driver: Driver) -> Driver:
    """The built-in taxonomy, one resume and two postings, through the product's writers."""
    delete_all(session_driver)
    write_taxonomy(session_driver, builtin_taxonomy())
    write_resumes(session_driver, [replace(parse_resume_text(RESUME), id="kotlin-dev")],
                  with_pii=True)
    write_postings(session_driver, [replace(parse_posting_text(text), id=key)
                                    for key, text in POSTINGS.items()])
    return session_driver


@pytest.fixture(scope="module")
def served(seeded: Driver, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, str]]:
    """The real app on 127.0.0.1 on a free port, in a thread."""
    settings = make_test_settings(tmp_path_factory.mktemp("explorer"))
    app = create_app(settings, driver=seeded,
                     config={"RATELIMIT_ENABLED": False, "API_VECTORS": False})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def test_explorer_in_chromium(served: tuple[Flask, str], tmp_path: Path) -> None:
    _require_chromium()
    from playwright.sync_api import expect, sync_playwright

    # The first match page builds the match service; the shared CI cores can be slow.
    expect.set_options(timeout=TIMEOUT_MS)
    app, base = served
    keys = app.extensions[EXTENSION].keys
    _, full_key = keys.create("explorer test", ["read", "write", "pii"])
    _, read_key = keys.create("explorer test, no pii", ["read"])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    foreign: list[str] = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("request", lambda r: None if r.url.startswith(base) else foreign.append(r.url))

            # A first-time visitor: the key form, the three ways in.
            page.goto(base + "/")
            expect(page.get_by_role("heading", level=1)).to_contain_text("Find a candidate")
            expect(page.get_by_label("API key", exact=True)).to_be_visible()
            page.screenshot(path=ARTIFACTS / "1-first-visit.png", full_page=True)
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent") == "Skip to content"
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline == "solid", "keyboard focus must be visible"

            # The key, entered once, typed and submitted from the keyboard.
            page.get_by_label("API key", exact=True).fill(full_key)
            page.get_by_label("API key", exact=True).press("Enter")
            expect(page.get_by_role("button", name="Forget key")).to_be_visible()

            # Open a candidate by id: ranked postings with breakdown bars and probability.
            page.get_by_label("Id", exact=True).fill("kotlin-dev")
            page.get_by_role("button", name="Show matches").click()
            page.wait_for_url("**/explore/candidate/kotlin-dev")
            matches = page.locator("#matches > li.match")
            expect(matches.first).to_be_visible()
            expect(matches.first.locator(".bar-row").first).to_be_visible()
            expect(matches.first).to_contain_text("calibrated")
            expect(page.locator("#about")).to_contain_text("alex@example.com")  # pii scope
            expect(page.locator("#about")).to_contain_text("Ktor")  # listed, no taxonomy names it
            expect(page.locator("#advice")).not_to_be_empty()
            page.screenshot(path=ARTIFACTS / "2-candidate-matches.png", full_page=True)

            # Open the Java posting's explanation, from the keyboard.
            link = page.locator('a.explain[href$="/kotlin-dev/java-backend"]')
            link.focus()
            page.keyboard.press("Enter")
            page.wait_for_url("**/explore/match/kotlin-dev/java-backend")
            requirements = page.locator("#requirements > li")
            expect(requirements.first).to_be_visible()
            java = requirements.filter(has=page.locator("h3", has_text="Java"))
            expect(java).to_contain_text("Matched through a path")  # a text label, not colour
            graph = java.locator("svg.graph")
            expect(graph).to_be_visible()
            labels = graph.locator(".node text").all_text_contents()
            assert "Kotlin" in labels and "Java" in labels, labels
            assert labels[0] != "Kotlin" and labels[-1] != "Java", "candidate and posting ends"
            assert "Kotlin" in (graph.get_attribute("aria-label") or "")
            matched = requirements.filter(has_text="✓ Matched")
            expect(matched.first.locator("mark")).to_be_visible()
            expect(page.locator("#requirements")).to_contain_text("Missing")
            expect(page.locator("#pair-advice li").first).to_contain_text("→ +")
            expect(page.locator("#breakdown .bar-row").first).to_be_visible()
            page.screenshot(path=ARTIFACTS / "3-match-explained.png", full_page=True)

            # Readable at 200% zoom: half the CSS width, nothing scrolls sideways.
            page.set_viewport_size({"width": 640, "height": 900})
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"page scrolls sideways by {overflow}px at 200% zoom"
            page.screenshot(path=ARTIFACTS / "4-match-at-200-percent.png", full_page=True)
            page.set_viewport_size({"width": 1280, "height": 900})

            # A role found by title opens its career view; then multi-step paths to a target.
            page.get_by_role("link", name="Search", exact=True).click()
            page.get_by_label("Job title").fill("software developer")
            page.get_by_role("button", name="Search roles").click()
            role = page.locator("#role-results a").first
            expect(role).to_contain_text("Software Developer")
            role.click()
            page.wait_for_url("**/explore/careers?occupation=*")
            expect(page.locator("#next-roles svg.graph")).to_be_visible()
            page.get_by_label("Target role for multi-step paths (optional)").fill("data engineer")
            page.get_by_role("button", name="Show career paths").click()
            expect(page.locator("#next-roles svg.graph")).to_be_visible()
            first_path = page.locator("#career-paths .career-path").first
            expect(first_path.locator("svg.graph")).to_be_visible()
            expect(first_path).to_contain_text("Path 1")
            assert first_path.locator(".node").count() >= 2
            page.screenshot(path=ARTIFACTS / "5-career-paths.png", full_page=True)

            # Upload a resume file from the search page; it opens as a candidate.
            resume_file = tmp_path / "jordan.txt"
            resume_file.write_text(UPLOADED_RESUME, encoding="utf-8")
            page.goto(base + "/")
            page.get_by_label("File (PDF, DOCX, TXT, Markdown, HTML, JSON)").set_input_files(
                resume_file)
            page.get_by_role("button", name="Upload and match").click()
            opened = page.locator("#upload-result a")
            expect(opened).to_contain_text("Open candidate")
            page.screenshot(path=ARTIFACTS / "6-uploaded.png", full_page=True)

            # A key without the pii scope: no contact details on the same candidate.
            page.get_by_role("button", name="Forget key").click()
            page.get_by_label("API key", exact=True).fill(read_key)
            page.get_by_label("API key", exact=True).press("Enter")
            page.goto(base + "/explore/candidate/kotlin-dev")
            expect(page.locator("#about")).to_contain_text("needs a key with the pii scope")
            expect(page.locator("#about")).not_to_contain_text("alex@example.com")
        finally:
            browser.close()

    assert not problems, f"browser console errors: {problems}"
    assert not foreign, f"requests left 127.0.0.1: {foreign}"
