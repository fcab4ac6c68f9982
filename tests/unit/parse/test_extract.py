"""Text extraction per format, and the clear errors for what cannot be read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobgraph.errors import ParseError
from jobgraph.parse.extract import decode_text, extract_bytes, extract_file, markdown_to_text
from jobgraph.parse.extract.columns import find_gutter, split_columns


def test_two_column_pdf_reads_one_column_after_the_other(fixtures: Path) -> None:
    text = extract_file(fixtures / "resume_two_column.pdf").text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # Each column stays whole: the title is followed by its employer, not by a skill line.
    title = lines.index("Senior Data Engineer")
    assert lines[title + 1] == "Acme Analytics Ltd, Berlin"
    assert lines[title + 2] == "03/2019 - Present"
    assert lines.index("SKILLS") > lines.index("- SQL reporting and Tableau dashboards")
    assert lines[lines.index("SKILLS") + 1] == "Python, SQL, Apache Spark"


def test_single_column_pdf_keeps_right_aligned_dates_on_their_line(fixtures: Path) -> None:
    text = extract_file(fixtures / "resume_single_column.pdf").text
    line = next(line for line in text.splitlines() if "Charge Nurse" in line)
    assert "Apr 2019 - Present" in line


def test_columns_need_a_real_gutter() -> None:
    rows = [f"{'left text here':<30}{'right column':<20}" for _ in range(10)]
    assert find_gutter(rows) is not None
    assert split_columns("\n".join(rows)).splitlines()[0] == "left text here"
    prose = ["A single column of ordinary prose lines that run across"] * 10
    assert find_gutter(prose) is None


def test_docx_reads_header_paragraphs_and_tables(fixtures: Path) -> None:
    text = extract_file(fixtures / "resume_tables.docx").text
    assert text.splitlines()[0].startswith("Ana Silva | ana.silva@example.pt")  # page header
    assert "Project Manager | Lusitania Telecom S.A. | May 2018 - Present" in text
    assert "Tools | Jira, Microsoft Excel" in text  # a table row on one line


def test_html_drops_chrome_and_keeps_list_items(fixtures: Path) -> None:
    document = extract_file(fixtures / "posting_page.html")
    text = document.text
    assert document.title == "Data Analyst"
    assert "• Build weekly reports in SQL and Tableau" in text
    for chrome in ("window.analytics", "font-family", "Kubernetes blog", "trademarks"):
        assert chrome not in text


def test_json_ld_job_posting_in_html_and_json(fixtures: Path) -> None:
    embedded = extract_file(fixtures / "posting_jsonld.html")
    assert embedded.data is not None and embedded.data["title"] == "Registered Nurse - Night Shift"
    standalone = extract_file(fixtures / "posting_jobposting.json")
    assert standalone.format == "jsonld"
    assert standalone.data is not None and standalone.data["title"] == "Machine Learning Engineer"


def test_json_resume(fixtures: Path) -> None:
    document = extract_file(fixtures / "resume_jsonresume.json")
    assert document.format == "json-resume"
    assert document.data is not None and document.data["basics"]["name"] == "Daniel Okafor"


def test_markdown_emphasis_and_links() -> None:
    text = markdown_to_text("**Frontend Developer** · [site](https://x.example) · _04/2020 – now_")
    assert text == "Frontend Developer · site (https://x.example) · 04/2020 – now"


def test_text_decoding() -> None:
    assert decode_text("Grüße".encode(), "a.txt") == "Grüße"
    assert decode_text("Grüße".encode("utf-16"), "a.txt") == "Grüße"
    assert decode_text("caf\xe9".encode("cp1252"), "a.txt") == "café"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("resume_encrypted.pdf", "password-protected"),
        ("resume_image_only.pdf", "no text layer found; is it a scanned image?"),
        ("empty.txt", "the file is empty"),
        ("garbage.txt", "binary data"),
        ("garbage.pdf", "not a PDF"),
        ("garbage.docx", "not a Word .docx"),
    ],
)
def test_unreadable_files_raise_clear_errors(fixtures: Path, name: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as raised:
        extract_file(fixtures / name)
    assert name in str(raised.value)


def test_unsupported_missing_and_odd_inputs(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"resume\.doc: Word 97-2003"):
        extract_bytes(b"whatever", "resume.doc")
    with pytest.raises(ParseError, match=r"unsupported file type '\.xyz'"):
        extract_bytes(b"whatever", "resume.xyz")
    with pytest.raises(ParseError, match="file not found"):
        extract_file(tmp_path / "missing.pdf")
    with pytest.raises(ParseError, match="not valid JSON"):
        extract_bytes(b"{not json", "a.json")
    with pytest.raises(ParseError, match="neither a JSON Resume"):
        extract_bytes(json.dumps({"hello": 1}).encode(), "a.json")
    truncated = Path(__file__).parents[2] / "fixtures" / "parse" / "resume_two_column.pdf"
    with pytest.raises(ParseError, match=r"damaged|no text layer|no pages"):
        extract_bytes(truncated.read_bytes()[:400], "cut.pdf")


def test_docx_text_boxes_are_read_once(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Body text")
    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )
    box = (
        "<w:txbxContent><w:p><w:r><w:t>Skills in a text box: Python</w:t></w:r></w:p>"
        "</w:txbxContent>"
    )
    run = parse_xml(
        f"<w:r {namespaces}><mc:AlternateContent><mc:Choice Requires='wps'>{box}</mc:Choice>"
        f"<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(run)
    path = tmp_path / "boxes.docx"
    document.save(str(path))
    text = extract_file(path).text
    assert text.count("Skills in a text box: Python") == 1
    assert "Body text" in text
