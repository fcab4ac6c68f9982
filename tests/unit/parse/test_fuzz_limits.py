"""The per-document bounds (docs/parsing.md, "Limits") give clear errors, not stalls.

Each test is a reproducer of something bench/fuzz_parsers.py or a review found:
a decompression bomb, a 50 MB single line, JSON nested past the recursion
limit, a tag flood, 40,000 one-word lines, a line of Markdown emphasis markers,
a JSON Resume field of the wrong type, a 36,000-character token, a UTF-32
byte-order mark.
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from pathlib import Path

import pytest
from spacy.attrs import LIKE_URL

from jobgraph.errors import ParseError
from jobgraph.parse import parse_bytes, parse_posting_text, parse_resume_text
from jobgraph.parse.extract import extract_bytes, extract_file, markdown_to_text
from jobgraph.parse.extract.html import json_objects
from jobgraph.parse.extract.limits import (
    MAX_BYTES,
    MAX_DOCX_MEMBERS,
    MAX_DOCX_UNPACKED_BYTES,
    MAX_HTML_TAGS,
    MAX_JSON_DEPTH,
    MAX_TEXT_CHARS,
    json_depth,
)
from jobgraph.parse.pipeline import pipeline_for
from jobgraph.parse.text import MAX_GAP, MAX_LINES, first_lines, normalize_text
from jobgraph.taxonomy.lookup import TaxonomyLookup

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "parse"


def _rezip(replace: dict[str, bytes], extra_members: int = 0) -> bytes:
    out = io.BytesIO()
    source = zipfile.ZipFile(FIXTURES / "resume_tables.docx")
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for number in range(extra_members):
            target.writestr(f"word/media/extra{number}.bin", b"x")
    return out.getvalue()


def test_docx_decompression_bomb_is_refused_before_inflating() -> None:
    bomb = _rezip({"word/document.xml": b" " * (MAX_DOCX_UNPACKED_BYTES + 1)})
    assert len(bomb) < 1_000_000
    with pytest.raises(ParseError, match="decompression bomb"):
        extract_bytes(bomb, "bomb.docx")


def test_docx_high_ratio_member_is_refused() -> None:
    # 8 MB inflating from a few kB: under the total bound, over the ratio bound.
    bomb = _rezip({"word/document.xml": b"<" * 8_000_000})
    with pytest.raises(ParseError, match=r"inflates .* times"):
        extract_bytes(bomb, "ratio.docx")


def test_docx_with_too_many_parts_is_refused() -> None:
    with pytest.raises(ParseError, match="parts in the package"):
        extract_bytes(_rezip({}, extra_members=MAX_DOCX_MEMBERS + 1), "parts.docx")


def test_ordinary_docx_still_reads() -> None:
    data = (FIXTURES / "resume_tables.docx").read_bytes()
    assert "Ana Silva" in extract_bytes(data, "r.docx").text


def test_fifty_megabyte_single_line_is_refused_by_size(tmp_path: Path) -> None:
    line = b"Python developer " * 3_100_000  # 52.7 MB, no newline
    with pytest.raises(ParseError, match="over the limit of 20 MiB"):
        parse_bytes(line, "one-line.txt", "resume")
    path = tmp_path / "one-line.txt"
    path.write_bytes(line)
    with pytest.raises(ParseError, match="over the limit of 20 MiB"):
        extract_file(path)


def test_long_text_under_the_size_limit_is_cut() -> None:
    text = extract_bytes(b"Python " * (MAX_TEXT_CHARS // 4), "long.txt").text
    assert len(text) == MAX_TEXT_CHARS
    assert MAX_BYTES > MAX_TEXT_CHARS


def test_markdown_emphasis_on_one_long_line_is_linear() -> None:
    # Before the bound, each "**" scanned to the end of the line: minutes for this.
    line = "**a " * 50_000
    assert markdown_to_text(line) == line
    assert markdown_to_text("**bold** and _it_ and [x](http://y)") == "bold and it and x (http://y)"


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 900, 20_000])
def test_deep_json_gives_a_parse_error(depth: int) -> None:
    nested = '{"name":' * depth + '"x"' + "}" * depth
    data = ('{"basics":' + nested + "}").encode()
    with pytest.raises(ParseError):
        parse_bytes(data, "deep.json", "resume")


@pytest.mark.parametrize("highlights", [{"a": 1}, "Led a team", 7, None, [{"x": ["y"]}]])
def test_json_resume_highlights_of_any_type(highlights: object) -> None:
    # Found by bench/fuzz_parsers.py: a dict here raised TypeError (a slice of a dict).
    document = {
        "basics": {"name": "Ana Silva"},
        "work": [{"position": "Engineer", "startDate": "2019-01", "highlights": highlights}],
    }
    record = parse_bytes(json.dumps(document).encode(), "r.json", "resume")
    assert record.contact.name == "Ana Silva"


def test_json_depth_is_iterative() -> None:
    value: list[object] = []
    for _ in range(50_000):  # far past the recursion limit
        value = [value]
    assert json_depth(value, stop_at=10**9) == 50_001
    assert json_depth({"a": [1, {"b": 2}]}) == 3
    assert json_depth("x") == 0


def test_deep_json_ld_in_html_is_ignored() -> None:
    deep = '{"@type":"JobPosting","title":' * 200 + '"x"' + "}" * 200
    assert json_objects(deep) == []


def test_huge_json_is_refused() -> None:
    data = json.dumps({"basics": {"name": "x"}, "work": ["a" * 3_000_000]}).encode()
    with pytest.raises(ParseError, match="over the limit"):
        extract_bytes(data, "huge.json")


def test_tag_flood_is_refused() -> None:
    with pytest.raises(ParseError, match="HTML tags"):
        extract_bytes(b"<p>a</p>" * (MAX_HTML_TAGS // 2 + 1), "flood.html")


def _pdf_with_stream(content: bytes) -> bytes:
    body = zlib.compress(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources "
        b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 5\n0000000000 65535 f \n")
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def test_pdf_stream_bomb_is_refused() -> None:
    ordinary = _pdf_with_stream(b"BT /F1 12 Tf 72 700 Td (Python developer) Tj ET")
    assert "Python" in extract_bytes(ordinary, "ok.pdf").text
    bomb = _pdf_with_stream(b"BT /F1 12 Tf 72 700 Td (Python) Tj ET\n" + b" " * 40_000_000)
    with pytest.raises(ParseError, match=r"damaged or not readable|no text layer"):
        extract_bytes(bomb, "bomb.pdf")


def test_long_token_skips_spacys_quadratic_url_test(lookup: TaxonomyLookup) -> None:
    # Found by bench/fuzz_parsers.py: spaCy's like_url took 21 s on this 36,002-character
    # token (and grows with the square of its length).
    token = '/"a{:<' * 6000 + ".x"
    record = parse_resume_text("Jane Doe\n" + token, lookup=lookup)
    assert token in record.text
    like_url = pipeline_for(lookup).nlp.vocab.lex_attr_getters[LIKE_URL]
    assert like_url(token) is False
    assert like_url("https://example.com/jobs") is True


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be", "utf-16", "utf-16-be"])
def test_byte_order_marks(encoding: str) -> None:
    # UTF-32-LE's mark starts with UTF-16-LE's; it used to be read as UTF-16.
    data = ("\ufeff" if encoding.endswith("-be") else "") + "Jane Doe, Python developer"
    text = extract_bytes(data.encode(encoding), "r.txt").text
    assert text.lstrip("\ufeff") == "Jane Doe, Python developer"


def test_docx_claiming_an_unknown_zip_version_is_a_parse_error() -> None:
    # Found by bench/fuzz_parsers.py (documents 13842 and 68205 of seed 0): a flipped bit
    # made zipfile raise NotImplementedError("zip file version 8.4").
    data = bytearray((FIXTURES / "resume_tables.docx").read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 84  # "version needed to extract"
    with pytest.raises(ParseError, match="damaged"):
        extract_bytes(bytes(data), "version.docx")


def test_first_lines_keeps_a_shorter_text_whole() -> None:
    assert first_lines("a\nb\nc", 3) == "a\nb\nc"
    assert first_lines("a\nb\nc", 2) == "a\nb"
    assert first_lines("", 2) == ""
    resume = (FIXTURES / "resume_stacked.txt").read_text(encoding="utf-8")
    assert first_lines(resume) == resume


@pytest.mark.parametrize("kind", ["resume", "posting"])
def test_many_short_lines_are_read_only_up_to_the_line_bound(
    kind: str, lookup: TaxonomyLookup
) -> None:
    # Found by bench/fuzz_parsers.py (seed 2, document 74,340): "<p>a</p>" * 20,000 is
    # 40,000 lines, and every parser pass visits every line (60 s under tracemalloc on a
    # loaded machine). Every pass reads the record's text, so its line count bounds the work.
    # The text is what extraction makes of that page (built directly, to keep the test fast).
    text = "\n\n".join(["a"] * 20_000)
    assert extract_bytes(b"<p>a</p>" * 200, "few.html").text.strip() == "\n\n".join(["a"] * 200)
    assert text.count("\n") >= 7 * MAX_LINES
    parse = parse_resume_text if kind == "resume" else parse_posting_text
    record = parse(text, lookup=lookup)
    assert record.text.count("\n") < MAX_LINES
    assert record.text == first_lines(normalize_text(text))


def test_wide_gaps_are_cut_and_years_still_read() -> None:
    """A PDF of 27,000 NUL characters (fuzz seed 4) left one run of spaces that the
    years pattern retried from every digit before it: 118 s for 28 kB."""
    gap, tabs = "\x00" * 27_000, "\t" * 10
    raw = f"Engineer\n2019 ? 5{gap}\n5+ years of Python\nDocker{tabs}SQL"
    text = normalize_text(raw)
    assert " " * (MAX_GAP + 1) not in text and "\t" not in text
    assert "? 5" + " " * MAX_GAP + "\n" not in text  # trailing spaces still go
    assert "Docker" + " " * MAX_GAP + "SQL" in text
    record = parse_resume_text(raw)
    python = [mention for mention in record.skills if mention.skill_id == "python"]
    assert python and python[0].years == 5
