"""A compiled taxonomy on disk, so a process can load the one in force in seconds.

Reading ESCO + O*NET back from Neo4j and compiling them with the built-in
vocabulary (:func:`jobgraph.taxonomy.in_force.compile_in_force`) takes about a
minute. ``jobgraph taxonomy import`` / ``load`` write the result here, named by
its :attr:`~jobgraph.taxonomy.model.Taxonomy.version`; the graph records that
version (``jobgraph.graph.taxonomy_snapshot``), so a parser or an ingest worker
reads one small file instead of the whole graph.

The file is a gzip-compressed pickle of ``(format, built-in version, taxonomy)``.
A file of another format, compiled against another built-in vocabulary, or that
cannot be read is ignored (the caller compiles from the graph again). Pickles run
code when read: only files this module wrote, in the user's own data folder, are
read.
"""

from __future__ import annotations

import gzip
import os
import pickle
import tempfile
from pathlib import Path

from jobgraph.taxonomy.model import Taxonomy

# Bump when the compiled shape or the compile rules change: older files are ignored.
SNAPSHOT_FORMAT = 2
_PREFIX = "taxonomy-"
_SUFFIX = ".pkl.gz"
KEEP = 3  # snapshots kept per folder (one per graph version recently used)


def snapshot_path(directory: Path, version: str) -> Path:
    """The file holding the compiled taxonomy ``version`` in ``directory``."""
    return directory / f"{_PREFIX}{version}{_SUFFIX}"


def write_snapshot(directory: Path, taxonomy: Taxonomy, builtin_version: str) -> Path:
    """Write ``taxonomy`` (its version set) atomically; keep the newest few files.

    Args:
        directory: The snapshot folder (created when missing).
        taxonomy: The compiled taxonomy in force.
        builtin_version: Version of the built-in taxonomy it was compiled with.

    Returns:
        The path written.
    """
    if not taxonomy.version:
        raise ValueError("write_snapshot: the taxonomy has no version; compile it first")
    directory.mkdir(parents=True, exist_ok=True)
    path = snapshot_path(directory, taxonomy.version)
    payload = pickle.dumps(
        (SNAPSHOT_FORMAT, builtin_version, taxonomy), protocol=pickle.HIGHEST_PROTOCOL
    )
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=_SUFFIX)
    try:
        with (
            os.fdopen(handle, "wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=3) as out,
        ):
            out.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _prune(directory, keep=path)
    return path


def read_snapshot(directory: Path, version: str, builtin_version: str) -> Taxonomy | None:
    """Return the compiled taxonomy ``version``, or ``None`` when no usable file holds it.

    Args:
        directory: The snapshot folder.
        version: The version the graph says is in force.
        builtin_version: The built-in taxonomy this process ships; a file
            compiled against another one is stale.
    """
    path = snapshot_path(directory, version)
    try:
        with gzip.open(path, "rb") as stream:
            loaded = pickle.load(stream)  # our own file (module docstring)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated, foreign or outdated file: compile again
        return None
    if not (isinstance(loaded, tuple) and len(loaded) == 3):
        return None
    file_format, file_builtin, taxonomy = loaded
    if file_format != SNAPSHOT_FORMAT or file_builtin != builtin_version:
        return None
    if not isinstance(taxonomy, Taxonomy) or taxonomy.version != version:
        return None
    return taxonomy


def _prune(directory: Path, keep: Path) -> None:
    files = sorted(
        directory.glob(f"{_PREFIX}*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in [path for path in files if path != keep][KEEP - 1 :]:
        old.unlink(missing_ok=True)
