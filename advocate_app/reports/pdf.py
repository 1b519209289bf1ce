"""The supervisor summary as a PDF (reportlab platypus), drawn only from a PublishedSummary.

Nothing here sees raw counts: hidden cells arrive as "<k" and stay that way; charts draw only
published numbers. Black-and-white friendly: grays and outlines, values printed on the bars, no
color that alone means anything (and nothing red for "declined"). Built-in Helvetica only, so no
font is embedded or downloaded. The file is written atomically so a crash never leaves half a
PDF, and its metadata names no person. The look (page, grays, paragraph styles) is
pdf_style.py, the charts pdf_charts.py; a table's cells are table_text.py's, as in the other
formats.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from advocate_app.reports import intro
from advocate_app.reports.anonymize import PublishedSummary, PublishedTable
from advocate_app.reports.language import Words
from advocate_app.reports.output_file import write_file
from advocate_app.reports.pdf_charts import chart_flowables
from advocate_app.reports.pdf_style import (
    BLACK,
    BOTTOM,
    FRAME_W,
    HEADER_FILL,
    MARGIN,
    PAGE_H,
    PAGE_W,
    RULE,
    TOTAL_FILL,
    WATERMARK_GRAY,
    para,
    paragraph_styles,
)
from advocate_app.reports.table_text import table_text

PDF_TITLE = intro.TITLE  # in English; a summary's own is intro.title(summary)
PDF_CREATOR = "Advocate Companion"
WATERMARK_TEXT = intro.DEMO_TEXT  # likewise intro.demo_text(summary)


def footer_text(k: int, words: Words | None = None) -> str:
    return (words or Words())(
        "Contains no client-identifying information. Counts from 1 to {below_k} are hidden "
        "(k = {k}; see page 1).",
        below_k=k - 1,
        k=k,
    )


# --------------------------------------------------------------------------------------------
# Page furniture: footer, page numbers, watermark.


def _canvas_maker(k: int, words: Words) -> type[pdfcanvas.Canvas]:
    footer = footer_text(k, words)

    class NumberedCanvas(pdfcanvas.Canvas):
        """Holds pages back until the end so each can say "Page N of M"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's page reset; not in its stubs

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 0.62 * inch, PAGE_W - MARGIN, 0.62 * inch)
            self.setFillColor(BLACK)
            self.setFont("Helvetica", 8.5)
            self.drawString(MARGIN, 0.45 * inch, footer)
            self.drawRightString(
                PAGE_W - MARGIN,
                0.45 * inch,
                words("Page {number} of {total}", number=number, total=total),
            )
            self.restoreState()

    return NumberedCanvas


def _on_page(is_demo: bool, watermark: str) -> Callable[[pdfcanvas.Canvas, Any], None]:
    def draw(canv: pdfcanvas.Canvas, doc: Any) -> None:
        if not is_demo:
            return
        # Drawn before the page's content, so the text stays readable on top of it.
        canv.saveState()
        canv.setFillColor(WATERMARK_GRAY)
        canv.setFont("Helvetica-Bold", 64)
        canv.translate(PAGE_W / 2, PAGE_H / 2)
        canv.rotate(52)
        canv.drawCentredString(0, -22, watermark)
        canv.restoreState()

    return draw


# --------------------------------------------------------------------------------------------
# Tables.


def _table_flowable(
    table: PublishedTable, styles: dict[str, ParagraphStyle], words: Words
) -> Table:
    # The cells are table_text's, the same the HTML and text formats print; the PDF adds styles.
    text = table_text(table, words)
    two_way = table.row_totals is not None
    ncols = len(table.column_labels)
    header: list[Any] = [para(text.header[0], styles["head"])]
    header += [para(label, styles["head_num"]) for label in text.header[1:]]
    data: list[list[Any]] = [header]
    for row in text.rows:
        data.append([para(row[0], styles["cell"]), *row[1:]])
    has_total_row = text.total_row is not None
    if text.total_row is not None:
        data.append([para(text.total_row[0], styles["cell_bold"]), *text.total_row[1:]])

    n_numeric = len(data[0]) - 1
    if n_numeric <= 2 and not two_way:
        label_w = FRAME_W - 2 * 95 if table.key == "voca_service_areas" else 250.0
        num_w = 95.0
    else:
        label_w = 135.0 if n_numeric > 3 else 200.0
        num_w = min((FRAME_W - label_w) / n_numeric, 110.0)
    widths = [label_w] + [num_w] * n_numeric

    style: list[tuple[Any, ...]] = [
        ("FONT", (1, 1), (-1, -1), "Helvetica", 9),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, BLACK),
        ("BOX", (0, 0), (-1, -1), 0.8, BLACK),
        ("INNERGRID", (0, 1), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]
    if has_total_row:
        style += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.9, BLACK),
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL),
            ("FONT", (1, -1), (-1, -1), "Helvetica-Bold", 9),
        ]
    if two_way:
        style += [
            ("LINEBEFORE", (ncols + 1, 0), (ncols + 1, -1), 0.9, BLACK),
            ("FONT", (ncols + 1, 1), (ncols + 1, -1), "Helvetica-Bold", 9),
        ]
    return Table(data, colWidths=widths, style=TableStyle(style), repeatRows=1, hAlign="LEFT")


# --------------------------------------------------------------------------------------------
# The document.


def _first_page(summary: PublishedSummary, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [
        para(intro.title(summary), styles["title"]),
        para(summary.office_name, styles["subtitle"]),
        para(summary.period_label, styles["subtitle"]),
        para(intro.prepared_line(summary), styles["body"]),
    ]
    if summary.is_demo:
        story.append(para(intro.demo_warning(summary), styles["demo"]))
    story.append(Spacer(1, 6))
    for heading, paragraph in intro.sections(summary):
        story += [para(heading, styles["h2"]), para(paragraph, styles["body"])]
    for line in intro.points(summary):
        story.append(Paragraph(escape(line), styles["bullet"], bulletText="•"))
    return story


def _table_section(
    table: PublishedTable, summary: PublishedSummary, styles: dict[str, ParagraphStyle]
) -> list[Flowable]:
    words = intro.words(summary)
    head: list[Flowable] = [
        para(table.title, styles["h2"]),
        _table_flowable(table, styles, words),
    ]
    if table.note:
        head.append(para(table.note, styles["note"]))
    out: list[Flowable] = [CondPageBreak(2.2 * inch), KeepTogether(head)]
    for hint in table.charts:
        out.append(KeepTogether(chart_flowables(table, hint, summary.marker, styles, words)))
    return out


def build_pdf_bytes(summary: PublishedSummary) -> bytes:
    """The PDF as bytes (nothing touches the disk)."""
    styles = paragraph_styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM,
        # Title, subject and language in the document's metadata, so a screen reader announces
        # them (and the viewer shows the title rather than a file name).
        title=intro.title(summary),
        author="",  # never a person: the default would be "anonymous", a name would identify
        subject=intro.subject(summary),
        lang=intro.language(summary),
        displayDocTitle=True,
        keywords=[],  # none (reportlab joins a list; its stubs want one)
        creator=PDF_CREATOR,
    )
    story = _first_page(summary, styles)
    story.append(PageBreak())
    for table in summary.tables:
        story += _table_section(table, summary, styles)
    on_page = _on_page(summary.is_demo, intro.demo_text(summary))
    doc.build(
        story,
        onFirstPage=on_page,
        onLaterPages=on_page,
        canvasmaker=_canvas_maker(summary.k, intro.words(summary)),
    )
    return buffer.getvalue()


def render_pdf(summary: PublishedSummary, out_path: Path) -> None:
    """Write the summary to out_path atomically: a temporary file in the same folder (its name
    says nothing about anyone), flushed and fsynced, renamed over out_path, folder fsynced."""
    data = build_pdf_bytes(summary)
    out_path = Path(out_path)
    write_file(out_path, data)


__all__ = [
    "PDF_CREATOR",
    "PDF_TITLE",
    "WATERMARK_TEXT",
    "build_pdf_bytes",
    "footer_text",
    "render_pdf",
]
