"""SIGKILL an ingest at seeded random points, and once the server; the re-run is exact.

The small-size version of ``bench/ingest_faults.py``: an ingest process (forked
from this one, so it starts in milliseconds; it opens its own driver) is killed
at points drawn by a seeded generator, then the Neo4j server is killed during
one, restarted on the same port, and a last run goes to the end. The graph must
equal that of an undisturbed run: counts by label and type, no id held twice,
every document done, and each corrupt file listed once in the failures files.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from jobgraph.graph.connection import connect
from jobgraph.graph.integrity import graph_fingerprint
from jobgraph.graph.local_server import LocalNeo4j, free_port
from jobgraph.graph.neo4j_install import find_java, install
from jobgraph.graph.schema import apply_schema, delete_all
from jobgraph.ingest.pipeline import ingest
from jobgraph.ingest.sources import discover
from jobgraph.parse import parse_resume_text
from jobgraph.parse.pipeline import default_lookup
from tests.conftest import make_test_settings
from tests.integration.test_ingest import POSTING, RESUME

SEED = 1130
INGEST_KILLS = 3
EXTRAS = ("Redis", "Terraform", "React", "Kafka", "Spark", "Go", "Airflow")
#: Corrupt on purpose; each must be listed once in the failures files.
CORRUPT = ("cut.pdf", "not-a-zip.docx", "invalid.json")
FORK = multiprocessing.get_context("fork")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LocalNeo4j]:
    settings = make_test_settings(tmp_path / "neo4j")
    java = find_java(settings.java)
    installation = install(settings.neo4j_install_dir, settings.neo4j_version, java=java)
    # A fixed port: after a kill the server comes back where the driver looks for it.
    own = LocalNeo4j(settings.neo4j_home, installation, java=java, port=free_port(),
                     heap="1g", pagecache="256m", auth=True)
    own.start()
    yield own
    own.stop()


def _corpus(root: Path) -> dict[str, Path]:
    folders = {kind: root / kind for kind in ("resumes", "postings")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    for number in range(24):
        text = RESUME.format(years=3 + number % 9, extra=EXTRAS[number % 7])
        (folders["resumes"] / f"r{number:02}.txt").write_text(f"{text}\nRef {number}\n")
    for number in range(12):
        text = POSTING.replace("5+ years", f"{2 + number % 6}+ years") + f"\nJob {number}\n"
        (folders["postings"] / f"p{number:02}.txt").write_text(text)
    (folders["resumes"] / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (folders["resumes"] / "not-a-zip.docx").write_bytes(b"PK\x03\x04 ends here")
    (folders["postings"] / "invalid.json").write_text('{"title": "Nurse", ')
    return folders


def _ingest_both(uri: str, auth: tuple[str, str] | None, folders: dict[str, Path]) -> None:
    """The forked process: resumes, then postings, each listing its failures."""
    driver = connect(uri, auth)
    try:
        for kind, folder in (("resume", folders["resumes"]), ("posting", folders["postings"])):
            ingest(driver, discover([str(folder)]), kind, workers=1, batch_size=4,
                   progress=False, failures_path=folder.parent / f"failures-{kind}.jsonl")
    finally:
        driver.close()


def _start(server: LocalNeo4j, folders: dict[str, Path]) -> Any:
    process = FORK.Process(
        target=_ingest_both, args=(server.recorded_uri(), server.credentials(), folders)
    )
    process.start()
    return process


def _wait_or_kill(process: Any, seconds: float) -> bool:
    """Let ``process`` run ``seconds``; SIGKILL it if still running. True when killed."""
    process.join(timeout=seconds)
    if not process.is_alive():
        return False
    os.kill(process.pid, signal.SIGKILL)
    process.join()
    return True


def _failures(root: Path) -> Counter[str]:
    listed: Counter[str] = Counter()
    for path in root.glob("failures-*.jsonl"):
        listed.update(Path(json.loads(line)["source"]).name for line in path.open())
    return listed


def test_killed_ingests_and_server_end_in_the_undisturbed_graph(
    server: LocalNeo4j, tmp_path: Path
) -> None:
    folders = _corpus(tmp_path / "corpus")
    # Parse once here, so every forked run starts with the lookup built.
    parse_resume_text("Python developer", lookup=default_lookup())
    driver: Driver = connect(server.recorded_uri() or "", server.credentials())
    try:
        apply_schema(driver)
        started = time.monotonic()
        reference_run = _start(server, folders)
        reference_run.join(timeout=300)
        assert reference_run.exitcode == 0
        horizon = time.monotonic() - started
        reference = graph_fingerprint(driver)
        assert reference["nodes"]["Candidate"] == 24 and reference["nodes"]["Posting"] == 12
        assert _failures(folders["resumes"].parent) == Counter(CORRUPT)

        delete_all(driver)  # taxonomy included: the first killed run loads it again
        for path in folders["resumes"].parent.glob("failures-*.jsonl"):
            path.unlink()
        rng = random.Random(SEED)
        kills = attempts = 0
        while kills < INGEST_KILLS and attempts < 4 * INGEST_KILLS:
            attempts += 1
            begun = time.monotonic()
            killed = _wait_or_kill(_start(server, folders), rng.uniform(0.05, 0.95) * horizon)
            kills += killed
            if not killed:  # re-runs skip what is written: aim within the shorter run
                horizon = min(horizon, time.monotonic() - begun)
        assert kills == INGEST_KILLS

        victim = _start(server, folders)
        victim.join(timeout=rng.uniform(0.1, 0.9) * horizon)
        pid = server.running_pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        server.start()
        victim.join(timeout=300)
        assert victim.exitcode is not None, "the ingest hung after the server was killed"

        driver.close()
        driver = connect(server.recorded_uri() or "", server.credentials())
        final = _start(server, folders)
        final.join(timeout=300)
        assert final.exitcode == 0
        after = graph_fingerprint(driver)
        assert after == reference
        assert after["duplicate_ids"] == {}
        assert all(d["with_digest"] == d["nodes"] for d in after["documents"].values())
        assert _failures(folders["resumes"].parent) == Counter(CORRUPT)
    finally:
        driver.close()
