"""Bounds on one document, so its time and memory stay bounded whatever its bytes are.

Each bound is stated in docs/parsing.md ("Limits") and checked before the costly
step it protects: the size before reading, a ZIP member's declared size before
inflating it, the nesting depth before walking a JSON value, the tag count
before building an HTML tree.
"""

from __future__ import annotations

from typing import Any

MAX_BYTES = 20 * 1024 * 1024  # any file or upload
MAX_TEXT_CHARS = 1_000_000  # extracted text kept; the parsers read only the start anyway
MAX_JSON_BYTES = 2 * 1024 * 1024  # JSON Resume / JobPosting files are kilobytes
MAX_JSON_DEPTH = 64  # real documents nest about 5 deep
MAX_HTML_TAGS = 100_000  # an element costs a few kB in the parsed tree
MAX_PDF_PAGES = 40  # later pages are not read
MAX_PDF_STREAM_BYTES = 16 * 1024 * 1024  # one inflated PDF stream (pypdf's default is 75 MB)
MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024  # all members of a .docx, as declared
MAX_DOCX_MEMBERS = 2_000
# A member that inflates more than this many times over is a decompression bomb;
# Word's XML compresses about 5-15 times, images not at all.
MAX_DOCX_RATIO = 200
DOCX_RATIO_FLOOR = 1024 * 1024  # members smaller than this are not ratio-checked


def json_depth(value: Any, *, stop_at: int = MAX_JSON_DEPTH) -> int:
    """Return how deeply lists and objects nest in a parsed JSON value (a scalar is 0).

    Iterative, so a value nested deeper than Python's recursion limit is measured
    too; the walk ends as soon as the depth passes ``stop_at``.
    """
    deepest = 0
    pending: list[tuple[Any, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > stop_at:
            return deepest
        pending.extend((child, depth + 1) for child in children)
    return deepest
