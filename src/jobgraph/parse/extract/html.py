"""Visible text of an HTML page (job postings), and its JSON-LD blocks.

Scripts, styles, navigation, forms and other chrome are dropped; block elements
become lines, list items become "• " lines, and whitespace inside a block is
collapsed as a browser would. ``<script type="application/ld+json">`` blocks
are parsed and returned separately (schema.org ``JobPosting`` lives there).
"""

from __future__ import annotations

import json
import re
from typing import Any

from jobgraph.errors import ParseError
from jobgraph.parse.extract.limits import MAX_HTML_TAGS, MAX_JSON_DEPTH, json_depth

DROP = frozenset(
    {"script", "style", "noscript", "nav", "footer", "form", "button", "svg", "iframe",
     "template", "select", "option", "aside", "head", "canvas", "object", "embed"}
)  # fmt: skip
BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1",
     "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "pre", "address",
     "figure", "figcaption", "hr", "body", "details", "summary"}
)  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_LD_JSON = re.compile(r"ld\+json", re.I)


def html_text(data: str, name: str) -> tuple[str, list[dict[str, Any]], str | None]:
    """Extract visible text, JSON-LD objects and the page title from HTML.

    Args:
        data: The HTML source.
        name: File name, for messages.

    Returns:
        ``(text, json_ld_objects, title)``; the title is the first ``<h1>`` or
        the ``<title>`` element.

    Raises:
        ParseError: The markup cannot be parsed at all, or has more than
            ``MAX_HTML_TAGS`` tags.
    """
    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import PreformattedString

    tags = data.count("<")
    if tags > MAX_HTML_TAGS:
        raise ParseError(
            f"{name}: about {tags:,} HTML tags, over the limit of {MAX_HTML_TAGS:,} for "
            "one page; save only the posting's part of the page"
        )
    try:
        soup = BeautifulSoup(data, "lxml")
    except Exception:
        soup = BeautifulSoup(data, "html.parser")
    # One search of the tree for all three: each search is a Python walk of every tag.
    found = soup.find_all(["script", "h1", "title"])
    json_ld: list[dict[str, Any]] = []
    for script in found:
        if script.name == "script" and _LD_JSON.search(str(script.get("type") or "")):
            json_ld.extend(json_objects(script.get_text()))
    heading = next((tag for tag in found if tag.name == "h1"), None)
    title_tag = next((tag for tag in found if tag.name == "title"), None)
    title = None
    if isinstance(heading, Tag) and heading.get_text(strip=True):
        title = _SPACES.sub(" ", heading.get_text(" ", strip=True))
    elif isinstance(title_tag, Tag) and title_tag.get_text(strip=True):
        title = _SPACES.sub(" ", title_tag.get_text(" ", strip=True))

    pieces: list[str] = []
    # An explicit stack instead of recursion: pages can nest thousands deep.
    stack: list[Any] = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            pieces.append(node)  # a marker pushed below
            continue
        if isinstance(node, PreformattedString):  # comments, doctype, CDATA, declarations
            continue
        if isinstance(node, NavigableString):
            pieces.append(_SPACES.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        tag = (node.name or "").lower()
        if tag in DROP:
            continue
        if tag == "br":
            pieces.append("\n")
            continue
        block = tag in BLOCK
        if block:
            stack.append("\n")
        stack.extend(reversed(list(node.children)))
        if block:
            pieces.append("\n• " if tag == "li" else "\n")
        elif tag in ("td", "th"):
            pieces.append(" | ")  # table cells of one row stay on one line, apart
    try:
        text = "".join(pieces)
    except TypeError as error:
        raise ParseError(f"{name}: the HTML could not be read ({error})") from error
    lines = [line.strip().strip("|").strip() for line in text.split("\n")]
    return "\n".join(lines), json_ld, title


def json_objects(source: str) -> list[dict[str, Any]]:
    """Return the JSON objects in a JSON-LD block (``@graph`` members included).

    Invalid JSON, or JSON nested deeper than ``MAX_JSON_DEPTH``, gives no objects.
    """
    try:
        parsed = json.loads(source.strip().rstrip(";"))
    except (ValueError, RecursionError):
        return []
    if json_depth(parsed) > MAX_JSON_DEPTH:
        return []
    found: list[dict[str, Any]] = []
    pending = [parsed]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending.extend(graph)
    return found
