"""Paths shared by the taxonomy tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture
def esco_dir(tmp_path: Path) -> Path:
    """A writable copy of the mini ESCO export (official layout)."""
    target = tmp_path / "esco"
    shutil.copytree(FIXTURES / "esco_mini", target, ignore=shutil.ignore_patterns("stand_in"))
    return target


@pytest.fixture
def onet_dir(tmp_path: Path) -> Path:
    """A writable copy of the mini O*NET database."""
    target = tmp_path / "onet"
    shutil.copytree(FIXTURES / "onet_mini", target)
    return target
