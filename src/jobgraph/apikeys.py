"""API keys: created once, stored as HMAC-SHA256 digests under a server-side pepper.

A key looks like ``jg_<key id>_<secret>``; the id finds the stored entry, and the
whole key's HMAC is compared with :func:`hmac.compare_digest`. Keys are 256-bit
random secrets, so a fast keyed hash is right here: a slow password hash would
only slow every request. The pepper never sits beside the digests in a form
that reveals keys: without it the stored digests cannot be checked offline.

Storage (both mode 0600, in the settings' data folder):

- ``<data_dir>/api/keys.json``: id, name, scopes, digest, created, revoked.
- ``<data_dir>/api/pepper``: 32 random bytes (hex), made on first use, unless
  ``JOBGRAPH_API_PEPPER`` holds the pepper (then nothing is written).

A running server re-reads ``keys.json`` when its modification time changes, so
``jobgraph apikey revoke`` takes effect without a restart.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from jobgraph.config import Settings
from jobgraph.errors import ConfigError, NotFoundError

SCOPES = ("read", "write", "pii")
KEY_PREFIX = "jg_"
PEPPER_ENV = "JOBGRAPH_API_PEPPER"
#: Keys given in JOBGRAPH_API_KEYS (settings.api_keys) get every scope.
ENVIRONMENT_KEY_ID = "env"


@dataclass(frozen=True)
class ApiKey:
    """A stored key: everything but the secret."""

    id: str
    name: str
    scopes: tuple[str, ...]
    digest: str
    created_at: float
    revoked_at: float | None = None

    @property
    def active(self) -> bool:
        """False once revoked."""
        return self.revoked_at is None

    def public(self) -> dict[str, object]:
        """What ``jobgraph apikey list`` shows (no digest)."""
        values = asdict(self)
        values.pop("digest")
        values["scopes"] = list(self.scopes)
        return values


@dataclass(frozen=True)
class Principal:
    """The caller a valid key identifies."""

    key_id: str
    name: str
    scopes: frozenset[str] = field(default_factory=frozenset)


def parse_scopes(text: str | Iterable[str]) -> tuple[str, ...]:
    """``"read,write"`` -> ``("read", "write")``.

    Raises:
        ConfigError: An unknown or empty scope list.
    """
    items = text.split(",") if isinstance(text, str) else list(text)
    scopes = tuple(dict.fromkeys(item.strip() for item in items if item.strip()))
    unknown = [scope for scope in scopes if scope not in SCOPES]
    if unknown or not scopes:
        raise ConfigError(
            f"scopes {','.join(scopes) or '(none)'}: use one or more of {', '.join(SCOPES)}"
        )
    return scopes


class KeyStore:
    """The API keys in ``<folder>/keys.json`` and the pepper that keys their digests.

    Args:
        folder: Where ``keys.json`` and ``pepper`` live (created 0700).
        pepper: The pepper; read from ``JOBGRAPH_API_PEPPER`` or ``<folder>/pepper``
            (created on first use) when ``None``.
        extra_keys: Plain keys accepted with every scope (``JOBGRAPH_API_KEYS``).
    """

    def __init__(
        self, folder: Path, *, pepper: bytes | None = None, extra_keys: Iterable[str] = ()
    ) -> None:
        self.folder = folder
        self.file = folder / "keys.json"
        self._pepper = pepper
        self._lock = threading.Lock()
        self._loaded_mtime: int | None = None
        self._keys: dict[str, ApiKey] = {}
        self._extra = [self.digest(key) for key in extra_keys]

    # -- secrets -----------------------------------------------------------------
    @property
    def pepper(self) -> bytes:
        """The server-side pepper (made and stored, mode 0600, on first use)."""
        if self._pepper is None:
            from_env = os.environ.get(PEPPER_ENV, "").strip()
            if from_env:
                self._pepper = from_env.encode()
            else:
                self._pepper = self._stored_pepper()
        return self._pepper

    def _stored_pepper(self) -> bytes:
        path = self.folder / "pepper"
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(FileExistsError):
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32))
        value = path.read_text(encoding="utf-8").strip()
        if len(value) < 32:
            raise ConfigError(f"{path}: the pepper is too short; delete the file to make a new one")
        return value.encode()

    def digest(self, key: str) -> str:
        """HMAC-SHA256 of ``key`` under the pepper, hex."""
        return hmac.new(self.pepper, key.encode(), hashlib.sha256).hexdigest()

    # -- file --------------------------------------------------------------------
    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with (self.folder / "keys.lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read(self) -> dict[str, ApiKey]:
        if not self.file.is_file():
            return {}
        try:
            rows = json.loads(self.file.read_text(encoding="utf-8"))
            return {
                row["id"]: ApiKey(**{**row, "scopes": tuple(row["scopes"])}) for row in rows
            }
        except (ValueError, KeyError, TypeError) as error:
            raise ConfigError(
                f"{self.file}: not a valid key file ({error}); restore it or delete it "
                "and create the keys again"
            ) from error

    def _write(self, keys: dict[str, ApiKey]) -> None:
        temporary = self.file.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump([asdict(key) for key in keys.values()], handle, indent=2)
        os.replace(temporary, self.file)

    def _current(self) -> dict[str, ApiKey]:
        """The keys, re-read when the file changed since the last read."""
        try:
            mtime: int | None = self.file.stat().st_mtime_ns
        except FileNotFoundError:
            mtime = None
        with self._lock:
            if mtime != self._loaded_mtime:
                self._keys = self._read()
                self._loaded_mtime = mtime
            return self._keys

    # -- operations ----------------------------------------------------------------
    def create(self, name: str, scopes: Iterable[str]) -> tuple[ApiKey, str]:
        """Make a key; returns the stored entry and the key itself (shown once)."""
        chosen = parse_scopes(scopes)
        with self._exclusive():
            keys = self._read()
            key_id = secrets.token_hex(6)
            while key_id in keys:  # pragma: no cover - 48 random bits
                key_id = secrets.token_hex(6)
            plain = f"{KEY_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
            entry = ApiKey(key_id, name, chosen, self.digest(plain), time.time())
            keys[key_id] = entry
            self._write(keys)
        return entry, plain

    def list(self) -> list[ApiKey]:
        """Every key, revoked ones included, oldest first."""
        return sorted(self._read().values(), key=lambda key: key.created_at)

    def revoke(self, key_id: str) -> ApiKey:
        """Revoke a key by id (idempotent).

        Raises:
            NotFoundError: No key has that id.
        """
        with self._exclusive():
            keys = self._read()
            if key_id not in keys:
                raise NotFoundError(f"API key {key_id!r}: no such key; see `jobgraph apikey list`")
            if keys[key_id].active:
                keys[key_id] = replace(keys[key_id], revoked_at=time.time())
                self._write(keys)
            return keys[key_id]

    def rotate(self, key_id: str) -> tuple[ApiKey, str]:
        """Revoke a key and make a new one with the same name and scopes."""
        old = self.revoke(key_id)
        return self.create(old.name, old.scopes)

    def verify(self, presented: str) -> Principal | None:
        """Return who ``presented`` belongs to, or ``None`` for an unknown or revoked key."""
        if not presented or len(presented) > 200:
            return None
        candidate = self.digest(presented)
        for extra in self._extra:
            if hmac.compare_digest(candidate, extra):
                return Principal(ENVIRONMENT_KEY_ID, "JOBGRAPH_API_KEYS", frozenset(SCOPES))
        parts = presented.split("_", 2)
        if len(parts) != 3 or f"{parts[0]}_" != KEY_PREFIX:
            return None
        entry = self._current().get(parts[1])
        if entry is None or not hmac.compare_digest(candidate, entry.digest) or not entry.active:
            return None
        return Principal(entry.id, entry.name, frozenset(entry.scopes))


def keys_folder(settings: Settings) -> Path:
    """Where API keys and the pepper are stored: ``<data_dir>/api``."""
    return settings.data_dir / "api"
