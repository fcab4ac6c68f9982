"""gunicorn settings for the jobgraph API (see docs/api.md).

    gunicorn -c deploy/gunicorn.conf.py 'jobgraph.api:create_app()'

One worker process with threads is the default: the Neo4j driver pools its
connections per process, the models are loaded once, and in-memory rate-limit
counters are exact. With ``WEB_CONCURRENCY`` > 1 (or several hosts) the counters
must live in a shared store: set ``JOBGRAPH_RATELIMIT_STORAGE_URI=redis://host:6379``.
Every worker builds its own app and driver after the fork (``preload_app`` off:
a driver must not cross a fork).
"""

import logging
import os

bind = os.environ.get("JOBGRAPH_API_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "1"))
worker_class = "gthread"
threads = int(os.environ.get("JOBGRAPH_API_THREADS", "8"))
preload_app = False
# Matching a large graph can take seconds; uploads are parsed in the request. With
# Neo4j away a request ends within seconds (503; the app's driver gives up after
# ~3 s connecting plus a ~1 s retry budget), far inside this.
timeout = int(os.environ.get("JOBGRAPH_API_TIMEOUT", "60"))
# On SIGTERM/HUP running requests get this long to finish before the worker is killed.
graceful_timeout = int(os.environ.get("JOBGRAPH_API_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Bounded: open client connections per worker, and connections waiting to be accepted.
worker_connections = int(os.environ.get("JOBGRAPH_API_MAX_CONNECTIONS", "200"))
backlog = 256
# Header limits (bodies are limited by the app: MAX_CONTENT_LENGTH, UPLOAD_MAX_BYTES).
limit_request_line = 8190
limit_request_fields = 60
limit_request_field_size = 8190
accesslog = os.environ.get("JOBGRAPH_API_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("JOBGRAPH_API_LOG_LEVEL", "info")


def on_starting(server: object) -> None:
    """Warn when several workers would each count rate limits on their own."""
    storage = os.environ.get("JOBGRAPH_RATELIMIT_STORAGE_URI", "memory://")
    if workers > 1 and storage.startswith("memory://"):
        logging.getLogger("gunicorn.error").warning(
            "%d workers with in-memory rate limits: each worker counts alone, so a key gets "
            "up to %d times its limit; set JOBGRAPH_RATELIMIT_STORAGE_URI=redis://HOST:6379",
            workers,
            workers,
        )
