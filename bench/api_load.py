"""The API under sustained load, with Neo4j killed and restarted in the middle.

A throw-away local Neo4j (temporary folder, its own fixed port) is filled the way
``bench/match.py`` fills it (built-in taxonomy, generated resumes and postings
through the product's writers, vectors and their indexes). gunicorn serves
``jobgraph.api:create_app()`` with ``deploy/gunicorn.conf.py`` on 127.0.0.1 only,
and ``--clients`` threads, each on its own keep-alive connection and without
pauses (after a 503 a client waits as ``Retry-After`` says, at most
``--retry-pause`` seconds), send a mix of read routes for ``--duration`` seconds (longer when Neo4j
is back less than ``--after`` seconds before the end) with a ``read`` key
made by the real key store: documents, matches both ways, one pair's
explanation, skills lookup and next career steps.

At ``--kill-at`` seconds the Neo4j JVM gets SIGKILL; ``--down`` seconds later it
is started again on the same port and folder. gunicorn is never restarted.

Reported: per route requests, answers by status and latency p50 / p95 / p99 in
ms (outside the outage and overall); the outage (kill to server ready), what
was answered during it (503 with ``Retry-After`` expected, the slowest answer,
requests past ``--hang`` seconds); per route the recovery time from the server
being ready to that route's first 200; and every unexpected answer, which must
be 0: anything but 200 outside the outage, anything but 503 problem+json with
``Retry-After`` during it, client timeouts and dropped connections anywhere.

    nice .venv/bin/python bench/api_load.py                       # 50 clients, 300 s
    .venv/bin/python bench/api_load.py --duration 60 --kill-at 20 --down 10

Results go to ``bench/results/api_load.json``. Rate limits are off (one key
sends everything; the limits have their own test).
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import http.client
import json
import os
import platform
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from api import gunicorn_env, wait_ready  # noqa: E402  (bench/api.py)
from jobgraph.apikeys import KeyStore  # noqa: E402
from jobgraph.config import Settings  # noqa: E402
from jobgraph.graph.connection import connect, local_server  # noqa: E402
from jobgraph.graph.local_server import LocalNeo4j, free_port  # noqa: E402
from jobgraph.graph.schema import apply_schema  # noqa: E402
from jobgraph.graph.taxonomy_writer import write_taxonomy  # noqa: E402
from jobgraph.taxonomy.builtin import builtin_taxonomy  # noqa: E402
from match import generate, load  # noqa: E402  (bench/match.py: the same graph)

# Route name -> weight in the mix (reads a client of the API would make).
MIX = {
    "get_candidate": 2,
    "get_posting": 2,
    "candidate_matches": 1,
    "posting_matches": 1,
    "explanation": 1,
    "skills_lookup": 2,
    "careers_next": 1,
}


@dataclass(frozen=True)
class Sample:
    """One request: route, when it started and ended (monotonic s), what came back."""

    route: str
    started: float
    ended: float
    status: int | str  # HTTP status, or "timeout" / "connection"
    retry_after: bool = False
    problem: bool = False

    @property
    def seconds(self) -> float:
        """Latency in seconds."""
        return self.ended - self.started


def _paths(resumes: list, posts: list, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    skills = sorted({m.name for r in resumes for m in r.skills})
    pairs = [(rng.choice(resumes).id, rng.choice(posts).id) for _ in range(2000)]
    return {
        "get_candidate": [f"/v1/candidates/{r.id}" for r in resumes],
        "get_posting": [f"/v1/postings/{p.id}" for p in posts],
        "candidate_matches": [f"/v1/candidates/{r.id}/matches?limit=10" for r in resumes],
        "posting_matches": [f"/v1/postings/{p.id}/matches?limit=10" for p in posts],
        "explanation": [f"/v1/matches/{c}/{p}" for c, p in pairs],
        "skills_lookup": [f"/v1/skills?q={quote(name.split()[0].lower(), safe='')}"
                          for name in skills],
        "careers_next": [f"/v1/careers/next?candidate={r.id}" for r in resumes],
    }


def _warm_up(port: int, key: str, paths: dict[str, list[str]]) -> dict[str, int]:
    """Each route once (models and caches load on first use); the status of each."""
    statuses = {}
    for route in MIX:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        connection.request("GET", paths[route][0], headers={"X-API-Key": key})
        response = connection.getresponse()
        response.read()
        statuses[route] = response.status
        connection.close()
    return statuses


def _client(port: int, key: str, paths: dict[str, list[str]], stop: threading.Event,
            timeout: float, retry_pause: float, seed: int, out: list[Sample]) -> None:
    rng = random.Random(seed)
    names, weights = list(MIX), list(MIX.values())
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    while not stop.is_set():
        route = rng.choices(names, weights)[0]
        started = time.monotonic()
        try:
            connection.request("GET", rng.choice(paths[route]), headers={"X-API-Key": key})
            response = connection.getresponse()
            response.read()
            retry_after = response.getheader("Retry-After")
            out.append(Sample(route, started, time.monotonic(), response.status,
                              retry_after is not None,
                              response.getheader("Content-Type") == "application/problem+json"))
            if response.status == 503 and retry_after is not None:
                # A polite client waits as told; capped so recovery is seen within a second.
                stop.wait(min(float(retry_after), retry_pause))
        except TimeoutError:
            out.append(Sample(route, started, time.monotonic(), "timeout"))
        except (OSError, http.client.HTTPException):
            out.append(Sample(route, started, time.monotonic(), "connection"))
        else:
            continue
        connection.close()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)


def _outage(server: LocalNeo4j, kill_at: float, down: float, events: dict[str, float]) -> None:
    """SIGKILL the Neo4j JVM at ``kill_at`` (monotonic), start it again ``down`` s later."""
    time.sleep(max(0.0, kill_at - time.monotonic()))
    pid = server.running_pid()
    assert pid is not None, "the bench's Neo4j is not running"
    os.kill(pid, signal.SIGKILL)
    events["killed"] = time.monotonic()
    with contextlib.suppress(ChildProcessError):  # our child: reap it unless subprocess did
        os.waitpid(pid, 0)
    time.sleep(down)
    events["restart_started"] = time.monotonic()
    server.start()
    events["ready"] = time.monotonic()


def _ms(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None}
    array = np.asarray(values) * 1000
    figures: dict[str, float | None] = {
        f"p{p}_ms": round(float(np.percentile(array, p)), 1) for p in (50, 95, 99)
    }
    figures["max_ms"] = round(float(array.max()), 1)
    return figures


def analyse(samples: list[Sample], events: dict[str, float], start: float,
            hang: float) -> dict[str, object]:
    """Per-route figures, the outage, recovery times and unexpected answers."""
    killed, ready = events["killed"], events["ready"]
    recovery: dict[str, float | None] = {}
    for route in MIX:
        firsts = [s.ended for s in samples if s.route == route and s.status == 200
                  and s.ended > ready and s.started > killed]
        recovery[route] = round(min(firsts) - ready, 2) if firsts else None
    recovered = ready + max((v for v in recovery.values() if v is not None), default=0.0)
    # 503s are expected from the kill until every route has answered 200 again.
    in_outage = [s for s in samples if s.ended >= killed and s.started <= recovered]
    outage_ids = {id(s) for s in in_outage}
    unexpected: Counter[str] = Counter()
    for sample in samples:
        if sample.status == 200 or (sample.status == 503 and id(sample) in outage_ids
                                    and sample.retry_after and sample.problem):
            continue
        where = "outage" if id(sample) in outage_ids else "steady"
        unexpected[f"{where}:{sample.route}:{sample.status}"] += 1
    routes = {}
    for route in MIX:
        mine = [s for s in samples if s.route == route]
        steady = [s.seconds for s in mine if id(s) not in outage_ids]
        routes[route] = {
            "requests": len(mine),
            "by_status": dict(Counter(str(s.status) for s in mine)),
            "steady": {"requests": len(steady), **_ms(steady)},
            "all": _ms([s.seconds for s in mine]),
        }
    down = [s for s in samples if killed <= s.started <= ready]
    in_flight = [s for s in samples if s.started < killed <= s.ended]
    return {
        "requests": len(samples),
        "by_status": dict(Counter(str(s.status) for s in samples)),
        "unexpected": sum(unexpected.values()),
        "unexpected_by_kind": dict(unexpected),
        "steady_over_hang_seconds": sum(s.seconds > hang for s in samples
                                        if id(s) not in outage_ids),
        "routes": routes,
        "outage": {
            "killed_at_s": round(killed - start, 1),
            "restart_started_at_s": round(events["restart_started"] - start, 1),
            "ready_at_s": round(ready - start, 1),
            "server_down_seconds": round(ready - killed, 1),
            "restart_seconds": round(ready - events["restart_started"], 1),
            "answers_503": sum(s.status == 503 for s in samples),
            "answers_503_with_retry_after": sum(s.status == 503 and s.retry_after
                                                for s in samples),
            "sent_while_down": len(down),
            "by_status_sent_while_down": dict(Counter(str(s.status) for s in down)),
            "latency_sent_while_down": _ms([s.seconds for s in down]),
            "over_hang_seconds_sent_while_down": sum(s.seconds > hang for s in down),
            "in_flight_at_kill": len(in_flight),
            "by_status_in_flight_at_kill": dict(Counter(str(s.status) for s in in_flight)),
            "in_flight_answered_within_s_of_kill": round(
                max((s.ended - killed for s in in_flight), default=0.0), 2),
        },
        "recovery_seconds_from_ready": recovery,
    }


def _throughput(samples: list[Sample], start: float, duration: float) -> list[int]:
    """Answers completed per 10-second slice (shows the dip and the recovery)."""
    ends = sorted(s.ended - start for s in samples)
    edges = np.arange(10.0, duration + 10.0, 10.0)
    counts, previous = [], 0
    for edge in edges:
        upto = bisect.bisect_right(ends, float(edge))
        counts.append(upto - previous)
        previous = upto
    return counts


def main() -> None:
    """Run the load, kill and restart Neo4j midway, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--postings", type=int, default=1200)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=300.0, help="Seconds of load.")
    parser.add_argument("--kill-at", type=float, default=None,
                        help="Seconds into the load when Neo4j gets SIGKILL (default: 40%%).")
    parser.add_argument("--down", type=float, default=20.0,
                        help="Seconds Neo4j stays dead before it is started again.")
    parser.add_argument("--after", type=float, default=30.0,
                        help="Seconds of load at least after Neo4j is back (extends --duration).")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="Client socket timeout in seconds (a request past it is an error).")
    parser.add_argument("--retry-pause", type=float, default=1.0,
                        help="A client waits min(Retry-After, this) after a 503.")
    parser.add_argument("--hang", type=float, default=10.0,
                        help="While Neo4j is down, a request slower than this counts as hanging.")
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads per worker.")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn worker processes.")
    parser.add_argument("--port", type=int, default=8771)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--output", type=Path, default=RESULTS / "api_load.json")
    args = parser.parse_args()
    kill_after = args.duration * 0.4 if args.kill_at is None else args.kill_at
    taxonomy = builtin_taxonomy()
    resumes, posts = generate(taxonomy, args.candidates, args.postings, args.seed)
    paths = _paths(resumes, posts, args.seed)
    with tempfile.TemporaryDirectory(prefix="jobgraph-bench-api-load-") as scratch:
        # A fixed port: the restarted server must come back where the API looks for it.
        # A restart after SIGKILL recovers the store; on a busy machine that takes minutes.
        settings = Settings(data_dir=Path(scratch), neo4j_port=free_port(), neo4j_heap="1g",
                            neo4j_pagecache="512m", neo4j_start_timeout=900.0)
        server = local_server(settings)
        uri = server.start().uri
        driver = connect(uri, server.credentials())
        gunicorn = None
        log_path = Path(scratch) / "gunicorn.log"
        try:
            apply_schema(driver)
            write_taxonomy(driver, taxonomy, progress=False)
            timings = load(driver, resumes, posts, args.seed)
            driver.close()
            _, key = KeyStore(Path(scratch) / "api").create("load", ["read"])
            env = gunicorn_env(uri, server.credentials(), scratch, args.port, args.threads,
                               args.workers)
            with log_path.open("wb") as log:
                gunicorn = subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "-c",
                     str(ROOT / "deploy" / "gunicorn.conf.py"), "jobgraph.api:create_app()"],
                    env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                )
            wait_ready(args.port, gunicorn, timeout=300)
            # Warm-up: every route once (models and caches load on first use).
            print(f"warm-up: {_warm_up(args.port, key, paths)}", file=sys.stderr)
            samples: list[Sample] = []
            events: dict[str, float] = {}
            stop = threading.Event()
            start = time.monotonic()
            threads = [threading.Thread(target=_client, args=(
                args.port, key, paths, stop, args.timeout, args.retry_pause, args.seed + n,
                samples), daemon=True) for n in range(args.clients)]
            killer = threading.Thread(target=_outage,
                                      args=(server, start + kill_after, args.down, events),
                                      daemon=True)
            for thread in [*threads, killer]:
                thread.start()
            try:
                killer.join()
                if "ready" not in events:
                    raise SystemExit("Neo4j did not come back after the kill (see above)")
                # A slow restart extends the load, so recovery is always measured under load.
                end = max(start + args.duration, events["ready"] + args.after)
                time.sleep(max(0.0, end - time.monotonic()))
            finally:
                stop.set()
            for thread in threads:
                thread.join()
            ran = time.monotonic() - start
            gunicorn_restarts = gunicorn.poll() is not None
        finally:
            if gunicorn is not None:
                gunicorn.terminate()
                gunicorn.wait(timeout=60)
            server.stop()
            log_lines = (log_path.read_text(errors="replace").splitlines()
                         if log_path.exists() else [])
        figures = analyse(samples, events, start, args.hang)
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load average "
                   f"{os.getloadavg()[0]:.1f} at the end",
        "date": time.strftime("%Y-%m-%d"),
        "server": f"gunicorn, {args.workers} worker(s), {args.threads} threads each "
                  "(deploy/gunicorn.conf.py), "
                  "127.0.0.1",
        "candidates": args.candidates, "postings": args.postings, "load": timings,
        "clients": args.clients, "duration_seconds": round(ran, 1), "mix": MIX,
        "client_timeout_seconds": args.timeout, "hang_seconds": args.hang,
        "client_pause_after_503_seconds": args.retry_pause,
        "gunicorn_exited_during_load": gunicorn_restarts,
        "requests_per_second": round(len(samples) / ran, 1),
        "completed_per_10s": _throughput(samples, start, ran),
        **figures,
        "server_log_errors": sum(" ERROR " in line or "[ERROR]" in line for line in log_lines),
        "server_log_warnings_unavailable": sum("Neo4j unavailable" in line for line in log_lines),
    }
    text = json.dumps(result, indent=2)
    print(text)
    args.output.parent.mkdir(exist_ok=True)
    args.output.write_text(text + "\n")


if __name__ == "__main__":
    main()
