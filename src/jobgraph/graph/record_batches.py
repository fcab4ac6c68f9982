"""Write batches of record rows: skip the unchanged, replace the changed, mark them done.

The row builders live in :mod:`jobgraph.graph.record_writer`; this module owns
the transaction that replaces records and the digests that mark them done (see
that module's docstring for the order of the two).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, ManagedTransaction, RoutingControl

from jobgraph.graph.cypher import load_query


@dataclass
class WriteReport:
    """Outcome of writing one batch of records."""

    written: list[str]
    unchanged: list[str]
    relationships: int
    seconds: float
    #: Record digest of each written id (stored already unless ``confirm=False``).
    digests: dict[str, str] = field(default_factory=dict)


def _with_digest(row: dict[str, Any]) -> dict[str, Any]:
    """Add a digest of everything written, so a re-parse that differs is rewritten."""
    content = {key: value for key, value in row.items() if key != "props"}
    content["props"] = {k: v for k, v in row["props"].items() if k != "updated_at"}
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
    return {**row, "props": {**row["props"], "record_digest": digest}}


def _relationship_count(row: dict[str, Any]) -> int:
    return sum(
        len(row.get(key, []))
        for key in (
            "skills", "jobs", "employers", "education", "locations", "contacts", "occupations"
        )
    )


def replace_records(tx: ManagedTransaction, label: str, rows: list[dict[str, Any]]) -> None:
    """Transaction function: drop what each row's record said before, then write the rows.

    Every row's id is detached, not only the ids read as stored before: the
    driver runs this again after a lost connection, and a record that an earlier
    attempt did write must not get its relationships twice. Running it twice
    leaves the graph as running it once does. The employers, places and
    education nodes the old records linked to and nothing links to any more
    are deleted, as a delete of the record would.

    Args:
        tx: The managed transaction.
        label: ``"candidates"`` or ``"postings"`` (the statements' prefix).
        rows: Rows from :func:`~jobgraph.graph.record_writer.resume_row` or
            :func:`~jobgraph.graph.record_writer.posting_row`.
    """
    ids = [row["id"] for row in rows]
    linked = tx.run(load_query(f"{label}_linked_places"), ids=ids).single()
    tx.run(load_query(f"{label}_detach"), ids=ids).consume()
    tx.run(load_query(f"{label}_upsert"), rows=rows).consume()
    tx.run(load_query("writes_delete_orphans"), nodes=linked["nodes"] if linked else []).consume()


def write_records(
    driver: Driver,
    label: str,
    rows: list[dict[str, Any]],
    *,
    database: str = "neo4j",
    confirm: bool = True,
) -> WriteReport:
    """Write the rows whose digest differs from the stored one, in one transaction.

    Args:
        driver: Open driver.
        label: ``"candidates"`` or ``"postings"``.
        rows: One row per record (the last row of an id wins).
        database: Target database.
        confirm: Store each record's digest in the same transaction; ``False``
            leaves it to :func:`confirm_digests`.

    Returns:
        Ids written and unchanged, relationships written, time, and digests.
    """
    started = time.monotonic()
    records, _, _ = driver.execute_query(
        load_query(f"{label}_existing_digests"),
        ids=[row["id"] for row in rows],
        database_=database,
        routing_=RoutingControl.READ,
    )
    stored = {record["id"]: record["record_digest"] for record in records}
    # Within one batch the last row of an id wins, as a later file would.
    latest = {row["id"]: _with_digest(row) for row in rows}
    # A record written again loses its input digest until ingest stores the new one.
    changed = [
        {**row, "props": {**row["props"], "input_digest": None}}
        for row in latest.values()
        if stored.get(row["id"]) != row["props"]["record_digest"]
    ]
    changed_ids = {row["id"] for row in changed}
    unchanged = [row_id for row_id in latest if row_id not in changed_ids]
    digests = {row["id"]: row["props"]["record_digest"] for row in changed}
    if not confirm:
        # None removes a stored digest: the record counts as done only once confirmed.
        changed = [{**row, "props": {**row["props"], "record_digest": None}} for row in changed]
    if changed:
        with driver.session(database=database) as session:
            session.execute_write(replace_records, label, changed)
    return WriteReport(
        written=[row["id"] for row in changed],
        unchanged=unchanged,
        relationships=sum(_relationship_count(row) for row in changed),
        seconds=time.monotonic() - started,
        digests=digests,
    )


def confirm_digests(
    driver: Driver, kind: str, digests: dict[str, str], *, database: str = "neo4j"
) -> None:
    """Store the digests of records written with ``confirm=False``: they are done.

    Args:
        driver: Open driver.
        kind: ``"resume"`` or ``"posting"``.
        digests: Record id to digest, from :attr:`WriteReport.digests`.
        database: Target database.
    """
    if not digests:
        return
    name = "candidates_confirm_digests" if kind == "resume" else "postings_confirm_digests"
    driver.execute_query(
        load_query(name),
        rows=[{"id": key, "digest": value} for key, value in digests.items()],
        database_=database,
        routing_=RoutingControl.WRITE,
    )
