"""Paths shared by the taxonomy tests.

The mini exports under ``tests/fixtures/`` are hand-written rows in the official
layouts. They are stored as ``NAME.fixture.csv`` (so they are never mistaken for
the real data sets) and copied under their official names for each test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SUFFIX = ".fixture.csv"


def copy_fixture_files(source: Path, target: Path) -> Path:
    """Copy ``source/*.fixture.csv`` into ``target`` under their official names."""
    target.mkdir(parents=True, exist_ok=True)
    for file in source.glob(f"*{SUFFIX}"):
        shutil.copy(file, target / (file.name[: -len(SUFFIX)] + ".csv"))
    return target


@pytest.fixture
def esco_dir(tmp_path: Path) -> Path:
    """A writable copy of the mini ESCO export (official layout)."""
    return copy_fixture_files(FIXTURES / "esco_mini", tmp_path / "esco")


@pytest.fixture
def onet_dir(tmp_path: Path) -> Path:
    """A writable copy of the mini O*NET database."""
    return copy_fixture_files(FIXTURES / "onet_mini", tmp_path / "onet")
