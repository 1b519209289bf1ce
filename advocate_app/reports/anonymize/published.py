"""What the summary publishes: the tables and cells the screen, the PDF, the HTML and the plain
text show, and the JSON of --json. Only shown numbers and the one hidden marker are in it; the
true counts travel only in `PublishedSummary.cells`, for the export ledger inside the vault."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from advocate_app.reports.language import Words

HIDDEN_MARKER = "—"
HIDDEN_REASON = "hidden to protect privacy; it may be 0, small or large"

# Chart hints for renderers (the PDF, the screen): which numbers of a table make a bar chart.
CHART_ROWS = "rows"  # one bar per row, from the table's single column
CHART_ROWS_GROUPED = "rows_grouped"  # one bar per row and column, columns as series
CHART_ROW_TOTALS = "row_totals"  # one bar per row, from the row totals
CHART_COLUMN_TOTALS = "column_totals"  # one bar per column, from the column totals

DECLINED_LABEL = "Declined (survivor's choice)"


def suppressed_marker(k: int) -> str:
    """The text every hidden cell shows, whatever k is: one neutral mark, not a quantity."""
    return HIDDEN_MARKER


def cell_number(text: str) -> int | None:
    """The number a published cell shows, or None for a hidden ("—") or empty cell."""
    return int(text) if text.isdigit() else None


def percent(part: int, base: int) -> int:
    """Whole percent, halves rounded up (Python's round() would round 12.5 to 12)."""
    return (200 * part + base) // (2 * base)


def _json_cell(text: str) -> int | None:
    """A shown count as a number; a hidden one as null (the reason is given once, at the top)."""
    return None if text == HIDDEN_MARKER else int(text)


@dataclass(frozen=True)
class PublishedTable:
    """One table as shown. Cells are strings: a number, "0" or the hidden marker ("—")."""

    key: str
    title: str
    row_header: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]
    row_totals: tuple[str, ...] | None
    column_totals: tuple[str, ...] | None
    grand_total: str | None
    total_label: str
    # Same shape as cells; "" where no percentage is shown, else e.g. "42%".
    percentages: tuple[tuple[str, ...], ...]
    percent_of: str  # what the percentages are shares of, "" if the table has none
    note: str
    charts: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "row_header": self.row_header,
            "row_labels": list(self.row_labels),
            "column_labels": list(self.column_labels),
            "cells": [[_json_cell(c) for c in r] for r in self.cells],
            "row_totals": None
            if self.row_totals is None
            else [_json_cell(c) for c in self.row_totals],
            "column_totals": None
            if self.column_totals is None
            else [_json_cell(c) for c in self.column_totals],
            "grand_total": None if self.grand_total is None else _json_cell(self.grand_total),
            "total_label": self.total_label,
            "percentages": [list(r) for r in self.percentages],
            "percent_of": self.percent_of,
            "note": self.note,
            "charts": list(self.charts),
        }


@dataclass(frozen=True)
class LedgerCell:
    """One count of the summary for the export ledger: the leaf counts it adds up (what it is,
    the same in every export), its true value, and whether it was shown. Never rendered."""

    leaves: frozenset[str]
    value: int
    published: bool

    @property
    def key(self) -> str:
        return "|".join(sorted(self.leaves))


@dataclass(frozen=True)
class PublishedSummary:
    office_name: str
    period_label: str
    k: int
    is_demo: bool
    generated_on: date
    tables: tuple[PublishedTable, ...]
    explanation: tuple[str, ...]
    language: str = "en"  # the language of every string here (reports.language)
    # For the export ledger only (inside the vault): every count with its true value. Not part
    # of the rendering, the JSON or equality.
    cells: tuple[LedgerCell, ...] = field(default=(), repr=False, compare=False)

    @property
    def marker(self) -> str:
        return suppressed_marker(self.k)

    def table(self, key: str) -> PublishedTable:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "office_name": self.office_name,
            "period_label": self.period_label,
            "k": self.k,
            "hidden_cells": {
                "shown_as": None,
                "marker_in_pdf": self.marker,
                "reason": Words(self.language)(HIDDEN_REASON),
            },
            "is_demo": self.is_demo,
            "language": self.language,
            "generated_on": self.generated_on.isoformat(),
            "explanation": list(self.explanation),
            "tables": [t.to_dict() for t in self.tables],
        }

    def to_json(self) -> str:
        """Keys in a fixed order (as written above), so the output of --json diffs cleanly."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=True)
