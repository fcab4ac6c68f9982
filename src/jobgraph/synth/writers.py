"""Write resume blocks as DOCX (python-docx) or PDF (fpdf2), reproducibly.

Both writers fix every timestamp they would otherwise take from the clock, so
the same blocks always give the same bytes. The PDF uses a core font, which
draws Latin-1 only; dashes, bullets and quotes outside it are replaced by
ASCII look-alikes first.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.shared import Pt
from fpdf import FPDF

from jobgraph.synth.layout import Block

FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
_ASCII = str.maketrans(
    {"–": "-", "—": "-", "•": "-", "·": "|", "’": "'", "“": '"', "”": '"', "→": "->", "…": "..."}
)


def write_docx(blocks: list[Block], target: Path, *, table_jobs: bool = False) -> None:
    """Write blocks as a Word document.

    Args:
        blocks: The document.
        target: File to write.
        table_jobs: Put each job or degree header in a one-row table, as some
            resume templates do.
    """
    document = Document()
    properties = document.core_properties
    properties.created = properties.modified = FIXED_TIME
    properties.author = "jobgraph synth"
    document.styles["Normal"].font.size = Pt(10.5)
    for kind, payload in blocks:
        if kind == "name":
            document.add_heading(str(payload), level=0)
        elif kind == "heading":
            document.add_heading(str(payload), level=1)
        elif kind == "entry":
            lines = list(payload)
            if table_jobs and len(lines) > 1:
                table = document.add_table(rows=1, cols=len(lines))
                for cell, line in zip(table.rows[0].cells, lines, strict=True):
                    cell.text = line
            else:
                paragraph = document.add_paragraph()
                paragraph.add_run(lines[0]).bold = True
                for line in lines[1:]:
                    paragraph.add_run("\n" + line)
        elif kind == "bullets":
            for item in payload:
                document.add_paragraph(item, style="List Bullet")
        else:
            document.add_paragraph(str(payload))
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(stable_zip(buffer.getvalue()))


def stable_zip(
    data: bytes, date_time: tuple[int, int, int, int, int, int] = (2026, 1, 1, 0, 0, 0)
) -> bytes:
    """Rewrite a zip archive (DOCX) with fixed entry times, so equal content gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def pdf_safe(text: str) -> str:
    """Text the PDF core font can draw (see module docstring)."""
    return text.translate(_ASCII).encode("latin-1", "replace").decode("latin-1")


def write_pdf(blocks: list[Block], target: Path) -> None:
    """Write blocks as a single-column PDF with a text layer."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def write(text: str, size: float, bold: bool = False, height: float = 5.0) -> None:
        pdf.set_font("Helvetica", "B" if bold else "", size)
        pdf.multi_cell(width, height, pdf_safe(text), new_x="LMARGIN", new_y="NEXT")

    for kind, payload in blocks:
        if kind == "name":
            write(str(payload), 16, bold=True, height=8)
        elif kind == "heading":
            pdf.ln(2)
            write(str(payload), 12, bold=True, height=7)
        elif kind == "entry":
            lines = list(payload)
            write(lines[0], 10.5, bold=True)
            for line in lines[1:]:
                write(line, 10)
        elif kind == "bullets":
            for item in payload:
                write(f"- {item}", 10)
        else:
            write(str(payload), 10)
    pdf.output(str(target))
