"""Explained matches and advice (added once jobgraph.match lands)."""

from __future__ import annotations

from flask import Blueprint

blueprint = Blueprint("matches", __name__, url_prefix="/v1")
