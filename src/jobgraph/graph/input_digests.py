"""Store and look up the input digests that let a re-run skip unchanged documents.

An input digest (:mod:`jobgraph.ingest.input_digest`) is stored on a candidate
or posting only once it is marked done (its record digest stored), and the
record writer clears it whenever it writes the record again, so a digest found
here always names the input the stored record was parsed from.
"""

from __future__ import annotations

from collections.abc import Iterable

from neo4j import Driver, RoutingControl

from jobgraph.graph.cypher import load_query

#: Digests sent per lookup query (one list parameter each).
LOOKUP_CHUNK = 5_000
_PREFIX = {"resume": "candidates", "posting": "postings"}


def known_input_digests(
    driver: Driver, kind: str, digests: Iterable[str], *, database: str = "neo4j"
) -> dict[str, str]:
    """Return which of ``digests`` belong to a done document of ``kind``, and its id.

    Args:
        driver: Open driver.
        kind: ``"resume"`` or ``"posting"``.
        digests: Input digests of the documents about to be parsed.
        database: Database to read.

    Returns:
        Each digest found, with the id of the document that holds it.
    """
    wanted = sorted(set(digests))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), LOOKUP_CHUNK):
        records, _, _ = driver.execute_query(
            load_query(f"{_PREFIX[kind]}_known_inputs"),
            digests=wanted[start : start + LOOKUP_CHUNK],
            database_=database,
            routing_=RoutingControl.READ,
        )
        found.update((record["digest"], record["id"]) for record in records)
    return found


def store_input_digests(
    driver: Driver, kind: str, digests: dict[str, str], *, database: str = "neo4j"
) -> None:
    """Store each done record's input digest (records not yet done are left alone).

    Args:
        driver: Open driver.
        kind: ``"resume"`` or ``"posting"``.
        digests: Record id to the input digest it was parsed from.
        database: Database to write.
    """
    if not digests:
        return
    driver.execute_query(
        load_query(f"{_PREFIX[kind]}_store_inputs"),
        rows=[{"id": key, "input_digest": value} for key, value in digests.items()],
        database_=database,
    )
