"""``jobgraph serve`` (development server) and ``jobgraph apikey`` (create/list/revoke/rotate)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from jobgraph.cli.common import echo_json, settings_of

if TYPE_CHECKING:
    from jobgraph.apikeys import KeyStore


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--debug", is_flag=True, help="Flask debug mode (reloader, tracebacks).")
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, debug: bool) -> None:
    """Serve the HTTP API with Flask's development server (use gunicorn in production).

    The server process loads the app by name (``jobgraph.api:create_app()``), as
    gunicorn does, so the CLI never imports the API; both read the same settings
    from the environment.
    """
    import os
    import sys

    settings_of(ctx)  # a bad environment fails here, with the CLI's one-line error
    command = [sys.executable, "-m", "flask", "--app", "jobgraph.api:create_app()", "run",
               "--host", host, "--port", str(port), "--with-threads", "--no-reload"]
    if debug:
        command.insert(3, "--debug")
    click.echo(f"docs: http://{host}:{port}/v1/docs   contract: /v1/openapi.json", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, command)


@click.group("apikey")
def apikey() -> None:
    """API keys: HMAC-SHA256 digests under a server-side pepper, in <data_dir>/api/."""


def _store(ctx: click.Context) -> KeyStore:
    from jobgraph.apikeys import KeyStore, keys_folder

    return KeyStore(keys_folder(settings_of(ctx)))


@apikey.command("create")
@click.option("--name", required=True, help="Who or what uses the key.")
@click.option("--scope", "scopes", default="read", show_default=True,
              help="Comma-separated: read, write, pii.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def apikey_create(ctx: click.Context, name: str, scopes: str, as_json: bool) -> None:
    """Make a key and print it once (only its digest is stored)."""
    entry, plain = _store(ctx).create(name, scopes.split(","))
    if as_json:
        echo_json({**entry.public(), "key": plain})
        return
    click.echo(plain)
    click.echo(f"key id {entry.id} ({entry.name}; scopes {','.join(entry.scopes)}): "
               "store the key now, it is not shown again", err=True)


@apikey.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def apikey_list(ctx: click.Context, as_json: bool) -> None:
    """Every key (never the secret), revoked ones marked."""
    import time

    keys = _store(ctx).list()
    if as_json:
        echo_json([key.public() for key in keys])
        return
    if not keys:
        click.echo("no API keys; create one with `jobgraph apikey create --name NAME`")
    for key in keys:
        created = time.strftime("%Y-%m-%d %H:%M", time.gmtime(key.created_at))
        state = "revoked" if not key.active else "active"
        click.echo(f"{key.id}  {state:<8}{','.join(key.scopes):<16}{created}  {key.name}")


@apikey.command("revoke")
@click.argument("key_id")
@click.pass_context
def apikey_revoke(ctx: click.Context, key_id: str) -> None:
    """Revoke a key by id (a running server stops accepting it at once)."""
    entry = _store(ctx).revoke(key_id)
    click.echo(f"revoked {entry.id} ({entry.name})")


@apikey.command("rotate")
@click.argument("key_id")
@click.pass_context
def apikey_rotate(ctx: click.Context, key_id: str) -> None:
    """Revoke a key and print a new one with the same name and scopes."""
    entry, plain = _store(ctx).rotate(key_id)
    click.echo(plain)
    click.echo(f"new key id {entry.id} replaces {key_id}; store it now", err=True)


#: Registered on ``jobgraph`` by ``jobgraph.cli``.
API_COMMANDS = (serve_command, apikey)
