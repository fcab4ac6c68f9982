"""Run the real Neo4j Community server from the jars installed with Maven.

One instance lives in one folder (``home``)::

    home/conf/neo4j.conf     generated on every start
    home/data/               the store (only one process may open it)
    home/logs/               console.log, debug.log
    home/run/neo4j.pid       pid of the running JVM
    home/run/instance.json   port, URI, version and start time of that JVM
    home/password            generated password, mode 0600 (auth on)

The JVM is started with ``org.neo4j.server.CommunityEntryPoint --console-mode``
in a session of its own, so it outlives the command that started it; SIGTERM
shuts it down cleanly.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from jobgraph.errors import Neo4jServerError
from jobgraph.graph.cypher import load_query
from jobgraph.graph.neo4j_install import Installation

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dfile.encoding=UTF-8",
)


@dataclass(frozen=True)
class ServerStatus:
    """What ``jobgraph neo4j status`` reports."""

    state: str  # "running" | "stopped" | "unreachable"
    home: str
    pid: int | None = None
    uri: str | None = None
    version: str | None = None
    store_bytes: int = 0
    auth: bool = True

    def to_dict(self) -> dict[str, object]:
        """Return the status as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True)
class StartResult:
    """Outcome of :meth:`LocalNeo4j.start`."""

    uri: str
    pid: int
    seconds: float
    already_running: bool


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def port_is_free(port: int) -> bool:
    """True when nothing listens on 127.0.0.1:``port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Like the server itself, ignore connections left in TIME_WAIT by a clean stop.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        # Guard against pid reuse after a crash: it must still be a Neo4j JVM.
        with contextlib.suppress(OSError):
            return ENTRY_POINT.encode() in cmdline.read_bytes()
    return True


class LocalNeo4j:
    """One local Neo4j server instance living in ``home``."""

    def __init__(
        self,
        home: Path,
        installation: Installation,
        *,
        java: str,
        port: int = 7687,
        heap: str = "2g",
        pagecache: str = "2g",
        auth: bool = True,
        start_timeout: float = 180.0,
    ) -> None:
        """Describe an instance; nothing is started until :meth:`start`.

        Args:
            home: The instance folder (created when missing).
            installation: The jars to run.
            java: Java executable (17 or 21).
            port: Bolt port on 127.0.0.1; 0 picks a free one at each start.
            heap: JVM heap size (``-Xms``/``-Xmx``), e.g. ``"2g"``.
            pagecache: Neo4j page cache size, e.g. ``"2g"``.
            auth: Require a password (generated on first start).
            start_timeout: Seconds to wait for Bolt to answer.
        """
        self.home = home
        self.installation = installation
        self.java = java
        self.port = port
        self.heap = heap
        self.pagecache = pagecache
        self.auth = auth
        self.start_timeout = start_timeout

    # -- paths --------------------------------------------------------------
    @property
    def conf_dir(self) -> Path:
        """Folder of the generated ``neo4j.conf``."""
        return self.home / "conf"

    @property
    def data_dir(self) -> Path:
        """The store folder."""
        return self.home / "data"

    @property
    def logs_dir(self) -> Path:
        """Log folder; ``console.log`` holds the JVM's output."""
        return self.home / "logs"

    @property
    def password_file(self) -> Path:
        """The generated password (mode 0600) when auth is on."""
        return self.home / "password"

    @property
    def _pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def _state_file(self) -> Path:
        return self.home / "run" / "instance.json"

    # -- state --------------------------------------------------------------
    def running_pid(self) -> int | None:
        """Pid of the running server, or ``None`` (a stale pid file is removed)."""
        try:
            pid = int(self._pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        if _pid_alive(pid):
            return pid
        self._clear_run_files()
        return None

    def _clear_run_files(self) -> None:
        for file in (self._pid_file, self._state_file):
            file.unlink(missing_ok=True)

    def recorded_uri(self) -> str | None:
        """Bolt URI recorded by the last start, if the server is running."""
        if self.running_pid() is None:
            return None
        try:
            state = json.loads(self._state_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None
        uri = state.get("uri")
        return uri if isinstance(uri, str) else None

    def credentials(self) -> tuple[str, str] | None:
        """``("neo4j", password)`` when auth is on, else ``None``."""
        if not self.auth:
            return None
        try:
            return ("neo4j", self.password_file.read_text(encoding="utf-8").strip())
        except OSError as error:
            raise Neo4jServerError(
                f"{self.password_file} is missing: the local server's password was lost; "
                f"stop the server and delete {self.data_dir / 'dbms' / 'auth.ini'} to reset it"
            ) from error

    def store_bytes(self) -> int:
        """Size of the data folder on disk."""
        if not self.data_dir.exists():
            return 0
        return sum(f.stat().st_size for f in self.data_dir.rglob("*") if f.is_file())

    # -- lifecycle ----------------------------------------------------------
    def start(self) -> StartResult:
        """Start the server unless it runs already, and wait until Bolt answers.

        Returns:
            The URI, pid, seconds taken and whether it was already running.

        Raises:
            Neo4jServerError: The port is taken, the JVM exited, or Bolt did not
                answer within the timeout (the message quotes the log).
        """
        started = time.monotonic()
        pid = self.running_pid()
        if pid is not None:
            uri = self.recorded_uri() or f"bolt://127.0.0.1:{self.port}"
            return StartResult(uri, pid, 0.0, already_running=True)

        port = self.port or free_port()
        if not port_is_free(port):
            raise Neo4jServerError(
                f"port {port} on 127.0.0.1 is taken by another process; "
                "choose another with JOBGRAPH_NEO4J_PORT (0 picks a free one)"
            )
        for folder in (self.conf_dir, self.data_dir, self.logs_dir, self._pid_file.parent):
            folder.mkdir(parents=True, exist_ok=True)
        self._write_config(port)
        if self.auth:
            self._ensure_password()

        console = self.logs_dir / "console.log"
        command = [
            self.java,
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            *JVM_FLAGS,
            "-cp",
            self.installation.classpath,
            ENTRY_POINT,
            f"--home-dir={self.home}",
            f"--config-dir={self.conf_dir}",
            "--console-mode",
        ]
        with console.open("ab") as log:
            process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=self.home,
                start_new_session=True,
            )
        self._pid_file.write_text(str(process.pid))
        uri = f"bolt://127.0.0.1:{port}"
        try:
            self._wait_for_bolt(uri, process)
        except Neo4jServerError:
            self._terminate(process.pid, timeout=30)
            self._clear_run_files()
            raise
        self._state_file.write_text(
            json.dumps(
                {
                    "pid": process.pid,
                    "port": port,
                    "uri": uri,
                    "version": self.installation.version,
                    "started_at": time.time(),
                },
                indent=2,
            ),
            encoding="utf-8",
        )
        return StartResult(uri, process.pid, time.monotonic() - started, already_running=False)

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server cleanly (SIGTERM, then wait; SIGKILL only past ``timeout``).

        Returns:
            True when a running server was stopped, False when none was running.
        """
        pid = self.running_pid()
        if pid is None:
            return False
        self._terminate(pid, timeout=timeout)
        self._clear_run_files()
        return True

    def status(self) -> ServerStatus:
        """Report running / stopped / unreachable, with version and store size."""
        pid = self.running_pid()
        uri = self.recorded_uri() if pid is not None else None
        version = self._query_version(uri) if uri else None
        state = "running" if version else "unreachable"
        if pid is None:
            state = "stopped"
        return ServerStatus(
            state=state,
            home=str(self.home),
            pid=pid,
            uri=uri,
            version=version,
            store_bytes=self.store_bytes(),
            auth=self.auth,
        )

    def log_tail(self, lines: int = 40) -> str:
        """Return the last ``lines`` lines of the console log."""
        console = self.logs_dir / "console.log"
        if not console.exists():
            return ""
        text = console.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    # -- internals ----------------------------------------------------------
    def _write_config(self, port: int) -> None:
        settings = {
            "server.default_listen_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{port}",
            "server.bolt.advertised_address": f"127.0.0.1:{port}",
            "server.http.enabled": "false",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": "true" if self.auth else "false",
            "server.directories.data": str(self.data_dir),
            "server.directories.logs": str(self.logs_dir),
            "server.directories.plugins": str(self.installation.plugins_dir),
            "server.directories.run": str(self._pid_file.parent),
            "server.memory.pagecache.size": self.pagecache,
            "dbms.usage_report.enabled": "false",
            "dbms.security.procedures.unrestricted": "apoc.*",
            "dbms.security.procedures.allowlist": "apoc.*,gds.*,db.*,dbms.*",
            "db.logs.query.enabled": "OFF",
            "db.tx_log.rotation.retention_policy": "2 files",
            "db.tx_log.preallocate": "false",
            # While a request runs, Bolt sends a NOOP every 2 s and tells the driver
            # (hint connection.recv_timeout_seconds = 2 s x 3) to give a connection up
            # after 6 s of silence: a frozen server (SIGSTOP, a partition) fails a
            # query in seconds instead of holding it (the default is 2 x 60 s).
            "server.bolt.connection_keep_alive_for_requests": "ALL",
            "server.bolt.connection_keep_alive": "2s",
            "server.bolt.connection_keep_alive_probes": "3",
            # Bolt's network threads otherwise idle 2 x 5 s before a clean stop ends.
            "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
            "internal.server.bolt.connection_shutdown_wait_time": "1s",
        }
        text = "# Generated by jobgraph on every start; edits are overwritten.\n"
        text += "".join(f"{key}={value}\n" for key, value in settings.items())
        (self.conf_dir / "neo4j.conf").write_text(text, encoding="utf-8")

    def _ensure_password(self) -> None:
        """Set a generated initial password before the very first start."""
        if (self.data_dir / "dbms" / "auth.ini").exists():
            self.credentials()  # raises when the password file was lost
            return
        # Hex only: a password starting with "-" would be read as an option by the admin tool.
        password = secrets.token_hex(24)
        self.password_file.touch(mode=0o600, exist_ok=True)
        self.password_file.chmod(0o600)
        self.password_file.write_text(password, encoding="utf-8")
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.conf_dir)}
        completed = subprocess.run(
            [
                self.java,
                "-cp",
                self.installation.classpath,
                ADMIN_TOOL,
                "dbms",
                "set-initial-password",
                password,
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        if completed.returncode != 0:
            output = (completed.stderr or completed.stdout).strip().splitlines()
            raise Neo4jServerError(
                "could not set the initial password: " + " ".join(output[:3])[:500]
            )

    def _wait_for_bolt(self, uri: str, process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + self.start_timeout
        auth = self.credentials()
        last_error = ""
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise Neo4jServerError(
                    f"Neo4j exited with code {process.returncode} during start-up; "
                    f"last lines of {self.logs_dir / 'console.log'}:\n{self.log_tail(15)}"
                )
            try:
                with GraphDatabase.driver(uri, auth=auth) as driver:
                    driver.verify_connectivity()
                return
            except (ServiceUnavailable, OSError) as error:
                last_error = str(error)
            except (AuthError, Neo4jError) as error:
                raise Neo4jServerError(
                    f"Neo4j at {uri} refused the credentials: {error}"
                ) from error
            time.sleep(0.5)
        raise Neo4jServerError(
            f"Neo4j did not answer on {uri} within {self.start_timeout:.0f}s ({last_error}); "
            f"see {self.logs_dir / 'console.log'}"
        )

    def _query_version(self, uri: str) -> str | None:
        try:
            with GraphDatabase.driver(uri, auth=self.credentials()) as driver:
                records, _, _ = driver.execute_query(
                    load_query("server_version"), database_="system"
                )
                return str(records[0]["version"]) if records else None
        except (ServiceUnavailable, OSError, Neo4jError):
            return None

    @staticmethod
    def _terminate(pid: int, timeout: float) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                # Reap it when it is our own child, so it does not linger as a zombie.
                os.waitpid(pid, os.WNOHANG)
            if not _pid_alive(pid):
                return
            time.sleep(0.2)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
