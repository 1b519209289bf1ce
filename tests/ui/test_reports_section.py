"""Reports, as a supervisor uses it: choose a standard period, see the summary, export the PDF,
see what was exported before; and the office's k in Settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from advocate_app.reports.periods import QUARTER, completed_periods, fiscal_quarter
from advocate_app.store import audit, clients, report_settings
from advocate_app.store.clients import ClientFields
from advocate_app.ui.qt import QFileDialog, Qt
from advocate_app.ui.reports.section import safe_file_name


def _last_quarter():  # type: ignore[no-untyped-def]
    return next(p for p in completed_periods(date.today()) if p.kind == QUARTER)


def _open_reports(unlocked, qtbot):  # type: ignore[no-untyped-def]
    section = unlocked.shell.show_section("reports")
    qtbot.waitUntil(lambda: section.periods_chosen, timeout=15000)
    return section


def test_opens_on_the_newest_period_with_data_and_exports(
    unlocked, qtbot, tmp_path: Path, monkeypatch
) -> None:
    quarter = _last_quarter()
    for i in range(14):
        clients.create_client(
            unlocked.vault, ClientFields(alias=f"Heron {i}", intake_date=quarter.start)
        )
    section = _open_reports(unlocked, qtbot)
    chosen = section.period()
    assert chosen is not None and chosen.end == quarter.end
    assert all(
        section.period_combo.itemData(i).end < date.today()
        for i in range(section.period_combo.count())
    )
    assert "smaller than 11" in section.k_text.text()
    qtbot.mouseClick(section.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.summary is not None, timeout=15000)
    shown = section.view.toPlainText()
    assert "Riverbend Advocacy Office" in shown and "Heron" not in shown
    assert "No summary has been exported yet." in section.ledger_list.item(0).text()

    out = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(out), ""))
    section.summary = None
    qtbot.mouseClick(section.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.summary is not None, timeout=15000)
    assert out.read_bytes().startswith(b"%PDF")
    assert "Saved" in section.message.text()
    line = section.ledger_list.item(0).text()
    assert line.startswith("Exported on") and chosen.label in line
    assert "privacy threshold 11" in line

    # Writing over the file asks first; saying no leaves it as it was.
    from advocate_app.ui.reports import section as reports_section

    out.write_bytes(b"keep me")
    monkeypatch.setattr(reports_section, "confirm", lambda *a: False)
    qtbot.mouseClick(section.export_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes() == b"keep me"
    monkeypatch.setattr(reports_section, "confirm", lambda *a: True)
    section.summary = None
    qtbot.mouseClick(section.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.summary is not None, timeout=15000)
    assert out.read_bytes().startswith(b"%PDF")
    assert section.ledger_list.count() == 2


def test_the_summary_can_be_saved_as_an_accessible_web_page(
    unlocked, qtbot, tmp_path: Path, monkeypatch
) -> None:
    quarter = _last_quarter()
    for i in range(14):
        clients.create_client(
            unlocked.vault, ClientFields(alias=f"Egret {i}", intake_date=quarter.start)
        )
    section = _open_reports(unlocked, qtbot)
    section.format_combo.setFocus()
    qtbot.keyClick(section.format_combo, Qt.Key.Key_Down)
    assert section.export_format() == "html"
    assert section.export_button.text() == "Export web page…"
    asked: list[tuple[object, ...]] = []
    out = tmp_path / "summary.html"

    def ask(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(args)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    qtbot.mouseClick(section.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.summary is not None, timeout=15000)
    _, _, suggested, file_filter = asked[0]
    assert str(suggested).endswith(".html") and "*.html" in str(file_filter)
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en-US">' in page and "<caption>" in page and "Egret" not in page
    assert "Saved" in section.message.text()
    assert section.ledger_list.item(0).text().startswith("Exported on")


def test_a_path_inside_the_data_folder_is_refused(unlocked, qtbot, monkeypatch) -> None:
    section = _open_reports(unlocked, qtbot)
    target = unlocked.vault.folder / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(target), ""))
    qtbot.mouseClick(section.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "data folder" in section.message.text(), timeout=15000)
    assert not target.exists()
    assert section.export_button.isEnabled()


def test_the_office_k_is_changed_in_settings_with_a_warning(unlocked, qtbot, monkeypatch) -> None:
    from advocate_app.ui.settings import summary_box

    section = unlocked.shell.show_section("settings")
    box = section.summary_box
    assert box.isVisible()
    assert box.k.value() == 11 and box.fy_start.currentData() == 10
    asked: list[str] = []
    monkeypatch.setattr(
        summary_box, "confirm", lambda _p, _t, text, _a: asked.append(text) or False
    )
    box.k.setValue(13)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert "smaller than 11" in asked[0] and "made with 13" in asked[0] and "work out" in asked[0]
    assert report_settings.summary_k(unlocked.vault) == 11, "saying no changes nothing"
    assert box.k.value() == 11
    monkeypatch.setattr(summary_box, "confirm", lambda *a: True)
    box.k.setValue(13)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert report_settings.summary_k(unlocked.vault) == 13
    with unlocked.vault.read() as s:
        assert audit.recent(s, 3)[0].action == "summary_k_changed"
    reports = unlocked.shell.show_section("reports")
    assert "smaller than 13" in reports.k_text.text()


def test_file_names_come_from_the_period_only() -> None:
    assert (
        safe_file_name(fiscal_quarter(2026, 1))
        == "anonymized-summary-federal-fy2026-q1-october-december-2025.pdf"
    )


def test_the_summary_language_follows_the_interface_and_can_be_chosen(
    unlocked, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from advocate_app.ui.qt import QLocale
    from advocate_app.ui.reports.section import ReportsSection

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates))
    try:
        in_spanish = ReportsSection(unlocked.vault, lambda *a, **kw: None)
        qtbot.addWidget(in_spanish)
        assert in_spanish.summary_language() == "es"
    finally:
        QLocale.setDefault(before)

    quarter = _last_quarter()
    for i in range(14):
        clients.create_client(
            unlocked.vault, ClientFields(alias=f"Ibis {i}", intake_date=quarter.start)
        )
    section = _open_reports(unlocked, qtbot)
    from advocate_app.ui.reports.section import interface_language

    assert section.summary_language() == interface_language()
    assert section.language_combo.accessibleName()
    section.language_combo.setCurrentIndex(section.language_combo.findData("en"))
    section.language_combo.setFocus()
    qtbot.keyClick(section.language_combo, Qt.Key.Key_Down)
    assert section.summary_language() == "es"
    qtbot.mouseClick(section.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.summary is not None, timeout=15000)
    shown = section.view.toPlainText()
    assert "Personas atendidas" in shown and "People served" not in shown
    out = tmp_path / "resumen.txt"
    section.format_combo.setCurrentIndex(section.format_combo.findData("txt"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(out), ""))
    section.summary = None
    qtbot.mouseClick(section.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.summary is not None, timeout=15000)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Resumen anónimo") and "Ibis" not in text
    assert section.ledger_list.item(0).text().startswith("Exported on")
