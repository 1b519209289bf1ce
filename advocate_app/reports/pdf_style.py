"""How the summary PDF looks: the page, the grays, the paragraph styles, and `para` (every
string escaped, so a published "<11" is never read as markup). Black-and-white friendly; built-in
Helvetica only, so no font is embedded or downloaded."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph

PAGE_W, PAGE_H = LETTER
MARGIN = 0.75 * inch
BOTTOM = 0.9 * inch  # room for the footer
FRAME_W = PAGE_W - 2 * MARGIN

BLACK = colors.black
HEADER_FILL = colors.Color(0.87, 0.87, 0.87)
TOTAL_FILL = colors.Color(0.95, 0.95, 0.95)
RULE = colors.Color(0.55, 0.55, 0.55)
WATERMARK_GRAY = colors.Color(0.88, 0.88, 0.88)
# Series fills: dark and light gray with black outlines read apart on any printer.
SERIES_FILLS = (colors.Color(0.35, 0.35, 0.35), colors.Color(0.85, 0.85, 0.85))


def paragraph_styles() -> dict[str, ParagraphStyle]:
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
            borderColor=BLACK,
            borderWidth=1.2,
            borderPadding=6,
            spaceBefore=8,
            spaceAfter=10,
        ),
    }


def para(text: str, style: ParagraphStyle) -> Paragraph:
    # Every string goes through escape(): "<11" would otherwise be read as markup.
    return Paragraph(escape(text), style)
