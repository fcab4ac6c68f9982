"""Imports flow one way: taxonomy -> parse -> graph -> ingest/embed -> match/careers -> api/cli.

Every ``import`` in ``src/jobgraph`` (including ones inside functions) is read
with :mod:`ast`, nothing is executed. A package may import shared modules and
stages of a lower layer, never a stage of its own layer or a higher one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "jobgraph"

# Layer of each stage package; a stage imports only stages of a lower layer.
LAYERS: dict[str, int] = {
    "taxonomy": 0,
    "parse": 1,
    "graph": 2,
    "ingest": 3,
    "embed": 3,
    "match": 4,
    "careers": 4,
    "api": 5,
    "cli": 5,
}
# Tools beside the pipeline: they may import any stage (not api / cli), and only
# the CLI imports them.
TOOLS = frozenset({"evaluation", "synth"})
# Plain modules every package may import; they import only each other.
SHARED = frozenset(
    {"__init__", "errors", "config", "resources", "schemas", "apikeys", "code_digest"}
)
ENTRY_POINTS = frozenset({"api", "cli"})

# Known violations as (importer, imported) packages, to be removed when fixed;
# a new violation still fails. Empty: none exist today.
KNOWN_VIOLATIONS: frozenset[tuple[str, str]] = frozenset()


def _part_of(path: Path) -> str:
    """The top-level package (or module) of ``jobgraph`` that ``path`` belongs to."""
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _module_name(path: Path) -> str:
    parts = ["jobgraph", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_parts(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Top-level ``jobgraph`` packages and modules that ``source`` imports.

    Args:
        source: Python source text.
        module: Its dotted module name (to resolve relative imports).
        is_package: Whether it is a package's ``__init__``.
    """
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the importing package
                anchor = module.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            # "from jobgraph import parse" names the package in the alias
            names.extend(f"{base}.{alias.name}" for alias in node.names)
    return {
        name.split(".")[1]
        for name in names
        if name.startswith("jobgraph.") and name.split(".")[1] != "*"
    }


def _allowed(importer: str, imported: str) -> bool:
    """Whether package ``importer`` may import package ``imported``."""
    if importer == imported or imported in SHARED:
        return True
    if importer in SHARED or imported in ENTRY_POINTS:
        return False
    if imported in TOOLS:
        return importer == "cli"
    if importer in TOOLS:
        return True
    return LAYERS[imported] < LAYERS[importer]


def _all_imports() -> list[tuple[str, str, str]]:
    """``(importer, imported, file)`` for every cross-package import under src/jobgraph."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = _part_of(path)
        source = path.read_text(encoding="utf-8")
        is_package = path.name == "__init__.py"
        for imported in _imported_parts(source, _module_name(path), is_package=is_package):
            found.append((importer, imported, str(path.relative_to(PACKAGE))))
    return found


def test_every_package_has_a_place_in_the_flow() -> None:
    parts = {_part_of(path) for path in PACKAGE.rglob("*.py")}
    unplaced = parts - set(LAYERS) - TOOLS - SHARED
    assert not unplaced, f"add {sorted(unplaced)} to LAYERS, TOOLS or SHARED in this test"


def test_imports_flow_one_way() -> None:
    violations = sorted(
        f"{file}: {importer} imports {imported}"
        for importer, imported, file in _all_imports()
        if not _allowed(importer, imported) and (importer, imported) not in KNOWN_VIOLATIONS
    )
    assert not violations, "imports against the flow:\n" + "\n".join(violations)


def test_known_violations_still_exist() -> None:
    present = {(importer, imported) for importer, imported, _ in _all_imports()}
    fixed = KNOWN_VIOLATIONS - present
    assert not fixed, f"remove the fixed {sorted(fixed)} from KNOWN_VIOLATIONS"


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("parse", "taxonomy", True),
        ("parse", "ingest", False),
        ("taxonomy", "evaluation", False),
        ("graph", "embed", False),
        ("ingest", "embed", False),
        ("careers", "graph", True),
        ("evaluation", "ingest", True),
        ("cli", "evaluation", True),
        ("embed", "cli", False),
        ("cli", "api", False),
        ("errors", "parse", False),
        ("graph", "config", True),
    ],
)
def test_rules(importer: str, imported: str, allowed: bool) -> None:
    assert _allowed(importer, imported) is allowed


def test_imports_are_found_inside_functions_and_relative_ones() -> None:
    source = (
        "from jobgraph import parse\n"
        "from ..errors import ParseError\n"
        "def late() -> None:\n"
        "    import jobgraph.graph.cypher\n"
        "    from jobgraph.ingest.sources import discover\n"
        "    from ..embed import models\n"
    )
    found = _imported_parts(source, "jobgraph.taxonomy.probe")
    assert found == {"parse", "errors", "graph", "ingest", "embed"}
