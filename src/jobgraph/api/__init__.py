"""The HTTP API: a Flask app factory serving ``/v1`` (see ``docs/api.md``)."""

from jobgraph.api.app import create_app

__all__ = ["create_app"]
