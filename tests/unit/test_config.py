"""Settings come from defaults, then the environment, then overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobgraph.config import DEFAULT_NEO4J_VERSION, Settings
from jobgraph.errors import ConfigError


def test_defaults_use_the_local_server() -> None:
    settings = Settings.from_env({})
    assert settings.uses_local_server
    assert settings.neo4j_version == DEFAULT_NEO4J_VERSION
    assert settings.neo4j_home.name == "neo4j"
    assert settings.neo4j_install_dir.name == DEFAULT_NEO4J_VERSION


def test_environment_is_read() -> None:
    settings = Settings.from_env(
        {
            "NEO4J_URI": "neo4j+s://example.databases.neo4j.io",
            "NEO4J_USER": "analyst",
            "NEO4J_PASSWORD": "pw",
            "NEO4J_DATABASE": "jobs",
            "JOBGRAPH_NEO4J_PORT": "0",
            "JOBGRAPH_NEO4J_AUTH": "false",
            "JOBGRAPH_DATA_DIR": "/tmp/jg-data",
            "JOBGRAPH_API_KEYS": "k1, k2,,",
        }
    )
    assert not settings.uses_local_server
    assert (settings.neo4j_user, settings.neo4j_password, settings.neo4j_database) == (
        "analyst",
        "pw",
        "jobs",
    )
    assert settings.neo4j_port == 0 and settings.neo4j_auth is False
    assert settings.data_dir == Path("/tmp/jg-data")
    assert settings.api_keys == ("k1", "k2")


def test_overrides_win_over_environment() -> None:
    settings = Settings.from_env({"NEO4J_DATABASE": "jobs"}, neo4j_database="other")
    assert settings.neo4j_database == "other"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("JOBGRAPH_NEO4J_PORT", "seven", "not an integer"),
        ("JOBGRAPH_NEO4J_PORT", "70000", "outside"),
        ("JOBGRAPH_NEO4J_AUTH", "maybe", "not a boolean"),
        ("JOBGRAPH_DEVICE", "tpu", "JOBGRAPH_DEVICE"),
    ],
)
def test_bad_values_are_reported(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env({name: value})


def test_unknown_override_is_rejected() -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        Settings.from_env({}, no_such_thing=1)


def test_settings_match_their_json_schema() -> None:
    from jobgraph.schemas import validation_errors

    settings = Settings.from_env({"NEO4J_PASSWORD": "secret", "JOBGRAPH_API_KEYS": "a,b"})
    document = settings.to_dict()
    assert validation_errors("settings", document) == []
    assert document["neo4j_password"] == "***" and document["api_keys"] == ["***", "***"]
    document["neo4j_port"] = -1
    assert validation_errors("settings", document)
