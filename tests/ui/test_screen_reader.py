"""Screen readers: every focusable control and every table or list header on every page has an
accessible name (read through Qt's accessibility interfaces, as a screen reader would), and a
live status message ("Saved", an error) is announced with an accessibility event."""

from __future__ import annotations

from datetime import date

import pytest

from advocate_app.store import clients, needs, notes
from advocate_app.ui.qt import (
    QAbstractItemView,
    QAccessible,
    QApplication,
    QDialog,
    QHeaderView,
    Qt,
    QWidget,
)


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _nameless(root: QWidget, where: str) -> list[str]:
    """Each visible control a person can reach with Tab (or a header) whose accessible
    interface gives no name."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.objectName().startswith("qt_"):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractItemView) and widget is not parent.viewport():
            continue  # an editor or a scroll bar belongs to its view, which is checked
        what = f"{where}: {type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QHeaderView):
            if widget.isHidden() or widget.model() is None:
                continue
            horizontal = widget.orientation() == Qt.Orientation.Horizontal
            if not horizontal:
                continue  # row numbers are hidden everywhere; a vertical header is not a title
            for section in range(widget.count()):
                if widget.isSectionHidden(section):
                    continue
                text = widget.model().headerData(
                    section, widget.orientation(), Qt.ItemDataRole.DisplayRole
                )
                if not str(text or "").strip():
                    found.append(f"{what} column {section} has no title")
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
            continue
        if not widget.isEnabled():
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None:
            found.append(f"{what} has no accessible interface")
            continue
        if not interface.text(QAccessible.Text.Name).strip():
            found.append(f"{what} has no accessible name")
    return found


@pytest.fixture
def client_id(unlocked) -> str:
    vault = unlocked.vault
    cid = clients.create_client(
        vault, clients.ClientFields(alias="Rosalind Q.", intake_date=date(2026, 3, 2))
    )
    needs.add_need(vault, cid, "housing", "Emergency shelter", next_step="Call the shelter")
    notes.add_note(vault, cid, "contact", "Phone call.")
    return cid


def test_every_control_and_header_on_every_page_has_a_name(qtbot, unlocked, client_id) -> None:
    window = unlocked.window
    shell = unlocked.shell
    problems: list[str] = []
    for row in range(shell.nav.count()):
        shell.nav.setCurrentRow(row)
        key = shell.current_key()
        _settle()
        problems += _nameless(window, f"section {key}")
        if key == "clients":
            detail = shell.sections["clients"].open_client(client_id)
            for index, tab in enumerate(detail.tab_keys):
                detail.tabs.setCurrentIndex(index)
                _settle()
                problems += _nameless(window, f"client {tab}")
    from advocate_app.ui.clients import dialogs as client_dialogs
    from advocate_app.ui.settings import users_dialogs

    dialogs: list[QDialog] = [
        client_dialogs.DestroyDialog("Rosalind Q.", window),
        users_dialogs.AddUserDialog(window),
    ]
    for dialog in dialogs:
        dialog.show()
        _settle()
        problems += _nameless(dialog, f"dialog {type(dialog).__name__}")
        dialog.reject()
    assert not problems, "\n".join(problems)


def test_the_unlock_page_names_its_controls(qtbot, make_controller, vault_dir) -> None:
    controller = make_controller(vault_dir)
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is controller.unlock_page)
    _settle()
    problems = _nameless(controller.window, "unlock")
    assert not problems, "\n".join(problems)


def test_a_saved_note_is_announced(qtbot, unlocked, client_id, monkeypatch) -> None:
    from advocate_app.ui import widgets

    heard: list[tuple[str, object]] = []
    real = widgets.send_accessibility_event

    def spy(event) -> None:  # type: ignore[no-untyped-def]
        target = event.object()
        heard.append((getattr(target, "text", lambda: "")(), event.type()))
        real(event)

    monkeypatch.setattr(widgets, "send_accessibility_event", spy)
    detail = unlocked.shell.show_section("clients").open_client(client_id)
    composer = detail.notes.composer
    qtbot.keyClicks(composer.editor, "Called about the shelter bed.")
    composer.save_button.click()
    qtbot.waitUntil(
        lambda: any("Saved" in text and kind == QAccessible.Event.Alert for text, kind in heard)
    )


def test_set_message_announces_an_error(qtbot, monkeypatch) -> None:
    from advocate_app.ui import widgets

    events: list[object] = []
    monkeypatch.setattr(
        widgets, "send_accessibility_event", lambda event: events.append(event.type())
    )
    line = widgets.label("")
    qtbot.addWidget(line)
    widgets.set_message(line, "Search failed. Try again.", "error")
    assert QAccessible.Event.Alert in events
    assert QAccessible.Event.NameChanged in events
    events.clear()
    widgets.set_message(line, "", "hint")  # clearing a line says nothing
    assert events == []
