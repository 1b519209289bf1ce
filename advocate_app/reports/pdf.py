"""The supervisor summary as a PDF (reportlab platypus), drawn only from a PublishedSummary.

Nothing here sees raw counts: hidden cells arrive as "<k" and stay that way; charts draw only
published numbers. Black-and-white friendly: grays and outlines, values printed on the bars, no
color that alone means anything (and nothing red for "declined"). Built-in Helvetica only, so no
font is embedded or downloaded. The file is written atomically so a crash never leaves half a
PDF, and its metadata names no person.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
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
from advocate_app.reports.anonymize import (
    CHART_COLUMN_TOTALS,
    CHART_ROW_TOTALS,
    CHART_ROWS,
    CHART_ROWS_GROUPED,
    PublishedSummary,
    PublishedTable,
    cell_number,
)
from advocate_app.reports.language import Words
from advocate_app.reports.output_file import write_file

PDF_TITLE = intro.TITLE  # in English; a summary's own is intro.title(summary)
PDF_CREATOR = "Advocate Companion"
WATERMARK_TEXT = intro.DEMO_TEXT  # likewise intro.demo_text(summary)

_PAGE_W, _PAGE_H = LETTER
_MARGIN = 0.75 * inch
_BOTTOM = 0.9 * inch  # room for the footer
_FRAME_W = _PAGE_W - 2 * _MARGIN

_BLACK = colors.black
_HEADER_FILL = colors.Color(0.87, 0.87, 0.87)
_TOTAL_FILL = colors.Color(0.95, 0.95, 0.95)
_RULE = colors.Color(0.55, 0.55, 0.55)
_WATERMARK_GRAY = colors.Color(0.88, 0.88, 0.88)
# Series fills: dark and light gray with black outlines read apart on any printer.
_SERIES_FILLS = (colors.Color(0.35, 0.35, 0.35), colors.Color(0.85, 0.85, 0.85))


def footer_text(k: int, words: Words | None = None) -> str:
    return (words or Words())(
        "Contains no client-identifying information. Counts from 1 to {below_k} are hidden "
        "(k = {k}; see page 1).",
        below_k=k - 1,
        k=k,
    )


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "Body", parent=base["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14.5
    )
    return {
        "title": ParagraphStyle(
            "Title",
            parent=base["Title"],
            fontName="Helvetica-Bold",
            fontSize=22,
            leading=27,
            alignment=0,
            spaceAfter=4,
        ),
        "subtitle": ParagraphStyle(
            "Subtitle", parent=body, fontName="Helvetica", fontSize=13, leading=17, spaceAfter=2
        ),
        "h2": ParagraphStyle(
            "H2",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=13.5,
            leading=17,
            spaceBefore=14,
            spaceAfter=6,
        ),
        "h3": ParagraphStyle(
            "H3",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "body": body,
        "bullet": ParagraphStyle("Bullet", parent=body, leftIndent=14, bulletIndent=3),
        "note": ParagraphStyle(
            "Note",
            parent=body,
            fontSize=8.5,
            leading=11.5,
            spaceBefore=4,
            spaceAfter=2,
            textColor=colors.Color(0.2, 0.2, 0.2),
        ),
        "cell": ParagraphStyle("Cell", parent=body, fontSize=9, leading=11),
        "cell_bold": ParagraphStyle(
            "CellBold", parent=body, fontName="Helvetica-Bold", fontSize=9, leading=11
        ),
        "head": ParagraphStyle(
            "Head", parent=body, fontName="Helvetica-Bold", fontSize=8.5, leading=10.5
        ),
        "head_num": ParagraphStyle(
            "HeadNum",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=8.5,
            leading=10.5,
            alignment=TA_RIGHT,
        ),
        "demo": ParagraphStyle(
            "Demo",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=12,
            leading=16,
            borderColor=_BLACK,
            borderWidth=1.2,
            borderPadding=6,
            spaceBefore=8,
            spaceAfter=10,
        ),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    # Every string goes through escape(): "<11" would otherwise be read as markup.
    return Paragraph(escape(text), style)


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
            self.setStrokeColor(_RULE)
            self.setLineWidth(0.5)
            self.line(_MARGIN, 0.62 * inch, _PAGE_W - _MARGIN, 0.62 * inch)
            self.setFillColor(_BLACK)
            self.setFont("Helvetica", 8.5)
            self.drawString(_MARGIN, 0.45 * inch, footer)
            self.drawRightString(
                _PAGE_W - _MARGIN,
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
        canv.setFillColor(_WATERMARK_GRAY)
        canv.setFont("Helvetica-Bold", 64)
        canv.translate(_PAGE_W / 2, _PAGE_H / 2)
        canv.rotate(52)
        canv.drawCentredString(0, -22, watermark)
        canv.restoreState()

    return draw


# --------------------------------------------------------------------------------------------
# Tables.


def _cell_text(table: PublishedTable, r: int, c: int) -> str:
    text = table.cells[r][c]
    share = table.percentages[r][c] if table.percentages else ""
    if share and len(table.column_labels) > 1:
        return f"{text} ({share})"
    return text


def _table_flowable(
    table: PublishedTable, styles: dict[str, ParagraphStyle], words: Words
) -> Table:
    ncols = len(table.column_labels)
    two_way = table.row_totals is not None
    one_col_share = ncols == 1 and bool(table.percent_of)
    header: list[Any] = [_p(table.row_header, styles["head"])]
    header += [_p(label, styles["head_num"]) for label in table.column_labels]
    if two_way:
        header.append(_p(table.total_label, styles["head_num"]))
    if one_col_share:
        header.append(_p(words("Share of {what}", what=table.percent_of), styles["head_num"]))
    data: list[list[Any]] = [header]
    for r, label in enumerate(table.row_labels):
        row: list[Any] = [_p(label, styles["cell"])]
        row += [_cell_text(table, r, c) for c in range(ncols)]
        if two_way:
            assert table.row_totals is not None
            row.append(table.row_totals[r])
        if one_col_share:
            row.append(table.percentages[r][0])
        data.append(row)
    has_total_row = table.column_totals is not None
    if has_total_row:
        assert table.column_totals is not None
        total_row: list[Any] = [_p(table.total_label, styles["cell_bold"])]
        total_row += list(table.column_totals)
        if two_way:
            total_row.append(table.grand_total or "")
        if one_col_share:
            total_row.append("")
        data.append(total_row)

    n_numeric = len(data[0]) - 1
    if n_numeric <= 2 and not two_way:
        label_w = _FRAME_W - 2 * 95 if table.key == "voca_service_areas" else 250.0
        num_w = 95.0
    else:
        label_w = 135.0 if n_numeric > 3 else 200.0
        num_w = min((_FRAME_W - label_w) / n_numeric, 110.0)
    widths = [label_w] + [num_w] * n_numeric

    style: list[tuple[Any, ...]] = [
        ("FONT", (1, 1), (-1, -1), "Helvetica", 9),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, _BLACK),
        ("BOX", (0, 0), (-1, -1), 0.8, _BLACK),
        ("INNERGRID", (0, 1), (-1, -1), 0.25, _RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]
    if has_total_row:
        style += [
            ("LINEABOVE", (0, -1), (-1, -1), 0.9, _BLACK),
            ("BACKGROUND", (0, -1), (-1, -1), _TOTAL_FILL),
            ("FONT", (1, -1), (-1, -1), "Helvetica-Bold", 9),
        ]
    if two_way:
        style += [
            ("LINEBEFORE", (ncols + 1, 0), (ncols + 1, -1), 0.9, _BLACK),
            ("FONT", (ncols + 1, 1), (ncols + 1, -1), "Helvetica-Bold", 9),
        ]
    return Table(data, colWidths=widths, style=TableStyle(style), repeatRows=1, hAlign="LEFT")


# --------------------------------------------------------------------------------------------
# Charts.


def _short(label: str) -> str:
    # Chart axes have room for the name only, not "(how it is counted)".
    return label.split(" (")[0]


def _chart_series(
    table: PublishedTable, hint: str, words: Words
) -> tuple[str, list[str], list[str], list[list[int | None]]]:
    """(title, category names, series names, series values); None marks a hidden value."""
    if hint == CHART_ROWS:
        names = [_short(x) for x in table.row_labels]
        return (
            table.title,
            names,
            [table.column_labels[0]],
            [[cell_number(row[0]) for row in table.cells]],
        )
    if hint == CHART_ROWS_GROUPED:
        names = [_short(x) for x in table.row_labels]
        series = [
            [cell_number(row[c]) for row in table.cells] for c in range(len(table.column_labels))
        ]
        return table.title, names, list(table.column_labels), series
    if hint == CHART_ROW_TOTALS and table.row_totals is not None:
        return (
            words(
                "{title}: total for each {category}",
                title=table.title,
                category=table.row_header.lower(),
            ),
            [_short(x) for x in table.row_labels],
            [table.total_label],
            [[cell_number(x) for x in table.row_totals]],
        )
    if hint == CHART_COLUMN_TOTALS and table.column_totals is not None:
        return (
            words("{title}: all categories together", title=table.title),
            list(table.column_labels),
            [table.total_label],
            [[cell_number(x) for x in table.column_totals]],
        )
    raise ValueError(f"unknown chart hint {hint!r}")


def _chart_flowables(
    table: PublishedTable,
    hint: str,
    marker: str,
    styles: dict[str, ParagraphStyle],
    words: Words,
) -> list[Flowable]:
    title, names, series_names, series = _chart_series(table, hint, words)
    heading = words("Chart: {title}", title=title)
    # A category with nothing published is left out (a missing bar must not read as zero), and
    # so is one that is 0 throughout (the table shows it; the chart stays readable).
    keep = [i for i in range(len(names)) if any(s[i] for s in series)]
    left_out = any(s[i] is None for s in series for i in range(len(names)))
    zeros_out = any(
        all(s[i] is not None for s in series) and not any(s[i] for s in series)
        for i in range(len(names))
    )
    caption_parts = []
    if not keep:
        return [
            _p(heading, styles["h3"]),
            _p(
                words(
                    "Nothing to chart: every count here is 0 or shown as {marker}.", marker=marker
                ),
                styles["note"],
            ),
        ]
    if left_out:
        caption_parts.append(
            words("Counts shown as {marker} in the table are left out of the chart.", marker=marker)
        )
    if zeros_out:
        caption_parts.append(words("Categories with 0 are not drawn."))
    # reportlab draws the first category at the bottom; reverse so the chart reads like the table.
    keep.reverse()
    cat_names = [names[i] for i in keep]
    data = [[s[i] for i in keep] for s in series]
    n_series = len(series)
    bar_slot = 13 if n_series == 1 else 10
    plot_h = max(len(keep) * bar_slot * n_series + len(keep) * 6, 30)
    legend_h = 26 if n_series > 1 else 0
    label_w = 170
    drawing = Drawing(_FRAME_W, plot_h + 14 + legend_h)
    chart = HorizontalBarChart()
    chart.x = label_w
    chart.y = 6 + legend_h
    chart.width = _FRAME_W - label_w - 50  # type: ignore[assignment]  # any number; the stubs say int
    chart.height = plot_h
    chart.data = data
    peak = max((v for s in data for v in s if v is not None), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(peak, 1) * 1.02
    chart.valueAxis.visible = False  # values are printed on the bars instead of a scale
    chart.categoryAxis.categoryNames = cat_names
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = _BLACK
    chart.categoryAxis.tickLeft = 0
    chart.barSpacing = 1
    chart.groupSpacing = 5
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = "Helvetica"
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for i in range(n_series):
        chart.bars[i].fillColor = _SERIES_FILLS[i % len(_SERIES_FILLS)]
        chart.bars[i].strokeColor = _BLACK
        chart.bars[i].strokeWidth = 0.5
    drawing.add(chart)
    if n_series > 1:
        legend = Legend()
        legend.x = label_w
        legend.y = 2
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 150
        legend.dxTextSpace = 5
        legend.fontName = "Helvetica"
        legend.fontSize = 8
        legend.boxAnchor = "sw"
        legend.strokeColor = _BLACK
        legend.strokeWidth = 0.5
        legend.colorNamePairs = [
            (_SERIES_FILLS[i % len(_SERIES_FILLS)], series_names[i]) for i in range(n_series)
        ]
        drawing.add(legend)
    out: list[Flowable] = [_p(heading, styles["h3"]), drawing]
    if caption_parts:
        out.append(_p(" ".join(caption_parts), styles["note"]))
    return out


# --------------------------------------------------------------------------------------------
# The document.


def _first_page(summary: PublishedSummary, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [
        _p(intro.title(summary), styles["title"]),
        _p(summary.office_name, styles["subtitle"]),
        _p(summary.period_label, styles["subtitle"]),
        _p(intro.prepared_line(summary), styles["body"]),
    ]
    if summary.is_demo:
        story.append(_p(intro.demo_warning(summary), styles["demo"]))
    story.append(Spacer(1, 6))
    for heading, paragraph in intro.sections(summary):
        story += [_p(heading, styles["h2"]), _p(paragraph, styles["body"])]
    for line in intro.points(summary):
        story.append(Paragraph(escape(line), styles["bullet"], bulletText="•"))
    return story


def _table_section(
    table: PublishedTable, summary: PublishedSummary, styles: dict[str, ParagraphStyle]
) -> list[Flowable]:
    words = intro.words(summary)
    head: list[Flowable] = [
        _p(table.title, styles["h2"]),
        _table_flowable(table, styles, words),
    ]
    if table.note:
        head.append(_p(table.note, styles["note"]))
    out: list[Flowable] = [CondPageBreak(2.2 * inch), KeepTogether(head)]
    for hint in table.charts:
        out.append(KeepTogether(_chart_flowables(table, hint, summary.marker, styles, words)))
    return out


def build_pdf_bytes(summary: PublishedSummary) -> bytes:
    """The PDF as bytes (nothing touches the disk)."""
    styles = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_BOTTOM,
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
