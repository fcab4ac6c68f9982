"""HTTP latency and throughput of the API under gunicorn, on 127.0.0.1 only.

A throw-away local Neo4j (temporary folder, free port) is filled the way
``bench/match.py`` fills it (built-in taxonomy, generated resumes and postings
through the product's writers, text and GNN vectors with their indexes). Then
gunicorn serves ``jobgraph.api:create_app()`` with ``deploy/gunicorn.conf.py``
(one worker, threads; rate limits off) and, for each client count in
``--clients``, that many threads send requests over keep-alive connections for
``--seconds`` seconds: ``GET /v1/candidates/{id}/matches?limit=10`` (ranked and
explained) for random candidates, and, to show what the HTTP layer alone costs,
``GET /v1/postings/{id}``. Reported per route and client count: requests, errors
(any status but 200), requests per second, latency p50 / p95 / p99 in ms.

    .venv/bin/python bench/api.py --candidates 2000 --postings 10000
    .venv/bin/python bench/api.py --candidates 10000 --postings 100000 --seconds 30

Results go to ``bench/results/api-<candidates>x<postings>.json``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from jobgraph.apikeys import KeyStore  # noqa: E402
from jobgraph.config import Settings  # noqa: E402
from jobgraph.graph.connection import connect, local_server  # noqa: E402
from jobgraph.graph.schema import apply_schema  # noqa: E402
from jobgraph.graph.taxonomy_writer import write_taxonomy  # noqa: E402
from jobgraph.taxonomy.builtin import builtin_taxonomy  # noqa: E402
from match import generate, load  # noqa: E402  (bench/match.py: the same graph)


def gunicorn_env(uri: str, credentials: tuple[str, str] | None, scratch: str, port: int,
                 threads: int, workers: int = 1) -> dict[str, str]:
    """Environment for gunicorn (``workers`` processes) on 127.0.0.1:``port``, rate limits off."""
    user, password = credentials or ("neo4j", "")
    return {
        **os.environ,
        "NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password,
        "JOBGRAPH_DATA_DIR": scratch, "JOBGRAPH_RATELIMIT_ENABLED": "false",
        "JOBGRAPH_API_BIND": f"127.0.0.1:{port}",
        "JOBGRAPH_API_THREADS": str(threads), "JOBGRAPH_API_ACCESS_LOG": "/dev/null",
        "WEB_CONCURRENCY": str(workers),
    }


def wait_ready(port: int, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    """Poll /v1/ready until it answers 200; exit if gunicorn dies or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/v1/ready")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("the API did not become ready in time")


def _drive(port: int, key: str, paths: list[str], clients: int, seconds: float,
           seed: int) -> dict[str, object]:
    """``clients`` threads, each on its own keep-alive connection, for ``seconds``."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        rng = random.Random(seed + number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine: list[float] = []
        failed = 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", rng.choice(paths), headers={"X-API-Key": key})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    values = np.asarray(latencies) * 1000
    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": errors[0],
        "seconds": round(elapsed, 1),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(float(np.percentile(values, 50)), 2) if len(values) else None,
        "p95_ms": round(float(np.percentile(values, 95)), 2) if len(values) else None,
        "p99_ms": round(float(np.percentile(values, 99)), 2) if len(values) else None,
    }


def main() -> None:
    """Run the benchmark and print its figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=2_000)
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--clients", default="1,10,50", help="Comma-separated client counts.")
    parser.add_argument("--seconds", type=float, default=20.0, help="Per route and client count.")
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    taxonomy = builtin_taxonomy()
    resumes, posts = generate(taxonomy, args.candidates, args.postings, args.seed)
    levels = [int(n) for n in args.clients.split(",")]
    routes = {
        "candidate_matches_limit_10": [f"/v1/candidates/{r.id}/matches?limit=10"
                                       for r in resumes],
        "get_posting": [f"/v1/postings/{p.id}" for p in posts],
    }
    results: dict[str, list[dict[str, object]]] = {name: [] for name in routes}
    with tempfile.TemporaryDirectory(prefix="jobgraph-bench-api-") as scratch:
        settings = Settings(data_dir=Path(scratch), neo4j_port=0, neo4j_heap="3g",
                            neo4j_pagecache="2g")
        server = local_server(settings)
        uri = server.start().uri
        driver = connect(uri, server.credentials())
        gunicorn = None
        try:
            apply_schema(driver)
            write_taxonomy(driver, taxonomy, progress=False)
            timings = load(driver, resumes, posts, args.seed)
            _, key = KeyStore(Path(scratch) / "api").create("bench", ["read"])
            env = gunicorn_env(uri, server.credentials(), scratch, args.port, args.threads)
            gunicorn = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
                 "jobgraph.api:create_app()"],
                env=env, cwd=ROOT,
            )
            wait_ready(args.port, gunicorn)
            for name, paths in routes.items():
                _drive(args.port, key, paths, 1, min(5.0, args.seconds), args.seed)  # warm-up
                for clients in levels:
                    figures = _drive(args.port, key, paths, clients, args.seconds, args.seed)
                    results[name].append(figures)
                    print(name, json.dumps(figures), file=sys.stderr)
        finally:
            if gunicorn is not None:
                gunicorn.terminate()
                gunicorn.wait(timeout=60)
            driver.close()
            server.stop()
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "date": time.strftime("%Y-%m-%d"),
        "server": f"gunicorn, 1 worker, {args.threads} threads (deploy/gunicorn.conf.py)",
        "candidates": args.candidates, "postings": args.postings,
        "seconds_per_level": args.seconds, "load": timings, "routes": results,
    }
    text = json.dumps(result, indent=2)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"api-{args.candidates}x{args.postings}.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
