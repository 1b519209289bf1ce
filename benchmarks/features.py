"""Benchmarks of feature screens on the synthetic vault: the Today view, a year's PDF and the
VOCA quarterly figures."""

from __future__ import annotations

import contextlib
import statistics
import tempfile
from datetime import date
from pathlib import Path


def _last_fiscal_year() -> int:
    today = date.today()
    fy = today.year + 1 if today.month >= 10 else today.year
    return fy - 1


def _earlier_periods():  # type: ignore[no-untyped-def]
    """Every quarter and year of the last four fiscal years and the calendar years between:
    twenty exports, a supervisor's four years of reporting (issue 13)."""
    from advocate_app.reports.periods import calendar_year, fiscal_quarter, fiscal_year

    last = _last_fiscal_year()
    earlier = [fiscal_quarter(fy, q) for fy in range(last - 3, last + 1) for q in (1, 2, 3, 4)]
    earlier += [fiscal_year(fy) for fy in range(last - 3, last)]
    earlier += [calendar_year(y) for y in range(last - 3, last)]
    return earlier[:20]


def _drop_exports_after(vault, last_id: int) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import delete

    from advocate_app.store.models import SummaryExport, SummaryExportCell, SummaryExportMembers

    with vault.write() as s:
        for model in (SummaryExportCell, SummaryExportMembers):
            s.execute(delete(model).where(model.export_id > last_id))
        s.execute(delete(SummaryExport).where(SummaryExport.id > last_id))


def _ledger_of_twenty_earlier_exports(vault) -> int:  # type: ignore[no-untyped-def]
    """The export ledger holds exactly the twenty earlier exports of _earlier_periods, oldest
    first, made again if it holds anything else (a vault from an older benchmark). Each export
    is checked against every earlier one, so a ledger that grew with each run (68 exports at
    50k after eight sessions) made the PDF figures drift up from run to run."""
    from advocate_app.reports.summary import export_summary
    from advocate_app.store import summary_ledger

    periods = _earlier_periods()
    have = [e.period_code for e in reversed(summary_ledger.list_exports(vault))]
    if have != [p.code for p in periods]:
        _drop_exports_after(vault, 0)
        for period in periods:
            export_summary(vault, period)
    return len(periods)


@contextlib.contextmanager
def _exports_taken_back(vault):  # type: ignore[no-untyped-def]
    """What the ledger gains inside the block is taken out again after it."""
    from advocate_app.store import summary_ledger

    last = max((e.id for e in summary_ledger.list_exports(vault)), default=0)
    try:
        yield
    finally:
        _drop_exports_after(vault, last)


def pdf_for_a_year(vault, report, timed, ms) -> None:  # type: ignore[no-untyped-def]
    """A fiscal year's PDF with the same twenty earlier exports in the ledger on every run
    (issue 13's figure too: each export is checked against every earlier one)."""
    from advocate_app.reports.periods import fiscal_year
    from advocate_app.reports.summary import export_pdf

    earlier = _ledger_of_twenty_earlier_exports(vault)
    period = fiscal_year(_last_fiscal_year())
    with tempfile.TemporaryDirectory() as tmp, _exports_taken_back(vault):
        out = Path(tmp) / "summary.pdf"
        times = timed(lambda: export_pdf(vault, period, out, overwrite=True), 3)
        size = out.stat().st_size
    report(
        f"anonymized PDF for a fiscal year, {earlier} earlier exports, wall / CPU (median of 3)",
        f"{ms(statistics.median(times))} / {ms(statistics.median(times.cpu))}",
        f"budget 3000 ms; {size // 1024} KB",
        key="year PDF",
        number=statistics.median(times.cpu),
    )


def voca_quarter(vault, report, timed, ms) -> None:  # type: ignore[no-untyped-def]
    """The exact VOCA figures for the last federal fiscal quarter that has ended (issue 20)."""
    from advocate_app.reports.voca import parse_quarter, quarter_figures

    today = date.today()
    fy = today.year + 1 if today.month >= 10 else today.year
    q = (today.month - 10) % 12 // 3 + 1  # the quarter today is in
    fy, q = (fy, q - 1) if q > 1 else (fy - 1, 4)
    period = parse_quarter(f"{fy}-Q{q}", today)
    figures = quarter_figures(vault, period)  # warm
    times = timed(lambda: quarter_figures(vault, period), 5)
    served = figures.figure("individuals_served").total
    report(
        f"VOCA quarterly figures for {period.code} (median of 5)",
        ms(statistics.median(times)),
        f"budget 2000 ms; {served:,} individuals served",
    )


def today_view(vault, report, timed, ms) -> None:  # type: ignore[no-untyped-def]
    from advocate_app.store import today

    user_id = vault.current_user.id
    on = date.today()
    today.compute(vault, user_id, on, 30)  # warm
    times = timed(lambda: today.compute(vault, user_id, on, 30), 10)
    report(
        "Today view computed, wall / CPU (median of 10)",
        f"{ms(statistics.median(times))} / {ms(statistics.median(times.cpu))}",
        "budget 60 ms",
        key="Today view",
        number=statistics.median(times.cpu),
    )


def section_shown(vault, report, timed, ms) -> None:  # type: ignore[no-untyped-def]
    """The Today section as unlocking shows it: built, filled and painted (the CPU time is the
    GUI thread's; the rows are read on a worker, whose time the wall time includes)."""
    from PySide6.QtCore import QEventLoop

    from advocate_app.settings import Settings
    from advocate_app.ui.qt import QApplication
    from advocate_app.ui.today.section import TodaySection

    app = QApplication.instance()

    def show() -> None:
        section = TodaySection(vault, Settings())
        section.resize(1200, 800)
        section.show()
        shown = getattr(section, "shown", None)  # rows read on a worker (issue 21): wait for them
        loop = QEventLoop()
        if shown is not None:
            shown.connect(loop.quit)
        section.on_show()
        if shown is not None and section.view is None:
            loop.exec()
        section.repaint()
        app.processEvents()
        section.close()
        section.deleteLater()

    show()  # warm
    times = timed(show, 5)
    report(
        "Today section built, filled, painted, wall / CPU",
        f"{ms(statistics.median(times))} / {ms(statistics.median(times.cpu))}",
        "",
        key="Today section shown",
        number=statistics.median(times.cpu),
    )


def benchmarks(vault, report, timed, ms):  # type: ignore[no-untyped-def]
    def run(fn):  # type: ignore[no-untyped-def]
        return lambda _name: fn(vault, report, timed, ms)

    return [
        ("today", run(today_view)),
        ("pdf", run(pdf_for_a_year)),
        ("voca", run(voca_quarter)),
    ]


__all__ = ["benchmarks"]
