"""A built :class:`~jobgraph.taxonomy.lookup.TaxonomyLookup` on disk, beside the taxonomy snapshot.

Building the lookup over ESCO + O*NET (label dictionaries of about 250,000
names and aliases, and the near-spelling trigram index) takes 15-25 s of
CPU per process; every ingest worker and every ``jobgraph parse --taxonomy
graph`` paid it. :func:`cached_lookup` builds it once and writes its indexes
next to the compiled taxonomy (:mod:`jobgraph.taxonomy.snapshot`), so later
processes read them back in a second or two.

A cache file is named by the taxonomy version and a fingerprint of the code
that builds the indexes (every module of this package, and the Python
version), so changed lookup code never reads indexes an older version built.
Its content repeats format, fingerprint and version, and is checked against the
taxonomy; a file that cannot be read, is damaged, or belongs to something else
is ignored and built again. Pickles run code when read: only files in the
folder the caller passes (the user's own data folder, ``<data dir>/taxonomy``)
with the names this module writes are ever read; never point it at a folder
other people can write to.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from jobgraph.code_digest import source_digest
from jobgraph.taxonomy.label_index import LabelIndex
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.model import Taxonomy

# Bump when the cached shape changes in a way the fingerprint would not see.
CACHE_FORMAT = 1
_PREFIX = "lookup-"
_SUFFIX = ".pkl"
KEEP = 3  # cache files kept per folder
_INDEX_NAMES = ("skills", "titles", "core_titles")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the code that builds a lookup: this package's modules and Python's version."""
    code = source_digest("taxonomy")
    return hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:2]}|{code}".encode()).hexdigest()[:16]


def cache_path(directory: Path, version: str) -> Path:
    """The file holding the lookup indexes of taxonomy ``version`` built by this code."""
    return directory / f"{_PREFIX}{version}-{code_fingerprint()}{_SUFFIX}"


def cached_lookup(directory: Path, taxonomy: Taxonomy) -> TaxonomyLookup:
    """Return a warmed-up lookup over ``taxonomy``, from the cache in ``directory`` when it fits.

    Without a usable cache file the lookup is built and written (a folder that
    cannot be written only costs the cache, never the lookup).

    Args:
        directory: The user's taxonomy data folder (the snapshot folder).
        taxonomy: A compiled taxonomy (with a version; without one nothing is cached).
    """
    if taxonomy.version:
        found = read_lookup(directory, taxonomy)
        if found is not None:
            return found
    lookup = TaxonomyLookup(taxonomy)
    lookup.warm_up()
    if taxonomy.version:
        # A read-only or full disk costs the cache only: the next process builds again.
        with contextlib.suppress(OSError):
            write_lookup(directory, lookup)
    return lookup


def write_lookup(directory: Path, lookup: TaxonomyLookup) -> Path:
    """Write the built indexes of ``lookup`` atomically; keep the newest few files.

    Args:
        directory: The taxonomy data folder (created when missing).
        lookup: A lookup without an encoder, over a taxonomy with a version.

    Returns:
        The path written.
    """
    version = lookup.taxonomy.version
    if not version:
        raise ValueError("write_lookup: the taxonomy has no version; compile it first")
    directory.mkdir(parents=True, exist_ok=True)
    path = cache_path(directory, version)
    indexes = lookup.built_indexes()
    payload = (CACHE_FORMAT, code_fingerprint(), version, _shape(lookup.taxonomy), indexes)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _prune(directory, keep=path)
    return path


def read_lookup(directory: Path, taxonomy: Taxonomy) -> TaxonomyLookup | None:
    """Return the cached lookup over ``taxonomy``, or ``None`` when no usable file holds it.

    Args:
        directory: The taxonomy data folder.
        taxonomy: The compiled taxonomy the lookup is wanted for.
    """
    if not taxonomy.version:
        return None
    path = cache_path(directory, taxonomy.version)
    collecting = gc.isenabled()
    # A million small objects come back at once: the collector would walk them
    # again and again for nothing (none of them form cycles).
    gc.disable()
    try:
        with path.open("rb") as stream:
            loaded = pickle.load(stream)  # our own file (module docstring)
    except Exception:  # missing, truncated, foreign or outdated: build again
        return None
    finally:
        if collecting:
            gc.enable()
    if not (isinstance(loaded, tuple) and len(loaded) == 5):
        return None
    file_format, fingerprint, version, shape, indexes = loaded
    if (file_format, fingerprint, version) != (CACHE_FORMAT, code_fingerprint(), taxonomy.version):
        return None
    if shape != _shape(taxonomy) or not _well_formed(indexes):
        return None
    return TaxonomyLookup.from_built_indexes(taxonomy, indexes)


def _shape(taxonomy: Taxonomy) -> tuple[int, int, int]:
    """Counts a cache must agree with (a cheap guard beside the version)."""
    labels = sum(1 + len(skill.aliases) for skill in taxonomy.skills.values())
    return len(taxonomy.skills), len(taxonomy.occupations), labels


def _well_formed(indexes: Any) -> bool:
    if not isinstance(indexes, dict) or not isinstance(indexes.get("ladders"), dict):
        return False
    return all(isinstance(indexes.get(name), LabelIndex) for name in _INDEX_NAMES)


def _prune(directory: Path, keep: Path) -> None:
    files = sorted(
        directory.glob(f"{_PREFIX}*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in [path for path in files if path != keep][KEEP - 1 :]:
        old.unlink(missing_ok=True)
