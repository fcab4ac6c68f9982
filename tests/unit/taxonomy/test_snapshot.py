"""Compiled taxonomy snapshots: written atomically, read only when they fit."""

from __future__ import annotations

import gzip
from pathlib import Path

from jobgraph.taxonomy.in_force import compile_in_force
from jobgraph.taxonomy.model import Skill, SkillKind, Taxonomy
from jobgraph.taxonomy.snapshot import KEEP, read_snapshot, snapshot_path, write_snapshot


def _compiled(name: str = "Zorblax Studio") -> Taxonomy:
    skill = Skill("onet:tech:zorblax", name, SkillKind.TOOL, source="onet")
    return compile_in_force(Taxonomy(skills={skill.id: skill}))


def test_round_trip(tmp_path: Path) -> None:
    taxonomy = _compiled()
    path = write_snapshot(tmp_path, taxonomy, "tx-builtin")
    assert path == snapshot_path(tmp_path, taxonomy.version)
    loaded = read_snapshot(tmp_path, taxonomy.version, "tx-builtin")
    assert loaded is not None and loaded.version == taxonomy.version
    assert loaded.skills == taxonomy.skills


def test_missing_stale_or_damaged_files_are_ignored(tmp_path: Path) -> None:
    taxonomy = _compiled()
    assert read_snapshot(tmp_path, taxonomy.version, "tx-builtin") is None
    path = write_snapshot(tmp_path, taxonomy, "tx-builtin")
    assert read_snapshot(tmp_path, taxonomy.version, "tx-other-builtin") is None
    path.write_bytes(gzip.compress(b"not a pickle"))
    assert read_snapshot(tmp_path, taxonomy.version, "tx-builtin") is None
    path.write_bytes(b"\x1f\x8b truncated")
    assert read_snapshot(tmp_path, taxonomy.version, "tx-builtin") is None


def test_only_the_newest_files_are_kept(tmp_path: Path) -> None:
    versions = []
    for number in range(KEEP + 2):
        taxonomy = _compiled(f"Zorblax Studio {number}")
        write_snapshot(tmp_path, taxonomy, "tx-builtin")
        versions.append(taxonomy.version)
    kept = sorted(path.name for path in tmp_path.glob("taxonomy-*.pkl.gz"))
    assert len(kept) == KEEP
    assert snapshot_path(tmp_path, versions[-1]).exists()
    assert not list(tmp_path.glob(".tmp-*"))
