"""A digest of jobgraph's own source files, for caches that must not outlive a code change.

The parsed-input digests of ingest and the built skill lookup cache both key on
"the code that produced this"; both read it from here, once per process.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_ROOT = Path(__file__).resolve().parent


@lru_cache(maxsize=8)
def source_digest(*parts: str) -> str:
    """SHA-256 over the ``.py`` files of the named subpackages or modules of jobgraph.

    Args:
        parts: Paths relative to the package, e.g. ``"parse"`` (every module
            under it, recursively) or ``"ingest/documents.py"``.

    Returns:
        A hex digest that changes whenever one of those files, or its name, does.
    """
    files: list[Path] = []
    for part in parts:
        path = _ROOT / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
