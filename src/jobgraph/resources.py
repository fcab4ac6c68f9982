"""Locate the top-level ``cypher/`` and ``schemas/`` folders.

In a built wheel they are packaged as ``jobgraph/_resources/<name>``; in a source
checkout or an editable install they sit at the repository root. Only the Cypher
loader (``jobgraph.graph.cypher``) and the schema loader (``jobgraph.schemas``)
call this.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Literal

from jobgraph.errors import JobgraphError

ResourceName = Literal["cypher", "schemas"]


def resource_dir(name: ResourceName) -> Traversable:
    """Return the folder holding the packaged ``cypher`` or ``schemas`` files.

    Raises:
        JobgraphError: Neither the packaged nor the source-tree folder exists,
            which means the installation is broken.
    """
    packaged = resources.files("jobgraph") / "_resources" / name
    if packaged.is_dir():
        return packaged
    source_tree = Path(__file__).resolve().parents[2] / name
    if source_tree.is_dir():
        return source_tree
    raise JobgraphError(
        f"the {name}/ folder is missing from this installation; reinstall jobgraph"
    )
