"""The Cypher loader finds statements by name and keeps values out of the text."""

from __future__ import annotations

import re

import pytest

from jobgraph.errors import JobgraphError
from jobgraph.graph.cypher import _index, load_query, queries_in


def test_load_by_name() -> None:
    text = load_query("constraint_skill_id")
    assert text.startswith("CREATE CONSTRAINT skill_id IF NOT EXISTS")
    assert not text.endswith(";")


def test_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(JobgraphError, match="no Cypher statement named 'nope'"):
        load_query("nope")


def test_schema_folder_covers_every_node_key() -> None:
    names = [name for name, _ in queries_in("schema")]
    for label in ("candidate", "posting", "skill", "occupation", "education"):
        assert f"constraint_{label}_id" in names


# REQUIRES.importance and Posting.salary_period values, as docs/graph-model.md lists them
GRAPH_VOCABULARY = {"required", "preferred", "essential", "optional", "year", "month", "hour"}


def test_every_statement_is_idempotent_or_parameterised() -> None:
    for name in _index():
        text = load_query(name)
        if text.upper().startswith("CREATE"):
            assert "IF NOT EXISTS" in text, name
        # No quoted literal values: data goes in $parameters. The only literals
        # allowed are the graph's own vocabulary (enum values the writers define).
        literals = set(re.findall(r"=\s*'([^']*)'", text))
        assert literals <= GRAPH_VOCABULARY, (name, literals - GRAPH_VOCABULARY)
