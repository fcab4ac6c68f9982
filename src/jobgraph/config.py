"""One settings object, read from the environment.

Precedence: defaults, then environment variables (``JOBGRAPH_*`` and the
standard ``NEO4J_*`` ones), then explicit overrides passed by the caller (tests,
the Flask app factory). With ``NEO4J_URI`` unset jobgraph runs its own local
Neo4j server; with it set, that server is used unchanged and nothing is started.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from jobgraph.errors import ConfigError

DEFAULT_NEO4J_VERSION = "5.26.19"
DEFAULT_BOLT_PORT = 7687


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jobgraph"


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "jobgraph"


@dataclass(frozen=True)
class Settings:
    """Every knob jobgraph reads, with its environment variable in brackets.

    Attributes:
        neo4j_uri: External server to use (``NEO4J_URI``); ``None`` = local server.
        neo4j_user: User name (``NEO4J_USER``).
        neo4j_password: Password (``NEO4J_PASSWORD``); for the local server it is
            read from the generated password file when unset.
        neo4j_database: Database name (``NEO4J_DATABASE``).
        cache_dir: Where Neo4j jars are installed (``JOBGRAPH_CACHE_DIR``).
        data_dir: Where the local server keeps its data (``JOBGRAPH_DATA_DIR``).
        neo4j_version: Neo4j and APOC version to install (``JOBGRAPH_NEO4J_VERSION``).
        neo4j_port: Bolt port of the local server; 0 picks a free one
            (``JOBGRAPH_NEO4J_PORT``).
        neo4j_heap: JVM heap of the local server (``JOBGRAPH_NEO4J_HEAP``).
        neo4j_pagecache: Page cache of the local server (``JOBGRAPH_NEO4J_PAGECACHE``).
        neo4j_auth: Authentication on the local server (``JOBGRAPH_NEO4J_AUTH``).
        neo4j_start_timeout: Seconds to wait for Bolt to answer (``JOBGRAPH_NEO4J_START_TIMEOUT``).
        java: Java executable (``JOBGRAPH_JAVA``; else ``JAVA_HOME``; else ``PATH``).
        maven: Maven executable (``JOBGRAPH_MAVEN``; else ``PATH``).
        device: Torch device for models: ``auto``, ``cpu`` or ``cuda`` (``JOBGRAPH_DEVICE``).
        api_keys: Accepted API keys, comma-separated (``JOBGRAPH_API_KEYS``).
        match_weights: A weights file from ``jobgraph match fit-weights``
            (``JOBGRAPH_MATCH_WEIGHTS``); unset: the fitted file in the data folder
            when there is one, else the documented defaults.
        match_shortlist: Documents asked of each retrieval source before scoring
            (``JOBGRAPH_MATCH_SHORTLIST``).
    """

    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"
    cache_dir: Path = field(default_factory=_default_cache_dir)
    data_dir: Path = field(default_factory=_default_data_dir)
    neo4j_version: str = DEFAULT_NEO4J_VERSION
    neo4j_port: int = DEFAULT_BOLT_PORT
    neo4j_heap: str = "2g"
    neo4j_pagecache: str = "2g"
    neo4j_auth: bool = True
    neo4j_start_timeout: float = 180.0
    java: str | None = None
    maven: str | None = None
    device: str = "auto"
    api_keys: tuple[str, ...] = ()
    match_weights: Path | None = None
    match_shortlist: int = 50

    @property
    def uses_local_server(self) -> bool:
        """True when jobgraph manages its own Neo4j (``NEO4J_URI`` unset)."""
        return not self.neo4j_uri

    @property
    def neo4j_home(self) -> Path:
        """Folder of the local server instance: config, data, logs, run files."""
        return self.data_dir / "neo4j"

    @property
    def neo4j_install_dir(self) -> Path:
        """Folder holding the installed Neo4j and APOC jars for this version."""
        return self.cache_dir / "neo4j" / self.neo4j_version

    def to_dict(self, *, mask_secrets: bool = True) -> dict[str, Any]:
        """Return the settings as JSON-ready values (``schemas/settings.schema.json``).

        Args:
            mask_secrets: Replace the password and API keys with ``"***"``.
        """
        values: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, Path):
                value = str(value)
            elif isinstance(value, tuple):
                value = list(value)
            values[item.name] = value
        if mask_secrets:
            if values["neo4j_password"]:
                values["neo4j_password"] = "***"
            values["api_keys"] = ["***" for _ in values["api_keys"]]
        return values

    def with_overrides(self, **overrides: Any) -> Settings:
        """Return a copy with some fields replaced (unknown names raise ConfigError)."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
        return replace(self, **overrides)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from environment variables, then apply ``overrides``.

        Args:
            env: The environment to read; ``os.environ`` when omitted.
            **overrides: Field values that win over the environment.

        Returns:
            The settings.

        Raises:
            ConfigError: A variable has a value of the wrong type.
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = {}

        def text(name: str, key: str) -> None:
            value = env.get(name, "").strip()
            if value:
                values[key] = value

        text("NEO4J_URI", "neo4j_uri")
        text("NEO4J_USER", "neo4j_user")
        text("NEO4J_USERNAME", "neo4j_user")
        text("NEO4J_PASSWORD", "neo4j_password")
        text("NEO4J_DATABASE", "neo4j_database")
        text("JOBGRAPH_NEO4J_VERSION", "neo4j_version")
        text("JOBGRAPH_NEO4J_HEAP", "neo4j_heap")
        text("JOBGRAPH_NEO4J_PAGECACHE", "neo4j_pagecache")
        text("JOBGRAPH_JAVA", "java")
        text("JOBGRAPH_MAVEN", "maven")
        text("JOBGRAPH_DEVICE", "device")
        for name, key in (("JOBGRAPH_CACHE_DIR", "cache_dir"), ("JOBGRAPH_DATA_DIR", "data_dir"),
                          ("JOBGRAPH_MATCH_WEIGHTS", "match_weights")):
            if env.get(name, "").strip():
                values[key] = Path(env[name]).expanduser()
        if env.get("JOBGRAPH_NEO4J_PORT", "").strip():
            values["neo4j_port"] = _parse_int("JOBGRAPH_NEO4J_PORT", env["JOBGRAPH_NEO4J_PORT"])
        if env.get("JOBGRAPH_MATCH_SHORTLIST", "").strip():
            values["match_shortlist"] = _parse_int(
                "JOBGRAPH_MATCH_SHORTLIST", env["JOBGRAPH_MATCH_SHORTLIST"])
        if env.get("JOBGRAPH_NEO4J_START_TIMEOUT", "").strip():
            values["neo4j_start_timeout"] = float(
                _parse_int("JOBGRAPH_NEO4J_START_TIMEOUT", env["JOBGRAPH_NEO4J_START_TIMEOUT"])
            )
        if env.get("JOBGRAPH_NEO4J_AUTH", "").strip():
            values["neo4j_auth"] = _parse_bool("JOBGRAPH_NEO4J_AUTH", env["JOBGRAPH_NEO4J_AUTH"])
        if env.get("JOBGRAPH_API_KEYS", "").strip():
            values["api_keys"] = tuple(
                key.strip() for key in env["JOBGRAPH_API_KEYS"].split(",") if key.strip()
            )
        values.update(overrides)
        settings = cls().with_overrides(**values)
        if settings.device not in {"auto", "cpu", "cuda"} and not settings.device.startswith(
            "cuda:"
        ):
            raise ConfigError(
                f"JOBGRAPH_DEVICE={settings.device!r} is not one of auto, cpu, cuda, cuda:N"
            )
        if settings.match_shortlist < 1:
            raise ConfigError(f"JOBGRAPH_MATCH_SHORTLIST={settings.match_shortlist} must be ≥ 1")
        if not 0 <= settings.neo4j_port <= 65535:
            raise ConfigError(f"Bolt port {settings.neo4j_port} is outside 0..65535")
        return settings


def _parse_int(name: str, value: str) -> int:
    try:
        return int(value.strip())
    except ValueError as error:
        raise ConfigError(f"{name}={value!r} is not an integer") from error


def _parse_bool(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={value!r} is not a boolean (use true or false)")
