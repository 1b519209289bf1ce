"""Needs checklist, appointments, the checklist editor and the Today view, used as a person
would: keyboard and mouse, checking what is on screen."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from advocate_app.settings import Settings
from advocate_app.store import appointments, clients, needs
from advocate_app.store.appointments import AppointmentFields
from advocate_app.store.checklist_file import BUILTIN_DEFAULTS
from advocate_app.store.clients import ClientFields
from advocate_app.store.vault import Vault
from advocate_app.ui.appointments.model import AppointmentsModel
from advocate_app.ui.appointments.panel import AppointmentsPanel
from advocate_app.ui.needs.delegates import StatusCombo
from advocate_app.ui.needs.model import NeedsModel
from advocate_app.ui.needs.panel import NeedsPanel
from advocate_app.ui.qt import QApplication, QDate, QMessageBox, Qt, QTime, QTimer
from advocate_app.ui.settings.checklist_templates import ChecklistTemplateDialog
from advocate_app.ui.today.section import TodaySection

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier  # Ctrl+digits switch sections


@pytest.fixture
def client_id(vault: Vault, today: date) -> int:
    return clients.create_client(
        vault, ClientFields(alias="Rosa K", intake_date=today - timedelta(days=60))
    )


def template_id(vault: Vault, category: str, label: str) -> int:
    return next(
        t.id
        for t in needs.template(vault, include_retired=True)
        if t.category == category and t.label == label
    )


def make_panel(qtbot, vault: Vault, client_id: int) -> NeedsPanel:
    panel = NeedsPanel(vault, client_id)
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    with qtbot.waitActive(panel):  # shortcuts and focus belong to the active window
        panel.show()
        panel.activateWindow()
    return panel


def shown_rows(panel: NeedsPanel) -> list[tuple[str, ...]]:
    """What the list shows: category lines as (title,), need lines as (need, status, …, due)."""
    model = panel.model
    rows: list[tuple[str, ...]] = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        rows.append((model.data(parent),))
        for row in range(model.rowCount(parent)):
            rows.append(
                tuple(
                    model.data(model.index(row, column, parent)) or ""
                    for column in range(model.columnCount())
                )
            )
    return rows


def status_shown(panel: NeedsPanel, need_id: int) -> str:
    return panel.model.data(panel.model.index_for_need(need_id, NeedsModel.COL_STATUS))


# --------------------------------------------------------------------------- needs


def test_add_items_from_the_checklist(qtbot, vault: Vault, client_id: int) -> None:
    panel = make_panel(qtbot, vault, client_id)
    assert panel.list_stack.currentWidget() is panel.empty
    assert "Add from checklist" in panel.empty.text()

    qtbot.mouseClick(panel.add_checklist_button, LEFT)
    dialog = panel.add_dialog
    assert dialog is not None and dialog.isVisible()
    tree = dialog.tree
    assert tree.currentItem().text(0) == "Emergency shelter"
    assert not dialog.add_button.isEnabled()
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # tick "Emergency shelter"
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # tick "Rental assistance"
    assert dialog.add_button.text() == "Add 2 needs"
    qtbot.mouseClick(dialog.add_button, LEFT)

    assert panel.list_stack.currentWidget() is panel.view
    assert shown_rows(panel) == [
        ("Housing (2)",),
        ("Emergency shelter", "Not started", "", "", ""),
        ("Rental assistance", "Not started", "", "", ""),
    ]
    assert panel.detail.need_title.text() == "Emergency shelter"  # the first new need is selected

    # The checklist now shows them as already on the list, and they cannot be ticked again.
    qtbot.mouseClick(panel.add_checklist_button, LEFT)
    again = panel.add_dialog
    shelter = again.tree.topLevelItem(0).child(0)
    assert shelter.text(0) == "Emergency shelter — already on the list"
    assert not shelter.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert again.item_for(template_id(vault, "housing", "Emergency shelter")) is None
    again.reject()


def test_add_my_own_need(qtbot, vault: Vault, client_id: int) -> None:
    panel = make_panel(qtbot, vault, client_id)
    qtbot.mouseClick(panel.add_own_button, LEFT)
    dialog = panel.add_dialog
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert "Write what the need is" in dialog.message.text()  # nothing typed yet
    assert dialog.isVisible()
    dialog.category.setFocus()
    qtbot.keyClicks(dialog.category, "Fin")  # type-ahead picks "Financial"
    assert dialog.category.currentData() == "financial"
    qtbot.keyClicks(dialog.need, "Open a bank account in her own name")
    qtbot.keyClick(dialog.need, Qt.Key.Key_Return)
    assert shown_rows(panel) == [
        ("Financial (1)",),
        ("Open a bank account in her own name", "Not started", "", "", ""),
    ]


def test_change_statuses_by_keyboard(qtbot, vault: Vault, client_id: int) -> None:
    ids = needs.add_needs_from_template(
        vault,
        client_id,
        [
            template_id(vault, "housing", "Emergency shelter"),
            template_id(vault, "housing", "Rental assistance"),
            template_id(vault, "license_id", "State ID card"),
        ],
    )
    panel = make_panel(qtbot, vault, client_id)
    view = panel.view
    assert panel.select_need(ids[0])
    assert view.hasFocus()

    # A shortcut sets a status directly.
    qtbot.keyClick(view, Qt.Key.Key_3, ALT)
    assert status_shown(panel, ids[0]) == "Met"
    assert needs.get_need(vault, ids[0]).status == "met"

    # F2 opens the status list; arrows move through it; Enter saves.
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert panel.current_need().id == ids[1]
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.viewport().findChild(StatusCombo)
    assert editor is not None and editor.currentText() == "Not started"
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert editor.currentText() == "Declined by client"
    assert needs.get_need(vault, ids[1]).status == "not_started"  # not saved until Enter
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status_shown(panel, ids[1]) == "Declined by client")
    assert needs.get_need(vault, ids[1]).status == "declined"

    # Enter on a need opens the same list; Escape leaves the status as it was.
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # past the "Driver's license and ID" heading
    assert panel.current_need().id == ids[2]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = view.viewport().findChild(StatusCombo)
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert status_shown(panel, ids[2]) == "Not started"

    # The detail shows the history, newest first, in words.
    panel.select_need(ids[1])
    history = [panel.detail.history.item(i).text() for i in range(panel.detail.history.count())]
    assert len(history) == 2
    assert history[0].endswith("Declined by client (Maria)")
    assert history[1].endswith("Not started (Maria)")
    assert panel.detail.status.currentText() == "Declined by client"


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen popups
def test_a_choice_from_the_opened_status_list_saves_at_once(
    qtbot, vault: Vault, client_id: int
) -> None:
    need_id = needs.add_need(vault, client_id, "housing", "Emergency shelter")
    panel = make_panel(qtbot, vault, client_id)
    panel.select_need(need_id)
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = panel.view.viewport().findChild(StatusCombo)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # open the list
    qtbot.waitUntil(lambda: editor.view().isVisible())
    qtbot.keyClick(editor.view(), Qt.Key.Key_Down)
    qtbot.keyClick(editor.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status_shown(panel, need_id) == "In progress")
    assert needs.get_need(vault, need_id).status == "in_progress"


def test_declined_is_neutral_and_never_overdue(
    qtbot, vault: Vault, client_id: int, today: date
) -> None:
    past = today - timedelta(days=10)
    declined = needs.add_need(
        vault, client_id, "recovery", "Substance use assessment", status="declined", due_date=past
    )
    waiting = needs.add_need(vault, client_id, "recovery", "Recovery housing", due_date=past)
    met = needs.add_need(vault, client_id, "recovery", "Support group", status="met", due_date=past)
    panel = make_panel(qtbot, vault, client_id)
    model = panel.model

    def looks(need_id: int) -> list[object]:
        index = model.index_for_need(need_id)
        return [
            model.data(index.siblingAtColumn(c), role)
            for c in range(model.columnCount())
            for role in (
                Qt.ItemDataRole.ForegroundRole,
                Qt.ItemDataRole.BackgroundRole,
                Qt.ItemDataRole.DecorationRole,
                Qt.ItemDataRole.FontRole,
            )
        ]

    assert status_shown(panel, declined) == "Declined by client"
    # Same styling as every other status: no color, no icon, no special font.
    assert looks(declined) == looks(waiting) == looks(met) == [None] * 20
    due = NeedsModel.COL_DUE
    assert "overdue" not in model.data(model.index_for_need(declined, due))
    assert "overdue" not in model.data(model.index_for_need(met, due))
    assert "overdue" in model.data(model.index_for_need(waiting, due))  # said in words


def test_detail_form_saves_next_step_due_date_and_resource(
    qtbot, vault: Vault, client_id: int, today: date
) -> None:
    need_id = needs.add_need(vault, client_id, "license_id", "Birth certificate")
    panel = make_panel(qtbot, vault, client_id)
    panel.select_need(need_id)
    detail = panel.detail
    assert not detail.save_button.isEnabled()
    qtbot.keyClicks(detail.next_step, "Request it from Vital Records")
    qtbot.keyClicks(detail.resource, "NC Vital Records")
    detail.priority.setFocus()
    qtbot.keyClick(detail.priority, Qt.Key.Key_Down)  # "Not set" -> "High"
    qtbot.mouseClick(detail.has_due, LEFT)
    due = today + timedelta(days=100)
    detail.due.setDate(QDate(due.year, due.month, due.day))
    assert detail.save_button.isEnabled()
    qtbot.keyClick(detail.next_step, Qt.Key.Key_Return)  # Enter saves

    saved = needs.get_need(vault, need_id)
    assert saved.next_step == "Request it from Vital Records"
    assert saved.resource_name == "NC Vital Records"
    assert saved.priority == "high"
    assert saved.due_date == due
    assert detail.saved_label.text() == "Saved."
    row = panel.model.index_for_need(need_id)
    assert model_text(panel, row, NeedsModel.COL_NEXT) == "Request it from Vital Records"
    assert model_text(panel, row, NeedsModel.COL_PRIORITY) == "High"

    # Typing and then moving to another need saves too: nothing typed is lost.
    other = needs.add_need(vault, client_id, "license_id", "State ID card")
    panel.refresh()
    panel.select_need(need_id)
    qtbot.keyClicks(detail.note_line, "Needs her mother's maiden name")
    panel.select_need(other)
    assert needs.get_need(vault, need_id).note_line == "Needs her mother's maiden name"


def test_a_due_date_nobody_could_mean_is_refused_with_a_message(
    qtbot, vault: Vault, client_id: int
) -> None:
    need_id = needs.add_need(vault, client_id, "license_id", "Birth certificate")
    panel = make_panel(qtbot, vault, client_id)
    panel.select_need(need_id)
    detail = panel.detail
    qtbot.mouseClick(detail.has_due, LEFT)
    detail.due.setDate(QDate(2206, 3, 14))  # a slip of the year
    qtbot.keyClick(detail.next_step, Qt.Key.Key_Return)
    assert "more than a year ahead" in panel.message.text()
    assert needs.get_need(vault, need_id).due_date is None


def model_text(panel: NeedsPanel, row_index, column: int) -> str:  # type: ignore[no-untyped-def]
    return panel.model.data(row_index.siblingAtColumn(column))


def test_delete_key_removes_a_need_after_confirming(qtbot, vault: Vault, client_id: int) -> None:
    keep = needs.add_need(vault, client_id, "housing", "Emergency shelter")
    mistake = needs.add_need(vault, client_id, "housing", "Emergency sheltre")
    panel = make_panel(qtbot, vault, client_id)
    panel.select_need(mistake)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == "Remove need")
        qtbot.mouseClick(button, LEFT)

    QTimer.singleShot(0, answer)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert seen and "Declined by client" in seen[0]  # points to the neutral alternative
    assert [n.id for n in needs.list_needs(vault, client_id)] == [keep]
    assert shown_rows(panel)[1][0] == "Emergency shelter"


def test_needs_model_passes_the_model_tester(
    qtmodeltester, vault: Vault, client_id: int, today: date
) -> None:
    model = NeedsModel(vault, client_id)
    model.reload()
    qtmodeltester.check(model)  # empty
    needs.add_needs_from_template(
        vault,
        client_id,
        [
            template_id(vault, "housing", "Emergency shelter"),
            template_id(vault, "financial", "Bank account"),
        ],
    )
    needs.add_need(vault, client_id, "housing", "Pet-friendly shelter", due_date=today)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.need_count() == 3


def test_appointments_model_passes_the_model_tester(
    qtmodeltester, vault: Vault, client_id: int, today: date
) -> None:
    appointments.add_appointment(
        vault,
        client_id,
        AppointmentFields(
            starts_at=datetime.combine(today, time(9, 30)),
            kind="court_hearing",
            place="District Court",
            accompanied=True,
        ),
    )
    model = AppointmentsModel(vault, client_id)
    model.reload()
    qtmodeltester.check(model)


# --------------------------------------------------------------------------- appointments


def test_add_an_appointment_then_record_its_outcome(
    qtbot, vault: Vault, client_id: int, today: date
) -> None:
    panel = AppointmentsPanel(vault, client_id)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.stack.currentWidget() is panel.empty
    qtbot.mouseClick(panel.add_button, LEFT)
    dialog = panel.dialog
    court_day = today + timedelta(days=3)
    dialog.date.setDate(QDate(court_day.year, court_day.month, court_day.day))
    dialog.time.setTime(QTime(9, 30))
    dialog.kind.setFocus()
    qtbot.keyClicks(dialog.kind, "Pro")  # type-ahead: "Protective order hearing"
    qtbot.keyClicks(dialog.place, "District Court, Courtroom 2")
    qtbot.mouseClick(dialog.accompanied, LEFT)
    qtbot.mouseClick(dialog.save_button, LEFT)

    model = panel.model
    assert panel.stack.currentWidget() is panel.table
    assert [model.data(model.index(0, c)) for c in range(1, 4)] == [
        "Protective order hearing",
        "District Court, Courtroom 2",
        "Yes",
    ]
    saved = appointments.list_appointments(vault, client_id)[0]
    assert saved.starts_at == datetime.combine(court_day, time(9, 30))

    # Afterwards: Enter on the row opens it; the outcome is typed and saved.
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    edit = panel.dialog
    assert edit is not None and edit.place.text() == "District Court, Courtroom 2"
    qtbot.keyClicks(edit.outcome, "Order granted for one year")
    qtbot.mouseClick(edit.save_button, LEFT)
    assert model.data(model.index(0, AppointmentsModel.COL_OUTCOME)) == (
        "Order granted for one year"
    )
    assert panel.select_appointment(saved.id)


# --------------------------------------------------------------------------- the checklist editor


def test_supervisor_renames_and_retires_checklist_items(
    qtbot, vault: Vault, client_id: int
) -> None:
    shelter = template_id(vault, "housing", "Emergency shelter")
    existing = needs.add_needs_from_template(vault, client_id, [shelter])[0]
    dialog = ChecklistTemplateDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.tree.setCurrentItem(dialog.find_item("Emergency shelter"))
    qtbot.mouseClick(dialog.rename_button, LEFT)
    prompt = dialog.prompt
    assert prompt is not None and prompt.text.text() == "Emergency shelter"
    prompt.text.clear()
    qtbot.keyClicks(prompt.text, "Shelter bed tonight")
    qtbot.mouseClick(prompt.ok, LEFT)
    assert dialog.find_item("Shelter bed tonight") is not None
    assert "keep the old wording" in dialog.status.text()

    dialog.tree.setCurrentItem(dialog.find_item("Rental assistance"))
    qtbot.mouseClick(dialog.retire_button, LEFT)
    assert dialog.find_item("Rental assistance") is None
    dialog.show_retired.setFocus()
    qtbot.keyClick(dialog.show_retired, Qt.Key.Key_Space)
    assert dialog.find_item("Rental assistance (retired)") is not None

    # The client's own need is untouched; new suggestions use the new wording.
    panel = make_panel(qtbot, vault, client_id)
    assert model_text(panel, panel.model.index_for_need(existing), 0) == "Emergency shelter"
    qtbot.mouseClick(panel.add_checklist_button, LEFT)
    housing = panel.add_dialog.tree.topLevelItem(0)
    offered = [housing.child(i).text(0) for i in range(housing.childCount())]
    assert "Shelter bed tonight — already on the list" in offered
    assert not any(text.startswith("Rental assistance") for text in offered)
    panel.add_dialog.reject()


def test_a_broken_checklist_file_still_lets_people_work(
    qtbot, vault: Vault, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "assets" / "checklists"
    folder.mkdir(parents=True)
    (folder / "default.toml").write_text(
        '[housing]\nitems = "Emergency shelter"\n', encoding="utf-8"
    )
    monkeypatch.setenv("ADVOCATE_ASSETS_DIR", str(tmp_path / "assets"))

    panel = make_panel(qtbot, vault, client_id)
    qtbot.mouseClick(panel.add_checklist_button, LEFT)
    tree = panel.add_dialog.tree
    assert tree.topLevelItemCount() == 12  # the built-in defaults
    license_group = tree.topLevelItem(1)
    assert [license_group.child(i).text(0) for i in range(license_group.childCount())] == (
        BUILTIN_DEFAULTS["license_id"]
    )
    panel.add_dialog.reject()

    editor = ChecklistTemplateDialog(vault)
    qtbot.addWidget(editor)
    texts = [w.text() for w in editor.findChildren(type(panel.empty))]
    assert any("default.toml, line 2" in t for t in texts)


# --------------------------------------------------------------------------- Today


def test_today_view_updates_and_opens_the_client_at_the_need(
    qtbot, vault: Vault, client_id: int, today: date
) -> None:
    section = TodaySection(vault, Settings())
    qtbot.addWidget(section)
    section.resize(1000, 700)
    section.show()
    # The rows arrive from a worker thread; until then the page shows its empty lists.
    assert section.overdue.stack.currentWidget() is section.overdue.tree
    with qtbot.waitSignal(section.shown, timeout=10000):
        section.on_show()
    assert section.overdue.stack.currentWidget() is section.overdue.empty
    assert section.overdue.empty.text().startswith("Nothing overdue.")
    assert section.overdue.title() == "Overdue"
    # Rosa's intake was 60 days ago and no contact is recorded.
    assert section.quiet.row_texts(0) == ["Rosa K", "None recorded yet"]

    need_id = needs.add_need(
        vault, client_id, "housing", "Rental assistance", due_date=today - timedelta(days=3)
    )
    appointments.add_appointment(
        vault,
        client_id,
        AppointmentFields(
            starts_at=datetime.combine(today + timedelta(days=1), time(9, 30)),
            kind="court_hearing",
            place="District Court",
            accompanied=True,
        ),
    )
    with qtbot.waitSignal(section.shown, timeout=10000):
        section.on_show()
    assert section.overdue.title() == "Overdue (1)"
    texts = section.overdue.row_texts(0)
    assert texts[0] == "Rosa K" and texts[1] == "Rental assistance · Housing"
    assert texts[2].endswith("(3 days ago)") and texts[3] == "Not started"
    upcoming = section.upcoming.row_texts(0)
    assert upcoming[0].startswith("Tomorrow, ") and upcoming[1] == "Rosa K"
    assert upcoming[2] == "Court hearing · District Court" and upcoming[3] == "Yes"

    # Enter on the line asks to open Rosa's needs at that need.
    tree = section.overdue.tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    with qtbot.waitSignal(section.open_client) as opened:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert opened.args == [client_id, {"tab": "needs", "need_id": need_id}]

    # There, marking it declined by keyboard takes it off Today: declined is never overdue.
    panel = make_panel(qtbot, vault, client_id)
    assert panel.select_need(need_id)
    qtbot.keyClick(panel.view, Qt.Key.Key_4, ALT)
    assert status_shown(panel, need_id) == "Declined by client"
    with qtbot.waitSignal(section.shown, timeout=10000):
        section.on_show()
    assert section.overdue.stack.currentWidget() is section.overdue.empty
    assert section.overdue.title() == "Overdue"

    with qtbot.waitSignal(section.open_client) as opened:
        section.upcoming.tree.setFocus()
        qtbot.keyClick(section.upcoming.tree, Qt.Key.Key_Return)
    assert opened.args[0] == client_id and opened.args[1]["tab"] == "appointments"
