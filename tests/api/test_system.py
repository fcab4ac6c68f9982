"""Health, readiness through a Neo4j outage, and per-key rate limits."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from neo4j import Driver, GraphDatabase

from jobgraph.api.services import EXTENSION
from jobgraph.apikeys import KeyStore
from jobgraph.graph.local_server import LocalNeo4j
from tests.api.conftest import make_app

pytestmark = pytest.mark.neo4j


class TcpRelay:
    """A real TCP relay in front of Neo4j's Bolt port that can be cut and restored."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self.frozen = False
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                while self.frozen:  # hold every byte, as a stopped server would
                    time.sleep(0.02)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.close()

    def cut(self) -> None:
        """Refuse new connections and drop the open ones."""
        self.open = False
        for connection in self.connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
                connection.close()
        self.connections.clear()

    def restore(self) -> None:
        """Accept connections again."""
        self.open = True

    def freeze(self) -> None:
        """Keep every socket open but pass nothing on (a SIGSTOPped server, a partition)."""
        self.frozen = True

    def thaw(self) -> None:
        """Pass the held bytes on and go on relaying."""
        self.frozen = False


@pytest.fixture
def relayed_driver(neo4j_server: LocalNeo4j, graph: Driver) -> Iterator[tuple[Driver, TcpRelay]]:
    uri = neo4j_server.recorded_uri()
    assert uri is not None
    host, port = uri.split("://", 1)[1].rsplit(":", 1)
    relay = TcpRelay((host, int(port)))
    driver = GraphDatabase.driver(
        f"bolt://127.0.0.1:{relay.port}", auth=neo4j_server.credentials(), connection_timeout=2.0
    )
    yield driver, relay
    driver.close()
    relay.listener.close()


def test_health_and_ready_through_an_outage(
    relayed_driver: tuple[Driver, TcpRelay], tmp_path: Path
) -> None:
    driver, relay = relayed_driver
    app = make_app(driver, tmp_path)
    client = app.test_client()
    key = {"X-API-Key": app.extensions[EXTENSION].keys.create("t", ["read"])[1]}
    assert client.get("/v1/health").json["status"] == "ok"
    assert client.get("/v1/ready").status_code == 200
    relay.cut()
    started = time.monotonic()
    down = client.get("/v1/ready")
    assert down.status_code == 503
    assert int(down.headers["Retry-After"]) > 0
    assert down.json["type"] == "urn:jobgraph:problem:graph-unavailable"
    # a data route answers 503 at once while the outage is fresh, not after the driver's retries
    data = client.get("/v1/candidates/cand-x", headers=key)
    assert data.status_code == 503 and "Retry-After" in data.headers
    assert time.monotonic() - started < 10
    assert client.get("/v1/health").status_code == 200
    relay.restore()
    assert client.get("/v1/ready").status_code == 200
    assert client.get("/v1/candidates/cand-x", headers=key).status_code == 404


def test_rate_limit_per_key(graph: Driver, tmp_path: Path) -> None:
    app: Flask = make_app(
        graph, tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_DEFAULT="3 per minute"
    )
    store: KeyStore = app.extensions[EXTENSION].keys
    first = {"X-API-Key": store.create("a", ["read"])[1]}
    second = {"X-API-Key": store.create("b", ["read"])[1]}
    client = app.test_client()
    statuses = [client.get("/v1/skills?q=python", headers=first).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/v1/skills?q=python", headers=first)
    assert limited.mimetype == "application/problem+json"
    assert limited.json["type"] == "urn:jobgraph:problem:rate-limited"
    assert int(limited.headers["Retry-After"]) > 0
    # another key has its own budget; requests without a key get 401, never 429
    assert client.get("/v1/skills?q=python", headers=second).status_code == 200
    assert all(client.get("/v1/skills?q=python").status_code == 401 for _ in range(5))
    assert client.get("/v1/health").status_code == 200
