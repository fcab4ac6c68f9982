"""Open the Neo4j driver the settings ask for.

Only composition roots (the CLI, ``create_app``, test fixtures) call
:func:`open_driver`; everything else receives a driver as an argument.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    ConnectionPoolError,
    DriverError,
    IncompleteCommit,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from jobgraph.config import Settings
from jobgraph.errors import GraphUnavailableError
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.neo4j_install import find_java, install, installed


@dataclass(frozen=True)
class DriverTimeouts:
    """How long the driver waits on an unreachable server before it gives up.

    Attributes:
        connect_seconds: Opening one connection (TCP and the Bolt handshake).
        acquire_seconds: Getting a connection from the pool, opening included
            (kept above ``connect_seconds``, as the driver asks).
        retry_seconds: How long a managed transaction (``execute_query``,
            ``execute_read``, ``execute_write``) keeps retrying a lost
            connection or a transient error.
    """

    connect_seconds: float = 10.0
    acquire_seconds: float = 60.0
    retry_seconds: float = 30.0


#: Batch commands (ingest, train): ride out a short restart rather than fail the run.
BATCH_TIMEOUTS = DriverTimeouts()
#: The API: answer 503 within seconds instead of holding the request while the
#: driver waits; one retry (after about a second) still covers a stale pooled
#: connection after a server restart.
SERVING_TIMEOUTS = DriverTimeouts(connect_seconds=3.0, acquire_seconds=5.0, retry_seconds=1.0)


def local_server(settings: Settings, *, java: str | None = None) -> LocalNeo4j:
    """Describe the local server instance the settings point at (nothing starts).

    Raises:
        EnvironmentToolError: Java is missing or too old.
        Neo4jInstallError: The jars are not installed (run ``jobgraph neo4j install``).
    """
    java = java or find_java(settings.java)
    installation = installed(settings.neo4j_install_dir, settings.neo4j_version)
    if installation is None:
        installation = install(
            settings.neo4j_install_dir,
            settings.neo4j_version,
            java=java,
            maven=settings.maven,
        )
    return LocalNeo4j(
        settings.neo4j_home,
        installation,
        java=java,
        port=settings.neo4j_port,
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
        auth=settings.neo4j_auth,
        start_timeout=settings.neo4j_start_timeout,
    )


def open_driver(
    settings: Settings, *, start_local: bool = True, timeouts: DriverTimeouts = BATCH_TIMEOUTS
) -> Driver:
    """Return a connected driver for the configured server.

    With ``NEO4J_URI`` set, that server is used as it is. Otherwise the local
    server is installed and started when needed (``start_local``), with a note
    on stderr. ``timeouts`` bound the driver's waits on an unreachable server.

    Raises:
        GraphUnavailableError: The server cannot be reached or refused the
            credentials.
    """
    if settings.neo4j_uri:
        uri = settings.neo4j_uri
        auth = (settings.neo4j_user, settings.neo4j_password) if settings.neo4j_password else None
    else:
        server = local_server(settings)
        uri = server.recorded_uri() or ""
        if not uri:
            if not start_local:
                raise GraphUnavailableError(
                    "the local Neo4j is not running; start it with `jobgraph neo4j start`"
                )
            print("starting the local Neo4j server…", file=sys.stderr)
            uri = server.start().uri
        auth = server.credentials()
    return connect(uri, auth, timeouts=timeouts)


def connect(
    uri: str, auth: tuple[str, str] | None, *, timeouts: DriverTimeouts = BATCH_TIMEOUTS
) -> Driver:
    """Open a driver to ``uri`` and check that it answers.

    Use a ``bolt://`` URI for a single server: a ``neo4j://`` (routing) driver
    also reconnects after a restart, but first has to fetch a routing table.

    Raises:
        GraphUnavailableError: Unreachable server, bad URI or bad credentials.
    """
    try:
        driver = GraphDatabase.driver(
            uri,
            auth=auth,
            connection_timeout=timeouts.connect_seconds,
            connection_acquisition_timeout=timeouts.acquire_seconds,
            max_transaction_retry_time=timeouts.retry_seconds,
            # Hints such as "property does not exist yet" are noise for a batch tool.
            notifications_min_severity="OFF",
        )
    except (ConfigurationError, ValueError) as error:
        raise GraphUnavailableError(f"invalid Neo4j URI {uri!r}: {error}") from error
    try:
        driver.verify_connectivity()
    except AuthError as error:
        driver.close()
        raise GraphUnavailableError(
            f"Neo4j at {uri} refused the credentials; check NEO4J_USER / NEO4J_PASSWORD"
        ) from error
    except (ServiceUnavailable, DriverError, Neo4jError, OSError) as error:
        driver.close()
        raise GraphUnavailableError(
            f"cannot reach Neo4j at {uri}; is the server running and NEO4J_URI right?"
        ) from error
    return driver


# Said after every lost connection: what was kept and what to do.
_WHAT_WAS_KEPT = (
    "every write batch is committed whole or not at all, so the graph holds only "
    "complete batches; once Neo4j is up again (`jobgraph neo4j start` for the local "
    "server) re-run the same command: it continues safely"
)


def _one_line(error: Exception) -> str:
    detail = " ".join(str(error).split()) or "no details"
    return f"{type(error).__name__}: {detail[:200]}"


def unavailable_error(error: Exception) -> GraphUnavailableError | None:
    """Translate a driver error meaning "the server went away" into one clear error.

    A lost connection, a server that stopped or restarted, or a database that
    is temporarily unavailable, raised by the driver in the middle of any
    command (after the driver's own retries), becomes a
    :class:`~jobgraph.errors.GraphUnavailableError` whose message says what
    happened, what was kept and that re-running is safe.

    Args:
        error: Any exception.

    Returns:
        The translated error, or ``None`` when ``error`` is something else (a
        Cypher or constraint error is a bug or bad data, not an outage).
    """
    if isinstance(error, IncompleteCommit):
        happened = (
            "the connection to Neo4j was lost while a batch was being committed "
            "(that one batch may or may not have been kept)"
        )
    elif isinstance(error, ServiceUnavailable | SessionExpired | ConnectionPoolError):
        happened = "lost the connection to Neo4j (the server stopped, restarted or is unreachable)"
    elif isinstance(error, TransientError):
        happened = "Neo4j was temporarily unavailable and the driver's retries ran out"
    else:
        return None
    return GraphUnavailableError(f"{happened} [{_one_line(error)}]; {_WHAT_WAS_KEPT}")
