"""The supervisor summary from a vault: count, de-identify, then show or export.

The screen, the exported file (PDF, HTML or text) and `advocate-app summary` all go through
`build_summary`, so they can only ever show the same (already suppressed) numbers. The language
(English or Spanish, reports.language) changes the words only: the counts, what is hidden and
what the export ledger records are the same in both.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.reports.anonymize import PublishedSummary, PublishedTable
from advocate_app.reports.formats import PDF, check_format, summary_bytes
from advocate_app.reports.language import EN, Words, check_language
from advocate_app.reports.ledger import EarlierExport, protect
from advocate_app.reports.output_file import check_output_path, write_file
from advocate_app.reports.periods import Period, require_complete, worded_label
from advocate_app.store import report_settings, summary_ledger
from advocate_app.store.errors import NotAllowed
from advocate_app.store.summary import SummaryCounts
from advocate_app.store.summary_queries import compute_counts
from advocate_app.store.vault import Vault

Progress = Callable[[int], None]


def earlier_exports(vault: Vault) -> list[EarlierExport]:
    by_export: dict[int, dict[str, tuple[int, bool]]] = defaultdict(dict)
    for cell in summary_ledger.exported_cells(vault):
        by_export[cell.export_id][cell.cell_key] = (cell.value, cell.published)
    digests = summary_ledger.exported_digests(vault)
    return [
        EarlierExport(e.id, e.period_start, e.period_end, by_export[e.id], digests.get(e.id, {}))
        for e in summary_ledger.list_exports(vault)
    ]


def _prepare(
    vault: Vault, period: Period, today: date | None, generated_on: date | None, language: str
) -> tuple[PublishedSummary, SummaryCounts]:
    # The one role check for the summary (the store's own role rules may add theirs).
    if not vault.current_user.is_supervisor:
        raise NotAllowed(QT_TR_NOOP("Only a supervisor can make the summary."))
    language = check_language(language)
    require_complete(period, today or date.today())
    k = report_settings.summary_k(vault)
    counts = compute_counts(vault, period.start, period.end, worded_label(period, Words(language)))
    summary = protect(
        counts,
        period,
        k,
        earlier_exports(vault),
        lambda export_id: summary_ledger.export_members(vault, export_id),
        generated_on,
        language,
    )
    return summary, counts


def build_summary(
    vault: Vault,
    period: Period,
    *,
    today: date | None = None,
    generated_on: date | None = None,
    language: str = EN,
) -> PublishedSummary:
    """The summary as an export of it now would publish (checked against the ledger), for the
    screen. Nothing is recorded: only an export is."""
    return _prepare(vault, period, today, generated_on, language)[0]


def _record(vault: Vault, period: Period, summary: PublishedSummary, counts: SummaryCounts) -> None:
    summary_ledger.record_export(
        # The same record in every language: the period's English label, the same cells.
        vault,
        period_code=period.code or period.label[:16],
        period_kind=period.kind,
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        k=summary.k,
        cells=[(c.key, c.value, c.published) for c in summary.cells],
        members=counts.members,
    )


def export_summary(
    vault: Vault,
    period: Period,
    *,
    today: date | None = None,
    generated_on: date | None = None,
    language: str = EN,
) -> PublishedSummary:
    """Publish without a file (the CLI's --json): recorded in the ledger like any export."""
    summary, counts = _prepare(vault, period, today, generated_on, language)
    _record(vault, period, summary, counts)
    return summary


def export_file(
    vault: Vault,
    period: Period,
    out_path: Path,
    fmt: str = PDF,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
    generated_on: date | None = None,
    language: str = EN,
) -> PublishedSummary:
    """Check the path, count, protect against earlier exports, write the file (a PDF, an HTML
    page or plain text: see reports.formats) atomically and record the export in the ledger
    (just before the file appears: a ledger entry for a file that failed to appear errs on the
    safe side). Each format and each language is the same publication, recorded the same way."""
    fmt = check_format(fmt)
    report = progress or (lambda _p: None)
    target = check_output_path(out_path, vault.folder, overwrite=overwrite)
    report(5)
    summary, counts = _prepare(vault, period, today, generated_on, language)
    report(60)
    data = summary_bytes(summary, fmt)
    report(90)
    write_file(target, data, lambda: _record(vault, period, summary, counts))
    report(100)
    return summary


def export_pdf(
    vault: Vault,
    period: Period,
    out_path: Path,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
    generated_on: date | None = None,
    language: str = EN,
) -> PublishedSummary:
    """export_file as a PDF."""
    return export_file(
        vault,
        period,
        out_path,
        PDF,
        overwrite=overwrite,
        progress=progress,
        today=today,
        generated_on=generated_on,
        language=language,
    )


def _table_html(table: PublishedTable) -> str:
    e = html.escape
    out = [
        f"<h3>{e(table.title)}</h3>",
        "<table border='1' cellspacing='0' cellpadding='5'>",
        f"<tr><th align='left'>{e(table.row_header)}</th>",
    ]
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
    """The on-screen rendering: everything escaped, the same cells and words as the PDF."""
    e = html.escape
    words = Words(summary.language)
    head = [f"<h2>{e(summary.office_name)} — {e(summary.period_label)}</h2>"]
    if summary.is_demo:
        head.append(f"<p><b>{e(words('DEMO — fictional data'))}</b></p>")
    head.append(f"<p>{e(words('This summary holds no client-identifying information.'))}</p>")
    setting = words("k = {k} (the office's setting).", k=summary.k)
    head.append(f"<p>{e(setting)}</p>")
    head += [f"<p>{e(line)}</p>" for line in summary.explanation]
    return "".join(head + [_table_html(t) for t in summary.tables])
