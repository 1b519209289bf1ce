"""The summary as a plain-text file: the same words, cells, hidden marker and notes as the PDF,
in reading order, each table as aligned columns a screen reader or any editor can read."""

from __future__ import annotations

from advocate_app.reports import intro
from advocate_app.reports.anonymize import PublishedSummary, PublishedTable
from advocate_app.reports.language import Words
from advocate_app.reports.table_text import table_text

_WIDTH = 78


def _wrap(text: str, indent: str = "", first: str = "") -> list[str]:
    """Words to lines of at most _WIDTH characters (a word longer than that stands alone)."""
    lines: list[str] = []
    line = first or indent
    for word in text.split():
        if len(line) + len(word) + 1 > _WIDTH and line.strip():
            lines.append(line.rstrip())
            line = indent
        line += word + " "
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _heading(text: str, underline: str) -> list[str]:
    return [text, underline * len(text)]


def _table(table: PublishedTable, words: Words) -> list[str]:
    text = table_text(table, words)
    rows = [text.header, *text.rows]
    if text.total_row is not None:
        rows.append(text.total_row)
    widths = [max(len(row[c]) for row in rows) for c in range(len(text.header))]

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(widths[c]) for c, cell in enumerate(row) if c > 0]
        return " | ".join(cells).rstrip()

    out = ["", *_heading(table.title, "-"), line(text.header), "-+-".join("-" * w for w in widths)]
    out += [line(row) for row in text.rows]
    if text.total_row is not None:
        out.append("-+-".join("-" * w for w in widths))
        out.append(line(text.total_row))
    if table.note:
        out.append("")
        out += _wrap(table.note)
    return out


def build_text(summary: PublishedSummary) -> str:
    out = [
        *_heading(intro.title(summary), "="),
        summary.office_name,
        summary.period_label,
        intro.prepared_line(summary),
    ]
    if summary.is_demo:
        out += ["", *_wrap(intro.demo_warning(summary))]
    for heading, paragraph in intro.sections(summary):
        out += ["", *_heading(heading, "-"), *_wrap(paragraph)]
    points = intro.points(summary)
    if points:
        out.append("")
        for point in points:
            out += _wrap(point, indent="  ", first="* ")
    for table in summary.tables:
        out += _table(table, intro.words(summary))
    return "\n".join(out) + "\n"


def build_text_bytes(summary: PublishedSummary) -> bytes:
    return build_text(summary).encode("utf-8")
