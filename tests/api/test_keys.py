"""API keys: digests under a pepper, constant-time checks, scopes, revoke, rotate, CLI."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobgraph.apikeys import KeyStore, parse_scopes
from jobgraph.cli import main
from jobgraph.errors import ConfigError, NotFoundError


def test_keys_are_stored_as_peppered_digests(tmp_path: Path) -> None:
    store = KeyStore(tmp_path)
    entry, plain = store.create("ci", ["read", "pii"])
    stored = (tmp_path / "keys.json").read_text()
    assert plain not in stored and entry.digest in stored
    assert stat.S_IMODE((tmp_path / "keys.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "pepper").stat().st_mode) == 0o600
    principal = store.verify(plain)
    assert principal is not None and principal.scopes == {"read", "pii"}
    assert store.verify(plain[:-1] + ("A" if plain[-1] != "A" else "B")) is None
    # a different pepper makes the same stored digests useless
    assert KeyStore(tmp_path, pepper=b"x" * 64).verify(plain) is None


def test_revoke_rotate_and_bad_input(tmp_path: Path) -> None:
    store = KeyStore(tmp_path)
    entry, plain = store.create("svc", ["write"])
    reader = KeyStore(tmp_path)  # a running server's view of the same file
    assert reader.verify(plain) is not None
    store.revoke(entry.id)
    assert reader.verify(plain) is None
    new_entry, new_plain = store.rotate(entry.id)
    assert new_entry.scopes == ("write",) and reader.verify(new_plain) is not None
    with pytest.raises(NotFoundError):
        store.revoke("nope")
    with pytest.raises(ConfigError):
        parse_scopes("read,admin")
    env_store = KeyStore(tmp_path, extra_keys=["from-env-secret"])
    env_principal = env_store.verify("from-env-secret")
    assert env_principal is not None and env_principal.scopes == {"read", "write", "pii"}


def test_apikey_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"JOBGRAPH_DATA_DIR": str(tmp_path)}
    created = runner.invoke(main, ["apikey", "create", "--name", "demo", "--scope",
                                   "read,write", "--json"], env=env)
    assert created.exit_code == 0, created.output
    info = json.loads(created.output)
    assert info["key"].startswith("jg_") and info["scopes"] == ["read", "write"]
    listed = runner.invoke(main, ["apikey", "list", "--json"], env=env)
    assert [row["id"] for row in json.loads(listed.output)] == [info["id"]]
    assert info["key"] not in listed.output
    rotated = runner.invoke(main, ["apikey", "rotate", info["id"]], env=env)
    assert rotated.exit_code == 0 and rotated.output.startswith("jg_")
    bad = runner.invoke(main, ["apikey", "create", "--name", "x", "--scope", "root"], env=env)
    assert bad.exit_code == 1 and "scopes root" in bad.output
