"""The one error hierarchy of jobgraph.

Every error a user can cause or fix derives from :class:`JobgraphError`; the CLI
prints its message on one line and the API maps it to an HTTP status. Messages
say what was wrong, with which input, and what to do.
"""

from __future__ import annotations


class JobgraphError(Exception):
    """Root of every error jobgraph raises on purpose."""

    #: HTTP status the API answers with when this error reaches a view.
    http_status: int = 500


class ConfigError(JobgraphError):
    """A setting is missing or has an invalid value."""

    http_status = 500


class EnvironmentToolError(JobgraphError):
    """A required external tool (Java, Maven) is missing or too old."""


class Neo4jInstallError(JobgraphError):
    """The local Neo4j could not be installed (Maven failed, jars missing)."""


class Neo4jServerError(JobgraphError):
    """The local Neo4j server could not be started, stopped or inspected."""


class GraphUnavailableError(JobgraphError):
    """Neo4j cannot be reached or refused the credentials."""

    http_status = 503


class TaxonomyError(JobgraphError):
    """Taxonomy data is malformed or refers to entries that do not exist."""

    http_status = 422


class ImportFileError(TaxonomyError):
    """An import file is missing or malformed; the message names file, line and column."""


class ParseError(JobgraphError):
    """A document could not be read or parsed."""

    http_status = 422


class ValidationError(JobgraphError):
    """Input does not match its JSON Schema."""

    http_status = 400


class NotFoundError(JobgraphError):
    """A requested entity does not exist in the graph."""

    http_status = 404


class AuthError(JobgraphError):
    """A request has no valid API key."""

    http_status = 401
