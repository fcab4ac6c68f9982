"""Random input never escapes as anything but a ParseError."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobgraph.errors import ParseError
from jobgraph.parse import parse_bytes, parse_posting_text, parse_resume_text
from jobgraph.taxonomy.lookup import TaxonomyLookup

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "parse"
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Text with the characters parsers care about: dates, bullets, separators, currency.
resume_like = st.lists(
    st.sampled_from(
        [
            *"abcdeijmnoprstuyACDEJMPSW0123456789 \n\t-–—|•,.:;()/+#$€£'\"@_*",
            *["Present", "since ", "2019", "Mar ", "EXPERIENCE\n", "Skills:", "Python", "Go"],
        ]
    ),
    max_size=200,
).map("".join)


@SETTINGS
@given(text=st.one_of(st.text(max_size=300), resume_like))
def test_random_text(text: str, lookup: TaxonomyLookup) -> None:
    for parse in (parse_resume_text, parse_posting_text):
        try:
            record = parse(text, lookup=lookup)
        except ParseError:
            continue
        for skill in record.skills:
            assert record.text[skill.start : skill.end] == skill.surface


@SETTINGS
@given(
    data=st.binary(max_size=2048),
    suffix=st.sampled_from([".pdf", ".docx", ".txt", ".html", ".json", ".md"]),
)
def test_random_bytes_as_files(data: bytes, suffix: str) -> None:
    with contextlib.suppress(ParseError):
        parse_bytes(data, f"random{suffix}", "resume")


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=4000), flip=st.integers(min_value=0, max_value=255))
def test_damaged_real_files(cut: int, flip: int) -> None:
    for name in ("resume_two_column.pdf", "resume_tables.docx"):
        data = bytearray((FIXTURES / name).read_bytes())
        position = cut % len(data)
        data[position] = flip
        with contextlib.suppress(ParseError):
            parse_bytes(bytes(data[: max(position, 1) * 2]), name, "resume")
