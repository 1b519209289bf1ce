"""A published table as a header row, body rows and a total row of plain strings: the cells the
PDF prints, in the same places, for the formats that are text (HTML, plain text)."""

from __future__ import annotations

from dataclasses import dataclass

from advocate_app.reports.anonymize import PublishedTable
from advocate_app.reports.language import Words


@dataclass(frozen=True)
class TableText:
    header: tuple[str, ...]  # the row header, then one label per column
    rows: tuple[tuple[str, ...], ...]  # the row label, then one cell per column
    total_row: tuple[str, ...] | None  # "Total", then the column totals (and the grand total)


def table_text(table: PublishedTable, words: Words | None = None) -> TableText:
    """Like the PDF: a two-way table shows "n (p%)" in a cell and a row-total column; a
    one-column table with shares gets a "Share of …" column (in `words`' language)."""
    words = words or Words()
    ncols = len(table.column_labels)
    two_way = table.row_totals is not None
    one_col_share = ncols == 1 and bool(table.percent_of)
    header = [table.row_header, *table.column_labels]
    if two_way:
        header.append(table.total_label)
    if one_col_share:
        header.append(words("Share of {what}", what=table.percent_of))
    rows = []
    for r, label in enumerate(table.row_labels):
        row = [label]
        for c in range(ncols):
            text = table.cells[r][c]
            share = table.percentages[r][c] if table.percentages else ""
            row.append(f"{text} ({share})" if share and ncols > 1 else text)
        if table.row_totals is not None:
            row.append(table.row_totals[r])
        if one_col_share:
            row.append(table.percentages[r][0])
        rows.append(tuple(row))
    total_row: tuple[str, ...] | None = None
    if table.column_totals is not None:
        total = [table.total_label, *table.column_totals]
        if two_way:
            total.append(table.grand_total or "")
        if one_col_share:
            total.append("")
        total_row = tuple(total)
    return TableText(tuple(header), tuple(rows), total_row)
