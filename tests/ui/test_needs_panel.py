"""A client's needs checklist, used as a person would: keyboard and mouse, checking what is on
screen. Appointments, the checklist editor and the Today view have their own test files."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advocate_app.store import needs
from advocate_app.store.vault import Vault
from advocate_app.ui.needs.delegates import StatusCombo
from advocate_app.ui.needs.model import NeedsModel
from advocate_app.ui.qt import QApplication, QDate, QMessageBox, Qt, QTimer
from tests.ui.needs_helpers import (
    ALT,
    LEFT,
    make_panel,
    model_text,
    shown_rows,
    status_shown,
    template_id,
)


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
