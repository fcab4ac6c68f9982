"""Render the gold set's DOCX and PDF documents from their YAML sources.

Each ``binary_src/<name>.yaml`` holds one hand-written document as a list of
blocks, and names the file to write (``output``, relative to ``eval/gold``) and
a ``layout``:

* ``docx`` / ``docx-table``: a Word document; ``table`` blocks become real
  Word tables (the ``-table`` suffix only marks sources built around one).
* ``pdf``: a single-column PDF.
* ``pdf-two-column``: a full-width ``header``, then a narrow ``left`` column and
  a wide ``right`` column side by side, the layout that trips text extractors.

Blocks: ``title``, ``heading``, ``subheading``, ``para`` (a tab becomes a
right-aligned date in DOCX), ``bullets`` (list of strings) and ``table`` (list
of rows). Output is deterministic (fixed metadata dates), so re-running the
script leaves the committed files unchanged unless a source changed.

Run from the repository root::

    python eval/gold/make_binary.py
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Inches, Pt
from fpdf import FPDF

from jobgraph.synth.writers import stable_zip

GOLD_DIR = Path(__file__).resolve().parent
SOURCE_DIR = GOLD_DIR / "binary_src"
FIXED_DATE = dt.datetime(2026, 11, 1, 9, 0, 0, tzinfo=dt.UTC)
FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
]

Block = dict[str, Any]


def render_docx(source: dict[str, Any], target: Path) -> None:
    """Write one Word document from a source's blocks."""
    document = Document()
    document.core_properties.created = FIXED_DATE
    document.core_properties.modified = FIXED_DATE
    document.core_properties.author = "jobgraph gold set"
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    for block in source["blocks"]:
        _docx_block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(stable_zip(buffer.getvalue(), (2026, 11, 1, 9, 0, 0)))


def _docx_block(document: Any, block: Block) -> None:
    kind, value = next(iter(block.items()))
    if kind == "title":
        document.add_heading(value, level=0)
    elif kind == "heading":
        document.add_heading(value, level=1)
    elif kind == "subheading":
        paragraph = document.add_paragraph()
        paragraph.add_run(value).bold = True
    elif kind == "para":
        paragraph = document.add_paragraph()
        if "\t" in value:
            # Dates pushed to the right margin with a tab stop, as Word users do.
            paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(6.0), WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run(value)
    elif kind == "bullets":
        for item in value:
            document.add_paragraph(item, style="List Bullet")
    elif kind == "table":
        table = document.add_table(rows=0, cols=len(value[0]))
        table.style = "Table Grid"
        for row in value:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
    else:
        raise ValueError(f"unknown block kind {kind!r}")


class _Pdf(FPDF):
    """FPDF with one Unicode font when the system has it, else Helvetica."""

    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_creation_date(FIXED_DATE)
        self.set_author("jobgraph gold set")
        self.set_auto_page_break(auto=True, margin=15)
        font = next((path for path in FONT_CANDIDATES if path.exists()), None)
        self.unicode = font is not None
        if font is not None:
            self.add_font("Body", "", str(font))
            bold = font.with_name(font.stem + "-Bold.ttf")
            self.add_font("Body", "B", str(bold if bold.exists() else font))
            self.family_name = "Body"
        else:
            self.family_name = "Helvetica"
        self.add_page()

    def text_of(self, text: str) -> str:
        """Return text the current font can draw."""
        if self.unicode:
            return text
        return text.encode("latin-1", "replace").decode("latin-1")


def _pdf_blocks(pdf: _Pdf, blocks: list[Block], x: float, width: float) -> None:
    for block in blocks:
        kind, value = next(iter(block.items()))
        pdf.set_x(x)
        if kind == "title":
            pdf.set_font(pdf.family_name, "B", 16)
            pdf.multi_cell(width, 8, pdf.text_of(value), new_x="LEFT", new_y="NEXT")
        elif kind == "heading":
            pdf.ln(2)
            pdf.set_x(x)
            pdf.set_font(pdf.family_name, "B", 12)
            pdf.multi_cell(width, 7, pdf.text_of(value), new_x="LEFT", new_y="NEXT")
        elif kind == "subheading":
            pdf.set_font(pdf.family_name, "B", 10.5)
            pdf.multi_cell(width, 6, pdf.text_of(value), new_x="LEFT", new_y="NEXT")
        elif kind == "para":
            pdf.set_font(pdf.family_name, "", 10)
            pdf.multi_cell(
                width, 5, pdf.text_of(value.replace("\t", "    ")), new_x="LEFT", new_y="NEXT"
            )
        elif kind == "bullets":
            pdf.set_font(pdf.family_name, "", 10)
            bullet = "•" if pdf.unicode else "-"
            for item in value:
                pdf.set_x(x)
                pdf.multi_cell(
                    width, 5, pdf.text_of(f"{bullet} {item}"), new_x="LEFT", new_y="NEXT"
                )
        elif kind == "table":
            pdf.set_font(pdf.family_name, "", 9)
            with pdf.table(width=width, first_row_as_headings=False) as table:
                for row in value:
                    cells = table.row()
                    for text in row:
                        cells.cell(pdf.text_of(text))
        else:
            raise ValueError(f"unknown block kind {kind!r}")


def render_pdf(source: dict[str, Any], target: Path) -> None:
    """Write one PDF, single or two-column, from a source's blocks."""
    pdf = _Pdf()
    margin = pdf.l_margin
    full_width = pdf.w - 2 * margin
    if source["layout"] == "pdf-two-column":
        _pdf_blocks(pdf, source["header"], margin, full_width)
        pdf.ln(3)
        top = pdf.get_y()
        left_width = 58.0
        gap = 6.0
        _pdf_blocks(pdf, source["left"], margin, left_width)
        pdf.set_y(top)
        _pdf_blocks(pdf, source["right"], margin + left_width + gap, full_width - left_width - gap)
    else:
        _pdf_blocks(pdf, source["blocks"], margin, full_width)
    pdf.output(str(target))


def build_all(source_dir: Path = SOURCE_DIR) -> list[Path]:
    """Render every YAML source in ``source_dir``; return the files written."""
    written = []
    for path in sorted(source_dir.glob("*.yaml")):
        source = yaml.safe_load(path.read_text(encoding="utf-8"))
        target = GOLD_DIR / source["output"]
        target.parent.mkdir(parents=True, exist_ok=True)
        if source["layout"].startswith("docx"):
            render_docx(source, target)
        elif source["layout"].startswith("pdf"):
            render_pdf(source, target)
        else:
            raise ValueError(f"{path.name}: unknown layout {source['layout']!r}")
        written.append(target)
    return written


if __name__ == "__main__":
    for output in build_all():
        print(output.relative_to(GOLD_DIR))
    sys.exit(0)
