"""Reports → VOCA quarterly figures (issue 20): a supervisor sees the exact figures of a small
vault for the last completed federal fiscal quarter and copies one; an advocate has no such view."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from advocate_app.store import clients, contacts, notes
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import CurrentUser, Vault
from advocate_app.store.voca_fields import ReportingFields, set_reporting_fields
from advocate_app.ui.qt import QGroupBox, QGuiApplication, QLabel, Qt
from advocate_app.ui.reports.voca_view import VocaFiguresView, default_index, federal_quarters


def _note(vault: Vault, cid: int, day: date, *services: str) -> None:
    noon = datetime.combine(day, time(12)).astimezone(UTC).replace(tzinfo=None)
    notes.add_note(vault, cid, "contact", "Met.", at=noon, services=services)


def test_federal_quarters_default_to_the_last_completed_one() -> None:
    today = date(2026, 11, 30)
    quarters = federal_quarters(today)
    assert quarters[0].code == "2027-Q1"  # October–December 2026, still going on
    chosen = quarters[default_index(quarters, today)]
    assert (chosen.start, chosen.end) == (date(2026, 7, 1), date(2026, 9, 30))
    assert all(q.start <= today for q in quarters)


def test_a_supervisor_sees_the_figures_and_copies_one(unlocked, qtbot, tmp_path: Path) -> None:
    vault = unlocked.vault
    today = date.today()
    quarter = federal_quarters(today)[default_index(federal_quarters(today), today)]
    middle = quarter.start + timedelta(days=20)
    ana = clients.create_client(vault, ClientFields(alias="Ana Heron", intake_date=quarter.start))
    set_reporting_fields(vault, ana, ReportingFields(gender_identity="female"))
    _note(vault, ana, middle, "transportation", "crisis_intervention")
    _note(vault, ana, middle + timedelta(days=3), "transportation")
    bea = clients.create_client(vault, ClientFields(alias="Bea Egret", intake_date=quarter.start))
    _note(vault, bea, middle, "transportation")
    contacts.log_contact(
        vault,
        contact_date=middle,
        kind="hotline",
        minutes=10,
        topics=[],
        services=["hotline_counseling"],
    )

    section = unlocked.shell.show_section("reports")
    section.tabs.setCurrentWidget(section.voca)
    view = section.voca
    assert view.quarter() == quarter
    assert any("never leave the app otherwise" in w.text() for w in view.findChildren(QLabel))
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.figures is not None, timeout=15000)
    figures = view.figures
    assert figures is not None and figures.period == quarter
    # The figures reports.voca computed, in the form's order, each with its Copy button.
    assert [f.question.figure for f in figures.figures][:3] == [
        "individuals_served",
        "anonymous_contacts",
        "individuals_new",
    ]
    assert figures.figure("individuals_served").total == 2
    assert figures.figure("anonymous_contacts").total == 1
    rows = {r.code: r for r in figures.figure("services").rows}
    assert (rows["transportation"].individuals, rows["transportation"].times) == (2, 3)
    assert rows["hotline_counseling"].times == 1
    titles = [w.title() for w in view.body.findChildren(QGroupBox)]
    assert titles == [f"{i}. {f.question.pmt}" for i, f in enumerate(figures.figures, 1)]
    if not figures.form.in_force_confirmed:
        assert view.warning.isVisible() and "could not be confirmed as the FY2026 form" in (
            view.warning.text()
        )
    shown = " ".join(w.text() for w in view.body.findChildren(QLabel))
    assert "Ana" not in shown and "Heron" not in shown

    button = view.copy_buttons["services/transportation/times"]
    assert button.isVisible() and button.accessibleName().startswith("Copy B9. ")
    QGuiApplication.clipboard().clear()
    button.click()  # (it may be scrolled out of sight: a mouse click would land elsewhere)
    assert view.copied == "services/transportation/times", view.message.text()
    assert QGuiApplication.clipboard().text() == "3"
    assert "Copied" in view.message.text()
    total = view.copy_buttons["individuals_served/total"]
    total.click()
    assert QGuiApplication.clipboard().text() == "2"
    unlocked.window.resize(1280, 900)
    qtbot.waitUntil(lambda: view.figures_scroll.viewport().width() >= view.body.width())
    view.grab().save(str(tmp_path / "voca.png"))
    QGuiApplication.clipboard().clear()


def test_an_advocate_has_no_such_view(unlocked, qtbot) -> None:
    vault = unlocked.vault
    me = vault.current_user
    vault.user = CurrentUser(me.id, me.name, "advocate", False)
    # The navigation an advocate gets has no Reports section at all...
    from advocate_app.ui.sections import build_sections
    from advocate_app.ui.shell import Shell

    shell = Shell("Riverbend Advocacy Office", me.name, "Advocate")
    qtbot.addWidget(shell)
    build_sections(unlocked, shell)
    assert "reports" not in shell.sections
    # ...and the view itself, if it were ever built for them, shows the store's refusal.
    view = VocaFiguresView(vault, date.today)
    qtbot.addWidget(view)
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "supervisor" in view.message.text(), timeout=15000)
    assert view.figures is None and not view.copy_buttons
