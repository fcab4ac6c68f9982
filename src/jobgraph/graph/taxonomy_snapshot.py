"""The taxonomy in force, from a compiled snapshot when the graph's stamp matches.

``jobgraph taxonomy import|load`` compile the graph's taxonomy once
(:func:`refresh_taxonomy_snapshot`): the result goes to a snapshot file
(:mod:`jobgraph.taxonomy.snapshot`) and a ``:TaxonomyStamp`` node records its
version and the skill, occupation and ``SAME_AS`` counts it was compiled from.
:func:`taxonomy_in_force_cached` reads the stamp and the live counts (one query
answered from Neo4j's count store) and loads the snapshot when both agree;
otherwise it reads the graph (:func:`~jobgraph.graph.taxonomy_reader.load_taxonomy_in_force`)
and rewrites the snapshot and the stamp, so the next process is fast again.

Only taxonomy writes create or change ``:Skill`` and ``:Occupation`` nodes (record
writes MATCH them), so counts plus the stamp written after every import identify
the compiled vocabulary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from neo4j import Driver, RoutingControl

from jobgraph.graph.cypher import load_query
from jobgraph.graph.taxonomy_reader import load_taxonomy_in_force
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.model import Taxonomy
from jobgraph.taxonomy.snapshot import read_snapshot, write_snapshot

STAMP_ID = "in_force"
_COUNTS = ("skills", "occupations", "same_as")


def read_stamp(driver: Driver, database: str = "neo4j") -> dict[str, Any]:
    """Live entry counts and the stamp (``version`` and counts; ``None`` when unstamped)."""
    records, _, _ = driver.execute_query(
        load_query("taxonomy_read_stamp"),
        stamp_id=STAMP_ID,
        database_=database,
        routing_=RoutingControl.READ,
    )
    return records[0].data() if records else {}


def stamp_matches(stamp: dict[str, Any]) -> bool:
    """True when the stamp has a version and was written at the live counts."""
    return bool(stamp.get("version")) and all(
        stamp.get(name) == stamp.get(f"stamp_{name}") for name in _COUNTS
    )


def refresh_taxonomy_snapshot(
    driver: Driver, directory: Path, database: str = "neo4j"
) -> tuple[Taxonomy, Path | None]:
    """Compile the graph's taxonomy, write the snapshot and stamp the graph.

    Args:
        driver: Open driver.
        directory: The snapshot folder (``<data dir>/taxonomy``).
        database: The database to read.

    Returns:
        The compiled taxonomy and the file written (``None`` when nothing is
        imported: the built-in taxonomy needs no snapshot).
    """
    counts = read_stamp(driver, database)
    taxonomy = load_taxonomy_in_force(driver, database)
    builtin = builtin_taxonomy()
    path = None
    if taxonomy.version != builtin.version:
        path = write_snapshot(directory, taxonomy, builtin.version)
    parameters: dict[str, Any] = {name: int(counts.get(name) or 0) for name in _COUNTS}
    parameters.update(stamp_id=STAMP_ID, version=taxonomy.version)
    driver.execute_query(
        load_query("taxonomy_stamp_write"), parameters_=parameters, database_=database
    )
    return taxonomy, path


def taxonomy_in_force_cached(
    driver: Driver, directory: Path, database: str = "neo4j"
) -> tuple[Taxonomy, str]:
    """Return the taxonomy in force and where it came from.

    Args:
        driver: Open driver.
        directory: The snapshot folder.
        database: The database to read.

    Returns:
        ``(taxonomy, "snapshot" | "builtin" | "graph")``: loaded from the snapshot
        the stamp names; the built-in one (stamped, nothing imported); or read
        from the graph and compiled, the snapshot and stamp rewritten.
    """
    stamp = read_stamp(driver, database)
    builtin = builtin_taxonomy()
    if stamp_matches(stamp):
        if stamp["version"] == builtin.version:
            return builtin, "builtin"
        cached = read_snapshot(directory, stamp["version"], builtin.version)
        if cached is not None:
            return cached, "snapshot"
    taxonomy, _ = refresh_taxonomy_snapshot(driver, directory, database)
    return taxonomy, "graph"
