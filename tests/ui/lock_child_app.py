"""The child process of test_memory_after_lock: the real app, driven from inside, then locked.

Run as `python tests/ui/lock_child_app.py DATA_DIR`. Not a test module and not imported by one.

First run: reads the canaries (one JSON line) from standard input, sets up a vault through the
pages (so the recovery key is shown), adds a client with the canary alias, saves canary notes,
leaves a canary draft in the composer and presses Ctrl+L. Locking replaces the process with a
fresh one on the same command line, so this file runs again: that run reports when the unlock
window is shown, then waits for the parent (which scans the memory meanwhile) to send
`{"unlock": passphrase}` and reports where unlocking brought the person back to.

Every message to the parent is one JSON line on standard output.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from advocate_app.ui.app import make_application, open_main_window
from advocate_app.ui.qt import QApplication, QSocketNotifier, Qt, QTimer
from advocate_app.ui.restart import RESUME_ENV
from advocate_app.ui.standby import SuccessorGone, wait_for_turn


def emit(**message: object) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def fail(text: str) -> None:
    emit(event="error", text=text)
    os._exit(3)


def when(
    condition: Callable[[], bool],
    then: Callable[[], None],
    what: str,
    deadline: float | None = None,
) -> None:
    """Run `then` once `condition` holds, checking from the event loop (the app keeps running)."""
    deadline = deadline or time.monotonic() + 60

    def check() -> None:
        if condition():
            then()
        elif time.monotonic() > deadline:
            fail(f"timed out waiting for {what}")
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(0, check)


def first_run(controller, canaries: dict) -> None:
    from PySide6.QtTest import QTest

    controller.kdf_target_seconds = 0  # the floor: set-up and unlock stay quick here
    stack = controller.window.stack
    LEFT = Qt.MouseButton.LeftButton

    def setup() -> None:
        QTest.mouseClick(controller.welcome.setup_button, LEFT)
        page = controller.setup
        QTest.keyClicks(page.office, "Hillside Office")
        QTest.keyClicks(page.user, "Dana")
        QTest.keyClicks(page.passphrase, canaries["passphrase"])
        QTest.keyClicks(page.repeat, canaries["passphrase"])
        QTest.mouseClick(page.create_button, LEFT)
        when(lambda: stack.currentWidget() is controller.recovery, recovery, "the recovery key")

    def recovery() -> None:
        page = controller.recovery
        key = page.key_text()
        emit(event="recovery_key", key=key, shown=page.key_label.text())
        groups = key.split("-")
        for field, number in zip(page.group_fields, page.CHECK_GROUPS, strict=True):
            QTest.keyClicks(field, groups[number - 1])
        QTest.mouseClick(page.continue_button, LEFT)
        when(
            lambda: controller.shell is not None and stack.currentWidget() is controller.shell,
            client,
            "the main window",
        )

    def client() -> None:
        section = controller.shell.show_section("clients")
        QTest.mouseClick(section.new_button, LEFT)
        QTest.keyClicks(section.new_form.alias, canaries["alias"])
        QTest.keyClick(section.new_form.alias, Qt.Key.Key_Return)
        when(lambda: section.detail is not None, lambda: notes(section), "the new client")

    def notes(section) -> None:
        for body in canaries["notes"]:
            composer = section.detail.notes.composer  # a saved note may rebuild the record view
            QTest.keyClicks(composer.editor, body)
            QTest.mouseClick(composer.save_button, LEFT)
        QTest.keyClicks(section.detail.notes.composer.editor, canaries["draft"])
        window = controller.window
        window.setGeometry(140, 90, 1100, 720)  # somewhere recognisable
        emit(
            event="place",
            section="clients",
            client_id=section.detail.client_id,
            tab=section.detail.current_tab(),
            geometry=[window.x(), window.y(), window.width(), window.height()],
        )
        QTimer.singleShot(0, lock)

    def lock() -> None:
        successor = controller.successor
        if canaries.get("standby", True):
            # As a person locks, minutes after unlocking: the successor started meanwhile.
            when(successor.ready, press_lock, "the successor")
        else:
            successor.stop()  # a lock right after unlocking: no successor yet
            press_lock()

    def press_lock() -> None:
        emit(event="locking", at=time.time(), pid=os.getpid())
        QTest.keyClick(controller.shell.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        # Still here: the lock did not start a fresh process. Let the event loop finish what the
        # lock scheduled (deleting the main window's content), collect garbage, then report.
        when(
            lambda: stack.currentWidget() is controller.unlock_page,
            lambda: QTimer.singleShot(50, ready_in_place),
            "the unlock window",
        )

    def ready_in_place() -> None:
        QApplication.sendPostedEvents()
        gc.collect()
        emit(event="ready", fresh=False, at=time.time(), pid=os.getpid())
        listen(controller)

    when(lambda: stack.currentWidget() is controller.welcome, setup, "the welcome page")


def after_restart(controller) -> None:
    window = controller.window
    emit(
        event="ready",
        fresh=True,
        at=time.time(),
        pid=os.getpid(),
        unlock_shown=(
            window.isVisible() and window.stack.currentWidget() is controller.unlock_page
        ),
        geometry=[window.x(), window.y(), window.width(), window.height()],
    )
    listen(controller)


def listen(controller) -> None:
    """Wait for the parent's line without blocking the event loop."""
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.setParent(controller.window)  # kept alive as long as the window

    def readable() -> None:
        notifier.setEnabled(False)
        line = sys.stdin.readline()
        if not line:
            QApplication.quit()
            return
        command = json.loads(line)
        if "unlock" in command:
            unlock_again(controller, command["unlock"])
        else:
            controller.window.close()
            QApplication.quit()

    notifier.activated.connect(readable)


def unlock_again(controller, passphrase: str) -> None:
    from PySide6.QtTest import QTest

    page = controller.unlock_page
    QTest.keyClicks(page.passphrase, passphrase)
    QTest.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)

    def report() -> None:
        shell = controller.shell
        section = shell.sections["clients"]
        detail = section.detail
        emit(
            event="unlocked",
            section=shell.current_key(),
            client_id=detail.client_id if detail else None,
            tab=detail.current_tab() if detail else None,
            draft=detail.notes.composer.editor.toPlainText() if detail else None,
        )
        listen(controller)

    when(
        lambda: (
            controller.shell is not None
            and controller.window.stack.currentWidget() is controller.shell
            # the record where it left off is read on a worker, then shown (open_client_soon)
            and controller.shell.sections["clients"].detail is not None
        ),
        report,
        "unlocking",
    )


def main() -> int:
    data_dir = Path(sys.argv[1])
    try:
        wait_for_turn()  # the successor started ahead of a lock waits here (ui/standby.py)
    except SuccessorGone:
        return 0  # dismissed: the run it was started for locked without it, or ended
    app = make_application([])
    fresh = RESUME_ENV in os.environ
    controller = open_main_window(data_dir)
    if fresh:
        QTimer.singleShot(0, lambda: after_restart(controller))
    else:
        canaries = json.loads(sys.stdin.readline())
        QTimer.singleShot(0, lambda: first_run(controller, canaries))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
