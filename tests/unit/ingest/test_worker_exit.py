"""Parser workers of a killed ingest end too, instead of waiting forever."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

from jobgraph.ingest.pipeline import _parsed
from jobgraph.ingest.sources import SourceItem
from jobgraph.parse.pipeline import default_lookup

TEXT = "Backend developer\nSkills: Python, SQL, Docker\n"


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _parse_forever() -> None:
    items = (SourceItem(source=f"r{n}.txt", text=TEXT) for n in range(10**9))
    for _ in _parsed("resume", items, workers=2):
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has no command line left: it is gone for our purposes.
    return bool(Path(f"/proc/{pid}/cmdline").read_bytes())


def test_workers_exit_when_the_ingest_is_killed() -> None:
    default_lookup()  # built once here; the forked processes inherit it
    ingest = multiprocessing.get_context("fork").Process(target=_parse_forever)
    ingest.start()
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = _children(ingest.pid or 0)
    assert len(workers) >= 2, "the pool never started"
    time.sleep(1.0)  # let them take work
    os.kill(ingest.pid or 0, signal.SIGKILL)
    ingest.join()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # never leave them behind, whatever the outcome
        os.kill(pid, signal.SIGKILL)
    assert not left, f"{len(left)} parser workers outlived the killed ingest"
