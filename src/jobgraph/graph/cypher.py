"""The one loader of Cypher statements kept in the top-level ``cypher/`` folder.

Each ``.cypher`` file holds one statement; its stem is the name the code uses
(``load_query("candidate_upsert")``). Sub-folders only organise files: names are
unique across the whole tree. Values always travel as ``$parameters``.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib.abc import Traversable
from typing import LiteralString, cast

from jobgraph.errors import JobgraphError
from jobgraph.resources import resource_dir


def _walk(folder: Traversable, prefix: str = "") -> dict[str, tuple[str, Traversable]]:
    found: dict[str, tuple[str, Traversable]] = {}
    for entry in folder.iterdir():
        if entry.is_dir():
            found.update(_walk(entry, f"{prefix}{entry.name}/"))
        elif entry.name.endswith(".cypher"):
            found[entry.name[: -len(".cypher")]] = (f"{prefix}{entry.name}", entry)
    return found


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, Traversable]]:
    root = resource_dir("cypher")
    index: dict[str, tuple[str, Traversable]] = {}
    for name, (path, entry) in _walk(root).items():
        if name in index:
            raise JobgraphError(f"cypher/: two files are named {name}.cypher")
        index[name] = (path, entry)
    return index


@cache
def load_query(name: str) -> LiteralString:
    """Return the text of ``cypher/**/<name>.cypher``.

    Raises:
        JobgraphError: No statement of that name exists.
    """
    try:
        _, entry = _index()[name]
    except KeyError:
        raise JobgraphError(f"no Cypher statement named {name!r} under cypher/") from None
    # The files are ours and hold no user input, so they count as literal queries.
    return cast(LiteralString, entry.read_text(encoding="utf-8").strip().rstrip(";"))


def queries_in(folder: str) -> list[tuple[str, LiteralString]]:
    """Return ``(name, text)`` of every statement under ``cypher/<folder>/``, sorted by file."""
    chosen = sorted(
        (path, name) for name, (path, _) in _index().items() if path.startswith(f"{folder}/")
    )
    return [(name, load_query(name)) for _, name in chosen]
