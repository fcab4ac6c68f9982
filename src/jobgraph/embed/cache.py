"""A persistent, content-addressed cache of text vectors.

A vector is stored under the SHA-256 of the model name and the *normalised*
text (whitespace collapsed, lower-cased: the MiniLM tokenizer is uncased, so
case never changes a vector). The text that is encoded is that normalised form,
so a cached vector is exactly what a fresh encode would return. The cache is one
SQLite file; values are raw float32 bytes.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from jobgraph.errors import ConfigError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_SPACES = re.compile(r"\s+")
_CHUNK = 500  # keys per SELECT, well under SQLite's bound-variable limit


class TextEncoder(Protocol):
    """What :func:`encode_cached` needs from an encoder (``MiniLMEncoder`` fits)."""

    @property
    def dimension(self) -> int:
        """Length of every vector."""
        ...

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return unit-length float32 rows, one per text."""
        ...


def normalise_text(text: str) -> str:
    """Collapse whitespace and lower-case ``text`` (the form that is encoded and hashed)."""
    return _SPACES.sub(" ", str(text)).strip().lower()


def default_cache_path() -> Path:
    """``<data_dir>/vectors/minilm.sqlite`` for the settings in the environment."""
    from jobgraph.config import Settings

    return Settings.from_env().data_dir / "vectors" / "minilm.sqlite"


class VectorCache:
    """Vectors by content hash, kept in a SQLite file.

    Args:
        path: The SQLite file (created with its folder); default
            ``Settings.data_dir / "vectors" / "minilm.sqlite"``. ``":memory:"``
            keeps the cache in memory only.
        model: Model name mixed into every key, so two models never share entries.

    Raises:
        ConfigError: The file cannot be opened or is not a vector cache.
    """

    def __init__(self, path: Path | str | None = None, *, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        target: Path | str
        if path is None:
            target = default_cache_path()
        elif str(path) == ":memory:":
            target = ":memory:"
        else:
            target = Path(path)
        if isinstance(target, Path):
            target.parent.mkdir(parents=True, exist_ok=True)
        self.path = target
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(str(target), check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"
            )
        except sqlite3.DatabaseError as error:
            raise ConfigError(
                f"{target}: cannot use as a vector cache ({error}); delete the file to rebuild it"
            ) from error

    def key(self, text: str) -> bytes:
        """The cache key of ``text``: SHA-256 of the model name and the normalised text."""
        payload = f"{self.model}\x00{normalise_text(text)}".encode()
        return hashlib.sha256(payload).digest()

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        """Return the stored vectors of those ``keys`` that are present."""
        found: dict[bytes, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        with self._lock:
            for start in range(0, len(unique), _CHUNK):
                chunk = unique[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))  # placeholders only; keys are bound
                rows = self._db.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({marks})",
                    chunk,
                ).fetchall()
                for key, blob in rows:
                    found[bytes(key)] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: Iterable[tuple[bytes, np.ndarray]]) -> None:
        """Store ``(key, vector)`` pairs (float32), replacing any present."""
        rows = [(key, np.ascontiguousarray(v, dtype=np.float32).tobytes()) for key, v in items]
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT count(*) FROM vectors").fetchone()
        return int(count)

    def close(self) -> None:
        """Close the SQLite connection."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> VectorCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def encode_cached(
    encoder: TextEncoder, texts: Sequence[str], cache: VectorCache | None
) -> np.ndarray:
    """Embed ``texts``, encoding only what the cache does not hold yet.

    Texts are normalised (:func:`normalise_text`); equal normalised texts are
    encoded once, in the encoder's batches, and new vectors are stored.

    Args:
        encoder: The text encoder (``MiniLMEncoder``).
        texts: Any number of strings.
        cache: Where vectors persist; ``None`` encodes everything (deduplicated).

    Returns:
        A float32 array of shape ``(len(texts), encoder.dimension)``, unit rows.
    """
    dimension = encoder.dimension
    if len(texts) == 0:
        return np.zeros((0, dimension), dtype=np.float32)
    normalised = [normalise_text(text) for text in texts]
    unique = list(dict.fromkeys(normalised))
    vectors: dict[str, np.ndarray] = {}
    keys: dict[str, bytes] = {}
    if cache is not None:
        keys = {text: cache.key(text) for text in unique}
        stored = cache.get_many(list(keys.values()))
        for text, key in keys.items():
            vector = stored.get(key)
            if vector is not None and vector.shape == (dimension,):
                vectors[text] = vector
    missing = [text for text in unique if text not in vectors]
    if missing:
        encoded = np.asarray(encoder.encode(missing), dtype=np.float32)
        vectors.update(zip(missing, encoded, strict=True))
        if cache is not None:
            cache.put_many(
                (keys[text], vector) for text, vector in zip(missing, encoded, strict=True)
            )
    return np.stack([vectors[text] for text in normalised]).astype(np.float32, copy=False)
