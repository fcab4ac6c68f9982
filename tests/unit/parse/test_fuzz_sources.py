"""CSV and JSONL sources, fed generated files: every row ends as a record, a
ParseError or a SourceFailure, never an uncaught exception."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobgraph.errors import ParseError
from jobgraph.ingest.documents import parse_item
from jobgraph.ingest.sources import SourceFailure, discover
from jobgraph.ingest.tables import _column_names
from jobgraph.taxonomy.lookup import TaxonomyLookup

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252", "utf-32"]


def outcomes(data: bytes, suffix: str, kind: str, lookup: TaxonomyLookup) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        found = []
        for item in discover([str(path)]):
            if isinstance(item, SourceFailure):
                assert item.reason
                found.append("failure")
                continue
            try:
                parse_item("resume" if kind == "resume" else "posting", item, lookup=lookup)
                found.append("parsed")
            except ParseError:
                found.append("parse_error")
        return found


cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ['"', '""', "\n", "\r\n", ",", ";", "\t", "|", "\x00", "Python", "2019 - Present"]
)


@SETTINGS
@given(
    rows=st.lists(st.lists(cells, min_size=1, max_size=5), max_size=6),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(ENCODINGS),
    kind=st.sampled_from(["resume", "posting"]),
)
def test_generated_csv(
    rows: list[list[str]], delimiter: str, encoding: str, kind: str, lookup: TaxonomyLookup
) -> None:
    text = "\n".join(delimiter.join(row) for row in rows)
    data = text.encode(encoding, "replace")
    found = outcomes(data, ".csv", kind, lookup)
    # A file rejected whole is one failure; else one outcome per record after the header.
    assert set(found) <= {"parsed", "parse_error", "failure"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                ["text", "id", "title", "basics", "work", "@type", "description", "name"]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)
lines = st.one_of(
    json_values.map(lambda v: json.dumps(v, allow_nan=True)),
    st.text(max_size=40).map(lambda t: t.replace("\n", " ")),
    st.integers(60, 3000).map(lambda depth: "[" * depth + "]" * depth),
    st.just('{"text": "a", "id": ' + "7" * 5000 + "}"),
)


@SETTINGS
@given(
    jsonl=st.lists(lines, min_size=1, max_size=5),
    encoding=st.sampled_from(ENCODINGS),
    kind=st.sampled_from(["resume", "posting"]),
)
def test_generated_jsonl(
    jsonl: list[str], encoding: str, kind: str, lookup: TaxonomyLookup
) -> None:
    data = "\n".join(jsonl).encode(encoding, "replace")
    outcomes(data, ".jsonl", kind, lookup)


def test_jsonl_number_too_long_for_int_is_a_failure(lookup: TaxonomyLookup) -> None:
    data = b'{"text": "Python developer", "id": ' + b"7" * 5000 + b"}\n"
    assert outcomes(data, ".jsonl", "resume", lookup) == ["failure"]


def test_jsonl_nested_past_the_recursion_limit_is_a_failure(lookup: TaxonomyLookup) -> None:
    data = b"[" * 100_000 + b"]" * 100_000 + b'\n{"text": "Python developer"}\n'
    assert outcomes(data, ".jsonl", "resume", lookup) == ["failure", "parsed"]


def test_many_empty_header_names_stay_distinct() -> None:
    names = _column_names([""] * 20_000)  # was cubic: seconds per thousand columns
    assert len(set(names)) == 20_000
    assert names[:3] == ["", ".2", ".3"]


def test_a_byte_order_mark_the_bytes_do_not_honour_is_a_failure(lookup: TaxonomyLookup) -> None:
    # a UTF-32-LE mark, then a code point past U+10FFFF (found by bench/fuzz_parsers.py)
    data = b"\xff\xfe\x00\x00" + b"t\x00\x00\x00" + b"\xff\xff\xff\xff"
    for suffix in (".csv", ".jsonl"):
        assert outcomes(data, suffix, "posting", lookup) == ["failure"]
