"""Rendering an assembly as the `PublishedSummary`: each cell as its number or the hidden marker,
percentages where their base is shown and large enough, and the explanation printed above the
tables, every word in the summary's language (reports.language: the tables hold English, looked
up here)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from advocate_app.reports.anonymize.published import (
    HIDDEN_REASON,
    LedgerCell,
    PublishedSummary,
    PublishedTable,
    percent,
    suppressed_marker,
)
from advocate_app.reports.anonymize.tables import Assembly
from advocate_app.reports.language import EN, Words
from advocate_app.store.summary import SummaryCounts


def render(
    counts: SummaryCounts,
    k: int,
    generated_on: date | None,
    assembly: Assembly,
    language: str = EN,
) -> PublishedSummary:
    words = Words(language)
    marker = suppressed_marker(k)
    values = assembly.system.values
    hidden = assembly.hidden
    grids = assembly.grids
    served, new, continuing = assembly.served, assembly.new, assembly.continuing

    def show(var: int) -> str:
        return marker if var in hidden else str(values[var])

    def pct(var: int, base: int | None) -> str:
        # A share of 0 says nothing the 0 does not; leaving it out keeps two-way tables legible.
        if base is None or var in hidden or base in hidden or values[base] < k:
            return ""
        if values[var] == 0:
            return ""
        return f"{percent(values[var], values[base])}%"

    tables: list[PublishedTable] = []
    for g in grids:
        percentages: list[tuple[str, ...]] = []
        for r, row in enumerate(g.cells):
            if g.percent_mode == "row" and g.row_totals is not None:
                base: int | None = g.row_totals[r]
                percentages.append(tuple(pct(v, base) for v in row))
            elif g.percent_mode == "column" and g.column_totals is not None:
                percentages.append(tuple(pct(v, g.column_totals[c]) for c, v in enumerate(row)))
            elif g.percent_mode == "overview" and row[0] in (new, continuing):
                percentages.append((pct(row[0], served),))
            else:
                percentages.append(tuple("" for _ in row))
        percent_of = {
            "row": words("row total"),
            "column": words("total"),
            "overview": words("people served"),
        }.get(g.percent_mode, "")
        has_percent = any(any(p) for p in percentages)
        notes = [words(g.note)] if g.note else []
        if g.combined:
            notes.append(
                words(
                    "“{row}” also combines: {categories}.",
                    row=words.label(g.vocabulary, g.merged_label),
                    categories="; ".join(words.label(g.vocabulary, x) for x in g.combined),
                )
            )
        if has_percent and g.percent_mode == "row":
            notes.append(words("Percentages are shares of the row's total."))
        tables.append(
            PublishedTable(
                key=g.key,
                title=words(g.title),
                row_header=words(g.row_header) if g.row_header else "",
                row_labels=tuple(words.label(g.vocabulary, x) for x in g.row_labels),
                # Column labels are the table's own words, or need statuses (the needs table).
                column_labels=tuple(words.label("need_statuses", x) for x in g.column_labels),
                cells=tuple(tuple(show(v) for v in row) for row in g.cells),
                row_totals=None if g.row_totals is None else tuple(show(v) for v in g.row_totals),
                column_totals=None
                if g.column_totals is None
                else tuple(show(v) for v in g.column_totals),
                grand_total=None if g.grand is None else show(g.grand),
                total_label=words("Total"),
                percentages=tuple(percentages),
                percent_of=percent_of if has_percent else "",
                note=" ".join(notes),
                charts=g.charts,
            )
        )

    explanation = explain(
        k,
        served_value=values[served],
        shown=[v for g in grids for row in g.cells for v in row],
        hidden=hidden,
        values=values,
        merged=any(g.merged for g in grids),
        words=words,
    )
    seen: set[frozenset[str]] = set()
    cells: list[LedgerCell] = []
    for var, leaves in enumerate(assembly.system.leaves):
        if leaves and leaves not in seen:
            seen.add(leaves)
            cells.append(LedgerCell(leaves, values[var], var not in hidden))
    return PublishedSummary(
        office_name=counts.office_name,
        period_label=counts.period_label,  # already worded (reports.summary)
        k=k,
        is_demo=counts.is_demo,
        generated_on=generated_on if generated_on is not None else date.today(),
        tables=tuple(tables),
        explanation=explanation,
        language=words.language,
        cells=tuple(cells),
    )


def explain(
    k: int,
    *,
    served_value: int,
    shown: Sequence[int],
    hidden: Collection[int],
    values: Sequence[int],
    merged: bool,
    words: Words | None = None,
) -> tuple[str, ...]:
    words = words or Words(EN)
    marker = suppressed_marker(k)
    lines = [
        words(
            "“{marker}” marks a hidden count: {reason}. Counts from 1 to {below_k} are always "
            "hidden, and some others with them, so that no hidden count can be worked out "
            "from the totals or from this office's other summaries.",
            marker=marker,
            reason=words(HIDDEN_REASON),
            below_k=k - 1,
        )
    ]
    nonzero = [v for v in shown if values[v] != 0]
    hidden_nonzero = sum(1 for v in nonzero if v in hidden)
    if served_value == 0:
        lines.append(words("No one was recorded as served in this period."))
    elif served_value < k:
        lines.append(
            words(
                "Most numbers are hidden because fewer than {k} people were served in this "
                "period. That protects their privacy; it is expected for a small office or a short "
                "period, not an error. A longer period, such as a whole fiscal year, shows more.",
                k=k,
            )
        )
    elif nonzero and hidden_nonzero * 2 > len(nonzero):
        lines.append(
            words(
                "Many numbers are hidden because the groups they count are smaller than {k}. "
                "A longer period, such as a whole fiscal year, shows more.",
                k=k,
            )
        )
    if merged:
        lines.append(
            words(
                "Some small categories are combined into one row so that more of the table can be "
                "shown; the note under each table says which."
            )
        )
    lines.append(
        words(
            "Percentages are shown only where the number they are a share of is {k} or more, "
            "rounded to whole percent.",
            k=k,
        )
    )
    lines.append(
        words(
            "The VOCA table counts people by the services recorded on notes, grouped as the VOCA "
            "Performance Measurement Tool groups them; it is not the PMT report itself."
        )
    )
    return tuple(lines)
