"""What the CLI-driven integration tests share: the CLI's environment for a test
server, and a taxonomy cut down to what a small corpus mentions."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from neo4j import Driver

from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.taxonomy_writer import write_taxonomy
from jobgraph.ingest.documents import parse_item
from jobgraph.ingest.sources import SourceItem, discover
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.model import Taxonomy


def cli_env(server: LocalNeo4j, data_dir: Path) -> dict[str, str]:
    """Environment that points the CLI at ``server``, with its data under ``data_dir``."""
    user, password = server.credentials() or ("neo4j", "")
    return {
        "NEO4J_URI": server.recorded_uri() or "",
        "NEO4J_USER": user,
        "NEO4J_PASSWORD": password,
        "JOBGRAPH_DATA_DIR": str(data_dir),
        "JOBGRAPH_DEVICE": "cpu",
    }


def write_small_taxonomy(driver: Driver, folders: Iterable[tuple[str, Path]]) -> None:
    """Write only the built-in skills and occupations that the documents mention,
    so few labels need encoding.

    Args:
        driver: Open driver.
        folders: ``(kind, folder)`` pairs, kind ``"resume"`` or ``"posting"``.
    """
    skills: set[str] = set()
    occupations: set[str] = set()
    for kind, folder in folders:
        for item in discover([str(folder)]):
            assert isinstance(item, SourceItem)
            record = parse_item(kind, item)  # type: ignore[arg-type]
            skills |= {s.skill_id for s in record.skills if s.skill_id}
            occupations |= {getattr(record, "occupation_id", None)} - {None}  # type: ignore[arg-type]
            occupations |= {j.occupation_id for j in getattr(record, "experience", [])} - {None}
    full = builtin_taxonomy()
    write_taxonomy(
        driver,
        Taxonomy(
            skills={i: full.skills[i] for i in skills if i in full.skills},
            occupations={i: full.occupations[i] for i in occupations if i in full.occupations},
        ),
    )
