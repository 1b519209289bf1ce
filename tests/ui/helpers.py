"""Helpers shared by the ui tests: unlocking as a person would, and waiting for the app's
background work to finish (a real condition, never a fixed sleep)."""

from __future__ import annotations

from typing import Any

from advocate_app.ui.controller import AppController
from advocate_app.ui.qt import QDialog, QDialogButtonBox, Qt
from advocate_app.ui.worker import tasks_running
from tests.helpers import PASSPHRASE


def unlock(qtbot: Any, controller: AppController, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase on the unlock page, click Unlock, wait for the shell."""
    page = controller.unlock_page
    qtbot.waitUntil(lambda: controller.window.stack.currentWidget() is page)
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            controller.shell is not None
            and controller.window.stack.currentWidget() is controller.shell
        ),
        timeout=15000,
    )


def wait_for_background_work(qtbot: Any, timeout: int = 20000) -> None:
    """Wait until every task started through ui.worker has come back to the GUI thread and its
    callback has run: what a test waits for before it checks that something did NOT happen."""
    qtbot.waitUntil(lambda: tasks_running() == 0, timeout=timeout)


def click_accept(dialog: QDialog) -> None:
    """Press the dialog's accepting button (OK, Save, Add...), as a person would."""
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None, "the dialog has no button box"
    accepting = [
        b
        for b in box.buttons()
        if box.buttonRole(b)
        in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)
    ]
    assert len(accepting) == 1, "expected one accepting button"
    accepting[0].click()
