"""Reports, as a supervisor uses it: choose a period, see the summary, export the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from advocate_app.store import clients
from advocate_app.store.clients import ClientFields
from advocate_app.ui.qt import Qt
from advocate_app.ui.reports_section import last_complete_quarter, safe_file_name


def test_show_and_export(unlocked, qtbot, tmp_path: Path) -> None:
    for i in range(14):
        clients.create_client(unlocked.vault, ClientFields(alias=f"Heron {i}",
                                                           intake_date=date.today()))
    section = unlocked.shell.show_section("reports")
    qtbot.mouseClick(section.months_radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(section.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.summary is not None, timeout=15000)
    shown = section.view.toPlainText()
    assert "Riverbend Advocacy Office" in shown and "Heron" not in shown
    out = tmp_path / "summary.pdf"
    section._ask_save_path = lambda *a: out
    section.summary = None
    qtbot.mouseClick(section.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.summary is not None, timeout=15000)
    assert out.read_bytes().startswith(b"%PDF")
    assert "Saved" in section.message.text()


def test_bad_months_say_so(unlocked, qtbot) -> None:
    section = unlocked.shell.show_section("reports")
    section.months_radio.setChecked(True)
    section.from_month.setDate(section.to_month.date().addMonths(2))
    qtbot.mouseClick(section.show_button, Qt.MouseButton.LeftButton)
    assert "before" in section.message.text()


def test_period_helpers() -> None:
    assert last_complete_quarter(date(2026, 11, 28)) == (2026, 4)
    assert last_complete_quarter(date(2026, 2, 1)) == (2026, 1)
    from advocate_app.reports.periods import fiscal_quarter

    assert safe_file_name(fiscal_quarter(2026, 1)) == \
        "anonymized-summary-federal-fy2026-q1-october-december-2025.pdf"
