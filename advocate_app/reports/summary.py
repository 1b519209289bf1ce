"""The supervisor summary from a vault: count, de-identify, then show or export.

The screen, the PDF and `advocate-app summary` all go through `build_summary`, so they can
only ever show the same (already suppressed) numbers.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path

from advocate_app.reports.anonymize import DEFAULT_K, PublishedSummary, PublishedTable, publish
from advocate_app.reports.pdf import render_pdf
from advocate_app.reports.periods import Period
from advocate_app.store.summary_queries import compute_counts
from advocate_app.store.vault import Vault

Progress = Callable[[int], None]


def build_summary(vault: Vault, period: Period, k: int = DEFAULT_K,
                  generated_on: date | None = None) -> PublishedSummary:
    counts = compute_counts(vault, period.start, period.end, period.label)
    return publish(counts, k=k, generated_on=generated_on)


def export_pdf(vault: Vault, period: Period, out_path: Path, k: int = DEFAULT_K,
               progress: Progress | None = None) -> PublishedSummary:
    report = progress or (lambda _p: None)
    report(5)
    summary = build_summary(vault, period, k)
    report(60)
    render_pdf(summary, Path(out_path))
    report(100)
    return summary


def _table_html(table: PublishedTable) -> str:
    e = html.escape
    out = [f"<h3>{e(table.title)}</h3>",
           "<table border='1' cellspacing='0' cellpadding='5'>",
           f"<tr><th align='left'>{e(table.row_header)}</th>"]
    out += [f"<th>{e(c)}</th>" for c in table.column_labels]
    if table.row_totals is not None:
        out.append(f"<th>{e(table.total_label)}</th>")
    out.append("</tr>")
    for r, label in enumerate(table.row_labels):
        out.append(f"<tr><td>{e(label)}</td>")
        for c, cell in enumerate(table.cells[r]):
            pct = table.percentages[r][c] if table.percentages else ""
            shown = f"{e(cell)} ({e(pct)})" if pct else e(cell)
            out.append(f"<td align='right'>{shown}</td>")
        if table.row_totals is not None:
            out.append(f"<td align='right'><b>{e(table.row_totals[r])}</b></td>")
        out.append("</tr>")
    if table.column_totals is not None:
        out.append(f"<tr><td><b>{e(table.total_label)}</b></td>")
        out += [f"<td align='right'><b>{e(t)}</b></td>" for t in table.column_totals]
        if table.row_totals is not None:
            out.append(f"<td align='right'><b>{e(table.grand_total or '')}</b></td>")
        out.append("</tr>")
    out.append("</table>")
    if table.note:
        out.append(f"<p><i>{e(table.note)}</i></p>")
    return "".join(out)


def summary_html(summary: PublishedSummary) -> str:
    """The on-screen rendering: everything escaped, the same cells as the PDF."""
    e = html.escape
    head = [f"<h2>{e(summary.office_name)} — {e(summary.period_label)}</h2>"]
    if summary.is_demo:
        head.append("<p><b>DEMO — fictional data</b></p>")
    head.append("<p>This summary holds no client-identifying information.</p>")
    head += [f"<p>{e(line)}</p>" for line in summary.explanation]
    return "".join(head + [_table_html(t) for t in summary.tables])
